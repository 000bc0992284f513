import { mkdirSync } from 'node:fs'
import { afterEach, expect, it } from 'vitest'
import { startE2E, type E2EApp } from './harness'
import { de } from '../../src/shared/i18n'

let app: E2EApp | undefined
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await app?.screenshot(`people-failure-${Date.now()}`).catch(() => {})
  await app?.close()
  app = undefined
})

interface P {
  id: string
  name: string
}
interface I {
  id: string
  history: { id: string; status: string; date: string }[]
}

it('warns about a duplicate while typing, merges two people after showing what moves, and corrects a won date', async () => {
  app = await startE2E({ now: '2026-06-15T10:00:00.000Z' })
  const { page } = app
  const me = (await app.api<{ meId: string }>('app:startEmpty', { meName: 'Sam Rivera' })).meId
  const ben = await app.api<P>('people:create', { name: 'Ben Brooks', company: 'Brooks & Co', profession: 'Accountant', tags: ['BNI'] })
  const dup = await app.api<P>('people:create', { name: 'ben brooks', company: 'BROOKS & CO', email: 'ben@brooks.example', phone: '+44 20 7946 0000', tags: ['bni', 'golf'] })
  const won = await app.api<I>('introductions:create', { referrerId: dup.id, receiverId: me, prospect: { new: { name: 'Carl Chen' } }, date: '2026-03-01', status: 'won', statusDate: '2026-06-10', value: 2400 })
  await app.api('introductions:create', { referrerId: ben.id, receiverId: me, prospect: { new: { name: 'Dana Diaz' } }, date: '2026-04-01' })
  await app.api('interactions:create', { personId: dup.id, kind: 'one_to_one', date: '2026-05-20' })
  await app.reload()

  // Typing a person who already exists: a warning with a way to open them.
  await page.getByRole('heading', { name: 'People', exact: true }).waitFor()
  await page.getByRole('button', { name: 'New person' }).first().click()
  const form = page.getByRole('form', { name: 'New person' })
  await form.getByLabel('Name').fill('Ben Brooks')
  await form.getByLabel('Company').fill('brooks & co')
  const warning = form.getByRole('list', { name: 'Possible duplicates' })
  await warning.waitFor()
  await expect.poll(() => warning.textContent()).toContain('Ben Brooks, Brooks & Co already exists.')
  await app.screenshot('person-duplicate-warning')
  // The form has edits: Cancel asks before throwing them away.
  await form.getByRole('button', { name: 'Cancel' }).click()
  await page.getByRole('dialog', { name: 'Unsaved changes' }).getByRole('button', { name: 'Discard changes' }).click()
  await expect.poll(() => page.getByRole('form', { name: 'New person' }).count()).toBe(0)

  // Merge the duplicate into Ben: both people and what moves are shown first.
  await page.getByLabel('Search').fill('Ben')
  await page.getByRole('table', { name: 'People' }).getByRole('row', { name: /Ben Brooks.*Accountant/ }).click()
  await page.getByRole('heading', { name: /Ben Brooks/ }).waitFor()
  await page.getByRole('button', { name: 'Merge with…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Merge Ben Brooks with…' })
  await dialog.getByRole('combobox', { name: 'The other person' }).fill('ben')
  await page.getByRole('option', { name: /ben brooks/ }).click()
  const plan = dialog.getByRole('region', { name: 'What the merge does' })
  await plan.waitFor()
  await expect.poll(() => plan.getByRole('list', { name: 'What moves' }).textContent()).toContain('1 introduction they made')
  await expect.poll(() => plan.getByRole('list', { name: 'Filled in' }).textContent()).toContain('Email: ben@brooks.example')
  await app.screenshot('person-merge')
  await dialog.getByRole('button', { name: 'Merge into Ben Brooks' }).click()
  await page.locator('.toast', { hasText: 'A backup was taken first' }).waitFor()
  await expect.poll(() => page.getByText('ben@brooks.example').count()).toBeGreaterThan(0)
  const intros = page.getByRole('table', { name: 'Introductions involving Ben Brooks' })
  await expect.poll(() => intros.locator('tbody tr').count()).toBe(2)
  await app.screenshot('person-after-merge')
  const people = await app.api<{ total: number }>('people:list', { search: 'brooks' })
  expect(people.total).toBe(1)

  // "Set as me" asks first.
  await page.getByRole('button', { name: 'Set as me' }).click()
  await page.getByRole('dialog', { name: 'Make Ben Brooks "you"?' }).waitFor()
  await app.screenshot('person-set-as-me')
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()

  // The won date was wrong: correct it from the status history.
  await intros.getByRole('row', { name: /Carl Chen/ }).click()
  const detail = page.getByRole('dialog', { name: 'Introduction' })
  const history = detail.getByRole('list', { name: 'Status history' })
  await history.getByRole('button', { name: 'Correct the date of Won (Jun 10, 2026)' }).click()
  const editor = history.getByRole('form', { name: 'Correct the date of Won' })
  await editor.getByLabel('Won on').fill('2026-06-20')
  await expect.poll(() => editor.textContent()).toContain('a decision can only be recorded once it has happened')
  await editor.getByRole('button', { name: 'Save date' }).click()
  await expect.poll(() => editor.getByRole('alert').textContent()).toContain('cannot be after today')
  await editor.getByLabel('Won on').fill('2026-04-02')
  await app.screenshot('intro-correct-date')
  await editor.getByRole('button', { name: 'Save date' }).click()
  await expect.poll(() => history.textContent()).toContain('Apr 2, 2026Won')
  const stored = await app.api<I & { statusDate: string }>('introductions:get', { id: won.id })
  expect(stored.statusDate).toBe('2026-04-02')
  await app.screenshot('intro-date-corrected')
  await detail.getByRole('button', { name: 'Done' }).click()

  // Recording an introduction that is already won asks when it was won; a future date gets a hint.
  await page.getByRole('button', { name: 'Record introduction' }).first().click()
  const rec = page.getByRole('form', { name: 'Record introduction' })
  await rec.getByRole('combobox', { name: 'Referrer' }).fill('Ben')
  await page.getByRole('option', { name: /Ben Brooks/ }).click()
  await rec.getByRole('combobox', { name: 'Prospect' }).fill('Eva Moreau')
  await page.getByRole('option', { name: 'Create new: Eva Moreau' }).click()
  await rec.getByLabel('Date', { exact: true }).fill('2026-05-02')
  await rec.getByLabel('Status').selectOption('won')
  await rec.getByLabel('Won on').fill('2026-06-30')
  await expect.poll(() => rec.textContent()).toContain('After today (Jun 15, 2026): a decision can only be recorded once it has happened.')
  await app.screenshot('intro-form-won-on')
  await rec.getByLabel('Won on').fill('2026-05-30')
  await rec.getByLabel('Value').fill('900')
  await rec.getByRole('button', { name: 'Record introduction' }).click()
  await page.getByRole('dialog', { name: 'Introduction' }).getByRole('list', { name: 'Status history' }).waitFor()
  await expect.poll(() => page.getByRole('dialog', { name: 'Introduction' }).getByRole('list', { name: 'Status history' }).textContent()).toContain('May 30, 2026Won')
})

