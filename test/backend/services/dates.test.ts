import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../helpers/ctx'

/**
 * Issue 10, item 10: events that have happened (a decision on an introduction,
 * a thank-you, a one-to-one) cannot be dated after today; a wrong status date
 * can be corrected from the history; an introduction recorded as already won
 * carries its win date, so days-to-won is right. The clock is 2026-06-15.
 */

const TODAY = '2026-06-15'
const TOMORROW = '2026-06-16'
const MISSING = '0190f1a2-0000-7000-8000-000000000000'

let t: TestApp
let me: string
let ann: string
beforeEach(async () => {
  t = createTestApp(`${TODAY}T10:00:00.000Z`)
  me = (await t.call('app:startEmpty', { meName: 'Sam Rivera' })).meId!
  ann = (await t.call('people:create', { name: 'Ann Adams' })).id
})
afterEach(() => t.close())

const count = (table: string) => (t.ctx.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
const counts = () => ['people', 'introductions', 'introduction_status_history', 'interactions'].map(count)

function create(extra: Record<string, unknown> = {}) {
  return t.call('introductions:create', {
    referrerId: ann,
    receiverId: me,
    prospect: { new: { name: 'Carl Chen' } },
    date: '2026-05-01',
    ...extra,
  } as never)
}

describe('introductions recorded with a decision', () => {
  it('refuses a won, lost or not-a-fit date after today, naming the field, and writes nothing', async () => {
    const before = counts()
    for (const status of ['won', 'lost', 'not_a_fit'] as const) {
      expect(await t.fail('introductions:create', { referrerId: ann, receiverId: me, prospect: { new: { name: 'X' } }, date: '2026-05-01', status, statusDate: TOMORROW })).toMatchObject({
        code: 'VALIDATION',
        field: 'statusDate',
      })
    }
    // Without a status date, the introduction date is the decision's date.
    const err = await t.fail('introductions:create', { referrerId: ann, receiverId: me, prospect: { new: { name: 'X' } }, date: '2030-01-01', status: 'won' })
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'date' })
    expect(err.message).toContain(TODAY)
    expect(counts()).toEqual(before)
  })

  it('accepts today, and an open introduction dated in the future (a warning in the form, not a refusal)', async () => {
    expect((await create({ status: 'won', statusDate: TODAY })).statusDate).toBe(TODAY)
    expect((await create({ date: '2026-07-01' })).date).toBe('2026-07-01')
  })

  it('keeps the win date given when recording an already-won introduction, so days-to-won is right', async () => {
    const i = await create({ status: 'won', statusDate: '2026-05-31', value: 1000 })
    expect(i.history.map((h) => `${h.status}@${h.date}`)).toEqual(['new@2026-05-01', 'won@2026-05-31'])
    const card = await t.call('analytics:partner', { personId: ann, period: { preset: 'all' } })
    expect(card.scorecard.avgDaysToWon).toBe(30)
  })
})

describe('introductions:setStatus', () => {
  it('refuses a decision dated after today but accepts a meeting planned for next week', async () => {
    const i = await create()
    expect(await t.fail('introductions:setStatus', { id: i.id, status: 'won', date: TOMORROW })).toMatchObject({ code: 'VALIDATION', field: 'date' })
    expect(await t.fail('introductions:setStatus', { id: i.id, status: 'lost', date: '2027-01-01' })).toMatchObject({ code: 'VALIDATION', field: 'date' })
    expect((await t.call('introductions:get', { id: i.id })).status).toBe('new')
    const m = await t.call('introductions:setStatus', { id: i.id, status: 'meeting', date: '2026-06-22' })
    expect(m.statusDate).toBe('2026-06-22')
  })

  it('refuses a change dated before the last change (the history stays in order)', async () => {
    const i = await create()
    await t.call('introductions:setStatus', { id: i.id, status: 'meeting', date: '2026-05-20' })
    expect(await t.fail('introductions:setStatus', { id: i.id, status: 'won', date: '2026-05-10' })).toMatchObject({ code: 'VALIDATION', field: 'date' })
  })

  it('setting the same status again corrects its date instead of leaving the old one in the history', async () => {
    const i = await create()
    await t.call('introductions:setStatus', { id: i.id, status: 'won', date: '2026-06-10' })
    const again = await t.call('introductions:setStatus', { id: i.id, status: 'won', date: '2026-05-20' })
    expect(again.history.map((h) => `${h.status}@${h.date}`)).toEqual(['new@2026-05-01', 'won@2026-05-20'])
    expect(again.statusDate).toBe('2026-05-20')
  })
})

