import { EMAIL_RE, INTRO_KINDS, INTRO_ORIGINS, INTRO_STATUSES, type IntroKind, type IntroOrigin, type IntroStatus } from '../../shared/schemas'
import { normalizeEmail, normalizeKey } from '../text'
import type { CsvRecord } from './csv'

export type TableKind = 'people' | 'introductions'

export const PEOPLE_FIELDS = [
  'name', 'firstName', 'lastName', 'company', 'profession', 'email', 'phone', 'website', 'city', 'tags', 'notes', 'howMet', 'idealClient',
] as const
export const INTRO_FIELDS = [
  'date', 'referrer', 'receiver', 'prospect', 'prospectEmail', 'prospectCompany', 'kind', 'origin', 'status', 'statusDate',
  'value', 'currency', 'warmth', 'notes',
] as const
export type PeopleField = (typeof PEOPLE_FIELDS)[number]
export type IntroField = (typeof INTRO_FIELDS)[number]

/** Field -> header name of the column it is read from (null: not imported). */
export type ColumnMapping = Record<string, string | null>

const ALIASES: Record<string, string[]> = {
  name: ['name', 'full name', 'fullname', 'display name', 'contact', 'contact name', 'naam', 'nom'],
  firstName: ['first name', 'firstname', 'given name', 'first', 'voornaam', 'prenom'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'last', 'achternaam', 'nom de famille'],
  company: ['company', 'organization', 'organisation', 'business', 'firm', 'employer', 'bedrijf', 'entreprise'],
  profession: ['profession', 'position', 'title', 'job title', 'role', 'occupation', 'trade', 'beroep'],
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'mail'],
  phone: ['phone', 'telephone', 'mobile', 'phone number', 'cell', 'tel', 'telefoon'],
  website: ['website', 'web', 'url', 'site', 'homepage'],
  city: ['city', 'town', 'location', 'place', 'plaats', 'ville'],
  tags: ['tags', 'tag', 'labels', 'categories', 'category'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks'],
  howMet: ['how met', 'how we met', 'met', 'source', 'connected on'],
  idealClient: ['ideal client', 'ideal customer', 'target market', 'ideal referral'],
  date: ['date', 'introduction date', 'intro date', 'referral date', 'datum'],
  referrer: ['referrer', 'from', 'referred by', 'given by', 'introducer', 'source partner'],
  receiver: ['receiver', 'to', 'referred to', 'given to', 'recipient'],
  prospect: ['prospect', 'client', 'customer', 'lead', 'prospect name', 'referral'],
  prospectEmail: ['prospect email', 'client email', 'lead email'],
  prospectCompany: ['prospect company', 'client company', 'lead company'],
  kind: ['kind', 'type'],
  origin: ['origin', 'direction'],
  status: ['status', 'stage', 'outcome'],
  statusDate: ['status date', 'closed', 'closed on', 'decided on'],
  value: ['value', 'amount', 'revenue', 'deal value', 'worth'],
  currency: ['currency', 'cur'],
  warmth: ['warmth', 'temperature', 'heat'],
}

const hkey = (h: string): string => normalizeKey(h).replace(/[^a-z0-9]+/g, ' ').trim()

/** Proposes field -> column from the header names; a remembered mapping wins where its columns still exist. */
export function proposeMapping(kind: TableKind, header: string[], remembered?: ColumnMapping | null): ColumnMapping {
  const fields: readonly string[] = kind === 'people' ? PEOPLE_FIELDS : INTRO_FIELDS
  const byKey = new Map<string, string>()
  for (const h of header) if (h && !byKey.has(hkey(h))) byKey.set(hkey(h), h)
  const used = new Set<string>()
  const out: ColumnMapping = {}
  for (const f of fields) {
    const r = remembered?.[f]
    if (r && header.includes(r)) {
      out[f] = r
      used.add(r)
    }
  }
  for (const f of fields) {
    if (out[f]) continue
    out[f] = null
    for (const a of ALIASES[f] ?? []) {
      const h = byKey.get(hkey(a))
      if (h && !used.has(h)) {
        out[f] = h
        used.add(h)
        break
      }
    }
  }
  // A "name" column next to first/last columns: prefer the single full name.
  if (kind === 'people' && out.name && (out.firstName || out.lastName) && !remembered) {
    out.firstName = null
    out.lastName = null
  }
  for (const k of [DATE_ORDER_KEY, DECIMAL_KEY]) if (remembered?.[k]) out[k] = remembered[k]!
  return out
}

