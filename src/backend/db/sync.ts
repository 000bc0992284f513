import type BetterSqlite3 from 'better-sqlite3'
import type { Db } from './connection'
import { nextHlc, observeHlc } from './history'
import { CAPTURED_TABLES, type CapturedTable } from './capturedTables'
import { hlcCompare, hlcParse, hlcTick, hlcToString, type Hlc } from '../../core/hlc'

/**
 * Chapter sharing's local SQL: the sync state, the outbox drained from the
 * change log, the per-cell clocks, applying cells pulled from the server,
 * parked and pending cells, conflicts and private notes. The engine
 * (backend/sync/engine.ts) drives these; nothing here talks to the server.
 *
 * A cell is (table, row id, column): the row id is the change log's key (a
 * JSON array of the primary key's values), and `_row` is the row's own cell
 * (1 present, 0 deleted), so a hard delete is a cell like any other.
 */

/** The tables a chapter shares: every table the change log captures but the laptop's own settings. */
export const SYNCED_TABLES = CAPTURED_TABLES.filter((t): t is Exclude<CapturedTable, 'settings'> => t !== 'settings')

/** Columns that stay on each laptop: who "you" are, and your own meeting cadence. */
const LOCAL_ONLY: Record<string, readonly string[]> = { people: ['is_me', 'cadence_days'] }
/** Tables whose every row is its author's alone: follow-up tasks and private notes. */
const PRIVATE_TABLES = new Set(['tasks', 'private_notes'])
/** Tables a record of which can be marked private (private_notes.is_private). */
const PRIVATE_FLAG_TABLES = new Set(['people', 'introductions', 'interactions'])
/** Bookkeeping cells: a concurrent change of one of them is not worth listing under Conflicts. */
const QUIET = new Set(['_row', 'updated_at', 'created_at', 'name_key', 'email_key', 'tag_key'])

export const ROW = '_row'
export const SHARED = '*'

export interface SyncState {
  chapter_id: string
  chapter_name: string
  member_name: string
  person_id: string
  role: string
  invitation: string
  cursor: number
  conflict_cursor: number
  drained_seq: number
  barrier_seen: number
  status: 'active' | 'removed'
  status_reason: string | null
  last_sync_at: string | null
  last_error: string | null
  offline: number
  members: string
  joined_at: string
}

export interface ChapterMember {
  role: string
  name: string
  personId: string
  removed: boolean
}