describe('introductions:editStatusDate', () => {
  async function wonIntro() {
    const i = await create({ value: 500 })
    await t.call('introductions:setStatus', { id: i.id, status: 'meeting', date: '2026-05-10' })
    return t.call('introductions:setStatus', { id: i.id, status: 'won', date: '2026-06-14' })
  }

  it("corrects the won date: the history, the status date and the partner's days-to-won follow", async () => {
    const i = await wonIntro()
    expect((await t.call('analytics:partner', { personId: ann, period: { preset: 'all' } })).scorecard.avgDaysToWon).toBe(44)
    const won = i.history[2]!
    const fixed = await t.call('introductions:editStatusDate', { id: i.id, historyId: won.id, date: '2026-05-21' })
    expect(fixed.history.map((h) => `${h.status}@${h.date}`)).toEqual(['new@2026-05-01', 'meeting@2026-05-10', 'won@2026-05-21'])
    expect(fixed.statusDate).toBe('2026-05-21')
    expect((await t.call('analytics:partner', { personId: ann, period: { preset: 'all' } })).scorecard.avgDaysToWon).toBe(20)
  })

  it('corrects an earlier entry without touching the current status date', async () => {
    const i = await wonIntro()
    const fixed = await t.call('introductions:editStatusDate', { id: i.id, historyId: i.history[1]!.id, date: '2026-05-12' })
    expect(fixed.history.map((h) => h.date)).toEqual(['2026-05-01', '2026-05-12', '2026-06-14'])
    expect(fixed.statusDate).toBe('2026-06-14')
  })

  it('refuses dates out of order, in the future for a decision, the first entry, and unknown ids; nothing changes', async () => {
    const i = await wonIntro()
    const [first, meeting, won] = i.history as unknown as [{ id: string }, { id: string }, { id: string }]
    const db = t.ctx.store.db
    const snapshot = () => [db.prepare('SELECT date FROM introduction_status_history ORDER BY id').all(), db.prepare('SELECT status_date FROM introductions').all()]
    const before = snapshot()
    expect(await t.fail('introductions:editStatusDate', { id: i.id, historyId: meeting.id, date: '2026-04-30' })).toMatchObject({ code: 'VALIDATION', field: 'date' })
    expect(await t.fail('introductions:editStatusDate', { id: i.id, historyId: meeting.id, date: '2026-06-15' })).toMatchObject({ code: 'VALIDATION', field: 'date' })
    expect(await t.fail('introductions:editStatusDate', { id: i.id, historyId: won.id, date: '2026-05-09' })).toMatchObject({ code: 'VALIDATION', field: 'date' })
    const future = await t.fail('introductions:editStatusDate', { id: i.id, historyId: won.id, date: TOMORROW })
    expect(future).toMatchObject({ code: 'VALIDATION', field: 'date' })
    expect(future.message).toContain('won')
    expect(await t.fail('introductions:editStatusDate', { id: i.id, historyId: first.id, date: '2026-05-02' })).toMatchObject({ code: 'VALIDATION', field: 'historyId' })
    expect(await t.fail('introductions:editStatusDate', { id: i.id, historyId: MISSING, date: '2026-05-20' })).toMatchObject({ code: 'NOT_FOUND', field: 'historyId' })
    expect(await t.fail('introductions:editStatusDate', { id: MISSING, historyId: won.id, date: '2026-05-20' })).toMatchObject({ code: 'NOT_FOUND', field: 'id' })
    // Another introduction's history entry is not this one's.
    const other = await create({ status: 'won', statusDate: '2026-05-05' })
    expect(await t.fail('introductions:editStatusDate', { id: i.id, historyId: other.history[1]!.id, date: '2026-05-20' })).toMatchObject({ code: 'NOT_FOUND', field: 'historyId' })
    expect(await t.fail('introductions:editStatusDate', { id: i.id, historyId: won.id, date: '2026-13-01' })).toMatchObject({ code: 'VALIDATION', field: 'date' })
    const after = snapshot()
    expect(after[1]).toEqual([...(before[1] as unknown[]), { status_date: '2026-05-05' }])
    expect((after[0] as unknown[]).length).toBe((before[0] as unknown[]).length + 2)
  })
})

describe('interactions that have happened', () => {
  it('refuses a thank-you, a one-to-one or any interaction dated after today; accepts today', async () => {
    const i = await create()
    const before = counts()
    expect(await t.fail('followup:thank', { introductionId: i.id, date: TOMORROW, method: 'email' })).toMatchObject({ code: 'VALIDATION', field: 'date' })
    const one = await t.fail('interactions:create', { personId: ann, kind: 'one_to_one', date: '2027-01-10' })
    expect(one).toMatchObject({ code: 'VALIDATION', field: 'date' })
    expect(one.message).toMatch(/one-to-one/i)
    for (const kind of ['call', 'meeting', 'email', 'thank_you', 'ask', 'note'] as const)
      expect(await t.fail('interactions:create', { personId: ann, kind, date: TOMORROW })).toMatchObject({ code: 'VALIDATION', field: 'date' })
    expect(await t.fail('followup:ask', { personId: ann, date: TOMORROW })).toMatchObject({ code: 'VALIDATION', field: 'date' })
    expect(counts()).toEqual(before)
    await t.call('interactions:create', { personId: ann, kind: 'one_to_one', date: TODAY })
    expect((await t.call('interactions:list', { personId: ann })).lastContacted).toBe(TODAY)
  })
})

describe('introductions:update of the date', () => {
  it('keeps the history in order: the date cannot move past the first status change', async () => {
    const i = await create()
    await t.call('introductions:setStatus', { id: i.id, status: 'meeting', date: '2026-05-10' })
    await t.call('introductions:setStatus', { id: i.id, status: 'won', date: '2026-06-01' })
    const err = await t.fail('introductions:update', { id: i.id, date: '2026-05-20' })
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'date' })
    expect(err.message).toContain('"meeting" on 2026-05-10')
    const ok = await t.call('introductions:update', { id: i.id, date: '2026-05-05' })
    expect(ok.history.map((h) => `${h.status}@${h.date}`)).toEqual(['new@2026-05-05', 'meeting@2026-05-10', 'won@2026-06-01'])
    expect(ok.statusDate).toBe('2026-06-01')
  })

  it('a reopened introduction keeps its reopening date when the introduction date moves', async () => {
    const i = await create()
    await t.call('introductions:setStatus', { id: i.id, status: 'meeting', date: '2026-05-10' })
    await t.call('introductions:setStatus', { id: i.id, status: 'new', date: '2026-05-12' })
    const moved = await t.call('introductions:update', { id: i.id, date: '2026-05-03' })
    expect(moved.history.map((h) => `${h.status}@${h.date}`)).toEqual(['new@2026-05-03', 'meeting@2026-05-10', 'new@2026-05-12'])
    expect(moved.statusDate).toBe('2026-05-12')
  })
})
