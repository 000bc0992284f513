import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, tx, type Db } from '../../../src/backend/db/connection'
import { JsonRowsInserter, type JsonCell } from '../../../src/backend/db/bulk'

describe('JsonRowsInserter', () => {
  let dir: string
  let db: Db
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'referral-map-bulk-'))
    db = openDatabase(join(dir, 'a.referralmap'))
    for (const t of ['by_chunk', 'by_row'])
      db.exec(`CREATE TABLE ${t} (k INTEGER PRIMARY KEY, s TEXT, n INTEGER, r REAL, u TEXT UNIQUE) STRICT`)
  })
  afterEach(() => {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const dump = (t: string) =>
    db.prepare(`SELECT k, s, typeof(s) AS ts, n, typeof(n) AS tn, r, typeof(r) AS tr, u, typeof(u) AS tu FROM ${t} ORDER BY k`).all()

  /** The same rows through the chunked statement and through one prepared INSERT per row. */
  function both(rows: JsonCell[][], chunk: number): void {
    const one = db.prepare('INSERT OR IGNORE INTO by_row (k, s, n, r, u) VALUES (?, ?, ?, ?, ?)')
    tx(db, () => {
      const ins = new JsonRowsInserter(db, 'by_chunk', ['k', 's', 'n', 'r', 'u'], { orIgnore: true, chunk })
      for (const r of rows) ins.add(r)
      ins.flush()
      for (const r of rows) one.run(...r)
    })
  }

  it('stores exactly what one insert per row stores: text, NULLs, integers, reals, unicode, quotes and backslashes', () => {
    const rows: JsonCell[][] = [
      [1, 'plain', 7, 1.5, 'a'],
      [2, null, null, null, null],
      [3, 'Zoë "Coco" O\'Brien, \\ back\\slash \n line', -3, -0.25, 'b'],
      [4, '字 😀 \u0000 nul and \u001f control', 0, 2, 'c'],
      [5, '', 9007199254740991, 1e-7, 'd'],
      [6, 'duplicate u, ignored', 1, 1, 'a'],
    ]
    both(rows, 4)
    expect(dump('by_chunk')).toEqual(dump('by_row'))
    expect(dump('by_chunk')).toHaveLength(5)
    expect(dump('by_chunk')[1]).toMatchObject({ s: null, ts: 'null', n: null, tn: 'null', r: null, tr: 'null' })
    expect(dump('by_chunk')[4]).toMatchObject({ s: '', ts: 'text', n: 9007199254740991, tn: 'integer', tr: 'real' })
  })

  it('stores lone surrogates as binding does', () => {
    both([[1, 'ok', 1, 1, 'x'], [2, 'lone \ud800 high', 2, 2, 'y'], [3, 'lone \udc00 low', 3, 3, 'z']], 10)
    expect(dump('by_chunk')).toEqual(dump('by_row'))
    expect(dump('by_chunk')).toHaveLength(3)
  })

  it('property: any strings and numbers come back as one insert per row stores them', () => {
    const text = fc.option(fc.string({ unit: 'binary', maxLength: 12 }), { nil: null })
    const row = fc.tuple(text, fc.option(fc.integer(), { nil: null }), fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }))
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.integer({ min: 1, max: 7 }), (rows, chunk) => {
        db.exec('DELETE FROM by_chunk; DELETE FROM by_row')
        both(rows.map(([s, n, r], k) => [k, s, n, r, null]), chunk)
        expect(dump('by_chunk')).toEqual(dump('by_row'))
      }),
      { numRuns: 200 },
    )
  })
})
