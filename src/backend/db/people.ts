import { normalizeEmail, normalizeKey } from '../../core/text'
import type { Paged, Person, PersonListItem } from '../../shared/types'
import type { Db } from './connection'

interface PersonRow {
  id: string
  name: string
  company: string | null
  profession: string | null
  email: string | null
  phone: string | null
  website: string | null
  city: string | null
  ideal_client: string | null
  how_met: string | null
  introduced_by_id: string | null
  notes: string | null
  is_me: number
  cadence_days: number | null
  archived_at: string | null
  created_at: string
  updated_at: string
}

export interface PersonWrite {
  name: string
  company?: string | null
  profession?: string | null
  email?: string | null
  phone?: string | null
  website?: string | null
  city?: string | null
  idealClient?: string | null
  howMet?: string | null
  introducedById?: string | null
  notes?: string | null
  cadenceDays?: number | null
  isMe?: boolean
}

const COLS: Record<keyof Omit<PersonWrite, 'isMe'>, string> = {
  name: 'name',
  company: 'company',
  profession: 'profession',
  email: 'email',
  phone: 'phone',
  website: 'website',
  city: 'city',
  idealClient: 'ideal_client',
  howMet: 'how_met',
  introducedById: 'introduced_by_id',
  notes: 'notes',
  cadenceDays: 'cadence_days',
}

export function personExists(db: Db, id: string): boolean {
  return !!db.prepare('SELECT 1 FROM people WHERE id = ? AND deleted_at IS NULL').get(id)
}

export function getMeId(db: Db): string | null {
  const r = db.prepare('SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL').get() as { id: string } | undefined
  return r?.id ?? null
}

export function insertPerson(db: Db, id: string, p: PersonWrite, now: string): void {
  db.prepare(
    `INSERT INTO people (id, name, name_key, company, profession, email, email_key, phone, website, city,
       ideal_client, how_met, introduced_by_id, notes, is_me, cadence_days, created_at, updated_at)
     VALUES (@id, @name, @name_key, @company, @profession, @email, @email_key, @phone, @website, @city,
       @ideal_client, @how_met, @introduced_by_id, @notes, @is_me, @cadence_days, @now, @now)`,
  ).run({
    id,
    name: p.name,
    name_key: normalizeKey(p.name),
    company: p.company ?? null,
    profession: p.profession ?? null,
    email: p.email ?? null,
    email_key: p.email ? normalizeEmail(p.email) : null,
    phone: p.phone ?? null,
    website: p.website ?? null,
    city: p.city ?? null,
    ideal_client: p.idealClient ?? null,
    how_met: p.howMet ?? null,
    introduced_by_id: p.introducedById ?? null,
    notes: p.notes ?? null,
    is_me: p.isMe ? 1 : 0,
    cadence_days: p.cadenceDays ?? null,
    now,
  })
}

export function updatePerson(db: Db, id: string, patch: Partial<PersonWrite>, now: string): void {
  const sets: string[] = []
  const params: Record<string, unknown> = { id, now }
  for (const [k, col] of Object.entries(COLS) as [keyof typeof COLS, string][]) {
    if (patch[k] === undefined) continue
    sets.push(`${col} = @${col}`)
    params[col] = patch[k]
  }
  if (patch.name !== undefined) {
    sets.push('name_key = @name_key')
    params.name_key = normalizeKey(patch.name)
  }
  if (patch.email !== undefined) {
    sets.push('email_key = @email_key')
    params.email_key = patch.email ? normalizeEmail(patch.email) : null
  }
  sets.push('updated_at = @now')
  db.prepare(`UPDATE people SET ${sets.join(', ')} WHERE id = @id`).run(params)
}

export function setTags(db: Db, personId: string, tags: string[]): void {
  db.prepare('DELETE FROM person_tags WHERE person_id = ?').run(personId)
  const ins = db.prepare('INSERT OR IGNORE INTO person_tags (person_id, tag, tag_key) VALUES (?, ?, ?)')
  for (const t of tags) ins.run(personId, t, normalizeKey(t))
}

