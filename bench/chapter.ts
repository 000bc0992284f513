/**
 * Chapter bench: a chapter of 50 members and 100,000 introductions (--quick: 10,000) on a loopback PostgreSQL
 * 15 cluster started for the run (fsync on, as a real server runs). Measured through the real paths:
 * - first upload: one member's laptop holds the chapter's introductions (written in one captured action, so the
 *   change log has every row) and sends them: drain into the outbox, push in batches under the chapter lock;
 *   cells/s is the sustained push rate as the server's table grows;
 * - bootstrap: a new laptop joins (sync:join: connect, create the chapter file, pull every cell in pages, apply);
 * - round trip: a member edits one person (5 fields) and syncs (push 5 cells + their bookkeeping, pull), p50/p95
 *   over 40 tries;
 * - sustained push: 20 batches of 5,000 changed cells on a table already holding the chapter.
 * Targets (issue 12): bootstrap <= 15 s, round trip p50 <= 20 ms, sustained push >= 10k cells/s.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { uuidv7 } from '../src/core/ids'
import { normalizeKey } from '../src/core/text'
import { beginCapture, endCapture } from '../src/backend/db/history'
import { createHandlers, NetworkStore, type ServiceContext } from '../src/backend/services'
import { chapterSync } from '../src/backend/services/sync'
import { dispatch } from '../src/backend/dispatch'
import { initChapter, inviteMember } from '../src/backend/sync/server'
import { connectionConfig, decodeInvitation } from '../src/backend/sync/invitation'
import { pgBin, startCluster } from '../test/helpers/pg'
import type { BenchEnv, BenchRow } from '../scripts/bench'

function laptop(dir: string) {
  mkdirSync(dir, { recursive: true })
  const ctx: ServiceContext = {
    store: new NetworkStore(join(dir, 'network.referralmap')),
    dataDir: dir,
    now: () => new Date(),
    transport: 'ipc',
    version: 'bench',
  }
  const handlers = createHandlers(ctx)
  const call = async (channel: string, input: unknown) => {
    const r = await dispatch(handlers, channel, input)
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
    return r.data as never
  }
  return { ctx, call, close: async () => (await chapterSync(ctx).close(), ctx.store.close()) }
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })

export default async function run(env: BenchEnv): Promise<BenchRow[]> {
  if (!pgBin())
    return [{ case: 'chapter sync', size: '-', value: 'skipped', note: 'PostgreSQL 15 binaries not found (apt-get install postgresql)' }]
  const members = 50
  const intros = env.quick ? 10_000 : 100_000
  const rows: BenchRow[] = []
  const cluster = await startCluster({ durable: true })
  try {
    await cluster.createDatabase('chapter')
    const admin = new pg.Client({ connectionString: cluster.url('chapter') })
    await admin.connect()
    await initChapter(admin, 'Bench')
    const invites: string[] = []
    for (let i = 0; i < members; i++)
      invites.push(await inviteMember(admin, 'Bench', `Member ${String(i + 1).padStart(2, '0')}`, { host: '127.0.0.1', port: cluster.port, database: 'chapter', tls: 'off' }))
    env.log(`chapter with ${members} members`)

    // First upload: member 1's laptop writes the chapter's introductions (and 2,000 prospects) in one captured action.
    const a = laptop(join(env.tmpDir, 'a'))
    await a.call('sync:join', { invitation: invites[0] })
    const db = a.ctx.store.db
    const memberIds = (db.prepare('SELECT id FROM people ORDER BY name').all() as { id: string }[]).map((r) => r.id)
    const now = new Date()
    const iso = now.toISOString()
    db.transaction(() => {
      beginCapture(db, { kind: 'do', channel: 'bench', label: 'Bench data' }, now)
      const person = db.prepare('INSERT INTO people (id, name, name_key, company, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      const prospects: string[] = []
      for (let i = 0; i < 2000; i++) {
        const id = uuidv7()
        person.run(id, `Prospect ${i}`, normalizeKey(`Prospect ${i}`), `Company ${i % 300}`, iso, iso)
        prospects.push(id)
      }
      const intro = db.prepare(
        `INSERT INTO introductions (id, referrer_id, receiver_id, prospect_id, date, kind, origin, status, status_date, value_minor, currency, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'referral', 'outbound', ?, ?, ?, ?, ?, ?)`,
      )
      const statuses = ['new', 'contacted', 'meeting', 'won', 'lost']
      for (let i = 0; i < intros; i++) {
        const r = i % members
        const v = (r + 1 + (i % (members - 1))) % members
        const date = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`
        const status = statuses[i % 5]!
        intro.run(uuidv7(), memberIds[r], memberIds[v === r ? (r + 1) % members : v], prospects[i % 2000], date, status, date, status === 'won' ? 100_000 + i : null, status === 'won' ? 'EUR' : null, iso, iso)
      }
      endCapture(db)
    })()
    let t = performance.now()
    const up = (await a.call('sync:now', {})) as { pushed: number }
    const upMs = performance.now() - t
    const cells = Number((await cluster.query<{ n: string }>('SELECT count(*) AS n FROM sync.cells', [], 'chapter')).rows[0]!.n)
    rows.push({ case: 'chapter: first upload', size: `${fmt(intros)} intros, ${fmt(up.pushed)} cells`, value: `${fmt(upMs / 1000, 1)} s`, note: `${fmt(up.pushed / (upMs / 1000))} cells/s including drain and pull-back` })
    env.log(`first upload ${fmt(upMs)} ms, server holds ${cells} cells`)
    await admin.query('VACUUM ANALYZE sync.cells')

    // Bootstrap: a new laptop joins and pulls everything.
    const b = laptop(join(env.tmpDir, 'b'))
    t = performance.now()
    await b.call('sync:join', { invitation: invites[1] })
    const bootMs = performance.now() - t
    const got = (b.ctx.store.db.prepare('SELECT count(*) AS n FROM introductions').get() as { n: number }).n
    if (got !== intros) throw new Error(`bootstrap got ${got} introductions, expected ${intros}`)
    rows.push({ case: 'chapter: new laptop bootstrap', size: `${fmt(cells)} cells`, value: `${fmt(bootMs / 1000, 1)} s`, note: `target <= 15 s; ${fmt(cells / (bootMs / 1000))} cells/s` })
    env.log(`bootstrap ${fmt(bootMs)} ms`)

    // Round trip: edit one person (5 fields) and sync, 40 times.
    const target = memberIds[5]!
    const times: number[] = []
    for (let i = 0; i < 40; i++) {
      await b.call('people:update', { id: target, company: `Co ${i}`, city: `City ${i}`, profession: `Job ${i}`, phone: `+1 555 ${1000 + i}`, website: `https://example.com/${i}` })
      const s = performance.now()
      await b.call('sync:now', {})
      times.push(performance.now() - s)
    }
    rows.push({ case: 'chapter: round trip, 5 changes', size: '40 tries', value: `p50 ${fmt(pct(times, 50), 1)} ms`, note: `p95 ${fmt(pct(times, 95), 1)} ms; target p50 <= 20 ms` })

    // Sustained push on the full table: 20 batches of 5,000 updated cells, through the push function.
    const inv = decodeInvitation(invites[2]!)
    const c = new pg.Client(connectionConfig(inv))
    await c.connect()
    const ids = (b.ctx.store.db.prepare('SELECT id FROM introductions ORDER BY id LIMIT 50000').all() as { id: string }[]).map((r) => r.id)
    let sent = 0
    t = performance.now()
    for (let k = 0; k < 20; k++) {
      const h = `${String(Date.now()).padStart(15, '0')}-${String(k).padStart(6, '0')}-bench`
      const batch = Array.from({ length: 5000 }, (_, i) => ({ t: 'introductions', r: JSON.stringify([ids[(k * 5000 + i) % ids.length]]), c: 'notes', s: '*', v: `note ${k}`, h, b: null, q: false }))
      await c.query('SELECT sync.push($1, $2::jsonb)', [inv.chapterId, JSON.stringify(batch)])
      sent += batch.length
    }
    const pushMs = performance.now() - t
    rows.push({ case: 'chapter: sustained push', size: `${fmt(sent)} cells, 5,000 a batch`, value: `${fmt(sent / (pushMs / 1000))} cells/s`, note: 'target >= 10k cells/s; table already holds the chapter' })
    await c.end()
    await a.close()
    await b.close()
    await admin.end()
  } finally {
    await cluster.stop()
  }
  return rows
}
