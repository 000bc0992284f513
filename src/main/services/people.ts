import { uuidv7 } from '../../core/ids'
import { AppError, notFound } from '../../shared/errors'
import type { Person } from '../../shared/types'
import type { PersonFields } from '../../shared/channels/foundation'
import { tx, type Db } from '../db/connection'
import {
  getMeId,
  getPerson,
  insertPerson,
  listPeople,
  personExists,
  setGroups,
  setTags,
  updatePerson,
  type PersonWrite,
} from '../db/people'
import { nowIso, type ServiceContext } from './context'

function checkRefs(db: Db, f: Partial<PersonFields>, selfId?: string): void {
  if (f.introducedById) {
    if (f.introducedById === selfId) throw new AppError('VALIDATION', 'A person cannot have introduced themselves.', 'introducedById')
    if (!personExists(db, f.introducedById)) throw notFound('person', f.introducedById, 'introducedById')
  }
  for (const g of f.groupIds ?? []) {
    if (!db.prepare('SELECT 1 FROM groups WHERE id = ? AND deleted_at IS NULL').get(g)) throw notFound('group', g, 'groupIds')
  }
}

function toWrite(f: Partial<PersonFields>): Partial<PersonWrite> {
  const { tags: _t, groupIds: _g, ...rest } = f
  return rest as Partial<PersonWrite>
}

export function mustGetPerson(db: Db, id: string, field = 'id'): Person {
  const p = getPerson(db, id)
  if (!p) throw notFound('person', id, field)
  return p
}

export function createPerson(ctx: ServiceContext, f: PersonFields & { isMe?: boolean }): Person {
  const db = ctx.store.db
  return tx(db, () => {
    checkRefs(db, f)
    const now = nowIso(ctx)
    const id = uuidv7(ctx.now().getTime())
    insertPerson(db, id, { ...(toWrite(f) as PersonWrite), isMe: f.isMe ?? false }, now)
    if (f.tags) setTags(db, id, f.tags)
    if (f.groupIds) setGroups(db, id, f.groupIds, now)
    return mustGetPerson(db, id)
  })
}

export function peopleHandlers(ctx: ServiceContext) {
  const db = () => ctx.store.db
  return {
    'people:list': (q: Parameters<typeof listPeople>[1]) => listPeople(db(), q, getMeId(db())),
    'people:get': ({ id }: { id: string }) => mustGetPerson(db(), id),
    'people:create': (f: PersonFields) => createPerson(ctx, f),
    'people:update': ({ id, ...f }: Partial<PersonFields> & { id: string }) =>
      tx(db(), () => {
        mustGetPerson(db(), id)
        checkRefs(db(), f, id)
        const now = nowIso(ctx)
        updatePerson(db(), id, toWrite(f), now)
        if (f.tags) setTags(db(), id, f.tags)
        if (f.groupIds) setGroups(db(), id, f.groupIds, now)
        return mustGetPerson(db(), id)
      }),
    'people:archive': ({ id, archived }: { id: string; archived: boolean }) =>
      tx(db(), () => {
        const p = mustGetPerson(db(), id)
        if (p.isMe && archived) throw new AppError('VALIDATION', 'You cannot archive yourself.', 'id')
        db()
          .prepare('UPDATE people SET archived_at = ?, updated_at = ? WHERE id = ?')
          .run(archived ? nowIso(ctx) : null, nowIso(ctx), id)
        return mustGetPerson(db(), id)
      }),
    'people:setMe': ({ id }: { id: string }) =>
      tx(db(), () => {
        mustGetPerson(db(), id)
        const now = nowIso(ctx)
        db().prepare('UPDATE people SET is_me = 0, updated_at = ? WHERE is_me = 1').run(now)
        db().prepare('UPDATE people SET is_me = 1, archived_at = NULL, updated_at = ? WHERE id = ?').run(now, id)
        return mustGetPerson(db(), id)
      }),
    'people:tags': () =>
      db()
        .prepare(
          `SELECT min(t.tag) AS tag, count(*) AS count FROM person_tags t JOIN people p ON p.id = t.person_id
           WHERE p.deleted_at IS NULL GROUP BY t.tag_key ORDER BY t.tag_key`,
        )
        .all() as { tag: string; count: number }[],
  }
}