export function setGroups(db: Db, personId: string, groupIds: string[], now: string): void {
  db.prepare('DELETE FROM memberships WHERE person_id = ?').run(personId)
  const ins = db.prepare('INSERT OR IGNORE INTO memberships (group_id, person_id, created_at) VALUES (?, ?, ?)')
  for (const g of groupIds) ins.run(g, personId, now)
}

export function getPerson(db: Db, id: string): Person | null {
  const r = db.prepare('SELECT * FROM people WHERE id = ? AND deleted_at IS NULL').get(id) as PersonRow | undefined
  if (!r) return null
  const tags = (db.prepare('SELECT tag FROM person_tags WHERE person_id = ? ORDER BY tag_key').all(id) as { tag: string }[]).map(
    (t) => t.tag,
  )
  const groupIds = (
    db
      .prepare(
        `SELECT m.group_id FROM memberships m JOIN groups g ON g.id = m.group_id
         WHERE m.person_id = ? AND g.deleted_at IS NULL ORDER BY g.name COLLATE NOCASE`,
      )
      .all(id) as { group_id: string }[]
  ).map((g) => g.group_id)
  return {
    id: r.id,
    name: r.name,
    company: r.company,
    profession: r.profession,
    email: r.email,
    phone: r.phone,
    website: r.website,
    city: r.city,
    tags,
    groupIds,
    idealClient: r.ideal_client,
    howMet: r.how_met,
    introducedById: r.introduced_by_id,
    notes: r.notes,
    isMe: r.is_me === 1,
    cadenceDays: r.cadence_days,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export interface PeopleQuery {
  search?: string | undefined
  sort: 'name' | 'company' | 'profession' | 'city' | 'updated' | 'received' | 'given'
  dir: 'asc' | 'desc'
  offset: number
  limit: number
  includeArchived: boolean
  groupId?: string | undefined
  tag?: string | undefined
}

const SORT_SQL: Record<PeopleQuery['sort'], string> = {
  name: 'p.name_key',
  company: "coalesce(p.company, '') COLLATE NOCASE",
  profession: "coalesce(p.profession, '') COLLATE NOCASE",
  city: "coalesce(p.city, '') COLLATE NOCASE",
  updated: 'p.updated_at',
  received: 'received',
  given: 'given',
}

/** One page of people, filtered, sorted and counted in SQL. */
export function listPeople(db: Db, q: PeopleQuery, meId: string | null): Paged<PersonListItem> {
  const where: string[] = ['p.deleted_at IS NULL']
  const params: Record<string, unknown> = { me: meId ?? '', limit: q.limit, offset: q.offset }
  if (!q.includeArchived) where.push('p.archived_at IS NULL')
  const search = q.search?.trim()
  if (search) {
    where.push("(p.name_key LIKE @s ESCAPE '\\' OR p.company LIKE @s ESCAPE '\\' OR p.email_key LIKE @s ESCAPE '\\' OR p.profession LIKE @s ESCAPE '\\')")
    params.s = `%${normalizeKey(search).replace(/[\\%_]/g, (c) => '\\' + c)}%`
  }
  if (q.groupId) {
    where.push('EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id AND m.group_id = @groupId)')
    params.groupId = q.groupId
  }
  if (q.tag) {
    where.push('EXISTS (SELECT 1 FROM person_tags t WHERE t.person_id = p.id AND t.tag_key = @tag)')
    params.tag = normalizeKey(q.tag)
  }
  const whereSql = where.join(' AND ')
  const total = (db.prepare(`SELECT count(*) AS n FROM people p WHERE ${whereSql}`).get(params) as { n: number }).n
  const needsCounts = q.sort === 'received' || q.sort === 'given'
  // Unary + keeps SQLite on the per-person index: "you" are on most introductions.
  const countCols = `
      (SELECT count(*) FROM introductions i WHERE i.referrer_id = p.id AND +i.receiver_id = @me AND i.deleted_at IS NULL) AS received,
      (SELECT count(*) FROM introductions i WHERE i.receiver_id = p.id AND +i.referrer_id = @me AND i.deleted_at IS NULL) AS given`
  const dir = q.dir === 'desc' ? 'DESC' : 'ASC'
  const sql = needsCounts
    ? `SELECT p.*, ${countCols} FROM people p WHERE ${whereSql}
       ORDER BY ${SORT_SQL[q.sort]} ${dir}, p.name_key, p.id LIMIT @limit OFFSET @offset`
    : `SELECT q.*, ${countCols.replace(/p\.id/g, 'q.id')} FROM (
         SELECT p.* FROM people p WHERE ${whereSql}
         ORDER BY ${SORT_SQL[q.sort]} ${dir}, p.name_key, p.id LIMIT @limit OFFSET @offset) q
       ORDER BY ${SORT_SQL[q.sort].replace(/\bp\./g, 'q.')} ${dir}, q.name_key, q.id`
  const rows = db.prepare(sql).all(params) as (PersonRow & { received: number; given: number })[]
  const tagStmt = db.prepare('SELECT tag FROM person_tags WHERE person_id = ? ORDER BY tag_key')
  const items = rows.map((r) => ({
    id: r.id,
    name: r.name,
    company: r.company,
    profession: r.profession,
    email: r.email,
    city: r.city,
    tags: (tagStmt.all(r.id) as { tag: string }[]).map((t) => t.tag),
    isMe: r.is_me === 1,
    archived: r.archived_at !== null,
    introsReceivedFrom: r.received,
    introsGivenTo: r.given,
    updatedAt: r.updated_at,
  }))
  return { items, total, offset: q.offset, limit: q.limit }
}

export interface PersonKeyRow {
  id: string
  name: string
  company: string | null
  email: string | null
  email_key: string | null
  is_me: number
  archived_at: string | null
}

/** Live people with this name key or this email key (the candidates for a duplicate), by index lookups. */
export function peopleByKeys(db: Db, nameKey: string, emailKey: string | null, excludeId: string | null): PersonKeyRow[] {
  return db
    .prepare(
      `SELECT id, name, company, email, email_key, is_me, archived_at FROM people
       WHERE deleted_at IS NULL AND id <> @ex AND (name_key = @nk OR (@ek IS NOT NULL AND email_key = @ek))
       ORDER BY name_key, id LIMIT 200`,
    )
    .all({ nk: nameKey, ek: emailKey, ex: excludeId ?? '' }) as PersonKeyRow[]
}

/** A column of some table that refers to a person (read from the schema's foreign keys, so new tables are covered). */
export interface PersonRef {
  table: string
  column: string
  /** The column is part of the table's primary key (tags, memberships, positions): a row the kept person already has is dropped. */
  keyed: boolean
  /** The table's other primary-key columns (what makes a keyed row the same as one the kept person has). */
  otherKey: string[]
}

export function personRefs(db: Db): PersonRef[] {
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (t) => t.name,
  )
  const out: PersonRef[] = []
  for (const table of tables) {
    const fks = db.prepare('SELECT "table" AS ref, "from" AS col FROM pragma_foreign_key_list(?)').all(table) as { ref: string; col: string }[]
    const pk = (db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(table) as { name: string }[]).map((c) => c.name)
    for (const fk of fks)
      if (fk.ref === 'people') out.push({ table, column: fk.col, keyed: pk.includes(fk.col), otherKey: pk.filter((c) => c !== fk.col) })
  }
  return out
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * How many rows of each referring column would move from `mergeId` to `keepId`
 * (soft-deleted rows included: they move too; keyed rows the kept person
 * already has do not count).
 */
export function countPersonRefs(db: Db, keepId: string, mergeId: string, refs = personRefs(db)): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of refs) {
    const t = q(r.table)
    const c = q(r.column)
    let sql = `SELECT count(*) AS n FROM ${t} AS a WHERE a.${c} = @merge`
    if (r.keyed && r.otherKey.length > 0)
      sql += ` AND NOT EXISTS (SELECT 1 FROM ${t} AS b WHERE b.${c} = @keep AND ${r.otherKey.map((k) => `b.${q(k)} = a.${q(k)}`).join(' AND ')})`
    else if (r.keyed) sql += ` AND NOT EXISTS (SELECT 1 FROM ${t} AS b WHERE b.${c} = @keep)`
    if (r.table === 'people') sql += ' AND a.id NOT IN (@keep, @merge)'
    out[`${r.table}.${r.column}`] = (db.prepare(sql).get({ keep: keepId, merge: mergeId }) as { n: number }).n
  }
  return out
}

