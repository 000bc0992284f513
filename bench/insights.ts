/**
 * Insights bench: brokers and communities at 2k and 10k people, and a "who can
 * introduce me" query at 10k, through the service handlers on a real network
 * file (the sample generator's shape: 2 introductions per person, most people
 * are clients). Cold = the first call after a change (SQL + building the graph
 * + the algorithm); cached = the same call again. Beside each, the ceiling
 * measured in the same run: the bare library call on a prebuilt graph, no SQL.
 * Targets (issue 14): brokers and communities at most 300 ms (2k) and 2 s
 * (10k); an introducers query at 10k at most 50 ms.
 */
import { join } from 'node:path'
import louvain from 'graphology-communities-louvain'
import { singleSource } from 'graphology-shortest-path/dijkstra'
import { generateNetwork } from '../src/core/sample/generator'
import { tx } from '../src/backend/db/connection'
import { insertNetwork } from '../src/backend/db/bulk'
import { insightsHandlers, loadNetwork } from '../src/backend/services/insights'
import { NetworkStore, type ServiceContext } from '../src/backend/services/context'
import { betweenness } from '../src/core/insights/brokers'
import { findIntroducers } from '../src/core/insights/introducers'
import { createRng } from '../src/core/random'

interface Env {
  tmpDir: string
  quick: boolean
  log: (s: string) => void
}

const TODAY = '2026-10-31'
const ms = (x: number) => (x >= 100 ? `${Math.round(x)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`)
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
const time = (fn: () => unknown) => {
  const t = performance.now()
  fn()
  return performance.now() - t
}
/** Time of an async call, and the longest the event loop went without a turn meanwhile. */
async function timeAsync(fn: () => unknown): Promise<{ ms: number; longestPause: number }> {
  let last = performance.now()
  let longest = 0
  let on = true
  const tick = () => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
    if (on) setImmediate(tick)
  }
  setImmediate(tick)
  const t = performance.now()
  await fn()
  const ms = performance.now() - t
  on = false
  longest = Math.max(longest, performance.now() - last)
  return { ms, longestPause: longest }
}

export default async function run(env: Env) {
  const rows: { case: string; size: string; value: string; note?: string }[] = []
  const sizes = env.quick ? [2000] : [2000, 10_000]
  for (const people of sizes) {
    const size = `${people / 1000}k people`
    const store = new NetworkStore(join(env.tmpDir, `insights-${people}.referralmap`))
    const net = generateNetwork({ seed: 42, people, introsPerPerson: 2, today: TODAY })
    tx(store.db, () => insertNetwork(store.db, net, `${TODAY}T12:00:00.000Z`))
    const ctx: ServiceContext = { store, dataDir: env.tmpDir, now: () => new Date(`${TODAY}T12:00:00.000Z`), transport: 'web', version: 'bench' }
    const bump = () => store.db.prepare("UPDATE people SET updated_at = updated_at WHERE id = (SELECT id FROM people LIMIT 1)").run()
    const h = insightsHandlers(ctx)
    const limit = people >= 10_000 ? 2000 : 300
    const runs = env.quick ? 1 : 3

    // The network alone (SQL + graph + adjacency index), measured apart.
    const loads: number[] = []
    let built = loadNetwork(store.db, TODAY)
    for (let i = 0; i < runs; i++) loads.push(time(() => (built = loadNetwork(store.db, TODAY))))
    rows.push({ case: 'insights: load the network (SQL + graph)', size, value: ms(median(loads)), note: `${built.graph.order} people, ${built.graph.size} ties (you left out)` })

    const cold = async (fn: () => unknown) => {
      const ts: number[] = []
      const pauses: number[] = []
      for (let i = 0; i < runs; i++) {
        bump()
        const r = await timeAsync(fn)
        ts.push(r.ms)
        pauses.push(r.longestPause)
      }
      return { ms: median(ts), pause: Math.max(...pauses) }
    }
    const brokersCold = await cold(() => h['insights:brokers']({ limit: 25 }))
    const brokersCached = (await timeAsync(() => h['insights:brokers']({ limit: 25 }))).ms
    const bare = median(Array.from({ length: runs }, () => time(() => betweenness(built.graph))))
    const b = betweenness(built.graph)
    rows.push({
      case: 'insights:brokers cold',
      size,
      value: ms(brokersCold.ms),
      note: `target ${ms(limit === 300 ? 300 : 2000)}; ${b.exact ? 'exact' : `sampled, ${b.sources} sources`}; cached call ${ms(brokersCached)}; event loop blocked at most ${ms(brokersCold.pause)}`,
    })
    rows.push({ case: '  ceiling: betweenness on a prebuilt graph', size, value: ms(bare), note: 'no SQL' })
    const commCold = await cold(() => h['insights:communities']({}))
    const commCached = (await timeAsync(() => h['insights:communities']({}))).ms
    const rng = createRng(1)
    const bareLouvain = median(Array.from({ length: runs }, () => time(() => louvain(built.graph, { getEdgeWeight: 'strength', rng: () => rng.next() }))))
    rows.push({
      case: 'insights:communities cold',
      size,
      value: ms(commCold.ms),
      note: `target ${ms(limit === 300 ? 300 : 2000)}; cached call ${ms(commCached)}; event loop blocked at most ${ms(commCold.pause)}`,
    })
    rows.push({ case: '  ceiling: Louvain on a prebuilt graph', size, value: ms(bareLouvain), note: 'no SQL' })

    if (people >= 10_000 || env.quick) {
      // Introducers: the network is cached (as after any first call); 30 different people as targets.
      await h['insights:brokers']({ limit: 1 })
      const ids = built.index.nodes
      const pick = createRng(5)
      const targets = Array.from({ length: 30 }, () => ids[Math.floor(pick.next() * ids.length)]!)
      const q: number[] = []
      for (const t of targets) q.push((await timeAsync(() => h['insights:introducers']({ targetId: t, limit: 10 }))).ms)
      const core = targets.map((t) => time(() => findIntroducers(built, [t], 10)))
      const comp = [...built.people.values()].find((p) => p.company)?.company ?? 'a'
      const byCompanyRuns: number[] = []
      for (let i = 0; i < 5; i++) byCompanyRuns.push((await timeAsync(() => h['insights:introducers']({ company: comp.slice(0, 4), limit: 10 }))).ms)
      const byCompany = median(byCompanyRuns)
      rows.push({ case: 'insights:introducers (a person)', size, value: ms(median(q)), note: `target ${ms(50)}; median of 30 people, max ${ms(Math.max(...q))}` })
      rows.push({ case: 'insights:introducers (a company, typed)', size, value: ms(byCompany), note: `"${comp.slice(0, 4)}"` })
      rows.push({ case: '  ceiling: the search alone (no lookup)', size, value: ms(median(core)), note: 'multi-source Dijkstra on the prebuilt index' })
      const dj = median(targets.slice(0, 5).map((t) => time(() => singleSource(built.graph, t, 'w'))))
      rows.push({ case: '  for comparison: graphology dijkstra.singleSource', size, value: ms(dj), note: 'one target, builds every path' })
    }
    store.close()
    env.log(`${size} done`)
  }
  return rows
}
