import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { migrate, SCHEMA_VERSION } from '../../../src/backend/db/migrate'
import { migrations, type Migration } from '../../../src/backend/db/migrations'

describe('migrate', () => {
  it('knows numbered, unique, ordered migrations', () => {
    const versions = migrations.map((m) => m.version)
    expect(new Set(versions).size).toBe(versions.length)
    expect([...versions].sort((a, b) => a - b)).toEqual(versions)
    expect(versions[0]).toBe(10)
    expect(SCHEMA_VERSION).toBe(Math.max(...versions))
    for (const m of migrations) expect(m.name, String(m.version)).toMatch(/^[a-z0-9-]+$/)
  })

  it('applies only the pending migrations, in order, one transaction each', () => {
    const db = new Database(':memory:')
    db.exec('CREATE TABLE applied (v INTEGER) STRICT')
    const applied = () => (db.prepare('SELECT v FROM applied ORDER BY rowid').all() as { v: number }[]).map((r) => r.v)
    const list: Migration[] = [30, 10, 20].map((v) => ({
      version: v,
      name: `m${v}`,
      sql: `INSERT INTO applied (v) VALUES (${v}); CREATE TABLE t${v} (x INTEGER) STRICT;`,
    }))
    expect(migrate(db, list.slice(1))).toBe(20)
    expect(applied()).toEqual([10, 20])
    expect(migrate(db, list)).toBe(30)
    expect(applied()).toEqual([10, 20, 30])
    db.close()
  })

  it('a failing migration is rolled back and the version stays where it was', () => {
    const db = new Database(':memory:')
    const list: Migration[] = [
      { version: 10, name: 'ok', sql: 'CREATE TABLE a (x INTEGER) STRICT' },
      { version: 20, name: 'broken', sql: 'CREATE TABLE b (x INTEGER) STRICT; INSERT INTO boom (x) VALUES (1);' },
    ]
    expect(() => migrate(db, list)).toThrow(/no such table: boom/)
    expect(db.pragma('user_version', { simple: true })).toBe(10)
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name)
    expect(tables).toEqual(['a'])
    db.close()
  })

  it('every real migration applies cleanly on top of the previous ones', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    for (const m of migrations) {
      const upTo = migrations.filter((x) => x.version <= m.version)
      expect(migrate(db, upTo), m.name).toBe(m.version)
    }
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})
