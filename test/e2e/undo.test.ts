import { afterEach, expect, it } from 'vitest'
import { startE2E, type E2EApp } from './harness'

let app: E2EApp | undefined
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await app?.screenshot(`undo-failure-${Date.now()}`).catch(() => {})
  await app?.close()
  app = undefined
})

interface P {
  id: string
  name: string
  archivedAt: string | null
}

it('undoes from the toast and with Ctrl+Z / Ctrl+Shift+Z, and a text field keeps its own Ctrl+Z', async () => {
  app = await startE2E({ now: '2026-06-15T10:00:00.000Z' })
  const { page } = app
  await app.api('app:startEmpty', { meName: 'Sam Rivera' })
  const ben = await app.api<P>('people:create', { name: 'Ben Brooks', company: 'Brooks & Co' })
  await app.reload()

  // Archive from the person's page, then Undo in the toast.
  await page.getByRole('heading', { name: 'People', exact: true }).waitFor()
  await page.getByRole('table', { name: 'People' }).getByRole('row', { name: /Ben Brooks/ }).click()
  await page.getByRole('heading', { name: /Ben Brooks/ }).waitFor()
  await page.getByRole('button', { name: 'Archive' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click()
  const toast = page.locator('.toast', { hasText: 'Archived Ben Brooks.' })
  await toast.waitFor()
  await app.screenshot('undo-toast')
  await toast.getByRole('button', { name: 'Undo' }).click()
  await page.locator('.toast', { hasText: 'Undone: Archive Ben Brooks' }).waitFor()
  await expect.poll(async () => (await app!.api<P>('people:get', { id: ben.id })).archivedAt).toBeNull()

  // Redo with Ctrl+Shift+Z (focus outside any text field), then undo again with Ctrl+Z.
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+Shift+Z')
  await page.locator('.toast', { hasText: 'Redone: Archive Ben Brooks' }).waitFor()
  await expect.poll(async () => (await app!.api<P>('people:get', { id: ben.id })).archivedAt).not.toBeNull()
  await page.keyboard.press('Control+Z')
  await expect.poll(async () => (await app!.api<P>('people:get', { id: ben.id })).archivedAt).toBeNull()

  // In a text field, Ctrl+Z undoes typing and leaves the network alone.
  await app.api('people:update', { id: ben.id, city: 'Leeds' })
  await page.getByRole('button', { name: 'People' }).first().click()
  const search = page.getByLabel('Search')
  await search.fill('Ben')
  await search.press('Control+Z')
  await page.waitForTimeout(300)
  expect((await app.api<{ city: string | null }>('people:get', { id: ben.id })).city).toBe('Leeds')
})
