import { fromMinor, toMinor } from '../../core/money'
import type { Introduction, IntroductionListItem, Paged, StatusChange } from '../../shared/types'
import type { IntroKind, IntroOrigin, IntroStatus } from '../../shared/schemas'
import { normalizeKey } from '../../core/text'
import type { Db } from './connection'

export interface IntroRow {
  id: string
  referrer_id: string
  receiver_id: string
  prospect_id: string
  referrer_name: string
  receiver_name: string
  prospect_name: string
  date: string
  kind: IntroKind
  origin: IntroOrigin
  warmth: number | null
  needs_service: number | null
  fits_profile: number | null
  accepted: number | null
  status: IntroStatus
  status_date: string
  value_minor: number | null
  currency: string | null
  notes: string | null
  created_at: string
  updated_at: string
  deleted_at?: string | null
}

export interface IntroWrite {
  referrerId: string
  receiverId: string
  prospectId: string
  date: string
  kind: IntroKind
  origin: IntroOrigin
  warmth: number | null
  needsService: boolean | null
  fitsProfile: boolean | null
  accepted: boolean | null
  status: IntroStatus
  statusDate: string
  valueMinor: number | null
  currency: string | null
  notes: string | null
}

const bool = (v: number | null): boolean | null => (v === null ? null : v === 1)
const bit = (v: boolean | null | undefined): number | null => (v === null || v === undefined ? null : v ? 1 : 0)

/** Stored money is minor units: the one definition is src/core/money.ts. */
export { toMinor, fromMinor }

const SELECT = `
  SELECT i.*, r.name AS referrer_name, v.name AS receiver_name, p.name AS prospect_name
  FROM introductions i
  JOIN people r ON r.id = i.referrer_id
  JOIN people v ON v.id = i.receiver_id
  JOIN people p ON p.id = i.prospect_id`

