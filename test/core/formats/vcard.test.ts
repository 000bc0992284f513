import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseVcards } from '../../../src/core/formats/vcard'

const fixture = readFileSync(join(__dirname, '../../fixtures/contacts.vcf'), 'utf8')

describe('parseVcards', () => {
  it('reads vCard 3.0 and 4.0 cards from one file: escapes, folded lines, grouped properties, N-only names', () => {
    const { records, problems } = parseVcards(fixture)
    // A card with only a company is a company's card (issue 13): named after the company, not refused.
    expect(records.map((r) => r.name)).toEqual(["Sam O'Neil", 'Amélie Laurent', 'Dr. Chidi Okafor', 'Nameless Corp'])
    const [sam, amelie] = records
    expect(sam).toMatchObject({
      company: "O'Neil Plumbing, Inc.",
      profession: 'Plumber',
      email: 'sam@oneil.example',
      phone: '+1 555 0100',
      city: 'Springfield',
      notes: 'Great at emergencies.\nCall before 8.',
      tags: ['trades', 'chapter'],
      line: 1,
    })
    expect(amelie).toMatchObject({ email: 'amelie@laurent.example', phone: '+33-6-00-00-00-00', website: 'https://laurent.example', notes: 'Long note that is folded over two lines.' })
    expect(problems).toEqual([])
    expect(parseVcards('BEGIN:VCARD\nVERSION:3.0\nTEL:+1 555\nEND:VCARD\n').problems).toEqual([
      { line: 1, column: 'FN', field: 'name', reason: 'Card has no name, company or email.' },
    ])
  })

  it('Apple Contacts: \\" unescaped in notes, a company-only card named after its company, every CATEGORIES line, extensions kept, the other email and phone in the notes', () => {
    const { records, problems } = parseVcards(readFileSync(join(__dirname, '../../fixtures/contacts-apple.vcf'), 'utf8'))
    expect(problems).toEqual([])
    expect(records).toHaveLength(2)
    const [maja, bakery] = records
    expect(maja).toMatchObject({
      name: 'Maja Lindqvist', company: 'Lindqvist Arkitekter AB', profession: 'Architect', email: 'maja@lindqvist.example',
      phone: '+46 70 123 45 67', city: 'Stockholm', website: 'https://lindqvist.example', tags: ['architects', 'chapter', 'nordic'],
    })
    expect(maja!.notes).toBe(
      'Says "call me Maja", prefers mornings.\nMet at the Stockholm chapter.\nOther emails: maja.home@mail.example\nOther phones: +46 8 555 010 ext. 204',
    )
    expect(bakery).toMatchObject({ name: 'Harbor Bakery Ltd', company: 'Harbor Bakery Ltd', phone: '+44 20 7946 0018', email: null })
  })

  it('Android vCard 2.1: an email-only card, quoted-printable notes with soft line breaks and =0D=0A, quoted-printable names', () => {
    const { records, problems } = parseVcards(readFileSync(join(__dirname, '../../fixtures/contacts-android.vcf'), 'latin1'))
    expect(problems).toEqual([])
    expect(records.map((r) => r.name)).toEqual(['Tomas Novak', 'only.email@mail.example', 'Petr Šimek'])
    expect(records[0]!.notes).toBe('Stavební firma, Brno.\nDruhá řádka poznámky, která je dlouhá.')
    expect(records[1]).toMatchObject({ email: 'only.email@mail.example', company: null })
  })

  it('decodes vCard 2.1 quoted-printable values', () => {
    const { records } = parseVcards('BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Ren=C3=A9 M=C3=BCller\nEND:VCARD\n')
    expect(records[0]?.name).toBe('René Müller')
  })

  it('reports a file without cards, and never throws on arbitrary text', () => {
    expect(parseVcards('hello').problems[0]?.reason).toMatch(/No vCard/)
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = parseVcards(`BEGIN:VCARD\n${s}\nEND:VCARD\n${s}`)
        expect(r.records.length + r.problems.length).toBeGreaterThan(0)
      }),
      { numRuns: 300 },
    )
  })
})
