import { normalizeEmail, normalizeKey } from '../../core/text'
import { personKeys, type PersonKeys } from '../../core/formats/mapping'
import { rowToCamel, camelToSnake, NETWORK_FORMAT, NETWORK_FORMAT_VERSION, type NetworkJson, type NetworkRow } from '../../core/formats/network'
import type { GraphExport } from '../../core/formats/xml'
import type { MergeChoice, MergeConflict, MergeResult, NetworkCounts } from '../../shared/channels/files'
import { AppError } from '../../shared/errors'
import type { Db } from './connection'
import { markSummariesStale } from './analytics'
import { storedSettings, writeSetting } from './settings'
import { filterSettings, type SettingKey } from '../../shared/settings'

export function networkCounts(db: Db): NetworkCounts {
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n
  return {
    people: n('SELECT count(*) AS n FROM people WHERE deleted_at IS NULL'),
    introductions: n('SELECT count(*) AS n FROM introductions WHERE deleted_at IS NULL'),
    interactions: n('SELECT count(*) AS n FROM interactions WHERE deleted_at IS NULL'),
    groups: n('SELECT count(*) AS n FROM groups WHERE deleted_at IS NULL'),
  }
}

// ---------------------------------------------------------------- JSON export

/** The whole network in the versioned JSON format (rows in id order, so two exports of one network are equal). */
export function exportNetwork(db: Db, exportedAt: string): NetworkJson {
  const all = (sql: string) => db.prepare(sql).all() as Record<string, unknown>[]
  const history = db.prepare('SELECT id, status, date, created_at FROM introduction_status_history WHERE introduction_id = ? ORDER BY date, id')
  const settings = storedSettings(db)
  return {
    format: NETWORK_FORMAT,
    version: NETWORK_FORMAT_VERSION,
    exportedAt,
    people: all('SELECT * FROM people ORDER BY id').map((r) => rowToCamel(r, ['name_key', 'email_key'])),
    groups: all('SELECT * FROM groups ORDER BY id').map((r) => rowToCamel(r)),
    memberships: all('SELECT * FROM memberships ORDER BY group_id, person_id').map((r) => rowToCamel(r)),
    tags: (all('SELECT person_id, tag FROM person_tags ORDER BY person_id, tag_key') as { person_id: string; tag: string }[]).map((t) => ({
      personId: t.person_id,
      tag: t.tag,
    })),
    introductions: all('SELECT * FROM introductions ORDER BY id').map((r) => ({
      ...rowToCamel(r),
      history: (history.all(r.id) as Record<string, unknown>[]).map((h) => rowToCamel(h)),
    })),
    interactions: all('SELECT * FROM interactions ORDER BY id').map((r) => rowToCamel(r)),
    tasks: all('SELECT * FROM tasks ORDER BY id').map((r) => rowToCamel(r)),
    settings,
  }
}

// ---------------------------------------------------------------- generic row writes

const columnCache = new WeakMap<Db, Map<string, Set<string>>>()
function columns(db: Db, table: string): Set<string> {
  let m = columnCache.get(db)
  if (!m) columnCache.set(db, (m = new Map()))
  let c = m.get(table)
  if (!c) {
    c = new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name))
    m.set(table, c)
  }
  return c
}

/** Inserts a camelCase row into `table`, keeping only columns the table has. */
export function insertRow(db: Db, table: string, row: NetworkRow, extra: Record<string, unknown> = {}): void {
  const cols = columns(db, table)
  const values: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(row)) {
    const c = camelToSnake(k)
    if (cols.has(c) && typeof v !== 'object') values[c] = typeof v === 'boolean' ? (v ? 1 : 0) : v
    else if (cols.has(c) && v === null) values[c] = null
  }
  for (const [k, v] of Object.entries(extra)) if (cols.has(k)) values[k] = v
  const keys = Object.keys(values)
  db.prepare(`INSERT OR IGNORE INTO ${table} (${keys.join(', ')}) VALUES (${keys.map((k) => '@' + k).join(', ')})`).run(values)
}

function updateColumns(db: Db, table: string, id: string, values: Record<string, unknown>): void {
  const cols = columns(db, table)
  const keys = Object.keys(values).filter((k) => cols.has(k))
  if (keys.length === 0) return
  db.prepare(`UPDATE ${table} SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @__id`).run({ ...values, __id: id })
}

// ---------------------------------------------------------------- merge

