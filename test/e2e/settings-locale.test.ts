import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startE2E, type E2EApp } from './harness'
import { de, en } from '../../src/shared/i18n'

/**
 * Settings › Language and region in Chromium: choosing Deutsch and de-DE switches the whole app at once
 * (sidebar, screen headings, money on Reports), choosing English and en-US switches it back; and unsaved
 * template edits ask before the screen changes.
 */
let app: E2EApp
const SHOTS = '/tmp/files'

beforeAll(async () => {
  app = await startE2E({ now: '2026-06-15T10:00:00.000Z' })
  const me = (await app.api<{ meId: string }>('app:startEmpty', { meName: 'Sam Rivera' })).meId
  const ann = (await app.api<{ id: string }>('people:create', { name: 'Ann Accountant' })).id
  await app.api('introductions:create', {
    referrerId: ann,
    receiverId: me,
    prospect: { new: { name: 'Paula Prospect' } },
    date: '2026-03-01',
    status: 'won',
    statusDate: '2026-03-11',
    value: 1234.56,
    currency: 'EUR',
  })
  await app.reload()
  mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => {
  await app?.close()
})

const sidebar = (lang: typeof en | typeof de) => app.page.getByRole('navigation', { name: lang.shell.nav.label })
const goTo = (lang: typeof en | typeof de, route: 'people' | 'reports' | 'settings') =>
  sidebar(lang).getByRole('button', { name: lang.shell.nav[route], exact: true }).click()

it('choosing Deutsch and de-DE in Settings switches the whole app to German; English and en-US switch it back', async () => {
  const { page } = app
  await goTo(en, 'settings')
  const form = page.getByRole('form', { name: en.settings.locale.title })
  await form.getByLabel(en.settings.locale.language, { exact: true }).selectOption('de')
  await form.getByLabel(en.settings.locale.region).selectOption('de-DE')
  // The example shows the chosen region before it is saved.
  await expect.poll(() => form.getByTestId('locale-example').innerText()).toMatch(/1\.250,50\s€ · 02\.12\.2026/)
  await form.getByRole('button', { name: en.settings.locale.save }).click()

  // The whole app, at once: the sidebar, the open screen, then the others.
  await sidebar(de).getByRole('button', { name: de.shell.nav.people, exact: true }).waitFor()
  await page.getByRole('heading', { level: 1, name: de.settings.title }).waitFor()
  expect(await page.locator('html').getAttribute('lang')).toBe('de')
  await page.setViewportSize({ width: 1440, height: 1500 })
  await page.screenshot({ path: `${SHOTS}/settings-de.png` })
  await page.setViewportSize({ width: 1360, height: 860 })

  await goTo(de, 'people')
  await page.getByRole('heading', { level: 1, name: de.people.list.title }).waitFor()
  await goTo(de, 'reports')
  const leaderboard = page.getByRole('table', { name: de.reports.leaderboard.label })
  const annRow = leaderboard.locator('tbody tr', { hasText: 'Ann Accountant' })
  await annRow.waitFor()
  // The leaderboard shows whole euros: German groups with a point and puts the sign after the number.
  await expect.poll(() => annRow.innerText()).toMatch(/\b1\.235\s€/)
  await page.screenshot({ path: `${SHOTS}/reports-de.png` })

  // Back to English.
  await goTo(de, 'settings')
  const deForm = page.getByRole('form', { name: de.settings.locale.title })
  await deForm.getByLabel(de.settings.locale.language, { exact: true }).selectOption('en')
  await deForm.getByLabel(de.settings.locale.region).selectOption('en-US')
  await deForm.getByRole('button', { name: de.settings.locale.save }).click()
  await sidebar(en).getByRole('button', { name: en.shell.nav.people, exact: true }).waitFor()
  await page.getByRole('heading', { level: 1, name: en.settings.title }).waitFor()
  await goTo(en, 'people')
  await page.getByRole('heading', { level: 1, name: en.people.list.title }).waitFor()
  await goTo(en, 'reports')
  const enRow = page.getByRole('table', { name: en.reports.leaderboard.label }).locator('tbody tr', { hasText: 'Ann Accountant' })
  await enRow.waitFor()
  await expect.poll(() => enRow.innerText()).toContain('€1,235')
  expect(await page.locator('html').getAttribute('lang')).toBe('en')
})

it('a template with unsaved edits asks before the screen changes: Keep editing keeps the text, Discard leaves', async () => {
  const { page } = app
  await goTo(en, 'settings')
  const body = page.getByLabel(en.settings.template.message, { exact: true })
  await body.waitFor()
  const original = await body.inputValue()
  await body.fill(`${original}\nSee you at the breakfast.`)

  await goTo(en, 'people')
  const dialog = page.getByRole('dialog', { name: en.common.unsaved.title })
  await dialog.waitFor()
  await dialog.getByRole('button', { name: en.common.unsaved.keepEditing }).click()
  await dialog.waitFor({ state: 'detached' })
  await page.getByRole('heading', { level: 1, name: en.settings.title }).waitFor()
  expect(await body.inputValue()).toBe(`${original}\nSee you at the breakfast.`)

  // Ctrl+digit asks the same way.
  await page.keyboard.press('Control+2')
  await dialog.waitFor()
  await dialog.getByRole('button', { name: en.common.unsaved.discard }).click()
  await page.getByRole('heading', { level: 1, name: en.people.list.title }).waitFor()

  // Nothing was saved: the template is as it was.
  await goTo(en, 'settings')
  await body.waitFor()
  expect(await body.inputValue()).toBe(original)
})
