import { afterAll, beforeAll, expect, it } from 'vitest'
import { startE2E, type E2EApp } from './harness'

let app: E2EApp
beforeAll(async () => {
  app = await startE2E()
})
afterAll(async () => {
  await app?.close()
})

it('serves the app shell with every section in the navigation', async () => {
  const nav = app.page.getByRole('navigation', { name: 'Main' })
  for (const label of ['Network', 'People', 'Introductions', 'Thank & follow up', 'Reports', 'Import/Export']) {
    await expect(nav.getByRole('button', { name: label, exact: true }).count()).resolves.toBe(1)
  }
  await app.screenshot('shell')
})
