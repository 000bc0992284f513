import { afterEach, expect, it } from 'vitest'
import { startE2E, type E2EApp } from './harness'

let app: E2EApp | undefined
afterEach(async (ctx) => {
  // Keep what the page showed when a test failed, to see why.
  if (ctx.task.result?.state === 'fail') await app?.screenshot(`foundation-failure-${Date.now()}`).catch(() => {})
  await app?.close()
  app = undefined
})

it('a new user loads the sample, adds a partner, records a won introduction from them, and finds it after a reload', async () => {
  app = await startE2E()
  const { page } = app

  // First run: the welcome screen.
  await page.getByRole('heading', { name: 'Welcome to Referral Map' }).waitFor()
  await app.screenshot('first-run')
  await page.getByRole('button', { name: 'Explore a sample network' }).click()
  await page.getByRole('heading', { name: 'People', exact: true }).waitFor({ timeout: 60_000 })
  const people = page.getByRole('table', { name: 'People' })
  await people.locator('tbody tr').first().waitFor()
  expect(await people.locator('tbody tr').count()).toBe(50)
  await expect.poll(() => page.getByText(/^1–50 of \d{3}$/).textContent()).toMatch(/of (2|3)\d\d$/)
  // Busiest partners first: sorted by introductions received, in SQL.
  await page.locator('.toast').waitFor({ state: 'detached' })
  await people.getByRole('columnheader', { name: 'Received' }).getByRole('button').click()
  await expect.poll(() => people.getByRole('columnheader', { name: 'Received' }).getAttribute('aria-sort')).toBe('descending')
  await expect.poll(async () => Number(await people.locator('tbody tr').first().locator('td').nth(5).textContent())).toBeGreaterThan(5)
  await app.screenshot('people')
  await people.locator('tbody tr').first().click()
  await page.getByRole('table', { name: /^Introductions involving/ }).locator('tbody tr').first().waitFor()
  await app.screenshot('person-detail')
  await page.getByRole('button', { name: '← People' }).click()
  await page.getByRole('tab', { name: 'Groups' }).click()
  await page.getByRole('table', { name: /^Members of/ }).locator('tbody tr').first().waitFor()
  await app.screenshot('groups')
  await page.getByRole('tab', { name: 'People' }).click()

  // Add a partner.
  await page.getByRole('button', { name: 'New person' }).first().click()
  const form = page.getByRole('form', { name: 'New person' })
  await form.getByLabel('Name').fill('Dana Whitfield')
  await form.getByLabel('Company').fill('Whitfield Mortgages')
  await form.getByLabel('Profession (contact sphere)').fill('Mortgage adviser')
  await form.getByLabel('What a good referral looks like for them').fill('First-time buyers with a deposit saved')
  await app.screenshot('person-form')
  await form.getByRole('button', { name: 'Add person' }).click()
  await page.getByRole('heading', { name: /Dana Whitfield/ }).waitFor()

  // Record an introduction from that partner to you, of a new prospect, closed as won.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Introductions' }).click()
  await page.getByRole('button', { name: 'Record introduction' }).first().click()
  const intro = page.getByRole('form', { name: 'Record introduction' })
  await intro.getByRole('combobox', { name: 'Referrer' }).fill('Dana Whit')
  await page.getByRole('option', { name: /Dana Whitfield/ }).click()
  await expect.poll(() => intro.getByText('Dana Whitfield').count()).toBe(1)
  // Receiver defaults to you: the picker shows a chosen person, not a search box.
  await expect.poll(() => intro.getByRole('combobox', { name: 'Receiver' }).count()).toBe(0)
  await intro.getByRole('combobox', { name: 'Prospect' }).fill('Priya Castellano')
  await page.getByRole('option', { name: 'Create new: Priya Castellano' }).click()
  await intro.getByLabel('Status').selectOption('won')
  await intro.getByLabel('Value').fill('4800')
  await intro.getByLabel('Currency').fill('EUR')
  await intro.getByLabel('Warmth').selectOption('4')
  await intro.getByRole('button', { name: 'Record introduction' }).click()
  const detail = page.getByRole('dialog', { name: 'Introduction' })
  await detail.waitFor()
  // Saving closed the form and opened the new introduction, without asking about the form's (saved) edits.
  expect(await page.getByRole('dialog', { name: 'Unsaved changes' }).count()).toBe(0)
  await expect.poll(() => detail.getByRole('list', { name: 'Status history' }).textContent()).toContain('Won')
  await detail.getByRole('button', { name: 'Done' }).click()

  // After a reload (which lands on the same screen, Introductions), it is in both lists.
  await app.reload()
  await page.getByRole('heading', { name: 'Introductions', exact: true }).waitFor()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'People' }).click()
  await page.getByRole('heading', { name: 'People', exact: true }).waitFor()
  await page.getByLabel('Search').fill('Whitfield')
  const row = people.getByRole('row', { name: /Dana Whitfield/ })
  await row.waitFor()
  await expect.poll(() => row.textContent()).toContain('Whitfield Mortgages')
  await expect.poll(() => row.locator('td').nth(5).textContent()).toBe('1') // received from her
  await row.click()
  const theirIntros = page.getByRole('table', { name: 'Introductions involving Dana Whitfield' })
  await theirIntros.getByRole('row', { name: /Priya Castellano/ }).waitFor()
  await expect.poll(() => theirIntros.getByRole('row', { name: /Priya Castellano/ }).textContent()).toMatch(/Won.*€4,800/)

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Introductions' }).click()
  const intros = page.getByRole('table', { name: 'Introductions' })
  await intros.locator('tbody tr').first().waitFor()
  await app.screenshot('introductions')
  await page.getByLabel('Search').fill('Castellano')
  const irow = intros.getByRole('row', { name: /Priya Castellano/ })
  await irow.waitFor()
  await expect.poll(() => irow.textContent()).toMatch(/Dana Whitfield.*Priya Castellano.*Won.*€4,800/)
  await expect.poll(() => page.getByText('1–1 of 1').count()).toBe(1)
  await irow.click()
  await page.getByRole('dialog', { name: 'Introduction' }).waitFor()
  await app.screenshot('introduction-detail')
})

