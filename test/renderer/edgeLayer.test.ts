import { describe, expect, it } from 'vitest'
import type { ModelEdge } from '../../src/core/graph/model'
import {
  DASH,
  drawEdgeBatches,
  EDGE_ALPHA,
  edgeBatches,
  FADED_EDGE_ALPHA,
  PROSPECT_EDGE_WIDTH,
} from '../../src/renderer/src/features/graph/edgeLayer'

const edge = (source: string, target: string, over: Partial<ModelEdge> = {}): ModelEdge => ({
  id: `${source}->${target}`, source, target, kind: 'partner', count: 1, won: 0, decided: 0, value: 0, share: 0,
  width: 1, colour: '#999999', ...over,
})

/** A 2D context that records what is stroked (jsdom has no canvas drawing). */
function recorder() {
  const strokes: { from: [number, number]; to: [number, number]; colour: string; width: number; alpha: number; dash: number[] }[] = []
  let path: [number, number][] = []
  let dash: number[] = []
  const ctx = {
    transform: [1, 0, 0, 1, 0, 0] as number[],
    globalAlpha: 1,
    strokeStyle: '',
    lineWidth: 1,
    setTransform(...m: number[]) { this.transform = m },
    setLineDash(d: number[]) { dash = [...d] },
    beginPath() { path = [] },
    moveTo(x: number, y: number) { path.push([x, y]) },
    lineTo(x: number, y: number) { path.push([x, y]) },
    stroke() {
      strokes.push({ from: path[0]!, to: path[1]!, colour: this.strokeStyle, width: this.lineWidth, alpha: this.globalAlpha, dash })
    },
  }
  return { ctx, strokes }
}

describe('edge layer: batches', () => {
  const edges = [
    edge('a', 'me', { colour: '#00aa00', width: 3 }),
    edge('b', 'me', { colour: '#00aa00', width: 3 }),
    edge('c', 'me', { colour: '#cccccc', width: 1 }),
    edge('a', 'p1', { kind: 'prospect', colour: '#cccccc', width: 2 }),
  ]

  it('groups edges that share colour, width, dash and fading; every edge appears once', () => {
    const batches = edgeBatches(edges, null)
    expect(batches).toHaveLength(3)
    const green = batches.find((b) => b.colour === '#00aa00')!
    expect(green).toMatchObject({ width: 3, dashed: false, alpha: EDGE_ALPHA, ends: ['a', 'me', 'b', 'me'] })
    // Prospect edges are thin and dashed whatever their count.
    expect(batches.find((b) => b.dashed)).toMatchObject({ width: PROSPECT_EDGE_WIDTH, ends: ['a', 'p1'] })
    expect(batches.reduce((n, b) => n + b.ends.length / 2, 0)).toBe(edges.length)
  })

  it('fades an edge when either end is faded, and draws faded edges first, thin before wide', () => {
    const batches = edgeBatches(edges, new Set(['b', 'p1']))
    expect(batches.map((b) => [b.alpha, b.width])).toEqual([
      [FADED_EDGE_ALPHA, PROSPECT_EDGE_WIDTH],
      [FADED_EDGE_ALPHA, 3],
      [EDGE_ALPHA, 1],
      [EDGE_ALPHA, 3],
    ])
    expect(batches[1]!.ends).toEqual(['b', 'me'])
  })
})

describe('edge layer: drawing', () => {
  const pos: Record<string, { x: number; y: number }> = { me: { x: 0, y: 0 }, a: { x: 100, y: 0 }, far: { x: 5000, y: 5000 }, far2: { x: 6000, y: 5000 } }
  const batches = edgeBatches(
    [edge('a', 'me', { colour: '#123456', width: 2 }), edge('far', 'far2'), edge('far', 'me'), edge('ghost', 'me'), edge('a', 'far', { kind: 'prospect' })],
    null,
  )

  it('strokes each visible edge between the two centres in model coordinates, under the view transform', () => {
    const { ctx, strokes } = recorder()
    const n = drawEdgeBatches(ctx as unknown as CanvasRenderingContext2D, batches, (id) => pos[id], { zoom: 0.5, pan: { x: 10, y: 20 } }, { w: 800, h: 600 })
    expect(ctx.transform).toEqual([0.5, 0, 0, 0.5, 10, 20])
    // far->far2 lies wholly off screen (skipped); ghost has no position (skipped); a line crossing the view is kept.
    expect(n).toBe(3)
    expect(strokes).toHaveLength(3)
    expect(strokes.find((s) => s.colour === '#123456')).toMatchObject({ from: [100, 0], to: [0, 0], width: 2, alpha: EDGE_ALPHA, dash: [] })
    expect(strokes.find((s) => s.dash.length)).toMatchObject({ from: [100, 0], to: [5000, 5000], dash: [...DASH] })
    // The context is left as it was found for the next drawer.
    expect(ctx.globalAlpha).toBe(1)
  })

  it('draws nothing when the view looks elsewhere', () => {
    const { ctx, strokes } = recorder()
    drawEdgeBatches(ctx as unknown as CanvasRenderingContext2D, batches, (id) => pos[id], { zoom: 1, pan: { x: 10_000, y: 10_000 } }, { w: 800, h: 600 })
    expect(strokes).toHaveLength(0)
  })
})

describe('bringing an existing Cytoscape element up to date', () => {
  it('changes only what differs and keeps the fading and selection other effects set', async () => {
    const { default: cytoscape } = await import('cytoscape')
    const { syncElement } = await import('../../src/renderer/src/features/graph/GraphCanvas')
    const cy = cytoscape({ headless: true, elements: [{ group: 'nodes', data: { id: 'a', label: 'Ann', size: 10 }, classes: 'partner labelled' }] })
    const a = cy.getElementById('a')
    a.addClass('faded')
    let changes = 0
    cy.on('data class', () => void changes++)
    syncElement(a, { group: 'nodes', data: { id: 'a', label: 'Ann', size: 10 }, classes: 'partner labelled' })
    expect(changes).toBe(0)
    syncElement(a, { group: 'nodes', data: { id: 'a', label: 'Ann Lee', size: 10 }, classes: 'partner' })
    expect(a.data('label')).toBe('Ann Lee')
    expect(a.classes().sort()).toEqual(['faded', 'partner'])
    cy.destroy()
  })
})