const hasTable = (db: Db, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined

export function getSyncState(db: Db): SyncState | null {
  if (!hasTable(db, 'sync_state')) return null
  return (db.prepare('SELECT * FROM sync_state WHERE id = 1').get() as SyncState | undefined) ?? null
}

export function createSyncState(
  db: Db,
  s: Pick<SyncState, 'chapter_id' | 'chapter_name' | 'member_name' | 'person_id' | 'role' | 'invitation' | 'joined_at'>,
): void {
  const drained = (db.prepare('SELECT coalesce(max(seq), 0) AS s FROM changes').get() as { s: number }).s
  db.prepare(
    `INSERT INTO sync_state (id, chapter_id, chapter_name, member_name, person_id, role, invitation, joined_at, drained_seq, barrier_seen)
     VALUES (1, @chapter_id, @chapter_name, @member_name, @person_id, @role, @invitation, @joined_at, @drained, @barrier)`,
  ).run({ ...s, drained, barrier: lastBarrier(db) })
}

export function updateSyncState(db: Db, patch: Partial<Omit<SyncState, 'chapter_id'>>): void {
  const keys = Object.keys(patch)
  if (keys.length === 0) return
  db.prepare(`UPDATE sync_state SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = 1`).run(patch)
}

function lastBarrier(db: Db): number {
  return (db.prepare("SELECT coalesce(max(id), 0) AS b FROM history_actions WHERE kind = 'barrier'").get() as { b: number }).b
}

/**
 * After a bulk change the change log did not record row by row (an import, a
 * merge of another network into this one): every row the chapter has never
 * seen (no clock for its _row cell) is queued whole, stamped now. Rows the bulk
 * change edited in place are not found this way (see the README's limits).
 */
function drainBulk(db: Db, st: SyncState, now: Date, put: (tbl: string, rowId: string, col: string, value: string, hlc: string, scope: string) => void): number {
  const shape = shapesNow(db)
  let n = 0
  const hlc = nextHlc(db, now.getTime())
  const isPrivate = db.prepare('SELECT 1 FROM private_notes WHERE tbl = ? AND row_id = ? AND is_private = 1').pluck()
  for (const tbl of SYNCED_TABLES) {
    const info = shape(tbl)
    if (!info) continue
    const key = `json_array(${info.pk.map(q).join(', ')})`
    const rows = db
      .prepare(
        `SELECT ${key} AS _key, * FROM main.${q(tbl)} t WHERE NOT EXISTS (SELECT 1 FROM sync_clock c WHERE c.tbl = ? AND c.row_id = ${key} AND c.col = '_row')`,
      )
      .all(tbl) as Record<string, unknown>[]
    for (const row of rows) {
      const rowId = String(row._key)
      const scope = PRIVATE_TABLES.has(tbl) || (PRIVATE_FLAG_TABLES.has(tbl) && isPrivate.get(tbl, row[info.pk[0]!])) ? st.role : SHARED
      for (const col of info.cols) {
        if (info.pk.includes(col) || info.localOnly.has(col)) continue
        if (row[col] === null && !info.defaulted.has(col)) continue
        put(tbl, rowId, col, toJson(row[col]), hlc, scope)
        n++
      }
      put(tbl, rowId, ROW, '1', hlc, scope)
      n++
    }
  }
  return n
}

/** Leaving a chapter: the file becomes an ordinary network (its rows stay). */
export function clearSyncState(db: Db): void {
  db.exec(
    'DELETE FROM sync_state; DELETE FROM sync_outbox; DELETE FROM sync_clock; DELETE FROM sync_pending; DELETE FROM sync_parked; DELETE FROM sync_conflicts; DELETE FROM sync_not_duplicates;',
  )
}

/**
 * A removed member's copy is read-only: a TEMP trigger (installed when the
 * network opens, with the change-log capture) refuses every captured write.
 */
export function installSyncGuard(db: Db): void {
  if (!hasTable(db, 'sync_state')) return
  // The clock starts past every stamp this copy has received, not only its own (the change log's): an edit
  // made right after a restart still wins over what it saw.
  const seen = (db.prepare('SELECT max(hlc) AS h FROM sync_clock').get() as { h: string | null }).h
  if (seen) observeHlc(db, seen, 0)
  db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS sync_read_only BEFORE INSERT ON main.changes
    WHEN EXISTS (SELECT 1 FROM main.sync_state WHERE status = 'removed') BEGIN
      SELECT RAISE(ABORT, 'This chapter network is read-only: you are no longer a member of the chapter. Your personal network is not affected.');
    END;`)
}

/** The lowest change-log action not yet drained into the outbox (pruning must keep it), or null. */
export function undrainedFloor(db: Db): number | null {
  if (!hasTable(db, 'sync_state')) return null
  const r = db
    .prepare('SELECT min(c.action_id) AS a FROM changes c, sync_state s WHERE s.id = 1 AND c.seq > s.drained_seq')
    .get() as { a: number | null }
  return r.a
}

/** Runs fn with the change-log capture paused: what the server sends is not a local edit to send back. */
export function withoutCapture<T>(db: Db, fn: () => T): T {
  const has = db.prepare("SELECT 1 FROM temp.sqlite_schema WHERE type = 'table' AND name = 'capture'").get()
  if (!has) return fn()
  const saved = db.prepare('SELECT * FROM temp.capture').all() as Record<string, unknown>[]
  db.prepare('DELETE FROM temp.capture').run()
  try {
    return fn()
  } finally {
    for (const r of saved)
      db.prepare(
        'INSERT INTO temp.capture (action_id, kind, channel, label, target_id, hlc, at) VALUES (@action_id, @kind, @channel, @label, @target_id, @hlc, @at)',
      ).run(r)
  }
}

// ---------------------------------------------------------------- table shapes

export interface SyncTableInfo {
  cols: string[]
  pk: string[]
  /** NOT NULL columns without a default, other than the key: a row cannot be inserted without them. */
  required: string[]
  /** Columns whose default is not NULL (an insert's NULL cell there is sent; other NULL cells are left out). */
  defaulted: Set<string>
  localOnly: Set<string>
}

const shapes = new WeakMap<Db, { version: number; map: Map<string, SyncTableInfo | null> }>()

/** syncTableInfo for the length of one batch (reading the schema version once, not per cell). */
function shapesNow(db: Db): (table: string) => SyncTableInfo | null {
  const m = new Map<string, SyncTableInfo | null>()
  return (table) => {
    let i = m.get(table)
    if (i === undefined) m.set(table, (i = syncTableInfo(db, table)))
    return i
  }
}

/** The live shape of a synced table (re-read after a migration adds a column), or null when unknown here. */
export function syncTableInfo(db: Db, table: string): SyncTableInfo | null {
  const version = db.pragma('schema_version', { simple: true }) as number
  let s = shapes.get(db)
  if (!s || s.version !== version) shapes.set(db, (s = { version, map: new Map() }))
  if (s.map.has(table)) return s.map.get(table)!
  let info: SyncTableInfo | null = null
  if ((SYNCED_TABLES as readonly string[]).includes(table)) {
    const rows = db.prepare('SELECT name, pk, "notnull" AS nn, dflt_value AS d FROM pragma_table_info(?)').all(table) as {
      name: string
      pk: number
      nn: number
      d: string | null
    }[]
    if (rows.length > 0) {
      const pk = rows.filter((r) => r.pk > 0).sort((a, b) => a.pk - b.pk).map((r) => r.name)
      info = {
        cols: rows.map((r) => r.name),
        pk,
        required: rows.filter((r) => r.nn === 1 && r.d === null && !pk.includes(r.name)).map((r) => r.name),
        defaulted: new Set(rows.filter((r) => r.d !== null && r.d.toUpperCase() !== 'NULL').map((r) => r.name)),
        localOnly: new Set(LOCAL_ONLY[table] ?? []),
      }
    }
  }
  s.map.set(table, info)
  return info
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`

// ---------------------------------------------------------------- drain: change log -> outbox

interface ChangeLite {
  seq: number
  tbl: string
  pk: string
  op: 'insert' | 'update' | 'delete'
  col: string | null
  new_value: unknown
  hlc: string
}

function toJson(v: unknown): string {
  if (typeof v === 'bigint') return v.toString()
  if (v instanceof Uint8Array) return JSON.stringify(Buffer.from(v).toString('base64'))
  return JSON.stringify(v ?? null)
}

/**
 * Moves the change log's new entries into the outbox as cells, and records
 * each cell's clock. One outbox row per cell: a later edit of the same cell
 * replaces value and clock and keeps the clock it was based on. Returns how
 * many cells were queued.
 */
export function drainChanges(db: Db, now: Date): number {
  const st = getSyncState(db)
  if (!st || st.status !== 'active') return 0
  const list = db
    .prepare('SELECT seq, tbl, pk, op, col, new_value, hlc FROM changes WHERE seq > ? ORDER BY seq')
    .all(st.drained_seq) as ChangeLite[]
  const barrier = lastBarrier(db)
  if (list.length === 0 && barrier === st.barrier_seen) return 0
  const clockGet = db.prepare('SELECT hlc FROM sync_clock WHERE tbl = ? AND row_id = ? AND col = ?').pluck()
  const clockSet = db.prepare(
    'INSERT INTO sync_clock (tbl, row_id, col, hlc) VALUES (?, ?, ?, ?) ON CONFLICT (tbl, row_id, col) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > hlc',
  )
  const put = db.prepare(
    `INSERT INTO sync_outbox (tbl, row_id, col, scope, value, hlc, base, quiet) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (tbl, row_id, col, scope) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, quiet = quiet AND excluded.quiet
       WHERE excluded.hlc >= hlc`,
  )
  const isPrivate = db.prepare('SELECT 1 FROM private_notes WHERE tbl = ? AND row_id = ? AND is_private = 1').pluck()
  let n = 0
  const cell = (tbl: string, rowId: string, col: string, value: string, hlc: string, scope: string, quiet: boolean) => {
    const base = (clockGet.get(tbl, rowId, col) as string | undefined) ?? null
    put.run(tbl, rowId, col, scope, value, hlc, base, quiet ? 1 : 0)
    clockSet.run(tbl, rowId, col, hlc)
    n++
  }
  const scopeOf = (tbl: string, rowId: string): string => {
    if (PRIVATE_TABLES.has(tbl)) return st.role
    if (PRIVATE_FLAG_TABLES.has(tbl)) {
      const id = (JSON.parse(rowId) as unknown[])[0]
      if (isPrivate.get(tbl, id)) return st.role
    }
    return SHARED
  }
  const rescopes: { tbl: string; id: string; toPrivate: boolean; hlc: string }[] = []
  const shape = shapesNow(db)
  for (const c of list) {
    const info = shape(c.tbl)
    if (!info) continue
    const scope = scopeOf(c.tbl, c.pk)
    if (c.op === 'update') {
      if (!c.col || info.localOnly.has(c.col)) continue
      cell(c.tbl, c.pk, c.col, toJson(c.new_value), c.hlc, scope, QUIET.has(c.col))
      if (c.tbl === 'private_notes' && c.col === 'is_private') {
        const [t, id] = JSON.parse(c.pk) as [string, string]
        rescopes.push({ tbl: t, id, toPrivate: c.new_value === 1, hlc: c.hlc })
      }
    } else if (c.op === 'insert') {
      const row = JSON.parse(String(c.new_value)) as Record<string, unknown>
      for (const col of info.cols) {
        if (info.pk.includes(col) || info.localOnly.has(col) || !(col in row)) continue
        // A new row's empty cell is what any copy has without it (unless the column defaults to something).
        if (row[col] === null && !info.defaulted.has(col) && !clockGet.get(c.tbl, c.pk, col)) continue
        cell(c.tbl, c.pk, col, toJson(row[col]), c.hlc, scope, true)
      }
      cell(c.tbl, c.pk, ROW, '1', c.hlc, scope, true)
      if (c.tbl === 'private_notes' && row.is_private === 1) rescopes.push({ tbl: String(row.tbl), id: String(row.row_id), toPrivate: true, hlc: c.hlc })
    } else {
      cell(c.tbl, c.pk, ROW, '0', c.hlc, scope, true)
    }
  }
  for (const r of rescopes) n += rescope(db, st.role, r.tbl, r.id, r.toPrivate, r.hlc, now)
  if (barrier !== st.barrier_seen) n += drainBulk(db, st, now, (tbl, rowId, col, value, hlc, scope) => cell(tbl, rowId, col, value, hlc, scope, true))
  updateSyncState(db, { drained_seq: list.length ? list[list.length - 1]!.seq : st.drained_seq, barrier_seen: barrier })
  return n
}

/**
 * A record marked private (or shared again): the other scope gets the row's
 * deletion, the new scope every current cell, with a newer stamp so that on
 * the owner's other laptops the row stays.
 */
function rescope(db: Db, role: string, tbl: string, id: string, toPrivate: boolean, hlc: string, now: Date): number {
  const info = syncTableInfo(db, tbl)
  if (!info) return 0
  const rowId = JSON.stringify([id])
  const row = db.prepare(`SELECT * FROM main.${q(tbl)} WHERE ${q(info.pk[0]!)} = ?`).get(id) as Record<string, unknown> | undefined
  if (!row) return 0
  const put = db.prepare(
    `INSERT INTO sync_outbox (tbl, row_id, col, scope, value, hlc, base, quiet) VALUES (?, ?, ?, ?, ?, ?, NULL, 1)
     ON CONFLICT (tbl, row_id, col, scope) DO UPDATE SET value = excluded.value, hlc = excluded.hlc WHERE excluded.hlc >= hlc`,
  )
  put.run(tbl, rowId, ROW, toPrivate ? SHARED : role, '0', hlc)
  const fresh = nextHlc(db, now.getTime())
  const to = toPrivate ? role : SHARED
  let n = 1
  for (const col of info.cols) {
    if (info.pk.includes(col) || info.localOnly.has(col)) continue
    put.run(tbl, rowId, col, to, toJson(row[col]), fresh)
    n++
  }
  put.run(tbl, rowId, ROW, to, '1', fresh)
  db.prepare(
    'INSERT INTO sync_clock (tbl, row_id, col, hlc) VALUES (?, ?, ?, ?) ON CONFLICT (tbl, row_id, col) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > hlc',
  ).run(tbl, rowId, ROW, fresh)
  return n + 1
}

export interface OutboxRow {
  id: number
  tbl: string
  row_id: string
  col: string
  scope: string
  value: string | null
  hlc: string
  base: string | null
  quiet: number
}

export function outboxBatch(db: Db, limit: number): OutboxRow[] {
  return db.prepare('SELECT * FROM sync_outbox ORDER BY id LIMIT ?').all(limit) as OutboxRow[]
}

/** The push's cells as the server function's JSON (values are already JSON text). */
export function outboxJson(rows: OutboxRow[]): string {
  const s = JSON.stringify
  return `[${rows
    .map((r) => `{"t":${s(r.tbl)},"r":${s(r.row_id)},"c":${s(r.col)},"s":${s(r.scope)},"v":${r.value ?? 'null'},"h":${s(r.hlc)},"b":${r.base === null ? 'null' : s(r.base)},"q":${r.quiet === 1}}`)
    .join(',')}]`
}

/** The server acknowledged these: they leave the outbox (a row re-edited since keeps its new value, based on what was sent). */
export function ackOutbox(db: Db, rows: OutboxRow[]): void {
  const del = db.prepare('DELETE FROM sync_outbox WHERE id = ? AND hlc = ?')
  const rebase = db.prepare('UPDATE sync_outbox SET base = ? WHERE id = ?')
  db.transaction(() => {
    for (const r of rows) if (del.run(r.id, r.hlc).changes === 0) rebase.run(r.hlc, r.id)
  })()
}

/**
 * The server refused stamps too far ahead of its clock (this laptop's clock is
 * wrong). Those cells get stamps at the server's time instead; the local
 * clock is not moved to the bad time by anything the server sends.
 */
export function restampOutbox(db: Db, serverNowMs: number): number {
  const limit = serverNowMs + 86_400_000
  const node = (db.prepare('SELECT node_id FROM replica WHERE id = 1').get() as { node_id: string }).node_id
  const rows = db.prepare('SELECT id, tbl, row_id, col, hlc, base FROM sync_outbox ORDER BY id').all() as OutboxRow[]
  const bad = rows.filter((r) => Number(r.hlc.slice(0, 15)) > limit)
  const upd = db.prepare('UPDATE sync_outbox SET hlc = ? WHERE id = ?')
  const clock = db.prepare('UPDATE sync_clock SET hlc = ? WHERE tbl = ? AND row_id = ? AND col = ?')
  // New stamps in the order of the old ones (equal old stamps stay equal), so the laptop's own order of edits holds.
  bad.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id - b.id))
  let h: Hlc = { ms: serverNowMs, counter: 0, node }
  let prevOld: string | null = null
  db.transaction(() => {
    for (const r of bad) {
      if (r.hlc !== prevOld) {
        h = hlcTick(h, serverNowMs)
        // Still after the value it replaces (whose stamp the server accepted), so the edit is not lost.
        const base = r.base ? hlcParse(r.base) : null
        if (base && base.ms <= limit && hlcCompare(base, h) >= 0) h = hlcTick({ ...base, node }, base.ms)
        prevOld = r.hlc
      }
      const s = hlcToString(h)
      upd.run(s, r.id)
      clock.run(s, r.tbl, r.row_id, r.col)
    }
  })()
  return bad.length
}

