import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../helpers/ctx'

let t: TestApp
let me: string
let ann: string
beforeEach(async () => {
  t = createTestApp()
  me = (await t.call('app:startEmpty', { meName: 'Sam Rivera' })).meId!
  ann = (await t.call('people:create', { name: 'Ann Adams', profession: 'Accountant' })).id
})
afterEach(() => t.close())

const count = (t: TestApp, table: string) =>
  (t.ctx.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

describe('introductions service', () => {
  it('records an introduction with a new prospect and keeps every status change with its date', async () => {
    const intro = await t.call('introductions:create', {
      referrerId: ann,
      receiverId: me,
      prospect: { new: { name: 'Carl Chen', company: 'Oak Works' } },
      date: '2026-05-01',
      kind: 'referral',
      origin: 'inbound',
      warmth: 4,
      needsService: true,
      fitsProfile: true,
      accepted: true,
    })
    expect(intro).toMatchObject({ referrerName: 'Ann Adams', receiverName: 'Sam Rivera', prospectName: 'Carl Chen', status: 'new' })
    await t.call('introductions:setStatus', { id: intro.id, status: 'meeting', date: '2026-05-10' })
    const won = await t.call('introductions:setStatus', { id: intro.id, status: 'won', date: '2026-06-01' })
    await t.call('introductions:update', { id: intro.id, value: 4200.5, currency: 'usd' })
    const got = await t.call('introductions:get', { id: intro.id })
    expect(won.history.map((h) => `${h.status}@${h.date}`)).toEqual(['new@2026-05-01', 'meeting@2026-05-10', 'won@2026-06-01'])
    expect(got).toMatchObject({ status: 'won', statusDate: '2026-06-01', value: 4200.5, currency: 'USD' })
    // The prospect is a person who was introduced by the referrer.
    const prospect = await t.call('people:get', { id: got.prospectId })
    expect(prospect.introducedById).toBe(ann)
    const list = await t.call('introductions:list', { personId: ann })
    expect(list.items.map((i) => i.id)).toEqual([intro.id])
  })

  it('refuses bad input with a field error and writes nothing', async () => {
    const base = { referrerId: ann, receiverId: me, prospect: { new: { name: 'Dana' } }, date: '2026-05-01' }
    const before = [count(t, 'people'), count(t, 'introductions'), count(t, 'introduction_status_history')]
    expect(await t.fail('introductions:create', { ...base, date: '2026-02-30' })).toMatchObject({ code: 'VALIDATION', field: 'date' })
    expect(await t.fail('introductions:create', { ...base, value: -5 })).toMatchObject({ code: 'VALIDATION', field: 'value' })
    expect(await t.fail('introductions:create', { ...base, warmth: 9 })).toMatchObject({ code: 'VALIDATION', field: 'warmth' })
    expect(await t.fail('introductions:create', { ...base, receiverId: ann })).toMatchObject({ code: 'VALIDATION', field: 'receiverId' })
    expect(
      await t.fail('introductions:create', { ...base, referrerId: '0190f1a2-0000-7000-8000-000000000000' }),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'referrerId' })
    expect(await t.fail('introductions:create', { ...base, prospect: { new: { name: '' } } })).toMatchObject({
      code: 'VALIDATION',
      field: 'prospect.new.name',
    })
    expect(await t.fail('introductions:setStatus', { id: '0190f1a2-0000-7000-8000-000000000000', status: 'won', date: '2026-01-01' })).toMatchObject({
      code: 'NOT_FOUND',
    })
    expect([count(t, 'people'), count(t, 'introductions'), count(t, 'introduction_status_history')]).toEqual(before)
  })

  it('soft-deletes: a deleted introduction leaves lists but its row remains for merges', async () => {
    const i = await t.call('introductions:create', { referrerId: ann, receiverId: me, prospect: { new: { name: 'Eve' } }, date: '2026-05-01' })
    await t.call('introductions:delete', { id: i.id })
    expect((await t.call('introductions:list')).total).toBe(0)
    expect(await t.fail('introductions:get', { id: i.id })).toMatchObject({ code: 'NOT_FOUND' })
    expect(count(t, 'introductions')).toBe(1)
  })
})

describe('groups service', () => {
  it('creates, renames, adds and removes members', async () => {
    const g = await t.call('groups:create', { name: 'Thursday Chapter', kind: 'chapter' })
    await t.call('groups:addMember', { groupId: g.id, personId: ann })
    await t.call('groups:addMember', { groupId: g.id, personId: me })
    expect((await t.call('groups:rename', { id: g.id, name: 'Friday Chapter' })).memberCount).toBe(2)
    expect((await t.call('groups:members', { groupId: g.id })).map((p) => p.name)).toEqual(['Ann Adams', 'Sam Rivera'])
    await t.call('groups:removeMember', { groupId: g.id, personId: ann })
    expect((await t.call('groups:list')).map((x) => [x.name, x.memberCount])).toEqual([['Friday Chapter', 1]])
    expect((await t.call('people:list', { groupId: g.id, sort: 'name', dir: 'asc', offset: 0, limit: 50, includeArchived: false })).total).toBe(1)
  })
})

describe('first run', () => {
  it('loads the deterministic sample network only into an empty network', async () => {
    const t2 = createTestApp('2026-10-31T09:00:00.000Z')
    try {
      const r = await t2.call('app:loadSample', {})
      expect(r.people).toBe(300)
      expect(r.introductions).toBeGreaterThan(500)
      expect(r.meId).not.toBeNull()
      expect((await t2.call('people:list')).total).toBe(300)
      expect(await t2.fail('app:loadSample', {})).toMatchObject({ code: 'CONFLICT' })
    } finally {
      t2.close()
    }
  })
})