/**
 * Points every reference to `mergeId` at `keepId`. Rows keyed by the person
 * (a tag, a membership, a map position) that the kept person already has are
 * dropped; every other row moves. People who were introduced by the merged one
 * now were by the kept one (the kept person's own "introduced by" is the
 * caller's to set). Returns the rows moved per `table.column`.
 */
export function movePersonRefs(db: Db, keepId: string, mergeId: string, refs = personRefs(db)): Record<string, number> {
  const moved: Record<string, number> = {}
  for (const r of refs) {
    const t = q(r.table)
    const c = q(r.column)
    let n: number
    if (r.keyed) {
      n = db.prepare(`UPDATE OR IGNORE ${t} SET ${c} = ? WHERE ${c} = ?`).run(keepId, mergeId).changes
      db.prepare(`DELETE FROM ${t} WHERE ${c} = ?`).run(mergeId)
    } else if (r.table === 'people') {
      n = db.prepare(`UPDATE people SET ${c} = ? WHERE ${c} = ? AND id NOT IN (?, ?)`).run(keepId, mergeId, keepId, mergeId).changes
    } else {
      n = db.prepare(`UPDATE ${t} SET ${c} = ? WHERE ${c} = ?`).run(keepId, mergeId).changes
    }
    moved[`${r.table}.${r.column}`] = n
  }
  return moved
}

