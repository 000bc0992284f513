import { normalizeKey } from '../text'
import { hopWeight, introducerRecord, tieKey, type InsightNetwork, type InsightPerson, type Tie } from './network'
import type { IntroducerPath, PathExplain, PathHop } from '../../shared/channels/insights'

/**
 * Who can introduce you to someone: the best warm path from you through each
 * person you know, ranked by the path's score.
 *
 * A path's score (0..1] = product of its hops' strengths x product of the
 * intermediaries' records (see network.ts); it is exp(-cost) with the hop
 * weights of network.ts, so the best path is a shortest path under them.
 * Paths never pass through you again, and there is one per first hop (the
 * person you would ask), so the list offers different people to ask.
 */

export const DEFAULT_PATH_LIMIT = 10

/** People matching a typed company or profession: every word of the query appears in it (case and accents ignored). */
export function matchPeople(people: Iterable<InsightPerson>, field: 'company' | 'profession', query: string): string[] {
  const words = normalizeKey(query).split(/\s+/).filter(Boolean)
  if (!words.length) return []
  const out: string[] = []
  for (const p of people) {
    if (p.isMe) continue
    const v = normalizeKey(p[field])
    if (v && words.every((w) => v.includes(w))) out.push(p.id)
  }
  return out
}

/** A binary min-heap of node indices keyed by a distance array (lazy deletion). */
class MinHeap {
  private items: number[] = []
  private keys: number[] = []
  get size(): number {
    return this.items.length
  }
  push(item: number, key: number): void {
    const it = this.items
    const ks = this.keys
    let i = it.length
    it.push(item)
    ks.push(key)
    while (i > 0) {
      const p = (i - 1) >> 1
      if (ks[p]! <= key) break
      it[i] = it[p]!
      ks[i] = ks[p]!
      i = p
    }
    it[i] = item
    ks[i] = key
  }
  pop(): [number, number] {
    const it = this.items
    const ks = this.keys
    const top: [number, number] = [it[0]!, ks[0]!]
    const lastItem = it.pop()!
    const lastKey = ks.pop()!
    const n = it.length
    if (n > 0) {
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        if (l >= n) break
        const r = l + 1
        const c = r < n && ks[r]! < ks[l]! ? r : l
        if (ks[c]! >= lastKey) break
        it[i] = it[c]!
        ks[i] = ks[c]!
        i = c
      }
      it[i] = lastItem
      ks[i] = lastKey
    }
    return top
  }
}

/**
 * Multi-source Dijkstra over the network's adjacency index, from the targets
 * (each starting at minus half its own node cost, so the target's record never
 * counts), never through you (you are not in the graph). Returns the distance
 * and the next hop toward a target for every index.
 */
export function distancesToTargets(net: InsightNetwork, targets: string[]): { dist: Float64Array; next: Int32Array } {
  const { starts, neighborhood, weights, ids } = net.index
  const n = net.index.nodes.length
  const dist = new Float64Array(n).fill(Infinity)
  const next = new Int32Array(n).fill(-1)
  const done = new Uint8Array(n)
  const heap = new MinHeap()
  for (const t of targets) {
    const i = ids.get(t)
    if (i === undefined) continue
    const d0 = -0.5 * (net.cost.get(t) ?? 0)
    if (d0 < dist[i]!) {
      dist[i] = d0
      heap.push(i, d0)
    }
  }
  while (heap.size) {
    const [v, d] = heap.pop()
    if (done[v] || d > dist[v]!) continue
    done[v] = 1
    for (let j = starts[v]!, e = starts[v + 1]!; j < e; j++) {
      const u = neighborhood[j]!
      const c = d + weights[j]!
      if (c < dist[u]!) {
        dist[u] = c
        next[u] = v
        heap.push(u, c)
      }
    }
  }
  return { dist, next }
}

function hopPhrase(t: Tie | undefined): string {
  if (!t) return 'a tie'
  const intros = t.ab + t.ba + t.shared
  const parts: string[] = []
  if (intros) parts.push(`${intros} introduction${intros === 1 ? '' : 's'}`)
  if (t.contacts) parts.push(`${t.contacts} contact${t.contacts === 1 ? '' : 's'}`)
  const both = t.ab > 0 && t.ba > 0 ? ', both ways' : ''
  return `${parts.join(' and ') || 'a tie'}${both}, last ${t.last}`
}

