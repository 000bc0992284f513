import type Graph from 'graphology'
import betweennessCentrality from 'graphology-metrics/centrality/betweenness'
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes'
import { createRng } from '../random'

/**
 * Brokers: betweenness centrality on your network without you (you connect
 * everyone; the question is who else does). A person's betweenness is the
 * share of shortest paths (counted in hops) between two other people that run
 * through them, normalised by (n-1)(n-2) as graphology-metrics does (0..1).
 *
 * Up to EXACT_LIMIT people it is graphology-metrics' exact Brandes algorithm.
 * Above, exact is O(people x ties) (about 1.4 s at 2,000 people, half a minute at
 * 10,000), so it is estimated from SAMPLE_SOURCES seeded random sources with the
 * same library's indexed Brandes search, each source's dependencies scaled by
 * n / sources (Brandes & Pich 2007); with every source sampled it is the exact value.
 */
export const EXACT_LIMIT = 500
export const SAMPLE_SOURCES = 200

export interface BrokerScore {
  personId: string
  betweenness: number
}

export interface BetweennessResult {
  scores: Map<string, number>
  exact: boolean
  sources: number
}

/** How many sources one slice of the work covers (the caller may give the event loop back between slices). */
export const SOURCES_PER_SLICE = 10

/** Runs a sliced computation to the end without pausing. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
  }
}

/** Betweenness over the given sources (all of them = exact), normalised like graphology-metrics. */
export function sampledBetweenness(graph: Graph, sources: number[]): Map<string, number> {
  return runToEnd(sampledBetweennessSteps(graph, sources))
}

/** sampledBetweenness in slices: yields after every SOURCES_PER_SLICE sources. */
export function* sampledBetweennessSteps(graph: Graph, sources: number[]): Generator<void, Map<string, number>> {
  // (The library's search cannot be built over an empty graph.)
  if (graph.order === 0) return new Map()
  const brandes = createUnweightedIndexedBrandes(graph)
  // (The library's typings put `index` on the factory; it is on the search function it returns.)
  const nodes = (brandes as unknown as { index: { nodes: string[] } }).index.nodes
  const n = graph.order
  const delta = new Float64Array(n)
  const cb = new Float64Array(n)
  for (let k = 0; k < sources.length; k++) {
    if (k > 0 && k % SOURCES_PER_SLICE === 0) yield
    const s = sources[k]!
    const [S, P, sigma] = brandes(s)
    const order = (S as unknown as { items: ArrayLike<number> }).items
    for (let j = 0; j < S.size; j++) delta[order[j]!] = 0
    while (S.size !== 0) {
      const w = S.pop()!
      const coeff = (1 + delta[w]!) / sigma[w]!
      const pw = P[w]!
      for (let j = 0; j < pw.length; j++) {
        const v = pw[j]!
        delta[v] = delta[v]! + sigma[v]! * coeff
      }
      if (w !== s) cb[w] = cb[w]! + delta[w]!
    }
  }
  const scale = n <= 2 || sources.length === 0 ? 0 : n / sources.length / ((n - 1) * (n - 2))
  const out = new Map<string, number>()
  for (let i = 0; i < n; i++) out.set(nodes[i]!, cb[i]! * scale)
  return out
}

export function betweenness(graph: Graph, opts: { exactLimit?: number; samples?: number; seed?: number } = {}): BetweennessResult {
  return runToEnd(betweennessSteps(graph, opts))
}

/** betweenness in slices (the sampled estimate yields between slices of sources; the exact one, small, does not). */
export function* betweennessSteps(
  graph: Graph,
  opts: { exactLimit?: number; samples?: number; seed?: number } = {},
): Generator<void, BetweennessResult> {
  const limit = opts.exactLimit ?? EXACT_LIMIT
  const n = graph.order
  if (n === 0) return { scores: new Map(), exact: true, sources: 0 }
  if (n <= limit) {
    const m = betweennessCentrality(graph, { getEdgeWeight: null, normalized: true })
    return { scores: new Map(Object.entries(m)), exact: true, sources: n }
  }
  const k = Math.min(n, opts.samples ?? SAMPLE_SOURCES)
  const rng = createRng(opts.seed ?? 1)
  // A seeded partial Fisher-Yates: k distinct sources, the same ones for the same network.
  const idx = Array.from({ length: n }, (_, i) => i)
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng.next() * (n - i))
    ;[idx[i], idx[j]] = [idx[j]!, idx[i]!]
  }
  return { scores: yield* sampledBetweennessSteps(graph, idx.slice(0, k)), exact: false, sources: k }
}

/** People ranked by betweenness, highest first (ties by id, so the order is stable); zeros left out. */
export function rankBrokers(scores: Map<string, number>, limit: number): BrokerScore[] {
  return [...scores]
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([personId, betweenness]) => ({ personId, betweenness }))
}
