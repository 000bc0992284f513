import Graph from 'graphology'
import louvain from 'graphology-communities-louvain'
import { shrunkRate } from '../analytics/quality'
import { createRng } from '../random'
import type { InsightNetwork } from './network'
import type { Flow, Gap, MeetingSuggestion, PowerTeams, Sphere } from '../../shared/channels/insights'

/**
 * Power teams from your own data.
 * - Flow: introductions from one profession to another (referrer's profession -> receiver's), with
 *   counts, won, decided and conversion (won / decided).
 * - Contact spheres: professions that send work to each other, found by Louvain on the profession
 *   graph of introductions you were not part of (ties weighted by introductions exchanged between
 *   two professions, either way).
 * - Gaps: professions whose people brought at least GAP_MIN_WON won introductions to others in your
 *   network (introductions you were not part of) but none of whom is your partner.
 * - Who should meet whom: two of your partners, of professions that exchanged won introductions
 *   elsewhere in your network (you not involved), who have no tie yet.
 */
export const NO_PROFESSION = 'No profession'
export const GAP_MIN_WON = 2
export const PARTNERS_PER_PROFESSION = 3
export const MAX_SUGGESTIONS_PER_PERSON = 2
/** At most this many suggestions per pair of professions, so one strong pair does not fill the list. */
export const MAX_SUGGESTIONS_PER_PROFESSIONS = 2
export const MAX_SUGGESTIONS = 20

const prof = (net: InsightNetwork, id: string) => net.people.get(id)?.profession?.trim() || NO_PROFESSION

interface Agg {
  count: number
  won: number
  decided: number
}
const add = (m: Map<string, Agg>, k: string, count: number, won: number, decided: number) => {
  const a = m.get(k)
  if (a) {
    a.count += count
    a.won += won
    a.decided += decided
  } else m.set(k, { count, won, decided })
}
const SEP = '\u0000'
const rate = (a: Agg) => (a.decided > 0 ? a.won / a.decided : null)

/** Directed profession flows; `elsewhere` leaves out introductions you made or received. */
export function professionFlows(net: InsightNetwork, elsewhere: boolean): Map<string, Agg> {
  const m = new Map<string, Agg>()
  for (const t of net.ties.values()) {
    if (elsewhere && (t.a === net.meId || t.b === net.meId)) continue
    if (t.ab) add(m, `${prof(net, t.a)}${SEP}${prof(net, t.b)}`, t.ab, t.abWon, t.abDecided)
    if (t.ba) add(m, `${prof(net, t.b)}${SEP}${prof(net, t.a)}`, t.ba, t.baWon, t.baDecided)
  }
  return m
}

/** Your partners: people you sent introductions to or received introductions from. */
export function partnerIds(net: InsightNetwork): string[] {
  return [...net.meTies.values()].filter((t) => t.ab + t.ba > 0).map((t) => (t.a === net.meId ? t.b : t.a))
}

export function powerTeams(net: InsightNetwork, seed = 1): PowerTeams {
  const all = professionFlows(net, false)
  const flows: Flow[] = [...all]
    .map(([k, a]) => {
      const [from, to] = k.split(SEP) as [string, string]
      return { from, to, ...a, conversion: rate(a) }
    })
    .sort((x, y) => y.won - x.won || y.count - x.count || (x.from + x.to < y.from + y.to ? -1 : 1))

  const partners = partnerIds(net)
  const partnerProfs = new Map<string, number>()
  for (const id of partners) partnerProfs.set(prof(net, id), (partnerProfs.get(prof(net, id)) ?? 0) + 1)

  // Contact spheres: Louvain on the undirected profession graph of the introductions between others
  // (yours would tie every profession to your own and make one sphere of everything).
  const elsewhere = professionFlows(net, true)
  const pg = new Graph<Record<string, never>, { weight: number }>({ type: 'undirected' })
  for (const [k, a] of elsewhere) {
    const [from, to] = k.split(SEP) as [string, string]
    const f = { from, to, count: a.count }
    if (f.from === f.to || f.from === NO_PROFESSION || f.to === NO_PROFESSION) continue
    pg.mergeNode(f.from)
    pg.mergeNode(f.to)
    pg.updateEdge(f.from, f.to, (a) => ({ weight: (a.weight ?? 0) + f.count }))
  }
  const spheres: Sphere[] = []
  if (pg.size > 0) {
    const rng = createRng(seed)
    const comm = louvain(pg, { getEdgeWeight: 'weight', rng: () => rng.next() })
    const by = new Map<number, string[]>()
    for (const [p, c] of Object.entries(comm)) by.set(c, [...(by.get(c) ?? []), p])
    for (const ps of by.values()) {
      if (ps.length < 2) continue
      ps.sort()
      const inside = new Set(ps)
      let introductions = 0
      pg.forEachEdge((_e, a, s, t) => {
        if (inside.has(s) && inside.has(t)) introductions += a.weight
      })
      spheres.push({ professions: ps, partners: ps.reduce((n, p) => n + (partnerProfs.get(p) ?? 0), 0), introductions })
    }
    spheres.sort((a, b) => b.introductions - a.introductions || (a.professions[0]! < b.professions[0]! ? -1 : 1))
  }

  // Gaps: converting referrer professions elsewhere that none of your partners has.
  const byReferrer = new Map<string, { agg: Agg; to: Map<string, number> }>()
  for (const [k, a] of elsewhere) {
    const [from, to] = k.split(SEP) as [string, string]
    if (from === NO_PROFESSION) continue
    let r = byReferrer.get(from)
    if (!r) byReferrer.set(from, (r = { agg: { count: 0, won: 0, decided: 0 }, to: new Map() }))
    r.agg.count += a.count
    r.agg.won += a.won
    r.agg.decided += a.decided
    r.to.set(to, (r.to.get(to) ?? 0) + a.won)
  }
  const gaps: Gap[] = []
  for (const [profession, r] of byReferrer) {
    if (r.agg.won < GAP_MIN_WON || partnerProfs.has(profession)) continue
    const people = [...net.people.values()]
      .filter((p) => !p.isMe && (p.profession?.trim() || NO_PROFESSION) === profession)
      .sort((a, b) => b.madeWon - a.madeWon || b.madeDecided - a.madeDecided || (a.name < b.name ? -1 : 1))
      .slice(0, 3)
      .map((p) => ({ personId: p.id, name: p.name }))
    gaps.push({
      profession,
      won: r.agg.won,
      decided: r.agg.decided,
      conversion: rate(r.agg),
      sentTo: [...r.to].filter(([, w]) => w > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([p]) => p),
      people,
    })
  }
  gaps.sort((a, b) => b.won - a.won || (a.profession < b.profession ? -1 : 1))
  return { flows, spheres, gaps }
}

