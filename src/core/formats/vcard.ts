import type { PersonRecord, CellProblem } from './mapping'
import { EMAIL_RE } from './mapping'
import { decodeWindows1252 } from './encoding'

interface Prop {
  name: string
  params: Record<string, string>
  value: string
}

function unescapeValue(s: string): string {
  return s.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
}

/** Splits on unescaped `sep`. */
function splitUnescaped(s: string, sep: string): string[] {
  const out: string[] = []
  let cur = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (c === '\\' && i + 1 < s.length) {
      cur += c + s[i + 1]
      i++
    } else if (c === sep) {
      out.push(cur)
      cur = ''
    } else cur += c
  }
  out.push(cur)
  return out
}

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = []
  const t = s.replace(/=\r?\n/g, '')
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(t.slice(i + 1, i + 3))) {
      bytes.push(parseInt(t.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(t.charCodeAt(i) & 0xff)
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes))
  } catch {
    return decodeWindows1252(new Uint8Array(bytes))
  }
}

function parseLine(line: string): Prop | null {
  // NAME;PARAM=x;PARAM="y:z":value — the first colon outside quotes ends the name and params.
  let inQ = false
  let colon = -1
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === '"') inQ = !inQ
    else if (c === ':' && !inQ) {
      colon = i
      break
    }
  }
  if (colon < 0) return null
  const head = line.slice(0, colon).split(';')
  const rawName = (head[0] ?? '').trim()
  const name = rawName.slice(rawName.lastIndexOf('.') + 1).toUpperCase()
  const params: Record<string, string> = {}
  for (const p of head.slice(1)) {
    const eq = p.indexOf('=')
    if (eq < 0) params[p.toUpperCase()] = ''
    else params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '')
  }
  let value = line.slice(colon + 1)
  if ((params.ENCODING ?? '').toUpperCase() === 'QUOTED-PRINTABLE' || 'QUOTED-PRINTABLE' in params) value = decodeQuotedPrintable(value)
  return { name, params, value }
}

export interface VcardResult {
  records: PersonRecord[]
  problems: CellProblem[]
}

/**
 * Reads every card of a vCard 2.1/3.0/4.0 file: folded lines, escaped
 * characters, grouped properties (item1.EMAIL), quoted-printable values. Takes
 * FN (or N), ORG, TITLE/ROLE, the first EMAIL, TEL, URL, the city of the first
 * ADR, NOTE and CATEGORIES.
 */
export function parseVcards(text: string): VcardResult {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  // Unfold: a line starting with a space or tab continues the previous one; quoted-printable soft breaks too.
  const lines: { line: number; text: string }[] = []
  src.split('\n').forEach((l, i) => {
    const prev = lines[lines.length - 1]
    if (prev && /^[ \t]/.test(l)) prev.text += l.slice(1)
    else if (prev && /=$/.test(prev.text) && /QUOTED-PRINTABLE/i.test(prev.text)) prev.text = prev.text.slice(0, -1) + l
    else lines.push({ line: i + 1, text: l })
  })
  const records: PersonRecord[] = []
  const problems: CellProblem[] = []
  let card: Prop[] | null = null
  let start = 0
  for (const l of lines) {
    const t = l.text.trim()
    if (/^BEGIN:VCARD$/i.test(t)) {
      card = []
      start = l.line
      continue
    }
    if (/^END:VCARD$/i.test(t)) {
      if (card) {
        const r = cardToPerson(card, start)
        if ('record' in r) records.push(r.record)
        else problems.push(r.problem)
      }
      card = null
      continue
    }
    if (card && t !== '') {
      const p = parseLine(l.text)
      if (p) card.push(p)
    }
  }
  if (records.length === 0 && problems.length === 0)
    problems.push({ line: 1, column: 'BEGIN', field: 'name', reason: 'No vCard (BEGIN:VCARD … END:VCARD) found in the file.' })
  return { records, problems }
}

function cardToPerson(props: Prop[], line: number): { record: PersonRecord } | { problem: CellProblem } {
  const first = (n: string) => props.find((p) => p.name === n)
  const val = (n: string, max = 200): string | null => {
    const p = first(n)
    if (!p) return null
    const v = unescapeValue(splitUnescaped(p.value, ';')[0] ?? '').trim()
    return v === '' ? null : v.slice(0, max)
  }
  let name = val('FN')
  if (!name) {
    const n = first('N')
    if (n) {
      const parts = splitUnescaped(n.value, ';').map((s) => unescapeValue(s).trim())
      name = [parts[3], parts[1], parts[2], parts[0], parts[4]].filter((s) => s).join(' ') || null
    }
  }
  if (!name) return { problem: { line, column: 'FN', field: 'name', reason: 'Card has no name (FN or N).' } }
  const emails = props.filter((p) => p.name === 'EMAIL')
  const pref = emails.find((e) => /pref/i.test(e.params.TYPE ?? '') || 'PREF' in e.params) ?? emails[0]
  let email: string | null = pref ? unescapeValue(pref.value).trim().replace(/^mailto:/i, '') : null
  if (email && !EMAIL_RE.test(email)) email = null
  const adr = first('ADR')
  const city = adr ? (unescapeValue(splitUnescaped(adr.value, ';')[3] ?? '').trim() || null) : null
  const cats = first('CATEGORIES')
  const tags = cats ? splitUnescaped(cats.value, ',').map((s) => unescapeValue(s).trim()).filter((s) => s && s.length <= 50) : []
  return {
    record: {
      line,
      name: name.slice(0, 200),
      company: val('ORG'),
      profession: val('TITLE') ?? val('ROLE'),
      email: email ? email.slice(0, 320) : null,
      phone: val('TEL')?.replace(/^tel:/i, '') ?? null,
      website: val('URL', 500),
      city: city ? city.slice(0, 200) : null,
      tags: [...new Set(tags)],
      notes: first('NOTE') ? unescapeValue(first('NOTE')!.value).trim().slice(0, 10_000) || null : null,
      howMet: null,
      idealClient: null,
    },
  }
}
