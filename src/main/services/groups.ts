import { uuidv7 } from '../../core/ids'
import { notFound } from '../../shared/errors'
import type { Group, PersonListItem } from '../../shared/types'
import { tx, type Db } from '../db/connection'
import { getMeId, listPeople } from '../db/people'
import { nowIso, type ServiceContext } from './context'
import { mustGetPerson } from './people'

function getGroup(db: Db, id: string): Group | null {
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

function mustGetGroup(db: Db, id: string, field = 'id'): Group {
  const g = getGroup(db, id)
  if (!g) throw notFound('group', id, field)
  return g
}

export function groupsHandlers(ctx: ServiceContext) {
  const db = () => ctx.store.db
  return {
    'groups:list': (): Group[] =>
      (db().prepare('SELECT id FROM groups WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE').all() as { id: string }[]).map(
        (r) => mustGetGroup(db(), r.id),
      ),
    'groups:create': ({ name, kind }: { name: string; kind?: string | null | undefined }) =>
      tx(db(), () => {
        const id = uuidv7(ctx.now().getTime())
        const now = nowIso(ctx)
        db()
          .prepare('INSERT INTO groups (id, name, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
          .run(id, name, kind ?? null, now, now)
        return mustGetGroup(db(), id)
      }),
    'groups:rename': ({ id, name }: { id: string; name: string }) =>
      tx(db(), () => {
        mustGetGroup(db(), id)
        db().prepare('UPDATE groups SET name = ?, updated_at = ? WHERE id = ?').run(name, nowIso(ctx), id)
        return mustGetGroup(db(), id)
      }),
    'groups:delete': ({ id }: { id: string }) =>
      tx(db(), () => {
        mustGetGroup(db(), id)
        const now = nowIso(ctx)
        db().prepare('UPDATE groups SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id)
        db().prepare('DELETE FROM memberships WHERE group_id = ?').run(id)
        return { id }
      }),
    'groups:members': ({ groupId }: { groupId: string }): PersonListItem[] => {
      mustGetGroup(db(), groupId, 'groupId')
      return listPeople(
        db(),
        { groupId, sort: 'name', dir: 'asc', offset: 0, limit: 10_000, includeArchived: true },
        getMeId(db()),
      ).items
    },
    'groups:addMember': ({ groupId, personId }: { groupId: string; personId: string }) =>
      tx(db(), () => {
        mustGetGroup(db(), groupId, 'groupId')
        mustGetPerson(db(), personId, 'personId')
        db()
          .prepare('INSERT OR IGNORE INTO memberships (group_id, person_id, created_at) VALUES (?, ?, ?)')
          .run(groupId, personId, nowIso(ctx))
        return mustGetGroup(db(), groupId)
      }),
    'groups:removeMember': ({ groupId, personId }: { groupId: string; personId: string }) =>
      tx(db(), () => {
        mustGetGroup(db(), groupId, 'groupId')
        mustGetPerson(db(), personId, 'personId')
        db().prepare('DELETE FROM memberships WHERE group_id = ? AND person_id = ?').run(groupId, personId)
        return mustGetGroup(db(), groupId)
      }),
  }
}
