import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../helpers/ctx'
import { readSetting } from '../../../src/backend/db/settings'
import { SETTINGS, SETTING_KEYS } from '../../../src/shared/settings'

let app: TestApp
let me: string

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')
const rows = () => app.ctx.store.db.prepare('SELECT key, value FROM settings ORDER BY key').all()
/** Writes a raw stored value, as an older version, a hand edit or a damaged file could leave it. */
const storeRaw = (key: string, json: string) =>
  app.ctx.store.db
    .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, json, '2026-01-01T00:00:00.000Z')

beforeEach(async () => {
  app = createTestApp('2026-06-15T10:00:00.000Z')
  await app.call('app:startEmpty', { meName: 'Sam Reed' })
  me = (await app.call('app:info')).meId!
})
afterEach(() => app.close())

describe('typed settings: bad values are refused', () => {
  it('the raw settings:set channel is gone', async () => {
    expect((await app.fail('settings:set' as never, { key: 'files.keepBackups', value: 0 })).code).toBe('UNKNOWN_CHANNEL')
  })

  it.each([
    ['files', { keepBackups: 0 }, 'values.keepBackups'],
    ['files', { keepBackups: 'abc' }, 'values.keepBackups'],
    ['files', { keepBackups: 2.5 }, 'values.keepBackups'],
    ['general', { currency: 42 }, 'values.currency'],
    ['general', { currency: 'euros' }, 'values.currency'],
    ['general', { timeZone: 'Moon/Base' }, 'values.timeZone'],
    ['followup', { defaultCadenceDays: 'abc' }, 'values.defaultCadenceDays'],
    ['followup', { askFollowUpDays: 0 }, 'values.askFollowUpDays'],
    ['followup', { templates: { thank: { subject: 'x', body: { a: { b: { c: { d: 1 } } } } } } }, 'values.templates.thank.body'],
    ['followup', { templates: { spam: { subject: 'x', body: 'y' } } }, 'values.templates'],
    ['profile', { peopleLikeMe: { a: [[[[['deep']]]]] } }, 'values.peopleLikeMe'],
    ['general', { sneaky: 1 }, 'values'],
  ] as const)('%s %j -> VALIDATION on %s, nothing stored', async (group, values, field) => {
    const before = rows()
    const e = await app.fail('settings:save', { group, values })
    expect(e.code).toBe('VALIDATION')
    expect(e.field).toBe(field)
    expect(rows()).toEqual(before)
  })

  it('an unknown group or a deeply nested body is a VALIDATION error, never INTERNAL', async () => {
    let deep: unknown = 'x'
    for (let i = 0; i < 5000; i++) deep = { a: deep }
    expect((await app.fail('settings:save', { group: 'secrets', values: {} })).code).toBe('VALIDATION')
    expect((await app.fail('settings:save', { group: 'general', values: deep })).code).toBe('VALIDATION')
    expect((await app.fail('settings:get', { group: deep })).code).toBe('VALIDATION')
  })

  it('files:setKeepBackups checks with the same registry schema', async () => {
    for (const keep of [0, 'abc', -3])
      expect(await app.fail('files:setKeepBackups', { keep })).toMatchObject({ code: 'VALIDATION', field: 'keep' })
    expect(readSetting(app.ctx.store.db, 'files.keepBackups')).toBe(20)
    await app.call('files:setKeepBackups', { keep: 3 })
    expect((await app.call('settings:get')).files.keepBackups).toBe(3)
  })

  it('good values are stored, only the fields sent change, and read back typed', async () => {
    await app.call('settings:save', { group: 'followup', values: { askFollowUpDays: 10, defaultCadenceDays: 45 } })
    const s = await app.call('settings:save', { group: 'followup', values: { defaultCadenceDays: null } })
    expect(s.followup).toMatchObject({ askFollowUpDays: 10, defaultCadenceDays: null })
    const g = await app.call('settings:save', { group: 'general', values: { currency: ' gbp ', timeZone: 'Pacific/Auckland' } })
    expect(g.general).toEqual({ currency: 'GBP', timeZone: 'Pacific/Auckland', timeZoneIsDefault: false, language: null, region: null })
    const p = await app.call('settings:save', { group: 'profile', values: { profession: 'Accountant', company: 'Reed & Co', peopleLikeMe: '  ' } })
    expect(p.profile).toEqual({ profession: 'Accountant', company: 'Reed & Co', idealClient: null, peopleLikeMe: null })
    expect(await app.call('people:get', { id: me })).toMatchObject({ profession: 'Accountant', company: 'Reed & Co' })
    expect((await app.call('settings:save', { group: 'files', values: { keepBackups: 5 } })).files.keepBackups).toBe(5)
  })

  it('profile fields need a "me"', async () => {
    const other = createTestApp()
    try {
      expect(await other.fail('settings:save', { group: 'profile', values: { profession: 'Coach' } })).toMatchObject({
        code: 'VALIDATION',
        field: 'values.profession',
      })
      // People like you is a setting, so it can be saved before there is a "me".
      expect((await other.call('settings:save', { group: 'profile', values: { peopleLikeMe: 'founders' } })).profile.peopleLikeMe).toBe('founders')
    } finally {
      other.close()
    }
  })
})

