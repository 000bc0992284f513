import { afterAll, beforeAll, expect, it } from 'vitest'
import { copyFileSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startE2E, type E2EApp } from './harness'
import { de } from '../../src/shared/i18n'

const DOCS = resolve(__dirname, '../../docs')
let app: E2EApp
let me: string
let quinn: string
let rosa: string
let tess: string

interface Created {
  id: string
}

async function goTo(label: string) {
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true }).click()
}

async function shot(name: string, doc?: string) {
  const file = await app.screenshot(name)
  if (doc) {
    mkdirSync(DOCS, { recursive: true })
    copyFileSync(file, join(DOCS, doc))
  }
}

beforeAll(async () => {
  app = await startE2E({ now: '2026-06-15T10:00:00.000Z' })
  await app.api('app:loadSample', {})
  await app.api('settings:save', { group: 'general', values: { timeZone: 'UTC' } })
  await app.api('settings:save', { group: 'followup', values: { askFollowUpDays: 7 } })
  await app.api('settings:save', { group: 'profile', values: { peopleLikeMe: 'owners of service firms with a team of 10 to 50' } })
  me = (await app.api<{ meId: string }>('app:info')).meId
  quinn = (await app.api<Created>('people:create', { name: 'Quinn Ó Briain', email: 'quinn@example.com', company: 'Briain Legal', profession: 'Business lawyer', idealClient: 'Founders signing their first big contracts.', howMet: 'the Tuesday breakfast group' })).id
  rosa = (await app.api<Created>('people:create', { name: 'Rosa Zoë Marín', email: 'rosa@example.org', company: 'Marín Studio' })).id
  tess = (await app.api<Created>('people:create', { name: 'Tess Nakamura', email: 'tess@example.net', company: 'Nakamura Build', profession: 'founder' })).id
  // A won introduction (newest and very valuable: first in Who to thank), and a new one from the same partner.
  await app.api('introductions:create', { referrerId: quinn, receiverId: me, prospect: { id: rosa }, date: '2026-06-01', origin: 'inbound', status: 'won', statusDate: '2026-06-15', value: 98000, currency: 'EUR' })
  await app.api('introductions:create', { referrerId: quinn, receiverId: me, prospect: { new: { name: 'Uma Patel' } }, date: '2026-06-13', origin: 'inbound' })
  await app.api('tasks:create', { title: 'Send Quinn the guest list for the breakfast', dueDate: '2026-06-12', personId: quinn })
  await app.reload()
  await goTo('Thank & follow up')
})

afterAll(async () => {
  await app?.close()
})

it('a won introduction appears in Who to thank, is thanked, leaves the list and shows in the partner log', async () => {
  const won = app.page.getByRole('table', { name: 'Won business to thank for' })
  const row = won.getByRole('row').filter({ hasText: 'Rosa Zoë Marín' })
  await row.first().waitFor()
  expect(await won.getByRole('row').nth(1).innerText()).toContain('Quinn Ó Briain')
  expect(await row.innerText()).toContain('€98,000')
  expect(await row.innerText()).toContain('Jun 15, 2026')
  await shot('followup-thank')

  await row.getByRole('button', { name: 'Thank Quinn Ó Briain for Rosa Zoë Marín' }).click()
  const dlg = app.page.getByRole('dialog')
  await dlg.getByLabel('Message').waitFor()
  const body = await dlg.getByLabel('Message').inputValue()
  expect(body).toContain('Hi Quinn,')
  expect(body).toContain('Rosa Zoë Marín (Marín Studio) is now a client')
  expect(await dlg.innerText()).toContain('To: quinn@example.com')
  await dlg.getByLabel('How').selectOption('card')
  await dlg.getByRole('button', { name: 'Record thank-you' }).click()
  await dlg.waitFor({ state: 'detached' })
  await app.page.getByRole('table', { name: 'Won business to thank for' }).getByRole('row').first().waitFor()
  await expect.poll(() => row.count()).toBe(0)

  // The partner's interactions log shows it (reached through the partner's still-open new introduction).
  const received = app.page.getByRole('table', { name: 'New introductions to thank for' })
  await received.getByRole('row').filter({ hasText: 'Uma Patel' }).getByRole('button', { name: 'Quinn Ó Briain', exact: true }).click()
  const log = app.page.getByRole('list', { name: 'Interactions' })
  await log.waitFor()
  expect(await log.innerText()).toMatch(/Jun 15, 2026\s+Thank-you · Card/)
  await log.scrollIntoViewIfNeeded()
  await shot('followup-person-log')
})

