import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../helpers/ctx'
import { DEFAULT_TEMPLATES, DEFAULT_TEMPLATES_DE } from '../../../src/core/templates/defaults'

let app: TestApp

beforeEach(async () => {
  app = createTestApp('2026-06-15T10:00:00.000Z')
  await app.call('app:startEmpty', { meName: 'Sam Reed' })
})
afterEach(() => app.close())

const placeholders = (s: string) => [...new Set(s.match(/\{[a-zA-Z.]+\}/g) ?? [])].sort()

describe('language and region settings', () => {
  it('are stored, read back, and null means the computer’s', async () => {
    expect((await app.call('settings:get')).general).toMatchObject({ language: null, region: null })
    await app.call('settings:save', { group: 'general', values: { language: 'de', region: 'de-AT' } })
    expect((await app.call('settings:get')).general).toMatchObject({ language: 'de', region: 'de-AT' })
    await app.call('settings:save', { group: 'general', values: { region: null } })
    expect((await app.call('settings:get')).general).toMatchObject({ language: 'de', region: null })
  })

  it('refuse an unknown language or a region that is not a locale, naming the field, and keep what was stored', async () => {
    await app.call('settings:save', { group: 'general', values: { language: 'de' } })
    const bad = await app.fail('settings:save', { group: 'general', values: { language: 'tlh' } })
    expect(bad.code).toBe('VALIDATION')
    expect(bad.field).toBe('values.language')
    const region = await app.fail('settings:save', { group: 'general', values: { region: 'not a region!' } })
    expect(region.field).toBe('values.region')
    expect((await app.call('settings:get')).general).toMatchObject({ language: 'de', region: null })
  })
})

describe('the built-in message templates speak the app’s language', () => {
  it('German has the same placeholders as English in every template', () => {
    for (const kind of ['thank', 'ask', 'introduction'] as const) {
      expect(placeholders(DEFAULT_TEMPLATES_DE[kind].subject + DEFAULT_TEMPLATES_DE[kind].body)).toEqual(
        placeholders(DEFAULT_TEMPLATES[kind].subject + DEFAULT_TEMPLATES[kind].body),
      )
    }
  })

  it('a network in German gets the German templates; an edited template stays as the user wrote it', async () => {
    await app.call('settings:save', { group: 'general', values: { language: 'en' } })
    expect((await app.call('settings:get')).followup.templates.thank).toEqual(DEFAULT_TEMPLATES.thank)
    await app.call('settings:save', { group: 'followup', values: { templates: { ask: { subject: 'My own ask', body: 'Hi {prospect.firstName}' } } } })
    await app.call('settings:save', { group: 'general', values: { language: 'de' } })
    const t = (await app.call('settings:get')).followup.templates
    expect(t.thank).toEqual(DEFAULT_TEMPLATES_DE.thank)
    expect(t.thank.body).toContain('Hallo {partner.firstName}')
    expect(t.ask).toEqual({ subject: 'My own ask', body: 'Hi {prospect.firstName}' })
  })
})
