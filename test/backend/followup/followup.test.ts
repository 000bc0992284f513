import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../helpers/ctx'
import { buildMailto } from '../../../src/core/mailto'
import { unthankedWins } from '../../../src/backend/db/followup'

let app: TestApp
let me: string
let ana: string
let ben: string
let cleo: string

async function person(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  return (await app.call('people:create', { name, ...extra })).id
}

beforeEach(async () => {
  app = createTestApp('2026-06-15T10:00:00.000Z')
  await app.call('app:startEmpty', { meName: 'Sam Reed' })
  me = (await app.call('app:info')).meId!
  await app.call('settings:save', { group: 'general', values: { timeZone: 'UTC' } })
  ana = await person('Ana Ruiz', { company: 'Ruiz & Co', profession: 'Accountant', email: 'ana@ruiz.example', idealClient: 'Family firms' })
  ben = await person('Ben Oduya', { email: 'ben@example.com' })
  cleo = await person('Cleo Park')
})
afterEach(() => app.close())

async function wonIntro(referrer: string, prospect: string, date: string, won: string, value?: number) {
  return app.call('introductions:create', {
    referrerId: referrer,
    receiverId: me,
    prospect: { id: prospect },
    date,
    origin: 'inbound',
    status: 'won',
    statusDate: won,
    ...(value !== undefined ? { value } : {}),
  })
}

describe('who to thank', () => {
  it('lists won introductions until a thank-you is recorded, newest and most valuable first', async () => {
    const a = await wonIntro(ana, ben, '2026-05-01', '2026-06-01', 500)
    const b = await wonIntro(ana, cleo, '2026-05-02', '2026-06-10', 100)
    const c = await wonIntro(ben, cleo, '2026-05-03', '2026-06-10', 900)
    let t = await app.call('followup:today')
    expect(t.thankWon.map((x) => x.introductionId)).toEqual([c.id, b.id, a.id])
    expect(t.thankWon[2]).toMatchObject({ referrerName: 'Ana Ruiz', prospectName: 'Ben Oduya', value: 500, daysWaiting: 14 })

    const th = await app.call('followup:thank', { introductionId: a.id, date: '2026-06-15', method: 'card', notes: 'Sent a card' })
    expect(th).toMatchObject({ personId: ana, kind: 'thank_you', method: 'card', introductionId: a.id, about: 'Ben Oduya' })
    t = await app.call('followup:today')
    expect(t.thankWon.map((x) => x.introductionId)).toEqual([c.id, b.id])
    const log = await app.call('interactions:list', { personId: ana })
    expect(log.items.map((i) => [i.kind, i.introductionId])).toEqual([['thank_you', a.id]])
  })

  it('caps the list but counts them all', async () => {
    for (const d of ['2026-06-01', '2026-06-02', '2026-06-03']) await wonIntro(ana, await person(`Client ${d}`), d, d, 10)
    const r = unthankedWins(app.ctx.store.db, me, '2026-06-15', 2)
    expect(r.rows.map((x) => x.status_date)).toEqual(['2026-06-03', '2026-06-02'])
    expect(r.total).toBe(3)
    expect((await app.call('followup:today')).totals.thankWon).toBe(3)
  })

  it('a thank-you for receiving does not count as thanks for the win', async () => {
    const i = await app.call('introductions:create', { referrerId: ana, receiverId: me, prospect: { id: ben }, date: '2026-06-01', origin: 'inbound' })
    let t = await app.call('followup:today')
    expect(t.thankReceived.map((x) => x.introductionId)).toEqual([i.id])
    await app.call('followup:thank', { introductionId: i.id, date: '2026-06-02', method: 'email' })
    t = await app.call('followup:today')
    expect(t.thankReceived).toEqual([])
    await app.call('introductions:setStatus', { id: i.id, status: 'won', date: '2026-06-12' })
    t = await app.call('followup:today')
    expect(t.thankWon.map((x) => x.introductionId)).toEqual([i.id])
  })

  it('rejects an unknown introduction and a bad method', async () => {
    const e = await app.fail('followup:thank', { introductionId: '01900000-0000-7000-8000-000000000000', date: '2026-06-15', method: 'email' })
    expect(e).toMatchObject({ code: 'NOT_FOUND', field: 'introductionId' })
    const v = await app.fail('followup:thank', { introductionId: '01900000-0000-7000-8000-000000000000', date: '2026-06-15', method: 'pigeon' })
    expect(v.code).toBe('VALIDATION')
  })
})

