import { describe, expect, it } from 'vitest'
import { generateNetwork, type GeneratedNetwork } from '../../src/core/sample/generator'
import { INTRO_STATUSES } from '../../src/shared/schemas'
import { addDays } from '../../src/core/dates'

const TODAY = '2026-10-31'
const sample = generateNetwork({ seed: 42, today: TODAY })

function winRate(net: GeneratedNetwork, pick: (i: GeneratedNetwork['introductions'][number]) => boolean): number {
  const decided = net.introductions.filter((i) => pick(i) && (i.status === 'won' || i.status === 'lost' || i.status === 'not_a_fit'))
  return decided.filter((i) => i.status === 'won').length / decided.length
}

describe('sample network generator', () => {
  it('is deterministic for a seed, and the seed matters', () => {
    expect(JSON.stringify(generateNetwork({ seed: 42, today: TODAY }))).toBe(JSON.stringify(sample))
    expect(JSON.stringify(generateNetwork({ seed: 43, today: TODAY }))).not.toBe(JSON.stringify(sample))
  })

  it('has the sample\'s shape: a few hundred people, one "you", a handful of groups', () => {
    expect(sample.people).toHaveLength(300)
    expect(sample.people.filter((p) => p.isMe)).toHaveLength(1)
    const me = sample.people.find((p) => p.isMe)!
    expect(sample.groups.length).toBeGreaterThanOrEqual(3)
    expect(sample.groups.length).toBeLessThanOrEqual(6)
    for (const g of sample.groups) {
      expect(g.memberIds).toContain(me.id)
      expect(g.memberIds.length).toBeGreaterThan(3)
    }
    expect(sample.introductions.length).toBeGreaterThanOrEqual(500)
    expect(sample.introductions.length).toBeLessThanOrEqual(600)
  })

  it('keeps every reference and id valid', () => {
    const ids = new Set(sample.people.map((p) => p.id))
    const all = [
      ...sample.people.map((p) => p.id),
      ...sample.groups.map((g) => g.id),
      ...sample.introductions.map((i) => i.id),
      ...sample.introductions.flatMap((i) => i.history.map((h) => h.id)),
      ...sample.interactions.map((x) => x.id),
    ]
    expect(new Set(all).size).toBe(all.length)
    for (const p of sample.people) if (p.introducedById) expect(ids.has(p.introducedById)).toBe(true)
    for (const i of sample.introductions) {
      expect(ids.has(i.referrerId) && ids.has(i.receiverId) && ids.has(i.prospectId)).toBe(true)
      expect(i.referrerId).not.toBe(i.receiverId)
      expect(i.prospectId).not.toBe(i.referrerId)
      expect(i.prospectId).not.toBe(i.receiverId)
    }
    const introIds = new Set(sample.introductions.map((i) => i.id))
    for (const x of sample.interactions) {
      expect(ids.has(x.personId)).toBe(true)
      if (x.introductionId) expect(introIds.has(x.introductionId)).toBe(true)
    }
  })

  it('spans two years ending today, with a status history that walks forward', () => {
    const start = addDays(TODAY, -730)
    for (const i of sample.introductions) {
      expect(i.date >= start && i.date <= TODAY).toBe(true)
      expect(INTRO_STATUSES).toContain(i.status)
      expect(i.history[0]).toMatchObject({ status: 'new', date: i.date })
      expect(i.history.at(-1)).toMatchObject({ status: i.status, date: i.statusDate })
      for (let k = 1; k < i.history.length; k++) expect(i.history[k]!.date >= i.history[k - 1]!.date).toBe(true)
      expect(i.statusDate <= TODAY).toBe(true)
      if (i.status === 'won') expect(i.valueMinor).toBeGreaterThan(0)
      if (i.status === 'lost' || i.status === 'not_a_fit') expect(i.valueMinor).toBeNull()
    }
    const dates = sample.introductions.map((i) => i.date)
    expect([...dates].sort()).toEqual(dates)
  })

  it('has plausible statuses: mostly decided, some open, won and lost both common', () => {
    const n = sample.introductions.length
    const count = (s: string) => sample.introductions.filter((i) => i.status === s).length
    const open = count('new') + count('contacted') + count('meeting') + count('proposal')
    expect(count('won') / n).toBeGreaterThan(0.15)
    expect(count('won') / n).toBeLessThan(0.6)
    expect(count('lost') / n).toBeGreaterThan(0.1)
    expect(count('not_a_fit')).toBeGreaterThan(0)
    expect(open / n).toBeGreaterThan(0.02)
    expect(open / n).toBeLessThan(0.35)
  })

  it('inbound introductions convert better than outbound, referrals better than leads', () => {
    expect(winRate(sample, (i) => i.origin === 'inbound')).toBeGreaterThan(winRate(sample, (i) => i.origin === 'outbound') + 0.1)
    expect(winRate(sample, (i) => i.kind === 'referral')).toBeGreaterThan(winRate(sample, (i) => i.kind === 'lead') + 0.1)
  })

  it('partners differ in how well their introductions convert', () => {
    const me = sample.people.find((p) => p.isMe)!
    const by = new Map<string, { won: number; decided: number }>()
    for (const i of sample.introductions) {
      if (i.receiverId !== me.id || !['won', 'lost', 'not_a_fit'].includes(i.status)) continue
      const s = by.get(i.referrerId) ?? { won: 0, decided: 0 }
      s.decided++
      if (i.status === 'won') s.won++
      by.set(i.referrerId, s)
    }
    const rates = [...by.values()].filter((s) => s.decided >= 8).map((s) => s.won / s.decided)
    expect(rates.length).toBeGreaterThanOrEqual(5)
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.3)
  })

  it('thanks most won introductions to you, not all', () => {
    const me = sample.people.find((p) => p.isMe)!
    const won = sample.introductions.filter((i) => i.status === 'won' && i.receiverId === me.id)
    const thanked = new Set(sample.interactions.filter((x) => x.kind === 'thank_you').map((x) => x.introductionId))
    const share = won.filter((i) => thanked.has(i.id)).length / won.length
    expect(share).toBeGreaterThan(0.5)
    expect(share).toBeLessThan(0.95)
  })

  it('scales to bench sizes with the requested introductions per person', () => {
    const big = generateNetwork({ people: 2000, introsPerPerson: 10, seed: 1, today: TODAY })
    expect(big.people).toHaveLength(2000)
    expect(big.introductions.length).toBeGreaterThan(19_000)
    expect(big.introductions.length).toBeLessThanOrEqual(20_000)
  })
})
