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

it('first run asks what you do; an ask draft then says what is still missing, fills it inline and goes out with no [placeholder]', async () => {
  const fresh = await startE2E({ now: '2026-06-15T10:00:00.000Z' })
  try {
    const { page } = fresh
    await page.getByRole('button', { name: 'Start empty' }).click()
    await page.getByLabel('Your name').fill('Morgan Lee')
    const about = page.getByRole('group', { name: 'About you (optional)' })
    await about.getByLabel('What you do (your profession)').fill('Bookkeeper')
    await about.getByLabel('Your company').fill('Lee Books')
    await about.getByLabel('Your ideal client').fill('shops with one to five staff who hate paperwork')
    await fresh.screenshot('first-run-profile')
    await page.getByRole('button', { name: 'Start', exact: true }).click()
    await page.getByRole('navigation', { name: 'Main' }).waitFor()

    const info = await fresh.api<{ meId: string; today: string }>('app:info')
    expect(info.today).toBe('2026-06-15')
    const me = await fresh.api<{ profession: string; company: string }>('people:get', { id: info.meId })
    expect(me).toMatchObject({ profession: 'Bookkeeper', company: 'Lee Books' })
    const ana = await fresh.api<{ id: string }>('people:create', { name: 'Ana Ruiz', email: 'ana@ruiz.example', company: 'Ruiz & Co' })
    const ben = await fresh.api<{ id: string }>('people:create', { name: 'Ben Oduya', email: 'ben@oduya.example', company: 'Oduya Bakes' })
    await fresh.api('introductions:create', { referrerId: ana.id, receiverId: info.meId, prospect: { id: ben.id }, date: '2026-06-01', origin: 'inbound', status: 'won', statusDate: '2026-06-14', value: 1200 })
    await fresh.reload()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Thank & follow up', exact: true }).click()
    await page.getByRole('list', { name: 'Clients to ask' }).getByRole('button', { name: 'Ask Ben Oduya' }).click()
    const dlg = page.getByRole('dialog')
    const message = dlg.getByLabel('Message')
    await message.waitFor()
    // "People like you" was skipped at first run: the draft says so and does not go out with the bracket.
    const missing = dlg.getByRole('region', { name: 'Missing values' })
    await missing.waitFor()
    expect(await missing.innerText()).toContain('People like you (who a good introduction for you is)')
    expect(await message.inputValue()).toContain('[me.peopleLikeMe]')
    expect(await message.inputValue()).toContain('my ideal client is: shops with one to five staff who hate paperwork')
    expect(await dlg.getByRole('button', { name: 'Open in mail app' }).isDisabled()).toBe(true)
    await fresh.screenshot('draft-missing-values')
    await missing.getByLabel('People like you (who a good introduction for you is)').fill('owners of small shops')
    await missing.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => message.inputValue()).toContain('The people I help best are owners of small shops.')
    const body = await message.inputValue()
    expect(body).not.toMatch(/\[[a-zA-Z]+\.[a-zA-Z]+\]/)
    expect(await dlg.getByRole('region', { name: 'Missing values' }).count()).toBe(0)
    expect(await dlg.getByRole('button', { name: 'Open in mail app' }).isDisabled()).toBe(false)
    await fresh.screenshot('draft-complete')
    // Settings shows what first run and the draft saved.
    expect(await fresh.api('settings:get')).toMatchObject({
      profile: { profession: 'Bookkeeper', company: 'Lee Books', peopleLikeMe: 'owners of small shops', idealClient: 'shops with one to five staff who hate paperwork' },
    })
  } finally {
    await fresh.close()
  }
})
