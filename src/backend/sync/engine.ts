import pg from 'pg'
import { AppError } from '../../shared/errors'
import type { SyncResult } from '../../shared/channels/sync'
import type { Db } from '../db/connection'
import { observeHlc } from '../db/history'
import {
  ackOutbox,
  applyCells,
  applyParked,
  drainChanges,
  getSyncState,
  hasClocks,
  outboxBatch,
  outboxJson,
  pendingCount,
  restampOutbox,
  saveConflicts,
  updateSyncState,
  withoutCapture,
  type ChapterMember,
  type IncomingCell,
  type SyncState,
} from '../db/sync'
import { connectionConfig, type Invitation } from './invitation'
import { loginFor } from './logins'
import { isConnectionError, isFutureStamp, isNotMember, loginRefusal, offlineError, REMOVED_REASON } from './errors'
import { SERVER_SCHEMA_VERSION } from './server'

/** What this app's sync speaks: a server whose min_client_schema is above it is refused. */
export const CLIENT_SCHEMA = 1

export type { SyncResult }

export interface SyncOptions {
  getDb: () => Db
  /** The app's data folder (where this computer's chapter passwords are kept). */
  dataDir: string
  now: () => Date
  /** Cells per push transaction and per pull page. */
  pushBatch?: number
  pullPage?: number
  /** Fault injection for tests: runs after the server committed a push and before the outbox is cleared. */
  afterPushCommitted?: () => void | Promise<void>
  /** Called after a run that changed local rows (the UI refreshes). */
  onChange?: () => void
}

/** Opens a member's connection; refusals become typed errors naming the invitation. */
export async function connectMember(inv: Invitation): Promise<pg.Client> {
  const client = new pg.Client(connectionConfig(inv))
  client.on('error', () => undefined)
  try {
    await client.connect()
  } catch (e) {
    await client.end().catch(() => undefined)
    const refused = loginRefusal(e)
    if (refused === 'password')
      throw new AppError('VALIDATION', 'The chapter server refused this invitation: its password is wrong or it was replaced by a newer invitation.', 'invitation')
    if (refused === 'revoked') throw new AppError('FORBIDDEN', 'This invitation was revoked: the chapter admin removed this member.', 'invitation')
    if (isConnectionError(e)) throw offlineError(inv.host, inv.port, e, 0)
    throw new AppError('VALIDATION', `The chapter server refused the connection: ${(e as Error).message}`, 'invitation')
  }
  return client
}

/** Checks the server speaks our schema and the member belongs to the chapter; returns the members. */
export async function checkServer(client: pg.Client, inv: Pick<Invitation, 'chapterId' | 'chapter'>): Promise<ChapterMember[]> {
  let meta: Record<string, string>
  try {
    meta = Object.fromEntries((await client.query('SELECT key, value FROM sync.meta')).rows.map((r: { key: string; value: string }) => [r.key, r.value]))
  } catch (e) {
    if ((e as { code?: string }).code === '42P01' || (e as { code?: string }).code === '3F000')
      throw new AppError('VALIDATION', 'That server has no chapter set up (the admin runs `npm run chapter -- init` first).', 'invitation')
    throw e
  }
  const version = Number(meta.schema_version ?? 0)
  const minClient = Number(meta.min_client_schema ?? 0)
  if (minClient > CLIENT_SCHEMA || version > SERVER_SCHEMA_VERSION)
    throw new AppError(
      'CONFLICT',
      `The chapter server uses a newer chapter schema (version ${version}, needs app schema ${minClient}); this Referral Map knows version ${SERVER_SCHEMA_VERSION}. Update Referral Map to keep sharing; your copy is unchanged.`,
    )
  const rows = (
    await client.query('SELECT role, name, person_id, removed_at IS NOT NULL AS removed FROM sync.members WHERE chapter_id = $1 ORDER BY name', [inv.chapterId])
  ).rows as { role: string; name: string; person_id: string; removed: boolean }[]
  const me = rows.find((r) => r.role === client.user)
  if (!me || me.removed) throw new AppError('FORBIDDEN', `This login is not a member of the chapter "${inv.chapter}" (any more).`, 'invitation')
  return rows.map((r) => ({ role: r.role, name: r.name, personId: r.person_id, removed: r.removed }))
}

