import type { Statement } from 'better-sqlite3'
import type { Db } from './connection'

export interface ImportStatements {
  person: Statement
  tag: Statement
  getPerson: Statement
  intro: Statement
  hist: Statement
  touch: Statement
  updates: Map<string, Statement>
}

/** The import's writes: the only place with their SQL. Prepared once per import. */
export function importStatements(db: Db, mergeColumns: readonly string[]): ImportStatements {
  return {
    person: db.prepare(
      `INSERT INTO people (id, name, name_key, company, profession, email, email_key, phone, website, city, ideal_client, how_met, notes,
         is_me, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
    ),
    tag: db.prepare('INSERT OR IGNORE INTO person_tags (person_id, tag, tag_key) VALUES (?, ?, ?)'),
    /** Only the columns a merge may fill. */
    getPerson: db.prepare(`SELECT ${mergeColumns.join(', ')} FROM people WHERE id = ?`),
    intro: db.prepare(
      `INSERT INTO introductions (id, referrer_id, receiver_id, prospect_id, date, kind, origin, warmth, status, status_date, value_minor,
         currency, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    hist: db.prepare('INSERT INTO introduction_status_history (id, introduction_id, status, date, created_at) VALUES (?, ?, ?, ?, ?)'),
    touch: db.prepare('UPDATE people SET updated_at = ? WHERE id = ?'),
    /** Merge updates by the set of columns they fill. */
    updates: new Map<string, Statement>(),
  }
}

/** Fills the given columns of a stored person (a merge), with one statement per set of columns. */
export function fillPersonColumns(db: Db, s: ImportStatements, id: string, columns: string[], values: unknown[], now: string): void {
  const sql = `UPDATE people SET ${columns.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`
  let st = s.updates.get(sql)
  if (!st) s.updates.set(sql, (st = db.prepare(sql)))
  st.run(...values, now, id)
}

/** "referrer|receiver|prospect|date" of every live introduction: the import's duplicate check. */
export function introductionKeys(db: Db): Set<string> {
  const out = new Set<string>()
  for (const r of db.prepare('SELECT referrer_id, receiver_id, prospect_id, date FROM introductions WHERE deleted_at IS NULL').raw().iterate() as IterableIterator<string[]>)
    out.add(`${r[0]}|${r[1]}|${r[2]}|${r[3]}`)
  return out
}
