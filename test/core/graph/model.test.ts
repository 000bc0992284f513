import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { GraphData, GraphNodeData } from '../../../src/shared/channels/graph'
import {
  buildModel,
  converters,
  edgeWidth,
  MAX_SIZE,
  ME_SIZE,
  MIN_SIZE,
  neighbourhood,
  nodeSize,
  PROSPECT_SIZE,
  reduceModel,
  searchNodes,
  sizeScale,
  BIG_MAP_SCALE,
  SMALL_MAP_SCALE,
} from '../../../src/core/graph/model'
import { DIVERGING, scoreColour, shareColour, UNDECIDED, EDGE_ALL, EDGE_NONE } from '../../../src/core/graph/colors'

const node = (id: string, over: Partial<GraphNodeData> = {}): GraphNodeData => ({
  id,
  name: id.toUpperCase(),
  company: null,
  profession: null,
  isMe: false,
  role: 'partner',
  sent: 0,
  received: 0,
  wonToMe: 0,
  decidedToMe: 0,
  closedValueMinor: 0,
  closedValue: [],
  x: null,
  y: null,
  ...over,
})

const data: GraphData = {
  meId: 'me',
  nodes: [
    node('me', { isMe: true, role: 'me', received: 14 }),
    node('good', { sent: 10, wonToMe: 8, decidedToMe: 10, closedValueMinor: 800_000 }),
    node('poor', { sent: 4, wonToMe: 0, decidedToMe: 4, closedValueMinor: 0 }),
    node('new', { sent: 1 }),
    node('pros', { role: 'prospect' }),
  ],
  edges: [
    { source: 'good', target: 'me', kind: 'partner', count: 10, won: 8, decided: 10, valueMinor: 800_000 },
    { source: 'poor', target: 'me', kind: 'partner', count: 4, won: 0, decided: 4, valueMinor: 0 },
    { source: 'new', target: 'good', kind: 'partner', count: 1, won: 0, decided: 0, valueMinor: 0 },
    { source: 'good', target: 'pros', kind: 'prospect', count: 1, won: 1, decided: 1, valueMinor: 100 },
    { source: 'ghost', target: 'me', kind: 'partner', count: 1, won: 0, decided: 0, valueMinor: 0 },
  ],
  prior: { mean: 8 / 14, weight: 5 },
  currency: 'EUR',
}

