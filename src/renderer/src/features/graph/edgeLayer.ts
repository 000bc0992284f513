import type { ModelEdge } from '../../../../core/graph/model'
import type { Pos } from './elements'

/**
 * Big maps draw their introductions (edges) here, in one canvas under
 * Cytoscape's, instead of as thousands of Cytoscape elements. Cytoscape's
 * per-edge work (style, bounds, hit boxes, one draw call through its element
 * pipeline) was about half of opening a 2,000-person map and about 150 ms of
 * every 200 ms frame here; this plain loop of line strokes takes 40-50 ms, and
 * is skipped when nothing it shows changed. The look follows the edge style
 * of small maps without arrowheads: straight lines between centres, opacity
 * 0.75 (0.04 when faded), prospects dashed and thin.
 */

export const EDGE_ALPHA = 0.75
export const FADED_EDGE_ALPHA = 0.04
export const PROSPECT_EDGE_WIDTH = 0.8
export const DASH: readonly number[] = [6, 3]

/** Edges that share a stroke style, drawn one after another without changing the canvas state. */
export interface EdgeBatch {
  colour: string
  width: number
  dashed: boolean
  alpha: number
  /** source and target ids, two per edge */
  ends: string[]
}

/**
 * Groups the edges by stroke style. Faded edges come first so the others are
 * drawn over them; within that, wider lines last (they read on top, as in
 * Cytoscape where heavier pairs are easier to pick out).
 */
export function edgeBatches(edges: readonly ModelEdge[], faded: ReadonlySet<string> | null): EdgeBatch[] {
  const byKey = new Map<string, EdgeBatch>()
  for (const e of edges) {
    const dashed = e.kind === 'prospect'
    const width = dashed ? PROSPECT_EDGE_WIDTH : e.width
    const isFaded = !!faded && (faded.has(e.source) || faded.has(e.target))
    const alpha = isFaded ? FADED_EDGE_ALPHA : EDGE_ALPHA
    const key = `${alpha}|${width}|${dashed ? 1 : 0}|${e.colour}`
    let b = byKey.get(key)
    if (!b) {
      b = { colour: e.colour, width, dashed, alpha, ends: [] }
      byKey.set(key, b)
    }
    b.ends.push(e.source, e.target)
  }
  return [...byKey.values()].sort((a, b) => a.alpha - b.alpha || a.width - b.width)
}

export interface Viewport {
  zoom: number
  pan: Pos
}

/**
 * Strokes every batch on `ctx` for the given viewport (model → screen:
 * pan + zoom · p). Edges whose both ends lie on the same side outside the
 * view are skipped. Returns how many edges were stroked.
 */
export function drawEdgeBatches(
  ctx: CanvasRenderingContext2D,
  batches: readonly EdgeBatch[],
  position: (id: string) => Pos | undefined,
  vp: Viewport,
  size: { w: number; h: number },
): number {
  const { zoom, pan } = vp
  ctx.setTransform(zoom, 0, 0, zoom, pan.x, pan.y)
  // The visible rectangle in model coordinates.
  const x1 = -pan.x / zoom
  const y1 = -pan.y / zoom
  const x2 = (size.w - pan.x) / zoom
  const y2 = (size.h - pan.y) / zoom
  let drawn = 0
  for (const b of batches) {
    ctx.globalAlpha = b.alpha
    ctx.strokeStyle = b.colour
    ctx.lineWidth = b.width
    ctx.setLineDash(b.dashed ? (DASH as number[]) : [])
    const ends = b.ends
    for (let i = 0; i < ends.length; i += 2) {
      const s = position(ends[i]!)
      const t = position(ends[i + 1]!)
      if (!s || !t) continue
      if ((s.x < x1 && t.x < x1) || (s.x > x2 && t.x > x2) || (s.y < y1 && t.y < y1) || (s.y > y2 && t.y > y2)) continue
      // One path per edge: each is blended on its own, as Cytoscape draws them
      // (one path for many translucent lines would also be much slower to fill).
      ctx.beginPath()
      ctx.moveTo(s.x, s.y)
      ctx.lineTo(t.x, t.y)
      ctx.stroke()
      drawn++
    }
  }
  ctx.globalAlpha = 1
  ctx.setLineDash([])
  return drawn
}
