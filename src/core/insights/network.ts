import Graph from 'graphology'
import { shrunkRate, type BetaPrior } from '../analytics/quality'
import { daysBetween } from '../dates'

/**
 * The relationship network the insights run on, built from plain rows (the SQL
 * module aggregates them). Two people are tied when they shared an
 * introduction (as referrer and receiver, or one of them with the person
 * introduced), when one recorded a contact with the other (your interactions),
 * or when one introduced the other into your network (people.introduced_by).
 *
 * Every score is defined once, here:
 * - hop strength `tieStrength`, in (0, 1);
 * - an introducer's record `introducerRecord`, in (0, 1);
 * - the cost of a hop `hopWeight` = -ln(strength) + half of each end's -ln(record) (yours counts 0),
 *   so a path's cost is -ln of (product of hop strengths x product of the intermediaries' records)
 *   plus half the target's own -ln(record), which is the same for every path to that target.
 */

export interface InsightPerson {
  id: string
  name: string
  company: string | null
  profession: string | null
  email: string | null
  isMe: boolean
  /** Introductions this person made (as referrer): won and decided, for their record. */
  madeWon: number
  madeDecided: number
  /** Names of the groups they belong to. */
  groups: string[]
}

/** One unordered pair (a < b) and what links them. */
export interface TieRow {
  a: string
  b: string
  /** Introductions a made to b (a referrer, b receiver). */
  ab: number
  /** Introductions b made to a. */
  ba: number
  /** Won and decided among a's introductions to b, and among b's to a. */
  abWon: number
  abDecided: number
  baWon: number
  baDecided: number
  /** Introductions where one of them was introduced to or by the other (referrer or receiver with the prospect). */
  shared: number
  /** Recorded contacts between them (your interactions) and introductions into the network (introduced_by). */
  contacts: number
  /** Latest date (YYYY-MM-DD) of anything above. */
  last: string
}

/** Raw links as read from the file: introductions [referrer, receiver, prospect, won 0/1, decided 0/1, date]; contacts [a, b, date]. */
export interface LinkRows {
  intros: [string, string, string, number, number, string][]
  contacts: [string, string, string][]
}

/** Folds raw links into one TieRow per pair (a < b), as documented on TieRow. */
export function foldTies(rows: LinkRows): TieRow[] {
  const m = new Map<string, TieRow>()
  const get = (x: string, y: string, date: string): TieRow => {
    const k = x < y ? `${x}|${y}` : `${y}|${x}`
    let t = m.get(k)
    if (!t) {
      t = { a: x < y ? x : y, b: x < y ? y : x, ab: 0, ba: 0, abWon: 0, abDecided: 0, baWon: 0, baDecided: 0, shared: 0, contacts: 0, last: date }
      m.set(k, t)
    } else if (date > t.last) t.last = date
    return t
  }
  for (const [r, v, p, won, decided, date] of rows.intros) {
    if (r !== v) {
      const t = get(r, v, date)
      if (t.a === r) {
        t.ab++
        t.abWon += won
        t.abDecided += decided
      } else {
        t.ba++
        t.baWon += won
        t.baDecided += decided
      }
    }
    if (p !== r) get(r, p, date).shared++
    if (p !== v) get(v, p, date).shared++
  }
  for (const [x, y, date] of rows.contacts) if (x !== y) get(x, y, date).contacts++
  return [...m.values()]
}

export interface Tie extends TieRow {
  strength: number
}

/** A year without contact halves the recency factor. */
export const RECENCY_HALF_LIFE_DAYS = 365
/** A one-way tie (introductions only ever went one way, or none were exchanged) keeps this share of its strength. */
export const ONE_WAY_FACTOR = 0.8

/**
 * Hop strength in (0, 1): volume x recency x reciprocity, where
 * volume = n / (n + 1) for n = everything the two shared (introductions either way, introductions
 * around a third person, contacts); recency = 0.5 + 0.5 x 2^(-days since the last of them / 365);
 * reciprocity = 1 when introductions went both ways between them, else 0.8.
 */
export function tieStrength(t: Pick<TieRow, 'ab' | 'ba' | 'shared' | 'contacts' | 'last'>, today: string): number {
  return strengthAfter(t, daysBetween(t.last, today))
}

/** tieStrength with the days since the last contact already counted. */
function strengthAfter(t: Pick<TieRow, 'ab' | 'ba' | 'shared' | 'contacts'>, days: number): number {
  const n = t.ab + t.ba + t.shared + t.contacts
  const volume = n / (n + 1)
  const recency = 0.5 + 0.5 * Math.pow(2, -Math.max(0, days || 0) / RECENCY_HALF_LIFE_DAYS)
  const reciprocity = t.ab > 0 && t.ba > 0 ? 1 : ONE_WAY_FACTOR
  return Math.max(1e-6, volume * recency * reciprocity)
}

/** The prior the introducer record is shrunk toward: the network's conversion, kept inside [5%, 95%]. */
export function recordPrior(won: number, decided: number, weight: number): BetaPrior {
  const mean = decided > 0 ? won / decided : 0.3
  return { mean: Math.min(0.95, Math.max(0.05, mean)), weight }
}