describe('buildModel', () => {
  const m = buildModel(data, { sizeBy: 'value' })
  const by = (id: string) => m.nodes.find((n) => n.id === id)!

  it('scores partners from their decided introductions to you and colours above/below average apart', () => {
    expect(by('good').score).toBeGreaterThan(m.mean)
    expect(by('poor').score).toBeLessThan(m.mean)
    expect(by('new').score).toBeNull()
    expect(by('new').colour).toBe(UNDECIDED)
    expect(by('good').colour).not.toBe(by('poor').colour)
    expect(by('me').score).toBeNull()
  })

  it('sizes by won value (sqrt scale), you largest, prospects small, in the range for the number of people', () => {
    // (A map of a handful of people uses the small map's range; the big map's range is tested below.)
    const s = sizeScale(m.nodes.length)
    expect(m.scale).toEqual(s)
    expect(by('good').size).toBe(s.max)
    expect(by('poor').size).toBe(s.min)
    expect(by('me').size).toBe(s.me)
    expect(by('pros').size).toBe(s.prospect)
    const byCount = buildModel(data, { sizeBy: 'count' })
    expect(byCount.nodes.find((n) => n.id === 'poor')!.size).toBeGreaterThan(s.min)
    const many: GraphData = { ...data, nodes: [...data.nodes, ...Array.from({ length: 500 }, (_, i) => node(`x${i}`))] }
    const big = buildModel(many, { sizeBy: 'value' })
    expect(big.nodes.find((n) => n.id === 'good')!.size).toBe(MAX_SIZE)
    expect(big.nodes.find((n) => n.id === 'me')!.size).toBe(ME_SIZE)
    expect(big.nodes.find((n) => n.id === 'pros')!.size).toBe(PROSPECT_SIZE)
    expect(big.nodes.find((n) => n.id === 'x0')!.size).toBe(MIN_SIZE)
  })

  it('scales node sizes and labels with the number of people drawn', () => {
    const table: [number, { max: number; me: number; font: number }][] = [
      [0, { max: 30, me: 36, font: 12 }],
      [5, { max: 30, me: 36, font: 12 }],
      [12, { max: 30, me: 36, font: 12 }],
      [70, { max: 43.1, me: 50.1, font: 11.5 }],
      [400, { max: 56, me: 64, font: 11 }],
      [5000, { max: 56, me: 64, font: 11 }],
    ]
    for (const [people, want] of table) expect(sizeScale(people), `${people} people`).toMatchObject(want)
    expect(sizeScale(5)).toEqual(SMALL_MAP_SCALE)
    expect(sizeScale(400)).toEqual(BIG_MAP_SCALE)
    // Monotone: more people, never smaller nodes nor a smaller name for you; labels never shrink below the big map's.
    let prev = sizeScale(1)
    for (let n = 2; n <= 1000; n++) {
      const s = sizeScale(n)
      expect(s.max).toBeGreaterThanOrEqual(prev.max)
      expect(s.me).toBeGreaterThanOrEqual(prev.me)
      expect(s.min).toBeLessThanOrEqual(s.max)
      expect(s.font).toBeGreaterThanOrEqual(BIG_MAP_SCALE.font)
      prev = s
    }
    // On a 5-person map the biggest partner is about half the size it has on a big map.
    expect(sizeScale(5).max / BIG_MAP_SCALE.max).toBeLessThan(0.6)
  })

  it('carries the isolated flag (partners with no introductions)', () => {
    const iso = buildModel({ ...data, nodes: [...data.nodes, node('lone', { sent: 0, isolated: true })] }, { sizeBy: 'value' })
    expect(iso.nodes.find((n) => n.id === 'lone')!.isolated).toBe(true)
    expect(iso.nodes.find((n) => n.id === 'good')!.isolated).toBe(false)
  })

  it('keeps edges whose ends are both present, with width by count and colour by share converted', () => {
    expect(m.edges.map((e) => e.id).sort()).toEqual(['good->me', 'good->pros', 'new->good', 'poor->me'])
    const good = m.edges.find((e) => e.id === 'good->me')!
    const poor = m.edges.find((e) => e.id === 'poor->me')!
    expect(good.share).toBeCloseTo(0.8)
    expect(good.width).toBeGreaterThan(poor.width)
    expect(poor.colour).toBe(EDGE_NONE)
    expect(good.value).toBe(8000)
  })

  it('finds converters above a threshold and neighbourhoods by steps', () => {
    expect([...converters(m, 0.5)]).toEqual(['good'])
    expect(converters(m, 0).size).toBe(2)
    expect([...neighbourhood(m, 'new', 1)].sort()).toEqual(['good', 'new'])
    expect([...neighbourhood(m, 'new', 2)].sort()).toEqual(['good', 'me', 'new', 'pros'])
    expect(neighbourhood(m, 'new', 3).size).toBe(5)
  })

  it('reduces to you plus the top people by value', () => {
    const r = reduceModel(m, 2)
    expect(r.nodes.map((n) => n.id).sort()).toEqual(['good', 'me', 'poor'])
    expect(r.edges.every((e) => r.nodes.some((n) => n.id === e.source) && r.nodes.some((n) => n.id === e.target))).toBe(true)
  })

  it('searches names accent-insensitively, prefix matches first', () => {
    const mm = buildModel(
      { ...data, nodes: [node('a', { name: 'Amélie Ito' }), node('b', { name: 'Tom Ameli' }), node('c', { name: 'Zed' })] },
      { sizeBy: 'value' },
    )
    expect(searchNodes(mm, 'ameli').map((n) => n.id)).toEqual(['a', 'b'])
    expect(searchNodes(mm, '  ')).toEqual([])
  })
})

describe('neighbourhood', () => {
  it('grows with the number of steps and always contains the start', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f']
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)), { maxLength: 12 }), fc.constantFrom(...ids), (pairs, start) => {
        const edges = pairs.map(([source, target]) => ({ source, target }))
        const m = { edges } as unknown as Parameters<typeof neighbourhood>[0]
        const n1 = neighbourhood(m, start, 1)
        const n2 = neighbourhood(m, start, 2)
        const n3 = neighbourhood(m, start, 3)
        return n1.has(start) && [...n1].every((x) => n2.has(x)) && [...n2].every((x) => n3.has(x))
      }),
    )
  })
})

describe('encodings', () => {
  it('grey when nothing is decided; the scale ends at the palette ends', () => {
    expect(scoreColour(null, 0.4)).toBe(UNDECIDED)
    expect(scoreColour(0, 0.4)).toBe(DIVERGING[0])
    expect(scoreColour(1, 0.4)).toBe(DIVERGING[DIVERGING.length - 1])
    expect(scoreColour(0.4, 0.4)).toBe(DIVERGING[3])
    expect(shareColour(0)).toBe(EDGE_NONE)
    expect(shareColour(1)).toBe(EDGE_ALL)
  })

  it('node size and edge width grow with their measure and stay in bounds', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 1e9, noNaN: true }), (a, b) => {
        const max = Math.max(a, b, 1)
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        const s1 = nodeSize(lo, max)
        const s2 = nodeSize(hi, max)
        return s1 <= s2 && s1 >= MIN_SIZE && s2 <= MAX_SIZE
      }),
    )
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (a, b) =>
        a <= b ? edgeWidth(a) <= edgeWidth(b) && edgeWidth(b) <= 10 : edgeWidth(b) <= edgeWidth(a),
      ),
    )
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (s, m) => /^#[0-9a-f]{6}$/.test(scoreColour(s, m))))
  })
})
