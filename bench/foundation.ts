/**
 * Foundation bench: generate networks of 1k / 10k / 100k people (10 introductions
 * per person) into temp databases and time the hot lists on them.
 */
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { generateNetwork } from '../src/core/sample/generator'
import { openDatabase, tx, withIndexesDeferred } from '../src/backend/db/connection'
import { insertNetwork } from '../src/backend/db/bulk'
import { getMeId, listPeople } from '../src/backend/db/people'
import { listIntroductions } from '../src/backend/db/introductions'

const BULK_TABLES = ['people', 'person_tags', 'memberships', 'introductions', 'introduction_status_history', 'interactions']

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

/** Median wall time of fn over `runs` runs, after two warm-up runs. */
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
const count = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n))

export default async function run(env: Env) {
  const sizes = env.quick ? [1000] : [1000, 10_000, 100_000]
  const rows: { case: string; size: string; value: string; note?: string }[] = []
  for (const people of sizes) {
    const size = `${count(people)} people`
    env.log(`generating ${size}…`)
    const t0 = performance.now()
    const net = generateNetwork({ people, introsPerPerson: 10, seed: 2026, today: '2026-10-31' })
    const t1 = performance.now()
    const file = join(env.tmpDir, `bench-${people}.referralmap`)
    const fresh = openDatabase(file)
    env.log(`inserting ${net.introductions.length} introductions…`)
    // One transaction; secondary indexes are built once at the end instead of row by row.
    tx(fresh, () => withIndexesDeferred(fresh, BULK_TABLES, () => insertNetwork(fresh, net, '2026-10-31T12:00:00.000Z')))
    fresh.pragma('wal_checkpoint(TRUNCATE)')
    fresh.close()
    const t2 = performance.now()
    // Measure as the app sees the network: opened again (which refreshes the planner's statistics).
    const db = openDatabase(file)
    const t3 = performance.now()
    try {
      const history = net.introductions.reduce((a, i) => a + i.history.length, 0)
      rows.push({
        case: 'generate + insert',
        size,
        value: ms(t2 - t0),
        note: `generate ${ms(t1 - t0)}, insert ${ms(t2 - t1)}; ${net.introductions.length} intros, ${history} status changes, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB`,
      })
      rows.push({ case: 'open network (first time, with statistics)', size, value: ms(t3 - t2) })
      const meId = getMeId(db)
      const runs = 31
      const peoplePage = timeMedian(
        () => listPeople(db, { sort: 'name', dir: 'asc', offset: 0, limit: 50, includeArchived: false }, meId),
        runs,
      )
      rows.push({ case: 'people list, first page by name', size, value: ms(peoplePage), note: `median of ${runs}, 50 rows + total` })
      const busiest = db
        .prepare(
          `SELECT referrer_id AS id, count(*) AS n FROM introductions WHERE deleted_at IS NULL AND referrer_id <> ?
           GROUP BY referrer_id ORDER BY n DESC LIMIT 1`,
        )
        .get(meId) as { id: string; n: number }
      const introPage = timeMedian(
        () => listIntroductions(db, { referrerId: busiest.id, sort: 'date', dir: 'desc', offset: 0, limit: 50 }),
        runs,
      )
      rows.push({
        case: "busiest partner's introductions, first page",
        size,
        value: ms(introPage),
        note: `median of ${runs}, 50 of ${busiest.n} + total`,
      })
    } finally {
      db.close()
    }
  }
  return rows
}
