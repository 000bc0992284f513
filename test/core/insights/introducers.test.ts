import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { findIntroducers, matchPeople, pathScore } from '../../../src/core/insights/introducers'
import { buildNetwork, introducerRecord, recordPrior, tieKey, tieStrength, type InsightNetwork } from '../../../src/core/insights/network'
import { arbNetwork, netOf, TODAY } from './arb'

/**
 * Brute force: every simple path from you to a target that does not come back
 * through you, scored straight from the documented definition (product of hop
 * strengths x product of the intermediaries' records), best per first hop.
 */
function bruteBestPerFirstHop(net: InsightNetwork, targets: Set<string>): Map<string, number> {
  const me = net.meId!
  const adj = new Map<string, string[]>()
  for (const t of net.ties.values()) {
    adj.set(t.a, [...(adj.get(t.a) ?? []), t.b])
    adj.set(t.b, [...(adj.get(t.b) ?? []), t.a])
  }
  const best = new Map<string, number>()
  const walk = (path: string[]) => {
    const last = path[path.length - 1]!
    if (path.length > 1 && targets.has(last)) {
      let s = 1
      for (let i = 0; i + 1 < path.length; i++) s *= tieStrength(net.ties.get(tieKey(path[i]!, path[i + 1]!))!, TODAY)
      for (let i = 1; i + 1 < path.length; i++) s *= introducerRecord(net.people.get(path[i]!)!, net.prior)
      const first = path[1]!
      best.set(first, Math.max(best.get(first) ?? 0, s))
      return
    }
    for (const nb of adj.get(last) ?? []) if (!path.includes(nb)) walk([...path, nb])
  }
  walk([me])
  return best
}