it('an ask is recorded and its follow-up appears when the clock passes the delay', async () => {
  await goTo('Thank & follow up')
  const clients = app.page.getByRole('list', { name: 'Clients to ask' })
  await clients.getByRole('button', { name: 'Ask Rosa Zoë Marín' }).click()
  const dlg = app.page.getByRole('dialog')
  await dlg.getByLabel('Message').waitFor()
  const body = await dlg.getByLabel('Message').inputValue()
  expect(body).toContain('Hi Rosa,')
  expect(body).toContain('owners of service firms with a team of 10 to 50')
  expect(await dlg.innerText()).toContain('To: rosa@example.org')
  await dlg.getByRole('button', { name: 'Record ask' }).click()
  await dlg.waitFor({ state: 'detached' })
  const waiting = app.page.getByRole('list', { name: 'Asks waiting for an answer' })
  await waiting.getByText('Rosa Zoë Marín').waitFor()
  expect(await waiting.innerText()).toContain('follow up Jun 22, 2026')
  const tasks = app.page.getByRole('list', { name: 'Follow-ups' })
  const follow = app.page.getByText('Follow up your ask to Rosa Zoë Marín')
  await expect.poll(() => follow.count()).toBe(0)

  await app.setClock('2026-06-21T10:00:00.000Z')
  await app.reload()
  await goTo('Thank & follow up')
  await app.page.getByText('Today is Jun 21, 2026').waitFor()
  await expect.poll(() => follow.count()).toBe(0)

  await app.setClock('2026-06-22T09:00:00.000Z')
  await app.reload()
  await goTo('Thank & follow up')
  await app.page.getByText('Today is Jun 22, 2026').waitFor()
  await follow.waitFor()
  const taskRow = tasks.getByRole('listitem').filter({ hasText: 'Follow up your ask to Rosa Zoë Marín' })
  expect(await taskRow.innerText()).toContain('due Jun 22, 2026')
  // Snoozing moves it out of today.
  await taskRow.getByLabel(/Snooze days/).selectOption('3')
  await taskRow.getByRole('button', { name: /^Snooze:/ }).click()
  await tasks.getByRole('listitem').filter({ hasText: 'due Jun 25, 2026' }).filter({ hasText: 'Rosa' }).waitFor()
  await app.page.setViewportSize({ width: 1440, height: 1500 })
  await app.page.locator('main').evaluate((el) => el.scrollTo(0, 0))
  await shot('followup', 'followup.png')
  await app.page.setViewportSize({ width: 1360, height: 860 })
})

it('the introduction flow refuses to produce an email until the three checks are yes', async () => {
  await goTo('Thank & follow up')
  await app.page.getByRole('button', { name: 'Make an introduction' }).click()
  const dlg = app.page.getByRole('dialog')
  await dlg.getByRole('combobox', { name: 'Partner (who gets the referral)' }).fill('Quinn')
  await dlg.getByRole('option', { name: /Quinn Ó Briain/ }).click()
  await dlg.getByRole('combobox', { name: 'Person to introduce' }).fill('Tess')
  await dlg.getByRole('option', { name: /Tess Nakamura/ }).click()
  await dlg.getByText('Founders signing their first big contracts.').waitFor()
  await dlg.getByLabel('What they have in common (optional, goes into the email)').fill('both of you grew up in Cork')
  const next = dlg.getByRole('button', { name: 'Continue to the email' })
  // Continue without answers: every unanswered check says so at once, and no email is drafted.
  await next.click()
  await expect.poll(() => dlg.getByText('Answer this question.').count()).toBe(3)
  expect(await dlg.getByLabel('Message').count()).toBe(0)
  const group = (name: RegExp) => dlg.getByRole('radiogroup', { name })
  await group(/need what/).getByLabel('Yes').check()
  await group(/ideal client/).getByLabel('Yes').check()
  await expect.poll(() => dlg.getByText('Answer this question.').count()).toBe(1)
  await group(/agree to be introduced/).getByLabel('No').check()
  expect(await next.isDisabled()).toBe(true)
  await dlg.getByRole('button', { name: 'Save as a lead (not an introduction)' }).waitFor()
  expect(await dlg.getByLabel('Message').count()).toBe(0)
  await group(/agree to be introduced/).getByLabel('Yes').check()
  await shot('make-introduction-checks')
  expect(await next.isDisabled()).toBe(false)
  await next.click()
  const body = await dlg.getByLabel('Message').inputValue()
  expect(body).toContain('This email is an introduction')
  expect(body).toContain('I know Quinn through the Tuesday breakfast group')
  expect(body).toContain('both of you grew up in Cork')
  expect(await dlg.innerText()).toContain('To: tess@example.net, quinn@example.com')
  await shot('make-introduction', 'make-introduction.png')
  await dlg.getByRole('button', { name: 'Record the introduction' }).click()
  await dlg.getByText('Recorded: you introduced Tess Nakamura to Quinn Ó Briain.').waitFor()
  const list = await app.api<{ items: { kind: string; origin: string; prospectName: string }[] }>('introductions:list', { referrerId: me, receiverId: quinn })
  expect(list.items).toMatchObject([{ kind: 'referral', origin: 'outbound', prospectId: tess, prospectName: 'Tess Nakamura' }])
  await dlg.getByRole('button', { name: 'Close', exact: true }).first().click()
})

