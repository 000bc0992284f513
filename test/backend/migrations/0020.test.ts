import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, it } from 'vitest'
import { migrate } from '../../../src/backend/db/migrate'
import { migrations } from '../../../src/backend/db/migrations'
import { ensureSummaries, periodCounts } from '../../../src/backend/db/analytics'

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

it('0020 adds the scorecard summaries, which cover introductions recorded before it and follow later writes', () => {
  dir = mkdtempSync(join(tmpdir(), 'rm-mig-'))
  const db = new Database(join(dir, 'n.db'))
  db.pragma('foreign_keys = ON')
  expect(migrate(db, migrations.filter((m) => m.version < 20))).toBe(10)
  const now = '2026-01-01T00:00:00.000Z'
  const person = db.prepare('INSERT INTO people (id, name, name_key, is_me, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
  person.run('me', 'Me', 'me', 1, now, now)
  person.run('a', 'A', 'a', 0, now, now)
  person.run('p', 'P', 'p', 0, now, now)
  const intro = db.prepare(
    `INSERT INTO introductions (id, referrer_id, receiver_id, prospect_id, date, kind, origin, status, status_date, value_minor, created_at, updated_at)
     VALUES (?, ?, ?, 'p', ?, 'referral', 'inbound', ?, ?, ?, ?, ?)`,
  )
  intro.run('i1', 'a', 'me', '2025-03-10', 'won', '2025-04-09', 250000, now, now)
  expect(migrate(db, migrations.filter((m) => m.version <= 20))).toBe(20)
  expect(db.prepare("SELECT count(*) AS n FROM analytics_calendar WHERE month BETWEEN '2000-01' AND '2000-12'").get()).toEqual({ n: 12 })
  // Starts stale: the first read rebuilds from the introduction recorded before the migration.
  expect(db.prepare('SELECT stale FROM analytics_state').get()).toEqual({ stale: 1 })
  // The 0020 triggers (read with plain SQL: today's queries read the 0070 schema) follow writes once fresh.
  db.prepare('UPDATE analytics_state SET stale = 0').run()
  intro.run('i2', 'me', 'a', '2025-05-01', 'lost', '2025-05-02', null, now, now)
  expect(db.prepare("SELECT partner_id, month, r_n, g_n, g_lost FROM analytics_cum WHERE month = '2025-05'").all()).toEqual([
    { partner_id: 'a', month: '2025-05', r_n: 0, g_n: 1, g_lost: 1 },
  ])
  expect(() => db.prepare("INSERT INTO analytics_cum (partner_id, month, r_n) VALUES ('a', '2025-01', 'x')").run()).toThrow()
  // Up to today's schema: the first read rebuilds from every introduction.
  migrate(db)
  ensureSummaries(db)
  expect(db.prepare('SELECT stale FROM analytics_state').get()).toEqual({ stale: 0 })
  const all = periodCounts(db, { fromMonth: null, toMonth: null })
  expect(all.get('a')?.get('')).toMatchObject({ r_n: 1, r_won: 1, r_won_value: 250000, r_won_days: 30, g_n: 1, g_lost: 1 })
  db.close()
})
