import type { GeneratedNetwork } from '../../core/sample/generator'
import { normalizeEmail, normalizeKey } from '../../core/text'
import type { Statement } from 'better-sqlite3'
import type { Db } from './connection'

/**
 * Inserts a generated network with prepared statements. The caller owns the
 * transaction (the sample loader wraps it in one; the bench measures it).
 */
export function insertNetwork(db: Db, net: GeneratedNetwork, now: string): void {
  const person = db.prepare(
    `INSERT INTO people (id, name, name_key, company, profession, email, email_key, phone, city, ideal_client,
       how_met, introduced_by_id, is_me, cadence_days, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const tag = db.prepare('INSERT OR IGNORE INTO person_tags (person_id, tag, tag_key) VALUES (?, ?, ?)')
  const group = db.prepare('INSERT INTO groups (id, name, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
  const member = db.prepare('INSERT OR IGNORE INTO memberships (group_id, person_id, created_at) VALUES (?, ?, ?)')
  const intro = db.prepare(
    `INSERT INTO introductions (id, referrer_id, receiver_id, prospect_id, date, kind, origin, warmth, needs_service,
       fits_profile, accepted, status, status_date, value_minor, currency, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const hist = db.prepare(
    'INSERT INTO introduction_status_history (id, introduction_id, status, date, created_at) VALUES (?, ?, ?, ?, ?)',
  )
  const inter = db.prepare(
    `INSERT INTO interactions (id, person_id, kind, date, method, introduction_id, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const bit = (b: boolean | null) => (b === null ? null : b ? 1 : 0)
  // People who introduce others must exist first: insert without the link, then set it.
  const links: [string, string][] = []
  for (const p of net.people) {
    person.run(
      p.id, p.name, normalizeKey(p.name), p.company, p.profession, p.email, p.email ? normalizeEmail(p.email) : null,
      p.phone, p.city, p.idealClient, p.howMet, null, p.isMe ? 1 : 0, p.cadenceDays, `${p.createdAt}T09:00:00.000Z`, now,
    )
    if (p.introducedById) links.push([p.id, p.introducedById])
    for (const t of p.tags) tag.run(p.id, t, normalizeKey(t))
  }
  const link = db.prepare('UPDATE people SET introduced_by_id = ? WHERE id = ?')
  for (const [id, by] of links) link.run(by, id)
  for (const g of net.groups) {
    group.run(g.id, g.name, g.kind, now, now)
    for (const m of g.memberIds) member.run(g.id, m, now)
  }
  for (const i of net.introductions) {
    intro.run(
      i.id, i.referrerId, i.receiverId, i.prospectId, i.date, i.kind, i.origin, i.warmth, bit(i.needsService),
      bit(i.fitsProfile), bit(i.accepted), i.status, i.statusDate, i.valueMinor, i.currency, `${i.date}T12:00:00.000Z`, now,
    )
    for (const h of i.history) hist.run(h.id, i.id, h.status, h.date, `${h.date}T12:00:00.000Z`)
  }
  for (const x of net.interactions) {
    inter.run(x.id, x.personId, x.kind, x.date, x.method, x.introductionId, x.notes, `${x.date}T12:00:00.000Z`, now)
  }
}

export type JsonCell = string | number | null

/**
 * Inserts many rows into `table` with one statement per chunk: the chunk goes in as one JSON array parameter and
 * `jsonb_each` reads it back (value->>i gives TEXT for strings, INTEGER or REAL for numbers, NULL for null: in a
 * STRICT table the same values one statement run per row would store). Cheaper than a run per row for narrow
 * rows such as tags (one call into SQLite per chunk instead of per row).
 */
export class JsonRowsInserter {
  private readonly stmt: Statement
  private pending: JsonCell[][] = []

  constructor(
    db: Db,
    table: string,
    columns: readonly string[],
    private readonly opts: { orIgnore?: boolean; chunk?: number } = {},
  ) {
    const verb = opts.orIgnore ? 'INSERT OR IGNORE' : 'INSERT'
    const cols = columns.map((c) => `"${c}"`).join(', ')
    this.stmt = db.prepare(`${verb} INTO "${table}" (${cols}) SELECT ${columns.map((_, i) => `value->>${i}`).join(', ')} FROM jsonb_each(?)`)
  }

  /** Queues a row; a full chunk is written at once. */
  add(row: JsonCell[]): void {
    this.pending.push(row)
    if (this.pending.length >= (this.opts.chunk ?? 2000)) this.flush()
  }

  /** Writes the queued rows. */
  flush(): void {
    if (this.pending.length === 0) return
    const json = JSON.stringify(this.pending)
    this.pending = []
    this.stmt.run(json)
  }
}