/** Cells waiting to be sent: the outbox plus change-log entries not drained yet. */
export function pendingCount(db: Db): number {
  const st = getSyncState(db)
  if (!st) return 0
  const out = (db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n
  const undrained = (db.prepare('SELECT count(*) AS n FROM changes WHERE seq > ?').get(st.drained_seq) as { n: number }).n
  return out + undrained
}

// ---------------------------------------------------------------- apply: server -> local

export interface IncomingCell {
  tbl: string
  row_id: string
  col: string
  scope: string
  value: unknown
  hlc: string
}

function toSqlite(v: unknown): string | number | null {
  if (v === null || v === undefined) return null
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'number' || typeof v === 'string') return v
  return JSON.stringify(v)
}

export interface ApplyResult {
  applied: number
  parked: number
  maxHlc: string | null
}

/**
 * Applies pulled cells: each one only when its stamp is higher than the
 * cell's local clock (so any order and any duplicates end the same). Cells of
 * tables or columns this version does not know are parked. A row not present
 * here is inserted once its `_row` cell and every required column have come
 * (until then its cells wait in sync_pending); `_row` 0 deletes it. Call
 * inside a transaction with foreign keys off (a page may bring an
 * introduction before its people).
 */
export function applyCells(db: Db, cells: IncomingCell[], opts: { fresh?: boolean } = {}): ApplyResult {
  // fresh: a first pull into a copy with no clocks yet. Every incoming cell is newer than nothing, and a cell
  // seen twice comes again only with a higher stamp (the server keeps the highest; pages go in commit order).
  const clockGet = stmt(db, 'SELECT hlc FROM sync_clock WHERE tbl = ? AND row_id = ? AND col = ?').pluck()
  const clockSet = stmt(
    db,
    'INSERT INTO sync_clock (tbl, row_id, col, hlc) VALUES (?, ?, ?, ?) ON CONFLICT (tbl, row_id, col) DO UPDATE SET hlc = excluded.hlc',
  )
  const pendingState = { empty: stmt(db, 'SELECT 1 FROM sync_pending LIMIT 1').get() === undefined }
  const park = db.prepare(
    `INSERT INTO sync_parked (tbl, row_id, col, scope, value, hlc) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (tbl, row_id, col, scope) DO UPDATE SET value = excluded.value, hlc = excluded.hlc WHERE excluded.hlc > hlc`,
  )
  const rows = new Map<string, { tbl: string; rowId: string; info: SyncTableInfo; cells: Map<string, string | number | null> }>()
  let applied = 0
  let parked = 0
  let maxHlc: string | null = null
  const shape = shapesNow(db)
  for (const c of cells) {
    if (maxHlc === null || c.hlc > maxHlc) maxHlc = c.hlc
    const info = shape(c.tbl)
    if (!info || (c.col !== ROW && !info.cols.includes(c.col))) {
      park.run(c.tbl, c.row_id, c.col, c.scope, JSON.stringify(c.value ?? null), c.hlc)
      parked++
      continue
    }
    if (info.localOnly.has(c.col) || info.pk.includes(c.col)) continue
    if (!opts.fresh) {
      const cur = clockGet.get(c.tbl, c.row_id, c.col) as string | undefined
      if (cur !== undefined && cur >= c.hlc) continue
    }
    clockSet.run(c.tbl, c.row_id, c.col, c.hlc)
    const key = `${c.tbl}\u0000${c.row_id}`
    let r = rows.get(key)
    if (!r) rows.set(key, (r = { tbl: c.tbl, rowId: c.row_id, info, cells: new Map() }))
    r.cells.set(c.col, toSqlite(c.value))
    applied++
  }
  for (const r of rows.values()) applyRow(db, r.tbl, r.rowId, r.info, r.cells, pendingState)
  return { applied, parked, maxHlc }
}