const PERSON_COMPARE = ['name', 'company', 'profession', 'email', 'phone', 'website', 'city', 'ideal_client', 'how_met', 'notes', 'cadence_days']
const INTRO_COMPARE = ['referrer_id', 'receiver_id', 'prospect_id', 'date', 'kind', 'origin', 'warmth', 'status', 'status_date', 'value_minor', 'currency', 'notes']

export class DryRun extends Error {
  constructor(readonly result: MergeResult) {
    super('dry run')
  }
}

interface PersonIndexRow {
  id: string
  name: string
  company: string | null
  email_key: string | null
  name_key: string
}

/** In-memory match index of the live people: email, name + company (case/accent-insensitive). */
export class PeopleIndex {
  byEmail = new Map<string, string>()
  byNameCompany = new Map<string, string>()
  byName = new Map<string, string[]>()
  names = new Map<string, { name: string; company: string | null }>()
  constructor(db: Db) {
    for (const r of db.prepare('SELECT id, name, company, email_key, name_key FROM people WHERE deleted_at IS NULL ORDER BY id').iterate() as IterableIterator<PersonIndexRow>)
      this.add(r.id, r.name, r.company, r.email_key)
  }
  add(id: string, name: string, company: string | null, email: string | null): void {
    const k = personKeys({ name, company, email })
    if (k.email && !this.byEmail.has(k.email)) this.byEmail.set(k.email, id)
    if (!this.byNameCompany.has(k.nameCompany)) this.byNameCompany.set(k.nameCompany, id)
    const nk = normalizeKey(name)
    const list = this.byName.get(nk)
    if (list) list.push(id)
    else this.byName.set(nk, [id])
    this.names.set(id, { name, company })
  }
  match(p: { name: string; company: string | null; email: string | null }): { id: string; on: 'email' | 'name+company' } | null {
    return this.matchKeys(personKeys(p))
  }
  /** The same, for keys already computed (an import computes each row's once). */
  matchKeys(k: PersonKeys): { id: string; on: 'email' | 'name+company' } | null {
    if (k.email) {
      const id = this.byEmail.get(k.email)
      if (id) return { id, on: 'email' }
    }
    const id = this.byNameCompany.get(k.nameCompany)
    return id ? { id, on: 'name+company' } : null
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : v === null || v === undefined ? null : String(v))

/**
 * Merges another network into this one (caller owns the transaction). People
 * match by id, then email, then name + company; introductions, interactions and
 * tasks de-duplicate by id. Differences on things that already exist are
 * reported as conflicts and only applied with onConflict 'takeTheirs'; blanks
 * in the user's data may be filled in.
 */
export function mergeNetwork(
  db: Db, data: NetworkJson, opts: { onConflict: 'keepMine' | 'takeTheirs'; now: string; choices?: Record<string, Record<string, MergeChoice>> },
): MergeResult {
  const res: MergeResult = {
    applied: true, peopleAdded: 0, peopleMatched: 0, introductionsAdded: 0, introductionsAlreadyThere: 0, groupsAdded: 0,
    interactionsAdded: 0, tasksAdded: 0, conflicts: [], backup: null,
  }
  const conflict = (c: MergeConflict) => {
    if (res.conflicts.length < 500) res.conflicts.push(c)
  }
  const localEmpty = (db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n === 0
  // A bulk load: the analytics summaries are rebuilt on the next read instead of per row.
  if (data.introductions.length > 0) markSummariesStale(db)
  const hasMe = !!db.prepare('SELECT 1 FROM people WHERE is_me = 1 AND deleted_at IS NULL').get()
  const index = new PeopleIndex(db)
  const getPerson = db.prepare('SELECT * FROM people WHERE id = ?')
  const nameOf = db.prepare('SELECT name FROM people WHERE id = ?').pluck()
  /** What the user sees of a value: a person's name for a person id, else the text. */
  const shown = (col: string, v: unknown): string | null => (col.endsWith('_id') && v ? (str(nameOf.get(v)) ?? str(v)) : str(v))
  /**
   * The choice for one differing field: the user's per-field choice, else the default. "Take theirs" as the default
   * never renames a person (the name is who they are: choose it per field) and adds their notes below mine.
   */
  const choiceFor = (id: string, col: string): MergeChoice => {
    const c = opts.choices?.[id]?.[col]
    if (c === 'both' && col !== 'notes') throw new AppError('VALIDATION', `Only notes can keep both values (${col} of ${id}).`, 'choices')
    if (c) return c
    if (opts.onConflict !== 'takeTheirs' || col === 'name') return 'mine'
    return col === 'notes' ? 'both' : 'theirs'
  }
  const bothNotes = (mine: unknown, theirs: unknown) => `${String(mine)}\n\n${String(theirs)}`
  const map = new Map<string, string>()
  const inserted: NetworkRow[] = []
  for (const p of data.people) {
    const id = String(p.id)
    const existing = getPerson.get(id) as Record<string, unknown> | undefined
    const matched = existing ? { id, on: 'id' } : p.deletedAt ? null : index.match({ name: String(p.name), company: str(p.company), email: str(p.email) })
    if (!matched) {
      const email = str(p.email)
      insertRow(db, 'people', { ...p, isMe: hasMe ? 0 : (p.isMe ?? 0), introducedById: null }, {
        name_key: normalizeKey(String(p.name)),
        email_key: email ? normalizeEmail(email) : null,
      })
      if (!p.deletedAt) index.add(id, String(p.name), str(p.company), email)
      map.set(id, id)
      inserted.push(p)
      res.peopleAdded++
      continue
    }
    map.set(id, matched.id)
    res.peopleMatched++
    const mine = (existing ?? getPerson.get(matched.id)) as Record<string, unknown>
    const differs: string[] = []
    const fill: Record<string, unknown> = {}
    for (const col of PERSON_COMPARE) {
      const theirs = p[col.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())]
      if (theirs === undefined || theirs === null || theirs === '') continue
      const m = mine[col]
      if (m === null || m === undefined || m === '') fill[col] = theirs
      else if (m !== theirs) differs.push(col)
    }
    if (differs.length) {
      const theirsOf = (col: string) => p[col.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())]
      conflict({
        kind: 'person', id: matched.id, label: String(mine.name), fields: differs,
        values: differs.map((col) => ({ field: col, mine: str(mine[col]), theirs: str(theirsOf(col)) })),
      })
      for (const col of differs) {
        const c = choiceFor(matched.id, col)
        if (c === 'theirs') fill[col] = theirsOf(col)
        else if (c === 'both') fill[col] = bothNotes(mine[col], theirsOf(col))
      }
    }
    if (Object.keys(fill).length) {
      if ('name' in fill) fill.name_key = normalizeKey(String(fill.name))
      if ('email' in fill) fill.email_key = fill.email ? normalizeEmail(String(fill.email)) : null
      updateColumns(db, 'people', matched.id, { ...fill, updated_at: opts.now })
    }
  }
  const setIntroducer = db.prepare('UPDATE people SET introduced_by_id = ? WHERE id = ? AND introduced_by_id IS NULL')
  for (const p of inserted) {
    const by = p.introducedById ? map.get(String(p.introducedById)) : undefined
    if (by && by !== p.id) setIntroducer.run(by, p.id)
  }
  for (const t of data.tags) {
    const pid = map.get(t.personId)
    if (pid) db.prepare('INSERT OR IGNORE INTO person_tags (person_id, tag, tag_key) VALUES (?, ?, ?)').run(pid, t.tag, normalizeKey(t.tag))
  }
  const groupMap = new Map<string, string>()
  const groupByName = new Map<string, string>()
  for (const g of db.prepare('SELECT id, name FROM groups WHERE deleted_at IS NULL').all() as { id: string; name: string }[])
    groupByName.set(normalizeKey(g.name), g.id)
  for (const g of data.groups) {
    const id = String(g.id)
    if (db.prepare('SELECT 1 FROM groups WHERE id = ?').get(id)) groupMap.set(id, id)
    else {
      const byName = g.deletedAt ? undefined : groupByName.get(normalizeKey(String(g.name)))
      if (byName) groupMap.set(id, byName)
      else {
        insertRow(db, 'groups', g)
        groupMap.set(id, id)
        res.groupsAdded++
      }
    }
  }
  for (const m of data.memberships) {
    const gid = groupMap.get(String(m.groupId))
    const pid = map.get(String(m.personId))
    if (gid && pid) insertRow(db, 'memberships', { ...m, groupId: gid, personId: pid })
  }
  const getIntro = db.prepare('SELECT * FROM introductions WHERE id = ?')
  const introIds = new Set<string>()
  for (const intro of data.introductions) {
    const { history, ...rest } = intro
    const i = rest as NetworkRow
    const id = String(i.id)
    const mine = getIntro.get(id) as Record<string, unknown> | undefined
    const row: NetworkRow = {
      ...i,
      referrerId: map.get(String(i.referrerId)) ?? null,
      receiverId: map.get(String(i.receiverId)) ?? null,
      prospectId: map.get(String(i.prospectId)) ?? null,
    }
    if (mine) {
      introIds.add(id)
      res.introductionsAlreadyThere++
      const differs = INTRO_COMPARE.filter((c) => {
        const t = row[c.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase())]
        return t !== undefined && t !== mine[c]
      })
      if (differs.length) {
        const theirsOf = (c: string) => row[c.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase())]
        conflict({
          kind: 'introduction', id, label: `${String(mine.date)} introduction`, fields: differs,
          values: differs.map((c) => ({ field: c, mine: shown(c, mine[c]), theirs: shown(c, theirsOf(c)) })),
        })
        const chosen = differs.map((c) => [c, choiceFor(id, c)] as const).filter(([, ch]) => ch !== 'mine')
        if (chosen.length) {
          const vals: Record<string, unknown> = { updated_at: opts.now }
          for (const [c, ch] of chosen) vals[c] = ch === 'both' ? bothNotes(mine[c], theirsOf(c)) : theirsOf(c)
          const ref = vals.referrer_id ?? mine.referrer_id
          const rec = vals.receiver_id ?? mine.receiver_id
          const peopleOk = ['referrer_id', 'receiver_id', 'prospect_id'].every((c) => !(c in vals) || vals[c] !== null)
          if (peopleOk && ref !== rec) updateColumns(db, 'introductions', id, vals)
        }
      }
      continue
    }
    if (!row.referrerId || !row.receiverId || !row.prospectId || row.referrerId === row.receiverId) {
      conflict({ kind: 'introduction', id, label: `${String(i.date)} introduction`, fields: ['people'], values: [] })
      continue
    }
    insertRow(db, 'introductions', row)
    for (const h of history) insertRow(db, 'introduction_status_history', { ...h, introductionId: id })
    introIds.add(id)
    res.introductionsAdded++
  }
  const exists = (table: string, id: unknown) => !!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id)
  for (const x of data.interactions) {
    if (exists('interactions', x.id)) continue
    const pid = map.get(String(x.personId))
    if (!pid) continue
    const iid = x.introductionId ? (exists('introductions', x.introductionId) ? x.introductionId : null) : null
    insertRow(db, 'interactions', { ...x, personId: pid, introductionId: iid })
    res.interactionsAdded++
  }
  for (const t of data.tasks) {
    if (exists('tasks', t.id)) continue
    const pid = t.personId ? (map.get(String(t.personId)) ?? null) : null
    const iid = t.introductionId && exists('introductions', t.introductionId) ? t.introductionId : null
    const xid = t.interactionId && exists('interactions', t.interactionId) ? t.interactionId : null
    insertRow(db, 'tasks', { ...t, personId: pid, introductionId: iid, interactionId: xid })
    res.tasksAdded++
  }
  if (localEmpty) {
    // Only what the settings registry knows and accepts (shared/settings.ts).
    for (const [k, v] of Object.entries(filterSettings(data.settings).values)) writeSetting(db, k as SettingKey, v as never, opts.now)
  }
  return res
}

