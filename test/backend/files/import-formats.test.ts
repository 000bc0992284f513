import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createTestApp, type TestApp } from '../../helpers/ctx'
import { parseCsv } from '../../../src/core/formats/csv'

/** Files from other tools (issue 13): encodings, broken quotes, known layouts, locales, honest counts. */

const FIX = join(__dirname, '../../fixtures')
const b64 = (f: string) => readFileSync(join(FIX, f)).toString('base64')
const b64text = (s: string) => Buffer.from(s, 'utf8').toString('base64')

let app: TestApp
let second: TestApp | null = null
const other = () => (second ??= createTestApp())
beforeEach(() => {
  app = createTestApp()
})
afterEach(() => {
  app.close()
  second?.close()
  second = null
})

const person = async (search: string) => {
  const list = await app.call('people:list', { search })
  expect(list.items).toHaveLength(1)
  const p = await app.call('people:get', { id: list.items[0]!.id })
  return p as unknown as Record<string, unknown> & { tags: string[] }
}

describe('encoding', () => {
  it('a UTF-8 file with one stray byte stays UTF-8: every other cell intact, the stray cell flagged by line and column, the row still valid', async () => {
    const p = await app.call('files:previewImport', { kind: 'people', data: b64('people-utf8-stray-byte.csv') })
    expect(p.encoding).toBe('utf-8')
    expect(p.sample.map((r) => r.cells[0])).toEqual(['Zoë Ångström', 'René Dubois', '山本 花子'])
    expect(p.warnings.map((w) => [w.line, w.column, w.reason])).toEqual([[3, 'Name', 'A byte that is not UTF-8, read as "é" (Windows-1252): check this cell.']])
    expect(p.sample[1]!.warnings).toHaveLength(1)
    expect(p.validRows).toBe(3)
  })

  it('names a legacy encoding with an example line, and reads the file again in the encoding the user picks', async () => {
    const p = await app.call('files:previewImport', { kind: 'people', data: b64('people-macroman.csv') })
    expect(p.encoding).toBe('macintosh')
    expect(p.encodingExample).toEqual({ line: 2, text: 'Zoë Ångström,Café Müller,Malmö,Señor Müller’s café' })
    expect(p.sample[0]!.cells).toEqual(['Zoë Ångström', 'Café Müller', 'Malmö', 'Señor Müller’s café'])
    const w = await app.call('files:previewImport', { kind: 'people', data: b64('people-macroman.csv'), encoding: 'windows-1252' })
    expect(w.encoding).toBe('windows-1252')
    expect(w.sample[0]!.cells[1]).toBe('CafŽ M\u0178ller')
    const r = await app.call('files:commitImport', { kind: 'people', data: b64('people-macroman.csv') })
    expect(r.created).toBe(2)
    expect(await person('Noël')).toMatchObject({ name: 'Françoise Noël', city: 'Orléans' })
  })

  it('refuses a workbook or binary file with a message that says what it is, never "validRows: -1"', async () => {
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]).toString('base64')
    const e = await app.fail('files:previewImport', { kind: 'people', data: xlsx })
    expect(e).toMatchObject({ code: 'INVALID_FILE', field: 'data' })
    expect(e.message).toMatch(/Excel\/Numbers workbook, not a CSV file/)
    const bin = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]).toString('base64')
    expect((await app.fail('files:previewImport', { kind: 'people', data: bin })).message).toMatch(/binary data, not text/)
  })
})

describe('broken quotes', () => {
  it('a quote inside an unquoted cell: reported on its line, the other rows read and importable, nothing swallowed', async () => {
    const p = await app.call('files:previewImport', { kind: 'people', data: b64('people-quote-stray.csv') })
    expect(p.totalRows).toBe(3)
    expect(p.validRows).toBe(2)
    expect(p.quoteProblems).toBe(1)
    expect(p.problems.map((x) => [x.line, x.column, x.reason])).toEqual([
      [2, 'Company', 'A quote inside an unquoted cell: the row is left out, or read the stray quotes as text.'],
    ])
    const r = await app.call('files:commitImport', { kind: 'people', data: b64('people-quote-stray.csv'), mode: 'valid' })
    expect(r).toMatchObject({ created: 2, invalidRows: 1 })
    expect(await person('Cid')).toMatchObject({ company: 'Gamma', city: 'Oslo' })
  })

  it('an unclosed quote: "unclosed quote from line 3 runs to the end of the file", the rows after it kept', async () => {
    const p = await app.call('files:previewImport', { kind: 'people', data: b64('people-quote-unclosed.csv') })
    expect(p.totalRows).toBe(4)
    expect(p.validRows).toBe(3)
    expect(p.problems[0]!.reason).toMatch(/^Unclosed quote from line 3 runs to the end of the file/)
    expect((await app.fail('files:commitImport', { kind: 'people', data: b64('people-quote-unclosed.csv') })).code).toBe('VALIDATION')
  })

  it('"read stray quotes as text" keeps the quotes in the cell and imports every row', async () => {
    const p = await app.call('files:previewImport', { kind: 'people', data: b64('people-quote-stray.csv'), quotes: 'text' })
    expect(p).toMatchObject({ totalRows: 3, validRows: 3, quoteProblems: 1, problems: [] })
    const r = await app.call('files:commitImport', { kind: 'people', data: b64('people-quote-stray.csv'), quotes: 'text' })
    expect(r.created).toBe(3)
    expect(await person('Bob')).toMatchObject({ company: '"Acme" Ltd', city: 'Paris' })
  })
})