describe('who can introduce me: paths are the best under the documented weights', () => {
  it('single target: one path per first hop, each as good as the best simple path through that person', () => {
    fc.assert(
      fc.property(arbNetwork(7), fc.nat(), (r, pick) => {
        const net = netOf(r)
        const others = r.people.filter((p) => !p.isMe)
        const target = others[pick % others.length]!.id
        const got = findIntroducers(net, [target], 50)
        const brute = bruteBestPerFirstHop(net, new Set([target]))
        expect(new Set(got.map((p) => p.askId))).toEqual(new Set(brute.keys()))
        for (const p of got) {
          expect(p.path[0]).toBe(net.meId)
          expect(p.path[p.path.length - 1]).toBe(target)
          expect(new Set(p.path).size).toBe(p.path.length)
          expect(p.score).toBeCloseTo(pathScore(net, p.path), 9)
          expect(p.score).toBeCloseTo(brute.get(p.askId)!, 9)
        }
        for (let i = 1; i < got.length; i++) expect(got[i - 1]!.score).toBeGreaterThanOrEqual(got[i]!.score)
      }),
      { numRuns: 300 },
    )
  })

  it('a company: paths end at whoever there is easiest to reach, never through another of them needlessly', () => {
    fc.assert(
      fc.property(arbNetwork(7), (r) => {
        const net = netOf(r)
        const targets = matchPeople(net.people.values(), 'company', 'acme')
        fc.pre(targets.length > 0)
        const got = findIntroducers(net, targets, 50)
        const brute = bruteBestPerFirstHop(net, new Set(targets))
        expect(new Set(got.map((p) => p.askId))).toEqual(new Set(brute.keys()))
        for (const p of got) {
          expect(targets).toContain(p.path[p.path.length - 1])
          expect(p.score).toBeCloseTo(brute.get(p.askId)!, 9)
          expect(p.score).toBeCloseTo(pathScore(net, p.path), 9)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('the limit keeps the best ones', () => {
    fc.assert(
      fc.property(arbNetwork(7), fc.integer({ min: 1, max: 3 }), (r, limit) => {
        const net = netOf(r)
        const target = r.people[r.people.length - 1]!.id
        const all = findIntroducers(net, [target], 50)
        const some = findIntroducers(net, [target], limit)
        expect(some.map((p) => p.score)).toEqual(all.slice(0, limit).map((p) => p.score))
      }),
    )
  })

  it('explains a path in one sentence with names, counts and the introducer record', () => {
    const people = ['You', 'Anna Berg', 'Bob Chen', 'Carla Diaz'].map((name, i) => ({
      id: `p${i}`,
      name,
      company: i === 3 ? 'Acme Ltd' : null,
      profession: null,
      email: null,
      isMe: i === 0,
      madeWon: i === 1 ? 6 : 0,
      madeDecided: i === 1 ? 8 : 0,
      groups: [],
    }))
    const tie = (a: string, b: string, ab: number, ba: number, last: string) => ({ a, b, ab, ba, abWon: 0, abDecided: 0, baWon: 0, baDecided: 0, shared: 0, contacts: 0, last })
    const net = buildNetwork({
      people,
      ties: [tie('p0', 'p1', 3, 2, '2026-05-01'), tie('p1', 'p2', 1, 0, '2026-03-02'), tie('p2', 'p3', 0, 1, '2025-11-20')],
      today: TODAY,
      prior: recordPrior(30, 100, 5),
    })
    const [p] = findIntroducers(net, matchPeople(net.people.values(), 'company', 'ACME'))
    expect(p!.names).toEqual(['You', 'Anna Berg', 'Bob Chen', 'Carla Diaz'])
    expect(p!.why).toBe(
      "Ask Anna Berg (5 introductions, both ways, last 2026-05-01), who knows Bob Chen (1 introduction, last 2026-03-02), who knows Carla Diaz (1 introduction, last 2025-11-20); 58% of Anna Berg's introductions close (6 of 8 decided, weighed toward the network's 30%).",
    )
    // (6 + 0.3 x 5) / (8 + 5) = 0.577: the scorecards' shrunk rate.
    expect(introducerRecord(people[1]!, net.prior)).toBeCloseTo(7.5 / 13, 12)
  })

  it('nobody to ask when you have no tie that leads there', () => {
    const r = { people: [{ id: 'a', name: 'You', company: null, profession: null, email: null, isMe: true, madeWon: 0, madeDecided: 0, groups: [] }, { id: 'b', name: 'B', company: null, profession: null, email: null, isMe: false, madeWon: 0, madeDecided: 0, groups: [] }], ties: [] }
    expect(findIntroducers(buildNetwork({ ...r, today: TODAY, prior: recordPrior(1, 2, 5) }), ['b'])).toEqual([])
  })
})

describe('hop strength', () => {
  const base = { ab: 2, ba: 1, shared: 0, contacts: 0, last: TODAY }
  it('is volume x recency x reciprocity as documented', () => {
    // n = 3: 3/4; recency today = 1; both ways = 1.
    expect(tieStrength(base, TODAY)).toBeCloseTo(0.75, 12)
    // a year ago: recency 0.5 + 0.5 x 0.5 = 0.75; one way: 0.8.
    expect(tieStrength({ ab: 3, ba: 0, shared: 0, contacts: 0, last: '2025-06-15' }, TODAY)).toBeCloseTo(0.75 * 0.75 * 0.8, 12)
  })
  it('grows with volume and recency and stays inside (0, 1)', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.nat(20), fc.nat(3000), (n, m, days) => {
        const last = new Date(Date.parse(`${TODAY}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10)
        const s = tieStrength({ ab: n + 1, ba: 0, shared: m, contacts: 0, last }, TODAY)
        expect(s).toBeGreaterThan(0)
        expect(s).toBeLessThan(1)
        expect(tieStrength({ ab: n + 2, ba: 0, shared: m, contacts: 0, last }, TODAY)).toBeGreaterThan(s)
        expect(tieStrength({ ab: n + 1, ba: 0, shared: m, contacts: 0, last: TODAY }, TODAY)).toBeGreaterThanOrEqual(s)
      }),
    )
  })
})
