import { join, resolve } from 'node:path'
import { mkdirSync } from 'node:fs'
import { afterEach, expect, it } from 'vitest'
import { startE2E, type E2EApp } from './harness'

let app: E2EApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const DOCS = resolve(__dirname, '../../docs')

it('records introductions with known outcomes and shows them on the leaderboard, sortable, opening the partner', async () => {
  app = await startE2E({ now: '2026-06-15T10:00:00.000Z' })
  const { page } = app
  const me = (await app.api<{ meId: string }>('app:startEmpty', { meName: 'Sam Rivera' })).meId
  const ann = (await app.api<{ id: string }>('people:create', { name: 'Ann Accountant' })).id
  const bob = (await app.api<{ id: string }>('people:create', { name: 'Bob Builder' })).id
  const rec = (referrerId: string, receiverId: string, date: string, more: object) =>
    app!.api('introductions:create', { referrerId, receiverId, prospect: { new: { name: `P ${date}` } }, date, ...more })
  await rec(ann, me, '2026-01-10', { status: 'won', statusDate: '2026-02-09', value: 1200 })
  await rec(ann, me, '2026-02-10', { status: 'won', statusDate: '2026-03-02', value: 800 })
  await rec(ann, me, '2026-03-05', { status: 'lost' })
  await rec(ann, me, '2026-04-01', { status: 'meeting' })
  await rec(bob, me, '2026-05-01', { status: 'won', statusDate: '2026-05-11', value: 5000 })
  await rec(me, bob, '2026-05-02', { status: 'new' })
  await rec(me, bob, '2026-05-03', { status: 'new' })

  await app.reload()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reports' }).click()
  await page.getByRole('heading', { name: 'Reports', exact: true }).waitFor()
  const table = page.getByRole('table', { name: 'Partner leaderboard' })
  await table.locator('tbody tr').nth(1).waitFor()
  expect(await table.locator('tbody tr').count()).toBe(2)

  const cells = async (name: string) => {
    const row = table.locator('tbody tr', { hasText: name })
    return (await row.locator('td').allInnerTexts()).map((s) => s.trim())
  }
  // Rank, Partner, Received, Won, Decided, Conversion, Quality, Closed value, Avg days, Median, Given, Balance, Spin-off, Last
  const a = await cells('Ann Accountant')
  expect(a.slice(2, 6)).toEqual(['4', '2', '3', '67%'])
  expect(a[7]).toBe('€2,000')
  expect(a[8]).toBe('25') // (30 + 20) / 2
  expect(a[10]).toBe('0')
  expect(a[11]).toBe('+4')
  const b = await cells('Bob Builder')
  expect(b.slice(2, 6)).toEqual(['1', '1', '1', '100%'])
  expect(b[7]).toBe('€5,000')
  expect(b[10]).toBe('2')
  expect(b[11]).toBe('-1')
  // Ranked by evidence: 2 won of 3 (low end 21%) above 1 won of 1 (low end 21%, fewer decided: 0.2077 > 0.2065).
  expect([a[0], b[0]]).toEqual(['1', '2'])
  await page.getByText(/Ranked by the low end of the 95% confidence band/).waitFor()
  // Network figures: 5 received, 3 won of 4 decided.
  const figures = page.getByRole('region', { name: 'Network figures' })
  const figure = (name: string) => figures.getByRole('group', { name, exact: true })
  await expect.poll(() => figure('Conversion').innerText()).toMatch(/75%\s+3 won of 4 decided/)
  await expect.poll(() => figure('Closed value').innerText()).toContain('€7,000')
  await expect.poll(() => figure('Introductions').innerText()).toMatch(/7\s+5 received · 2 given/)
  await expect.poll(() => figure('Median time to close').innerText()).toContain('20 days')

  // Sort by closed value (descending first): Bob leads; again: ascending, Ann leads.
  const header = table.getByRole('columnheader', { name: 'Closed value' })
  await header.getByRole('button').click()
  await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending')
  await expect.poll(async () => (await table.locator('tbody tr').first().locator('td').nth(1).innerText()).trim()).toMatch(/^Bob Builder/)
  await header.getByRole('button').click()
  await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending')
  await expect.poll(async () => (await table.locator('tbody tr').first().locator('td').nth(1).innerText()).trim()).toMatch(/^Ann Accountant/)

  // A period with no data: the empty state.
  await page.getByLabel('Period').selectOption('custom')
  await page.getByLabel('From').fill('2023-01-01')
  await page.getByLabel('To').fill('2023-12-31')
  await page.getByText('No introductions in this period', { exact: true }).waitFor()
  await page.getByLabel('Period').selectOption('last12')
  await table.locator('tbody tr').nth(1).waitFor()

  // CSV export downloads the scorecards.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()])
  expect(download.suggestedFilename()).toBe('scorecards_2025-07-01_2026-06-30.csv')

  // Clicking a partner opens their detail.
  await table.locator('tbody tr', { hasText: 'Ann Accountant' }).click()
  await page.getByRole('heading', { name: /Ann Accountant/ }).first().waitFor()
  // ...with their scorecard beside their introductions.
  const scorecard = page.locator('.rpt-partner')
  await scorecard.getByText('2 won · 1 lost · 0 not a fit · 1 open').waitFor()
  await expect.poll(() => scorecard.innerText()).toContain('€2,000')
  await app.screenshot('reports-partner-detail')
})

