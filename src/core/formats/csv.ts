import Papa from 'papaparse'

/** One parsed record with the 1-based line of the file it starts on. */
export interface CsvRecord {
  line: number
  cells: string[]
}

export interface ParsedCsv {
  delimiter: string
  /** Index into `records` of the header row (note lines before it are skipped). */
  headerIndex: number
  header: string[]
  /** Data records after the header, blank records dropped. */
  rows: CsvRecord[]
  /** Records before the header (e.g. LinkedIn's "Notes:" lines). */
  skipped: number
}

const DELIMITERS = [',', ';', '\t', '|'] as const

/** Picks the delimiter whose split gives the most consistent multi-column rows in the first lines. */
export function guessDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024)
  let best: string = ','
  let bestScore = -1
  for (const d of DELIMITERS) {
    const res = Papa.parse<string[]>(sample, { delimiter: d, preview: 40, skipEmptyLines: 'greedy' })
    const widths = res.data.map((r) => r.length).filter((w) => w > 1)
    if (widths.length === 0) continue
    const counts = new Map<number, number>()
    for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1)
    let mode = 0
    let modeCount = 0
    for (const [w, c] of counts) if (c > modeCount || (c === modeCount && w > mode)) [mode, modeCount] = [w, c]
    const score = modeCount * 1000 + mode
    if (score > bestScore) [best, bestScore] = [d, score]
  }
  return best
}

/**
 * Parses CSV text (RFC 4180 quoting, quoted newlines, CRLF), detects the
 * delimiter and the header row, and keeps each record's line number.
 * Well-formed quoting is read by a single scan; anything else (a stray quote
 * after a closing one, an unterminated quote) goes through papaparse, whose
 * rules for malformed quoting then apply.
 */
export function parseCsv(text: string, opts: { delimiter?: string } = {}): ParsedCsv {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  // The guess reads the first 64 KB with line ends normalised; twice that many characters always cover them.
  const delimiter = opts.delimiter ?? guessDelimiter(body.slice(0, 2 * 64 * 1024).replace(/\r\n?/g, '\n'))
  const records = scanRecords(body, delimiter) ?? papaRecords(body, delimiter)
  const headerIndex = findHeader(records)
  const header = (records[headerIndex]?.cells ?? []).map((h) => h.replace(/^\uFEFF/, '').trim())
  return { delimiter, headerIndex, header, rows: records.slice(headerIndex + 1), skipped: headerIndex }
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '')

/** Records by papaparse (line ends normalised first), blank records dropped. */
export function papaRecords(body: string, delimiter: string): CsvRecord[] {
  const src = body.replace(/\r\n?/g, '\n')
  const records: CsvRecord[] = []
  const data = Papa.parse<string[]>(src, { delimiter, newline: '\n', skipEmptyLines: false }).data
  // Each record takes one line plus the newlines inside its quoted cells (line ends were normalised to \n above).
  let line = 1
  for (const cells of data) {
    const recLine = line
    line++
    for (const c of cells) if (c.includes('\n')) for (let k = c.indexOf('\n'); k >= 0; k = c.indexOf('\n', k + 1)) line++
    if (isBlank(cells)) continue
    records.push({ line: recLine, cells })
  }
  return records
}

const QUOTE = 34
const LF = 10
const CR = 13

/**
 * The records papaRecords gives for text whose quotes are all well formed (a quoted cell starts with the quote
 * and its closing quote is followed by the delimiter, a line end or the end of the text), in one pass; null for
 * any other text, and for a delimiter papaparse would not take as it is.
 */
export function scanRecords(text: string, delimiter: string): CsvRecord[] | null {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r' || delimiter === '\uFEFF') return null
  const d = delimiter.charCodeAt(0)
  const n = text.length
  const records: CsvRecord[] = []
  let i = 0
  let line = 1
  let nextD = text.indexOf(delimiter)
  let nextLf = text.indexOf('\n')
  let nextCr = text.indexOf('\r')
  while (i < n) {
    const recLine = line
    const cells: string[] = []
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        let value = ''
        let from = i + 1
        for (;;) {
          const q = text.indexOf('"', from)
          if (q < 0) return null
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1)
            from = q + 2
            continue
          }
          value = value === '' ? text.slice(from, q) : value + text.slice(from, q)
          i = q + 1
          break
        }
        if (value.includes('\r')) value = value.replace(/\r\n?/g, '\n')
        for (let k = value.indexOf('\n'); k >= 0; k = value.indexOf('\n', k + 1)) line++
        cells.push(value)
        if (i >= n) break
        const c = text.charCodeAt(i)
        if (c === d) {
          i++
          continue
        }
        if (c !== LF && c !== CR) return null
        break
      }
      // An unquoted cell ends at the next delimiter or line end (positions found by indexOf and kept until passed).
      if (nextD >= 0 && nextD < i) nextD = text.indexOf(delimiter, i)
      if (nextLf >= 0 && nextLf < i) nextLf = text.indexOf('\n', i)
      if (nextCr >= 0 && nextCr < i) nextCr = text.indexOf('\r', i)
      let j = n
      if (nextD >= 0) j = nextD
      if (nextLf >= 0 && nextLf < j) j = nextLf
      if (nextCr >= 0 && nextCr < j) j = nextCr
      cells.push(text.slice(i, j))
      i = j
      if (i < n && text.charCodeAt(i) === d) {
        i++
        continue
      }
      break
    }
    // i is at a line end or the end of the text.
    if (i < n) {
      i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1
      line++
    }
    if (!isBlank(cells)) records.push({ line: recLine, cells })
  }
  return records
}

/** The header is the first record (among the first 30) as wide as the table that follows it. */
function findHeader(records: CsvRecord[]): number {
  const limit = Math.min(records.length, 30)
  for (let i = 0; i < limit; i++) {
    const r = records[i]!
    const filled = r.cells.filter((c) => c.trim() !== '').length
    if (filled < 2) continue
    const next = records[i + 1]
    if (!next || next.cells.length >= r.cells.length - 1 || next.cells.length >= 2) return i
  }
  return 0
}

/** Cells a spreadsheet would read as a formula get a leading apostrophe. */
export function neutralizeCell(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
}

/**
 * RFC 4180 CSV: comma, CRLF, every cell quoted when needed, UTF-8 BOM so
 * spreadsheets pick the right encoding, formula-looking cells neutralised.
 */
export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][], opts: { bom?: boolean; neutralize?: boolean } = {}): string {
  const norm = (v: string | number | boolean | null | undefined): string => {
    if (v === null || v === undefined) return ''
    const s = typeof v === 'string' ? v : String(v)
    return opts.neutralize === false || typeof v !== 'string' ? s : neutralizeCell(s)
  }
  const body = Papa.unparse({ fields: header.map((h) => norm(h)), data: rows.map((r) => r.map(norm)) }, { newline: '\r\n', quotes: false, escapeFormulae: false })
  return (opts.bom === false ? '' : '\uFEFF') + body + '\r\n'
}