/** Soft-deletes a person merged into another, remembering which. */
export function markMerged(db: Db, mergeId: string, keepId: string, now: string): void {
  db.prepare(
    'UPDATE people SET deleted_at = ?, archived_at = coalesce(archived_at, ?), merged_into_id = ?, updated_at = ? WHERE id = ?',
  ).run(now, now, keepId, now, mergeId)
}

export function setArchived(db: Db, id: string, archivedAt: string | null, now: string): void {
  db.prepare('UPDATE people SET archived_at = ?, updated_at = ? WHERE id = ?').run(archivedAt, now, id)
}

/** Makes `id` the one "you" of the network (and un-archives them). */
export function setMe(db: Db, id: string, now: string): void {
  db.prepare('UPDATE people SET is_me = 0, updated_at = ? WHERE is_me = 1').run(now)
  db.prepare('UPDATE people SET is_me = 1, archived_at = NULL, updated_at = ? WHERE id = ?').run(now, id)
}

/** Every tag in use by live people, with how many carry it. */
export function tagCounts(db: Db): { tag: string; count: number }[] {
  return db
    .prepare(
      `SELECT min(t.tag) AS tag, count(*) AS count FROM person_tags t JOIN people p ON p.id = t.person_id
       WHERE p.deleted_at IS NULL GROUP BY t.tag_key ORDER BY t.tag_key`,
    )
    .all() as { tag: string; count: number }[]
}

/** Live people, for the first-run check. */
export function countPeople(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM people WHERE deleted_at IS NULL').get() as { n: number }).n
}

/** Name and company of a person, archived or merged ones included. */
export function personBrief(db: Db, id: string): { id: string; name: string; company: string | null } | null {
  return (db.prepare('SELECT id, name, company FROM people WHERE id = ?').get(id) as { id: string; name: string; company: string | null } | undefined) ?? null
}
