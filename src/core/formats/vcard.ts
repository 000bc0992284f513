import type { PersonRecord, CellProblem } from './mapping'
import { EMAIL_RE } from './mapping'
import { decodeWindows1252 } from './encoding'

interface Prop {
  name: string
  params: Record<string, string>
  value: string
}

/** vCard escapes: \n is a line break, any other escaped character (\, \; \: \\ and Apple's and Gmail's \") stands for itself. */
function unescapeValue(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
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
  let out: string
  try {
    out = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes))
  } catch {
    out = decodeWindows1252(new Uint8Array(bytes))
  }
  // Android writes line breaks inside a value as =0D=0A.
  return out.replace(/\r\n?/g, '\n')
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

/** A TEL value: `tel:` dropped, an extension kept ("+1 555 0100;ext=42" -> "+1 555 0100 ext. 42"). */
function phoneValue(raw: string): string | null {
  const v = raw.replace(/^tel:/i, '').trim()
  const m = /^(.*?)[;,]?\s*ext\.?=?\s*(\d+)$/i.exec(v) ?? /^(.*?);ext=(\d+)/i.exec(v)
  const out = m ? `${m[1]!.trim()} ext. ${m[2]}` : v
  return out === '' ? null : out.slice(0, 200)
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
  const emails = props
    .filter((p) => p.name === 'EMAIL')
    .map((e) => ({ e, v: unescapeValue(e.value).trim().replace(/^mailto:/i, '') }))
    .filter((x) => EMAIL_RE.test(x.v))
  const pref = emails.find((x) => /pref/i.test(x.e.params.TYPE ?? '') || 'PREF' in x.e.params || /pref/i.test(Object.keys(x.e.params).join(','))) ?? emails[0]
  const email = pref ? pref.v : null
  const company = val('ORG')
  // A company's card (Apple: X-ABShowAs:COMPANY, empty N) is named after the company; a card with only an email after the email.
  if (!name) name = company ?? email
  if (!name) return { problem: { line, column: 'FN', field: 'name', reason: 'Card has no name, company or email.' } }
  const adr = first('ADR')
  const city = adr ? (unescapeValue(splitUnescaped(adr.value, ';')[3] ?? '').trim() || null) : null
  const tags = props
    .filter((p) => p.name === 'CATEGORIES')
    .flatMap((c) => splitUnescaped(c.value, ','))
    .map((s) => unescapeValue(s).trim())
    .filter((s) => s && s.length <= 50)
  const tels = props.filter((p) => p.name === 'TEL').map((p) => phoneValue(unescapeValue(p.value))).filter((t): t is string => t !== null)
  const prefTel = props.filter((p) => p.name === 'TEL').findIndex((p) => /pref/i.test(p.params.TYPE ?? '') || 'PREF' in p.params)
  const phone = tels[prefTel >= 0 ? prefTel : 0] ?? null
  const extra: string[] = []
  const otherEmails = emails.filter((x) => x !== pref).map((x) => x.v)
  if (otherEmails.length) extra.push(`Other emails: ${otherEmails.join(', ')}`)
  const otherTels = tels.filter((t) => t !== phone)
  if (otherTels.length) extra.push(`Other phones: ${otherTels.join(', ')}`)
  const note = props
    .filter((p) => p.name === 'NOTE')
    .map((p) => unescapeValue(p.value).trim())
    .filter((n) => n !== '')
  const notes = [...note, ...extra].join('\n').slice(0, 10_000)
  return {
    record: {
      line,
      name: name.slice(0, 200),
      company,
      profession: val('TITLE') ?? val('ROLE'),
      email: email ? email.slice(0, 320) : null,
      phone,
      website: val('URL', 500),
      city: city ? city.slice(0, 200) : null,
      tags: [...new Set(tags)],
      notes: notes === '' ? null : notes,
      howMet: null,
      idealClient: null,
    },
  }
}
