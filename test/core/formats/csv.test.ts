import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { guessDelimiter, neutralizeCell, parseCsv, toCsv } from '../../../src/core/formats/csv'
import { decodeBytes } from '../../../src/core/formats/encoding'

const fixture = (n: string) => readFileSync(join(__dirname, '../../fixtures', n), 'utf8')

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

describe('parseCsv: malformed quotes are reported, never swallow rows', () => {
  it('a quoted cell with text after its closing quote: "line 2: a quote inside an unquoted cell", the other rows intact', () => {
    const p = parseCsv(fixture('people-quote-stray.csv'))
    expect(p.rows.map((r) => [r.line, ...r.cells])).toEqual([
      [2, 'Bob Stone', '"Acme" Ltd', 'Paris'],
      [3, 'Ann Lee', 'Beta', 'Rome'],
      [4, 'Cid Moss', 'Gamma', 'Oslo'],
    ])
    expect(p.quoteProblems).toEqual([{ line: 2, column: 1, kind: 'stray', message: 'a quote inside an unquoted cell' }])
  })
  it('an unclosed quote: "unclosed quote from line 3 runs to the end of the file", the rows after it intact', () => {
    const p = parseCsv(fixture('people-quote-unclosed.csv'))
    expect(p.rows.map((r) => [r.line, ...r.cells])).toEqual([
      [2, 'Ann Lee', 'Beta', 'Rome'],
      [3, 'Bob Stone', '"Acme Ltd', 'Paris'],
      [4, 'Cid Moss', 'Gamma', 'Oslo'],
      [5, 'Dee Park', 'Delta', 'Bonn'],
    ])
    expect(p.quoteProblems).toEqual([{ line: 3, column: 1, kind: 'unclosed', message: 'unclosed quote from line 3 runs to the end of the file' }])
  })
  it('an unclosed quote that meets a later quoted cell: named as unclosed, every row kept', () => {
    const p = parseCsv('Name,Company,City\nBob,"Acme Ltd,Paris\nAnn,Beta,Rome\nCid,"Gamma",Oslo\n')
    expect(p.rows.map((r) => r.cells)).toEqual([
      ['Bob', '"Acme Ltd', 'Paris'],
      ['Ann', 'Beta', 'Rome'],
      ['Cid', 'Gamma', 'Oslo'],
    ])
    expect(p.quoteProblems).toEqual([{ line: 2, column: 1, kind: 'unclosed', message: 'unclosed quote from line 2 runs into line 4' }])
  })
  it('spaces after a closing quote are padding: the cell reads as its quoted text, no problem', () => {
    const p = parseCsv('Name,Company,City\n"Bob" ,"Acme, Ltd"  ,Paris\nAnn,Beta,Rome\n', { delimiter: ',' })
    expect(p.rows.map((r) => r.cells)).toEqual([
      ['Bob', 'Acme, Ltd', 'Paris'],
      ['Ann', 'Beta', 'Rome'],
    ])
    expect(p.quoteProblems).toEqual([])
  })
  it('well-formed quoting (doubled quotes, quoted newlines, a quote inside an unquoted cell) is no problem', () => {
    const p = parseCsv(fixture('people-quote-inner.csv'))
    expect(p.quoteProblems).toEqual([])
    expect(p.rows.map((r) => [r.line, ...r.cells])).toEqual([
      [2, 'Ann Lee', 'Beta', 'says "hi" often'],
      [3, 'Bob Stone', 'Ac"me Ltd', 'fine'],
      [4, 'Cid Moss', 'Gamma, Inc', 'two\nlines'],
    ])
  })
  it('property: a malformed quote in one cell costs that row only; every other row reads as written', () => {
    const plain = fc.stringMatching(/^[a-z][a-z ]{0,7}$/)
    fc.assert(
      fc.property(fc.array(fc.tuple(plain, plain), { minLength: 2, maxLength: 8 }), fc.nat(), fc.boolean(), (rows, at, unclosed) => {
        const bad = at % rows.length
        const lines = rows.map(([a, b], i) => (i === bad ? `${a},${unclosed ? `"${b}` : `"${b}" x`}` : `${a},${b}`))
        const p = parseCsv(`h1,h2\n${lines.join('\n')}\n`, { delimiter: ',' })
        expect(p.rows.length).toBe(rows.length)
        rows.forEach(([a, b], i) => {
          if (i !== bad) expect(p.rows[i]!.cells).toEqual([a, b])
        })
        expect(p.quoteProblems.map((q) => q.line)).toEqual([bad + 2])
      }),
      { numRuns: 200 },
    )
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

  it('property: any table written by toCsv reads back the same, for every delimiter, encoding it writes (BOM or not) and line ending', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ',', ';', '|', '"', '\n', ' ', 'x', '字', '\t', "'", 'Ø') })
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 8 }),
        fc.constantFrom(',', ';', '\t', '|'),
        fc.boolean(),
        fc.constantFrom('\r\n', '\n', '\r'),
        (rows, delimiter, bom, eol) => {
          const kept = rows.filter((r) => r.some((c) => c.trim() !== ''))
          const text = toCsv(['a', 'b', 'c'], kept, { neutralize: false, bom, delimiter }).replace(/\r\n/g, eol)
          const decoded = decodeBytes(new TextEncoder().encode(text))
          expect(decoded.badBytes).toEqual([])
          const parsed = parseCsv(decoded.text, { delimiter })
          expect(parsed.delimiter).toBe(delimiter)
          expect(parsed.header).toEqual(['a', 'b', 'c'])
          expect(parsed.rows.map((r) => r.cells)).toEqual(kept)
          expect(parsed.quoteProblems).toEqual([])
        },
      ),
      { numRuns: 400 },
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