/**
 * Export layouts of other tools (and of this app), recognised by header names that only they write. Each field
 * lists the columns it may come from; the one with the most filled cells in the file wins (Outlook's "Profession"
 * and "Location" columns exist in every export but are nearly always empty; "Job Title" and "Business City" hold
 * the data).
 */
export interface Layout {
  id: string
  label: string
  kind: TableKind
  /** Headers that must all be present. */
  requires: string[]
  fields: Partial<Record<string, string[]>>
}

export const LAYOUTS: readonly Layout[] = [
  {
    id: 'outlook-classic',
    label: 'Outlook (classic desktop export)',
    kind: 'people',
    requires: ['First Name', 'Last Name', 'E-mail Address', 'E-mail Type', 'E-mail Display Name', 'Job Title', 'Business City'],
    fields: {
      firstName: ['First Name'], lastName: ['Last Name'], company: ['Company'], profession: ['Job Title', 'Profession'],
      email: ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address'],
      phone: ['Mobile Phone', 'Business Phone', 'Primary Phone', 'Home Phone', 'Company Main Phone', 'Other Phone'],
      website: ['Web Page', 'Personal Web Page'], city: ['Business City', 'Home City', 'Other City', 'Location'], tags: ['Categories'],
      notes: ['Notes'], howMet: ['Referred By'],
    },
  },
  {
    id: 'outlook-new',
    label: 'Outlook (Outlook.com and the new Outlook)',
    kind: 'people',
    requires: ['First Name', 'Last Name', 'E-mail Address', 'Given Yomi', 'Job Title', 'Business City'],
    fields: {
      firstName: ['First Name'], lastName: ['Last Name'], company: ['Company'], profession: ['Job Title'],
      email: ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address'],
      phone: ['Mobile Phone', 'Business Phone', 'Primary Phone', 'Home Phone', 'Company Main Phone', 'Other Phone'],
      website: ['Web Page', 'Personal Web Page'], city: ['Business City', 'Home City', 'Other City', 'Location'], notes: ['Notes'],
    },
  },
  {
    id: 'google',
    label: 'Google Contacts',
    kind: 'people',
    // Numbered columns (E-mail 1, Phone 1, …) exist only when some contact has one, so they are not required.
    requires: ['First Name', 'Last Name', 'Phonetic First Name', 'Organization Name', 'Labels'],
    fields: {
      firstName: ['First Name'], lastName: ['Last Name'], company: ['Organization Name'], profession: ['Organization Title'],
      email: ['E-mail 1 - Value', 'E-mail 2 - Value'], phone: ['Phone 1 - Value', 'Phone 2 - Value'], website: ['Website 1 - Value'],
      city: ['Address 1 - City', 'Address 2 - City'], tags: ['Labels'], notes: ['Notes'],
    },
  },
  {
    id: 'google-legacy',
    label: 'Google Contacts (older "Google CSV")',
    kind: 'people',
    requires: ['Name', 'Given Name', 'Additional Name', 'Family Name', 'Group Membership'],
    fields: {
      name: ['Name'], firstName: ['Given Name'], lastName: ['Family Name'], company: ['Organization 1 - Name'],
      profession: ['Organization 1 - Title', 'Occupation'], email: ['E-mail 1 - Value', 'E-mail 2 - Value'],
      phone: ['Phone 1 - Value', 'Phone 2 - Value'], website: ['Website 1 - Value'], city: ['Address 1 - City', 'Location'],
      tags: ['Group Membership'], notes: ['Notes'],
    },
  },
  {
    id: 'linkedin',
    label: 'LinkedIn Connections',
    kind: 'people',
    requires: ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'],
    fields: {
      firstName: ['First Name'], lastName: ['Last Name'], website: ['URL'], email: ['Email Address'], company: ['Company'],
      profession: ['Position'], howMet: ['Connected On'],
    },
  },
  {
    id: 'referral-map-people',
    label: 'Referral Map people export',
    kind: 'people',
    requires: ['Name', 'Company', 'Profession', 'Email', 'Phone', 'Website', 'City', 'Tags', 'Notes', 'How met', 'Ideal client'],
    fields: {
      name: ['Name'], company: ['Company'], profession: ['Profession'], email: ['Email'], phone: ['Phone'], website: ['Website'], city: ['City'],
      tags: ['Tags'], notes: ['Notes'], howMet: ['How met'], idealClient: ['Ideal client'],
    },
  },
  {
    id: 'referral-map-introductions',
    label: 'Referral Map introductions export',
    kind: 'introductions',
    requires: ['Date', 'Referrer', 'Receiver', 'Prospect', 'Prospect email', 'Prospect company', 'Kind', 'Origin', 'Status', 'Status date'],
    fields: {
      date: ['Date'], referrer: ['Referrer'], receiver: ['Receiver'], prospect: ['Prospect'], prospectEmail: ['Prospect email'],
      prospectCompany: ['Prospect company'], kind: ['Kind'], origin: ['Origin'], status: ['Status'], statusDate: ['Status date'], value: ['Value'],
      currency: ['Currency'], warmth: ['Warmth'], notes: ['Notes'],
    },
  },
]

