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
  /** Malformed quotes found (each such cell is read as its literal text, up to the next delimiter or line end). */
  quoteProblems: QuoteProblem[]
}

export interface QuoteProblem {
  /** 1-based line of the record holding the cell. */
  line: number
  /** 0-based column of the cell. */
  column: number
  kind: 'stray' | 'unclosed'
  /** What the user reads: "a quote inside an unquoted cell" / "unclosed quote from line 2 runs to the end of the file". */
  message: string
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
 * A malformed quote (`Bob,"Acme" Ltd,…` or a quote that never closes) would make any RFC 4180 reader swallow the
 * rest of the file into one cell; when papaparse reports one, the quoting is repaired first: such a cell is read
 * as its literal text up to the next delimiter or line end, and reported in `quoteProblems`.
 */
export function parseCsv(text: string, opts: { delimiter?: string } = {}): ParsedCsv {
  const src = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n')
  const delimiter = opts.delimiter ?? guessDelimiter(src)
  const records: CsvRecord[] = []
  let res = Papa.parse<string[]>(src, { delimiter, newline: '\n', skipEmptyLines: false })
  let quoteProblems: QuoteProblem[] = []
  if (res.errors.some((e) => e.type === 'Quotes')) {
    const fixed = repairQuotes(src, delimiter)
    quoteProblems = fixed.problems
    res = Papa.parse<string[]>(fixed.text, { delimiter, newline: '\n', skipEmptyLines: false })
  }
  // Each record takes one line plus the newlines inside its quoted cells (line ends were normalised to \n above).
  let line = 1
  for (const cells of res.data) {
    const recLine = line
    line++
    for (const c of cells) if (c.includes('\n')) for (let k = c.indexOf('\n'); k >= 0; k = c.indexOf('\n', k + 1)) line++
    if (cells.every((c) => c.trim() === '')) continue
    records.push({ line: recLine, cells })
  }
  const headerIndex = findHeader(records)
  const header = (records[headerIndex]?.cells ?? []).map((h) => h.replace(/^\uFEFF/, '').trim())
  return { delimiter, headerIndex, header, rows: records.slice(headerIndex + 1), skipped: headerIndex, quoteProblems }
}

const quoteCell = (raw: string) => `"${raw.replace(/"/g, '""')}"`

/**
 * Rewrites text whose quoting is malformed so that an RFC 4180 reader gets what a person sees: a cell that opens a
 * quote and does not close it right before a delimiter or line end is taken literally up to the next delimiter or
 * line end (re-quoted, so the reader keeps its quotes as text). Line breaks are kept, so line numbers stay.
 */
export function repairQuotes(src: string, d: string): { text: string; problems: QuoteProblem[] } {
  const parts: string[] = []
  const problems: QuoteProblem[] = []
  const n = src.length
  let i = 0
  let line = 1
  let recLine = 1
  let col = 0
  const cellEnd = (from: number) => {
    let j = from
    while (j < n && src[j] !== d && src[j] !== '\n') j++
    return j
  }
  while (i <= n) {
    if (src[i] === '"') {
      let j = i + 1
      let closed = -1
      let lines = 0
      while (j < n) {
        const c = src[j]
        if (c === '"') {
          if (src[j + 1] === '"') {
            j += 2
            continue
          }
          closed = j
          break
        }
        if (c === '\n') lines++
        j++
      }
      // Spaces between a closing quote and the delimiter ("Acme" ,x) are padding, not text after the quote.
      let end = closed + 1
      if (closed >= 0) while (end < n && (src[end] === ' ' || src[end] === '\t') && src[end] !== d) end++
      const after = closed >= 0 ? src[end] : undefined
      if (closed >= 0 && (after === undefined || after === d || after === '\n')) {
        parts.push(src.slice(i, closed + 1))
        line += lines
        i = end
      } else {
        const end = cellEnd(i)
        // No closing quote at all, or only one lines further on that is not followed by a delimiter: an unclosed quote.
        const kind = closed < 0 || lines > 0 ? 'unclosed' : 'stray'
        problems.push({
          line: recLine, column: col, kind,
          message:
            closed < 0 ? `unclosed quote from line ${line} runs to the end of the file`
            : lines > 0 ? `unclosed quote from line ${line} runs into line ${line + lines}`
            : 'a quote inside an unquoted cell',
        })
        parts.push(quoteCell(src.slice(i, end)))
        i = end
      }
    } else {
      const end = cellEnd(i)
      const raw = src.slice(i, end)
      parts.push(raw.includes('"') ? quoteCell(raw) : raw)
      i = end
    }
    if (i >= n) break
    if (src[i] === d) col++
    else {
      line++
      recLine = line
      col = 0
    }
    parts.push(src[i]!)
    i++
  }
  return { text: parts.join(''), problems }
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

/** What a CSV cell may be given as. */
export type CsvValue = string | number | boolean | null | undefined

/**
 * One cell's text: null, undefined and non-finite numbers are empty, numbers
 * are written as they are (a negative number is not a formula), booleans are
 * yes/no, and text a spreadsheet would run as a formula gets a leading
 * apostrophe (unless `neutralize` is false).
 */
export function csvCellText(v: CsvValue, neutralize = true): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  if (typeof v === 'boolean') return v ? 'yes' : 'no'
  return neutralize ? neutralizeCell(v) : v
}

/**
 * The one CSV writer: RFC 4180 (papaparse's unparse does the quoting: a cell
 * is quoted when it holds the delimiter, a quote, a line break or edge spaces),
 * CRLF line ends, a UTF-8 BOM so spreadsheets pick the right encoding, and
 * formula-looking cells neutralised (see csvCellText). Every export's CSV
 * (people, introductions, scorecards) goes through it.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  opts: { bom?: boolean; neutralize?: boolean; delimiter?: ',' | ';' | '\t' | '|' } = {},
): string {
  const neutralize = opts.neutralize !== false
  // One array of records (not papaparse's fields + data form, which writes a stray empty line when there are no rows).
  const table = [header, ...rows].map((r) => r.map((v) => csvCellText(v, neutralize)))
  const body = Papa.unparse(table, { newline: '\r\n', quotes: false, escapeFormulae: false, delimiter: opts.delimiter ?? ',' })
  return (opts.bom === false ? '' : '\uFEFF') + body + '\r\n'
}