const stmtCache = new WeakMap<Db, Map<string, BetterSqlite3.Statement<unknown[]>>>()
function stmt(db: Db, sql: string): BetterSqlite3.Statement<unknown[]> {
  let m = stmtCache.get(db)
  if (!m) stmtCache.set(db, (m = new Map()))
  let s = m.get(sql)
  if (!s) m.set(sql, (s = db.prepare<unknown[]>(sql)))
  return s
}

function applyRow(
  db: Db,
  tbl: string,
  rowId: string,
  info: SyncTableInfo,
  cells: Map<string, string | number | null>,
  pendingState: { empty: boolean },
): void {
  const key = JSON.parse(rowId) as unknown[]
  if (!Array.isArray(key) || key.length !== info.pk.length) return
  const where = info.pk.map((c) => `${q(c)} = ?`).join(' AND ')
  const exists = stmt(db, `SELECT 1 FROM main.${q(tbl)} WHERE ${where}`).get(...key) !== undefined
  const live = cells.get(ROW)
  if (live === 0) {
    if (exists) stmt(db, `DELETE FROM main.${q(tbl)} WHERE ${where}`).run(...key)
    cells.delete(ROW)
    if (cells.size > 0) {
      savePending(db, tbl, rowId, cells)
      pendingState.empty = false
    }
    return
  }
  if (exists) {
    const cols = [...cells.keys()].filter((c) => c !== ROW)
    if (cols.length > 0) stmt(db, `UPDATE main.${q(tbl)} SET ${cols.map((c) => `${q(c)} = ?`).join(', ')} WHERE ${where}`).run(...cols.map((c) => cells.get(c)), ...key)
    return
  }
  // Not here yet: together with what earlier pages brought.
  const pend = pendingState.empty
    ? []
    : (stmt(db, 'SELECT col, value FROM sync_pending WHERE tbl = ? AND row_id = ?').all(tbl, rowId) as { col: string; value: string | null }[])
  const all = new Map<string, string | number | null>()
  for (const p of pend) all.set(p.col, p.value === null ? null : toSqlite(JSON.parse(p.value)))
  for (const [k, v] of cells) all.set(k, v)
  if (all.get(ROW) === 1 && info.required.every((c) => all.has(c) && all.get(c) !== null)) {
    const cols = [...all.keys()].filter((c) => c !== ROW)
    try {
      stmt(db, `INSERT INTO main.${q(tbl)} (${[...info.pk, ...cols].map(q).join(', ')}) VALUES (${[...info.pk, ...cols].map(() => '?').join(', ')})`).run(
        ...key,
        ...cols.map((c) => all.get(c)),
      )
      if (pend.length) stmt(db, 'DELETE FROM sync_pending WHERE tbl = ? AND row_id = ?').run(tbl, rowId)
      return
    } catch {
      // A value this version refuses (a check constraint): the row waits with its cells.
    }
  }
  savePending(db, tbl, rowId, cells)
  pendingState.empty = false
}