// ---------------------------------------------------------------- graph and CSV exports

export function graphExport(db: Db): GraphExport {
  const people = db
    .prepare(
      `SELECT p.id, p.name, p.company, p.profession, p.email, p.city, p.is_me,
         (SELECT group_concat(tag, '; ') FROM person_tags t WHERE t.person_id = p.id) AS tags
       FROM people p WHERE p.deleted_at IS NULL ORDER BY p.id`,
    )
    .all() as { id: string; name: string; company: string | null; profession: string | null; email: string | null; city: string | null; is_me: number; tags: string | null }[]
  const intros = db
    .prepare(
      `SELECT i.id, i.referrer_id, i.receiver_id, i.date, i.kind, i.origin, i.status, i.status_date, i.value_minor, i.currency, i.warmth,
         p.name AS prospect
       FROM introductions i JOIN people p ON p.id = i.prospect_id WHERE i.deleted_at IS NULL ORDER BY i.id`,
    )
    .all() as { id: string; referrer_id: string; receiver_id: string; date: string; kind: string; origin: string; status: string; status_date: string; value_minor: number | null; currency: string | null; warmth: number | null; prospect: string }[]
  return {
    nodeAttrs: [
      { name: 'name', type: 'string' }, { name: 'company', type: 'string' }, { name: 'profession', type: 'string' },
      { name: 'email', type: 'string' }, { name: 'city', type: 'string' }, { name: 'tags', type: 'string' }, { name: 'isMe', type: 'boolean' },
    ],
    edgeAttrs: [
      { name: 'date', type: 'string' }, { name: 'kind', type: 'string' }, { name: 'origin', type: 'string' }, { name: 'status', type: 'string' },
      { name: 'statusDate', type: 'string' }, { name: 'value', type: 'double' }, { name: 'currency', type: 'string' },
      { name: 'warmth', type: 'int' }, { name: 'prospect', type: 'string' },
    ],
    nodes: people.map((p) => ({
      id: p.id,
      label: p.name,
      attrs: { name: p.name, company: p.company, profession: p.profession, email: p.email, city: p.city, tags: p.tags, isMe: p.is_me === 1 },
    })),
    edges: intros.map((i) => ({
      id: i.id,
      source: i.referrer_id,
      target: i.receiver_id,
      attrs: {
        date: i.date, kind: i.kind, origin: i.origin, status: i.status, statusDate: i.status_date,
        value: i.value_minor === null ? null : i.value_minor / 100, currency: i.currency, warmth: i.warmth, prospect: i.prospect,
      },
    })),
  }
}