const pct = (v: number) => `${Math.round(v * 100)}%`

/** The parts of a path's explanation, for a screen to write in the user's language. */
export function explainParts(net: InsightNetwork, path: string[]): PathExplain {
  const hops = path.slice(1).map((id, i): PathHop => {
    const t = net.ties.get(tieKey(path[i]!, id))
    return t
      ? { introductions: t.ab + t.ba + t.shared, contacts: t.contacts, bothWays: t.ab > 0 && t.ba > 0, last: t.last || null }
      : { introductions: 0, contacts: 0, bothWays: false, last: null }
  })
  const ask = path.length > 2 ? net.people.get(path[1]!) : undefined
  const decided = ask?.madeDecided ?? 0
  return {
    hops,
    record: ask && decided > 0 ? { share: introducerRecord(ask, net.prior), won: ask.madeWon, decided } : null,
    prior: net.prior.mean,
  }
}

/** The one-sentence explanation of a path. */
export function explainPath(net: InsightNetwork, path: string[]): string {
  const name = (id: string) => net.people.get(id)?.name ?? 'someone'
  const tie = (a: string, b: string) => net.ties.get(tieKey(a, b))
  if (path.length === 2) return `You know ${name(path[1]!)} directly (${hopPhrase(tie(path[0]!, path[1]!))}).`
  const ask = net.people.get(path[1]!)
  const rest = path
    .slice(2)
    .map((id, i) => `who knows ${name(id)} (${hopPhrase(tie(path[i + 1]!, id))})`)
    .join(', ')
  const record = ask ? introducerRecord(ask, net.prior) : net.prior.mean
  const decided = ask?.madeDecided ?? 0
  const recordText =
    decided > 0
      ? `${pct(record)} of ${name(path[1]!)}'s introductions close (${ask!.madeWon} of ${decided} decided, weighed toward the network's ${pct(net.prior.mean)})`
      : `${name(path[1]!)} has no decided introductions yet, so counts as the network's ${pct(net.prior.mean)}`
  return `Ask ${name(path[1]!)} (${hopPhrase(tie(path[0]!, path[1]!))}), ${rest}; ${recordText}.`
}

/** Score of a path under the documented weights: product of hop strengths x intermediaries' records. */
export function pathScore(net: InsightNetwork, path: string[]): number {
  let s = 1
  for (let i = 0; i + 1 < path.length; i++) s *= net.ties.get(tieKey(path[i]!, path[i + 1]!))?.strength ?? 0
  for (let i = 1; i + 1 < path.length; i++) {
    const p = net.people.get(path[i]!)
    if (p) s *= introducerRecord(p, net.prior)
  }
  return s
}

/** The best path through each person you know, best first (at most `limit`). */
export function findIntroducers(net: InsightNetwork, targets: string[], limit = DEFAULT_PATH_LIMIT): IntroducerPath[] {
  const me = net.meId
  if (!me) return []
  const targetSet = new Set(targets.filter((t) => t !== me))
  if (!targetSet.size) return []
  const { dist, next } = distancesToTargets(net, [...targetSet])
  const { ids, nodes } = net.index
  const cands: { first: string; cost: number }[] = []
  for (const [first, tie] of net.meTies) {
    const i = ids.get(first)
    if (i === undefined || dist[i] === Infinity) continue
    const cost = hopWeight(tie.strength, 0, net.cost.get(first) ?? 0) + dist[i]!
    cands.push({ first, cost })
  }
  cands.sort((a, b) => a.cost - b.cost || (a.first < b.first ? -1 : 1))
  const out: IntroducerPath[] = []
  for (const c of cands.slice(0, limit)) {
    const path = [me, c.first]
    let i = ids.get(c.first)!
    while (!targetSet.has(nodes[i]!) && next[i]! >= 0) {
      i = next[i]!
      path.push(nodes[i]!)
    }
    out.push({
      path,
      names: path.map((id) => net.people.get(id)?.name ?? '?'),
      score: Math.exp(-c.cost),
      askId: c.first,
      why: explainPath(net, path),
      explain: explainParts(net, path),
    })
  }
  return out
}