describe('known layouts', () => {
  it('Outlook classic: Job Title (not the empty Profession), Business City (not the empty Location), phones, web page, categories', async () => {
    const p = await app.call('files:previewImport', { kind: 'people', data: b64('outlook-classic.csv') })
    expect(p.layout).toBe('Outlook (classic desktop export)')
    expect(p.mapping).toMatchObject({ profession: 'Job Title', city: 'Business City', phone: 'Business Phone', website: 'Web Page', tags: 'Categories', email: 'E-mail Address' })
    expect(p.validRows).toBe(2)
    await app.call('files:commitImport', { kind: 'people', data: b64('outlook-classic.csv') })
    expect(await person('Becker')).toMatchObject({
      name: 'Hannah Becker', company: 'Becker Steuerberatung', profession: 'Tax Advisor', city: 'München', email: 'hannah@becker.example',
      // The layout's other phone columns with data go to the notes.
      phone: '+49 89 1234567', website: 'https://becker.example', notes: 'Refers many start-ups.\nOther phones: +49 171 2345678',
    })
    expect((await person('Becker')).tags.map((t: unknown) => (typeof t === 'string' ? t : (t as { tag: string }).tag)).sort()).toEqual(['Chapter', 'Tax'])
  })

  it('Outlook (new): the phone and city columns that hold data', async () => {
    const p = await app.call('files:previewImport', { kind: 'people', data: b64('outlook-new.csv') })
    expect(p.layout).toBe('Outlook (Outlook.com and the new Outlook)')
    await app.call('files:commitImport', { kind: 'people', data: b64('outlook-new.csv') })
    expect(await person('Tanaka')).toMatchObject({ profession: 'Interior Designer', company: 'Tanaka Design', city: 'Osaka', phone: '+81 90 1234 5678', website: 'https://tanaka.example' })
  })

  it('Google Contacts: company, title, first email and phone of a ` ::: ` cell (the rest in notes), city, website; labels without system labels', async () => {
    const p = await app.call('files:previewImport', { kind: 'people', data: b64('google-contacts.csv') })
    expect(p.layout).toBe('Google Contacts')
    expect(p.problems).toEqual([])
    await app.call('files:commitImport', { kind: 'people', data: b64('google-contacts.csv') })
    const priya = await person('Sharma')
    expect(priya).toMatchObject({
      name: 'Priya Sharma', company: 'Sharma Insurance', profession: 'Broker', email: 'priya@sharma.example', phone: '+91 98765 43210', city: 'Pune',
      website: 'https://sharma.example', notes: 'Chapter treasurer.\nOther emails: p.sharma@mail.example\nOther phones: +91 22 5555 0101',
    })
    const tags = (p: { tags: unknown[] }) => p.tags.map((t) => (typeof t === 'string' ? t : (t as { tag: string }).tag)).sort()
    expect(tags(priya)).toEqual(['Chapter', 'Navy'])
    const tom = await person('Walsh')
    expect(tags(tom)).toEqual([])
    // Google's second e-mail column goes to the notes like a second value in one cell.
    expect(tom).toMatchObject({ email: 'tom@walsh.example', notes: 'Other emails: tom.home@walsh.example' })
  })

  it('Google Contacts (legacy): the full Name column, Organization 1, Group Membership', async () => {
    const p = await app.call('files:previewImport', { kind: 'people', data: b64('google-contacts-legacy.csv') })
    expect(p.layout).toBe('Google Contacts (older "Google CSV")')
    await app.call('files:commitImport', { kind: 'people', data: b64('google-contacts-legacy.csv') })
    expect(await person('Adeyemi')).toMatchObject({ company: 'Adeyemi Events', profession: 'Event Planner', city: 'Lagos', phone: '+234 803 555 0000', email: 'olu@adeyemi.example' })
    expect(await person('Rossi')).toMatchObject({ email: 'mia@rossi.example', notes: 'Other emails: mia.work@rossi.example', city: 'Milano' })
  })

  it('LinkedIn and the app\'s own export are recognised; a remembered mapping only counts for the same layout', async () => {
    expect((await app.call('files:previewImport', { kind: 'linkedin', data: b64('linkedin-connections.csv') })).layout).toBe('LinkedIn Connections')
    // Picked as plain "People (CSV)", a LinkedIn file is still read as LinkedIn.
    await app.call('files:commitImport', { kind: 'people', data: b64('linkedin-connections.csv') })
    expect(await person('Priya Raman')).toMatchObject({ howMet: 'LinkedIn, connected 12 Mar 2024' })
    await app.call('files:commitImport', { kind: 'people', data: b64('people-bom-crlf.csv') })
    const ex = await app.call('files:export', { format: 'people-csv' })
    expect((await app.call('files:previewImport', { kind: 'people', data: b64text(ex.text) })).layout).toBe('Referral Map people export')
    // A plain file remembered with Name -> "First Name" must not bend the Google layout.
    await app.call('files:commitImport', { kind: 'people', data: b64text('First Name,Email\nZed,zed@z.example\n'), mapping: { name: 'First Name', email: 'Email' } })
    const g = await app.call('files:previewImport', { kind: 'people', data: b64('google-contacts.csv') })
    expect(g.mapping).toMatchObject({ name: null, firstName: 'First Name', lastName: 'Last Name', email: 'E-mail 1 - Value' })
  })
})

