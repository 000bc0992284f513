import type { Group } from '../../shared/types'
import type { Db } from './connection'

/** Groups (chapters, clubs) and their memberships: the only place with their SQL. */

export function getGroup(db: Db, id: string): Group | null {
  const r = db
    .prepare(
      `SELECT g.*, (SELECT count(*) FROM memberships m JOIN people p ON p.id = m.person_id
         WHERE m.group_id = g.id AND p.deleted_at IS NULL) AS member_count
       FROM groups g WHERE g.id = ? AND g.deleted_at IS NULL`,
    )
    .get(id) as
    | { id: string; name: string; kind: string | null; member_count: number; created_at: string; updated_at: string }
    | undefined
  if (!r) return null
  return { id: r.id, name: r.name, kind: r.kind, memberCount: r.member_count, createdAt: r.created_at, updatedAt: r.updated_at }
}

/** Ids of the live groups, by name. */
export function groupIds(db: Db): string[] {
  return (db.prepare('SELECT id FROM groups WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE').all() as { id: string }[]).map((r) => r.id)
}

export function insertGroup(db: Db, g: { id: string; name: string; kind: string | null }, now: string): void {
  db.prepare('INSERT INTO groups (id, name, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(g.id, g.name, g.kind, now, now)
}

export function renameGroup(db: Db, id: string, name: string, now: string): void {
  db.prepare('UPDATE groups SET name = ?, updated_at = ? WHERE id = ?').run(name, now, id)
}

/** Soft-deletes a group; its memberships go (the members stay in the network). */
export function deleteGroup(db: Db, id: string, now: string): void {
  db.prepare('UPDATE groups SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id)
  db.prepare('DELETE FROM memberships WHERE group_id = ?').run(id)
}

export function addMembership(db: Db, groupId: string, personId: string, now: string): void {
  db.prepare('INSERT OR IGNORE INTO memberships (group_id, person_id, created_at) VALUES (?, ?, ?)').run(groupId, personId, now)
}

export function removeMembership(db: Db, groupId: string, personId: string): void {
  db.prepare('DELETE FROM memberships WHERE group_id = ? AND person_id = ?').run(groupId, personId)
}

export function groupExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM groups WHERE id = ? AND deleted_at IS NULL').get(id) !== undefined
}
