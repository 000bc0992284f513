import type { GraphData, GraphNodeData } from '../../shared/channels/graph'
import { qualityScore } from '../analytics/quality'
import { ME_COLOUR, PROSPECT_COLOUR, scoreColour, shareColour } from './colors'

/**
 * The graph model: which nodes and edges are drawn and how each is encoded.
 * Built from the plain aggregates of `graph:get`; the Cytoscape component only
 * renders it.
 */
export type SizeBy = 'value' | 'count'

export interface ModelNode {
  id: string
  label: string
  role: GraphNodeData['role']
  isMe: boolean
  /** Quality score (0..1) of their introductions to you; null when nothing is decided. */
  score: number | null
  low: number | null
  high: number | null
  wonToMe: number
  decidedToMe: number
  sent: number
  received: number
  /** Won value in major units, in the main currency only (size by value, ranking). */
  value: number
  /** Won value per currency (minor units), the main currency first. */
  money: GraphNodeData['closedValue']
  colour: string
  /** Diameter in map units (see sizeScale). */
  size: number
  /** A partner with no introductions at all (drawn faintly). */
  isolated: boolean
  x: number | null
  y: number | null
  company: string | null
  profession: string | null
}

export interface ModelEdge {
  id: string
  source: string
  target: string
  kind: 'partner' | 'prospect'
  count: number
  won: number
  decided: number
  value: number
  /** won / count: the share of the pair's introductions that converted. */
  share: number
  width: number
  colour: string
}

export interface GraphModel {
  meId: string | null
  nodes: ModelNode[]
  edges: ModelEdge[]
  mean: number
  currency: string
  /** Largest value/count among nodes (for the legend). */
  maxMeasure: number
  /** The node and label sizes used, for the number of people on the map. */
  scale: SizeScale
}

export interface ModelOptions {
  sizeBy: SizeBy
}

/** The size range on a big map (SMALL_MAP_SCALE on small ones; see sizeScale). */
export const MIN_SIZE = 14
export const MAX_SIZE = 56
export const ME_SIZE = 64
export const PROSPECT_SIZE = 7

/** Node diameters and label sizes (in map units) for a map of a given number of people. */
export interface SizeScale {
  min: number
  max: number
  me: number
  prospect: number
  /** Partners' labels; prospects' are a little smaller. */
  font: number
  meFont: number
}

/** Up to SMALL_MAP people the small scale applies; from BIG_MAP the big one; in between it moves with log(people). */
export const SMALL_MAP = 12
export const BIG_MAP = 400
export const SMALL_MAP_SCALE: SizeScale = { min: 12, max: 30, me: 36, prospect: 6, font: 12, meFont: 14 }
export const BIG_MAP_SCALE: SizeScale = { min: MIN_SIZE, max: MAX_SIZE, me: ME_SIZE, prospect: PROSPECT_SIZE, font: 11, meFont: 15 }

/**
 * Sizes for a map of `people` people. On a small map the layout's spacing is the same as on a big one, so big
 * nodes would nearly touch and (once the view is fitted) fill the screen: the range there is narrower and the
 * labels relatively larger.
 */
export function sizeScale(people: number): SizeScale {
  const t = Math.min(1, Math.max(0, Math.log(Math.max(1, people) / SMALL_MAP) / Math.log(BIG_MAP / SMALL_MAP)))
  const mix = (k: keyof SizeScale) => Math.round((SMALL_MAP_SCALE[k] + (BIG_MAP_SCALE[k] - SMALL_MAP_SCALE[k]) * t) * 10) / 10
  return { min: mix('min'), max: mix('max'), me: mix('me'), prospect: mix('prospect'), font: mix('font'), meFont: mix('meFont') }
}

/** Area-proportional size: sqrt scale between the scale's min and max (the big map's by default). */
export function nodeSize(measure: number, maxMeasure: number, scale: Pick<SizeScale, 'min' | 'max'> = BIG_MAP_SCALE): number {
  if (maxMeasure <= 0 || measure <= 0) return scale.min
  return scale.min + (scale.max - scale.min) * Math.sqrt(Math.min(1, measure / maxMeasure))
}

/** Edge width: 1 px for one introduction, growing with log2 of the count, at most 10. */
export function edgeWidth(count: number): number {
  return Math.min(10, 1 + 1.6 * Math.log2(Math.max(1, count)))
}

export function edgeId(source: string, target: string): string {
  return `${source}->${target}`
}

