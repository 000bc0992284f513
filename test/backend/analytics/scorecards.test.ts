import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createTestApp, type TestApp } from '../../helpers/ctx'
import { partnerScores, periodCountsSql } from '../../../src/backend/db/analytics'

let t: TestApp
let me: string
let a: string
let b: string
let p: string
let group: string

async function intro(referrerId: string, receiverId: string, date: string, more: Record<string, unknown> = {}) {
  return t.call('introductions:create', {
    referrerId,
    receiverId,
    prospect: { new: { name: `Prospect ${date}` } },
    date,
    ...more,
  } as never)
}

beforeEach(async () => {
  t = createTestApp('2026-06-15T10:00:00.000Z')
  me = (await t.call('app:startEmpty', { meName: 'Sam' })).meId!
  group = (await t.call('groups:create', { name: 'Thursday Chapter' })).id
  a = (await t.call('people:create', { name: 'Ann Accountant', tags: ['BNI'], groupIds: [group] })).id
  b = (await t.call('people:create', { name: '=Bob Builder' })).id
  const first = await intro(a, me, '2026-01-10', { kind: 'referral', origin: 'inbound', status: 'won', statusDate: '2026-02-09', value: 1000 })
  p = first.prospectId // a person Ann introduced, who later refers business to you (spin-off)
  await intro(a, me, '2026-03-05', { kind: 'lead', origin: 'outbound', status: 'lost' })
  await intro(a, me, '2026-04-01', { kind: 'introduction', origin: 'inbound' })
  await intro(a, me, '2024-05-01', { status: 'won', value: 500, statusDate: '2024-06-01' })
  await intro(me, a, '2026-02-01', { status: 'won', value: 200 })
  await intro(b, me, '2026-05-01', { origin: 'outbound', status: 'won', statusDate: '2026-05-11', value: 300 })
  await intro(p, me, '2026-05-20', { status: 'won', value: 700 })
  await intro(b, a, '2026-03-01', { status: 'won', value: 9999 }) // between two partners: not yours
})
afterEach(() => t.close())

