import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate } from '../../../src/backend/db/migrate'
import { migrations } from '../../../src/backend/db/migrations'
import { calendarSql, summaryDdl } from '../../../src/backend/db/analyticsSchema'
import { monthTotals, periodCounts, rebuildSummaries } from '../../../src/backend/db/analytics'

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function open(): Database.Database {
  dir = mkdtempSync(join(tmpdir(), 'rm-mig70-'))
  const db = new Database(join(dir, 'n.db'))
  db.pragma('foreign_keys = ON')
  return db
}

/** Every summary object (tables, their indexes, the view, the triggers) with its SQL. */
const summaryObjects = (db: Database.Database) =>
  db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_schema
       WHERE name LIKE 'analytics%' OR name LIKE 'sqlite_autoindex_analytics%' ORDER BY type, name`,
    )
    .all()

const now = '2026-01-01T00:00:00.000Z'
function seed(db: Database.Database) {
  const person = db.prepare('INSERT INTO people (id, name, name_key, is_me, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
  person.run('me', 'Me', 'me', 1, now, now)
  person.run('a', 'A', 'a', 0, now, now)
  person.run('p', 'P', 'p', 0, now, now)
  const intro = db.prepare(
    `INSERT INTO introductions (id, referrer_id, receiver_id, prospect_id, date, kind, origin, status, status_date, value_minor, currency, created_at, updated_at)
     VALUES (?, ?, ?, 'p', ?, 'referral', 'inbound', ?, ?, ?, ?, ?, ?)`,
  )
  return intro
}

describe('migration 0070 summaries by currency', () => {
  it('a migrated database has exactly the summary objects the live definition (analyticsSchema.ts) creates', () => {
    const migrated = open()
    migrate(migrated)
    const fresh = new Database(':memory:')
    fresh.exec(migrations.find((m) => m.version === 10)!.sql)
    fresh.exec(summaryDdl())
    fresh.exec(calendarSql())
    expect(summaryObjects(migrated)).toEqual(summaryObjects(fresh))
    expect(summaryObjects(migrated).length).toBeGreaterThan(10)
    expect(migrated.prepare('SELECT count(*) AS n FROM analytics_calendar').get()).toEqual(fresh.prepare('SELECT count(*) AS n FROM analytics_calendar').get())
    fresh.close()
    migrated.close()
  })

  it('keeps introductions recorded before it, splits their money by currency and follows later writes', () => {
    const db = open()
    expect(migrate(db, migrations.filter((m) => m.version < 70))).toBeLessThan(70)
    const intro = seed(db)
    db.prepare('UPDATE analytics_state SET stale = 0').run() // the 0020 triggers live
    intro.run('i1', 'a', 'me', '2025-03-10', 'won', '2025-04-09', 240000, 'GBP', now, now)
    intro.run('i2', 'a', 'me', '2025-03-20', 'won', '2025-03-30', 100000, 'EUR', now, now)
    intro.run('i3', 'a', 'me', '2025-03-25', 'lost', '2025-03-30', null, null, now, now)
    // The defect: the 0020 summaries add GBP 2,400 to EUR 1,000.
    expect(db.prepare("SELECT r_won_value FROM analytics_partner WHERE partner_id = 'a'").get()).toEqual({ r_won_value: 340000 })
    expect(migrate(db, migrations.filter((m) => m.version <= 70))).toBe(70)
    expect(db.prepare('SELECT stale FROM analytics_state').get()).toEqual({ stale: 1 })
    const all = periodCounts(db, { fromMonth: null, toMonth: null }).get('a')!
    expect([...all.keys()].sort()).toEqual(['', 'EUR', 'GBP'])
    expect(all.get('GBP')).toMatchObject({ r_n: 1, r_won: 1, r_won_value: 240000, r_won_days: 30 })
    expect(all.get('EUR')).toMatchObject({ r_n: 1, r_won: 1, r_won_value: 100000, r_won_days: 10 })
    expect(all.get('')).toMatchObject({ r_n: 1, r_lost: 1, r_won_value: 0 })
    // Triggers: a change of currency moves the money from one total to the other.
    db.prepare("UPDATE introductions SET currency = 'EUR' WHERE id = 'i1'").run()
    const after = periodCounts(db, { fromMonth: '2025-03', toMonth: '2025-03' }).get('a')!
    expect(after.get('GBP')).toBeUndefined()
    expect(after.get('EUR')).toMatchObject({ r_n: 2, r_won: 2, r_won_value: 340000 })
    expect(monthTotals(db, { fromMonth: null, toMonth: null })).toEqual([
      { month: '2025-03', counts: new Map([['', expect.objectContaining({ r_n: 1 })], ['EUR', expect.objectContaining({ r_won_value: 340000 })]]) },
    ])
    // ...and the triggers agree with a rebuild from scratch.
    const incremental = { p: periodCounts(db, { fromMonth: null, toMonth: null }), m: monthTotals(db, { fromMonth: null, toMonth: null }) }
    rebuildSummaries(db)
    expect({ p: periodCounts(db, { fromMonth: null, toMonth: null }), m: monthTotals(db, { fromMonth: null, toMonth: null }) }).toEqual(incremental)
    db.close()
  })
})
