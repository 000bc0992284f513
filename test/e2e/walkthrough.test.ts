import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startE2E, type E2EApp } from './harness'

/**
 * A new user's first session, clicking across the screens in the order a person
 * would (not the order the features were built in): the sample, every screen of
 * the sidebar, an import after Reports and a person's page, an undo, and back.
 * Any error toast, uncaught page error or failed call fails the walk.
 */
const FIX = join(__dirname, '../fixtures')
let app: E2EApp
const failed: string[] = []

beforeAll(async () => {
  app = await startE2E({ now: '2026-06-15T10:00:00.000Z' })
  app.page.on('response', (r) => {
    if (r.url().includes('/api/') && r.status() >= 500) failed.push(`${r.status()} ${r.url()}`)
  })
})
afterAll(async () => {
  await app?.close()
})

async function go(section: string, heading: string | RegExp = section) {
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: section, exact: true }).click()
  await app.page.getByRole('heading', { name: heading }).first().waitFor()
  expect(await app.page.locator('.toast-error').allInnerTexts()).toEqual([])
}

it('walks every screen after loading the sample, imports after Reports, and undoes', async () => {
  const { page } = app
  await page.getByRole('button', { name: /Explore a sample network/ }).click()
  await page.getByRole('heading', { name: 'People', exact: true }).waitFor()

  await go('Reports')
  await app.screenshot('walk-reports')
  // A person's page, from the list.
  await go('People')
  await page.getByRole('table', { name: 'People' }).locator('tbody tr').nth(3).click()
  await page.getByRole('button', { name: 'Record introduction from', exact: false }).first().waitFor()
  // Import right after Reports and a person's page (the defect of the last round).
  await go('Import/Export')
  await page.getByLabel('What is in the file').selectOption('people')
  await page.locator('#files-import-input').setInputFiles(join(FIX, 'people-bom-crlf.csv'))
  await page.getByText(/rows, \d+ valid/).waitFor()
  await page.getByRole('button', { name: /^Import \d+ rows?$/ }).click()
  await page.getByText('Import finished.').waitFor()
  await go('Network')
  await page.locator('[data-drawn-at]').first().waitFor({ timeout: 30_000 })
  // A crowded map (the sample's 100 people) opens with the legend folded, so the map keeps a readable size; one click opens it.
  await page.getByRole('button', { name: 'Show legend' }).click()
  await page.getByRole('button', { name: 'Hide legend' }).waitFor()
  await app.screenshot('walk-network')
  await go('Introductions')
  await go('Thank & follow up', /Thank/)
  await go('Insights')
  await app.screenshot('walk-insights')
  await go('Settings')

  // Archive someone, then Ctrl+Z from the list.
  await go('People')
  const row = page.getByRole('table', { name: 'People' }).locator('tbody tr').nth(5)
  const name = (await row.locator('td').first().innerText()).trim()
  await row.click()
  await page.getByRole('button', { name: 'Archive' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click()
  await page.locator('.toast', { hasText: `Archived ${name}.` }).waitFor()
  await go('People')
  await page.keyboard.press('Control+Z')
  await page.locator('.toast', { hasText: `Undone: Archive ${name}` }).waitFor()
  await go('Reports')
  expect(failed).toEqual([])
})