export function buildModel(data: GraphData, opts: ModelOptions): GraphModel {
  const measureOf = (n: GraphNodeData) => (opts.sizeBy === 'value' ? n.closedValueMinor / 100 : n.sent)
  let maxMeasure = 0
  for (const n of data.nodes) if (!n.isMe && n.role !== 'prospect') maxMeasure = Math.max(maxMeasure, measureOf(n))
  const scale = sizeScale(data.nodes.length)
  const nodes: ModelNode[] = data.nodes.map((n) => {
    const q = n.isMe ? null : qualityScore(n.wonToMe, n.decidedToMe, data.prior)
    const colour = n.isMe ? ME_COLOUR : n.role === 'prospect' ? PROSPECT_COLOUR : scoreColour(q?.score ?? null, data.prior.mean)
    const size = n.isMe ? scale.me : n.role === 'prospect' ? scale.prospect : nodeSize(measureOf(n), maxMeasure, scale)
    return {
      id: n.id,
      label: n.name,
      role: n.role,
      isMe: n.isMe,
      score: q?.score ?? null,
      low: q?.low ?? null,
      high: q?.high ?? null,
      wonToMe: n.wonToMe,
      decidedToMe: n.decidedToMe,
      sent: n.sent,
      received: n.received,
      value: n.closedValueMinor / 100,
      money: n.closedValue,
      colour,
      size,
      isolated: n.isolated === true,
      x: n.x,
      y: n.y,
      company: n.company,
      profession: n.profession,
    }
  })
  const ids = new Set(nodes.map((n) => n.id))
  const edges: ModelEdge[] = []
  for (const e of data.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue
    const share = e.count > 0 ? e.won / e.count : 0
    edges.push({
      id: edgeId(e.source, e.target),
      source: e.source,
      target: e.target,
      kind: e.kind,
      count: e.count,
      won: e.won,
      decided: e.decided,
      value: e.valueMinor / 100,
      share,
      width: e.kind === 'prospect' ? 0.8 : edgeWidth(e.count),
      colour: shareColour(share),
    })
  }
  return { meId: data.meId, nodes, edges, mean: data.prior.mean, currency: data.currency, maxMeasure, scale }
}

/** Ids of partners whose quality score is at or above the threshold (the "converters"). */
export function converters(model: GraphModel, threshold: number): Set<string> {
  const out = new Set<string>()
  for (const n of model.nodes) if (n.score !== null && n.score >= threshold) out.add(n.id)
  return out
}

/** Everyone within `steps` introductions of `id`, in either direction (including `id`). */
export function neighbourhood(model: Pick<GraphModel, 'edges'>, id: string, steps: number): Set<string> {
  const adj = new Map<string, string[]>()
  const link = (a: string, b: string) => {
    const l = adj.get(a)
    if (l) l.push(b)
    else adj.set(a, [b])
  }
  for (const e of model.edges) {
    link(e.source, e.target)
    link(e.target, e.source)
  }
  const seen = new Set<string>([id])
  let frontier = [id]
  for (let s = 0; s < steps && frontier.length; s++) {
    const next: string[] = []
    for (const v of frontier)
      for (const w of adj.get(v) ?? [])
        if (!seen.has(w)) {
          seen.add(w)
          next.push(w)
        }
    frontier = next
  }
  return seen
}

/**
 * A reduced view for networks too big to stay fluid: you, the `limit` people
 * with the most won value (then most introductions), and the edges among them.
 */
export function reduceModel(model: GraphModel, limit: number): GraphModel {
  if (model.nodes.length <= limit + 1) return model
  const ranked = model.nodes
    .filter((n) => !n.isMe)
    .sort((a, b) => b.value - a.value || b.sent + b.received - (a.sent + a.received) || a.label.localeCompare(b.label))
    .slice(0, limit)
  const keep = new Set(ranked.map((n) => n.id))
  if (model.meId) keep.add(model.meId)
  return {
    ...model,
    nodes: model.nodes.filter((n) => keep.has(n.id)),
    edges: model.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
  }
}

/** Case- and accent-insensitive name search, best match first (prefix before substring). */
export function searchNodes(model: GraphModel, query: string, limit = 8): ModelNode[] {
  const key = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
  const q = key(query.trim())
  if (!q) return []
  const hits: { n: ModelNode; rank: number }[] = []
  for (const n of model.nodes) {
    const k = key(n.label)
    const i = k.indexOf(q)
    if (i < 0) continue
    const rank = i === 0 ? 0 : k.includes(` ${q}`) ? 1 : 2
    hits.push({ n, rank })
  }
  hits.sort((a, b) => a.rank - b.rank || (a.n.role === 'prospect' ? 1 : 0) - (b.n.role === 'prospect' ? 1 : 0) || a.n.label.localeCompare(b.n.label))
  return hits.slice(0, limit).map((h) => h.n)
}
