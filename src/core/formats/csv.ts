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
 * Parses CSV text with papaparse (RFC 4180 quoting, quoted newlines, CRLF),
 * detects the delimiter and the header row, and keeps each record's line number.
 */
export function parseCsv(text: string, opts: { delimiter?: string } = {}): ParsedCsv {
  const src = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n')
  const delimiter = opts.delimiter ?? guessDelimiter(src)
  const records: CsvRecord[] = []
  const data = Papa.parse<string[]>(src, { delimiter, newline: '\n', skipEmptyLines: false }).data
  // Each record takes one line plus the newlines inside its quoted cells (line ends were normalised to \n above).
  let line = 1
  for (const cells of data) {
    const recLine = line
    line++
    for (const c of cells) if (c.includes('\n')) for (let k = c.indexOf('\n'); k >= 0; k = c.indexOf('\n', k + 1)) line++
    if (cells.every((c) => c.trim() === '')) continue
    records.push({ line: recLine, cells })
  }
  const headerIndex = findHeader(records)
  const header = (records[headerIndex]?.cells ?? []).map((h) => h.replace(/^\uFEFF/, '').trim())
  return { delimiter, headerIndex, header, rows: records.slice(headerIndex + 1), skipped: headerIndex }
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