export const PEOPLE_CSV_HEADER = ['Name', 'Company', 'Profession', 'Email', 'Phone', 'Website', 'City', 'Tags', 'Notes', 'How met', 'Ideal client', 'Groups', 'Introduced by', 'Archived', 'Id']

export function peopleCsvRows(db: Db): (string | null)[][] {
  const rows = db
    .prepare(
      `SELECT p.*, (SELECT group_concat(tag, '; ') FROM (SELECT tag FROM person_tags t WHERE t.person_id = p.id ORDER BY tag_key)) AS tags,
         (SELECT group_concat(name, '; ') FROM (SELECT g.name FROM memberships m JOIN groups g ON g.id = m.group_id
            WHERE m.person_id = p.id AND g.deleted_at IS NULL ORDER BY g.name)) AS group_names,
         (SELECT b.name FROM people b WHERE b.id = p.introduced_by_id) AS introduced_by
       FROM people p WHERE p.deleted_at IS NULL ORDER BY p.name_key, p.id`,
    )
    .all() as Record<string, string | number | null>[]
  const s = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v))
  return rows.map((r) => [
    s(r.name), s(r.company), s(r.profession), s(r.email), s(r.phone), s(r.website), s(r.city), s(r.tags), s(r.notes), s(r.how_met),
    s(r.ideal_client), s(r.group_names), s(r.introduced_by), r.archived_at ? 'yes' : null, s(r.id),
  ])
}

