import type cytoscape from 'cytoscape'
import type { ElementDefinition } from 'cytoscape'
import type { GraphModel, ModelNode } from '../../../../core/graph/model'
import type { SvgEdge, SvgNode } from '../../../../core/graph/svg'

export interface Pos {
  x: number
  y: number
}

/** Networks up to this many people open in full; larger ones open on a reduced view. */
export const FULL_VIEW_LIMIT = 2500
/** The reduced view: you and this many people with the most won value. */
export const REDUCED_VIEW_LIMIT = 400

/** Everyone can carry a label: you, partners and (when shown) prospects, in a smaller, muted type. */
export function showsLabel(_n: ModelNode): boolean {
  return true
}

/** Up to this many people every partner is labelled; above it only the LABELLED_TOP most valuable are. */
export const LABEL_ALL_LIMIT = 600
export const LABELLED_TOP = 150

/**
 * Who carries a label: you and partners, and prospects too while everyone fits under LABEL_ALL_LIMIT; on big
 * maps you and the top partners by won value and introductions.
 */
export function labelledIds(model: GraphModel): Set<string> {
  if (model.nodes.length <= LABEL_ALL_LIMIT) return new Set(model.nodes.map((n) => n.id))
  const partners = model.nodes.filter((n) => n.role !== 'prospect')
  if (partners.length <= LABEL_ALL_LIMIT) return new Set(partners.map((n) => n.id))
  const top = partners
    .filter((n) => !n.isMe)
    .sort((a, b) => b.value - a.value || b.sent - a.sent)
    .slice(0, LABELLED_TOP)
  const out = new Set(top.map((n) => n.id))
  if (model.meId) out.add(model.meId)
  return out
}

/**
 * Model -> Cytoscape elements (the only mapping the canvas does). Every node
 * carries its name; the `labelled` class decides whether it is drawn, so the
 * unlabelled majority of a big map costs no text work at all.
 */
export function toElements(model: GraphModel, positions: ReadonlyMap<string, Pos>): ElementDefinition[] {
  const out: ElementDefinition[] = []
  const labelled = labelledIds(model)
  for (const n of model.nodes) {
    const p = positions.get(n.id) ?? (n.x !== null && n.y !== null ? { x: n.x, y: n.y } : { x: 0, y: 0 })
    out.push({
      group: 'nodes',
      data: { id: n.id, label: n.label, colour: n.colour, size: n.size },
      position: { x: p.x, y: p.y },
      classes: `${n.isMe ? 'me' : n.role}${n.isolated ? ' isolated' : ''}${labelled.has(n.id) ? ' labelled' : ''}`,
    })
  }
  for (const e of model.edges)
    out.push({
      group: 'edges',
      data: { id: e.id, source: e.source, target: e.target, width: e.width, colour: e.colour, count: e.count },
      classes: e.kind,
    })
  return out
}

/**
 * Which node ids are faded: when highlighting converters, everyone but the
 * converters (and you); when focused, everyone outside the neighbourhood.
 * Null when nothing is faded.
 */
export function fadedIds(model: GraphModel, keep: (ReadonlySet<string> | null)[]): Set<string> | null {
  const active = keep.filter((k): k is ReadonlySet<string> => k !== null)
  if (!active.length) return null
  const out = new Set<string>()
  for (const n of model.nodes) {
    if (n.isMe) continue
    if (active.some((k) => !k.has(n.id))) out.add(n.id)
  }
  return out
}

/** The current view as SVG input: visible nodes at their current positions. */
export function svgInput(
  model: GraphModel,
  positions: ReadonlyMap<string, Pos>,
  faded: ReadonlySet<string> | null,
): { nodes: SvgNode[]; edges: SvgEdge[] } {
  const nodes: SvgNode[] = []
  for (const n of model.nodes) {
    const p = positions.get(n.id)
    if (!p) continue
    nodes.push({
      id: n.id,
      label: n.label,
      x: p.x,
      y: p.y,
      size: n.size,
      colour: n.colour,
      faded: (faded?.has(n.id) ?? false) || n.isolated,
      showLabel: showsLabel(n),
      isMe: n.isMe,
    })
  }
  const edges: SvgEdge[] = model.edges.map((e) => ({
    source: e.source,
    target: e.target,
    width: e.width,
    colour: e.colour,
    faded: (faded?.has(e.source) ?? false) || (faded?.has(e.target) ?? false),
    dashed: e.kind === 'prospect',
  }))
  return { nodes, edges }
}