describe('asking for an introduction', () => {
  it('offers the new client, records the ask, and creates one follow-up after N days', async () => {
    await app.call('settings:save', { group: 'followup', values: { askFollowUpDays: 5 } })
    const w = await wonIntro(ana, ben, '2026-06-01', '2026-06-14', 1000)
    let t = await app.call('followup:today')
    expect(t.askNow.map((a) => a.clientName)).toEqual(['Ben Oduya'])
    const ask = await app.call('followup:ask', { personId: ben, introductionId: w.id, date: '2026-06-15', method: 'email' })
    t = await app.call('followup:today')
    expect(t.askNow).toEqual([])
    expect(t.openAsks).toMatchObject([{ interactionId: ask.id, followUpDate: '2026-06-20' }])
    expect(t.tasks).toEqual([])

    app.setNow('2026-06-20T08:00:00Z')
    t = await app.call('followup:today')
    expect(t.created).toBe(1)
    expect(t.tasks).toMatchObject([{ kind: 'ask_followup', personId: ben, dueDate: '2026-06-20', daysOverdue: 0 }])
    // Idempotent: calling again never duplicates.
    t = await app.call('followup:today')
    expect(t.created).toBe(0)
    expect(t.tasks).toHaveLength(1)

    // Marking the ask answered closes the follow-up.
    await app.call('followup:askAnswered', { interactionId: ask.id, answered: true })
    t = await app.call('followup:today')
    expect(t.tasks).toEqual([])
    expect(t.openAsks).toEqual([])
  })

  it('an introduction from the client answers the ask', async () => {
    await wonIntro(ana, ben, '2026-06-01', '2026-06-14')
    await app.call('followup:ask', { personId: ben, date: '2026-06-15' })
    await app.call('introductions:create', { referrerId: ben, receiverId: me, prospect: { id: cleo }, date: '2026-06-18', origin: 'inbound' })
    app.setNow('2026-07-30T08:00:00Z')
    const t = await app.call('followup:today')
    expect(t.tasks).toEqual([])
    expect(t.openAsks).toEqual([])
  })

  it('counts days in the user time zone', async () => {
    await app.call('settings:save', { group: 'followup', values: { askFollowUpDays: 1 } })
    await app.call('settings:save', { group: 'general', values: { timeZone: 'Pacific/Auckland' } })
    await app.call('followup:ask', { personId: ben, date: '2026-06-15' })
    app.setNow('2026-06-15T13:00:00Z') // already the 16th in Auckland
    const t = await app.call('followup:today')
    expect(t.today).toBe('2026-06-16')
    expect(t.tasks).toHaveLength(1)
    expect((await app.fail('settings:save', { group: 'general', values: { timeZone: 'Moon/Base' } })).field).toBe('values.timeZone')
  })
})

describe('tasks', () => {
  it('creates, snoozes, completes and dismisses, overdue first', async () => {
    const a = await app.call('tasks:create', { title: 'Call the printer', dueDate: '2026-06-20' })
    const b = await app.call('tasks:create', { title: 'Send the deck', dueDate: '2026-06-10', personId: ana })
    let t = await app.call('followup:today')
    expect(t.tasks.map((x) => [x.title, x.daysOverdue])).toEqual([
      ['Send the deck', 5],
      ['Call the printer', -5],
    ])
    const s = await app.call('tasks:snooze', { id: b.id, days: 3 })
    expect(s.dueDate).toBe('2026-06-18')
    await app.call('tasks:done', { id: a.id })
    t = await app.call('followup:today')
    expect(t.tasks.map((x) => x.title)).toEqual(['Send the deck'])
    await app.call('tasks:dismiss', { id: b.id })
    expect((await app.call('followup:today')).tasks).toEqual([])
    expect((await app.fail('tasks:snooze', { id: b.id, days: 2 })).code).toBe('CONFLICT')
    expect((await app.fail('tasks:create', { title: ' ', dueDate: '2026-06-01' })).field).toBe('title')
  })
})