describe('a bad stored value reads as the default', () => {
  it('every registered key: junk, wrong types, deep nesting and broken JSON all read as the default', () => {
    let deep = '"x"'
    for (let i = 0; i < 3000; i++) deep = `{"a":${deep}}`
    for (const junk of ['0', '"abc"', '42', '{"a":[1,{"b":null}]}', deep, 'not json', '-1'])
      for (const key of SETTING_KEYS) {
        storeRaw(key, junk)
        const v = readSetting(app.ctx.store.db, key)
        const ok = (SETTINGS[key].schema as { safeParse(x: unknown): { success: boolean } }).safeParse(v).success
        expect(ok || v === SETTINGS[key].default, `${key} = ${junk.slice(0, 20)}`).toBe(true)
      }
  })

  it('the backups, introductions and Today keep working with bad stored settings', async () => {
    storeRaw('files.keepBackups', '0')
    storeRaw('currency', '42')
    storeRaw('followup.defaultCadenceDays', '"abc"')
    storeRaw('followup.askFollowUpDays', '{"a":{"b":1}}')
    storeRaw('timeZone', '"Moon/Base"')
    storeRaw('followup.templates', '{"thank":5}')
    const s = await app.call('settings:get')
    expect(s.files.keepBackups).toBe(20)
    expect(s.general.currency).toBe('EUR')
    expect(s.general.timeZoneIsDefault).toBe(true)
    expect(s.followup).toMatchObject({ defaultCadenceDays: null, askFollowUpDays: 7 })
    expect(s.followup.templates.thank.subject).toContain('{prospect.name}')

    await app.call('files:backupNow')
    expect((await app.call('files:listBackups')).keep).toBe(20)
    const ana = (await app.call('people:create', { name: 'Ana Ruiz' })).id
    const intro = await app.call('introductions:create', { referrerId: ana, receiverId: me, prospect: { new: { name: 'Ben' } }, date: '2026-06-01', value: 100 })
    expect(intro.currency).toBe('EUR')
    expect((await app.call('followup:today')).today).toBe('2026-06-15')
  })

  it('importing a network file keeps only the settings the registry accepts', async () => {
    const fresh = createTestApp()
    try {
      const file = {
        format: 'referral-map',
        version: 1,
        exportedAt: '2026-06-01T00:00:00Z',
        people: [{ id: '01900000-0000-7000-8000-000000000001', name: 'Ana' }],
        settings: {
          'files.keepBackups': 0,
          currency: 42,
          'followup.defaultCadenceDays': 30,
          timeZone: 'Europe/Paris',
          evil: { deep: { deeper: 1 } },
        },
      }
      await fresh.call('files:mergeNetwork', { data: b64(JSON.stringify(file)), fileName: 'n.json' })
      const keys = (fresh.ctx.store.db.prepare('SELECT key FROM settings ORDER BY key').all() as { key: string }[]).map((r) => r.key)
      expect(keys).toEqual(['followup.defaultCadenceDays', 'timeZone'])
      const s = await fresh.call('settings:get')
      expect(s.files.keepBackups).toBe(20)
      expect(s.general).toMatchObject({ currency: 'EUR', timeZone: 'Europe/Paris' })
      expect(s.followup.defaultCadenceDays).toBe(30)
      // And an export carries only registry-valid settings.
      storeRaw('currency', '42')
      storeRaw('evil', '{"x":1}')
      await app.call('settings:save', { group: 'followup', values: { askFollowUpDays: 9 } })
      const out = JSON.parse((await app.call('files:export', { format: 'json' })).text) as { settings: Record<string, unknown> }
      expect(out.settings).toEqual({ 'followup.askFollowUpDays': 9 })
    } finally {
      fresh.close()
    }
  })
})

