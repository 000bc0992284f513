import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseCsv } from '../../../src/core/formats/csv'
import {
  detectDateOrder, detectDecimal, detectLayout, layoutOthers, parseDate, parseMoneyMinor, personRowReader, proposeMapping, readIntroRow, readPersonRow, splitTags,
} from '../../../src/core/formats/mapping'
import { parseNetworkJson } from '../../../src/core/formats/network'
import { AppError } from '../../../src/shared/errors'

describe('proposeMapping', () => {
  it('maps common header names in several languages, and a remembered mapping wins', () => {
    const m = proposeMapping('people', ['Naam', 'Bedrijf', 'E-mail', 'Plaats', 'Other'])
    expect(m).toMatchObject({ name: 'Naam', company: 'Bedrijf', email: 'E-mail', city: 'Plaats', phone: null })
    const li = proposeMapping('people', ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'])
    expect(li).toMatchObject({ firstName: 'First Name', lastName: 'Last Name', website: 'URL', email: 'Email Address', profession: 'Position', howMet: 'Connected On' })
    const r = proposeMapping('people', ['Who', 'Firm'], { name: 'Who', company: 'Firm', email: 'Gone' })
    expect(r).toMatchObject({ name: 'Who', company: 'Firm', email: null })
  })
})

describe('row validation', () => {
  const header = ['Name', 'Email', 'Website', 'Tags']
  const m = proposeMapping('people', header)
  it('gives per-cell problems with line and column', () => {
    const r = readPersonRow(header, m, { line: 7, cells: ['', 'bad', 'not a url', ''] })
    expect(r.record).toBeNull()
    expect(r.problems.map((p) => [p.line, p.column, p.reason])).toEqual([
      [7, 'Name', 'No name.'],
      [7, 'Email', 'Not an email address.'],
      [7, 'Website', 'Not a web address.'],
    ])
  })
  it('undoes formula neutralisation and splits tags', () => {
    const r = readPersonRow(header, m, { line: 2, cells: ["'=Ann", 'a@b.co', '', 'x; y,x'] })
    expect(r.record).toMatchObject({ name: '=Ann', tags: ['x', 'y'] })
  })
  it('a row reader for a header and mapping: first + last name, too-long cells, and its own tags array for every record', () => {
    const h = ['First', 'Last', 'Company', 'Tags', 'Notes']
    const mm = proposeMapping('people', h)
    const read = personRowReader(h, mm)
    expect(personRowReader(h, mm)).toBe(read)
    const a = read({ line: 2, cells: [' Ann ', 'Lee', '', 'x;y', ''] })
    const b = read({ line: 3, cells: ['', 'Kim', 'c'.repeat(201), 'x;y', 'n'] })
    expect(a.record).toMatchObject({ name: 'Ann Lee', company: null, tags: ['x', 'y'], notes: null })
    expect(b.record).toBeNull()
    expect(b.problems).toEqual([{ line: 3, column: 'Company', field: 'company', reason: 'Longer than 200 characters.' }])
    const c = read({ line: 4, cells: ['Bo', '', '', 'x;y', ''] })
    c.record!.tags.push('z')
    expect(read({ line: 5, cells: ['Cy', '', '', 'x;y', ''] }).record!.tags).toEqual(['x', 'y'])
    expect(read({ line: 6, cells: ['', '', 'Acme', '', ''] }).problems.map((p) => [p.column, p.reason])).toEqual([['First', 'No name.']])
  })
  it('reads introductions: dates, statuses, money', () => {
    const h = ['Date', 'Referrer', 'Receiver', 'Prospect', 'Status', 'Value']
    const im = proposeMapping('introductions', h)
    const ok = readIntroRow(h, im, { line: 2, cells: ['2026-01-10', 'A', 'B', 'C', 'Not a fit', '1.250,50'] })
    expect(ok.record).toMatchObject({ date: '2026-01-10', status: 'not_a_fit', valueMinor: 125050, kind: 'referral', origin: 'outbound' })
    const bad = readIntroRow(h, im, { line: 3, cells: ['10/01/2026', 'A', 'a', '', 'maybe', 'lots'] })
    expect(bad.problems.map((p) => p.field)).toEqual(['date', 'prospect', 'receiver', 'status', 'value'])
  })
  it('parses dates and amounts', () => {
    expect(parseDate('2026-02-29')).toBeNull()
    expect(parseDate('2024-02-29')).toBe('2024-02-29')
    expect(parseDate('12 Mar 2024')).toBe('2024-03-12')
    expect(parseDate('2026-01-10T10:00:00Z')).toBe('2026-01-10')
    expect(parseMoneyMinor('1,250.00')).toBe(125000)
    expect(parseMoneyMinor('€ 900')).toBe(90000)
    expect(parseMoneyMinor('1,250')).toBe(125000)
    expect(parseMoneyMinor('12,5')).toBe(1250)
    expect(parseMoneyMinor('-5')).toBeNull()
  })
})

describe('malformed input', () => {
  it('property: any text through the CSV readers gives records or per-row problems, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.boolean(), (s, people) => {
        const csv = parseCsv(`Name,Email,Date,Referrer,Receiver,Prospect,Value,Status\n${s}`)
        const m = proposeMapping(people ? 'people' : 'introductions', csv.header)
        for (const r of csv.rows) {
          const res = people ? readPersonRow(csv.header, m, r) : readIntroRow(csv.header, m, r)
          expect(res.record !== null || res.problems.length > 0).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })
  it('property: a JSON network that is not one throws an AppError, nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.constant('{"format":"referral-map","version":1,"people":[{"id":1}]}')), (s) => {
        try {
          parseNetworkJson(s)
        } catch (e) {
          expect(e).toBeInstanceOf(AppError)
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('normalizeKey', () => {
  it('property: equals its definition for any string (the Latin fast path and the memo change nothing)', async () => {
    const { keyDefinition, normalizeKey } = await import('../../../src/core/text')
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
      expect(normalizeKey(s)).toBe(keyDefinition(s))
    }), { numRuns: 1000 })
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), (s) => {
      expect(normalizeKey(s)).toBe(keyDefinition(s))
    }), { numRuns: 1000 })
    // Text below U+0300 (read by table), with the characters that fold to spaces or to several letters.
    const latin = fc.oneof(
      fc.integer({ min: 0, max: 0x2ff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u00a8', '\u02d8', '\u00bd', '\u0130', '\u01c4', '\u00df', 'É', 'ø', 'A'),
    )
    fc.assert(fc.property(fc.array(latin, { maxLength: 30 }), (parts) => {
      const s = parts.join('')
      expect(normalizeKey(s)).toBe(keyDefinition(s))
    }), { numRuns: 3000 })
    for (const s of ['Zoë Martín', '  ÉCOLE  Ça ', 'Björn Ødegaard', 'straße', '½ price', 'İstanbul', 'already a key'])
      expect(normalizeKey(s)).toBe(keyDefinition(s))
  })
})

describe('locale: dates and amounts (issue 13)', () => {
  it('detects the date order from unambiguous rows only', () => {
    expect(detectDateOrder(['15.03.2025', '02.04.2025'])).toBe('dmy')
    expect(detectDateOrder(['03/15/2025', '04/02/2025'])).toBe('mdy')
    expect(detectDateOrder(['03/04/2025', '05/06/2025'])).toBe('ambiguous')
    expect(detectDateOrder(['15/03/2025', '03/15/2025'])).toBe('ambiguous')
    expect(detectDateOrder(['2025-03-15', null, ''])).toBeNull()
  })
  it('detects the decimal separator from the values that tell', () => {
    expect(detectDecimal(['1.250,50', '12.000'])).toBe(',')
    expect(detectDecimal(['12,5'])).toBe(',')
    expect(detectDecimal(['1,250.50', '12,000'])).toBe('.')
    expect(detectDecimal(['1,250', '1.250'])).toBeNull()
    expect(detectDecimal(['1,5', '2.5'])).toBeNull()
  })
  it('reads amounts with a known decimal separator; refuses misplaced grouping', () => {
    expect(parseMoneyMinor('2,500', ',')).toBe(250)
    expect(parseMoneyMinor('2,500', '.')).toBe(250000)
    expect(parseMoneyMinor('1.250,50 €', ',')).toBe(125050)
    expect(parseMoneyMinor('12.50', ',')).toBeNull()
    expect(parseMoneyMinor('1,2,3', ',')).toBeNull()
  })
  it('property: any valid date written day-first or month-first reads back with that order', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), fc.constantFrom('.', '/', '-'), (d, sep) => {
        const iso = d.toISOString().slice(0, 10)
        const [y, m, dd] = iso.split('-')
        expect(parseDate(`${dd}${sep}${m}${sep}${y}`, 'dmy')).toBe(iso)
        expect(parseDate(`${m}${sep}${dd}${sep}${y}`, 'mdy')).toBe(iso)
        if (+dd! > 12) expect(detectDateOrder([`${dd}${sep}${m}${sep}${y}`])).toBe('dmy')
      }),
    )
  })
})

