import { afterAll, beforeAll, expect, it } from 'vitest'
import { startE2E, type E2EApp } from './harness'

let app: E2EApp
beforeAll(async () => {
  app = await startE2E()
})
afterAll(async () => {
  await app?.close()
})

it('first run offers a start; then the shell shows every section, the network and "you"', async () => {
  const { page } = app
  await page.getByRole('button', { name: 'Start empty' }).click()
  await page.getByLabel('Your name').fill('Morgan Lee')
  await page.getByRole('button', { name: 'Start', exact: true }).click()
  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.waitFor()
  for (const label of ['Network', 'People', 'Introductions', 'Thank & follow up', 'Reports', 'Import/Export']) {
    await expect.poll(() => nav.getByRole('button', { name: label, exact: true }).count()).toBe(1)
  }
  await expect.poll(() => page.getByTestId('me-name').textContent()).toBe('Morgan Lee')
  await page.getByRole('table', { name: 'People' }).getByRole('row', { name: /Morgan Lee/ }).waitFor()
  await app.screenshot('shell')
})

it('keyboard shortcuts switch sections and open the create dialogs', async () => {
  const { page } = app
  const nav = page.getByRole('navigation', { name: 'Main' })
  await page.keyboard.press('Control+3')
  await expect.poll(() => nav.getByRole('button', { name: 'Introductions', exact: true }).getAttribute('aria-current')).toBe('page')
  await page.getByRole('heading', { name: 'Introductions', exact: true }).waitFor()
  await page.keyboard.press('Control+n')
  await page.getByRole('dialog', { name: 'New person' }).waitFor()
  await expect.poll(() => nav.getByRole('button', { name: 'People', exact: true }).getAttribute('aria-current')).toBe('page')
  await page.keyboard.press('Escape')
  await page.getByRole('dialog').waitFor({ state: 'detached' })
  await page.keyboard.press('Control+Shift+N')
  await page.getByRole('dialog', { name: 'Record introduction' }).waitFor()
  // The first Escape may only close the referrer's suggestions; the next closes the dialog.
  await expect
    .poll(async () => {
      await page.keyboard.press('Escape')
      return page.getByRole('dialog').count()
    })
    .toBe(0)
})

it('follows the OS dark theme', async () => {
  const { page } = app
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  await page.emulateMedia({ colorScheme: 'light' })
  const light = await bg()
  await page.emulateMedia({ colorScheme: 'dark' })
  const dark = await bg()
  expect(light).toBe('rgb(246, 247, 249)')
  expect(dark).toBe('rgb(21, 24, 29)')
  await app.screenshot('shell-dark')
  await page.emulateMedia({ colorScheme: 'light' })
})