describe('scorecards (hand-computed)', () => {
  test('last 12 months: counts, conversion, quality with its band, reciprocity, spin-off', async () => {
    const page = await t.call('analytics:scorecards', { period: { preset: 'last12' } })
    expect(page.period).toMatchObject({ from: '2025-07-01', to: '2026-06-30' })
    expect(page.prior.mean).toBeCloseTo(0.75) // 3 won of 4 decided received in the period
    expect(page.prior.weight).toBe(5)
    expect(page.total).toBe(3)
    const ann = page.items.find((s) => s.personId === a)!
    expect(ann).toMatchObject({
      received: 3,
      byKind: { referral: 1, introduction: 1, lead: 1 },
      byOrigin: { inbound: 2, outbound: 1 },
      open: 1,
      won: 1,
      lost: 1,
      notAFit: 0,
      decided: 2,
      conversion: 0.5,
      closedValue: [{ currency: 'EUR', minor: 100000 }],
      avgDaysToWon: 30,
      medianDaysToWon: 30,
      given: 1,
      givenWon: 1,
      givenValue: [{ currency: 'EUR', minor: 20000 }],
      balance: 2,
      valueBalance: [{ currency: 'EUR', minor: 80000 }],
      lastReceived: '2026-04-01',
      lastGiven: '2026-02-01',
      spinOffValue: [{ currency: 'EUR', minor: 70000 }],
      spinOffWon: 1,
    })
    expect(ann.winRate).toBeCloseTo(1 / 3)
    // (1 + 0.75*5) / (2 + 5) = 0.678571; Wilson(1, 2) = [0.0945, 0.9055]
    expect(ann.quality).toBeCloseTo(0.678571, 5)
    expect(ann.qualityLow).toBeCloseTo(0.0945, 4)
    expect(ann.qualityHigh).toBeCloseTo(0.9055, 4)
    // The person Ann introduced is also a partner in their own right (a prospect who refers).
    const prospect = page.items.find((s) => s.personId === p)!
    expect(prospect).toMatchObject({ received: 1, won: 1, closedValue: [{ currency: 'EUR', minor: 70000 }] })
  })

  test('network figures are the sums of the scorecards; spin-off value is not added to the total', async () => {
    const n = await t.call('analytics:network', { period: { preset: 'last12' } })
    const page = await t.call('analytics:scorecards', { period: { preset: 'last12' } })
    expect(n).toMatchObject({ received: 5, given: 1, introductions: 6, won: 3, decided: 4, conversion: 0.75, closedValue: [{ currency: 'EUR', minor: 200000 }], partners: 3 })
    expect(n.currencies).toEqual(['EUR'])
    expect(n.closedValue[0]!.minor).toBe(page.items.reduce((s, c) => s + c.closedValue[0]!.minor, 0))
    expect(n.byOrigin.inbound).toEqual({ won: 1, decided: 1, conversion: 1 })
    expect(n.byOrigin.outbound).toMatchObject({ won: 2, decided: 3 })
    expect(n.byKind.lead).toEqual({ won: 0, decided: 1, conversion: 0 })
    expect(n.medianDaysToWon).toBe(10) // won spans 30, 10, 0
    expect(n.byMonth.find((m) => m.month === '2026-05')).toEqual({ month: '2026-05', received: 2, given: 0, won: 2, closedValue: [{ currency: 'EUR', minor: 100000 }] })
    expect(n.topByValue[0]).toMatchObject({ personId: a, value: 100000 })
    expect(n.topByReciprocityGap[0]).toMatchObject({ personId: a, value: 2 })
  })

  test('all time includes older introductions; a period with nothing in it is empty', async () => {
    const all = await t.call('analytics:partner', { personId: a, period: { preset: 'all' } })
    expect(all.scorecard).toMatchObject({ received: 4, won: 2, closedValue: [{ currency: 'EUR', minor: 150000 }] })
    const empty = await t.call('analytics:scorecards', { period: { preset: 'custom', from: '2023-01-01', to: '2023-12-31' } })
    expect(empty.items).toEqual([])
    const n = await t.call('analytics:network', { period: { preset: 'custom', from: '2023-01-01', to: '2023-12-31' } })
    expect(n).toMatchObject({ received: 0, conversion: null, closedValue: [], medianDaysToWon: null, byMonth: [] })
  })

  test('group and tag filters only narrow', async () => {
    const byGroup = await t.call('analytics:scorecards', { groupId: group })
    expect(byGroup.items.map((s) => s.personId)).toEqual([a])
    const byTag = await t.call('analytics:network', { tag: 'bni' })
    expect(byTag).toMatchObject({ received: 3, won: 1, partners: 1 })
    expect(byTag.byMonth.reduce((s, m) => s + m.received, 0)).toBe(3)
  })

  test('a lapsing partner: silence beyond their own rhythm', async () => {
    const c = (await t.call('people:create', { name: 'Cleo' })).id
    for (const d of ['2026-01-01', '2026-02-01', '2026-03-01']) await intro(c, me, d)
    const s = (await t.call('analytics:partner', { personId: c, period: { preset: 'last12' } })).scorecard
    expect(s).toMatchObject({ lapsing: true, lapsingReason: 'silence' }) // 106 days since the last, usual gap ~30
    expect((await t.call('analytics:partner', { personId: a, period: { preset: 'last12' } })).scorecard.lapsing).toBe(false)
  })

  test('introductions you made to yourself are refused earlier, by validation', async () => {
    const e = await t.fail('introductions:create', { referrerId: me, receiverId: me, prospect: { new: { name: 'X' } }, date: '2026-01-01' })
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'receiverId' })
    const page = await t.call('analytics:scorecards', { period: { preset: 'all' } })
    expect(page.items.some((s) => s.personId === me)).toBe(false)
  })

  test('inputs are validated: unknown partner, reversed custom range', async () => {
    expect(await t.fail('analytics:partner', { personId: '01900000-0000-7000-8000-000000000000' })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'personId',
    })
    const e = await t.fail('analytics:scorecards', { period: { preset: 'custom', from: '2026-02-01', to: '2026-01-01' } })
    expect(e.code).toBe('VALIDATION')
    expect(e.field).toContain('period')
  })

  test('CSV export: BOM, header, one row per partner, formula injection neutralised', async () => {
    const { csv, filename } = await t.call('analytics:exportCsv', { period: { preset: 'last12' } })
    expect(filename).toBe('scorecards_2025-07-01_2026-06-30.csv')
    expect(csv.startsWith('\uFEFFRank,Partner,Company,Received')).toBe(true)
    const lines = csv.trimEnd().split('\r\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toContain(',Closed value (EUR),')
    expect(lines.some((l) => /^\d,'=Bob Builder,/.test(l))).toBe(true)
    expect(lines.find((l) => /^\d,Ann Accountant/.test(l))).toContain(',1000,')
  })

  test('partnerScores for the graph', async () => {
    const m = partnerScores(t.ctx.store.db, me, { preset: 'all' }, '2026-06-15')
    expect(m.get(a)).toMatchObject({ won: 2, decided: 3, received: 4, given: 1, closedValue: [{ currency: 'EUR', minor: 150000 }] })
    expect(m.get(a)!.quality).toBeGreaterThan(m.get(a)!.low!)
    expect(partnerScores(t.ctx.store.db, null, { preset: 'all' }, '2026-06-15').size).toBe(0)
  })

  test('the period query is two primary-key lookups per partner, no scan of introductions', () => {
    const plan = (t.ctx.store.db.prepare(`EXPLAIN QUERY PLAN ${periodCountsSql()}`).all({ to: '2026-06', from: '2025-07', prev: '2025-06' }) as { detail: string }[]).map((r) => r.detail)
    expect(plan.filter((d) => /USING PRIMARY KEY \(partner_id=\? AND currency=\? AND month=\?\)/.test(d))).toHaveLength(2)
    expect(plan.some((d) => /introductions/.test(d))).toBe(false)
  })
})
