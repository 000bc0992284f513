import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, it } from 'vitest'
import { migrate } from '../../../src/backend/db/migrate'
import { migrations } from '../../../src/backend/db/migrations'

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

it('0030 adds graph_positions, removed with the person, at version 30', () => {
  dir = mkdtempSync(join(tmpdir(), 'rm-mig-'))
  const db = new Database(join(dir, 'n.db'))
  db.pragma('foreign_keys = ON')
  expect(migrate(db, migrations.filter((m) => m.version < 30))).toBeLessThan(30)
  expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'graph_positions'").get()).toBeUndefined()
  const now = '2026-01-01T00:00:00.000Z'
  db.prepare("INSERT INTO people (id, name, name_key, created_at, updated_at) VALUES ('p1', 'A', 'a', ?, ?)").run(now, now)
  expect(migrate(db, migrations.filter((m) => m.version <= 30))).toBe(30)
  db.prepare('INSERT INTO graph_positions (person_id, x, y, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('p1', 1.5, -2, now, now)
  expect(db.prepare('SELECT x, y FROM graph_positions').get()).toEqual({ x: 1.5, y: -2 })
  expect(() =>
    db.prepare('INSERT INTO graph_positions (person_id, x, y, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('nobody', 0, 0, now, now),
  ).toThrow(/FOREIGN KEY/)
  expect(() => db.prepare("UPDATE graph_positions SET x = 'left'").run()).toThrow()
  db.prepare("DELETE FROM people WHERE id = 'p1'").run()
  expect(db.prepare('SELECT count(*) AS n FROM graph_positions').get()).toEqual({ n: 0 })
  db.close()
})
