/**
 * Analytics bench: scorecards for a period (last 12 months) from the summaries
 * vs a plain GROUP BY over the introductions table with a covering index, on the
 * same database, at 10k and 1M introductions. Both produce the same per-partner
 * counts (checked); the ratio is printed.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateNetwork } from '../src/core/sample/generator'
import { openDatabase, tx, type Db } from '../src/backend/db/connection'
import { insertNetwork } from '../src/backend/db/bulk'
import { getMeId } from '../src/backend/db/people'
import { markSummariesStale, periodCounts, rawToCounts, rebuildSummaries } from '../src/backend/db/analytics'
import { COL_NAMES, colValues } from '../src/backend/db/analyticsSchema'
import { resolvePeriod } from '../src/core/analytics/period'
import { COUNT_KEYS, type Counts } from '../src/core/analytics/counts'
import { analyticsHandlers } from '../src/backend/services/analytics'
import { NetworkStore, type ServiceContext } from '../src/backend/services/context'

interface Env {
  tmpDir: string
  quick: boolean
  log: (s: string) => void
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
function timeMedian(fn: () => unknown, runs: number): number {
  fn()
  fn()
  const t: number[] = []
  for (let i = 0; i < runs; i++) {
    const a = performance.now()
    fn()
    t.push(performance.now() - a)
  }
  return median(t)
}
const ms = (x: number) => (x >= 100 ? `${Math.round(x)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`)
const TODAY = '2026-10-31'

/** The plain way: one GROUP BY over the introductions in the period (covering index on the same columns). */
function plainGroupBy(db: Db, me: string, from: string, to: string): Map<string, Map<string, Counts>> {
  const meLit = `'${me}'`
  const rows = db
    .prepare(
      `SELECT CASE WHEN i.receiver_id = ${meLit} THEN i.referrer_id ELSE i.receiver_id END AS partner_id, coalesce(i.currency, '') AS currency,
         ${colValues('i', meLit).map((v, k) => `sum(${v}) AS ${COL_NAMES[k]!}`).join(', ')}
       FROM introductions i INDEXED BY bench_intros_cover
       WHERE i.deleted_at IS NULL AND i.date BETWEEN ? AND ? AND (i.receiver_id = ${meLit} OR i.referrer_id = ${meLit})
       GROUP BY 1, 2`,
    )
    .raw(true)
    .all(from, to) as unknown[][]
  return rawToCounts(rows)
}

function same(a: Map<string, Map<string, Counts>>, b: Map<string, Map<string, Counts>>): boolean {
  if (a.size !== b.size) return false
  for (const [k, cc] of a) {
    const dd = b.get(k)
    if (!dd || dd.size !== cc.size) return false
    for (const [cur, c] of cc) {
      const d = dd.get(cur)
      if (!d || COUNT_KEYS.some((key) => c[key] !== d[key])) return false
    }
  }
  return true
}