const pct = (v: number) => `${Math.round(v * 100)}%`

/** Pairs of your partners who should meet, best evidence first. */
export function suggestMeetings(net: InsightNetwork, limit = MAX_SUGGESTIONS): MeetingSuggestion[] {
  const elsewhere = professionFlows(net, true)
  // Undirected profession pairs (different professions) with at least one won introduction.
  const pairs = new Map<string, Agg>()
  for (const [k, a] of elsewhere) {
    const [p, q] = k.split(SEP) as [string, string]
    if (p === q || p === NO_PROFESSION || q === NO_PROFESSION) continue
    add(pairs, p < q ? `${p}${SEP}${q}` : `${q}${SEP}${p}`, a.count, a.won, a.decided)
  }
  // Your partners per profession, the strongest ties with you first.
  const byProf = new Map<string, { id: string; strength: number }[]>()
  for (const id of partnerIds(net)) {
    const p = prof(net, id)
    const l = byProf.get(p) ?? []
    l.push({ id, strength: net.meTies.get(id)?.strength ?? 0 })
    byProf.set(p, l)
  }
  for (const l of byProf.values()) l.sort((a, b) => b.strength - a.strength || (a.id < b.id ? -1 : 1))
  const ranked = [...pairs]
    .filter(([, a]) => a.won > 0)
    .map(([k, a]) => ({ k, a, score: shrunkRate(a.won, a.decided, net.prior) ?? 0 }))
    .sort((x, y) => y.a.won - x.a.won || y.score - x.score || (x.k < y.k ? -1 : 1))
  const uses = new Map<string, number>()
  const out: MeetingSuggestion[] = []
  for (const { k, a, score } of ranked) {
    const [p, q] = k.split(SEP) as [string, string]
    const ps = (byProf.get(p) ?? []).slice(0, PARTNERS_PER_PROFESSION)
    const qs = (byProf.get(q) ?? []).slice(0, PARTNERS_PER_PROFESSION)
    let forPair = 0
    for (const x of ps)
      for (const y of qs) {
        if (out.length >= limit) return out
        if (forPair >= MAX_SUGGESTIONS_PER_PROFESSIONS) break
        if (x.id === y.id || net.graph.hasEdge(x.id, y.id)) continue
        if ((uses.get(x.id) ?? 0) >= MAX_SUGGESTIONS_PER_PERSON || (uses.get(y.id) ?? 0) >= MAX_SUGGESTIONS_PER_PERSON) continue
        forPair++
        uses.set(x.id, (uses.get(x.id) ?? 0) + 1)
        uses.set(y.id, (uses.get(y.id) ?? 0) + 1)
        const xn = net.people.get(x.id)!.name
        const yn = net.people.get(y.id)!.name
        out.push({
          aId: x.id,
          aName: xn,
          aProfession: p,
          bId: y.id,
          bName: yn,
          bProfession: q,
          ...a,
          score,
          reason: `Elsewhere in your network, ${p} and ${q} exchanged ${a.count} introduction${a.count === 1 ? '' : 's'} and ${a.won} closed${a.decided ? ` (${pct(a.won / a.decided)} of ${a.decided} decided)` : ''}; ${xn} and ${yn} are both your partners and have not met.`,
        })
      }
  }
  return out
}
