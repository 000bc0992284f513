import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import Graph from 'graphology'
import { betweenness, rankBrokers, sampledBetweenness } from '../../../src/core/insights/brokers'

/**
 * Reference betweenness, written the straightforward way: BFS from every
 * person gives hop distances and shortest-path counts; v lies on a shortest
 * s-t path when d(s,v) + d(v,t) = d(s,t), on sigma(s,v) x sigma(v,t) of them.
 * Summed over ordered pairs and divided by (n-1)(n-2).
 */
function reference(nodes: string[], edges: [string, string][]): Map<string, number> {
  const adj = new Map(nodes.map((n) => [n, [] as string[]]))
  for (const [a, b] of edges) {
    adj.get(a)!.push(b)
    adj.get(b)!.push(a)
  }
  const bfs = (s: string) => {
    const d = new Map([[s, 0]])
    const sigma = new Map([[s, 1]])
    const q = [s]
    while (q.length) {
      const v = q.shift()!
      for (const w of adj.get(v)!) {
        if (!d.has(w)) {
          d.set(w, d.get(v)! + 1)
          sigma.set(w, 0)
          q.push(w)
        }
        if (d.get(w) === d.get(v)! + 1) sigma.set(w, sigma.get(w)! + sigma.get(v)!)
      }
    }
    return { d, sigma }
  }
  const all = new Map(nodes.map((n) => [n, bfs(n)]))
  const n = nodes.length
  const out = new Map<string, number>()
  for (const v of nodes) {
    let sum = 0
    for (const s of nodes)
      for (const t of nodes) {
        if (s === t || s === v || t === v) continue
        const S = all.get(s)!
        const V = all.get(v)!
        if (!S.d.has(t) || !S.d.has(v) || !V.d.has(t)) continue
        if (S.d.get(v)! + V.d.get(t)! === S.d.get(t)) sum += (S.sigma.get(v)! * V.sigma.get(t)!) / S.sigma.get(t)!
      }
    out.set(v, n > 2 ? sum / ((n - 1) * (n - 2)) : 0)
  }
  return out
}

const arbGraph = fc
  .record({ n: fc.integer({ min: 1, max: 10 }), bits: fc.array(fc.boolean(), { minLength: 45, maxLength: 45 }), p: fc.integer({ min: 1, max: 4 }) })
  .map(({ n, bits, p }) => {
    const nodes = Array.from({ length: n }, (_, i) => `n${i}`)
    const edges: [string, string][] = []
    let k = 0
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        // Sparser graphs too: keep an edge only when `p` of the bits in a row say so.
        if (bits.slice(k, k + p).every(Boolean)) edges.push([nodes[i]!, nodes[j]!])
        k = (k + 1) % 45
      }
    return { nodes, edges }
  })

const toGraph = (nodes: string[], edges: [string, string][]) => {
  const g = new Graph({ type: 'undirected' })
  for (const n of nodes) g.addNode(n)
  for (const [a, b] of edges) g.addEdge(a, b, { strength: 0.5 })
  return g
}

describe('brokers: betweenness', () => {
  it('exact (graphology-metrics) matches the reference on random graphs', () => {
    fc.assert(
      fc.property(arbGraph, ({ nodes, edges }) => {
        const ref = reference(nodes, edges)
        const got = betweenness(toGraph(nodes, edges))
        expect(got.exact).toBe(true)
        for (const v of nodes) expect(got.scores.get(v)).toBeCloseTo(ref.get(v)!, 9)
      }),
      { numRuns: 300 },
    )
  })

  it('the sampled estimate with every person as a source is the exact value', () => {
    fc.assert(
      fc.property(arbGraph, ({ nodes, edges }) => {
        const ref = reference(nodes, edges)
        const g = toGraph(nodes, edges)
        const sampled = betweenness(g, { exactLimit: 0, samples: nodes.length })
        expect(sampled.exact).toBe(false)
        expect(sampled.sources).toBe(nodes.length)
        for (const v of nodes) expect(sampled.scores.get(v)).toBeCloseTo(ref.get(v)!, 9)
        const direct = sampledBetweenness(g, nodes.map((_, i) => i))
        for (const v of nodes) expect(direct.get(v)).toBeCloseTo(ref.get(v)!, 9)
      }),
      { numRuns: 200 },
    )
  })

  it('a sampled estimate finds the bridge between two cliques, the same way every time', () => {
    const nodes: string[] = []
    const edges: [string, string][] = []
    for (const side of ['a', 'b'])
      for (let i = 0; i < 30; i++) {
        nodes.push(`${side}${i}`)
        for (let j = 0; j < i; j++) edges.push([`${side}${i}`, `${side}${j}`])
      }
    nodes.push('bridge')
    edges.push(['bridge', 'a0'], ['bridge', 'b0'])
    const g = toGraph(nodes, edges)
    const est = betweenness(g, { exactLimit: 10, samples: 20, seed: 3 })
    const again = betweenness(g, { exactLimit: 10, samples: 20, seed: 3 })
    expect([...est.scores]).toEqual([...again.scores])
    const top = rankBrokers(est.scores, 3).map((b) => b.personId)
    expect(top.slice(0, 3).sort()).toEqual(['a0', 'b0', 'bridge'])
  })

  it('an empty network (everyone deleted, or only you) has no brokers and does not fail', () => {
    const g = new Graph({ type: 'undirected' })
    expect(betweenness(g)).toEqual({ scores: new Map(), exact: true, sources: 0 })
    expect(betweenness(g, { exactLimit: -1 }).scores.size).toBe(0)
    expect(sampledBetweenness(g, []).size).toBe(0)
  })

  it('ranks highest first and leaves out people on no shortest path', () => {
    const r = rankBrokers(new Map([['x', 0], ['y', 0.2], ['z', 0.5], ['w', 0.2]]), 10)
    expect(r).toEqual([
      { personId: 'z', betweenness: 0.5 },
      { personId: 'w', betweenness: 0.2 },
      { personId: 'y', betweenness: 0.2 },
    ])
  })
})
