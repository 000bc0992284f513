import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { pickImportFile, startOnImport, type E2EApp } from './harness'

/** Files from other tools, from the UI (issue 13): Outlook, Google, broken quotes, encodings, locales, merge. */

let app: E2EApp

beforeAll(async () => {
  app = await startOnImport()
})
afterAll(async () => {
  await app?.close()
})

const pick = (kind: string, file: string) => pickImportFile(app, kind, file)

const finished = () => app.page.getByRole('status').filter({ hasText: 'Import finished.' }).innerText()
const person = async (search: string) => {
  const list = await app.api<{ items: { id: string }[] }>('people:list', { search })
  expect(list.items).toHaveLength(1)
  return app.api<Record<string, unknown>>('people:get', { id: list.items[0]!.id })
}

it('Outlook classic: the layout is named, Job Title and Business City are mapped instead of the empty Profession and Location', async () => {
  const page = app.page
  await pick('people', 'outlook-classic.csv')
  await expect.poll(() => page.locator('.badge', { hasText: 'Recognised: Outlook (classic desktop export)' }).count()).toBe(1)
  await expect.poll(() => page.getByLabel('Profession', { exact: true }).inputValue()).toBe('Job Title')
  await expect.poll(() => page.getByLabel('City', { exact: true }).inputValue()).toBe('Business City')
  await expect.poll(() => page.getByLabel('Phone', { exact: true }).inputValue()).toBe('Business Phone')
  await app.screenshot('import-outlook-classic')
  await page.getByRole('button', { name: 'Import 2 rows' }).click()
  await expect.poll(finished).toMatch(/2 people added/)
  expect(await person('Becker')).toMatchObject({ profession: 'Tax Advisor', city: 'München', phone: '+49 89 1234567', website: 'https://becker.example' })
})

it('Google Contacts: multi-value cells and labels', async () => {
  const page = app.page
  await pick('people', 'google-contacts.csv')
  await expect.poll(() => page.locator('.badge', { hasText: 'Recognised: Google Contacts' }).count()).toBe(1)
  await expect.poll(() => page.getByLabel('Company', { exact: true }).inputValue()).toBe('Organization Name')
  await expect.poll(() => page.getByLabel('Email', { exact: true }).inputValue()).toBe('E-mail 1 - Value')
  await app.screenshot('import-google-contacts')
  await page.getByRole('button', { name: 'Import 2 rows' }).click()
  await expect.poll(finished).toMatch(/2 people added/)
  const priya = await person('Sharma')
  expect(priya).toMatchObject({ company: 'Sharma Insurance', email: 'priya@sharma.example', phone: '+91 98765 43210', city: 'Pune' })
  expect(String(priya.notes)).toContain('Other emails: p.sharma@mail.example')
})

it('a broken quote: the line is named, the other rows stay, and the stray quotes can be read as text', async () => {
  const page = app.page
  await pick('people', 'people-quote-unclosed.csv')
  await expect.poll(() => page.locator('.files-detected').innerText()).toMatch(/4 rows, 3 valid, 1 with problems/)
  await expect.poll(() => page.locator('.files-problems tbody tr').allInnerTexts()).toEqual([
    '3\tCompany\tUnclosed quote from line 3 runs to the end of the file: the row is left out, or read the stray quotes as text.',
  ])
  await expect.poll(() => page.locator('.files-preview tbody tr').count()).toBe(4)
  await app.screenshot('import-broken-quote')
  await page.getByLabel(/Read stray quotes as text/).check()
  await expect.poll(() => page.locator('.files-problems').count()).toBe(0)
  await expect.poll(() => page.locator('.files-preview td', { hasText: '"Acme Ltd' }).count()).toBe(1)
  await page.getByRole('button', { name: 'Import 4 rows' }).click()
  await expect.poll(finished).toMatch(/4 people added/)
  expect(await person('Bob Stone')).toMatchObject({ company: '"Acme Ltd', city: 'Paris' })
  expect(await person('Dee Park')).toMatchObject({ company: 'Delta', city: 'Bonn' })
})

