import type { Statement } from 'better-sqlite3'
import type { Db } from './connection'
import { CAPTURED_TABLES, type CapturedTable } from './capturedTables'
import { AppError } from '../../shared/errors'
import { hlcParse, hlcReceive, hlcTick, hlcToString, type Hlc } from '../../core/hlc'
import { installSyncGuard, undrainedFloor } from './sync'

/**
 * The change log's capture, and undo/redo over it.
 *
 * Capture is done by TEMP triggers that each connection installs when it opens
 * the network: they are generated from the live table definitions (so a column
 * added by a later migration is captured without anyone remembering to), they
 * never reach the file (another tool that opens it sees no trigger and needs no
 * function of ours), and they fire only while `temp.capture` holds the current
 * action. Every insert, update and delete on a captured table, whichever code
 * path made it, is then written to `changes` in the same transaction.
 */


export type ActionKind = 'do' | 'undo' | 'redo' | 'auto' | 'barrier'

export interface ActionRow {
  id: number
  kind: ActionKind
  channel: string
  label: string
  target_id: number | null
  undone: number
  redone: number
  hlc: string
  created_at: string
}

export interface ChangeRow {
  seq: number
  action_id: number
  tbl: string
  pk: string
  op: 'insert' | 'update' | 'delete'
  col: string | null
  old_value: unknown
  new_value: unknown
  hlc: string
  at: string
}

interface TableInfo {
  cols: string[]
  pk: string[]
}

const infoCache = new WeakMap<Db, Map<string, TableInfo>>()

