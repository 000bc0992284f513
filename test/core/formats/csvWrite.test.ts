import Papa from 'papaparse'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvCellText, neutralizeCell, toCsv, type CsvValue } from '../../../src/core/formats/csv'

/** Reads CSV back with papaparse (an independent reader): BOM and the final line end stripped, nothing else changed. */
function readBack(text: string, delimiter = ','): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true)
  expect(text.endsWith('\r\n')).toBe(true)
  const body = text.slice(1, -2)
  // A lone empty line is one record with one empty field (RFC 4180); papaparse reads empty input as no records.
  if (body === '') return [['']]
  return Papa.parse<string[]>(body, { delimiter, newline: '\r\n', skipEmptyLines: false }).data
}

describe('toCsv: the one CSV writer', () => {
  it('writes RFC 4180 with a BOM and CRLF; null and non-finite numbers are empty, booleans yes/no, numbers as-is', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'q"q'], [null, 3]])).toBe('\uFEFFa,b\r\n"x,y","q""q"\r\n,3\r\n')
    expect(toCsv(['n', 'b', 'x'], [[Number.NaN, true, Number.POSITIVE_INFINITY], [-5, false, undefined]])).toBe('\uFEFFn,b,x\r\n,yes,\r\n-5,no,\r\n')
    expect(toCsv(['a'], [['x\ny']], { bom: false })).toBe('a\r\n"x\ny"\r\n')
    expect(toCsv(['a', 'b'], [['1;2', 'x']], { delimiter: ';', bom: false })).toBe('a;b\r\n"1;2";x\r\n')
    // No rows: the header line only (no empty record after it); one empty cell is one empty line.
    expect(toCsv(['a'], [])).toBe('\uFEFFa\r\n')
    expect(toCsv(['a'], [['']])).toBe('\uFEFFa\r\n\r\n')
  })

  it('neutralises text a spreadsheet would run as a formula (headers too), never numbers', () => {
    for (const s of ['=SUM(A1)', '+1', '-x', '@home', '\tx', '\rx']) expect(csvCellText(s)).toBe(`'${s}`)
    expect(csvCellText(-5)).toBe('-5')
    expect(csvCellText('plain')).toBe('plain')
    expect(csvCellText('=1', false)).toBe('=1')
    expect(toCsv(['=h'], [['=HYPERLINK("http://x")']])).toBe(`\uFEFF'=h\r\n"'=HYPERLINK(""http://x"")"\r\n`)
  })

  const text = fc.string({ unit: fc.oneof(fc.constantFrom(',', ';', '"', '\n', '\r', '\r\n', ' ', '=', '+', '-', '@', '\t', "'", '\uFEFF'), fc.string({ maxLength: 1, unit: 'grapheme' })) })
  const value: fc.Arbitrary<CsvValue> = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined))

  it('property: any table written and read back gives the same cells (as csvCellText writes them)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.constantFrom(',', ';', '\t', '|') as fc.Arbitrary<',' | ';' | '\t' | '|'>, fc.boolean(), (width, delimiter, neutralize) =>
        fc.assert(
          fc.property(fc.array(text, { minLength: width, maxLength: width }), fc.array(fc.array(value, { minLength: width, maxLength: width }), { maxLength: 6 }), (header, rows) => {
            const out = readBack(toCsv(header, rows, { delimiter, neutralize }), delimiter)
            expect(out).toEqual([header, ...rows].map((r) => r.map((v) => csvCellText(v, neutralize))))
          }),
          { numRuns: 40 },
        ),
      ),
      { numRuns: 25 },
    )
  })

  it('property: neutralised text reads back as the original after the one apostrophe', () => {
    fc.assert(
      fc.property(text, (s) => {
        const [, [cell]] = readBack(toCsv(['h'], [[s]])) as [string[], string[]]
        expect(cell === s || (cell === `'${s}` && neutralizeCell(s) === cell)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
