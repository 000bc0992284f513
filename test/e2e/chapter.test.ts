import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startE2E, type E2EApp } from './harness'
import { startChapterServer, type ChapterServer } from '../backend/sync/fixture'

let server: ChapterServer
const apps: E2EApp[] = []
beforeAll(async () => {
  server = await startChapterServer('North Chapter')
})
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') for (const [i, a] of apps.entries()) await a.screenshot(`chapter-failure-${i}-${Date.now()}`).catch(() => {})
  for (const a of apps.splice(0)) await a.close()
})
afterAll(async () => {
  await server?.stop()
})

async function join(app: E2EApp, invitation: string): Promise<void> {
  const { page } = app
  await page.getByRole('heading', { name: 'Welcome to Referral Map' }).waitFor()
  await page.getByRole('button', { name: 'Join a chapter…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Join a chapter' })
  await dialog.getByLabel('Invitation').fill(invitation)
  await dialog.getByRole('button', { name: 'Join' }).click()
  await dialog.waitFor({ state: 'detached' })
  await page.getByTestId('sync-sidebar').getByText('North Chapter').waitFor()
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click()

it('two laptops join one chapter; an introduction recorded on one appears on the other’s screen', async () => {
  const annInv = await server.invite('Ann Alder')
  const benInv = await server.invite('Ben Brooks')
  const ann = await startE2E()
  apps.push(ann)
  const ben = await startE2E()
  apps.push(ben)
  await ann.screenshot('chapter-welcome')
  await join(ann, annInv)
  await join(ben, benInv)
  // Each laptop is its own member: "you" differs.
  await expect.poll(() => ann.page.getByTestId('me-name').textContent()).toBe('Ann Alder')
  await expect.poll(() => ben.page.getByTestId('me-name').textContent()).toBe('Ben Brooks')
  await expect.poll(() => ann.page.getByTestId('sync-status').textContent()).toMatch(/^Synced/)

  // Ann records the introduction she passed to Ben.
  const { page } = ann
  await nav(page, 'Introductions')
  await page.getByRole('button', { name: 'Record introduction' }).first().click()
  const form = page.getByRole('form', { name: 'Record introduction' })
  await form.getByRole('combobox', { name: 'Referrer' }).fill('Ann')
  await page.getByRole('option', { name: /Ann Alder/ }).click()
  await form.getByRole('button', { name: 'Change receiver' }).click()
  await form.getByRole('combobox', { name: 'Receiver' }).fill('Ben')
  await page.getByRole('option', { name: /Ben Brooks/ }).click()
  await form.getByRole('combobox', { name: 'Prospect' }).fill('Priya Castellano')
  await page.getByRole('option', { name: 'Create new: Priya Castellano' }).click()
  await form.getByRole('button', { name: 'Record introduction' }).click()
  const detail = page.getByRole('dialog', { name: 'Introduction' })
  await detail.waitFor()
  await detail.getByRole('button', { name: 'Done' }).click()

  // Ben's screen shows it by itself (live: LISTEN/NOTIFY + poll in the bridge, the window refreshes on new data).
  await nav(ben.page, 'Introductions')
  const intros = ben.page.getByRole('table', { name: 'Introductions' })
  const row = intros.getByRole('row', { name: /Priya Castellano/ })
  await row.waitFor({ timeout: 20_000 })
  await expect.poll(() => row.textContent()).toMatch(/Ann Alder.*Ben Brooks.*Priya Castellano/)
  await expect.poll(() => ben.page.getByTestId('sync-status').textContent()).toMatch(/^Synced/)
  await ben.screenshot('chapter-introduction-arrived')

  // The chapter view in Reports, on Ben's laptop.
  await nav(ben.page, 'Reports')
  const table = ben.page.getByRole('table', { name: 'Chapter members' })
  await table.waitFor()
  await expect.poll(() => table.getByRole('row', { name: /Ann Alder/ }).textContent()).toMatch(/Ann Alder\s*1\s*0/)
  await table.scrollIntoViewIfNeeded()
  await ben.screenshot('chapter-report')

  // Ann's private note on the prospect stays on Ann's laptops.
  await nav(page, 'People')
  await page.getByLabel('Search').fill('Castellano')
  await page.getByRole('table', { name: 'People' }).getByRole('row', { name: /Priya Castellano/ }).click()
  const note = page.getByLabel('Private note (never sent to other members)')
  await note.fill('Prefers calls after 6pm')
  await note.blur()
  await expect.poll(() => ann.api<{ notes: string | null }>('sync:privateNote', { table: 'people', id: priyaId(ann) }).then((r) => r.notes)).toBe('Prefers calls after 6pm')
  await ann.screenshot('chapter-private-note')
  await ann.api('sync:now', {})
  await ben.api('sync:now', {})
  expect(await ben.api<{ notes: string | null }>('sync:privateNote', { table: 'people', id: priyaId(ben) })).toEqual({ notes: null, isPrivate: false })
})

it('the same field edited on two laptops at once: the later edit wins on both, the other is listed under Conflicts and restored in one click', async () => {
  const annInv = await server.invite('Cara Conflict')
  const benInv = await server.invite('Dan Duel')
  const ann = await startE2E()
  apps.push(ann)
  const ben = await startE2E()
  apps.push(ben)
  await join(ann, annInv)
  await join(ben, benInv)
  const id = (await ann.api<{ id: string }>('people:create', { name: 'Quinn Quill', profession: 'Accountant' })).id
  await expect.poll(() => ben.api<{ total: number }>('people:list', { search: 'Quinn' }).then((r) => r.total), { timeout: 20_000 }).toBe(1)
  // Both edit the profession before either laptop sends it (the live loops look every 1.5 s).
  await Promise.all([ann.api('people:update', { id, profession: 'Lawyer' }), ben.api('people:update', { id, profession: 'Notary' })])
  const profession = (app: E2EApp) => app.api<{ profession: string | null }>('people:get', { id }).then((p) => p.profession)
  await expect.poll(async () => (await profession(ann)) === (await profession(ben)) && (await ann.api<{ conflicts: number }>('sync:status', {})).conflicts, { timeout: 20_000 }).toBe(1)
  const winner = await profession(ann)
  const loser = winner === 'Lawyer' ? 'Notary' : 'Lawyer'
  const { page } = ann
  await page.getByTestId('sync-conflicts').click()
  const dialog = page.getByRole('dialog', { name: 'Conflicts' })
  await dialog.getByText('Quinn Quill').waitFor()
  await ann.screenshot('chapter-conflicts')
  await dialog.getByRole('button', { name: `Restore “${loser}”` }).click()
  await dialog.getByText('No conflicts').waitFor()
  await expect.poll(() => profession(ben), { timeout: 20_000 }).toBe(loser)
  expect(await profession(ann)).toBe(loser)
})

function priyaId(app: E2EApp): string {
  return (app.bridge.ctx.store.db.prepare(`SELECT id FROM people WHERE name = 'Priya Castellano'`).get() as { id: string }).id
}
