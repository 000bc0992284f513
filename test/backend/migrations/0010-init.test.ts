import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import m0010 from '../../../src/backend/db/migrations/0010-init'
import { migrate } from '../../../src/backend/db/migrate'
import { APPLICATION_ID, configure } from '../../../src/backend/db/connection'

const TABLES = [
  'people',
  'person_tags',
  'groups',
  'memberships',
  'introductions',
  'introduction_status_history',
  'interactions',
  'tasks',
  'settings',
]

describe('migration 0010 init', () => {
  let dir: string
  let db: Database.Database
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'referral-map-m0010-'))
    db = new Database(join(dir, 'n.referralmap'))
    configure(db)
    // The previous version: an empty database.
    expect(db.pragma('user_version', { simple: true })).toBe(0)
    expect(migrate(db, [m0010])).toBe(10)
  })
  afterEach(() => {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('sets user_version and the application id', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(10)
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
  })

  it('creates every table, all STRICT', () => {
    const list = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string
      strict: number
    }[]
    expect(list.map((t) => t.name).sort()).toEqual([...TABLES].sort())
    for (const t of list) expect(t.strict, t.name).toBe(1)
    // STRICT means a wrong type is an error, not a silent conversion.
    expect(() =>
      db.prepare("INSERT INTO people (id, name, name_key, cadence_days, created_at, updated_at) VALUES ('p', 'P', 'p', 'monthly', 'x', 'x')").run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/i)
  })

  it('gives referable rows timestamps and soft deletes', () => {
    for (const t of ['people', 'groups', 'introductions', 'interactions', 'tasks']) {
      const cols = (db.prepare(`SELECT name FROM pragma_table_info('${t}')`).all() as { name: string }[]).map((c) => c.name)
      expect(cols, t).toEqual(expect.arrayContaining(['id', 'created_at', 'updated_at', 'deleted_at']))
    }
  })

  it('enforces foreign keys', () => {
    const now = '2026-01-01T00:00:00.000Z'
    db.prepare('INSERT INTO people (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('a', 'A', 'a', now, now)
    expect(() =>
      db
        .prepare(
          `INSERT INTO introductions (id, referrer_id, receiver_id, prospect_id, date, kind, origin, status, status_date, created_at, updated_at)
           VALUES ('i', 'a', 'ghost', 'a', '2026-01-01', 'referral', 'inbound', 'new', '2026-01-01', ?, ?)`,
        )
        .run(now, now),
    ).toThrow(/FOREIGN KEY/)
    expect(() => db.prepare("INSERT INTO memberships (group_id, person_id, created_at) VALUES ('g', 'a', ?)").run(now)).toThrow(/FOREIGN KEY/)
  })

  it('checks the domain constraints', () => {
    const now = '2026-01-01T00:00:00.000Z'
    const ins = db.prepare('INSERT INTO people (id, name, name_key, is_me, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    expect(() => ins.run('x', '  ', 'x', 0, now, now)).toThrow(/CHECK/)
    ins.run('me', 'Me', 'me', 1, now, now)
    expect(() => ins.run('me2', 'Me 2', 'me 2', 1, now, now)).toThrow(/UNIQUE/)
    ins.run('b', 'B', 'b', 0, now, now)
    const intro = db.prepare(
      `INSERT INTO introductions (id, referrer_id, receiver_id, prospect_id, date, kind, origin, status, status_date, value_minor, warmth, created_at, updated_at)
       VALUES (?, 'b', 'me', 'b', '2026-01-01', 'referral', 'inbound', ?, '2026-01-01', ?, ?, ?, ?)`,
    )
    expect(() => intro.run('i1', 'won', -1, 3, now, now)).toThrow(/CHECK/)
    expect(() => intro.run('i2', 'maybe', 100, 3, now, now)).toThrow(/CHECK/)
    expect(() => intro.run('i3', 'won', 100, 6, now, now)).toThrow(/CHECK/)
    intro.run('i4', 'won', 100, 5, now, now)
  })

  it('has the indexes the lists and aggregates use', () => {
    const idx = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(
      (r) => r.name,
    )
    expect(idx).toEqual(
      expect.arrayContaining([
        'people_by_name',
        'people_by_email',
        'people_by_updated',
        'person_tags_by_tag',
        'memberships_by_person',
        'intros_by_date',
        'intros_by_referrer',
        'intros_by_receiver',
        'intros_by_prospect',
        'intros_by_status',
        'status_history_by_intro',
        'interactions_by_person',
        'interactions_by_intro',
        'tasks_open_by_due',
      ]),
    )
  })

  it('is applied once: migrating again changes nothing', () => {
    const schema = db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all()
    expect(migrate(db, [m0010])).toBe(10)
    expect(db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all()).toEqual(schema)
  })
})
