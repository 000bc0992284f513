import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { createTestApp, type TestApp } from '../../helpers/ctx'
import { monthTotals, periodCounts, rebuildSummaries } from '../../../src/backend/db/analytics'
import { countByPartner, type IntroFact } from '../../../src/core/analytics/counts'
import type { Counts } from '../../../src/core/analytics/counts'

const MONTHS = ['2025-01', '2025-02', '2025-05', '2025-06', '2025-12', '2026-01', '2026-03']
const RANGES: { fromMonth: string | null; toMonth: string | null }[] = [
  { fromMonth: null, toMonth: null },
  { fromMonth: '2025-01', toMonth: '2025-01' },
  { fromMonth: '2025-02', toMonth: '2025-06' },
  { fromMonth: '2025-06', toMonth: '2026-02' },
  { fromMonth: '2025-12', toMonth: '2026-12' },
  { fromMonth: '2024-01', toMonth: '2024-12' },
]

type Op =
  | { op: 'create'; ref: number; rec: number; month: number; day: number; status: string; value: number | null; kind: string; origin: string; currency: string | null }
  | { op: 'currency'; which: number; currency: string }
  | { op: 'status'; which: number; status: string; addDays: number }
  | { op: 'value'; which: number; value: number | null }
  | { op: 'move'; which: number; month: number; kind: string; origin: string; ref: number }
  | { op: 'delete'; which: number }

const STATUSES = ['new', 'meeting', 'won', 'lost', 'not_a_fit'] as const
const arbOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({
    op: fc.constant('create' as const),
    ref: fc.integer({ min: 0, max: 4 }),
    rec: fc.integer({ min: 0, max: 4 }),
    month: fc.integer({ min: 0, max: MONTHS.length - 1 }),
    day: fc.integer({ min: 1, max: 28 }),
    status: fc.constantFrom(...STATUSES),
    value: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }),
    kind: fc.constantFrom('referral', 'introduction', 'lead'),
    origin: fc.constantFrom('inbound', 'outbound'),
    currency: fc.constantFrom('EUR', 'GBP', 'JPY', null),
  }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('currency' as const), which: fc.nat(), currency: fc.constantFrom('EUR', 'GBP') }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('status' as const), which: fc.nat(), status: fc.constantFrom(...STATUSES), addDays: fc.integer({ min: 0, max: 90 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('value' as const), which: fc.nat(), value: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({
    op: fc.constant('move' as const),
    which: fc.nat(),
    month: fc.integer({ min: 0, max: MONTHS.length - 1 }),
    kind: fc.constantFrom('referral', 'introduction', 'lead'),
    origin: fc.constantFrom('inbound', 'outbound'),
    ref: fc.integer({ min: 0, max: 4 }),
  }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), which: fc.nat() }) },
)

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

async function apply(app: TestApp, people: string[], ids: string[], o: Op): Promise<void> {
  const pick = () => ('which' in o && ids.length > 0 ? ids[o.which % ids.length]! : null)
  try {
    if (o.op === 'create') {
      const i = await app.call('introductions:create', {
        referrerId: people[o.ref]!,
        receiverId: people[o.rec]!,
        prospect: { new: { name: 'Prospect' } },
        date: `${MONTHS[o.month]!}-${String(o.day).padStart(2, '0')}`,
        kind: o.kind as 'referral',
        origin: o.origin as 'inbound',
        status: o.status as 'new',
        value: o.value === null ? null : o.value / 100,
        ...(o.currency === null ? {} : { currency: o.currency }),
      })
      ids.push(i.id)
    } else if (o.op === 'currency') {
      const id = pick()
      if (id) await app.call('introductions:update', { id, currency: o.currency })
    } else if (o.op === 'status') {
      const id = pick()
      if (!id) return
      const cur = await app.call('introductions:get', { id })
      await app.call('introductions:setStatus', { id, status: o.status as 'won', date: addDays(cur.date, o.addDays) })
    } else if (o.op === 'value') {
      const id = pick()
      if (id) await app.call('introductions:update', { id, value: o.value === null ? null : o.value / 100 })
    } else if (o.op === 'move') {
      const id = pick()
      if (id) await app.call('introductions:update', { id, date: `${MONTHS[o.month]!}-01`, kind: o.kind as 'lead', origin: o.origin as 'inbound', referrerId: people[o.ref]! })
    } else {
      const id = pick()
      if (id) {
        await app.call('introductions:delete', { id })
        ids.splice(ids.indexOf(id), 1)
      }
    }
  } catch (e) {
    // Refused writes (referrer = receiver, dates out of order) leave nothing behind; that is part of the test.
    if ((e as { code?: string }).code !== 'VALIDATION') throw e
  }
}

