import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { FIXTURES, pickImportFile, startOnImport, type E2EApp } from './harness'
import { de } from '../../src/shared/i18n'

let app: E2EApp

beforeAll(async () => {
  app = await startOnImport()
})
afterAll(async () => {
  await app?.close()
})

const pick = (kind: string, file: string) => pickImportFile(app, kind, file)

it('imports a BOM + CRLF people file with quoted newlines, and importing it again changes nothing', async () => {
  const page = app.page
  await pick('people', 'people-bom-crlf.csv')
  await expect.poll(() => page.locator('.badge', { hasText: 'UTF-8 with BOM' }).count()).toBe(1)
  await expect.poll(() => page.locator('.files-preview td', { hasText: 'Prefers WhatsApp.' }).count()).toBe(1)
  await page.getByRole('button', { name: 'Import 3 rows' }).click()
  await page.getByText('Import finished.').waitFor()
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Import finished.' }).innerText()).toMatch(/3 people added/)
  await pick('people', 'people-bom-crlf.csv')
  await expect.poll(() => page.getByText('Already in your network (3)').count()).toBe(1)
  await page.getByRole('button', { name: 'Import 3 rows' }).click()
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Import finished.' }).innerText()).toMatch(/0 people added, 0 merged/)
  const people = await app.api<{ total: number }>('people:list', {})
  expect(people.total).toBe(4)
})

it('shows the problems of a file with bad rows per cell and imports only the valid rows when asked', async () => {
  const page = app.page
  await pick('people', 'people-bad-rows.csv')
  await expect.poll(() => page.locator('.files-cell-bad').count()).toBe(3)
  await expect.poll(() => page.locator('.files-problems tbody tr').allInnerTexts()).toEqual([
    '3\tName\tNo name.',
    '4\tEmail\tNot an email address.',
    '6\tWebsite\tNot a web address.',
  ])
  await app.screenshot('files-import-problems')
  await page.getByRole('button', { name: 'Import the 2 valid rows' }).click()
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Import finished.' }).innerText()).toMatch(/2 people added.*3 rows with problems were left out/)
})

it('reads semicolon, UTF-16, Windows-1252, vCard and LinkedIn files', async () => {
  const page = app.page
  await pick('people', 'people-semicolon.csv')
  await expect.poll(() => page.getByText('semicolon separated').count()).toBe(1)
  await expect.poll(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe('Naam')
  await page.getByRole('button', { name: 'Import 3 rows' }).click()
  await page.getByText('Import finished.').waitFor()

  await pick('people', 'people-utf16.csv')
  await expect.poll(() => page.locator('.badge', { hasText: 'UTF-16 LE' }).count()).toBe(1)
  await expect.poll(() => page.locator('.files-preview td', { hasText: '上海' }).count()).toBe(1)
  await page.getByRole('button', { name: 'Import 2 rows' }).click()
  await page.getByText('Import finished.').waitFor()

  await pick('people', 'people-cp1252.csv')
  await expect.poll(() => page.locator('.badge', { hasText: 'Windows-1252' }).count()).toBe(1)
  await expect.poll(() => page.locator('.files-preview td', { hasText: 'Sells €500 cakes ’daily’' }).count()).toBe(1)
  await page.getByRole('button', { name: 'Import 2 rows' }).click()
  await page.getByText('Import finished.').waitFor()

  await pick('vcard', 'contacts.vcf')
  // The company-only card is a company's card (issue 13), so all 4 cards are valid.
  await page.getByRole('button', { name: 'Import 4 rows' }).click()
  await page.getByText('Import finished.').waitFor()

  await pick('linkedin', 'linkedin-connections.csv')
  await expect.poll(() => page.getByText('2 note lines before the header skipped').count()).toBe(1)
  await page.getByRole('button', { name: 'Import 3 rows' }).click()
  await page.getByText('Import finished.').waitFor()
  const list = await app.api<{ items: { name: string }[] }>('people:list', { search: 'Priya' })
  expect(list.items.map((p) => p.name)).toEqual(['Priya Raman'])
})

it('imports introductions, creating the missing people when allowed', async () => {
  const page = app.page
  await pick('introductions', 'introductions.csv')
  await page.getByLabel('Create these people').check()
  await app.screenshot('files-import-introductions')
  await page.getByRole('button', { name: 'Import the 3 valid rows' }).click()
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Import finished.' }).innerText()).toMatch(/3 introductions added, 4 people created/)
  const intros = await app.api<{ total: number }>('introductions:list', {})
  expect(intros.total).toBe(3)
})

it('exports GraphML that an independent XML parser reads with every person and introduction', async () => {
  const page = app.page
  await page.getByRole('tab', { name: 'Export' }).click()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Graph (GraphML)' }).click()])
  const xml = readFileSync((await download.path())!, 'utf8')
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'node' || n === 'edge' }).parse(xml)
  const people = await app.api<{ total: number }>('people:list', { limit: 500 })
  expect(doc.graphml.graph.node).toHaveLength(people.total)
  expect(doc.graphml.graph.edge).toHaveLength(3)
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'People (CSV)' }).click()])
  expect(csv.suggestedFilename()).toBe('network-2026-06-15-people.csv')
  expect(readFileSync((await csv.path())!, 'utf8').startsWith('\uFEFFName,Company')).toBe(true)
  // The printable report, with a graph picture picked from a file.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
  await page.locator('#files-graph-png').setInputFiles({ name: 'graph.png', mimeType: 'image/png', buffer: png })
  const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Printable report (HTML)' }).click()])
  const html = readFileSync((await report.path())!, 'utf8')
  expect(html).toContain('Partner leaderboard')
  expect(html).toContain(`<img class="graph" alt="Graph of the network" src="data:image/png;base64,${png.toString('base64')}">`)
  await app.screenshot('files-export')
})

