import type { InteractionKind } from '../../shared/schemas'
import type { LoopInteraction, PersonCard, TaskItem } from '../../shared/channels/followup'
import { fromMinor } from './introductions'
import type { Db } from './connection'

/** Queries of the follow-up loop: interactions, tasks and the candidates the rules look at. */

interface InteractionRow {
  id: string
  person_id: string
  kind: InteractionKind
  date: string
  method: string | null
  introduction_id: string | null
  notes: string | null
  answered_at: string | null
  about?: string | null
  created_at: string
}

const INTERACTION_SELECT = `SELECT x.*, p.name AS about FROM interactions x
  LEFT JOIN introductions i ON i.id = x.introduction_id
  LEFT JOIN people p ON p.id = i.prospect_id`

const toInteraction = (r: InteractionRow): LoopInteraction => ({
  id: r.id,
  personId: r.person_id,
  kind: r.kind,
  date: r.date,
  method: r.method,
  introductionId: r.introduction_id,
  notes: r.notes,
  answeredAt: r.answered_at,
  about: r.about ?? null,
  createdAt: r.created_at,
})

export interface InteractionWrite {
  personId: string
  kind: InteractionKind
  date: string
  method: string | null
  introductionId: string | null
  notes: string | null
}

export function insertInteraction(db: Db, id: string, w: InteractionWrite, now: string): void {
  db.prepare(
    `INSERT INTO interactions (id, person_id, kind, date, method, introduction_id, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, w.personId, w.kind, w.date, w.method, w.introductionId, w.notes, now, now)
}

export function getInteraction(db: Db, id: string): LoopInteraction | null {
  const r = db.prepare(`${INTERACTION_SELECT} WHERE x.id = ? AND x.deleted_at IS NULL`).get(id) as InteractionRow | undefined
  return r ? toInteraction(r) : null
}

export function listInteractions(db: Db, personId: string, limit: number): LoopInteraction[] {
  return (
    db
      .prepare(
        `${INTERACTION_SELECT} WHERE x.person_id = ? AND x.deleted_at IS NULL
         ORDER BY x.date DESC, x.created_at DESC, x.id DESC LIMIT ?`,
      )
      .all(personId, limit) as InteractionRow[]
  ).map(toInteraction)
}

/** Last one-to-one, meeting or call with the person. */
export function lastContacted(db: Db, personId: string): string | null {
  const r = db
    .prepare(
      `SELECT max(date) AS d FROM interactions
       WHERE person_id = ? AND deleted_at IS NULL AND kind IN ('one_to_one', 'meeting', 'call')`,
    )
    .get(personId) as { d: string | null }
  return r.d
}

export function softDeleteInteraction(db: Db, id: string, now: string): void {
  db.prepare('UPDATE interactions SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id)
  // A rule-made task about a deleted interaction no longer has a reason to exist.
  db.prepare(
    "UPDATE tasks SET status = 'dismissed', done_at = ?, updated_at = ? WHERE interaction_id = ? AND status = 'open'",
  ).run(now, now, id)
}

export function setAnswered(db: Db, id: string, answeredAt: string | null, now: string): void {
  db.prepare('UPDATE interactions SET answered_at = ?, updated_at = ? WHERE id = ?').run(answeredAt, now, id)
}

export function getPersonCard(db: Db, id: string): PersonCard | null {
  const r = db
    .prepare(
      `SELECT id, name, company, profession, email, ideal_client AS idealClient, how_met AS howMet
       FROM people WHERE id = ? AND deleted_at IS NULL`,
    )
    .get(id) as PersonCard | undefined
  return r ?? null
}

// ---- Tasks

interface TaskRow {
  id: string
  kind: string
  title: string
  person_id: string | null
  person_name: string | null
  introduction_id: string | null
  interaction_id: string | null
  due_date: string
  status: string
  notes: string | null
}

const TASK_SELECT = `SELECT t.*, p.name AS person_name FROM tasks t LEFT JOIN people p ON p.id = t.person_id`

export function toTask(r: TaskRow, daysOverdue: number): TaskItem {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    personId: r.person_id,
    personName: r.person_name,
    introductionId: r.introduction_id,
    interactionId: r.interaction_id,
    dueDate: r.due_date,
    daysOverdue,
    notes: r.notes,
  }
}

export function getTaskRow(db: Db, id: string): TaskRow | null {
  return (db.prepare(`${TASK_SELECT} WHERE t.id = ? AND t.deleted_at IS NULL`).get(id) as TaskRow | undefined) ?? null
}

export function listOpenTasks(db: Db, limit = 500): TaskRow[] {
  return db
    .prepare(`${TASK_SELECT} WHERE t.status = 'open' AND t.deleted_at IS NULL ORDER BY t.due_date, t.id LIMIT ?`)
    .all(limit) as TaskRow[]
}

export interface TaskWrite {
  kind: string
  title: string
  personId: string | null
  introductionId: string | null
  interactionId: string | null
  dueDate: string
  notes: string | null
  ruleKey: string | null
}

/** Inserts a task; with a rule key, a second insert for the same key does nothing. Returns whether a row was added. */
export function insertTask(db: Db, id: string, w: TaskWrite, now: string): boolean {
  const r = db
    .prepare(
      `INSERT INTO tasks (id, kind, title, person_id, introduction_id, interaction_id, due_date, notes, rule_key, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    )
    .run(id, w.kind, w.title, w.personId, w.introductionId, w.interactionId, w.dueDate, w.notes, w.ruleKey, now, now)
  return r.changes > 0
}

export function setTaskStatus(db: Db, id: string, status: 'open' | 'done' | 'dismissed', now: string): void {
  db.prepare('UPDATE tasks SET status = ?, done_at = ?, updated_at = ? WHERE id = ?').run(
    status,
    status === 'open' ? null : now,
    now,
    id,
  )
}

export function setTaskDue(db: Db, id: string, due: string, now: string): void {
  db.prepare('UPDATE tasks SET due_date = ?, updated_at = ? WHERE id = ?').run(due, now, id)
}

// ---- Candidates for the rules

export interface IntroCandidateRow {
  id: string
  referrer_id: string
  referrer_name: string
  prospect_id: string
  prospect_name: string
  prospect_email: string | null
  date: string
  status: string
  status_date: string
  value_minor: number | null
  currency: string | null
  last_thank: string | null
  last_ask: string | null
}

const CANDIDATE_SELECT = `
  SELECT i.id, i.referrer_id, r.name AS referrer_name, i.prospect_id, p.name AS prospect_name, p.email AS prospect_email,
    i.date, i.status, i.status_date, i.value_minor, i.currency,
    (SELECT max(t.date) FROM interactions t
      WHERE t.introduction_id = i.id AND +t.kind = 'thank_you' AND t.deleted_at IS NULL) AS last_thank,
    (SELECT max(a.date) FROM interactions a
      WHERE a.person_id = i.prospect_id AND a.kind = 'ask' AND a.deleted_at IS NULL) AS last_ask
  FROM introductions i
  JOIN people r ON r.id = i.referrer_id
  JOIN people p ON p.id = i.prospect_id
  WHERE i.deleted_at IS NULL AND i.receiver_id = @me AND r.deleted_at IS NULL AND p.deleted_at IS NULL`

/**
 * Won introductions to you with no thank-you dated on or after the win (the SQL
 * form of core/loop isWinThanked), newest win first, then most valuable.
 */
export function unthankedWins(db: Db, me: string, today: string, limit: number): { rows: IntroCandidateRow[]; total: number } {
  const where = `i.deleted_at IS NULL AND i.receiver_id = @me AND i.status = 'won' AND i.status_date <= @today
    AND NOT EXISTS (SELECT 1 FROM interactions t WHERE t.introduction_id = i.id AND +t.kind = 'thank_you'
      AND t.deleted_at IS NULL AND t.date >= i.status_date)`
  const rows = db
    .prepare(
      `${CANDIDATE_SELECT} AND ${where.replace('i.deleted_at IS NULL AND i.receiver_id = @me AND ', '')}
       ORDER BY i.status_date DESC, i.value_minor DESC, i.id LIMIT @limit`,
    )
    .all({ me, today, limit }) as IntroCandidateRow[]
  const total =
    rows.length < limit
      ? rows.length
      : (db.prepare(`SELECT count(*) AS n FROM introductions i WHERE ${where}`).get({ me, today }) as { n: number }).n
  return { rows, total }
}

/** Introductions won by you (received), newest win first. */
export function wonReceived(db: Db, me: string, fromDate: string | null): IntroCandidateRow[] {
  return db
    .prepare(
      `${CANDIDATE_SELECT} AND i.status = 'won' AND (@from IS NULL OR i.status_date >= @from)
       ORDER BY i.status_date DESC, i.value_minor DESC, i.id`,
    )
    .all({ me, from: fromDate }) as IntroCandidateRow[]
}

/** Introductions received since a date that are not won (yet). */
export function recentReceived(db: Db, me: string, fromDate: string): IntroCandidateRow[] {
  return db
    .prepare(`${CANDIDATE_SELECT} AND i.status <> 'won' AND i.date >= @from ORDER BY i.date DESC, i.value_minor DESC, i.id`)
    .all({ me, from: fromDate }) as IntroCandidateRow[]
}

export const money = fromMinor

export interface AskRow {
  id: string
  person_id: string
  person_name: string
  introduction_id: string | null
  date: string
  answered_at: string | null
  intro_from: string | null
  task_id: string | null
  task_status: string | null
}

/** Asks with whether the client has since introduced someone, and their follow-up task if any. */
export function asksWithState(db: Db, onlyOpen: boolean): AskRow[] {
  return db
    .prepare(
      `SELECT a.id, a.person_id, p.name AS person_name, a.introduction_id, a.date, a.answered_at,
         (SELECT min(i.date) FROM introductions i
           WHERE i.referrer_id = a.person_id AND i.date >= a.date AND i.deleted_at IS NULL) AS intro_from,
         t.id AS task_id, t.status AS task_status
       FROM interactions a
       JOIN people p ON p.id = a.person_id
       LEFT JOIN tasks t ON t.rule_key = 'ask-followup:' || a.id
       WHERE a.kind = 'ask' AND a.deleted_at IS NULL AND p.deleted_at IS NULL
         ${onlyOpen ? "AND (t.id IS NULL OR t.status = 'open')" : ''}
       ORDER BY a.date, a.id`,
    )
    .all() as AskRow[]
}

export interface ContactRow {
  id: string
  name: string
  company: string | null
  cadence_days: number | null
  since: string
  last_contact: string | null
  planned: string | null
}

const LAST_CONTACT = `last_contact(person_id, d) AS (
         SELECT person_id, max(date) FROM interactions
         WHERE deleted_at IS NULL AND kind IN ('one_to_one', 'meeting', 'call') GROUP BY person_id)`
const PLANNED = `planned(person_id, d) AS (
         SELECT person_id, min(due_date) FROM tasks
         WHERE kind = 'meeting' AND status = 'open' AND deleted_at IS NULL AND person_id IS NOT NULL GROUP BY person_id)`

/** People with their own cadence, or (with a default cadence) everyone you exchanged introductions with. */
export function cadenceCandidates(db: Db, me: string, withDefault: boolean): ContactRow[] {
  return db
    .prepare(
      `WITH partners(id) AS (
         SELECT referrer_id FROM introductions WHERE deleted_at IS NULL AND receiver_id = @me AND @withDefault = 1
         UNION SELECT receiver_id FROM introductions WHERE deleted_at IS NULL AND referrer_id = @me AND @withDefault = 1),
       ${LAST_CONTACT}, ${PLANNED}
       SELECT p.id, p.name, p.company, p.cadence_days, substr(p.created_at, 1, 10) AS since,
         lc.d AS last_contact, pl.d AS planned
       FROM people p
       LEFT JOIN last_contact lc ON lc.person_id = p.id
       LEFT JOIN planned pl ON pl.person_id = p.id
       WHERE p.deleted_at IS NULL AND p.archived_at IS NULL AND p.is_me = 0
         AND (p.cadence_days IS NOT NULL OR p.id IN (SELECT id FROM partners))`,
    )
    .all({ me, withDefault: withDefault ? 1 : 0 }) as ContactRow[]
}

export interface FlowRow {
  id: string
  name: string
  company: string | null
  n: number
  first: string
  last: string
  recent: number
  before: number
  last_contact: string | null
  planned: string | null
}

/** Partners who sent you at least `min` introductions up to today: how many, first and last date. */
export function referralFlows(db: Db, me: string, today: string, min: number, windows: { recentFrom: string; beforeFrom: string }): FlowRow[] {
  return db
    .prepare(
      `WITH flows(id, n, first, last, recent, before) AS (
         SELECT referrer_id, count(*), min(date), max(date),
           sum(date >= @recentFrom), sum(date >= @beforeFrom AND date < @recentFrom)
         FROM introductions
         WHERE deleted_at IS NULL AND receiver_id = @me AND date <= @today
         GROUP BY referrer_id HAVING count(*) >= @min),
       ${LAST_CONTACT}, ${PLANNED}
       SELECT p.id, p.name, p.company, f.n, f.first, f.last, f.recent, f.before, lc.d AS last_contact, pl.d AS planned
       FROM flows f JOIN people p ON p.id = f.id
       LEFT JOIN last_contact lc ON lc.person_id = p.id
       LEFT JOIN planned pl ON pl.person_id = p.id
       WHERE p.deleted_at IS NULL AND p.archived_at IS NULL`,
    )
    .all({ me, today, min, ...windows }) as FlowRow[]
}

/** Closes the open task a rule made under `ruleKey` (e.g. an ask's follow-up once the ask is answered). */
export function closeRuleTask(db: Db, ruleKey: string, now: string): void {
  db.prepare("UPDATE tasks SET status = 'done', done_at = ?, updated_at = ? WHERE rule_key = ? AND status = 'open'").run(now, now, ruleKey)
}