/** Label sizes the style uses (from the model's SizeScale). */
export interface LabelFonts {
  font: number
  meFont: number
}

export function graphStyle(dark: boolean, big: boolean, fonts: LabelFonts = { font: 11, meFont: 15 }): cytoscape.StylesheetStyle[] {
  const text = dark ? '#e5e7eb' : '#1f2937'
  const halo = dark ? '#111827' : '#ffffff'
  return [
    // While a big map is panned or zoomed as a picture, what comes into view shows the stage, not grey.
    // (Cytoscape's type for core style lists every property as required.)
    { selector: 'core', style: { 'outside-texture-bg-opacity': 0 } as cytoscape.Css.Core },
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        width: 'data(size)',
        height: 'data(size)',
        'border-width': 1,
        'border-color': dark ? '#d1d5db' : '#4b5563',
      },
    },
    {
      // Names: you, partners (on big maps the top ones) and whoever is selected.
      selector: 'node.labelled, node.selected, node:selected',
      style: {
        label: 'data(label)',
        color: text,
        'font-size': fonts.font,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': halo,
        'text-outline-width': big ? 0 : 2,
        'min-zoomed-font-size': big ? 10 : 7,
      },
    },
    {
      selector: 'node.me',
      style: { 'font-size': fonts.meFont, 'font-weight': 'bold', 'border-width': 3, 'border-color': '#f59e0b', 'z-index': 20, 'min-zoomed-font-size': 0 },
    },
    { selector: 'node.prospect', style: { 'border-width': 0.5 } },
    {
      selector: 'node.prospect.labelled',
      style: { 'font-size': Math.round(fonts.font * 0.85 * 10) / 10, color: dark ? '#9ca3af' : '#6b7280', 'text-margin-y': 2 },
    },
    // Partners with no introductions: faint, but there (search finds them; selecting one shows it fully).
    { selector: 'node.isolated', style: { opacity: 0.45, 'border-style': 'dashed' } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': 'data(colour)',
        'target-arrow-color': 'data(colour)',
        // (Only small maps have Cytoscape edges: a big map's are drawn by the edge layer.)
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        opacity: 0.75,
      },
    },
    { selector: 'edge.prospect', style: { 'line-style': 'dashed', width: 0.8, 'target-arrow-shape': 'none' } },
    { selector: '.faded', style: { opacity: 0.1, 'text-opacity': 0 } },
    { selector: 'edge.faded', style: { opacity: 0.04 } },
    {
      selector: 'node:selected, node.selected',
      style: { 'border-width': 4, 'border-color': '#7c3aed', 'z-index': 30, 'text-opacity': 1, opacity: 1 },
    },
  ]
}

/** A box in map units. */
export interface Box {
  x1: number
  y1: number
  x2: number
  y2: number
}

/** The most a fit zooms in: a map of a few people stays at about its natural size instead of filling the screen. */
export const MAX_FIT_ZOOM = 1.25
const MIN_ZOOM = 0.02

/**
 * The zoom and pan that show `bb` in a w x h view with padding, never zooming in past `maxZoom`. `reserve` is a
 * bottom-left corner the view must keep clear (the legend): the box goes either above it or to its right,
 * whichever shows it larger.
 */
export function fitBox(
  bb: Box,
  w: number,
  h: number,
  padding: number,
  reserve: { w: number; h: number } | null = null,
  maxZoom = MAX_FIT_ZOOM,
): { zoom: number; pan: Pos } {
  const bw = Math.max(1, bb.x2 - bb.x1)
  const bh = Math.max(1, bb.y2 - bb.y1)
  // Regions as [left, top, width, height] in screen pixels.
  const regions: [number, number, number, number][] =
    reserve && reserve.w > 0 && reserve.h > 0
      ? [
          [0, 0, w, Math.max(1, h - reserve.h)],
          [Math.min(w - 1, reserve.w), 0, Math.max(1, w - reserve.w), h],
        ]
      : [[0, 0, w, h]]
  let best: { zoom: number; pan: Pos } | null = null
  for (const [x0, y0, rw, rh] of regions) {
    const fit = Math.min((rw - 2 * padding) / bw, (rh - 2 * padding) / bh)
    const zoom = Math.min(maxZoom, Math.max(MIN_ZOOM, fit))
    const pan = { x: x0 + rw / 2 - zoom * ((bb.x1 + bb.x2) / 2), y: y0 + rh / 2 - zoom * ((bb.y1 + bb.y2) / 2) }
    if (!best || zoom > best.zoom + 1e-9) best = { zoom, pan }
  }
  return best!
}