function savePending(db: Db, tbl: string, rowId: string, cells: Map<string, string | number | null>): void {
  const put = stmt(
    db,
    'INSERT INTO sync_pending (tbl, row_id, col, value) VALUES (?, ?, ?, ?) ON CONFLICT (tbl, row_id, col) DO UPDATE SET value = excluded.value',
  )
  for (const [col, v] of cells) put.run(tbl, rowId, col, JSON.stringify(v))
}

/** Whether any cell has a clock here (a copy that has pulled or sent something). */
export function hasClocks(db: Db): boolean {
  return db.prepare('SELECT 1 FROM sync_clock LIMIT 1').get() !== undefined
}

/** Parked cells whose table and column this version now knows (after an upgrade) are applied and leave the parking. */
export function applyParked(db: Db): number {
  const list = db.prepare('SELECT * FROM sync_parked ORDER BY tbl, row_id').all() as (Omit<IncomingCell, 'value'> & { value: string })[]
  const ready = list.filter((c) => {
    const info = syncTableInfo(db, c.tbl)
    return info && (c.col === ROW || info.cols.includes(c.col))
  })
  if (ready.length === 0) return 0
  const del = db.prepare('DELETE FROM sync_parked WHERE tbl = ? AND row_id = ? AND col = ? AND scope = ?')
  for (const c of ready) del.run(c.tbl, c.row_id, c.col, c.scope)
  applyCells(
    db,
    ready.map((c) => ({ ...c, value: JSON.parse(c.value) as unknown })),
  )
  return ready.length
}

