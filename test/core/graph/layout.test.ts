import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { layoutInput, LAYOUTS, placeNear, radialSeed, runLayout } from '../../../src/core/graph/layout'

function star(n: number) {
  const nodes = [{ id: 'me', isMe: true, value: 0 }, ...Array.from({ length: n }, (_, i) => ({ id: `p${i}`, isMe: false, value: n - i }))]
  // p0 is the strongest partner, p{n-1} the weakest; a few partner-to-partner links and one person not tied to you.
  const edges = nodes.slice(1).map((p, i) => ({ source: p.id, target: 'me', count: n - i, won: Math.floor((n - i) / 2) }))
  edges.push({ source: 'p1', target: 'p2', count: 2, won: 0 })
  nodes.push({ id: 'loner', isMe: false, value: 0 })
  edges.push({ source: 'loner', target: 'p3', count: 1, won: 0 })
  return layoutInput(nodes, edges)
}

const dist = (pos: Float64Array, i: number) => Math.hypot(pos[2 * i]!, pos[2 * i + 1]!)

describe('layouts', () => {
  it('radial: you at the centre, strong partners nearer than weak ones', () => {
    const input = star(40)
    const pos = runLayout('radial', input)
    expect(pos[0]).toBe(0)
    expect(pos[1]).toBe(0)
    const strong = dist(pos, input.ids.indexOf('p0'))
    const weak = dist(pos, input.ids.indexOf('p39'))
    expect(strong).toBeLessThan(weak)
  })

  it('every layout gives finite positions and keeps people apart', () => {
    const input = star(60)
    for (const { kind } of LAYOUTS) {
      let progress = 0
      const pos = runLayout(kind, input, { onProgress: (p) => (progress = p) })
      expect(progress, kind).toBe(1)
      expect([...pos].every(Number.isFinite), kind).toBe(true)
      let minD = Infinity
      for (let i = 0; i < input.ids.length; i++)
        for (let j = i + 1; j < input.ids.length; j++)
          minD = Math.min(minD, Math.hypot(pos[2 * i]! - pos[2 * j]!, pos[2 * i + 1]! - pos[2 * j + 1]!))
      expect(minD, kind).toBeGreaterThan(10)
    }
  })

  it('places new people next to their neighbours without moving anyone already placed', () => {
    const input = star(20)
    const { pos } = radialSeed(input)
    const before = Float64Array.from(pos)
    const placed = new Uint8Array(input.ids.length).fill(1)
    const loner = input.ids.indexOf('loner')
    const p3 = input.ids.indexOf('p3')
    placed[loner] = 0
    pos[2 * loner] = 99999
    expect(placeNear(input, pos, placed)).toBe(1)
    for (let i = 0; i < input.ids.length; i++) if (i !== loner) expect(pos[2 * i]).toBe(before[2 * i])
    const d = Math.hypot(pos[2 * loner]! - pos[2 * p3]!, pos[2 * loner + 1]! - pos[2 * p3 + 1]!)
    expect(d).toBeLessThan(150)
  })

  it('is deterministic', () => {
    expect([...runLayout('radial', star(30))]).toEqual([...runLayout('radial', star(30))])
  })
})

describe('layout properties', () => {
  const graphArb = fc
    .integer({ min: 2, max: 40 })
    .chain((n) =>
      fc.record({
        n: fc.constant(n),
        edges: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: 9 })), { maxLength: 80 }),
        placed: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      }),
    )

  it('placeNear moves nobody already placed and places everyone else at a finite point', () => {
    fc.assert(
      fc.property(graphArb, ({ n, edges, placed }) => {
        const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, isMe: i === 0, value: i }))
        const input = layoutInput(nodes, edges.filter(([a, b]) => a !== b).map(([a, b, c]) => ({ source: `n${a}`, target: `n${b}`, count: c, won: 0 })))
        const pos = new Float64Array(n * 2).map((_, k) => k * 3.5)
        const before = Float64Array.from(pos)
        const flags = Uint8Array.from(placed.map((p) => (p ? 1 : 0)))
        const newcomers = placed.filter((p) => !p).length
        expect(placeNear(input, pos, flags)).toBe(newcomers)
        for (let i = 0; i < n; i++) {
          if (placed[i]) expect([pos[2 * i], pos[2 * i + 1]]).toEqual([before[2 * i], before[2 * i + 1]])
          expect(Number.isFinite(pos[2 * i]!) && Number.isFinite(pos[2 * i + 1]!)).toBe(true)
          expect(flags[i]).toBe(1)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('every layout returns finite positions for any graph, with you at the centre in the radial one', () => {
    fc.assert(
      fc.property(graphArb, fc.constantFrom(...LAYOUTS.map((l) => l.kind)), ({ n, edges }, kind) => {
        const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, isMe: i === 0, value: i % 3 }))
        const input = layoutInput(nodes, edges.filter(([a, b]) => a !== b).map(([a, b, c]) => ({ source: `n${a}`, target: `n${b}`, count: c, won: c % 2 })))
        const pos = runLayout(kind, input, { iterations: 40 })
        expect(pos.length).toBe(2 * n)
        expect([...pos].every(Number.isFinite)).toBe(true)
        if (kind === 'radial') expect([pos[0], pos[1]]).toEqual([0, 0])
      }),
      { numRuns: 60 },
    )
  })
})