it('settings: templates flag unknown placeholders and preview for a real person', async () => {
  await goTo('Settings')
  const body = app.page.getByLabel('Message')
  await body.waitFor()
  await body.fill('Hi {partner.firstName}, thanks for {prospect.nmae}. {me.name}')
  await app.page.getByRole('alert').filter({ hasText: 'Unknown placeholder: {prospect.nmae}' }).waitFor()
  await app.page.getByRole('combobox', { name: 'Preview: partner' }).fill('Quinn')
  await app.page.getByRole('option', { name: /Quinn Ó Briain/ }).click()
  const preview = app.page.getByRole('region', { name: 'Preview' })
  await preview.getByText('Hi Quinn, thanks for {prospect.nmae}.', { exact: false }).waitFor()
  await app.page.setViewportSize({ width: 1440, height: 1560 })
  await app.page.locator('main').evaluate((el) => el.scrollTo(0, 0))
  await shot('settings', 'settings.png')
  await app.page.setViewportSize({ width: 1360, height: 860 })
  await app.page.getByRole('button', { name: 'Reset to the default' }).click()
  expect(await app.page.getByRole('alert').count()).toBe(0)
})

it('in German: the follow-up screen with German headings, region amounts and dates', async () => {
  await app.setClock('2026-06-15T10:00:00.000Z')
  await app.api('settings:save', { group: 'general', values: { language: 'de', region: 'de-DE' } })
  await app.reload()
  await app.page.getByRole('navigation', { name: de.shell.nav.label }).getByRole('button', { name: de.shell.nav.followup, exact: true }).click()
  await app.page.getByRole('heading', { level: 1, name: 'Danken & nachfassen' }).waitFor()
  await app.page.getByText('Heute ist der 15.06.2026').waitFor()
  const received = app.page.getByRole('table', { name: 'Neue Empfehlungen, für die zu danken ist' })
  const row = received.getByRole('row').filter({ hasText: 'Uma Patel' })
  await row.waitFor()
  expect(await row.innerText()).toContain('13.06.2026')
  expect(await row.innerText()).toContain('2 Tage')
  await app.page.getByRole('heading', { name: /Wem danken/ }).waitFor()
  await app.page.setViewportSize({ width: 1440, height: 1300 })
  mkdirSync('/tmp/followup', { recursive: true })
  await app.page.screenshot({ path: '/tmp/followup/followup-de.png' })
  await app.page.getByRole('button', { name: 'Jemanden vorstellen' }).first().click()
  const dlg = app.page.getByRole('dialog', { name: 'Jemanden vorstellen: zuerst prüfen' })
  await dlg.getByRole('button', { name: 'Weiter zur E-Mail' }).click()
  await dlg.getByText('Wählen Sie den Partner.').waitFor()
  expect(await dlg.getByText('Beantworten Sie diese Frage.').count()).toBe(3)
  await app.page.screenshot({ path: '/tmp/followup/make-introduction-de.png' })
  await app.page.keyboard.press('Escape')
  await app.page.setViewportSize({ width: 1360, height: 860 })
  await app.api('settings:save', { group: 'general', values: { language: null, region: null } })
})