export function rowToItem(r: IntroRow): IntroductionListItem {
  return {
    id: r.id,
    referrerId: r.referrer_id,
    receiverId: r.receiver_id,
    prospectId: r.prospect_id,
    referrerName: r.referrer_name,
    receiverName: r.receiver_name,
    prospectName: r.prospect_name,
    date: r.date,
    kind: r.kind,
    origin: r.origin,
    warmth: r.warmth,
    needsService: bool(r.needs_service),
    fitsProfile: bool(r.fits_profile),
    accepted: bool(r.accepted),
    status: r.status,
    statusDate: r.status_date,
    value: fromMinor(r.value_minor),
    currency: r.currency,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export function insertIntroduction(db: Db, id: string, w: IntroWrite, now: string): void {
  db.prepare(
    `INSERT INTO introductions (id, referrer_id, receiver_id, prospect_id, date, kind, origin, warmth,
       needs_service, fits_profile, accepted, status, status_date, value_minor, currency, notes, created_at, updated_at)
     VALUES (@id, @referrerId, @receiverId, @prospectId, @date, @kind, @origin, @warmth,
       @needsService, @fitsProfile, @accepted, @status, @statusDate, @valueMinor, @currency, @notes, @now, @now)`,
  ).run({
    ...w,
    id,
    needsService: bit(w.needsService),
    fitsProfile: bit(w.fitsProfile),
    accepted: bit(w.accepted),
    now,
  })
}

export function insertStatusChange(db: Db, id: string, introId: string, status: IntroStatus, date: string, now: string): void {
  db.prepare(
    'INSERT INTO introduction_status_history (id, introduction_id, status, date, created_at) VALUES (?, ?, ?, ?, ?)',
  ).run(id, introId, status, date, now)
}

const PATCH_COLS = {
  referrerId: 'referrer_id',
  receiverId: 'receiver_id',
  prospectId: 'prospect_id',
  date: 'date',
  kind: 'kind',
  origin: 'origin',
  warmth: 'warmth',
  needsService: 'needs_service',
  fitsProfile: 'fits_profile',
  accepted: 'accepted',
  status: 'status',
  statusDate: 'status_date',
  valueMinor: 'value_minor',
  currency: 'currency',
  notes: 'notes',
} as const

export function updateIntroduction(db: Db, id: string, patch: Partial<IntroWrite>, now: string): void {
  const sets: string[] = []
  const params: Record<string, unknown> = { id, now }
  for (const [k, col] of Object.entries(PATCH_COLS) as [keyof IntroWrite, string][]) {
    const v = patch[k]
    if (v === undefined) continue
    sets.push(`${col} = @${col}`)
    params[col] = typeof v === 'boolean' ? bit(v) : v
  }
  sets.push('updated_at = @now')
  db.prepare(`UPDATE introductions SET ${sets.join(', ')} WHERE id = @id`).run(params)
}

export interface StatusChangeRow {
  id: string
  status: IntroStatus
  date: string
}

/** An introduction's status changes, oldest first (the order the page shows and every rule reads). */
export function statusHistory(db: Db, introId: string): StatusChangeRow[] {
  return db
    .prepare('SELECT id, status, date FROM introduction_status_history WHERE introduction_id = ? ORDER BY date, created_at, id')
    .all(introId) as StatusChangeRow[]
}

export function setStatusChangeDate(db: Db, historyId: string, date: string): void {
  db.prepare('UPDATE introduction_status_history SET date = ? WHERE id = ?').run(date, historyId)
}

/**
 * Introductions that would join a person to themselves if `a` and `b` became
 * one person: between the two of them (even deleted ones: the table forbids
 * referrer = receiver), or live ones where one of them is the person introduced.
 */
export function introductionsJoining(db: Db, a: string, b: string): IntroRow[] {
  return db
    .prepare(
      `${SELECT} WHERE (i.referrer_id IN (@a, @b) AND i.receiver_id IN (@a, @b))
         OR (i.deleted_at IS NULL AND i.prospect_id IN (@a, @b) AND (i.referrer_id IN (@a, @b) OR i.receiver_id IN (@a, @b)))
       ORDER BY i.date, i.id LIMIT 20`,
    )
    .all({ a, b }) as IntroRow[]
}

export function getIntroRow(db: Db, id: string): IntroRow | null {
  return (db.prepare(`${SELECT} WHERE i.id = ? AND i.deleted_at IS NULL`).get(id) as IntroRow | undefined) ?? null
}

export function getIntroduction(db: Db, id: string): Introduction | null {
  const r = getIntroRow(db, id)
  if (!r) return null
  const history: StatusChange[] = statusHistory(db, id)
  return { ...rowToItem(r), notes: r.notes, history }
}

export interface IntroQuery {
  personId?: string | undefined
  referrerId?: string | undefined
  receiverId?: string | undefined
  prospectId?: string | undefined
  status?: IntroStatus | undefined
  kind?: IntroKind | undefined
  origin?: IntroOrigin | undefined
  from?: string | undefined
  to?: string | undefined
  search?: string | undefined
  sort: 'date' | 'referrer' | 'receiver' | 'prospect' | 'status' | 'value' | 'kind'
  dir: 'asc' | 'desc'
  offset: number
  limit: number
}

const INTRO_SORT: Record<IntroQuery['sort'], string> = {
  date: 'i.date',
  referrer: 'r.name_key',
  receiver: 'v.name_key',
  prospect: 'p.name_key',
  status: 'i.status',
  value: 'coalesce(i.value_minor, -1)',
  kind: 'i.kind',
}

export function listIntroductions(db: Db, q: IntroQuery): Paged<IntroductionListItem> {
  const where = ['i.deleted_at IS NULL']
  const params: Record<string, unknown> = { limit: q.limit, offset: q.offset }
  const eq = (col: string, key: keyof IntroQuery) => {
    if (q[key] !== undefined) {
      where.push(`${col} = @${key}`)
      params[key] = q[key]
    }
  }
  eq('i.referrer_id', 'referrerId')
  eq('i.receiver_id', 'receiverId')
  eq('i.prospect_id', 'prospectId')
  eq('i.status', 'status')
  eq('i.kind', 'kind')
  eq('i.origin', 'origin')
  if (q.personId) {
    // Any role; the UNION of index lookups keeps it fast on large networks.
    // `deleted_at IS NULL` lets each lookup use its partial role index.
    where.push(`i.id IN (SELECT id FROM introductions WHERE referrer_id = @personId AND deleted_at IS NULL
      UNION SELECT id FROM introductions WHERE receiver_id = @personId AND deleted_at IS NULL
      UNION SELECT id FROM introductions WHERE prospect_id = @personId AND deleted_at IS NULL)`)
    params.personId = q.personId
  }
  if (q.from) {
    where.push('i.date >= @from')
    params.from = q.from
  }
  if (q.to) {
    where.push('i.date <= @to')
    params.to = q.to
  }
  const search = q.search?.trim()
  if (search) {
    where.push("(r.name_key LIKE @s ESCAPE '\\' OR v.name_key LIKE @s ESCAPE '\\' OR p.name_key LIKE @s ESCAPE '\\')")
    params.s = `%${normalizeKey(search).replace(/[\\%_]/g, (c) => '\\' + c)}%`
  }
  const from = `FROM introductions i
    JOIN people r ON r.id = i.referrer_id
    JOIN people v ON v.id = i.receiver_id
    JOIN people p ON p.id = i.prospect_id
    WHERE ${where.join(' AND ')}`
  // Names are only needed to count when searching by name (foreign keys guarantee the joins match).
  const countFrom = search ? from : `FROM introductions i WHERE ${where.join(' AND ')}`
  const total = (db.prepare(`SELECT count(*) AS n ${countFrom}`).get(params) as { n: number }).n
  const dir = q.dir === 'desc' ? 'DESC' : 'ASC'
  const rows = db
    .prepare(
      `SELECT i.*, r.name AS referrer_name, v.name AS receiver_name, p.name AS prospect_name ${from}
       ORDER BY ${INTRO_SORT[q.sort]} ${dir}, i.date ${dir}, i.id ${dir} LIMIT @limit OFFSET @offset`,
    )
    .all(params) as IntroRow[]
  return { items: rows.map(rowToItem), total, offset: q.offset, limit: q.limit }
}

/** Moves the date of an introduction's first "new" entry with the introduction's own date. */
export function moveNewStatusDate(db: Db, id: string, date: string): void {
  db.prepare(
    `UPDATE introduction_status_history SET date = ? WHERE introduction_id = ? AND status = 'new'
     AND id = (SELECT id FROM introduction_status_history WHERE introduction_id = ? ORDER BY date, created_at, id LIMIT 1)`,
  ).run(date, id, id)
}

export function softDeleteIntroduction(db: Db, id: string, now: string): void {
  db.prepare('UPDATE introductions SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id)
}