/**
 * The sync engine of one app (one ServiceContext): one connection to the
 * chapter server, one run at a time. A run drains the change log into the
 * outbox, pushes it in batches (one server transaction each; the outbox is
 * cleared only after the server acknowledged), then pulls pages of cells
 * newer than the cursor (each page applied and the cursor saved in one
 * SQLite transaction), then the conflicts log.
 */
export class ChapterSync {
  private client: pg.Client | null = null
  private clientFor: string | null = null
  private running: Promise<SyncResult> | null = null
  private listener: pg.Client | null = null
  private liveTimer: NodeJS.Timeout | null = null
  private liveStopped = true
  private wake: NodeJS.Timeout | null = null

  constructor(private readonly opts: SyncOptions) {}

  private state(): { db: Db; st: SyncState } {
    const db = this.opts.getDb()
    const st = getSyncState(db)
    if (!st) throw new AppError('NOT_FOUND', 'The open network is not a chapter network: join a chapter first (File > Join a chapter…).')
    return { db, st }
  }

  /** One sync run (runs asked for while one is going wait for it and then run again). */
  async syncNow(): Promise<SyncResult> {
    while (this.running) await this.running.catch(() => undefined)
    const p = this.run()
    this.running = p
    try {
      return await p
    } finally {
      if (this.running === p) this.running = null
    }
  }

  private async ensureClient(db: Db, st: SyncState): Promise<pg.Client> {
    const key = `${st.chapter_id}|${st.role}`
    if (this.client && this.clientFor === key) {
      // A connection that died while idle (server restarted, member removed, laptop slept) is replaced.
      try {
        await this.client.query('SELECT 1')
        return this.client
      } catch {
        await this.dropClient()
      }
    }
    await this.dropClient()
    const inv = loginFor(this.opts.dataDir, st.invitation)
    let client: pg.Client
    try {
      client = await connectMember(inv)
    } catch (e) {
      if (e instanceof AppError && e.code === 'FORBIDDEN') this.markRemoved(db)
      throw e
    }
    try {
      const members = await checkServer(client, inv)
      updateSyncState(db, { members: JSON.stringify(members) })
    } catch (e) {
      await client.end().catch(() => undefined)
      if (e instanceof AppError && e.code === 'FORBIDDEN') this.markRemoved(db)
      throw e
    }
    client.on('error', () => void this.dropClient())
    this.client = client
    this.clientFor = key
    return client
  }

  private markRemoved(db: Db): void {
    if (db.open) updateSyncState(db, { status: 'removed', status_reason: REMOVED_REASON })
  }

  private async dropClient(): Promise<void> {
    const c = this.client
    this.client = null
    this.clientFor = null
    if (c) await c.end().catch(() => undefined)
  }

  private async run(): Promise<SyncResult> {
    const { db, st } = this.state()
    if (st.status === 'removed') throw new AppError('FORBIDDEN', st.status_reason ?? REMOVED_REASON)
    const inv = loginFor(this.opts.dataDir, st.invitation)
    const result: SyncResult = { pushed: 0, pulled: 0, conflicts: 0 }
    try {
      const client = await this.ensureClient(db, st)
      const t = () => db.transaction(() => withoutCapture(db, () => drainChanges(db, this.opts.now())))()
      applyParkedCells(db)
      t()
      result.pushed = await this.push(db, client, st)
      result.pulled = await this.pull(db, client, st)
      result.conflicts = await this.pullConflicts(db, client, st)
      updateSyncState(db, { last_sync_at: this.opts.now().toISOString(), last_error: null, offline: 0 })
      if (result.pulled > 0) this.opts.onChange?.()
      return result
    } catch (e) {
      if (!db.open) throw e
      if (isNotMember(e)) {
        this.markRemoved(db)
        throw new AppError('FORBIDDEN', REMOVED_REASON)
      }
      if (isConnectionError(e)) {
        await this.dropClient()
        updateSyncState(db, { offline: 1, last_error: (e as Error).message })
        throw offlineError(inv.host, inv.port, e, pendingCount(db))
      }
      updateSyncState(db, { last_error: (e as Error).message })
      throw e
    }
  }

