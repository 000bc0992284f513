import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { guessDelimiter, neutralizeCell, parseCsv, toCsv } from '../../../src/core/formats/csv'

describe('parseCsv', () => {
  it('keeps quoted newlines, quoted delimiters and escaped quotes, and gives each record its first line', () => {
    const p = parseCsv('Name,Notes\r\n"A, B","one\r\ntwo"\r\n\r\n"C ""the"" D",x\r\n')
    expect(p.header).toEqual(['Name', 'Notes'])
    expect(p.rows).toEqual([
      { line: 2, cells: ['A, B', 'one\ntwo'] },
      { line: 5, cells: ['C "the" D', 'x'] },
    ])
  })

  it('skips note lines before the header (LinkedIn exports) and strips a BOM', () => {
    const p = parseCsv('\uFEFFNotes:\n"Long, note"\n\nFirst Name,Last Name,Email\nA,B,c@d.e\n')
    expect(p.skipped).toBe(2)
    expect(p.header).toEqual(['First Name', 'Last Name', 'Email'])
    expect(p.rows[0]).toEqual({ line: 5, cells: ['A', 'B', 'c@d.e'] })
  })

  it('detects semicolons, tabs and pipes', () => {
    expect(guessDelimiter('a;b;c\n1;2,5;3\n')).toBe(';')
    expect(guessDelimiter('a\tb\n1\t2\n')).toBe('\t')
    expect(guessDelimiter('a|b|c\n1|2|3\n')).toBe('|')
    expect(guessDelimiter('a,b\n"x;y",2\n')).toBe(',')
  })
})

describe('toCsv', () => {
  it('writes RFC 4180 with a BOM and CRLF', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'q"q'], [null, 3]])).toBe('\uFEFFa,b\r\n"x,y","q""q"\r\n,3\r\n')
  })

  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const s of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutralizeCell(s)).toBe(`'${s}`)
    expect(neutralizeCell('plain')).toBe('plain')
    const text = toCsv(['n'], [['=HYPERLINK("http://x")']])
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`)
  })

  it('property: any table of strings without CR survives writing and parsing', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ',', ';', '"', '\n', ' ', '=', 'x', '字', '\t', "'") })
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (rows) => {
        const kept = rows.filter((r) => r.some((c) => c.trim() !== ''))
        const parsed = parseCsv(toCsv(['a', 'b', 'c'], kept, { neutralize: false }), { delimiter: ',' })
        expect(parsed.header).toEqual(['a', 'b', 'c'])
        expect(parsed.rows.map((r) => r.cells)).toEqual(kept)
      }),
      { numRuns: 300 },
    )
  })

  it('property: parsing arbitrary text never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const p = parseCsv(s)
        expect(Array.isArray(p.rows)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
