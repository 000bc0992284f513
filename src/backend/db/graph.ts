import type { GraphEdgeData, GraphFilters } from '../../shared/channels/graph'
import { normalizeKey } from '../../core/text'
import type { Db } from './connection'

/**
 * Graph queries: SQL aggregates of introductions per (referrer -> receiver)
 * pair within the filters; never a load of every introduction.
 */

/**
 * The introductions the map reads: the table itself, or (with `asOf`) each one with the status it had
 * on that date: its current status when that was set by then, else the last one recorded by then
 * in its status history, else 'new'.
 */
function introSource(f: GraphFilters): string {
  if (!f.asOf) return 'introductions'
  return `(SELECT x.id, x.referrer_id, x.receiver_id, x.prospect_id, x.date, x.kind, x.origin, x.value_minor, x.currency, x.deleted_at,
      CASE WHEN x.status_date <= @asOf THEN x.status ELSE coalesce(
        (SELECT h.status FROM introduction_status_history h WHERE h.introduction_id = x.id AND h.date <= @asOf ORDER BY h.date DESC, h.created_at DESC LIMIT 1),
        'new') END AS status
    FROM introductions x WHERE x.date <= @asOf)`
}

function filterSql(f: GraphFilters): { where: string; params: Record<string, unknown> } {
  const w: string[] = ['i.deleted_at IS NULL']
  const params: Record<string, unknown> = {}
  if (f.from) {
    w.push('i.date >= @from')
    params.from = f.from
  }
  if (f.asOf) {
    w.push('i.date <= @asOf')
    params.asOf = f.asOf
  }
  if (f.to) {
    w.push('i.date <= @to')
    params.to = f.to
  }
  if (f.kind) {
    w.push('i.kind = @kind')
    params.kind = f.kind
  }
  if (f.origin) {
    w.push('i.origin = @origin')
    params.origin = f.origin
  }
  if (f.status === 'open') w.push("i.status IN ('new', 'contacted', 'meeting', 'proposal')")
  else if (f.status === 'decided') w.push("i.status IN ('won', 'lost', 'not_a_fit')")
  else if (f.status) {
    w.push('i.status = @status')
    params.status = f.status
  }
  if (f.groupId) {
    w.push(
      '(i.referrer_id IN (SELECT person_id FROM memberships WHERE group_id = @groupId) OR i.receiver_id IN (SELECT person_id FROM memberships WHERE group_id = @groupId))',
    )
    params.groupId = f.groupId
  }
  if (f.tag) {
    w.push(
      '(i.referrer_id IN (SELECT person_id FROM person_tags WHERE tag_key = @tagKey) OR i.receiver_id IN (SELECT person_id FROM person_tags WHERE tag_key = @tagKey))',
    )
    params.tagKey = normalizeKey(f.tag)
  }
  // Introductions between people who were deleted are gone from the map.
  w.push('r.deleted_at IS NULL AND v.deleted_at IS NULL')
  return { where: w.join(' AND '), params }
}

/** source, target, count, won, decided, value: rows come back as arrays (`raw`), which for thousands of pairs is about
 * twice as fast as one object per row plus a spread. */
type EdgeTuple = [string, string, number, number, number, number]
const edgeOf = (r: EdgeTuple, kind: GraphEdgeData['kind']): GraphEdgeData => ({
  source: r[0],
  target: r[1],
  kind,
  count: r[2],
  won: r[3],
  decided: r[4],
  valueMinor: r[5],
})

/** SQL: won value of introduction i in the main currency @main (an amount without a currency counts in it). */
const MAIN_VALUE = `coalesce(sum(CASE WHEN i.status = 'won' AND coalesce(i.currency, @main) = @main THEN i.value_minor END), 0)`

/** Introductions per (referrer -> receiver) pair within the filters; value in the main currency `main` only. */
export function partnerEdges(db: Db, f: GraphFilters, main: string): GraphEdgeData[] {
  const { where, params } = filterSql(f)
  const rows = db
    .prepare(
      `SELECT i.referrer_id AS source, i.receiver_id AS target, count(*) AS count,
         sum(i.status = 'won') AS won,
         sum(i.status IN ('won', 'lost', 'not_a_fit')) AS decided,
         ${MAIN_VALUE} AS value
       FROM ${introSource(f)} i
       JOIN people r ON r.id = i.referrer_id
       JOIN people v ON v.id = i.receiver_id
       WHERE ${where}
       GROUP BY i.referrer_id, i.receiver_id`,
    )
    .raw(true)
    .all({ ...params, main }) as EdgeTuple[]
  return rows.map((r) => edgeOf(r, 'partner'))
}

/**
 * Won value of the introductions each person made within the filters, per
 * currency ('' = none recorded): the side panel lists every currency, never a sum.
 */
