/**
 * Files bench: a 100k-row people CSV (2 tags a row) imported through the real service path (base64 decode,
 * encoding detection, CSV parse with quote checks, layout detection, header mapping, per-cell validation, duplicate
 * matching against 5k existing people, automatic backup, one-transaction insert of people and tags), against the
 * ceiling of that write, in the same run: the same people and tag rows, every value precomputed (ids, keys), prepared
 * inserts in one transaction, secondary indexes dropped first and built after (inside the timed part), no triggers,
 * the same connection pragmas. The ratio import rows/s : ceiling rows/s is the figure to keep at 0.6 or better.
 * Also: JSON export and GraphML export.
 */
import { join } from 'node:path'
import { mkdirSync, rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import { normalizeEmail, normalizeKey } from '../src/core/text'
import { uuidv7 } from '../src/core/ids'
import { openDatabase, tx, type Db } from '../src/backend/db/connection'
import { createHandlers, NetworkStore, type ServiceContext } from '../src/backend/services'
import { dispatch } from '../src/backend/dispatch'
import { JsonRowsInserter } from '../src/backend/db/bulk'

interface Env {
  tmpDir: string
  quick: boolean
  log: (s: string) => void
}

function makeCsv(n: number): string {
  const lines = ['Name,Company,Profession,Email,Phone,City,Tags,Notes']
  for (let i = 0; i < n; i++)
    lines.push(
      `Person ${i} Ç,"Company ${i % 5000}, Ltd",Trade ${i % 40},person${i}@example.com,+1 555 ${String(i).padStart(6, '0')},City ${i % 300},tag${i % 20};member,"Notes for ${i}"`,
    )
  return lines.join('\r\n') + '\r\n'
}

function seedExisting(db: Db, n: number): void {
  const ins = db.prepare('INSERT INTO people (id, name, name_key, email, email_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
  tx(db, () => {
    // Every 20th row of the file matches one of these by email.
    for (let i = 0; i < n; i++) ins.run(uuidv7(), `Existing ${i}`, `existing ${i}`, `person${i * 20}@example.com`, `person${i * 20}@example.com`, 'x', 'x')
  })
}

function ctxFor(file: string, dir: string): ServiceContext {
  return { store: new NetworkStore(file), dataDir: dir, now: () => new Date(), transport: 'ipc', version: 'bench' }
}

/**
 * The ceiling of the import's write: the rows the import writes for a file of n people (a person and 2 tags each),
 * with every value computed before the clock starts, inserted by prepared statements in one transaction into a fresh
 * network with the same pragmas (openDatabase), its triggers on people and person_tags dropped and its secondary
 * indexes dropped first and built again at the end of the timed transaction. Tags either one prepared INSERT per row
 * ('rows') or 2,000 rows per statement through the JSON-array insert the import itself uses ('json'): the ceiling is
 * the faster of the two, so the import's own tag technique can never put it above 1. Returns milliseconds.
 */
function ceilingRun(file: string, n: number, tagsVia: 'rows' | 'json'): number {
  rmSync(file, { force: true })
  rmSync(file + '-wal', { force: true })
  rmSync(file + '-shm', { force: true })
  const db = openDatabase(file)
  const now = new Date().toISOString()
  const people: unknown[][] = []
  const tags: unknown[][] = []
  for (let i = 0; i < n; i++) {
    const id = uuidv7()
    const name = `Person ${i} Ç`
    const email = `person${i}@example.com`
    people.push([
      id, name, normalizeKey(name), `Company ${i % 5000}, Ltd`, `Trade ${i % 40}`, email, normalizeEmail(email), `+1 555 ${String(i).padStart(6, '0')}`,
      null, `City ${i % 300}`, null, null, `Notes for ${i}`, now, now,
    ])
    for (const t of [`tag${i % 20}`, 'member']) tags.push([id, t, normalizeKey(t)])
  }
  const tables = ['people', 'person_tags']
  const marks = tables.map(() => '?').join(', ')
  for (const t of db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN (${marks})`).all(...tables) as { name: string }[])
    db.exec(`DROP TRIGGER "${t.name}"`)
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (${marks})`)
    .all(...tables) as { name: string; sql: string }[]
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`)
  const person = db.prepare(
    `INSERT INTO people (id, name, name_key, company, profession, email, email_key, phone, website, city, ideal_client, how_met, notes,
       is_me, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
  )
  const tag = db.prepare('INSERT INTO person_tags (person_id, tag, tag_key) VALUES (?, ?, ?)')
  const t0 = performance.now()
  tx(db, () => {
    for (const p of people) person.run(...p)
    if (tagsVia === 'rows') for (const t of tags) tag.run(...t)
    else {
      const json = new JsonRowsInserter(db, 'person_tags', ['person_id', 'tag', 'tag_key'])
      for (const t of tags) json.add(t as string[])
      json.flush()
    }
    for (const i of indexes) db.exec(i.sql)
  })
  const ms = performance.now() - t0
  db.close()
  return ms
}

export default async function run(env: Env) {
  const n = env.quick ? 5_000 : 100_000
  const existing = Math.floor(n / 20)
  const csv = makeCsv(n)
  const data = Buffer.from(csv, 'utf8').toString('base64')
  const rows: { case: string; size: string; value: string; note?: string }[] = []

  // Service import vs ceiling, interleaved (import, ceiling, import, ceiling, …) so load on a shared machine hits both
  // alike. Five rounds; the ratio compares the best run of each (load only ever adds time), the medians are shown too.
  const ROUNDS = env.quick ? 3 : 5
  const times: number[] = []
  const ceiling: number[] = []
  const ceilingRows: number[] = []
  const ceilingJson: number[] = []
  let created = 0
  let tagRows = 0
  for (let r = 0; r < ROUNDS; r++) {
    const dir = join(env.tmpDir, `files-import-${r}`)
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const ctx = ctxFor(join(dir, 'n.referralmap'), dir)
    seedExisting(ctx.store.db, existing)
    const handlers = createHandlers(ctx)
    const t0 = performance.now()
    const res = await dispatch(handlers, 'files:commitImport', { kind: 'people', data })
    times.push(performance.now() - t0)
    if (!res.ok) throw new Error(JSON.stringify(res.error))
    created = (res.data as { created: number }).created
    tagRows = (ctx.store.db.prepare('SELECT count(*) AS n FROM person_tags').get() as { n: number }).n
    ctx.store.close()
    const viaRows = ceilingRun(join(env.tmpDir, `files-ceiling-${r}.referralmap`), n, 'rows')
    const viaJson = ceilingRun(join(env.tmpDir, `files-ceiling-${r}.referralmap`), n, 'json')
    ceilingRows.push(viaRows)
    ceilingJson.push(viaJson)
    ceiling.push(Math.min(viaRows, viaJson))
  }
  times.sort((a, b) => a - b)
  ceiling.sort((a, b) => a - b)
  const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!
  const importMs = times[0]!
  const ceilingMs = ceiling[0]!
  const importRate = n / (importMs / 1000)
  const ceilingRate = n / (ceilingMs / 1000)
  const ratio = importRate / ceilingRate
  const medianRatio = median(ceiling) / median(times)
  rows.push({
    case: 'files: CSV import (detect+parse+validate+dedupe+backup+insert), best', size: `${n} rows`, value: `${(importMs / 1000).toFixed(2)} s`,
    note: `${Math.round(importRate)} rows/s; ${created} created, ${n - created} merged, ${tagRows} tag rows (target < 3 s); runs ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s`,
  })
  rows.push({
    case: 'files: ceiling (same people + tag rows, precomputed, indexes after, no triggers), best', size: `${n} rows`, value: `${(ceilingMs / 1000).toFixed(2)} s`,
    note: `${Math.round(ceilingRate)} rows/s; tags one INSERT a row: ${ceilingRows.map((t) => (t / 1000).toFixed(2)).join(', ')} s, as JSON arrays: ${ceilingJson.map((t) => (t / 1000).toFixed(2)).join(', ')} s`,
  })
  ceilingRows.sort((a, b) => a - b)
  const rowsRatio = ceilingRows[0]! / importMs
  rows.push({
    case: 'files: import rows/s ÷ ceiling rows/s, the ceiling with one tag INSERT a row (as the issue defines it)',
    size: `${n} rows`,
    value: rowsRatio.toFixed(3),
    note: `best runs; ${rowsRatio >= 0.6 ? 'meets' : 'MISSES'} the 0.6 target (medians: ${(median(ceilingRows) / median(times)).toFixed(3)})`,
  })
  rows.push({
    case: 'files: import rows/s ÷ ceiling rows/s, the ceiling with the faster tag write (the headline figure)',
    size: `${n} rows`,
    value: ratio.toFixed(3),
    note: `best runs; ${ratio >= 0.6 ? 'meets' : 'MISSES'} the 0.6 target (medians: ${medianRatio.toFixed(3)}); load average ${loadavg()[0]!.toFixed(1)}`,
  })

  // Exports of the imported network.
  const dir = join(env.tmpDir, 'files-import-0')
  const ctx = ctxFor(join(dir, 'n.referralmap'), dir)
  const handlers = createHandlers(ctx)
  for (const format of ['people-csv', 'json', 'graphml'] as const) {
    const t0 = performance.now()
    const r = await dispatch(handlers, 'files:export', { format })
    const ms = performance.now() - t0
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    rows.push({ case: `files: export ${format}`, size: `${n + existing} people`, value: `${(ms / 1000).toFixed(2)} s`, note: `${((r.data as { text: string }).text.length / 1e6).toFixed(1)} MB` })
  }
  ctx.store.close()
  env.log(`files bench done (${n} rows)`)
  return rows
}