describe('keep in touch', () => {
  it('lists partners whose cadence is due, and a one-to-one resets the clock', async () => {
    await app.call('people:update', { id: ana, cadenceDays: 30 })
    await app.call('interactions:create', { personId: ana, kind: 'one_to_one', date: '2026-05-01' })
    let t = await app.call('followup:today')
    expect(t.keepInTouch).toMatchObject([{ personId: ana, cadenceDays: 30, lastContact: '2026-05-01', dueDate: '2026-05-31', daysOverdue: 15 }])
    await app.call('tasks:create', { title: 'Coffee with Ana', dueDate: '2026-06-20', personId: ana, kind: 'meeting' })
    t = await app.call('followup:today')
    expect(t.keepInTouch[0]?.plannedMeeting).toBe('2026-06-20')
    const one = await app.call('interactions:create', { personId: ana, kind: 'one_to_one', date: '2026-06-15', notes: 'Lunch' })
    t = await app.call('followup:today')
    expect(t.keepInTouch).toEqual([])
    expect((await app.call('interactions:list', { personId: ana })).lastContacted).toBe('2026-06-15')
    // Deleting the one-to-one puts the partner back.
    await app.call('interactions:delete', { id: one.id })
    expect((await app.call('followup:today')).keepInTouch).toHaveLength(1)
  })

  it('a default cadence applies to partners you exchanged introductions with', async () => {
    await wonIntro(ana, ben, '2026-05-01', '2026-05-02')
    expect((await app.call('followup:today')).keepInTouch).toEqual([])
    await app.call('settings:save', { group: 'followup', values: { defaultCadenceDays: 60 } })
    const t = await app.call('followup:today')
    expect(t.keepInTouch.map((k) => [k.name, k.defaultCadence])).toEqual([['Ana Ruiz', true]])
  })

  it('flags lapsing partners', async () => {
    for (const [i, d] of ['2026-01-05', '2026-02-04', '2026-03-06'].entries()) {
      const p = await person(`Client ${i}`)
      await app.call('introductions:create', { referrerId: ana, receiverId: me, prospect: { id: p }, date: d, origin: 'inbound' })
    }
    const t = await app.call('followup:today')
    expect(t.lapsing).toMatchObject([{ personId: ana, introductions: 3, usualGapDays: 30, daysSinceLast: 101, reason: 'silence' }])
  })

  it('flags a falling flow the same way the scorecards do', async () => {
    const dora = await person('Dora Falk')
    // Today is 2026-06-15: five in the 90 days before 2026-03-18, then one since.
    for (const [i, d] of ['2026-01-05', '2026-01-20', '2026-02-05', '2026-02-20', '2026-03-05', '2026-06-01'].entries()) {
      const p = await person(`Dora client ${i}`)
      await app.call('introductions:create', { referrerId: dora, receiverId: me, prospect: { id: p }, date: d, origin: 'inbound' })
    }
    const t = await app.call('followup:today')
    expect(t.lapsing).toMatchObject([{ personId: dora, introductions: 6, reason: 'falling', recent: 1, before: 5, daysSinceLast: 14 }])
    const card = (await app.call('analytics:partner', { personId: dora, period: { preset: 'last12' } })).scorecard
    expect(card).toMatchObject({ lapsing: true, lapsingReason: 'falling' })
    // Two more recent ones: three in the last window is not under half of five, so the flow is steady again.
    for (const d of ['2026-06-05', '2026-06-10']) {
      const p = await person(`Dora late ${d}`)
      await app.call('introductions:create', { referrerId: dora, receiverId: me, prospect: { id: p }, date: d, origin: 'inbound' })
    }
    expect((await app.call('followup:today')).lapsing).toEqual([])
    expect((await app.call('analytics:partner', { personId: dora, period: { preset: 'last12' } })).scorecard).toMatchObject({ lapsing: false, lapsingReason: null })
  })
})

describe('making an introduction', () => {
  const checks = { needsService: true, fitsProfile: true, accepted: true }
  it('refuses unless all three checks are yes, and can save a lead instead', async () => {
    const e = await app.fail('followup:makeIntroduction', {
      partnerId: ana,
      prospectId: ben,
      ...checks,
      accepted: false,
      subject: 'Intro',
      body: 'Hello',
    })
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'accepted' })
    expect((await app.call('introductions:list')).total).toBe(0)

    const lead = await app.call('followup:saveLead', { partnerId: ana, prospectId: ben, ...checks, accepted: false })
    expect(lead).toMatchObject({ kind: 'lead', referrerId: me, receiverId: ana, accepted: false })
  })

  it('records an outbound referral and an email interaction', async () => {
    const r = await app.call('followup:makeIntroduction', { partnerId: ana, prospectId: ben, ...checks, subject: 'Introduction: Ben, meet Ana', body: 'Hi both' })
    expect(r.introduction).toMatchObject({
      referrerId: me,
      receiverId: ana,
      prospectId: ben,
      kind: 'referral',
      origin: 'outbound',
      needsService: true,
      fitsProfile: true,
      accepted: true,
      date: '2026-06-15',
    })
    const log = await app.call('interactions:list', { personId: ana })
    expect(log.items).toMatchObject([{ kind: 'email', introductionId: r.introduction.id, notes: 'Introduction: Ben, meet Ana' }])
    expect((await app.fail('followup:makeIntroduction', { partnerId: me, prospectId: ben, ...checks, subject: '', body: 'x' })).field).toBe('partnerId')
  })
})

