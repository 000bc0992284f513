import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type Database from 'better-sqlite3'
import { createTestApp, type TestApp } from '../../helpers/ctx'
import { generateNetwork } from '../../../src/core/sample/generator'
import { insertNetwork } from '../../../src/backend/db/bulk'
import { tx } from '../../../src/backend/db/connection'

interface Captured {
  sql: string
  args: unknown[]
}

/**
 * Runs fn while recording every statement it executes with its parameters, then
 * returns each statement's EXPLAIN QUERY PLAN. The hot queries are asserted on
 * the plans SQLite really uses, not on SQL text.
 */
function plansOf(db: Database.Database, fn: () => unknown): { sql: string; plan: string[] }[] {
  const captured: Captured[] = []
  const original = db.prepare
  const prepare = original.bind(db)
  db.prepare = ((sql: string) => {
    const st = prepare(sql)
    for (const m of ['all', 'get', 'run', 'iterate'] as const) {
      const f = (st[m] as (...a: unknown[]) => unknown).bind(st)
      Object.defineProperty(st, m, {
        value: (...args: unknown[]) => {
          captured.push({ sql, args })
          return f(...args)
        },
      })
    }
    return st
  }) as typeof db.prepare
  try {
    fn()
  } finally {
    db.prepare = original
  }
  return captured.map(({ sql, args }) => ({
    sql,
    plan: (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail),
  }))
}

/** A full pass over introductions (with or without an index) is what must never happen on these paths. */
const scansIntroductions = (line: string) => /^SCAN (i|introductions)\b/.test(line)

describe('query plans of the hot lists', () => {
  let app: TestApp
  let busiest: string
  beforeAll(() => {
    app = createTestApp()
    const db = app.ctx.store.db
    const net = generateNetwork({ people: 2000, introsPerPerson: 10, seed: 7, today: '2026-06-01' })
    tx(db, () => insertNetwork(db, net, '2026-06-01T00:00:00.000Z'))
    busiest = (
      db
        .prepare(
          "SELECT referrer_id AS id FROM introductions i JOIN people p ON p.id = i.referrer_id WHERE p.is_me = 0 GROUP BY referrer_id ORDER BY count(*) DESC LIMIT 1",
        )
        .get() as { id: string }
    ).id
  }, 120_000)
  afterAll(() => app.close())

  it('people:list, first page by name, walks the name index and stops at the page', async () => {
    const db = app.ctx.store.db
    const { listPeople } = await import('../../../src/backend/db/people')
    const { getMeId } = await import('../../../src/backend/db/people')
    const plans = plansOf(db, () =>
      listPeople(db, { sort: 'name', dir: 'asc', offset: 0, limit: 50, includeArchived: false }, getMeId(db)),
    )
    const page = plans.find((p) => /LIMIT/i.test(p.sql))!
    expect(page, 'the page query').toBeDefined()
    const text = page.plan.join('\n')
    expect(text).toMatch(/people_by_name/)
    expect(text).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/)
    for (const p of plans) for (const line of p.plan) expect(scansIntroductions(line), `${line}\n${p.sql}`).toBe(false)
    // The per-row counts (received from / given to) come from that person's own index
    // rows, never from "your" side, which is on most introductions.
    expect(text).toMatch(/SEARCH i USING INDEX intros_by_referrer \(referrer_id=\?\)/)
    expect(text).toMatch(/SEARCH i USING INDEX intros_by_receiver \(receiver_id=\?\)/)
  })

  it('a partner\'s introduction list (referrerId) searches the referrer index', async () => {
    const db = app.ctx.store.db
    const { listIntroductions } = await import('../../../src/backend/db/introductions')
    const plans = plansOf(db, () => listIntroductions(db, { referrerId: busiest, sort: 'date', dir: 'desc', offset: 0, limit: 50 }))
    expect(plans.length).toBeGreaterThan(0)
    for (const p of plans) {
      for (const line of p.plan) expect(scansIntroductions(line), `${line}\n${p.sql}`).toBe(false)
      expect(p.plan.join('\n')).toMatch(/SEARCH i USING (COVERING )?INDEX intros_by_referrer \(referrer_id=\?/)
      // Joined names come by primary key, not by scanning people.
      for (const line of p.plan) expect(line).not.toMatch(/^SCAN (p|r|v|people)\b/)
    }
    // Counting a partner's introductions needs no names: the index alone answers it.
    const count = plans.find((p) => /count\(\*\)/.test(p.sql))!
    expect(count.plan.join('\n')).toMatch(/^SEARCH i USING (COVERING )?INDEX intros_by_referrer/)
    expect(count.plan.join('\n')).not.toMatch(/people/)
  })

  it('a person\'s introductions in any role (personId) use the three role indexes', async () => {
    const db = app.ctx.store.db
    const { listIntroductions } = await import('../../../src/backend/db/introductions')
    const plans = plansOf(db, () => listIntroductions(db, { personId: busiest, sort: 'date', dir: 'desc', offset: 0, limit: 50 }))
    for (const p of plans) {
      const text = p.plan.join('\n')
      for (const line of p.plan) expect(scansIntroductions(line), `${text}\n${p.sql}`).toBe(false)
      expect(text).toMatch(/intros_by_referrer/)
      expect(text).toMatch(/intros_by_receiver/)
      expect(text).toMatch(/intros_by_prospect/)
    }
  })

  it('the lists return the right rows (the plans above are for real answers)', async () => {
    const page = await app.call('introductions:list', { referrerId: busiest, limit: 5 })
    expect(page.items).toHaveLength(5)
    expect(page.items.every((i) => i.referrerId === busiest)).toBe(true)
    const dates = page.items.map((i) => i.date)
    expect([...dates].sort().reverse()).toEqual(dates)
    const people = await app.call('people:list', { limit: 3 })
    expect(people.total).toBe(2000)
    expect(people.items).toHaveLength(3)
  })
})
