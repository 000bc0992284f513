import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startE2E, type AxeViolation, type E2EApp } from './harness'

/**
 * axe-core on every screen after loading the sample: no serious or critical violations
 * (names, labels, roles, contrast). Minor and moderate findings are printed, not failed.
 */
let app: E2EApp

beforeAll(async () => {
  app = await startE2E({ now: '2026-06-15T10:00:00.000Z' })
})
afterAll(async () => {
  await app?.close()
})

async function go(section: string, heading: string | RegExp = section) {
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: section, exact: true }).click()
  await app.page.getByRole('heading', { name: heading }).first().waitFor()
}

const describeAll = (vs: AxeViolation[]) =>
  vs.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target}  ${n.html}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n')}`).join('\n')

/** The serious and critical violations on the page now, as text (empty when there are none). */
async function serious(screen: string): Promise<string> {
  const vs = await app.axe()
  const minor = vs.filter((v) => v.impact !== 'serious' && v.impact !== 'critical')
  if (minor.length) console.log(`[a11y] ${screen}, minor/moderate:\n${describeAll(minor)}`)
  return describeAll(vs.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
}

it('the first-run screen has no serious or critical axe violations; then the sample is loaded', async () => {
  const explore = app.page.getByRole('button', { name: /Explore a sample network/ })
  await explore.waitFor()
  expect(await serious('first run')).toBe('')
  await explore.click()
  await app.page.getByRole('heading', { name: 'People', exact: true }).waitFor()
})

it('Network has no serious or critical axe violations', async () => {
  await go('Network')
  await app.page.locator('[data-drawn-at]').first().waitFor({ timeout: 30_000 })
  expect(await serious('Network')).toBe('')
})

it('People, and a person, have no serious or critical axe violations', async () => {
  await go('People')
  await app.page.getByRole('table', { name: 'People' }).locator('tbody tr').first().waitFor()
  expect(await serious('People')).toBe('')
  await app.page.getByRole('table', { name: 'People' }).locator('tbody tr').nth(3).click()
  await app.page.getByRole('button', { name: 'Record introduction from', exact: false }).first().waitFor()
  expect(await serious('a person')).toBe('')
})

it('Introductions, and an introduction, have no serious or critical axe violations', async () => {
  await go('Introductions')
  const rows = app.page.getByRole('table', { name: 'Introductions' }).locator('tbody tr')
  await rows.first().waitFor()
  expect(await serious('Introductions')).toBe('')
  await rows.first().click()
  const dialog = app.page.getByRole('dialog', { name: 'Introduction' })
  await dialog.waitFor()
  await app.screenshot('a11y-introduction')
  expect(await serious('an introduction')).toBe('')
  await dialog.getByRole('button', { name: 'Done' }).click()
  await dialog.waitFor({ state: 'detached' })
})

it('Thank & follow up, Reports (also as tables), Import/Export, Insights and Settings have no serious or critical axe violations', async () => {
  await go('Thank & follow up', /Thank/)
  expect(await serious('Thank & follow up')).toBe('')
  await go('Reports')
  await app.page.getByRole('img', { name: /Closed value by month/ }).first().waitFor()
  expect(await serious('Reports')).toBe('')
  // Each click renames its button ("show as chart"), so always take the first one left.
  const toTable = app.page.getByRole('button', { name: /: show as table$/ })
  for (let n = await toTable.count(); n > 0; n--) await toTable.first().click()
  expect(await toTable.count()).toBe(0)
  await app.page.getByRole('table', { name: /Closed value by month/ }).first().waitFor()
  await app.screenshot('a11y-reports-tables')
  expect(await serious('Reports as tables')).toBe('')
  await go('Import/Export')
  expect(await serious('Import/Export')).toBe('')
  await app.page.locator('#files-import-input').setInputFiles(join(__dirname, '../fixtures/people-bad-rows.csv'))
  await app.page.getByText(/rows, \d+ valid/).waitFor()
  expect(await serious('Import/Export with a preview')).toBe('')
  await go('Insights')
  expect(await serious('Insights')).toBe('')
  await go('Settings')
  expect(await serious('Settings')).toBe('')
})

it('in the dark theme, every screen has no serious or critical axe violations either', async () => {
  await app.page.emulateMedia({ colorScheme: 'dark' })
  const found: string[] = []
  for (const [section, heading] of [
    ['Network', 'Network'],
    ['People', 'People'],
    ['Introductions', 'Introductions'],
    ['Thank & follow up', /Thank/],
    ['Reports', 'Reports'],
    ['Import/Export', 'Import/Export'],
    ['Insights', 'Insights'],
    ['Settings', 'Settings'],
  ] as const) {
    await go(section, heading)
    if (section === 'Reports') await app.page.getByRole('img', { name: /Closed value by month/ }).first().waitFor()
    const s = await serious(`${section} (dark)`)
    if (s) found.push(`${section}:\n${s}`)
  }
  await app.screenshot('a11y-dark-settings')
  await app.page.emulateMedia({ colorScheme: 'light' })
  expect(found.join('\n')).toBe('')
})