  private async push(db: Db, client: pg.Client, st: SyncState): Promise<number> {
    const size = this.opts.pushBatch ?? 5000
    let pushed = 0
    let restamped = false
    for (;;) {
      const batch = outboxBatch(db, size)
      if (batch.length === 0) return pushed
      try {
        await client.query('SELECT sync.push($1, $2::jsonb)', [st.chapter_id, outboxJson(batch)])
      } catch (e) {
        if (isFutureStamp(e) && !restamped) {
          // This laptop's clock is ahead of the server's by more than a day: stamp those cells at the server's time.
          const serverNow = Number((e as { detail?: string }).detail) || Date.now()
          restampOutbox(db, serverNow)
          restamped = true
          continue
        }
        throw e
      }
      await this.opts.afterPushCommitted?.()
      ackOutbox(db, batch)
      pushed += batch.length
    }
  }

  private async pull(db: Db, client: pg.Client, st: SyncState): Promise<number> {
    const page = this.opts.pullPage ?? 10_000
    let cursor = getSyncState(db)?.cursor ?? st.cursor
    let pulled = 0
    const fresh = cursor === 0 && !hasClocks(db)
    const fetchPage = (after: number) => {
      const p = client
        .query({
          text: 'SELECT tbl, row_id, col, scope, value, hlc, seq FROM sync.cells WHERE chapter_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
          values: [st.chapter_id, after, page],
        })
        .then((r) => r.rows as (IncomingCell & { seq: string })[])
      p.catch(() => undefined) // awaited below; a prefetch abandoned by a failed apply must not surface as unhandled
      return p
    }
    let next = fetchPage(cursor)
    for (;;) {
      const rows = await next
      if (rows.length === 0) return pulled
      const last = Number(rows[rows.length - 1]!.seq)
      // The server reads the next page while this one is applied here.
      if (rows.length === page) next = fetchPage(last)
      const now = this.opts.now()
      db.pragma('foreign_keys = OFF')
      try {
        db.transaction(() =>
          withoutCapture(db, () => {
            drainChanges(db, now)
            const res = applyCells(db, rows, { fresh })
            if (res.maxHlc) observeHlc(db, res.maxHlc, now.getTime())
            updateSyncState(db, { cursor: last })
          }),
        )()
      } finally {
        db.pragma('foreign_keys = ON')
      }
      cursor = last
      pulled += rows.length
      if (rows.length < page) return pulled
    }
  }

  private async pullConflicts(db: Db, client: pg.Client, st: SyncState): Promise<number> {
    let cursor = getSyncState(db)?.conflict_cursor ?? st.conflict_cursor
    let added = 0
    for (;;) {
      const r = await client.query(
        `SELECT id, tbl, row_id, col, value, hlc, author, winner_hlc, winner_author, at FROM sync.conflicts
          WHERE chapter_id = $1 AND id > $2 ORDER BY id LIMIT 1000`,
        [st.chapter_id, cursor],
      )
      if (r.rows.length === 0) return added
      const list = (r.rows as { id: string; value: unknown; at: Date }[]).map((c) => ({
        ...(c as unknown as { tbl: string; row_id: string; col: string; hlc: string; author: string; winner_hlc: string; winner_author: string }),
        id: Number(c.id),
        value: JSON.stringify(c.value ?? null),
        at: new Date(c.at).toISOString(),
      }))
      cursor = list[list.length - 1]!.id
      db.transaction(() => {
        added += saveConflicts(db, list)
        updateSyncState(db, { conflict_cursor: cursor })
      })()
      if (r.rows.length < 1000) return added
    }
  }