describe('today comes from one place: the service clock in the Settings time zone', () => {
  it('near midnight: Auckland is already tomorrow, Los Angeles still yesterday, everywhere in the backend', async () => {
    const ana = (await app.call('people:create', { name: 'Ana Ruiz' })).id
    const ben = (await app.call('people:create', { name: 'Ben Oduya' })).id
    // 11:30 UTC on 15 June is 23:30 in Auckland (NZST, UTC+12) and 04:30 in Los Angeles (PDT, UTC-7).
    app.setNow('2026-06-15T12:30:00.000Z') // 00:30 on 16 June in Auckland
    await app.call('settings:save', { group: 'general', values: { timeZone: 'Pacific/Auckland' } })
    let info = await app.call('app:info')
    expect(info).toMatchObject({ today: '2026-06-16', timeZone: 'Pacific/Auckland' })
    expect((await app.call('followup:today')).today).toBe('2026-06-16')
    const lead = await app.call('followup:saveLead', { partnerId: ana, prospectId: ben, needsService: false, fitsProfile: true, accepted: true })
    expect(lead.date).toBe('2026-06-16')

    app.setNow('2026-06-16T06:30:00.000Z') // 23:30 on 15 June in Los Angeles
    await app.call('settings:save', { group: 'general', values: { timeZone: 'America/Los_Angeles' } })
    info = await app.call('app:info')
    expect(info).toMatchObject({ today: '2026-06-15', timeZone: 'America/Los_Angeles' })
    expect((await app.call('followup:today')).today).toBe('2026-06-15')
    const task = await app.call('tasks:create', { title: 'Call Ana', dueDate: '2026-06-15', personId: ana })
    expect(task.daysOverdue).toBe(0)
  })

  it('without a chosen zone, the computer’s zone is used and reported', async () => {
    const info = await app.call('app:info')
    const host = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
    expect(info.timeZone).toBe(host)
    expect((await app.call('settings:get')).general).toMatchObject({ timeZone: host, timeZoneIsDefault: true })
  })
})

describe('first run', () => {
  it('app:startEmpty stores your profile with you, in one go', async () => {
    const fresh = createTestApp()
    try {
      const info = await fresh.call('app:startEmpty', {
        meName: 'Sam Reed',
        profile: { profession: 'Accountant', company: 'Reed & Co', idealClient: 'Family firms', peopleLikeMe: 'owners of small firms' },
      })
      expect(await fresh.call('people:get', { id: info.meId! })).toMatchObject({ name: 'Sam Reed', profession: 'Accountant', company: 'Reed & Co', idealClient: 'Family firms' })
      expect((await fresh.call('settings:get')).profile).toEqual({
        profession: 'Accountant',
        company: 'Reed & Co',
        idealClient: 'Family firms',
        peopleLikeMe: 'owners of small firms',
      })
      // The ask draft's values are all there.
      const ctx = await fresh.call('followup:context', {})
      expect(ctx.me).toMatchObject({ profession: 'Accountant', peopleLikeMe: 'owners of small firms', idealClient: 'Family firms' })
    } finally {
      fresh.close()
    }
  })

  it('a bad profile value is refused with its field and nothing is created', async () => {
    const fresh = createTestApp()
    try {
      const e = await fresh.fail('app:startEmpty', { meName: 'Sam', profile: { profession: 'x'.repeat(201) } })
      expect(e).toMatchObject({ code: 'VALIDATION', field: 'profile.profession' })
      expect((await fresh.fail('app:startEmpty', { meName: 'Sam', profile: { salary: 1 } })).code).toBe('VALIDATION')
      expect((await fresh.call('app:info')).isEmpty).toBe(true)
      expect(fresh.ctx.store.db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 })
    } finally {
      fresh.close()
    }
  })
})