it('a Mac Roman file: named with an example line; picking another encoding updates the preview', async () => {
  const page = app.page
  await pick('people', 'people-macroman.csv')
  await expect.poll(() => page.locator('.badge', { hasText: 'Mac Roman' }).count()).toBe(1)
  await expect.poll(() => page.getByTestId('encoding-example').innerText()).toMatch(/line 2 reads: .?Zoë Ångström,Café Müller/)
  await page.getByLabel('Encoding').selectOption('windows-1252')
  await expect.poll(() => page.locator('.files-preview tbody tr').first().innerText()).toMatch(/CafŽ M\u0178ller/)
  await app.screenshot('import-encoding-choice')
  await page.getByLabel('Encoding').selectOption('macintosh')
  await expect.poll(() => page.locator('.files-preview tbody tr').first().innerText()).toBe('2\tZoë Ångström\tCafé Müller\tMalmö\tSeñor Müller’s café')
  await page.getByRole('button', { name: 'Import 2 rows' }).click()
  await expect.poll(finished).toMatch(/2 people added/)
})

it('a UTF-8 file with one stray byte: read as UTF-8, the cell flagged', async () => {
  const page = app.page
  await pick('people', 'people-utf8-stray-byte.csv')
  await expect.poll(() => page.locator('.badge', { hasText: /^UTF-8$/ }).count()).toBe(1)
  await expect.poll(() => page.locator('.files-cell-warn').count()).toBe(1)
  await expect.poll(() => page.locator('.files-preview td', { hasText: '山本 花子' }).count()).toBe(1)
  await app.screenshot('import-stray-byte')
  await page.getByRole('button', { name: 'Cancel' }).click()
})

it('ambiguous dates: the user chooses the order once', async () => {
  const page = app.page
  await pick('introductions', 'intros-ambiguous-dates.csv')
  await expect.poll(() => page.getByText(/No date in this file tells day-first from month-first/).count()).toBe(1)
  await page.getByLabel('Dates like 03/04/2025 are').selectOption('dmy')
  await expect.poll(() => page.locator('.files-problems').count()).toBe(0)
  await app.screenshot('import-date-order')
  await page.getByLabel('Create these people').check()
  await page.getByRole('button', { name: 'Import 2 rows' }).click()
  await expect.poll(finished).toMatch(/2 introductions added/)
  const list = await app.api<{ items: { date: string; value: number | null }[] }>('introductions:list', { sort: 'date', dir: 'asc' })
  expect(list.items.map((i) => [i.date, i.value])).toEqual([['2025-04-03', 1250.5], ['2025-06-05', 12.5]])
})

it('merge: both values side by side, a choice per field', async () => {
  const page = app.page
  const ann = await app.api<{ id: string }>('people:create', { name: 'Ann Lee', company: 'Lee Law', email: 'ann@lee.example', city: 'Leeds', notes: 'Met at BNI.' })
  const doc = JSON.parse((await app.api<{ text: string }>('files:export', { format: 'json' })).text) as { people: Record<string, unknown>[] }
  const theirs = doc.people.find((p) => p.id === ann.id)!
  Object.assign(theirs, { name: 'Ann Lee-Smith', city: 'York', notes: 'Likes golf.' })
  const file = join(app.dataDir, 'friend.json')
  writeFileSync(file, JSON.stringify(doc))
  await page.getByRole('tab', { name: 'Network files' }).click()
  await page.locator('#files-merge-input').setInputFiles(file)
  const table = page.getByRole('table', { name: 'Differences' })
  const rows = async () => (await table.locator('tbody tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())
  await expect.poll(rows).toEqual([
    'Ann Lee Name Ann Lee Ann Lee-Smith Mine Theirs',
    'City Leeds York Mine Theirs',
    'Notes Met at BNI. Likes golf. Mine Theirs Both (theirs below mine)',
  ])
  await page.getByLabel('Keep for Ann Lee, City').selectOption('theirs')
  await page.getByLabel('Keep for Ann Lee, Notes').selectOption('both')
  await app.screenshot('merge-side-by-side')
  await page.getByRole('button', { name: 'Merge with my choices' }).click()
  await expect.poll(async () => (await app.api<Record<string, unknown>>('people:get', { id: ann.id })).city).toBe('York')
  expect(await app.api('people:get', { id: ann.id })).toMatchObject({ name: 'Ann Lee', notes: 'Met at BNI.\n\nLikes golf.' })
  await page.getByRole('tab', { name: 'Import' }).click()
})