/** The reference: the same counts per partner and currency, computed in JS from a plain read of every live introduction. */
function reference(app: TestApp, me: string, range: { fromMonth: string | null; toMonth: string | null }): Map<string, Map<string, Counts>> {
  const rows = app.ctx.store.db
    .prepare(
      `SELECT referrer_id, receiver_id, kind, origin, status, date, status_date, value_minor, coalesce(currency, '') AS currency FROM introductions
       WHERE deleted_at IS NULL AND (referrer_id = ? OR receiver_id = ?)`,
    )
    .all(me, me) as { referrer_id: string; receiver_id: string; kind: IntroFact['kind']; origin: IntroFact['origin']; status: IntroFact['status']; date: string; status_date: string; value_minor: number | null; currency: string }[]
  const inRange = (d: string) => (range.fromMonth === null || d.slice(0, 7) >= range.fromMonth) && (range.toMonth === null || d.slice(0, 7) <= range.toMonth)
  const out = new Map<string, Map<string, Counts>>()
  for (const cur of new Set(rows.map((r) => r.currency))) {
    const facts = rows
      .filter((r) => r.currency === cur && inRange(r.date))
      .map(
        (r): IntroFact => ({
          partnerId: r.receiver_id === me ? r.referrer_id : r.receiver_id,
          direction: r.receiver_id === me ? 'received' : 'given',
          kind: r.kind,
          origin: r.origin,
          status: r.status,
          date: r.date,
          statusDate: r.status_date,
          valueMinor: r.value_minor,
        }),
      )
    for (const [k, c] of countByPartner(facts)) if (c.r_n !== 0 || c.g_n !== 0) out.set(k, new Map(out.get(k)).set(cur, c))
  }
  return out
}

const snapshot = (app: TestApp) => ({
  periods: RANGES.map((r) => Object.fromEntries(periodCounts(app.ctx.store.db, r))),
  months: monthTotals(app.ctx.store.db, { fromMonth: null, toMonth: null }),
})

describe('scorecard summaries', () => {
  test('equal a recomputation from scratch after random creates, status changes, value edits, moves and deletions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbOp, { minLength: 1, maxLength: 25 }), async (ops) => {
        const app = createTestApp('2026-06-15T10:00:00.000Z')
        try {
          const me = (await app.call('app:startEmpty', { meName: 'Me' })).meId!
          const people = [me]
          for (const n of ['A', 'B', 'C', 'D']) people.push((await app.call('people:create', { name: n })).id)
          await app.call('analytics:scorecards', {}) // first read: summaries fresh, triggers live from here on
          const ids: string[] = []
          for (const o of ops) await apply(app, people, ids, o)
          const incremental = snapshot(app)
          for (const [i, r] of RANGES.entries()) expect(incremental.periods[i]).toEqual(Object.fromEntries(reference(app, me, r)))
          rebuildSummaries(app.ctx.store.db)
          expect(snapshot(app)).toEqual(incremental)
        } finally {
          app.close()
        }
      }),
      { numRuns: 30 },
    )
  }, 120_000)

  test('a new "you" rebuilds the summaries before the next read', async () => {
    const app = createTestApp('2026-06-15T10:00:00.000Z')
    try {
      const me = (await app.call('app:startEmpty', { meName: 'Me' })).meId!
      const a = (await app.call('people:create', { name: 'A' })).id
      await app.call('introductions:create', { referrerId: a, receiverId: me, prospect: { new: { name: 'P' } }, date: '2026-05-01', status: 'won', value: 10 })
      expect((await app.call('analytics:scorecards', {})).items.map((s) => [s.name, s.received, s.given])).toEqual([['A', 1, 0]])
      await app.call('people:setMe', { id: a })
      expect((await app.call('analytics:scorecards', {})).items.map((s) => [s.name, s.received, s.given])).toEqual([['Me', 0, 1]])
    } finally {
      app.close()
    }
  })
})
