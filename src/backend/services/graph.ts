import { mkdirSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import type { SliceHandlers } from './types'
import type { GraphData, GraphEdgeData, GraphFilters, GraphNodeData, graphChannels } from '../../shared/channels/graph'
import { AppError, notFound } from '../../shared/errors'
import { tx, type Db } from '../db/connection'
import { clearPositions, isolatedPeople, livePeopleAmong, nodeRows, partnerEdges, prospectEdges, upsertPositions, wonValueByReferrer } from '../db/graph'
import { moneyList } from '../../core/analytics/scorecard'
import { getMeId } from '../db/people'
import { readSetting } from '../db/settings'
import { nowIso, type ServiceContext } from './context'
import { PRIOR_WEIGHT } from '../../core/analytics/scorecard'

/** How many decided introductions the network average is "worth": the scorecards' own constant. */
export { PRIOR_WEIGHT }

export function graphData(db: Db, f: GraphFilters): GraphData {
  const meId = getMeId(db)
  const currency = readSetting(db, 'currency')
  const edges: GraphEdgeData[] = partnerEdges(db, f, currency)
  const stats = new Map<string, Omit<GraphNodeData, 'id' | 'name' | 'company' | 'profession' | 'isMe' | 'x' | 'y'>>()
  const stat = (id: string) => {
    let s = stats.get(id)
    if (!s) {
      s = { role: 'partner', sent: 0, received: 0, wonToMe: 0, decidedToMe: 0, closedValueMinor: 0, closedValue: [] }
      stats.set(id, s)
    }
    return s
  }
  if (meId) stat(meId).role = 'me'
  let wonAll = 0
  let decidedAll = 0
  for (const e of edges) {
    const s = stat(e.source)
    s.sent += e.count
    s.closedValueMinor += e.valueMinor
    stat(e.target).received += e.count
    if (e.target === meId) {
      s.wonToMe += e.won
      s.decidedToMe += e.decided
      wonAll += e.won
      decidedAll += e.decided
    }
  }
  const won = new Map<string, { currency: string; minor: number }[]>()
  for (const r of wonValueByReferrer(db, f)) won.set(r.id, [...(won.get(r.id) ?? []), r])
  for (const [id, list] of won) {
    const s = stats.get(id)
    if (s) s.closedValue = moneyList(list, currency)
  }
  if (f.prospects) {
    const pe = prospectEdges(db, f, currency)
    for (const e of pe) {
      if (!stats.has(e.target)) {
        const s = stat(e.target)
        s.role = 'prospect'
      }
      edges.push(e)
    }
  }
  // Partners with no introductions at all: on the map (faintly) so search finds them.
  const isolated = new Set(isolatedPeople(db, f).filter((id) => !stats.has(id)))
  for (const id of isolated) stat(id)
  const rows = nodeRows(db, [...stats.keys()])
  const nodes: GraphNodeData[] = rows.map((r) => {
    const s = stats.get(r.id)!
    return {
      id: r.id,
      name: r.name,
      company: r.company,
      profession: r.profession,
      isMe: r.is_me === 1,
      ...s,
      role: r.is_me === 1 ? 'me' : s.role,
      ...(isolated.has(r.id) ? { isolated: true } : {}),
      x: r.x,
      y: r.y,
    }
  })
  const present = new Set(nodes.map((n) => n.id))
  return {
    meId,
    nodes,
    edges: edges.filter((e) => present.has(e.source) && present.has(e.target)),
    prior: { mean: decidedAll > 0 ? wonAll / decidedAll : 0.3, weight: PRIOR_WEIGHT },
    currency,
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** A safe file name in the exports folder, with the right extension. */
export function exportFileName(suggested: string, format: 'png' | 'svg'): string {
  const base = suggested
    .replace(/\.(png|svg)$/i, '')
    .replace(/[^\p{L}\p{N} ._-]+/gu, '-')
    .replace(/^[.\s-]+|[.\s-]+$/g, '')
    .slice(0, 100)
  return `${base || 'network'}.${format}`
}

export function graphHandlers(ctx: ServiceContext): SliceHandlers<typeof graphChannels> {
  const db = () => ctx.store.db
  return {
    'graph:get': (f) => graphData(db(), f),
    'graph:savePositions': ({ positions }) =>
      tx(db(), () => {
        if (positions.length) {
          const known = livePeopleAmong(db(), positions.map((p) => p.id))
          const bad = positions.findIndex((p) => !known.has(p.id))
          if (bad >= 0) throw notFound('person', positions[bad]!.id, `positions.${bad}.id`)
        }
        return { saved: upsertPositions(db(), positions, nowIso(ctx)) }
      }),
    'graph:clearPositions': () => tx(db(), () => ({ cleared: clearPositions(db()) })),
    'graph:exportFile': async ({ format, data, suggestedName }) => {
      let bytes: Buffer
      if (format === 'png') {
        const b64 = data.replace(/^data:image\/png;base64,/, '')
        if (!/^[A-Za-z0-9+/=\s]+$/.test(b64)) throw new AppError('VALIDATION', 'The picture is not base64 data.', 'data')
        bytes = Buffer.from(b64, 'base64')
        if (bytes.length < 8 || PNG_SIGNATURE.some((v, i) => bytes[i] !== v))
          throw new AppError('VALIDATION', 'The picture is not a PNG image.', 'data')
      } else {
        if (!/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(data))
          throw new AppError('VALIDATION', 'The drawing is not an SVG document.', 'data')
        bytes = Buffer.from(data, 'utf8')
      }
      const name = exportFileName(suggestedName, format)
      let path: string
      if (ctx.chooseSavePath) {
        // Desktop: the user picks the file (the dialog itself confirms replacing one).
        const picked = await ctx.chooseSavePath(name, { name: format === 'png' ? 'PNG image' : 'SVG drawing', extensions: [format] })
        if (!picked) throw new AppError('CANCELLED', 'The export was cancelled; no file was written.')
        path = picked
      } else {
        const dir = join(ctx.dataDir, 'exports')
        mkdirSync(dir, { recursive: true })
        path = join(dir, name)
        for (let i = 2; existsSync(path); i++) path = join(dir, name.replace(/\.(png|svg)$/, ` (${i}).$1`))
      }
      writeFileSync(path, bytes)
      return { path, bytes: bytes.length }
    },
  }
}