export default async function run(env: Env) {
  const sizes = env.quick ? [1000] : [1000, 100_000]
  const rows: { case: string; size: string; value: string; note?: string }[] = []
  for (const people of sizes) {
    const n = people * 10
    const gen = () => generateNetwork({ people, introsPerPerson: 10, seed: 7, today: TODAY })
    const size = n >= 1e6 ? `${n / 1e6}M intros` : `${Math.round(n / 1000)}k intros`
    // The 1M database takes minutes to insert on a small machine: it is kept between runs
    // (in the OS temp dir, keyed by size, seed and schema) and reused; delete it to re-measure the insert.
    const cacheDir = join(tmpdir(), 'referral-map-bench-cache')
    mkdirSync(cacheDir, { recursive: true })
    const cached = join(cacheDir, `analytics-${people}-seed7-v70.referralmap`)
    const reuse = n > 20_000 && existsSync(cached)
    const file = n > 20_000 ? (reuse ? cached : `${cached}.part`) : join(env.tmpDir, `analytics-${people}.referralmap`)
    let db = openDatabase(file)
    try {
      if (reuse) {
        rows.push({ case: 'analytics: database reused from an earlier run', size, value: '-', note: cached })
        rebuildSummaries(db)
      } else if (n <= 20_000) {
        // Small enough to insert with the triggers live, one transaction.
        rebuildSummaries(db)
        const net = gen()
        const t0 = performance.now()
        tx(db, () => insertNetwork(db, net, `${TODAY}T12:00:00.000Z`))
        rows.push({ case: 'analytics: insert with live triggers', size, value: ms(performance.now() - t0), note: 'one transaction' })
        const inc = periodCounts(db, { fromMonth: null, toMonth: null })
        const t1 = performance.now()
        rebuildSummaries(db)
        rows.push({ case: 'analytics: rebuild summaries', size, value: ms(performance.now() - t1) })
        if (!same(inc, periodCounts(db, { fromMonth: null, toMonth: null }))) throw new Error('triggers and rebuild disagree')
      } else {
        const net = gen()
        env.log(`analytics: inserting ${n} introductions (triggers paused)…`)
        const t0 = performance.now()
        tx(db, () => {
          markSummariesStale(db)
          insertNetwork(db, net, `${TODAY}T12:00:00.000Z`)
        })
        const t1 = performance.now()
        rebuildSummaries(db)
        const t2 = performance.now()
        rows.push({ case: 'analytics: bulk insert, triggers paused', size, value: ms(t1 - t0) })
        rows.push({ case: 'analytics: rebuild summaries', size, value: ms(t2 - t1) })
        db.pragma('wal_checkpoint(TRUNCATE)')
        db.close()
        renameSync(file, cached)
        db = openDatabase(cached)
      }
      db.exec(`CREATE INDEX IF NOT EXISTS bench_intros_cover ON introductions
        (date, receiver_id, referrer_id, kind, origin, status, status_date, value_minor, currency) WHERE deleted_at IS NULL`)
      db.exec('ANALYZE')
      const me = getMeId(db)!
      const range = resolvePeriod({ preset: 'last12' }, TODAY)
      const summary = () => periodCounts(db, range)
      const plain = () => plainGroupBy(db, me, range.from!, range.to!)
      if (!same(summary(), plain())) throw new Error('summaries and plain GROUP BY disagree')
      const runs = n >= 1e6 ? 7 : 21
      const a = timeMedian(summary, runs)
      const b = timeMedian(plain, runs)
      const partners = summary().size
      const cum = (db.prepare('SELECT count(*) AS c FROM analytics_cum').get() as { c: number }).c
      rows.push({ case: 'scorecards last 12 months (summaries)', size, value: ms(a), note: `median of ${runs}; ${partners} partners; ${cum} summary rows` })
      rows.push({ case: 'scorecards last 12 months (plain GROUP BY, covering index)', size, value: ms(b), note: `median of ${runs}` })
      rows.push({ case: 'scorecards speed-up (plain / summaries)', size, value: `${(b / a).toFixed(1)}x`, note: 'same per-partner counts, checked' })
      const ctx: ServiceContext = {
        store: Object.assign(Object.create(NetworkStore.prototype) as NetworkStore, { _db: db, _file: file }),
        dataDir: env.tmpDir,
        now: () => new Date(`${TODAY}T12:00:00Z`),
        transport: 'ipc',
        version: 'bench',
      }
      const h = analyticsHandlers(ctx)
      const page = timeMedian(
        () => h['analytics:scorecards']({ period: { preset: 'last12' }, sort: 'quality', dir: 'desc', offset: 0, limit: 50 }),
        runs,
      )
      rows.push({ case: 'analytics:scorecards channel, first 50 by quality', size, value: ms(page), note: 'names, sort all partners, extras for the page' })
      const network = timeMedian(() => h['analytics:network']({ period: { preset: 'last12' } }), runs)
      rows.push({ case: 'analytics:network channel', size, value: ms(network), note: 'incl. SQL median days to won' })
    } finally {
      db.close()
    }
  }
  return rows
}