it('bad input shows the service message next to the field, and nothing is written', async () => {
  app = await startE2E()
  const { page } = app
  await page.getByRole('button', { name: 'Start empty' }).click()
  await page.getByLabel('Your name').fill('Sam Rivera')
  await page.getByRole('button', { name: 'Start', exact: true }).click()
  await page.getByRole('heading', { name: 'People', exact: true }).waitFor()
  await expect.poll(() => page.getByTestId('me-name').textContent()).toBe('Sam Rivera')

  // A person without a name (only spaces).
  await page.getByRole('button', { name: 'New person' }).first().click()
  const form = page.getByRole('form', { name: 'New person' })
  await form.getByLabel('Name').fill('   ')
  await form.getByLabel('Email').fill('not-an-email')
  await form.getByRole('button', { name: 'Add person' }).click()
  const name = form.getByLabel('Name')
  await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true')
  const describedBy = await name.getAttribute('aria-describedby')
  await expect.poll(() => page.locator(`[id="${describedBy}"]`).textContent()).toBe('Enter a name.')
  await app.screenshot('person-form-error')
  // The form has unsaved edits: Cancel asks before they are lost.
  await form.getByRole('button', { name: 'Cancel' }).click()
  await page.getByRole('dialog', { name: 'Unsaved changes' }).getByRole('button', { name: 'Discard changes' }).click()
  await page.getByRole('form', { name: 'New person' }).waitFor({ state: 'detached' })
  const listed = await app.api<{ total: number }>('people:list', {})
  expect(listed.total).toBe(1)

  // Add a partner, then an introduction with a negative value.
  await app.api('people:create', { name: 'Lee Okafor' })
  await page.keyboard.press('Control+Shift+N')
  const intro = page.getByRole('form', { name: 'Record introduction' })
  await intro.getByRole('combobox', { name: 'Referrer' }).fill('Lee')
  await page.getByRole('option', { name: /Lee Okafor/ }).click()
  await intro.getByRole('combobox', { name: 'Prospect' }).fill('Morgan Blake')
  await page.getByRole('option', { name: 'Create new: Morgan Blake' }).click()
  await intro.getByLabel('Status').selectOption('won')
  await intro.getByLabel('Value').fill('-50')
  await intro.getByRole('button', { name: 'Record introduction' }).click()
  const value = intro.getByLabel('Value')
  await expect.poll(() => value.getAttribute('aria-invalid')).toBe('true')
  const vId = await value.getAttribute('aria-describedby')
  await expect.poll(() => page.locator(`[id="${vId}"]`).textContent()).toBe('The value cannot be negative.')
  await app.screenshot('introduction-form-error')
  const intros = await app.api<{ total: number }>('introductions:list', {})
  expect(intros.total).toBe(0)
  expect((await app.api<{ total: number }>('people:list', {})).total).toBe(2)
})