export function parkedCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM sync_parked').get() as { n: number }).n
}

// ---------------------------------------------------------------- conflicts

export interface ConflictRow {
  id: number
  tbl: string
  row_id: string
  col: string
  value: string | null
  hlc: string
  author: string
  winner_hlc: string
  winner_author: string
  at: string
  resolved: string | null
}

export function saveConflicts(db: Db, list: Omit<ConflictRow, 'resolved'>[]): number {
  const put = db.prepare(
    `INSERT OR IGNORE INTO sync_conflicts (id, tbl, row_id, col, value, hlc, author, winner_hlc, winner_author, at)
     VALUES (@id, @tbl, @row_id, @col, @value, @hlc, @author, @winner_hlc, @winner_author, @at)`,
  )
  let n = 0
  for (const c of list) n += put.run(c).changes
  return n
}

export function openConflicts(db: Db, limit = 200): ConflictRow[] {
  if (!hasTable(db, 'sync_conflicts')) return []
  return db.prepare('SELECT * FROM sync_conflicts WHERE resolved IS NULL ORDER BY id DESC LIMIT ?').all(limit) as ConflictRow[]
}

export function openConflictCount(db: Db): number {
  if (!hasTable(db, 'sync_conflicts')) return 0
  return (db.prepare('SELECT count(*) AS n FROM sync_conflicts WHERE resolved IS NULL').get() as { n: number }).n
}