/**
 * Like fitBox over the union of `boxes` (each person's box, in map units), but only keeps clear of the legend
 * where a person actually is: a round layout leaves its bottom-left corner empty, so the legend can sit there
 * and the map is shown as large as without it. Tries zooms from the whole view's fit downwards, each with the
 * map centred or pushed up and/or right; the first placement that leaves every person outside the reserved
 * corner wins, else fitBox's (above or right of the legend).
 */
export function fitClear(
  boxes: readonly Box[],
  w: number,
  h: number,
  padding: number,
  reserve: { w: number; h: number } | null,
  maxZoom = MAX_FIT_ZOOM,
): { zoom: number; pan: Pos } | null {
  if (!boxes.length) return null
  const bb = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity }
  for (const b of boxes) {
    bb.x1 = Math.min(bb.x1, b.x1)
    bb.y1 = Math.min(bb.y1, b.y1)
    bb.x2 = Math.max(bb.x2, b.x2)
    bb.y2 = Math.max(bb.y2, b.y2)
  }
  const whole = fitBox(bb, w, h, padding, null, maxZoom)
  if (!reserve || reserve.w <= 0 || reserve.h <= 0) return whole
  const safe = fitBox(bb, w, h, padding, reserve, maxZoom)
  const clear = (zoom: number, pan: Pos) => {
    const top = h - reserve.h
    for (const b of boxes) if (b.x1 * zoom + pan.x < reserve.w && b.y2 * zoom + pan.y > top) return false
    return true
  }
  const STEPS = 24
  for (let i = 0; i <= STEPS; i++) {
    const zoom = whole.zoom + ((safe.zoom - whole.zoom) * i) / STEPS
    if (zoom <= safe.zoom + 1e-9 && i > 0) break
    const cx = (bb.x1 + bb.x2) / 2
    const cy = (bb.y1 + bb.y2) / 2
    // How far the map can move right or up and still stay inside the view with its padding.
    const slackX = Math.max(0, (w - 2 * padding - zoom * (bb.x2 - bb.x1)) / 2)
    const slackY = Math.max(0, (h - 2 * padding - zoom * (bb.y2 - bb.y1)) / 2)
    for (const [dx, dy] of [[0, 0], [slackX, 0], [0, -slackY], [slackX, -slackY]] as const) {
      const pan = { x: w / 2 + dx - zoom * cx, y: h / 2 + dy - zoom * cy }
      if (clear(zoom, pan)) return { zoom, pan }
    }
  }
  return safe
}

/** Each placed node's box (its size, and room for a label below), in map units. */
export function nodeBoxes(model: GraphModel, positions: ReadonlyMap<string, Pos>, only?: ReadonlySet<string>): Box[] {
  const out: Box[] = []
  const label = model.scale.font + 4
  for (const n of model.nodes) {
    if (only && !only.has(n.id)) continue
    const p = positions.get(n.id)
    if (!p) continue
    const r = n.size / 2
    out.push({ x1: p.x - r, y1: p.y - r, x2: p.x + r, y2: p.y + r + label })
  }
  return out
}

/** The zoom and pan that fit every node (with its size) into a w x h view with padding, clear of `reserve` (see fitClear). */
export function fitViewport(
  model: GraphModel,
  positions: ReadonlyMap<string, Pos>,
  w: number,
  h: number,
  padding: number,
  reserve: { w: number; h: number } | null = null,
  maxZoom = MAX_FIT_ZOOM,
): { zoom: number; pan: Pos } {
  return fitClear(nodeBoxes(model, positions), w, h, padding, reserve, maxZoom) ?? { zoom: 1, pan: { x: w / 2, y: h / 2 } }
}
