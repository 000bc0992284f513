import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseVcards } from '../../../src/core/formats/vcard'

const fixture = readFileSync(join(__dirname, '../../fixtures/contacts.vcf'), 'utf8')

describe('parseVcards', () => {
  it('reads vCard 3.0 and 4.0 cards from one file: escapes, folded lines, grouped properties, N-only names', () => {
    const { records, problems } = parseVcards(fixture)
    expect(records.map((r) => r.name)).toEqual(["Sam O'Neil", 'Amélie Laurent', 'Dr. Chidi Okafor'])
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
    expect(problems).toEqual([{ line: 29, column: 'FN', field: 'name', reason: 'Card has no name (FN or N).' }])
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
