import Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { assertKnownVersion, migrate } from './migrate'
import { installCapture } from './history'

export type Db = Database.Database

/** 'RFMP' — marks a SQLite file as a Referral Map network. */
export const APPLICATION_ID = 0x52464d50

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron); see native.ts. */
  nativeBinding?: string
  /** Create and migrate a new file when it does not exist (default true). */
  create?: boolean
  readonly?: boolean
}

/**
 * Connection settings, set once when a network is opened (before any temp
 * table exists: SQLite refuses to change temp_store inside a transaction, and
 * outside one it silently drops the temp schema). A 64 MB page cache (an upper
 * bound, filled on demand) keeps index pages of bulk writes in memory, and
 * temp tables and statement journals live in memory (a table with triggers,
 * like people, writes one per INSERT; on disk that made large imports several
 * times slower).
 */
export function configure(db: Db): void {
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  // Short on purpose: better-sqlite3 waits for a lock with the event loop blocked. Dispatch tries a
  // locked call again after async waits (BUSY_BACKOFF_MS) and then answers BUSY.
  db.pragma('busy_timeout = 50')
  db.pragma('synchronous = NORMAL')
  db.pragma('temp_store = MEMORY')
  db.pragma('cache_size = -65536')
}

/**
 * Opens (and migrates) a network database. A file that is not SQLite, is not a
 * Referral Map network, or comes from a newer version is refused with INVALID_FILE
 * and left exactly as it was.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  let db: Db
  try {
    db = new Database(file, {
      fileMustExist: opts.create === false,
      readonly: opts.readonly ?? false,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    })
  } catch (e) {
    throw new AppError('INVALID_FILE', `Cannot open ${file}: ${(e as Error).message}`)
  }
  try {
    // Reading the header fails fast on a file that is not a database. Nothing is
    // written (not even the journal mode) until the file is known to be ours and
    // not from a newer version.
    const appId = db.pragma('application_id', { simple: true }) as number
    const version = db.pragma('user_version', { simple: true }) as number
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n
    if (appId !== APPLICATION_ID && (appId !== 0 || tables > 0 || version !== 0)) {
      throw new AppError(
        'INVALID_FILE',
        appId === 0
          ? `${file} is a SQLite database, but not a Referral Map network.`
          : `${file} is not a Referral Map network.`,
      )
    }
    assertKnownVersion(version)
    if (!opts.readonly) {
      configure(db)
      migrate(db)
      optimize(db)
      installCapture(db)
    }
    return db
  } catch (e) {
    db.close()
    if (e instanceof AppError) throw e
    const msg = (e as Error).message
    if (/not a database|file is encrypted|malformed/i.test(msg)) {
      throw new AppError('INVALID_FILE', `${file} is not a Referral Map network (${msg}).`)
    }
    throw e
  }
}

/**
 * Refreshes the planner's statistics where they are missing or stale (SQLite's
 * recommendation for long-lived connections; cheap when nothing changed).
 * Bounded by analysis_limit, so it stays fast on large networks.
 */
export function optimize(db: Db): void {
  db.pragma('analysis_limit = 1000')
  db.pragma('optimize = 0x10002')
}

/**
 * Bulk loads (the bench, large imports): drops the secondary indexes of `tables`,
 * runs fn, and builds them again, which is much faster than maintaining them row
 * by row. Call inside a transaction: if fn or a rebuild fails, everything rolls
 * back, indexes included. Primary keys and UNIQUE indexes stay in place.
 */
export function withIndexesDeferred<T>(db: Db, tables: readonly string[], fn: () => T, opts: { pauseTriggers?: readonly string[] } = {}): T {
  if (!db.inTransaction) throw new Error('withIndexesDeferred must run inside a transaction.')
  // Triggers the caller knows cannot fire for its rows (their WHEN is false for every one): dropped for the
  // load and put back after it, because merely having an AFTER INSERT trigger costs SQLite a statement
  // journal per row (about half of a people insert).
  const triggers = (opts.pauseTriggers ?? []).map((name) => {
    const t = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").get(name) as { sql: string } | undefined
    if (!t) throw new Error(`No trigger ${name} to pause.`)
    db.exec(`DROP TRIGGER "${name.replace(/"/g, '""')}"`)
    return t.sql
  })
  const marks = tables.map(() => '?').join(', ')
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
         AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (${marks}) ORDER BY name`,
    )
    .all(...tables) as { name: string; sql: string }[]
  for (const i of indexes) db.exec(`DROP INDEX "${i.name.replace(/"/g, '""')}"`)
  const out = fn()
  for (const i of indexes) db.exec(i.sql)
  for (const sql of triggers) db.exec(sql)
  return out
}

/** Runs fn in one IMMEDIATE transaction: one user action, all or nothing. */
export function tx<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate()
}

/** What a network file's header says, read through a read-only connection (no write, not even the journal mode). */
export function readNetworkHeader(file: string): { appId: number; version: number; integrity: string } {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const appId = db.pragma('application_id', { simple: true }) as number
    const version = db.pragma('user_version', { simple: true }) as number
    const integrity = appId === APPLICATION_ID && version > 0 ? (db.pragma('integrity_check', { simple: true }) as string) : 'not checked'
    return { appId, version, integrity }
  } finally {
    db.close()
  }
}

/**
 * Replaces every table's rows of the open network with those of another network
 * file (a backup, already migrated), in the caller's transaction; columns the
 * other file lacks keep their defaults.
 */
export function replaceContentsFrom(db: Db, file: string, inTx: (fn: () => void) => void): void {
  db.prepare('ATTACH DATABASE ? AS src').run(file)
  try {
    inTx(() => {
      db.pragma('defer_foreign_keys = ON')
      const tables = (
        db.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'").all() as { name: string }[]
      ).map((t) => t.name)
      for (const t of tables) db.prepare(`DELETE FROM main."${t}"`).run()
      for (const t of tables) {
        const srcCols = new Set((db.prepare(`SELECT name FROM pragma_table_info(?, 'src')`).all(t) as { name: string }[]).map((c) => c.name))
        const cols = (db.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).all(t) as { name: string }[]).map((c) => c.name).filter((c) => srcCols.has(c))
        if (cols.length === 0) continue
        const list = cols.map((c) => `"${c}"`).join(', ')
        db.prepare(`INSERT INTO main."${t}" (${list}) SELECT ${list} FROM src."${t}"`).run()
      }
    })
  } finally {
    db.prepare('DETACH DATABASE src').run()
  }
}
