import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, it } from 'vitest'
import { migrate } from '../../../src/backend/db/migrate'
import { migrations } from '../../../src/backend/db/migrations'

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

it('0060 adds people.merged_into_id (a reference to a person, empty for existing people), at version 60', () => {
  dir = mkdtempSync(join(tmpdir(), 'rm-mig-'))
  const db = new Database(join(dir, 'n.db'))
  db.pragma('foreign_keys = ON')
  expect(migrate(db, migrations.filter((m) => m.version < 60))).toBeLessThan(60)
  const now = '2026-01-01T00:00:00.000Z'
  const add = db.prepare('INSERT INTO people (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
  add.run('p1', 'A', 'a', now, now)
  add.run('p2', 'B', 'b', now, now)
  expect(migrate(db, migrations.filter((m) => m.version <= 60))).toBe(60)
  expect(db.prepare("SELECT merged_into_id FROM people WHERE id = 'p1'").get()).toEqual({ merged_into_id: null })
  db.prepare("UPDATE people SET merged_into_id = 'p2', deleted_at = ? WHERE id = 'p1'").run(now)
  expect(() => db.prepare("UPDATE people SET merged_into_id = 'nobody' WHERE id = 'p2'").run()).toThrow(/FOREIGN KEY/)
  expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'people_by_merged_into'").get()).toEqual({ name: 'people_by_merged_into' })
  db.close()
})