export function wonValueByReferrer(db: Db, f: GraphFilters): { id: string; currency: string; minor: number }[] {
  const { where, params } = filterSql(f)
  return db
    .prepare(
      `SELECT i.referrer_id AS id, coalesce(i.currency, '') AS currency, sum(i.value_minor) AS minor
       FROM ${introSource(f)} i
       JOIN people r ON r.id = i.referrer_id
       JOIN people v ON v.id = i.receiver_id
       WHERE ${where} AND i.status = 'won' AND i.value_minor IS NOT NULL
       GROUP BY 1, 2`,
    )
    .all(params) as { id: string; currency: string; minor: number }[]
}

/** Introductions per (referrer -> prospect) pair within the filters; value in the main currency `main` only. */
export function prospectEdges(db: Db, f: GraphFilters, main: string): GraphEdgeData[] {
  const { where, params } = filterSql(f)
  const rows = db
    .prepare(
      `SELECT i.referrer_id AS source, i.prospect_id AS target, count(*) AS count,
         sum(i.status = 'won') AS won,
         sum(i.status IN ('won', 'lost', 'not_a_fit')) AS decided,
         ${MAIN_VALUE} AS value
       FROM ${introSource(f)} i
       JOIN people r ON r.id = i.referrer_id
       JOIN people v ON v.id = i.receiver_id
       JOIN people p ON p.id = i.prospect_id AND p.deleted_at IS NULL
       WHERE ${where}
       GROUP BY i.referrer_id, i.prospect_id`,
    )
    .raw(true)
    .all({ ...params, main }) as EdgeTuple[]
  return rows.map((r) => edgeOf(r, 'prospect'))
}

/**
 * Live, unarchived people who appear in no introduction at all (as referrer, receiver or prospect): partners the
 * map shows faintly so they can be found. The group and tag filters narrow them like the introductions; with `asOf`
 * only people recorded by then count. You are never among them (you are always on the map).
 */
export function isolatedPeople(db: Db, f: GraphFilters): string[] {
  const w = ['p.deleted_at IS NULL', 'p.archived_at IS NULL', 'p.is_me = 0']
  const params: Record<string, unknown> = {}
  if (f.asOf) {
    w.push("p.created_at <= @asOfEnd")
    params.asOfEnd = `${f.asOf}T99`
  }
  if (f.groupId) {
    w.push('p.id IN (SELECT person_id FROM memberships WHERE group_id = @groupId)')
    params.groupId = f.groupId
  }
  if (f.tag) {
    w.push('p.id IN (SELECT person_id FROM person_tags WHERE tag_key = @tagKey)')
    params.tagKey = normalizeKey(f.tag)
  }
  for (const col of ['referrer_id', 'receiver_id', 'prospect_id'])
    w.push(`NOT EXISTS (SELECT 1 FROM introductions i WHERE i.${col} = p.id AND i.deleted_at IS NULL)`)
  return (db.prepare(`SELECT p.id FROM people p WHERE ${w.join(' AND ')}`).pluck().all(params) as string[])
}

export interface PersonNodeRow {
  id: string
  name: string
  company: string | null
  profession: string | null
  is_me: number
  x: number | null
  y: number | null
}

/** People (with saved positions) by id. */
export function nodeRows(db: Db, ids: string[]): PersonNodeRow[] {
  if (!ids.length) return []
  return db
    .prepare(
      `SELECT p.id, p.name, p.company, p.profession, p.is_me, gp.x, gp.y
       FROM json_each(?) j
       JOIN people p ON p.id = j.value AND p.deleted_at IS NULL
       LEFT JOIN graph_positions gp ON gp.person_id = p.id`,
    )
    .all(JSON.stringify(ids)) as PersonNodeRow[]
}

/** Upserts positions; returns how many rows were written. Unknown people are skipped. */
export function upsertPositions(db: Db, positions: { id: string; x: number; y: number }[], now: string): number {
  const stmt = db.prepare(
    `INSERT INTO graph_positions (person_id, x, y, created_at, updated_at)
     SELECT @id, @x, @y, @now, @now WHERE EXISTS (SELECT 1 FROM people WHERE id = @id AND deleted_at IS NULL)
     ON CONFLICT (person_id) DO UPDATE SET x = excluded.x, y = excluded.y, updated_at = excluded.updated_at`,
  )
  let n = 0
  for (const p of positions) n += stmt.run({ id: p.id, x: p.x, y: p.y, now }).changes
  return n
}

export function clearPositions(db: Db): number {
  return db.prepare('DELETE FROM graph_positions').run().changes
}

/** Which of these ids are live people. */
export function livePeopleAmong(db: Db, ids: string[]): Set<string> {
  return new Set(
    (
      db.prepare('SELECT p.id FROM json_each(?) j JOIN people p ON p.id = j.value AND p.deleted_at IS NULL').all(JSON.stringify(ids)) as {
        id: string
      }[]
    ).map((r) => r.id),
  )
}