  /**
   * Live updates (hosts only: the Electron main process and the web bridge):
   * LISTEN on a dedicated connection as a wake-up hint, a poll every
   * `pollMs` (notifications sent while offline are lost), reconnecting with
   * backoff. Returns a stop function.
   */
  startLive(opts: { pollMs?: number; checkMs?: number } = {}): () => Promise<void> {
    this.liveStopped = false
    const poll = opts.pollMs ?? 60_000
    // How often the loop looks for local changes to send (a cheap count in SQLite); a server round trip only then.
    const check = opts.checkMs ?? 1500
    let backoff = 0
    let lastRun = 0
    const tick = async () => {
      if (this.liveStopped) return
      let st: SyncState | null = null
      let pending = 0
      try {
        const db = this.opts.getDb()
        st = getSyncState(db)
        if (st) pending = pendingCount(db)
      } catch {
        st = null
      }
      const now = Date.now()
      if (st && st.status === 'active' && now >= lastRun + backoff && (pending > 0 || this.woken || now - lastRun >= poll || !this.listener)) {
        this.woken = false
        lastRun = now
        try {
          // The run first (it marks the copy offline when the server is away), then the wake-up connection.
          await this.syncNow()
          await this.ensureListener(st)
          backoff = 0
        } catch {
          backoff = Math.min(Math.max(backoff * 2, 1000), poll)
        }
      }
      if (!this.liveStopped) this.liveTimer = setTimeout(() => void tick(), check).unref()
    }
    this.liveTimer = setTimeout(() => void tick(), 0).unref()
    return () => this.stopLive()
  }

  private woken = false

  /** Pokes the live loop (after a local edit): sync soon. */
  nudge(delayMs = 300): void {
    if (this.liveStopped) return
    this.woken = true
    if (this.wake) clearTimeout(this.wake)
    this.wake = setTimeout(() => {
      this.wake = null
      void this.syncNow().catch(() => undefined)
    }, delayMs).unref()
  }

  private listenFor: string | null = null
  private async ensureListener(st: SyncState): Promise<void> {
    if (this.listener && this.listenFor === st.chapter_id) return
    await this.dropListener()
    const l = await connectMember(loginFor(this.opts.dataDir, st.invitation))
    l.on('notification', () => this.nudge(50))
    l.on('error', () => void this.dropListener())
    l.on('end', () => {
      if (this.listener === l) {
        this.listener = null
        this.listenFor = null
      }
    })
    await l.query(`LISTEN "rm_${st.chapter_id.replace(/-/g, '')}"`)
    this.listener = l
    this.listenFor = st.chapter_id
  }

  private async dropListener(): Promise<void> {
    const l = this.listener
    this.listener = null
    this.listenFor = null
    if (l) await l.end().catch(() => undefined)
  }

  get live(): boolean {
    return !this.liveStopped
  }

  async stopLive(): Promise<void> {
    this.liveStopped = true
    if (this.liveTimer) clearTimeout(this.liveTimer)
    if (this.wake) clearTimeout(this.wake)
    this.liveTimer = null
    this.wake = null
    await this.dropListener()
  }

  async close(): Promise<void> {
    await this.stopLive()
    while (this.running) await this.running.catch(() => undefined)
    await this.dropClient()
  }
}

function applyParkedCells(db: Db): void {
  db.pragma('foreign_keys = OFF')
  try {
    db.transaction(() => withoutCapture(db, () => applyParked(db)))()
  } finally {
    db.pragma('foreign_keys = ON')
  }
}