it('the sample network on the Reports screen (screenshot for the README)', async () => {
  app = await startE2E({ now: '2026-10-31T10:00:00.000Z', viewport: { width: 1440, height: 900 } })
  const { page } = app
  await app.api('app:loadSample', {})
  await app.reload()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reports' }).click()
  const table = page.getByRole('table', { name: 'Partner leaderboard' })
  await table.locator('tbody tr').nth(10).waitFor()
  expect(await table.locator('tbody tr').count()).toBeGreaterThan(20)
  await page.getByRole('region', { name: 'Network figures' }).getByText('Conversion', { exact: true }).waitFor()
  await app.screenshot('reports')
  mkdirSync(DOCS, { recursive: true })
  await page.setViewportSize({ width: 1440, height: 2000 })
  await page.screenshot({ path: join(DOCS, 'reports.png') })
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.emulateMedia({ colorScheme: 'dark' })
  await app.screenshot('reports-dark')
})

it('money of different currencies is shown per currency, never added (Reports, the partner, the graph panel)', async () => {
  app = await startE2E({ now: '2026-06-15T10:00:00.000Z' })
  const { page } = app
  const me = (await app.api<{ meId: string }>('app:startEmpty', { meName: 'Sam Rivera' })).meId
  const ann = (await app.api<{ id: string }>('people:create', { name: 'Ann Accountant' })).id
  const gus = (await app.api<{ id: string }>('people:create', { name: 'Gus Green' })).id
  const rec = (referrerId: string, receiverId: string, date: string, more: object) =>
    app!.api('introductions:create', { referrerId, receiverId, prospect: { new: { name: `P ${date}` } }, date, ...more })
  await rec(ann, me, '2026-03-01', { status: 'won', statusDate: '2026-03-11', value: 1000, currency: 'EUR' })
  await rec(ann, me, '2026-04-01', { status: 'won', statusDate: '2026-04-21', value: 2400, currency: 'GBP' })
  await rec(gus, me, '2026-04-10', { status: 'won', statusDate: '2026-04-20', value: 500, currency: 'GBP' })

  await app.reload()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reports' }).click()
  const table = page.getByRole('table', { name: 'Partner leaderboard' })
  await table.locator('tbody tr').nth(1).waitFor()
  const row = table.locator('tbody tr', { hasText: 'Ann Accountant' })
  expect((await row.locator('td').nth(7).innerText()).trim()).toBe('€1,000 · £2,400')
  const figure = page.getByRole('region', { name: 'Network figures' }).getByRole('group', { name: 'Closed value', exact: true })
  await expect.poll(() => figure.innerText()).toMatch(/€1,000\s+£2,900/)
  expect(await figure.innerText()).not.toContain('3,900')
  await page.getByRole('img', { name: 'Closed value by month (GBP)' }).waitFor()
  await app.screenshot('reports-currencies')
  await table.scrollIntoViewIfNeeded()
  await app.screenshot('reports-currencies-leaderboard')

  // The graph panel: every currency listed, and the map's size by value counts EUR only.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Network' }).click()
  await page.getByLabel('Find a person').waitFor()
  await page.getByLabel('Find a person').fill('Ann Acc')
  await page.getByRole('option', { name: /Ann Accountant/ }).first().click()
  const panel = page.getByRole('complementary', { name: 'About Ann Accountant' })
  await expect.poll(() => panel.innerText()).toContain('€1,000 · £2,400 (size on the map: EUR only)')
  await page.waitForTimeout(400)
  await app.screenshot('graph-panel-currencies')
  mkdirSync(DOCS, { recursive: true })
  await page.screenshot({ path: join(DOCS, 'reports-currencies.png'), fullPage: true })
})

it('the Reports screen in German with German formats (language and region from the settings)', async () => {
  app = await startE2E({ now: '2026-10-31T10:00:00.000Z', viewport: { width: 1440, height: 900 } })
  const { page } = app
  await app.api('app:loadSample', {})
  await app.api('settings:save', { group: 'general', values: { language: 'de', region: 'de-DE' } })
  await app.reload()
  const nav = page.getByRole('navigation', { name: 'Hauptmenü' })
  await nav.getByRole('button', { name: 'Berichte' }).click()
  await page.getByRole('heading', { name: 'Berichte' }).waitFor()
  const table = page.getByRole('table', { name: 'Rangliste der Partner' })
  await table.locator('tbody tr').nth(10).waitFor()
  const figures = page.getByRole('region', { name: 'Kennzahlen des Netzwerks' })
  // German number formats: "1.234 €" and "42 %".
  await expect.poll(() => figures.getByRole('group', { name: 'Abschlusswert' }).innerText()).toMatch(/\d\s€/)
  await expect.poll(() => figures.getByRole('group', { name: 'Abschlussquote' }).innerText()).toMatch(/\d\s%/)
  await page.getByRole('button', { name: /Abschlusswert nach Monat \(EUR\): als Tabelle zeigen/ }).click()
  const monthly = page.getByRole('table', { name: /Abschlusswert nach Monat/ })
  await expect.poll(() => monthly.innerText()).toMatch(/Monat/)
  mkdirSync('/tmp/shell', { recursive: true })
  await page.screenshot({ path: '/tmp/shell/reports-de.png' })
})