/** Mapping keys that are reading options, not fields: the recognised layout, the date order and the decimal separator. */
export const LAYOUT_KEY = '@layout'
export const DATE_ORDER_KEY = '@dateOrder'
export const DECIMAL_KEY = '@decimal'

/**
 * The layout a header belongs to, and its mapping: for each field, of the layout's columns present, the one with
 * the most filled cells in the sample rows (ties: the layout's order).
 */
export function detectLayout(kind: TableKind, header: string[], rows: readonly CsvRecord[] = []): { layout: Layout; mapping: ColumnMapping } | null {
  const has = new Set(header)
  const layout = LAYOUTS.find((l) => l.kind === kind && l.requires.every((h) => has.has(h)))
  if (!layout) return null
  const sample = rows.slice(0, 500)
  const filled = (col: string) => {
    const i = header.indexOf(col)
    let n = 0
    for (const r of sample) if ((r.cells[i] ?? '').trim() !== '') n++
    return n
  }
  const mapping: ColumnMapping = {}
  for (const f of kind === 'people' ? PEOPLE_FIELDS : INTRO_FIELDS) {
    const cands = (layout.fields[f] ?? []).filter((c) => has.has(c))
    let best: string | null = null
    let bestN = -1
    for (const c of cands) {
      const n = filled(c)
      if (n > bestN) [best, bestN] = [c, n]
    }
    mapping[f] = best
  }
  // Both a full name and first/last: the full name, unless it is empty where first/last are filled.
  if (mapping.name && (mapping.firstName || mapping.lastName) && filled(mapping.name) > 0) {
    mapping.firstName = null
    mapping.lastName = null
  }
  mapping[LAYOUT_KEY] = layout.id
  return { layout, mapping }
}

/** The notes line that lists a person's other values of a field ("Other emails: a, b"). */
const OTHER_LABELS: Record<string, string> = { email: 'Other emails', phone: 'Other phones', website: 'Other web pages' }

/**
 * For a recognised layout: a function that adds the values of the layout's other email, phone and web page columns
 * (Google's "E-mail 2 - Value", Outlook's "Home Phone" beside the mapped "Mobile Phone") to a record's notes, on the
 * same "Other emails: …" line a multi-value cell uses; values already kept are not repeated. null when there are none.
 */
