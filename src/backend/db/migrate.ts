import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { migrations, type Migration } from './migrations'

/** Highest schema version this build knows. */
export const SCHEMA_VERSION = Math.max(...migrations.map((m) => m.version))

/** Refuses a schema version newer than this build knows (before anything is written). */
export function assertKnownVersion(current: number, list: readonly Migration[] = migrations): void {
  const latest = Math.max(0, ...list.map((m) => m.version))
  if (current > latest) {
    throw new AppError(
      'INVALID_FILE',
      `This network was saved by a newer version of Referral Map (schema ${current}; this app knows up to ${latest}). Update the app to open it.`,
    )
  }
}

/**
 * Applies every migration newer than `PRAGMA user_version` (its SQL text), each
 * in its own transaction. A database from a newer app version is refused, never altered.
 */
export function migrate(db: Database.Database, list: readonly Migration[] = migrations): number {
  const current = db.pragma('user_version', { simple: true }) as number
  assertKnownVersion(current, list)
  const pending = [...list].filter((m) => m.version > current).sort((a, b) => a.version - b.version)
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
    }).immediate()
  }
  return db.pragma('user_version', { simple: true }) as number
}

/** The schema version of an open network. */
export function schemaVersionOf(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number
}
