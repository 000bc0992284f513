import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { APPLICATION_ID, openDatabase, tx, withIndexesDeferred } from '../../../src/backend/db/connection'
import { migrate, SCHEMA_VERSION } from '../../../src/backend/db/migrate'
import { AppError } from '../../../src/shared/errors'

function refusal(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    return e as AppError
  }
  throw new Error('expected the file to be refused')
}

describe('openDatabase', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'referral-map-conn-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('creates, configures and migrates a new network', () => {
    const db = openDatabase(join(dir, 'a.referralmap'))
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
      // Short: dispatch retries a locked call after async waits instead of blocking the event loop (see configure()).
      expect(db.pragma('busy_timeout', { simple: true })).toBe(50)
      // Set once at open, before any temp table exists (an import changing it later failed after Reports).
      expect(db.pragma('temp_store', { simple: true })).toBe(2)
      expect(db.pragma('cache_size', { simple: true })).toBe(-65536)
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    } finally {
      db.close()
    }
    // Reopening is a no-op for the schema.
    const again = openDatabase(join(dir, 'a.referralmap'))
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    again.close()
  })

  it('refuses a network from a newer version with a clear message and leaves it byte-identical', () => {
    const file = join(dir, 'newer.referralmap')
    const raw = new Database(file)
    raw.pragma(`application_id = ${APPLICATION_ID}`)
    raw.exec('CREATE TABLE people (id TEXT PRIMARY KEY) STRICT')
    raw.pragma(`user_version = ${SCHEMA_VERSION + 100}`)
    raw.close()
    // A rollback-journal file: opening it must not even switch it to WAL.
    const before = readFileSync(file)
    const e = refusal(() => openDatabase(file))
    expect(e.code).toBe('INVALID_FILE')
    expect(e.message).toMatch(/newer version of Referral Map/)
    expect(e.message).toContain(String(SCHEMA_VERSION + 100))
    expect(readFileSync(file).equals(before)).toBe(true)
    expect(existsSync(`${file}-wal`)).toBe(false)
  })

  it('refuses a newer network that was last written in WAL mode, unchanged', () => {
    const file = join(dir, 'newer-wal.referralmap')
    const db = openDatabase(file)
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    db.close()
    const before = readFileSync(file)
    expect(refusal(() => openDatabase(file)).message).toMatch(/newer version/)
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('migrate() itself refuses a newer schema', () => {
    const db = new Database(':memory:')
    db.pragma('user_version = 99999')
    expect(() => migrate(db)).toThrow(/newer version/)
    expect(db.pragma('user_version', { simple: true })).toBe(99999)
    db.close()
  })

  it('refuses a file that is not SQLite, unchanged', () => {
    const file = join(dir, 'notes.referralmap')
    const content = Buffer.from('name,company\nAda,Acme\n'.repeat(300))
    writeFileSync(file, content)
    const e = refusal(() => openDatabase(file))
    expect(e.code).toBe('INVALID_FILE')
    expect(e.message).toMatch(/not a Referral Map network/)
    expect(readFileSync(file).equals(content)).toBe(true)
  })

  it('refuses a foreign SQLite database, unchanged', () => {
    const cases: [string, (db: Database.Database) => void][] = [
      ['tables', (db) => db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)')],
      ['tables+version', (db) => db.exec('CREATE TABLE t (x); PRAGMA user_version = 3')],
      ['only a version', (db) => db.pragma('user_version = 7')],
      ['other app id', (db) => db.pragma('application_id = 1234')],
    ]
    for (const [name, make] of cases) {
      const file = join(dir, `${name}.db`)
      const raw = new Database(file)
      make(raw)
      raw.close()
      const before = readFileSync(file)
      const e = refusal(() => openDatabase(file))
      expect(e.code, name).toBe('INVALID_FILE')
      expect(e.message, name).toMatch(/not a Referral Map network/)
      expect(readFileSync(file).equals(before), name).toBe(true)
    }
  })

  it('refuses a missing file when asked not to create one', () => {
    const file = join(dir, 'missing.referralmap')
    expect(refusal(() => openDatabase(file, { create: false })).code).toBe('INVALID_FILE')
    expect(existsSync(file)).toBe(false)
  })

  it('tx() is all or nothing', () => {
    const db = openDatabase(join(dir, 't.referralmap'))
    try {
      const now = '2026-01-01T00:00:00.000Z'
      const ins = db.prepare('INSERT INTO groups (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
      expect(() =>
        tx(db, () => {
          ins.run('g1', 'One', now, now)
          ins.run('g2', '', now, now) // CHECK fails
        }),
      ).toThrow(/CHECK/)
      expect(db.prepare('SELECT count(*) AS n FROM groups').get()).toEqual({ n: 0 })
    } finally {
      db.close()
    }
  })

  it('withIndexesDeferred rebuilds the same indexes, and rolls back with the transaction', () => {
    const db = openDatabase(join(dir, 'bulk.referralmap'))
    try {
      const schema = () => db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name").all()
      const before = schema()
      const now = '2026-01-01T00:00:00.000Z'
      const ins = db.prepare('INSERT INTO people (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      let dropped = -1
      tx(db, () =>
        withIndexesDeferred(db, ['people'], () => {
          dropped = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'people'").get() as { n: number }).n
          ins.run('a', 'Ann', 'ann', now, now)
        }),
      )
      expect(dropped).toBeLessThan(before.filter((i) => (i as { name: string }).name.startsWith('people_')).length)
      expect(schema()).toEqual(before)
      expect(db.prepare("SELECT count(*) AS n FROM people WHERE name_key = 'ann'").get()).toEqual({ n: 1 })
      expect(() =>
        tx(db, () =>
          withIndexesDeferred(db, ['people'], () => {
            ins.run('b', 'Bo', 'bo', now, now)
            throw new Error('import failed half-way')
          }),
        ),
      ).toThrow(/half-way/)
      expect(schema()).toEqual(before)
      expect(db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 1 })
      expect(() => withIndexesDeferred(db, ['people'], () => 1)).toThrow(/inside a transaction/)
      // Paused triggers are gone during the load and back after it, also when the load fails.
      const triggers = () => db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all()
      const trigBefore = triggers()
      let during = -1
      tx(db, () =>
        withIndexesDeferred(db, ['people'], () => {
          during = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'analytics_me_insert'").get() as { n: number }).n
        }, { pauseTriggers: ['analytics_me_insert'] }),
      )
      expect(during).toBe(0)
      expect(triggers()).toEqual(trigBefore)
      expect(() =>
        tx(db, () => withIndexesDeferred(db, ['people'], () => { throw new Error('failed') }, { pauseTriggers: ['analytics_me_insert'] })),
      ).toThrow(/failed/)
      expect(triggers()).toEqual(trigBefore)
      expect(() => tx(db, () => withIndexesDeferred(db, ['people'], () => 1, { pauseTriggers: ['no_such_trigger'] }))).toThrow(/No trigger/)
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      db.close()
    }
  })
})