export function layoutOthers(layout: Layout, header: string[], mapping: ColumnMapping): ((rec: CsvRecord, person: PersonRecord) => void) | null {
  const groups = (['email', 'phone', 'website'] as const)
    .map((f) => ({
      field: f,
      label: OTHER_LABELS[f]!,
      idx: (layout.fields[f] ?? []).filter((c) => c !== mapping[f]).map((c) => header.indexOf(c)).filter((i) => i >= 0),
    }))
    .filter((g) => g.idx.length > 0)
  if (groups.length === 0) return null
  return (rec, person) => {
    let notes = person.notes ?? ''
    for (const g of groups) {
      const kept = new Set<string>()
      if (person[g.field]) kept.add(person[g.field]!)
      const line = notes.split('\n').find((l) => l.startsWith(`${g.label}: `))
      if (line) for (const v of line.slice(g.label.length + 2).split(', ')) kept.add(v)
      const more: string[] = []
      for (const i of g.idx)
        for (const v of (rec.cells[i] ?? '').split(':::').map((x) => x.trim()))
          if (v !== '' && !kept.has(v)) {
            kept.add(v)
            more.push(v)
          }
      if (more.length === 0) continue
      notes = line ? notes.replace(line, `${line}, ${more.join(', ')}`) : [notes, `${g.label}: ${more.join(', ')}`].filter((x) => x).join('\n')
    }
    person.notes = notes === '' ? null : notes.slice(0, 10_000)
  }
}

export interface CellProblem {
  /** 1-based line in the file where the record starts. */
  line: number
  /** Header of the column, or the field name when no column is involved. */
  column: string
  field: string
  reason: string
}

export interface PersonRecord {
  line: number
  name: string
  company: string | null
  profession: string | null
  email: string | null
  phone: string | null
  website: string | null
  city: string | null
  tags: string[]
  notes: string | null
  howMet: string | null
  idealClient: string | null
}

export interface IntroRecord {
  line: number
  date: string
  referrer: string
  receiver: string
  prospect: string
  prospectEmail: string | null
  prospectCompany: string | null
  kind: IntroKind
  origin: IntroOrigin
  status: IntroStatus
  statusDate: string | null
  valueMinor: number | null
  currency: string | null
  warmth: number | null
  notes: string | null
}