function tableInfo(db: Db, table: string): TableInfo {
  let m = infoCache.get(db)
  if (!m) infoCache.set(db, (m = new Map()))
  let t = m.get(table)
  if (!t) {
    const rows = db.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(table) as { name: string; pk: number }[]
    if (rows.length === 0) throw new Error(`No table ${table}`)
    t = {
      cols: rows.map((r) => r.name),
      pk: rows.filter((r) => r.pk > 0).sort((a, b) => a.pk - b.pk).map((r) => r.name),
    }
    m.set(table, t)
  }
  return t
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`

/** The TEMP trigger SQL for one table (generated from its live columns). */
export function captureTriggerSql(db: Db, table: CapturedTable): string {
  const { cols, pk } = tableInfo(db, table)
  const row = (ref: 'NEW' | 'OLD') => `json_object(${cols.map((c) => `${lit(c)}, ${ref}.${q(c)}`).join(', ')})`
  const key = (ref: 'NEW' | 'OLD') => `json_array(${pk.map((c) => `${ref}.${q(c)}`).join(', ')})`
  const active = 'EXISTS (SELECT 1 FROM capture)'
  const samePk = pk.map((c) => `OLD.${q(c)} IS NEW.${q(c)}`).join(' AND ')
  const cells = cols
    .filter((c) => !pk.includes(c))
    .map((c) => `SELECT ${lit(c)} AS col, OLD.${q(c)} AS o, NEW.${q(c)} AS n WHERE OLD.${q(c)} IS NOT NEW.${q(c)}`)
    .join(' UNION ALL ')
  const ins = (ref: 'NEW' | 'OLD', op: 'insert' | 'delete') =>
    `INSERT INTO changes (action_id, tbl, pk, op, ${op === 'insert' ? 'new_value' : 'old_value'}, hlc, at)
       SELECT action_id, ${lit(table)}, ${key(ref)}, '${op}', ${row(ref)}, hlc, at FROM capture;`
  return `
CREATE TEMP TRIGGER IF NOT EXISTS capture_${table}_insert AFTER INSERT ON main.${q(table)} WHEN ${active} BEGIN
  ${ins('NEW', 'insert')}
END;
CREATE TEMP TRIGGER IF NOT EXISTS capture_${table}_delete AFTER DELETE ON main.${q(table)} WHEN ${active} BEGIN
  ${ins('OLD', 'delete')}
END;
CREATE TEMP TRIGGER IF NOT EXISTS capture_${table}_update AFTER UPDATE ON main.${q(table)} WHEN ${active} AND ${samePk} BEGIN
  INSERT INTO changes (action_id, tbl, pk, op, col, old_value, new_value, hlc, at)
    SELECT c.action_id, ${lit(table)}, ${key('OLD')}, 'update', v.col, v.o, v.n, c.hlc, c.at FROM capture c, (${cells}) v;
END;
CREATE TEMP TRIGGER IF NOT EXISTS capture_${table}_rekey AFTER UPDATE ON main.${q(table)} WHEN ${active} AND NOT (${samePk}) BEGIN
  ${ins('OLD', 'delete')}
  ${ins('NEW', 'insert')}
END;`
}

/**
 * Installs the capture on a freshly opened connection. No statement in these
 * triggers may rely on a conflict clause: SQLite applies the outer statement's
 * (an upsert's, an INSERT OR REPLACE's) to everything a trigger does. Temporary storage is
 * set to memory first and never changed again: changing it later would drop
 * every temporary object, and SQLite refuses it inside a transaction.
 */
export function installCapture(db: Db): void {
  if ((db.pragma('temp_store', { simple: true }) as number) !== 2) db.pragma('temp_store = MEMORY')
  const hasLog = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'changes'").get()
  if (!hasLog) return
  db.exec(`
CREATE TEMP TABLE IF NOT EXISTS capture (
  action_id INTEGER NOT NULL, kind TEXT NOT NULL, channel TEXT NOT NULL, label TEXT NOT NULL,
  target_id INTEGER, hlc TEXT NOT NULL, at TEXT NOT NULL
);
CREATE TEMP TRIGGER IF NOT EXISTS capture_action AFTER INSERT ON main.changes BEGIN
  INSERT INTO history_actions (id, kind, channel, label, target_id, hlc, created_at)
    SELECT action_id, kind, channel, label, target_id, hlc, at FROM capture
    WHERE action_id = NEW.action_id AND NOT EXISTS (SELECT 1 FROM history_actions WHERE id = NEW.action_id);
END;`)
  for (const t of CAPTURED_TABLES) db.exec(captureTriggerSql(db, t))
  installSyncGuard(db)
  pruneHistory(db)
}

/** Keeps the newest `keep` actions (and their changes). */
export function pruneHistory(db: Db, keep = 1000): void {
  const n = (db.prepare('SELECT count(*) AS n FROM history_actions').get() as { n: number }).n
  if (n <= keep * 1.2) return
  // In a chapter network, changes not yet drained into the outbox are kept whatever their age.
  const floor = undrainedFloor(db) ?? Number.MAX_SAFE_INTEGER
  db.prepare('DELETE FROM history_actions WHERE id <= (SELECT max(id) FROM history_actions) - ? AND id < ?').run(keep, floor)
}

const clocks = new WeakMap<Db, Hlc>()

/** The next clock stamp of this copy of the network. */
export function nextHlc(db: Db, nowMs: number): string {
  let h = clocks.get(db)
  if (!h) {
    const node = (db.prepare('SELECT node_id FROM replica WHERE id = 1').get() as { node_id: string } | undefined)?.node_id ?? '0'
    const last = db.prepare('SELECT max(hlc) AS h FROM history_actions').get() as { h: string | null }
    h = (last.h && hlcParse(last.h)) || { ms: 0, counter: 0, node }
    h = { ...h, node }
  }
  const next = hlcTick(h, nowMs)
  clocks.set(db, next)
  return hlcToString(next)
}

/** Moves this copy's clock past a stamp received from another copy (chapter sharing), so later local edits win over it. */
export function observeHlc(db: Db, remote: string, nowMs: number): void {
  const r = hlcParse(remote)
  if (!r) return
  nextHlc(db, nowMs)
  const h = clocks.get(db)!
  clocks.set(db, hlcReceive(h, r, nowMs))
}

export interface CaptureSpec {
  kind: Exclude<ActionKind, 'barrier'>
  channel: string
  label: string
  targetId?: number | null
}

/** Starts capturing: later writes on this connection belong to the returned action (until `endCapture`). */
const captureStmts = new WeakMap<Db, { next: Statement; clear: Statement; set: Statement }>()
/** The three statements every call runs, prepared once per connection. */
function stmts(db: Db) {
  let s = captureStmts.get(db)
  if (!s) {
    s = {
      next: db.prepare('SELECT coalesce(max(id), 0) + 1 AS id FROM history_actions'),
      clear: db.prepare('DELETE FROM capture'),
      set: db.prepare('INSERT INTO capture (action_id, kind, channel, label, target_id, hlc, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    }
    captureStmts.set(db, s)
  }
  return s
}

export function beginCapture(db: Db, spec: CaptureSpec, now: Date): number {
  const s = stmts(db)
  const id = (s.next.get() as { id: number }).id
  s.clear.run()
  s.set.run(
    id,
    spec.kind,
    spec.channel,
    spec.label,
    spec.targetId ?? null,
    nextHlc(db, now.getTime()),
    now.toISOString(),
  )
  return id
}

export function endCapture(db: Db): void {
  if (db.open) stmts(db).clear.run()
}

export function isCapturing(db: Db): boolean {
  return db.prepare('SELECT 1 FROM capture').get() !== undefined
}

/** Rows changed on this connection so far (SQLite's total_changes()). */
export function totalChanges(db: Db): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n
}

/** Records that something changed outside the log (an import, a restore): undo does not reach past it. */
export function recordBarrier(db: Db, channel: string, label: string, now: Date): void {
  db.prepare(
    "INSERT INTO history_actions (kind, channel, label, hlc, created_at) VALUES ('barrier', ?, ?, ?, ?)",
  ).run(channel, label, nextHlc(db, now.getTime()), now.toISOString())
}

const lastBarrier = `coalesce((SELECT max(id) FROM history_actions WHERE kind = 'barrier'), 0)`

/** The action Undo would revert: the newest done or redone one not undone yet, after the last barrier. */
export function undoCandidate(db: Db): ActionRow | null {
  return (
    (db
      .prepare(
        `SELECT * FROM history_actions WHERE kind IN ('do', 'redo') AND undone = 0 AND id > ${lastBarrier} ORDER BY id DESC LIMIT 1`,
      )
      .get() as ActionRow | undefined) ?? null
  )
}

/** The undo Redo would replay: the newest undo not redone yet, with no new action or barrier after it. */
export function redoCandidate(db: Db): ActionRow | null {
  return (
    (db
      .prepare(
        `SELECT * FROM history_actions WHERE kind = 'undo' AND redone = 0
           AND id > coalesce((SELECT max(id) FROM history_actions WHERE kind IN ('do', 'barrier')), 0)
         ORDER BY id DESC LIMIT 1`,
      )
      .get() as ActionRow | undefined) ?? null
  )
}

export function getAction(db: Db, id: number): ActionRow | null {
  return (db.prepare('SELECT * FROM history_actions WHERE id = ?').get(id) as ActionRow | undefined) ?? null
}

export function actionChanges(db: Db, actionId: number): ChangeRow[] {
  return db.prepare('SELECT * FROM changes WHERE action_id = ? ORDER BY seq').all(actionId) as ChangeRow[]
}

export function markUndone(db: Db, id: number, undone: boolean): void {
  db.prepare('UPDATE history_actions SET undone = ? WHERE id = ?').run(undone ? 1 : 0, id)
}

export function markRedone(db: Db, id: number): void {
  db.prepare('UPDATE history_actions SET redone = 1 WHERE id = ?').run(id)
}

export function recentActions(db: Db, limit: number): ActionRow[] {
  return db
    .prepare(`SELECT * FROM history_actions WHERE kind <> 'auto' ORDER BY id DESC LIMIT ?`)
    .all(limit) as ActionRow[]
}

function assertCaptured(table: string): asserts table is CapturedTable {
  if (!(CAPTURED_TABLES as readonly string[]).includes(table)) throw new AppError('INVALID_FILE', `The change log names an unknown table (${table}).`)
}

function whereKey(info: TableInfo): string {
  return info.pk.map((c, i) => `${q(c)} IS json_extract(?, '$[${i}]')`).join(' AND ')
}

function rowExists(db: Db, table: string, info: TableInfo, pk: string): boolean {
  return db.prepare(`SELECT 1 FROM main.${q(table)} WHERE ${whereKey(info)}`).get(...info.pk.map(() => pk)) !== undefined
}

function insertRow(db: Db, table: string, info: TableInfo, json: string): void {
  const typeOf = db.prepare('SELECT json_type(?, ?) AS t')
  const present = info.cols.filter((c) => (typeOf.get(json, `$."${c}"`) as { t: string | null }).t !== null)
  db.prepare(
    `INSERT INTO main.${q(table)} (${present.map(q).join(', ')}) SELECT ${present.map((c) => `json_extract(?, ${lit(`$."${c}"`)})`).join(', ')}`,
  ).run(...present.map(() => json))
}

function deleteRow(db: Db, table: string, info: TableInfo, pk: string): void {
  db.prepare(`DELETE FROM main.${q(table)} WHERE ${whereKey(info)}`).run(...info.pk.map(() => pk))
}

/**
 * Plays an action's changes backwards (undo) or forwards again (redo). Before
 * each step it checks that the row is as the action left it (or found it);
 * when something changed it since, nothing is applied and the error says what.
 */
export function replayChanges(db: Db, changes: ChangeRow[], direction: 'backward' | 'forward', label: string): void {
  const list = direction === 'backward' ? [...changes].reverse() : changes
  const verb = direction === 'backward' ? 'undo' : 'redo'
  const conflict = (what: string) =>
    new AppError('CONFLICT', `Cannot ${verb} “${label}”: ${what} was changed since. Nothing was changed.`)
  for (const c of list) {
    assertCaptured(c.tbl)
    const info = tableInfo(db, c.tbl)
    const thing = c.tbl === 'people' ? 'a person' : c.tbl === 'introductions' ? 'an introduction' : `a row of ${c.tbl.replace(/_/g, ' ')}`
    const creates = (c.op === 'insert') === (direction === 'forward')
    if (c.op === 'update') {
      if (!c.col || !info.cols.includes(c.col)) throw new AppError('INVALID_FILE', `The change log names an unknown column (${c.tbl}.${c.col}).`)
      const expected = direction === 'backward' ? c.new_value : c.old_value
      const target = direction === 'backward' ? c.old_value : c.new_value
      const cur = db
        .prepare(`SELECT ${q(c.col)} IS ? AS same FROM main.${q(c.tbl)} WHERE ${whereKey(info)}`)
        .get(expected, ...info.pk.map(() => c.pk)) as { same: number } | undefined
      if (!cur || cur.same !== 1) throw conflict(thing)
      db.prepare(`UPDATE main.${q(c.tbl)} SET ${q(c.col)} = ? WHERE ${whereKey(info)}`).run(target, ...info.pk.map(() => c.pk))
    } else if (creates) {
      if (rowExists(db, c.tbl, info, c.pk)) throw conflict(thing)
      insertRow(db, c.tbl, info, String(c.op === 'insert' ? c.new_value : c.old_value))
    } else {
      if (!rowExists(db, c.tbl, info, c.pk)) throw conflict(thing)
      deleteRow(db, c.tbl, info, c.pk)
    }
  }
}

/** A person's name for an action's label, or null. */
export function personName(db: Db, id: unknown): string | null {
  if (typeof id !== 'string') return null
  return (db.prepare('SELECT name FROM people WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? null
}

/** "Ben Brooks to Ann Alder" for an introduction's label, or null. */
export function introductionNames(db: Db, id: unknown): { referrer: string; receiver: string; prospect: string } | null {
  if (typeof id !== 'string') return null
  return (
    (db
      .prepare(
        `SELECT r.name AS referrer, v.name AS receiver, p.name AS prospect FROM introductions i
           JOIN people r ON r.id = i.referrer_id JOIN people v ON v.id = i.receiver_id JOIN people p ON p.id = i.prospect_id
         WHERE i.id = ?`,
      )
      .get(id) as { referrer: string; receiver: string; prospect: string } | undefined) ?? null
  )
}

export function groupName(db: Db, id: unknown): string | null {
  if (typeof id !== 'string') return null
  return (db.prepare('SELECT name FROM groups WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? null
}

/** The newest change's sequence number (0 when none): moves on with every logged write. */
export function lastChangeSeq(db: Db): number {
  return (db.prepare('SELECT coalesce(max(seq), 0) AS s FROM changes').get() as { s: number }).s
}