describe('settings and drafts', () => {
  it('stores templates, people like you and your ideal client (on your record)', async () => {
    const s0 = await app.call('settings:get')
    expect(s0.followup.askFollowUpDays).toBe(7)
    expect(s0.followup.templates.thank.body).toContain('{partner.firstName}')
    const s = await app.call('settings:save', { group: 'followup', values: { templates: { thank: { subject: 'Thanks {partner.name}', body: 'B' } } } })
    await app.call('settings:save', { group: 'profile', values: { peopleLikeMe: 'owners of small firms', idealClient: 'Firms with 10 to 50 staff' } })
    const g = await app.call('settings:save', { group: 'general', values: { currency: 'usd' } })
    expect(s.followup.templates.thank.subject).toBe('Thanks {partner.name}')
    expect(s.followup.templates.ask.subject).toBe(s0.followup.templates.ask.subject)
    expect(g.general.currency).toBe('USD')
    expect((await app.call('people:get', { id: me })).idealClient).toBe('Firms with 10 to 50 staff')
    const ctx = await app.call('followup:context', { partnerId: ana, prospectId: ben })
    expect(ctx.me).toMatchObject({ name: 'Sam Reed', peopleLikeMe: 'owners of small firms', idealClient: 'Firms with 10 to 50 staff' })
    expect(ctx.partner).toMatchObject({ name: 'Ana Ruiz', company: 'Ruiz & Co', idealClient: 'Family firms' })
  })

  it('fills partner and prospect from an introduction', async () => {
    const w = await wonIntro(ana, ben, '2026-06-01', '2026-06-14', 1250)
    const ctx = await app.call('followup:context', { introductionId: w.id })
    expect(ctx.partner?.name).toBe('Ana Ruiz')
    expect(ctx.prospect?.name).toBe('Ben Oduya')
    expect(ctx.introduction).toMatchObject({ value: 1250, currency: 'EUR' })
  })
})

describe('shell:openMailto', () => {
  it('opens only mailto: links the builder made', async () => {
    const opened: string[] = []
    app.ctx.openExternal = async (u) => {
      opened.push(u)
    }
    const url = buildMailto({ to: ['ana@ruiz.example', 'ben@example.com'], subject: 'Hi, "both"', body: 'Zoë\nhere' })
    expect(await app.call('shell:openMailto', { url })).toEqual({ opened: true })
    for (const bad of ['https://example.com', 'mailto:a@b.co?subject=a b', 'file:///etc/passwd', 'mailto:a@b.co?bcc=x@y.z'])
      expect((await app.fail('shell:openMailto', { url: bad })).field).toBe('url')
    expect(opened).toEqual([url])
  })
})

describe('query plans of the Today view', () => {
  it('every per-row subquery is an index search on the row key, never a scan by kind or status', async () => {
    const big = createTestApp('2026-06-15T10:00:00.000Z')
    try {
      await big.call('app:loadSample', {})
      await big.call('settings:save', { group: 'followup', values: { defaultCadenceDays: 60 } })
      const info = await big.call('app:info')
      const someone = (await big.call('people:list', { limit: 2 })).items.find((p) => !p.isMe)!
      await big.call('followup:ask', { personId: someone.id, date: '2026-06-01' })
      await big.call('tasks:create', { title: 'Meet', dueDate: '2026-06-20', personId: someone.id, kind: 'meeting' })
      const db = big.ctx.store.db
      const seen = new Set<string>()
      const orig = db.prepare.bind(db)
      db.prepare = ((sql: string) => {
        if (/^\s*(WITH|SELECT)/i.test(sql)) seen.add(sql)
        return orig(sql)
      }) as typeof db.prepare
      const t = await big.call('followup:today')
      db.prepare = orig
      expect(t.thankWon.length).toBeGreaterThan(0)
      expect(info.meId).toBeTruthy()
      let correlated = 0
      for (const sql of seen) {
        const params = { me: info.meId, from: '2026-01-01', today: '2026-06-15', limit: 200, withDefault: 1, min: 3, recentFrom: '2026-03-18', beforeFrom: '2025-12-18' }
        const named = /@\w/.test(sql)
        const stmt = orig(`EXPLAIN QUERY PLAN ${sql}`)
        const n = (sql.match(/\?/g) ?? []).length
        const rows = (named ? stmt.all(params) : stmt.all(...Array.from({ length: n }, () => 'x'))) as { detail: string }[]
        const lines = rows.map((r) => r.detail)
        lines.forEach((l, k) => {
          if (!l.startsWith('CORRELATED')) return
          correlated++
          expect(lines[k + 1], `${sql}\n${lines.join('\n')}`).toMatch(
            /^SEARCH \w+ USING (COVERING )?INDEX \w+ \((person_id|introduction_id|referrer_id|receiver_id)=/,
          )
        })
      }
      expect(correlated).toBeGreaterThanOrEqual(6)
    } finally {
      big.close()
    }
  })
})