it('backs up and restores after a confirmation that says what will be replaced', async () => {
  const page = app.page
  await page.getByRole('tab', { name: 'Backups' }).click()
  await page.getByRole('button', { name: 'Back up now' }).click()
  await page.getByRole('cell', { name: 'Backup now' }).waitFor()
  await app.api('people:create', { name: 'After The Backup' })
  const before = await app.api<{ total: number }>('people:list', {})
  await page.getByRole('row', { name: /Backup now/ }).getByRole('button', { name: 'Restore…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' })
  await expect.poll(() => dialog.innerText()).toMatch(new RegExp(`Now: ${before.total} people[\\s\\S]*In the backup: ${before.total - 1} people`))
  await app.screenshot('files-restore')
  await dialog.getByRole('button', { name: 'Replace with backup' }).click()
  await dialog.waitFor({ state: 'detached' })
  const after = await app.api<{ total: number }>('people:list', {})
  expect(after.total).toBe(before.total - 1)
})

it('merges a network file and opens another network from the data folder', async () => {
  const page = app.page
  await page.getByRole('tab', { name: 'Network files' }).click()
  const json = JSON.stringify({
    format: 'referral-map', version: 1, exportedAt: '2026-06-01T00:00:00.000Z',
    people: [{ id: '01900000-0000-7000-8000-000000000001', name: 'Chapter Friend', company: 'Friend Co', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }],
  })
  await page.locator('#files-merge-input').setInputFiles({ name: 'friend.json', mimeType: 'application/json', buffer: Buffer.from(json) })
  await page.getByText(/1 new people/).waitFor()
  await page.getByRole('button', { name: 'Merge, keep mine' }).click()
  await page.getByText(/Merged: 1 people/).waitFor()
  await page.getByLabel('Save a copy as').fill('copy')
  await page.getByRole('button', { name: 'Save copy' }).click()
  await page.getByText(/Saved a copy as .*copy\.referralmap/).first().waitFor()
  // Saving over an existing name asks first, and replaces only after Replace.
  await page.getByRole('button', { name: 'Save copy' }).click()
  const replace = page.getByRole('dialog')
  await replace.getByText(/copy\.referralmap already exists/).waitFor()
  await app.screenshot('files-replace-copy')
  await replace.getByRole('button', { name: 'Replace' }).click()
  await page.getByText('Replaced copy.referralmap with a copy of this network').first().waitFor()
  await page.getByRole('row', { name: /copy\.referralmap/ }).getByRole('button', { name: 'Open' }).click()
  await page.getByText('Open network: copy').waitFor()
  expect((await app.api<{ total: number }>('people:list', { search: 'Chapter Friend' })).total).toBe(1)
  await app.screenshot('files-network')
  // A new network is empty, so the app greets it with the first-run choice.
  await page.getByLabel('New network').fill('second')
  await page.getByRole('button', { name: 'Create' }).click()
  await page.getByRole('heading', { name: 'Welcome to Referral Map' }).waitFor()
  expect((await app.api<{ name: string }>('files:network', {})).name).toBe('second')
})

it('in German (de-DE): the import preview, its counts and the backups read in German', async () => {
  const page = app.page
  await app.api('app:startEmpty', { meName: 'Me Myself' })
  await app.api('settings:save', { group: 'general', values: { language: 'de', region: 'de-DE' } })
  await app.reload()
  await page.getByRole('navigation', { name: de.shell.nav.label }).getByRole('button', { name: de.shell.nav.files, exact: true }).click()
  await page.getByRole('heading', { level: 1, name: de.files.title }).waitFor()
  await page.getByLabel(de.files.import.kind).selectOption('people')
  await page.locator('#files-import-input').setInputFiles(join(FIXTURES, 'people-semicolon.csv'))
  await page.getByText('getrennt durch Semikolon').waitFor()
  await expect.poll(() => page.locator('.files-detected').innerText()).toMatch(/\d+ Zeilen, \d+ gültig/)
  await page.getByRole('button', { name: /Zeilen? importieren$/ }).waitFor()
  mkdirSync('/tmp/files', { recursive: true })
  await page.screenshot({ path: '/tmp/files/import-de.png' })
  await page.getByRole('tab', { name: de.files.tabs.backups }).click()
  await page.getByRole('button', { name: de.files.backups.now }).click()
  const row = page.getByRole('row', { name: new RegExp(de.files.backups.reasons.manual) })
  await row.waitFor()
  // The backup's time is written the German way (the bridge's clock is on 2026-06-15).
  await expect.poll(() => row.innerText()).toMatch(/15\.06\.2026/)
  await row.getByRole('button', { name: de.files.backups.restore }).waitFor()
  await app.api('settings:save', { group: 'general', values: { language: null, region: null } })
})