describe('dates and numbers by locale', () => {
  const setup = async () => {
    await app.call('files:commitImport', { kind: 'people', data: b64text('Name\nHannah Becker\nLuis Ortega\n') })
  }
  const values = async () =>
    (await app.call('introductions:list', { sort: 'date', dir: 'asc' })).items.map((i) => [i.date, i.value])

  it('day-first dates and decimal commas are detected from the unambiguous rows', async () => {
    await setup()
    const p = await app.call('files:previewImport', { kind: 'introductions', data: b64('intros-day-first.csv') })
    expect(p).toMatchObject({ dateOrderDetected: 'dmy', decimalDetected: ',', validRows: 3, problems: [] })
    await app.call('files:commitImport', { kind: 'introductions', data: b64('intros-day-first.csv'), allowCreatePeople: true })
    expect(await values()).toEqual([['2025-03-15', 1250.5], ['2025-04-02', 980], ['2025-05-01', 12000]])
    const bad = await app.call('files:previewImport', { kind: 'introductions', data: b64text('Date;Referrer;Receiver;Prospect\n15.03.2025;A;B;C\n31.02.2025;A;B;D\n') })
    expect(bad.problems.map((x) => x.reason)).toEqual(['Not a date: "31.02.2025" (read day first, there is no such day).'])
  })

  it('month-first dates and decimal points', async () => {
    await setup()
    const p = await app.call('files:previewImport', { kind: 'introductions', data: b64('intros-month-first.csv') })
    expect(p).toMatchObject({ dateOrderDetected: 'mdy', decimalDetected: '.', validRows: 3 })
    await app.call('files:commitImport', { kind: 'introductions', data: b64('intros-month-first.csv'), allowCreatePeople: true })
    expect(await values()).toEqual([['2025-03-15', 1250.5], ['2025-04-02', 980], ['2025-05-01', 12000]])
  })

  it('ambiguous dates: the rows ask for a choice; the user chooses once and the choice is remembered with the mapping', async () => {
    await setup()
    const p = await app.call('files:previewImport', { kind: 'introductions', data: b64('intros-ambiguous-dates.csv') })
    expect(p.dateOrderDetected).toBe('ambiguous')
    expect(p.validRows).toBe(0)
    expect(p.problems[0]!.reason).toBe('"03/04/2025" could be day-first or month-first: choose the date order.')
    const chosen = await app.call('files:previewImport', { kind: 'introductions', data: b64('intros-ambiguous-dates.csv'), mapping: { ...p.mapping, '@dateOrder': 'dmy' } })
    expect(chosen.validRows).toBe(2)
    await app.call('files:commitImport', { kind: 'introductions', data: b64('intros-ambiguous-dates.csv'), mapping: chosen.mapping, allowCreatePeople: true })
    expect(await values()).toEqual([['2025-04-03', 1250.5], ['2025-06-05', 12.5]])
    const again = await app.call('files:previewImport', { kind: 'introductions', data: b64('intros-ambiguous-dates.csv') })
    expect(again.mapping['@dateOrder']).toBe('dmy')
    expect(again.problems).toEqual([])
  })
})