/** The email rule is shared/schemas.ts EMAIL_RE (the same for the forms, the channels and every importer). */
export { EMAIL_RE }
const URL_RE = /^(https?:\/\/)?[^\s/$.?#].[^\s]*$/i

/** field -> column index, computed once per mapping (imports read 100k rows with one mapping). */
const compiled = new WeakMap<ColumnMapping, { header: string[]; idx: Map<string, number> }>()
function fieldIndexes(header: string[], mapping: ColumnMapping): Map<string, number> {
  const c = compiled.get(mapping)
  if (c && c.header === header) return c.idx
  const first = new Map<string, number>()
  header.forEach((h, i) => {
    if (!first.has(h)) first.set(h, i)
  })
  const idx = new Map<string, number>()
  for (const [field, col] of Object.entries(mapping)) {
    const i = col ? first.get(col) : undefined
    if (i !== undefined) idx.set(field, i)
  }
  compiled.set(mapping, { header, idx })
  return idx
}

/** Reads mapped cells of one record. */
function reader(header: string[], mapping: ColumnMapping, rec: CsvRecord) {
  const idx = fieldIndexes(header, mapping)
  return (field: string): string | null => cellAt(rec.cells, idx.get(field) ?? -1)
}

/** The trimmed cell at column i (null when empty or not mapped), the export's formula neutralisation undone ('=1 -> =1). */
function cellAt(cells: string[], i: number): string | null {
  if (i < 0) return null
  const raw = cells[i]
  if (raw === undefined) return null
  const v = raw.trim()
  if (v.length > 1 && v.charCodeAt(0) === 39) {
    const c = v.charCodeAt(1)
    if (c === 61 || c === 43 || c === 45 || c === 64) return v.slice(1)
  }
  return v === '' ? null : v
}

function textCell(
  get: (f: string) => string | null, field: string, max: number, rec: CsvRecord, mapping: ColumnMapping, problems: CellProblem[],
): string | null {
  const v = get(field)
  if (v !== null && v.length > max) {
    problems.push({ line: rec.line, column: mapping[field] ?? field, field, reason: `Longer than ${max} characters.` })
    return null
  }
  return v
}

type PersonRowResult = { record: PersonRecord | null; problems: CellProblem[] }

/**
 * Tags cell -> distinct trimmed tags of at most 50 characters. Google's ` ::: ` separates labels too, and its
 * system labels (`* myContacts`, `* starred`) are not tags anyone chose.
 */
export const splitTags = (raw: string): string[] => [
  ...new Set(raw.split(/\s*:::\s*|[;,|]/).map((s) => s.trim()).filter((s) => s !== '' && s.length <= 50 && !s.startsWith('* '))),
]

/** The first value of a multi-value cell (Google's `a ::: b`). */
function firstValue(v: string | null): string | null {
  if (v === null || !v.includes(':::')) return v
  return v.split(':::').map((s) => s.trim()).find((s) => s !== '') ?? null
}

/** The other values of a multi-value cell, as a line for the notes. */
function split(v: string, label: string, extra: string[] | null): string[] | null {
  const rest = v.split(':::').map((s) => s.trim()).filter((s) => s !== '').slice(1)
  if (rest.length === 0) return extra
  const out = extra ?? []
  out.push(`${label}: ${rest.join(', ')}`)
  return out
}

const readers = new WeakMap<ColumnMapping, { header: string[]; read: (rec: CsvRecord) => PersonRowResult }>()

/**
 * readPersonRow for one header and mapping, with the column of every field looked up once: an import reads
 * 100k rows this way. Tags cells repeat a lot, so their split is remembered (each record gets its own array).
 */
export function personRowReader(header: string[], mapping: ColumnMapping): (rec: CsvRecord) => PersonRowResult {
  const have = readers.get(mapping)
  if (have && have.header === header) return have.read
  const idx = fieldIndexes(header, mapping)
  const at = (f: PeopleField) => idx.get(f) ?? -1
  const [iName, iFirst, iLast, iCompany, iProfession, iEmail, iPhone, iWebsite, iCity, iTags, iNotes, iHowMet, iIdeal] = PEOPLE_FIELDS.map(at) as [
    number, number, number, number, number, number, number, number, number, number, number, number, number,
  ]
  const column = (f: PeopleField) => mapping[f] ?? f
  const noNameColumn = mapping.name ?? mapping.firstName ?? 'name'
  const emailColumn = mapping.email ?? 'email'
  const websiteColumn = mapping.website ?? 'website'
  const tagMemo = new Map<string, string[]>()
  const text = (rec: CsvRecord, i: number, field: PeopleField, max: number, problems: CellProblem[]): string | null => {
    const v = cellAt(rec.cells, i)
    if (v !== null && v.length > max) {
      problems.push({ line: rec.line, column: column(field), field, reason: `Longer than ${max} characters.` })
      return null
    }
    return v
  }
  /** A cell that may hold several values (` ::: `): its length is checked on the first value only. */
  const many = (rec: CsvRecord, i: number, field: PeopleField, max: number, problems: CellProblem[]): string | null => {
    const v = cellAt(rec.cells, i)
    if (v !== null && v.length > max && (firstValue(v) ?? '').length > max) {
      problems.push({ line: rec.line, column: column(field), field, reason: `Longer than ${max} characters.` })
      return null
    }
    return v
  }
  const read = (rec: CsvRecord): PersonRowResult => {
    const problems: CellProblem[] = []
    let name = text(rec, iName, 'name', 200, problems)
    if (!name) {
      const first = cellAt(rec.cells, iFirst)
      const last = cellAt(rec.cells, iLast)
      const full = (first && last ? `${first} ${last}` : (first ?? last ?? '')).trim()
      name = full === '' ? null : full.slice(0, 200)
    }
    if (!name) problems.push({ line: rec.line, column: noNameColumn, field: 'name', reason: 'No name.' })
    let extra: string[] | null = null
    const email = many(rec, iEmail, 'email', 320, problems)
    if (email !== null && email.includes(':::')) extra = split(email, 'Other emails', extra)
    const emailValue = firstValue(email)
    if (emailValue !== null && !EMAIL_RE.test(emailValue)) problems.push({ line: rec.line, column: emailColumn, field: 'email', reason: 'Not an email address.' })
    let phone = many(rec, iPhone, 'phone', 200, problems)
    if (phone !== null && phone.includes(':::')) {
      extra = split(phone, 'Other phones', extra)
      phone = firstValue(phone)
    }
    let website = many(rec, iWebsite, 'website', 500, problems)
    if (website !== null && website.includes(':::')) {
      extra = split(website, 'Other web pages', extra)
      website = firstValue(website)
    }
    if (website !== null && !URL_RE.test(website)) problems.push({ line: rec.line, column: websiteColumn, field: 'website', reason: 'Not a web address.' })
    const tagsRaw = cellAt(rec.cells, iTags)
    let tags: string[] = []
    if (tagsRaw) {
      let t = tagMemo.get(tagsRaw)
      if (t === undefined) {
        if (tagMemo.size >= 10_000) tagMemo.clear()
        tagMemo.set(tagsRaw, (t = splitTags(tagsRaw)))
      }
      tags = t.slice()
    }
    const record: PersonRecord = {
      line: rec.line,
      name: name ?? '',
      company: text(rec, iCompany, 'company', 200, problems),
      profession: text(rec, iProfession, 'profession', 200, problems),
      email: emailValue,
      phone,
      website,
      city: text(rec, iCity, 'city', 200, problems),
      tags,
      notes: extra ? withExtra(text(rec, iNotes, 'notes', 10_000, problems), extra) : text(rec, iNotes, 'notes', 10_000, problems),
      howMet: text(rec, iHowMet, 'howMet', 10_000, problems),
      idealClient: text(rec, iIdeal, 'idealClient', 10_000, problems),
    }
    return { record: problems.length ? null : record, problems }
  }
  readers.set(mapping, { header, read })
  return read
}

const withExtra = (notes: string | null, extra: string[]): string => [notes, ...extra].filter((x) => x).join('\n').slice(0, 10_000)

/** Validates one people row; a row with problems yields no record. */
export function readPersonRow(header: string[], mapping: ColumnMapping, rec: CsvRecord): PersonRowResult {
  return personRowReader(header, mapping)(rec)
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

function validYmd(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d))
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export type DateOrder = 'dmy' | 'mdy'
export type DecimalSeparator = ',' | '.'

const NUMERIC_DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/

/**
 * Accepts YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, an ISO timestamp, "12 Mar 2024" (LinkedIn), and with a date order
 * 15.03.2025 / 15/03/2025 (day first) or 03/15/2025 (month first). Without an order a numeric date is refused.
 */
export function parseDate(s: string, order?: DateOrder | null): string | null {
  const t = s.trim()
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(t)
  if (m) return validYmd(+m[1]!, +m[2]!, +m[3]!)
  m = /^(\d{1,2})[ -]([A-Za-z]{3})[A-Za-z]*[ -,]+(\d{4})$/.exec(t)
  if (m) {
    const mi = MONTHS.indexOf(m[2]!.toLowerCase())
    return mi < 0 ? null : validYmd(+m[3]!, mi + 1, +m[1]!)
  }
  m = NUMERIC_DATE.exec(t)
  if (m && order) return order === 'dmy' ? validYmd(+m[3]!, +m[2]!, +m[1]!) : validYmd(+m[3]!, +m[1]!, +m[2]!)
  return null
}

/**
 * The date order of a column, from its unambiguous values (a first number above 12 is a day, a second one above
 * 12 is a day). 'ambiguous': numeric dates but none (or contradicting ones) that tell; null: no numeric dates.
 */
export function detectDateOrder(values: Iterable<string | null | undefined>): DateOrder | 'ambiguous' | null {
  let dmy = 0
  let mdy = 0
  let numeric = 0
  for (const v of values) {
    const m = v ? NUMERIC_DATE.exec(v.trim()) : null
    if (!m) continue
    numeric++
    const a = +m[1]!
    const b = +m[2]!
    if (a > 12 && b <= 12) dmy++
    else if (b > 12 && a <= 12) mdy++
  }
  if (numeric === 0) return null
  if (dmy > 0 && mdy === 0) return 'dmy'
  if (mdy > 0 && dmy === 0) return 'mdy'
  return 'ambiguous'
}

/**
 * The decimal separator of a column of amounts, from the values that tell: "1.250,50" and "12,5" use a comma,
 * "1,250.50" and "12.5" a point; "1,250" and "1.250" tell nothing. null: nothing tells, or the values disagree.
 */
export function detectDecimal(values: Iterable<string | null | undefined>): DecimalSeparator | null {
  let comma = 0
  let point = 0
  for (const v of values) {
    const t = v ? v.replace(/[\s\u00a0]|[A-Za-z€$£¥]/g, '') : ''
    if (t === '') continue
    if (/^\d{1,3}(\.\d{3})+,\d+$/.test(t) || /^\d+,(\d{1,2}|\d{4,})$/.test(t)) comma++
    else if (/^\d{1,3}(,\d{3})+\.\d+$/.test(t) || /^\d+\.(\d{1,2}|\d{4,})$/.test(t)) point++
  }
  if (comma > 0 && point === 0) return ','
  if (point > 0 && comma === 0) return '.'
  return null
}

/**
 * "1,250.50", "1.250,50", "€ 900", "1250" -> minor units; null when not a number. With a decimal separator the
 * other one groups thousands; without one, a single separator followed by exactly three digits groups thousands.
 */
export function parseMoneyMinor(s: string, decimal?: DecimalSeparator | null): number | null {
  let t = s.replace(/[\s\u00a0]|[A-Za-z€$£¥]/g, '')
  if (t === '' || /[^0-9.,]/.test(t)) return null
  if (decimal) {
    const group = decimal === ',' ? '.' : ','
    const parts = t.split(decimal)
    if (parts.length > 2) return null
    const int = parts[0]!
    if (int.includes(group) && !new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(int)) return null
    t = int.split(group).join('') + (parts.length === 2 ? '.' + parts[1] : '')
  } else {
    const lastDot = t.lastIndexOf('.')
    const lastComma = t.lastIndexOf(',')
    const decSep = lastDot > lastComma ? '.' : ','
    const decPos = Math.max(lastDot, lastComma)
    // One separator followed by exactly three digits is a thousands separator (e.g. 1,250 or 1.250).
    const digitsAfter = decPos >= 0 ? t.length - decPos - 1 : 0
    const onlyOne = t.split(decSep).length === 2 && (decSep === '.' ? lastComma < 0 : lastDot < 0)
    if (decPos < 0 || (onlyOne && digitsAfter === 3)) t = t.replace(/[.,]/g, '')
    else t = t.slice(0, decPos).replace(/[.,]/g, '') + '.' + t.slice(decPos + 1)
  }
  if (!/^\d+(\.\d+)?$/.test(t)) return null
  const v = Math.round(Number(t) * 100)
  return Number.isFinite(v) && v <= 1e14 ? v : null
}

function pickEnum<T extends string>(values: readonly T[], raw: string): T | null {
  const k = normalizeKey(raw).replace(/[^a-z]+/g, '_').replace(/^_|_$/g, '')
  return (values as readonly string[]).includes(k) ? (k as T) : null
}

/** Validates one introductions row. */
export function readIntroRow(header: string[], mapping: ColumnMapping, rec: CsvRecord): { record: IntroRecord | null; problems: CellProblem[] } {
  const get = reader(header, mapping, rec)
  const problems: CellProblem[] = []
  const p = (field: string, reason: string) => problems.push({ line: rec.line, column: mapping[field] ?? field, field, reason })
  const t = (f: string, max = 200) => textCell(get, f, max, rec, mapping, problems)
  const order = (mapping[DATE_ORDER_KEY] ?? null) as DateOrder | null
  const decimal = (mapping[DECIMAL_KEY] ?? null) as DecimalSeparator | null
  const badDate = (raw: string) =>
    !NUMERIC_DATE.test(raw.trim())
      ? `Not a date: "${raw.slice(0, 40)}" (use YYYY-MM-DD).`
      : order
        ? `Not a date: "${raw.slice(0, 40)}" (read ${order === 'dmy' ? 'day' : 'month'} first, there is no such day).`
        : `"${raw.slice(0, 40)}" could be day-first or month-first: choose the date order.`
  const rawDate = get('date')
  const date = rawDate ? parseDate(rawDate, order) : null
  if (!rawDate) p('date', 'No date.')
  else if (!date) p('date', badDate(rawDate))
  const referrer = t('referrer')
  const receiver = t('receiver')
  const prospect = t('prospect')
  if (!referrer) p('referrer', 'No referrer.')
  if (!receiver) p('receiver', 'No receiver.')
  if (!prospect) p('prospect', 'No prospect.')
  if (referrer && receiver && normalizeKey(referrer) === normalizeKey(receiver)) p('receiver', 'Referrer and receiver are the same person.')
  const prospectEmail = t('prospectEmail', 320)
  if (prospectEmail && !EMAIL_RE.test(prospectEmail)) p('prospectEmail', 'Not an email address.')
  const rk = get('kind')
  const kind = rk ? pickEnum(INTRO_KINDS, rk) : 'referral'
  if (!kind) p('kind', `Unknown kind "${rk}" (use ${INTRO_KINDS.join(', ')}).`)
  const ro = get('origin')
  const origin = ro ? pickEnum(INTRO_ORIGINS, ro) : 'outbound'
  if (!origin) p('origin', `Unknown origin "${ro}" (use ${INTRO_ORIGINS.join(', ')}).`)
  const rs = get('status')
  const status = rs ? pickEnum(INTRO_STATUSES, rs) : 'new'
  if (!status) p('status', `Unknown status "${rs}" (use ${INTRO_STATUSES.join(', ')}).`)
  const rsd = get('statusDate')
  const statusDate = rsd ? parseDate(rsd, order) : null
  if (rsd && !statusDate) p('statusDate', badDate(rsd))
  const rv = get('value')
  const valueMinor = rv ? parseMoneyMinor(rv, decimal) : null
  if (rv && valueMinor === null) p('value', `Not an amount: "${rv.slice(0, 40)}".`)
  const rc = get('currency')
  const currency = rc ? rc.toUpperCase() : null
  if (currency && !/^[A-Z]{3}$/.test(currency)) p('currency', 'Use a three-letter currency code.')
  const rw = get('warmth')
  const warmth = rw ? Number(rw) : null
  if (rw && (!Number.isInteger(warmth) || warmth! < 1 || warmth! > 5)) p('warmth', 'Warmth is 1 to 5.')
  if (problems.length) return { record: null, problems }
  return {
    record: {
      line: rec.line,
      date: date!,
      referrer: referrer!,
      receiver: receiver!,
      prospect: prospect!,
      prospectEmail,
      prospectCompany: t('prospectCompany'),
      kind: kind!,
      origin: origin!,
      status: status!,
      statusDate,
      valueMinor,
      currency,
      warmth,
      notes: t('notes', 10_000),
    },
    problems,
  }
}

export interface PersonKeys {
  email: string | null
  nameCompany: string
}

/** The keys a person is matched on: email, and name + company (case- and accent-insensitive). */
export function personKeys(p: { name: string; company: string | null; email: string | null }): PersonKeys {
  return {
    email: p.email ? normalizeEmail(p.email) : null,
    nameCompany: `${normalizeKey(p.name)}\u0001${normalizeKey(p.company)}`,
  }
}
