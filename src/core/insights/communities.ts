import louvain from 'graphology-communities-louvain'
import { createRng } from '../random'
import type { InsightNetwork } from './network'
import type { CommunitiesResult, Community } from '../../shared/channels/insights'

/**
 * Communities: Louvain modularity clustering (graphology-communities-louvain)
 * of your network without you, ties weighted by their strength, with a seeded
 * random order so the same network always gives the same communities. Groups
 * smaller than MIN_COMMUNITY are not shown as communities. Each community is
 * named after the group most of its members belong to (when at least half do),
 * else after its most common profession.
 */
export const MIN_COMMUNITY = 3
/** Okabe-Ito's colour-blind-safe palette; communities beyond it share the last colour (grey). */
export const COMMUNITY_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#7f7f7f'] as const
export const OTHER_COMMUNITY_COLOUR = '#bdbdbd'

export function detectCommunities(net: InsightNetwork, seed = 1): CommunitiesResult {
  const g = net.graph
  if (g.size === 0) return { communities: [], unclustered: g.order, modularity: 0 }
  const rng = createRng(seed)
  const res = louvain.detailed(g, { getEdgeWeight: 'strength', rng: () => rng.next() })
  const byId = new Map<number, string[]>()
  for (const [node, c] of Object.entries(res.communities)) {
    const l = byId.get(c)
    if (l) l.push(node)
    else byId.set(c, [node])
  }
  const groups = [...byId.values()]
    .filter((m) => m.length >= MIN_COMMUNITY)
    .map((m) => m.sort())
    .sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1))
  let clustered = 0
  const used = new Map<string, number>()
  const communities = groups.map((memberIds, i): Community => {
    clustered += memberIds.length
    const inside = new Set(memberIds)
    const profCount = new Map<string, number>()
    const groupCount = new Map<string, number>()
    for (const id of memberIds) {
      const p = net.people.get(id)
      if (p?.profession) profCount.set(p.profession, (profCount.get(p.profession) ?? 0) + 1)
      for (const gname of p?.groups ?? []) groupCount.set(gname, (groupCount.get(gname) ?? 0) + 1)
    }
    const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    const professions = sorted(profCount).map(([profession, count]) => ({ profession, count }))
    const topGroup = sorted(groupCount)[0]
    let name =
      topGroup && topGroup[1] * 2 >= memberIds.length
        ? topGroup[0]
        : professions[0]
          ? `${professions[0].profession}${professions[1] ? ` & ${professions[1].profession}` : ''}`
          : `Community ${i + 1}`
    const seen = used.get(name) ?? 0
    used.set(name, seen + 1)
    if (seen) name = `${name} (${seen + 1})`
    const strengthInside = (id: string) => {
      let s = 0
      g.forEachEdge(id, (_e, a, src, tgt) => {
        if (inside.has(src === id ? tgt : src)) s += a.strength
      })
      return s
    }
    const core = memberIds
      .map((id) => ({ id, s: strengthInside(id) }))
      .sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : 1))
      .slice(0, 5)
      .map((x) => ({ personId: x.id, name: net.people.get(x.id)?.name ?? '?' }))
    return {
      rank: i + 1,
      name,
      size: memberIds.length,
      colour: COMMUNITY_COLOURS[Math.min(i, COMMUNITY_COLOURS.length - 1)]!,
      memberIds,
      core,
      professions: professions.slice(0, 3),
    }
  })
  return { communities, unclustered: g.order - clustered, modularity: res.modularity }
}
