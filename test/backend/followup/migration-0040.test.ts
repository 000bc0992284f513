import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrations } from '../../../src/backend/db/migrations'
import { migrate } from '../../../src/backend/db/migrate'
import { configure } from '../../../src/backend/db/connection'

describe('migration 0040 followup', () => {
  let dir: string
  let db: Database.Database
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'referral-map-m0040-'))
    db = new Database(join(dir, 'n.referralmap'))
    configure(db)
    // The previous version: every migration before 0040.
    const before = migrations.filter((m) => m.version < 40)
    const upTo40 = migrations.filter((m) => m.version <= 40)
    expect(migrate(db, before)).toBe(Math.max(...before.map((m) => m.version)))
    db.prepare(
      `INSERT INTO people (id, name, name_key, created_at, updated_at) VALUES ('p1', 'Ana', 'ana', 't', 't')`,
    ).run()
    db.prepare(
      `INSERT INTO interactions (id, person_id, kind, date, created_at, updated_at) VALUES ('i1', 'p1', 'ask', '2026-01-01', 't', 't')`,
    ).run()
    expect(migrate(db, upTo40)).toBe(40)
  })
  afterEach(() => {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps existing interactions and adds answered_at', () => {
    const r = db.prepare('SELECT id, answered_at FROM interactions').get() as { id: string; answered_at: string | null }
    expect(r).toEqual({ id: 'i1', answered_at: null })
  })

  it('makes rule keys unique, but not manual tasks', () => {
    const ins = db.prepare(
      `INSERT INTO tasks (id, kind, title, due_date, rule_key, created_at, updated_at) VALUES (?, 'x', 't', '2026-01-01', ?, 't', 't') ON CONFLICT DO NOTHING`,
    )
    expect(ins.run('t1', 'ask-followup:i1').changes).toBe(1)
    expect(ins.run('t2', 'ask-followup:i1').changes).toBe(0)
    expect(ins.run('t3', null).changes).toBe(1)
    expect(ins.run('t4', null).changes).toBe(1)
    expect((db.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n).toBe(3)
  })

  it('uses the contact index for last contacted', () => {
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT max(date) FROM interactions WHERE person_id = 'p1' AND deleted_at IS NULL AND kind IN ('one_to_one', 'meeting', 'call')`,
      )
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX interactions_(contact_)?by_person/)
  })
})