export function getConflict(db: Db, id: number): ConflictRow | null {
  return (db.prepare('SELECT * FROM sync_conflicts WHERE id = ?').get(id) as ConflictRow | undefined) ?? null
}

export function markConflict(db: Db, id: number, how: 'restored' | 'dismissed'): void {
  db.prepare('UPDATE sync_conflicts SET resolved = ? WHERE id = ?').run(how, id)
}

/** The current local value of a cell (undefined when the row is not here). */
export function cellValue(db: Db, tbl: string, rowId: string, col: string): { value: unknown } | undefined {
  const info = syncTableInfo(db, tbl)
  if (!info || !info.cols.includes(col)) return undefined
  const key = JSON.parse(rowId) as unknown[]
  const r = db.prepare(`SELECT ${q(col)} AS v FROM main.${q(tbl)} WHERE ${info.pk.map((c) => `${q(c)} = ?`).join(' AND ')}`).get(...key) as
    | { v: unknown }
    | undefined
  return r ? { value: r.v } : undefined
}

/** Writes a cell as a local edit (inside the caller's captured action, so it is sent like any other edit). */
export function writeCell(db: Db, tbl: string, rowId: string, col: string, value: unknown, updatedAt: string): boolean {
  const info = syncTableInfo(db, tbl)
  if (!info || !info.cols.includes(col)) return false
  const key = JSON.parse(rowId) as unknown[]
  const touch = info.cols.includes('updated_at') && col !== 'updated_at' ? `, updated_at = ?` : ''
  const args = touch ? [toSqlite(value), updatedAt] : [toSqlite(value)]
  return (
    db.prepare(`UPDATE main.${q(tbl)} SET ${q(col)} = ?${touch} WHERE ${info.pk.map((c) => `${q(c)} = ?`).join(' AND ')}`).run(...args, ...key).changes > 0
  )
}

/** "Ann Alder" / "the introduction of Pat from Ben" / "a row": what a conflict is about. */
export function describeRow(db: Db, tbl: string, rowId: string): string {
  const id = (JSON.parse(rowId) as unknown[])[0]
  if (tbl === 'people') {
    const r = db.prepare('SELECT name FROM people WHERE id = ?').get(id) as { name: string } | undefined
    return r?.name ?? 'a person'
  }
  if (tbl === 'introductions') {
    const r = db
      .prepare(
        `SELECT p.name AS prospect, f.name AS referrer FROM introductions i LEFT JOIN people p ON p.id = i.prospect_id
           LEFT JOIN people f ON f.id = i.referrer_id WHERE i.id = ?`,
      )
      .get(id) as { prospect: string | null; referrer: string | null } | undefined
    return r ? `the introduction of ${r.prospect ?? 'someone'} from ${r.referrer ?? 'someone'}` : 'an introduction'
  }
  if (tbl === 'groups') {
    const r = db.prepare('SELECT name FROM groups WHERE id = ?').get(id) as { name: string } | undefined
    return r ? `group ${r.name}` : 'a group'
  }
  return `a row of ${tbl.replace(/_/g, ' ')}`
}

// ---------------------------------------------------------------- the same slip typed twice

export interface IntroBrief {
  id: string
  date: string
  status: string
  referrer: string
  receiver: string
  prospect: string
  createdAt: string
}

/** Only the newest introductions are checked (a slip typed twice is typed around the same time). */
const RECENT_LIMIT = 500

/**
 * Introductions that look like one slip recorded twice (by two members, or
 * twice offline): same referrer and receiver, prospects with the same name,
 * dates at most 14 days apart, at least one of them among the newest 500
 * created since `since`.
 * Pairs the member said are different are left out.
 */
export function duplicateIntroductions(db: Db, since: string, limit = 50): { a: IntroBrief; b: IntroBrief }[] {
  const rows = db
    .prepare(
      `WITH recent AS MATERIALIZED (
         SELECT * FROM introductions WHERE deleted_at IS NULL AND created_at >= ? ORDER BY created_at DESC LIMIT ${RECENT_LIMIT}
       ),
       pairs AS (
         SELECT DISTINCT min(r.id, o.id) AS aid, max(r.id, o.id) AS bid
         FROM recent r
         JOIN introductions o INDEXED BY intros_by_referrer
           ON o.referrer_id = r.referrer_id AND o.deleted_at IS NULL
           AND o.date BETWEEN date(r.date, '-14 days') AND date(r.date, '+14 days')
           AND o.receiver_id = r.receiver_id AND o.id <> r.id
         JOIN people pr ON pr.id = r.prospect_id
         JOIN people po ON po.id = o.prospect_id AND po.name_key = pr.name_key
       )
       SELECT aid, bid FROM pairs WHERE NOT EXISTS (SELECT 1 FROM sync_not_duplicates n WHERE n.a = pairs.aid AND n.b = pairs.bid)
       ORDER BY bid DESC LIMIT ?`,
    )
    .all(since, limit) as { aid: string; bid: string }[]
  const brief = db.prepare(
    `SELECT i.id, i.date, i.status, f.name AS referrer, v.name AS receiver, p.name AS prospect, i.created_at AS createdAt
       FROM introductions i JOIN people f ON f.id = i.referrer_id JOIN people v ON v.id = i.receiver_id JOIN people p ON p.id = i.prospect_id
      WHERE i.id = ?`,
  )
  return rows.map((r) => ({ a: brief.get(r.aid) as IntroBrief, b: brief.get(r.bid) as IntroBrief }))
}

