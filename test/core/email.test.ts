import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { EMAIL_RE, OptEmail, isEmail } from '../../src/shared/schemas'
import { EMAIL_RE as IMPORT_EMAIL_RE, readPersonRow } from '../../src/core/formats/mapping'
import { parseVcards } from '../../src/core/formats/vcard'
import { isPlainAddress } from '../../src/core/mailto'

/** address -> whether it is an email address, by the app's one rule. */
const TABLE: [string, boolean][] = [
  ['ana@ruiz.example', true],
  ['o.brien+tag@example.org', true],
  ['zoë@example.com', true],
  ['ANA@RUIZ.EXAMPLE', true],
  ['a@b.co', true],
  ['first.last@sub.domain.co.uk', true],
  ["o'neil@example.ie", true],
  ['ana@localhost', false],
  ['ana', false],
  ['@example.com', false],
  ['ana@', false],
  ['ana@@example.com', false],
  ['ana ruiz@example.com', false],
  ['a,b@example.com', false],
  ['Ana <ana@example.com>', false],
  ['"ana"@example.com', false],
  ['ana@exa mple.com', false],
  [`${'a'.repeat(310)}@example.com`, false], // over 320 characters
]

/** What the CSV importer makes of a people row with this email. */
function csvAccepts(address: string): boolean {
  const r = readPersonRow(['Name', 'Email'], { name: 'Name', email: 'Email' }, { line: 2, cells: ['Ana Ruiz', address] })
  return !r.problems.some((p) => p.field === 'email')
}

/** What the vCard importer keeps as the card's email. */
function vcardAccepts(address: string): boolean {
  const card = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana Ruiz', `EMAIL;TYPE=INTERNET:${address.replace(/,/g, '\\,')}`, 'END:VCARD'].join('\r\n')
  return parseVcards(card).records[0]?.email === address
}

describe('one email rule', () => {
  it('is one object: the importer uses the schema module’s rule', () => {
    expect(IMPORT_EMAIL_RE).toBe(EMAIL_RE)
  })

  it.each(TABLE)('%s: the form/channel schema, the CSV and vCard importers and mailto: agree (%s)', (address, valid) => {
    expect(OptEmail.safeParse(address).success).toBe(valid)
    expect(isEmail(address)).toBe(valid)
    expect(csvAccepts(address)).toBe(valid)
    expect(vcardAccepts(address)).toBe(valid)
    expect(isPlainAddress(address)).toBe(valid)
  })

  it('agree on arbitrary text too', () => {
    const piece = fc.stringMatching(/^[a-zA-Z0-9.,<>" +_'-]{0,8}$/)
    const address = fc.tuple(piece, fc.constantFrom('@', '@@', ''), piece, fc.constantFrom('.', ''), piece).map((p) => p.join('').trim())
    fc.assert(
      fc.property(address, (a) => {
        const valid = OptEmail.safeParse(a).success && a !== ''
        expect(csvAccepts(a)).toBe(valid || a === '')
        expect(isPlainAddress(a)).toBe(valid)
      }),
      { numRuns: 300 },
    )
  })
})
