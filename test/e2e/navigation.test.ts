import { afterAll, beforeAll, expect, it } from 'vitest'
import { startE2E, type E2EApp } from './harness'

let app: E2EApp
beforeAll(async () => {
  app = await startE2E()
})
afterAll(async () => {
  await app?.close()
})

const current = () => app.page.getByRole('navigation', { name: 'Main' }).locator('button[aria-current="page"]').textContent()

it('back and forward: Alt+Left, Alt+Right and the mouse back button step through screens and the people opened', async () => {
  const { page } = app
  await page.getByRole('button', { name: 'Start empty' }).click()
  await page.getByLabel('Your name').fill('Morgan Lee')
  await page.getByRole('button', { name: 'Start', exact: true }).click()
  const people = page.getByRole('table', { name: 'People' })
  await people.getByRole('row', { name: /Morgan Lee/ }).click()
  await page.getByRole('heading', { name: /Morgan Lee/ }).waitFor()
  await page.keyboard.press('Control+3')
  await page.getByRole('heading', { name: 'Introductions', exact: true }).waitFor()
  await page.keyboard.press('Control+7')
  await expect.poll(current).toMatch(/^Settings/)
  await page.keyboard.press('Alt+ArrowLeft')
  await expect.poll(current).toMatch(/^Introductions/)
  await page.keyboard.press('Alt+ArrowLeft')
  await page.getByRole('heading', { name: /Morgan Lee/ }).waitFor()
  // The mouse's back button (button 3).
  await page.evaluate(() => window.dispatchEvent(new MouseEvent('mouseup', { button: 3 })))
  await people.waitFor()
  await page.keyboard.press('Alt+ArrowRight')
  await page.getByRole('heading', { name: /Morgan Lee/ }).waitFor()
  await page.keyboard.press('Alt+ArrowRight')
  await page.keyboard.press('Alt+ArrowRight')
  await expect.poll(current).toMatch(/^Settings/)
})

it('a reload lands on the same screen', async () => {
  const { page } = app
  await page.keyboard.press('Control+5')
  await expect.poll(current).toMatch(/^Reports/)
  await app.reload()
  await page.getByRole('navigation', { name: 'Main' }).waitFor()
  await expect.poll(current).toMatch(/^Reports/)
  await page.getByRole('heading', { name: 'Reports', exact: true }).waitFor()
})

it('About shows the version, the data file and the schema version', async () => {
  const { page } = app
  await page.getByRole('button', { name: 'About Referral Map' }).click()
  const dialog = page.getByRole('dialog', { name: 'About Referral Map' })
  await dialog.waitFor()
  const facts = await dialog.getByTestId('about-facts').textContent()
  expect(facts).toContain('0.0.0-e2e')
  expect(facts).toContain(app.dataDir)
  expect(facts).toMatch(/Schema version\d+/)
  await app.screenshot('about')
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'detached' })
})