export const INTRO_CSV_HEADER = ['Date', 'Referrer', 'Receiver', 'Prospect', 'Prospect email', 'Prospect company', 'Kind', 'Origin', 'Status', 'Status date', 'Value', 'Currency', 'Warmth', 'Notes', 'Id']

export function introductionsCsvRows(db: Db): (string | null)[][] {
  const rows = db
    .prepare(
      `SELECT i.*, r.name AS referrer, r.email AS referrer_email, v.name AS receiver, v.email AS receiver_email,
         p.name AS prospect, p.email AS prospect_email, p.company AS prospect_company
       FROM introductions i JOIN people r ON r.id = i.referrer_id JOIN people v ON v.id = i.receiver_id JOIN people p ON p.id = i.prospect_id
       WHERE i.deleted_at IS NULL ORDER BY i.date, i.id`,
    )
    .all() as Record<string, string | number | null>[]
  const s = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v))
  return rows.map((r) => [
    s(r.date), s(r.referrer_email ?? r.referrer), s(r.receiver_email ?? r.receiver), s(r.prospect), s(r.prospect_email), s(r.prospect_company),
    s(r.kind), s(r.origin), s(r.status), s(r.status_date), r.value_minor === null ? null : String(Number(r.value_minor) / 100), s(r.currency),
    s(r.warmth), s(r.notes), s(r.id),
  ])
}