/**
 * An introducer's record in (0, 1): the share of their decided introductions (to anyone) that were
 * won, shrunk toward the network's average (the scorecards' Beta prior), so a newcomer counts as average.
 */
export function introducerRecord(p: Pick<InsightPerson, 'madeWon' | 'madeDecided'>, prior: BetaPrior): number {
  const r = shrunkRate(p.madeWon, p.madeDecided, prior) ?? prior.mean
  return Math.min(0.999, Math.max(0.01, r))
}

/** -ln(record): what passing through this person adds to a path's cost (0 for you). */
export function nodeCost(p: InsightPerson, prior: BetaPrior): number {
  return p.isMe ? 0 : -Math.log(introducerRecord(p, prior))
}

/** The Dijkstra weight of a hop: -ln(strength) + half of each end's node cost. Always > 0. */
export function hopWeight(strength: number, costA: number, costB: number): number {
  return -Math.log(strength) + 0.5 * costA + 0.5 * costB
}

export interface EdgeAttrs {
  /** hopWeight of the tie. */
  w: number
  strength: number
}

export interface InsightNetwork {
  today: string
  meId: string | null
  prior: BetaPrior
  people: Map<string, InsightPerson>
  /** Everyone but you, tied as above (undirected). Brokers, communities and paths run on this. */
  graph: Graph<Record<string, never>, EdgeAttrs>
  /** Your own ties, by the other person's id. */
  meTies: Map<string, Tie>
  /** Every tie by `a|b` (a < b), yours included. */
  ties: Map<string, Tie>
  /** Node cost per person id. */
  cost: Map<string, number>
  /** Compressed adjacency of `graph` (node i's neighbours are neighborhood[starts[i] .. starts[i+1]]), for the path queries. */
  index: AdjacencyIndex
}

export interface AdjacencyIndex {
  nodes: string[]
  ids: Map<string, number>
  starts: Uint32Array
  neighborhood: Uint32Array
  weights: Float64Array
}

export const tieKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`)

export interface NetworkInput {
  people: InsightPerson[]
  ties: TieRow[]
  today: string
  prior: BetaPrior
}

/** Ties handled per slice of buildNetworkSteps. */
export const TIES_PER_SLICE = 5000

export function buildNetwork(input: NetworkInput): InsightNetwork {
  const steps = buildNetworkSteps(input)
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
  }
}

/** buildNetwork in slices: yields every TIES_PER_SLICE ties and before the adjacency index. */
export function* buildNetworkSteps(input: NetworkInput): Generator<void, InsightNetwork> {
  const people = new Map(input.people.map((p) => [p.id, p]))
  const meId = input.people.find((p) => p.isMe)?.id ?? null
  const cost = new Map<string, number>()
  for (const p of input.people) cost.set(p.id, nodeCost(p, input.prior))
  const graph = new Graph<Record<string, never>, EdgeAttrs>({ type: 'undirected', allowSelfLoops: false, multi: false })
  for (const p of input.people) if (!p.isMe) graph.addNode(p.id)
  const meTies = new Map<string, Tie>()
  const ties = new Map<string, Tie>()
  const daysSince = new Map<string, number>()
  let k = 0
  for (const r of input.ties) {
    if (++k % TIES_PER_SLICE === 0) yield
    if (r.a === r.b || !people.has(r.a) || !people.has(r.b)) continue
    let days = daysSince.get(r.last)
    if (days === undefined) daysSince.set(r.last, (days = daysBetween(r.last, input.today)))
    const tie: Tie = { ...r, strength: strengthAfter(r, days) }
    ties.set(tieKey(r.a, r.b), tie)
    if (r.a === meId) meTies.set(r.b, tie)
    else if (r.b === meId) meTies.set(r.a, tie)
    else
      graph.mergeEdge(r.a, r.b, {
        w: hopWeight(tie.strength, cost.get(r.a)!, cost.get(r.b)!),
        strength: tie.strength,
      })
  }
  yield
  return {
    today: input.today,
    meId,
    prior: input.prior,
    people,
    graph,
    meTies,
    ties,
    cost,
    index: adjacencyIndex(graph),
  }
}

/** Compressed adjacency (CSR) of an undirected graph with hop weights, built once per network version. */
export function adjacencyIndex(graph: Graph<Record<string, never>, EdgeAttrs>): AdjacencyIndex {
  const nodes = graph.nodes()
  const ids = new Map<string, number>()
  nodes.forEach((n, i) => ids.set(n, i))
  const starts = new Uint32Array(nodes.length + 1)
  const neighborhood = new Uint32Array(graph.size * 2)
  const weights = new Float64Array(graph.size * 2)
  let k = 0
  for (let i = 0; i < nodes.length; i++) {
    starts[i] = k
    graph.forEachEdge(nodes[i]!, (_e, attrs, source, target) => {
      neighborhood[k] = ids.get(source === nodes[i] ? target : source)!
      weights[k++] = attrs.w
    })
  }
  starts[nodes.length] = k
  return { nodes, ids, starts, neighborhood, weights }
}
