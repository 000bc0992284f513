import type { InsightPerson, LinkRows } from '../../core/insights/network'
import type { PredictorCell } from '../../core/insights/predictors'
import type { Db } from './connection'

/**
 * Insights queries: the relationship network as aggregates (one row per person,
 * one row per tied pair), and the predictors' cells. Introductions between
 * people who were deleted, and deleted introductions, do not count.
 */

const LIVE_INTROS = `introductions i
  JOIN people r ON r.id = i.referrer_id AND r.deleted_at IS NULL
  JOIN people v ON v.id = i.receiver_id AND v.deleted_at IS NULL`

/** The tables the insights read; any write to them moves the network's version. */
const WATCHED = ['people', 'introductions', 'interactions', 'groups', 'memberships'] as const
const watching = new WeakSet<Db>()

/**
 * The network's version: a per-connection counter bumped by TEMP triggers on
 * every insert, update and delete of the tables the insights read (installed on
 * first use), plus SQLite's data_version (commits by other connections). Reads,
 * and writes elsewhere (positions, settings, the change log), leave it alone.
 */
export function networkVersion(db: Db): string {
  if (!watching.has(db)) {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS insights_version (n INTEGER NOT NULL);
      INSERT INTO insights_version (n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM insights_version);
      ${WATCHED.flatMap((t) =>
        ['INSERT', 'UPDATE', 'DELETE'].map(
          (op) =>
            `CREATE TEMP TRIGGER IF NOT EXISTS insights_${t}_${op.toLowerCase()} AFTER ${op} ON main.${t} BEGIN UPDATE insights_version SET n = n + 1; END;`,
        ),
      ).join('\n')}`)
    watching.add(db)
  }
  const n = db.prepare('SELECT n FROM temp.insights_version').pluck().get() as number
  const dataVersion = db.pragma('data_version', { simple: true }) as number
  return `${n}:${dataVersion}`
}

/** Everyone (not deleted), with the won/decided counts of the introductions they made and their groups. */
export function insightPeople(db: Db): InsightPerson[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.name, p.company, p.profession, p.email, p.is_me,
         coalesce(m.won, 0) AS won, coalesce(m.decided, 0) AS decided
       FROM people p
       LEFT JOIN (
         SELECT i.referrer_id AS id, sum(i.status = 'won') AS won, sum(i.status IN ('won', 'lost', 'not_a_fit')) AS decided
         FROM ${LIVE_INTROS}
         WHERE i.deleted_at IS NULL
         GROUP BY i.referrer_id
       ) m ON m.id = p.id
       WHERE p.deleted_at IS NULL`,
    )
    .raw(true)
    .all() as [string, string, string | null, string | null, string | null, number, number, number][]
  const groups = new Map<string, string[]>()
  for (const [pid, gname] of db
    .prepare(
      `SELECT m.person_id, g.name FROM memberships m JOIN groups g ON g.id = m.group_id AND g.deleted_at IS NULL ORDER BY g.name`,
    )
    .raw(true)
    .all() as [string, string][]) {
    const l = groups.get(pid)
    if (l) l.push(gname)
    else groups.set(pid, [gname])
  }
  return rows.map(([id, name, company, profession, email, isMe, won, decided]) => ({
    id,
    name,
    company,
    profession,
    email,
    isMe: isMe === 1,
    madeWon: won,
    madeDecided: decided,
    groups: groups.get(id) ?? [],
  }))
}

/**
 * What ties people, as plain rows for core's foldTies: every live introduction
 * (referrer, receiver, prospect, won, decided, date), your contacts (interactions
 * other than notes) and who introduced whom into the network. Read whole rather
 * than grouped here: the pairs are about as many as the introductions, and a
 * GROUP BY over the text pairs cost 4-6 times the read plus the fold (bench/insights.ts).
 */
export function insightLinks(db: Db): LinkRows {
  const intros = db
    .prepare(
      `SELECT i.referrer_id, i.receiver_id, i.prospect_id, i.status = 'won', i.status IN ('won', 'lost', 'not_a_fit'), i.date
       FROM ${LIVE_INTROS} WHERE i.deleted_at IS NULL`,
    )
    .raw(true)
    .all() as LinkRows['intros']
  const contacts = db
    .prepare(
      `SELECT me.id, x.person_id, x.date FROM interactions x JOIN people me ON me.is_me = 1 AND me.deleted_at IS NULL
       WHERE x.deleted_at IS NULL AND x.kind <> 'note' AND x.person_id <> me.id
       UNION ALL
       SELECT p.introduced_by_id, p.id, substr(p.created_at, 1, 10) FROM people p
       WHERE p.deleted_at IS NULL AND p.introduced_by_id IS NOT NULL AND p.introduced_by_id <> p.id`,
    )
    .raw(true)
    .all() as LinkRows['contacts']
  return { intros, contacts }
}

/** Won and decided over every live introduction: the network's average the records are weighed toward. */
export function networkConversion(db: Db): { won: number; decided: number } {
  const r = db
    .prepare(
      `SELECT coalesce(sum(i.status = 'won'), 0) AS won, coalesce(sum(i.status IN ('won', 'lost', 'not_a_fit')), 0) AS decided
       FROM ${LIVE_INTROS} WHERE i.deleted_at IS NULL`,
    )
    .get() as { won: number; decided: number }
  return r
}

/** Decided introductions dated within [from, to] (null = open end), grouped by the predictors' factors. */
export function predictorCells(db: Db, from: string | null, to: string | null): PredictorCell[] {
  return db
    .prepare(
      `SELECT i.warmth AS warmth, i.needs_service AS needsService, i.fits_profile AS fitsProfile, i.accepted AS accepted,
         i.kind AS kind, i.origin AS origin, sum(i.status = 'won') AS won, count(*) AS decided
       FROM ${LIVE_INTROS}
       WHERE i.deleted_at IS NULL AND i.status IN ('won', 'lost', 'not_a_fit')
         AND (@from IS NULL OR i.date >= @from) AND (@to IS NULL OR i.date <= @to)
       GROUP BY 1, 2, 3, 4, 5, 6`,
    )
    .all({ from, to }) as PredictorCell[]
}