export function markNotDuplicate(db: Db, x: string, y: string): void {
  db.prepare('INSERT OR IGNORE INTO sync_not_duplicates (a, b) VALUES (?, ?)').run(x < y ? x : y, x < y ? y : x)
}

/** Both live introductions of one referrer and receiver (what "the same slip" needs), or null. */
export function introPair(db: Db, keepId: string, dropId: string): { keep: { referrer_id: string; receiver_id: string }; drop: { referrer_id: string; receiver_id: string } } | null {
  const get = db.prepare('SELECT referrer_id, receiver_id FROM introductions WHERE id = ? AND deleted_at IS NULL')
  const keep = get.get(keepId) as { referrer_id: string; receiver_id: string } | undefined
  const drop = get.get(dropId) as { referrer_id: string; receiver_id: string } | undefined
  return keep && drop ? { keep, drop } : null
}

/** The duplicate goes (a soft delete, sent to the chapter like any edit). */
export function dropDuplicate(db: Db, id: string, nowIso: string): void {
  db.prepare('UPDATE introductions SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(nowIso, nowIso, id)
}

// ---------------------------------------------------------------- private notes

export interface PrivateNote {
  notes: string | null
  isPrivate: boolean
}

export function getPrivateNote(db: Db, tbl: string, id: string): PrivateNote {
  const r = db.prepare('SELECT notes, is_private FROM private_notes WHERE tbl = ? AND row_id = ?').get(tbl, id) as
    | { notes: string | null; is_private: number }
    | undefined
  return { notes: r?.notes ?? null, isPrivate: r?.is_private === 1 }
}

export function setPrivateNote(db: Db, tbl: string, id: string, patch: { notes?: string | null; isPrivate?: boolean }, nowIso: string): PrivateNote {
  const cur = getPrivateNote(db, tbl, id)
  const next = { notes: patch.notes !== undefined ? patch.notes : cur.notes, isPrivate: patch.isPrivate ?? cur.isPrivate }
  db.prepare(
    `INSERT INTO private_notes (tbl, row_id, notes, is_private, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (tbl, row_id) DO UPDATE SET
       notes = CASE WHEN excluded.notes IS NOT notes THEN excluded.notes ELSE notes END,
       is_private = CASE WHEN excluded.is_private IS NOT is_private THEN excluded.is_private ELSE is_private END,
       updated_at = excluded.updated_at`,
  ).run(tbl, id, next.notes, next.isPrivate ? 1 : 0, nowIso)
  return next
}

export function rowExists(db: Db, tbl: string, id: string): boolean {
  return db.prepare(`SELECT 1 FROM main.${q(tbl)} WHERE id = ? AND deleted_at IS NULL`).get(id) !== undefined
}

// ---------------------------------------------------------------- you, and the chapter report

export function setMe(db: Db, personId: string): void {
  if (!db.prepare('SELECT 1 FROM people WHERE id = ?').get(personId)) return
  db.prepare('UPDATE people SET is_me = 0 WHERE is_me = 1 AND id <> ?').run(personId)
  db.prepare('UPDATE people SET is_me = 1 WHERE id = ?').run(personId)
}

export interface ChapterReportRow {
  personId: string
  name: string
  given: number
  received: number
  won: number
  wonValueMinor: number
}

/** Per member: introductions given and received, how many closed won and for how much (one currency's minor units). */
export function chapterReport(db: Db, personIds: string[], from: string | null, to: string | null): ChapterReportRow[] {
  if (personIds.length === 0) return []
  const marks = personIds.map(() => '?').join(', ')
  return db
    .prepare(
      `WITH m AS (SELECT id, name FROM people WHERE id IN (${marks})),
            i AS (SELECT * FROM introductions WHERE deleted_at IS NULL AND (@from IS NULL OR date >= @from) AND (@to IS NULL OR date <= @to))
       SELECT m.id AS personId, m.name AS name,
              (SELECT count(*) FROM i WHERE i.referrer_id = m.id) AS given,
              (SELECT count(*) FROM i WHERE i.receiver_id = m.id) AS received,
              (SELECT count(*) FROM i WHERE i.receiver_id = m.id AND i.status = 'won') AS won,
              (SELECT coalesce(sum(value_minor), 0) FROM i WHERE i.receiver_id = m.id AND i.status = 'won') AS wonValueMinor
       FROM m ORDER BY given DESC, received DESC, name`,
    )
    .all(...personIds, { from, to }) as ChapterReportRow[]
}