describe('honest counts', () => {
  it('an unmapped required column: 0 valid, not "1 of 2 valid"', async () => {
    const p = await app.call('files:previewImport', { kind: 'people', data: b64text('Foo,Bar\n1,2\n3,4\n'), mapping: { name: null } })
    expect(p.totalRows).toBe(2)
    expect(p.validRows).toBe(0)
    expect(p.problems[0]).toMatchObject({ column: '(mapping)', reason: 'Choose the column that holds the name.' })
  })

  it('property: the preview row count equals the rows committed plus the rows reported as problems', async () => {
    const cell = fc.oneof(fc.constantFrom('', 'Ann', 'Bo Li', 'x@y.example', 'not-an-email', '"q" r', '"open', 'Ré', 'a ::: b'), fc.string({ maxLength: 6 }))
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 12 }), async (rows) => {
        const other = createTestApp()
        try {
          const text = `Name,Email,Company\n${rows.map((r) => r.join(',')).join('\n')}\n`
          const data = b64text(text)
          let preview
          try {
            preview = await other.call('files:previewImport', { kind: 'people', data })
          } catch {
            return // not a readable table (e.g. no header): nothing to count
          }
          if (preview.validRows === 0) return
          const r = await other.call('files:commitImport', { kind: 'people', data, mode: 'valid' })
          expect(r.created + r.duplicates + r.invalidRows).toBe(preview.totalRows)
          expect(r.invalidRows).toBe(preview.totalRows - preview.validRows)
        } finally {
          other.close()
        }
      }),
      { numRuns: 40 },
    )
  })
})

describe('exports for other tools', () => {
  it('the plain RFC 4180 people CSV keeps + phones and formula-like text as stored, without a BOM; the default stays spreadsheet-safe', async () => {
    await app.call('people:create', { name: '=Ann', phone: '+44 20 7946 0018', notes: 'a "quoted", multi\nline note' })
    const plain = await app.call('files:export', { format: 'people-csv-plain' })
    expect(plain.fileName).toMatch(/people-plain\.csv$/)
    expect(plain.text.charCodeAt(0)).not.toBe(0xfeff)
    const p = parseCsv(plain.text, { delimiter: ',' })
    const row = p.rows[0]!.cells
    expect(row[p.header.indexOf('Name')]).toBe('=Ann')
    expect(row[p.header.indexOf('Phone')]).toBe('+44 20 7946 0018')
    expect(row[p.header.indexOf('Notes')]).toBe('a "quoted", multi\nline note')
    const safe = await app.call('files:export', { format: 'people-csv' })
    expect(safe.text.startsWith('\uFEFF')).toBe(true)
    expect(safe.text).toContain("'+44 20 7946 0018")
    // And the plain file imports back unchanged (the app's own export layout).
    const back = await other().call('files:previewImport', { kind: 'people', data: b64text(plain.text) })
    expect(back.layout).toBe('Referral Map people export')
    expect(back.sample[0]!.cells[back.header.indexOf('Phone')]).toBe('+44 20 7946 0018')
  })
})

describe('vCards from phones and Apple Contacts', () => {
  it('names the source, and imports company-only and email-only cards', async () => {
    const apple = await app.call('files:previewImport', { kind: 'vcard', data: b64('contacts-apple.vcf') })
    expect(apple).toMatchObject({ layout: 'Apple Contacts (vCard)', totalRows: 2, validRows: 2 })
    const android = await app.call('files:previewImport', { kind: 'vcard', data: b64('contacts-android.vcf') })
    expect(android).toMatchObject({ layout: 'vCard 2.1 (Android and older phones)', totalRows: 3, validRows: 3 })
    await app.call('files:commitImport', { kind: 'vcard', data: b64('contacts-apple.vcf') })
    await app.call('files:commitImport', { kind: 'vcard', data: b64('contacts-android.vcf') })
    expect(await person('Harbor Bakery')).toMatchObject({ name: 'Harbor Bakery Ltd', company: 'Harbor Bakery Ltd' })
    expect(await person('only.email')).toMatchObject({ email: 'only.email@mail.example' })
    expect((await person('Novak')).notes).toBe('Stavební firma, Brno.\nDruhá řádka poznámky, která je dlouhá.')
    expect((await person('Lindqvist')).notes).toMatch(/^Says "call me Maja", prefers mornings\./)
  })
})