describe('layouts and multi-value cells (issue 13)', () => {
  it('a Google export without any e-mail or phone columns is still Google Contacts', () => {
    const header = ['First Name', 'Middle Name', 'Last Name', 'Phonetic First Name', 'Organization Name', 'Organization Title', 'Notes', 'Labels']
    expect(detectLayout('people', header)?.layout.id).toBe('google')
    expect(detectLayout('people', ['Name', 'Given Name', 'Additional Name', 'Family Name', 'Notes', 'Group Membership'])?.layout.id).toBe('google-legacy')
  })
  it('Google labels: ` ::: ` separates, system labels are dropped', () => {
    expect(splitTags('* myContacts ::: Navy ::: Chapter')).toEqual(['Navy', 'Chapter'])
    expect(splitTags('* starred')).toEqual([])
  })
  it('a layout maps each field to the candidate column with the most data', () => {
    const header = ['First Name', 'Last Name', 'E-mail Address', 'Given Yomi', 'Job Title', 'Business City', 'Home City', 'Mobile Phone', 'Business Phone']
    const rows = [
      { line: 2, cells: ['A', 'B', 'a@b.co', '', 'X', '', 'Rome', '', '+1'] },
      { line: 3, cells: ['C', 'D', 'c@d.co', '', 'Y', '', 'Oslo', '+2', '+3'] },
    ]
    const d = detectLayout('people', header, rows)
    expect(d?.layout.id).toBe('outlook-new')
    expect(d?.mapping).toMatchObject({ city: 'Home City', phone: 'Business Phone', profession: 'Job Title', '@layout': 'outlook-new' })
    expect(detectLayout('people', ['Name', 'Email'])).toBeNull()
  })
  it("a layout's other e-mail and phone columns join the notes line of the multi-value cell, without repeats", () => {
    const header = ['First Name', 'Last Name', 'Phonetic First Name', 'Organization Name', 'Labels', 'E-mail 1 - Value', 'E-mail 2 - Value', 'Phone 1 - Value', 'Notes']
    const rec = { line: 2, cells: ['Ann', 'Lee', '', '', '', 'a@x.co ::: b@x.co', 'b@x.co ::: c@x.co', '+1', 'hi'] }
    const d = detectLayout('people', header, [rec])!
    const person = readPersonRow(header, d.mapping, rec).record!
    layoutOthers(d.layout, header, d.mapping)!(rec, person)
    expect(person).toMatchObject({ email: 'a@x.co', phone: '+1', notes: 'hi\nOther emails: b@x.co, c@x.co' })
  })
  it('the first value of a multi-value email or phone cell is used, the others go to the notes', () => {
    const h = ['Name', 'Email', 'Phone', 'Notes']
    const r = readPersonRow(h, proposeMapping('people', h), { line: 2, cells: ['Ann', 'a@x.co ::: b@x.co', '+1 ::: +2 ::: +3', 'hi'] })
    expect(r.record).toMatchObject({ email: 'a@x.co', phone: '+1', notes: 'hi\nOther emails: b@x.co\nOther phones: +2, +3' })
  })
})
