/**
 * Files bench: a 100k-row people CSV imported through the real service path
 * (base64 decode, encoding detection, CSV parse, header mapping, per-cell
 * validation, duplicate matching against 5k existing people, automatic backup,
 * one-transaction insert), against a bare prepared-statement insert of the same
 * rows in one transaction, in the same run. Also: JSON export and GraphML export.
 */
import { join } from 'node:path'
import { mkdirSync, rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import { normalizeEmail, normalizeKey } from '../src/core/text'
import { uuidv7 } from '../src/core/ids'
import { openDatabase, tx, type Db } from '../src/main/db/connection'
import { createHandlers, NetworkStore, type ServiceContext } from '../src/main/services'
import { dispatch } from '../src/main/ipc/dispatch'

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

export default async function run(env: Env) {
  const n = env.quick ? 5_000 : 100_000
  const existing = Math.floor(n / 20)
  const csv = makeCsv(n)
  const data = Buffer.from(csv, 'utf8').toString('base64')
  const rows: { case: string; size: string; value: string; note?: string }[] = []

  // Service import vs bare insert, interleaved (import, bare, import, bare, …) so load on a shared machine hits both alike; medians of 3.
  const times: number[] = []
  const bare: number[] = []
  let created = 0
  const split = csv
    .trim()
    .split('\r\n')
    .slice(1)
    .map((_l, i) => ({ name: `Person ${i} Ç`, company: `Company ${i % 5000}, Ltd`, email: `person${i}@example.com` }))
  for (let r = 0; r < 3; r++) {
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
    ctx.store.close()

    // Bare prepared insert of the same rows (already split: no parsing, validation, matching or tags).
    const file = join(env.tmpDir, `files-bare-${r}.referralmap`)
    rmSync(file, { force: true })
    const db = openDatabase(file)
    // openDatabase sets the same connection settings the import uses (configure()).
    const ins = db.prepare(
      `INSERT INTO people (id, name, name_key, company, profession, email, email_key, phone, city, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const now = new Date().toISOString()
    const t1 = performance.now()
    tx(db, () => {
      for (const [i, p] of split.entries())
        ins.run(uuidv7(), p.name, normalizeKey(p.name), p.company, `Trade ${i % 40}`, p.email, normalizeEmail(p.email), `+1 555 ${i}`, `City ${i % 300}`, `Notes for ${i}`, now, now)
    })
    bare.push(performance.now() - t1)
    db.close()
  }
  times.sort((a, b) => a - b)
  const importMs = times[1]!

  bare.sort((a, b) => a - b)
  const bareMs = bare[1]!
  const importRate = n / (importMs / 1000)
  const bareRate = n / (bareMs / 1000)
  rows.push({ case: 'files: CSV import (parse+validate+dedupe+backup+insert)', size: `${n} rows`, value: `${(importMs / 1000).toFixed(2)} s`, note: `${Math.round(importRate)} rows/s; ${created} created, ${n - created} merged (target < 3 s)` })
  rows.push({ case: 'files: bare prepared insert, same rows', size: `${n} rows`, value: `${(bareMs / 1000).toFixed(2)} s`, note: `${Math.round(bareRate)} rows/s` })
  rows.push({
    case: 'files: import rows/s ÷ bare insert rows/s',
    size: `${n} rows`,
    value: (importRate / bareRate).toFixed(2),
    note: `the import also writes 2 tags per row; load average ${loadavg()[0]!.toFixed(1)} on ${'this machine'}`,
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
