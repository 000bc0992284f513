import { resolve } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { de, en } from '../../src/shared/i18n'
import { startE2E, type E2EApp } from './harness'

/**
 * The German run: the sample network with language Deutsch and region de-DE, in
 * the order a new user clicks. Every label the test looks for is the German
 * catalogue's text for an English one (`deOf`), so the test follows the catalogue.
 * Screenshots of it go to docs/ (de-*.png).
 */
const DOCS = resolve(__dirname, '../../docs')
let app: E2EApp

/** The German text at the same place in the catalogue as this English text (the first such place). */
function deOf(english: string): string {
  const search = (e: unknown, d: unknown): string | undefined => {
    if (typeof e === 'string') return e === english ? (d as string) : undefined
    for (const k of Object.keys(e as object)) {
      const r = search((e as Record<string, unknown>)[k], (d as Record<string, unknown>)[k])
      if (r !== undefined) return r
    }
    return undefined
  }
  const r = search(en, de)
  if (r === undefined) throw new Error(`No catalogue entry reads “${english}”`)
  return r
}

const GERMAN_MONEY = /\d{1,3}(?:\.\d{3})*(?:,\d{2})?\s€/
const GERMAN_DATE = /\b\d{2}\.\d{2}\.\d{4}\b/

beforeAll(async () => {
  app = await startE2E({ now: '2026-06-15T10:00:00.000Z' })
  await app.api('app:loadSample', {})
  await app.api('settings:save', { group: 'general', values: { language: 'de', region: 'de-DE' } })
  await app.reload()
})
afterAll(async () => {
  await app?.close()
})

const nav = () => app.page.locator('nav.sidebar')
async function go(english: string) {
  await nav().getByRole('button', { name: deOf(english), exact: false }).first().click()
  await app.page.waitForTimeout(700)
}

it('the shell, People and a person read in German, dates in the German format', async () => {
  const page = app.page
  await nav().waitFor()
  expect(await page.locator('html').getAttribute('lang')).toBe('de')
  await go('People')
  const rows = page.locator('table.data tbody tr')
  await rows.first().waitFor()
  await page.getByRole('heading', { name: deOf('People'), exact: true }).first().waitFor()
  await page.screenshot({ path: resolve(DOCS, 'de-people.png') })
  // The row menu, in German.
  await rows.nth(1).click({ button: 'right' })
  const menu = page.getByRole('menu')
  await menu.waitFor()
  const items = await menu.getByRole('menuitem').allTextContents()
  expect(items).toContain(deOf('Open'))
  const recordFrom = new RegExp(`^${deOf('Record introduction from {{name}}…').replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('{{name}}', '.+')}$`)
  expect(items.some((i) => recordFrom.test(i))).toBe(true)
  await page.screenshot({ path: resolve(DOCS, 'de-people-row-menu.png') })
  await page.keyboard.press('Escape')
  await go('Introductions')
  await page.locator('table.data tbody tr').first().waitFor()
  expect(await page.locator('table.data tbody').innerText()).toMatch(GERMAN_DATE)
  await page.screenshot({ path: resolve(DOCS, 'de-introductions.png') })
})

it('a new person submitted empty shows its errors in German, and closing with edits asks in German', async () => {
  const page = app.page
  await go('People')
  await page.keyboard.press('Control+n')
  const dialog = page.getByRole('dialog')
  await dialog.waitFor()
  await dialog.locator('button[type="submit"]').first().click()
  const error = dialog.locator('.field-error').first()
  await error.waitFor()
  const text = await error.innerText()
  expect(text).not.toMatch(/[Ee]nter|required/)
  await dialog.locator('input').first().fill('Zoë Zimmermann')
  await page.keyboard.press('Escape')
  const ask = page.getByRole('dialog', { name: deOf('Unsaved changes') })
  await ask.waitFor()
  await page.screenshot({ path: resolve(DOCS, 'de-unsaved-changes.png') })
  await ask.getByRole('button', { name: deOf('Discard changes') }).click()
  await page.getByRole('dialog').waitFor({ state: 'detached' })
})

it('Reports show money in the German way (1.234,56 €)', async () => {
  const page = app.page
  await go('Reports')
  await page.locator('main svg, main table').first().waitFor()
  await page.waitForTimeout(800)
  expect(await page.locator('main').innerText()).toMatch(GERMAN_MONEY)
  expect(await page.locator('main').innerText()).not.toMatch(/EUR \d/)
  await page.screenshot({ path: resolve(DOCS, 'de-reports.png') })
})

it('Thank & follow up, Insights and Settings read in German', async () => {
  const page = app.page
  await go('Thank & follow up')
  await page.screenshot({ path: resolve(DOCS, 'de-followup.png') })
  await go('Insights')
  await page.waitForTimeout(800)
  await page.screenshot({ path: resolve(DOCS, 'de-insights.png') })
  await go('Settings')
  await page.getByRole('heading', { name: deOf('Settings'), exact: true }).first().waitFor()
  await page.screenshot({ path: resolve(DOCS, 'de-settings.png') })
})

it('a five-person map in German: the legend and the side panel', async () => {
  const small = await startE2E({ now: '2026-06-15T10:00:00.000Z' })
  try {
    const info = await small.api<{ meId: string }>('app:startEmpty', { meName: 'Sam Rivera' })
    const id: Record<string, string> = {}
    for (const name of ['Anna Lehmann', 'Bernd Ito', 'Clara Díaz', 'Eva Stein']) id[name] = (await small.api<{ id: string }>('people:create', { name })).id
    const intro = (referrerId: string, receiverId: string, prospect: string, status: string, value?: number) =>
      small.api('introductions:create', {
        referrerId, receiverId, prospect: { new: { name: prospect } }, date: '2026-05-01', status, kind: 'referral', origin: 'inbound',
        ...(value ? { value, currency: 'EUR' } : {}),
      })
    await intro(id['Anna Lehmann']!, info.meId, 'Paul Prospekt', 'won', 4250.5)
    await intro(id['Anna Lehmann']!, info.meId, 'Quirin Kunde', 'lost')
    await intro(id['Bernd Ito']!, info.meId, 'Rita Käufer', 'won', 900)
    await intro(info.meId, id['Clara Díaz']!, 'Sol Lead', 'new')
    await small.api('settings:save', { group: 'general', values: { language: 'de', region: 'de-DE' } })
    await small.reload()
    await small.page.locator('nav.sidebar').waitFor()
    await small.page.keyboard.press('Control+1')
    await small.page.locator('[data-drawn-at]').first().waitFor({ timeout: 30_000 })
    await small.page.waitForTimeout(800)
    const main = await small.page.locator('main').innerText()
    expect(main).toContain(deOf('Hide legend'))
    expect(main).toMatch(/\d+\s%/)
    // Finding a partner (Strg+F) opens the side panel, with the won value the German way.
    await small.page.keyboard.press('Control+f')
    await small.page.keyboard.type('Anna')
    await small.page.getByRole('option', { name: /Anna Lehmann/ }).first().click()
    await small.page.getByRole('complementary', { name: /Anna Lehmann/ }).waitFor()
    await small.page.waitForTimeout(400)
    // Whole euros on the map, rounded the German way.
    expect(await small.page.getByRole('complementary', { name: /Anna Lehmann/ }).innerText()).toMatch(/4\.251\s€/)
    await small.page.screenshot({ path: resolve(DOCS, 'de-network-small.png') })
  } finally {
    await small.close()
  }
})