it('right-click a person in the list: Record introduction from… opens the form with them as referrer; the screens in German', async () => {
  app = await startE2E({ now: '2026-06-15T10:00:00.000Z' })
  const { page } = app
  const me = (await app.api<{ meId: string }>('app:startEmpty', { meName: 'Sam Rivera' })).meId
  const ava = await app.api<P>('people:create', { name: 'Ava Chen', company: 'Chen & Co', profession: 'Accountant' })
  await app.reload()

  const table = page.getByRole('table', { name: 'People' })
  const row = table.getByRole('row', { name: /Ava Chen/ })
  await row.click({ button: 'right' })
  const menu = page.getByRole('menu', { name: 'Row actions' })
  await menu.waitFor()
  expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual(['Open', 'Edit', 'Record introduction from Ava…', 'Archive…'])
  await app.screenshot('people-row-menu')
  await menu.getByRole('menuitem', { name: 'Record introduction from Ava…' }).click()
  const rec = page.getByRole('form', { name: 'Record introduction' })
  await rec.waitFor()
  expect(await rec.getByRole('combobox', { name: 'Referrer' }).count()).toBe(0)
  expect(await rec.getByRole('button', { name: 'Change referrer' }).locator('..').innerText()).toContain('Ava Chen')
  await rec.getByRole('combobox', { name: 'Prospect' }).fill('Dana Diaz')
  await page.getByRole('option', { name: 'Create new: Dana Diaz' }).click()
  await rec.getByLabel('Status').selectOption('won')
  await rec.getByLabel('Value').fill('1250.50')
  await rec.getByRole('button', { name: 'Record introduction' }).click()
  await page.getByRole('dialog', { name: 'Introduction' }).waitFor()
  const list = await app.api<{ items: { referrerId: string; receiverId: string; prospectName: string; value: number; currency: string }[] }>('introductions:list', {})
  expect(list.items).toHaveLength(1)
  expect(list.items[0]).toMatchObject({ referrerId: ava.id, receiverId: me, prospectName: 'Dana Diaz', value: 1250.5 })
  await expect.poll(() => page.getByRole('dialog', { name: 'Introduction' }).innerText()).toContain('€1,250.50')
  await page.getByRole('dialog', { name: 'Introduction' }).getByRole('button', { name: 'Done' }).click()

  // In German with the German region: labels, "1.250,50 €", dates as 15.06.2026; the menu in German too.
  await app.api('settings:save', { group: 'general', values: { language: 'de', region: 'de-DE' } })
  await app.reload()
  await page.getByRole('navigation', { name: de.shell.nav.label }).getByRole('button', { name: de.shell.nav.introductions, exact: true }).click()
  const intros = page.getByRole('table', { name: 'Empfehlungen' })
  const introRow = intros.getByRole('row', { name: /Dana Diaz/ })
  await introRow.waitFor()
  expect(await introRow.innerText()).toContain('1.250,50 €')
  expect(await introRow.innerText()).toContain('15.06.2026')
  await introRow.click({ button: 'right' })
  expect(await page.getByRole('menu').getByRole('menuitem').allInnerTexts()).toEqual(['Öffnen', 'Bearbeiten', 'Löschen…'])
  await page.getByRole('menu').getByRole('menuitem', { name: 'Bearbeiten' }).click()
  const edit = page.getByRole('form', { name: 'Empfehlung bearbeiten' })
  expect(await edit.getByLabel('Wert').inputValue()).toBe('1250,5')
  await edit.getByLabel('Wert').fill('2.400,75')
  mkdirSync('/tmp/people', { recursive: true })
  await page.screenshot({ path: '/tmp/people/intro-form-de.png' })
  await edit.getByRole('button', { name: 'Speichern' }).click()
  await expect.poll(async () => (await app!.api<{ items: { value: number }[] }>('introductions:list', {})).items[0]?.value).toBe(2400.75)
  await page.getByRole('navigation', { name: de.shell.nav.label }).getByRole('button', { name: de.shell.nav.people, exact: true }).click()
  await page.getByRole('table', { name: 'Personen' }).getByRole('row', { name: /Ava Chen/ }).click()
  await page.getByRole('heading', { name: /Ava Chen/ }).waitFor()
  await expect.poll(() => page.getByRole('table', { name: 'Empfehlungen mit Ava Chen' }).innerText()).toContain('2.400,75 €')
  await page.screenshot({ path: '/tmp/people/person-de.png' })
})
