import { uuidv7 } from '../../core/ids'
import { notFound } from '../../shared/errors'
import type { Group, PersonListItem } from '../../shared/types'
import { tx, type Db } from '../db/connection'
import { getMeId, listPeople } from '../db/people'
import { addMembership, deleteGroup, getGroup, groupIds, insertGroup, removeMembership, renameGroup } from '../db/groups'
import { nowIso, type ServiceContext } from './context'
import { mustGetPerson } from './people'

function mustGetGroup(db: Db, id: string, field = 'id'): Group {
  const g = getGroup(db, id)
  if (!g) throw notFound('group', id, field)
  return g
}

export function groupsHandlers(ctx: ServiceContext) {
  const db = () => ctx.store.db
  return {
    'groups:list': (): Group[] =>
      groupIds(db()).map((id) => mustGetGroup(db(), id)),
    'groups:create': ({ name, kind }: { name: string; kind?: string | null | undefined }) =>
      tx(db(), () => {
        const id = uuidv7(ctx.now().getTime())
        const now = nowIso(ctx)
        insertGroup(db(), { id, name, kind: kind ?? null }, now)
        return mustGetGroup(db(), id)
      }),
    'groups:rename': ({ id, name }: { id: string; name: string }) =>
      tx(db(), () => {
        mustGetGroup(db(), id)
        renameGroup(db(), id, name, nowIso(ctx))
        return mustGetGroup(db(), id)
      }),
    'groups:delete': ({ id }: { id: string }) =>
      tx(db(), () => {
        mustGetGroup(db(), id)
        deleteGroup(db(), id, nowIso(ctx))
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
        addMembership(db(), groupId, personId, nowIso(ctx))
        return mustGetGroup(db(), groupId)
      }),
    'groups:removeMember': ({ groupId, personId }: { groupId: string; personId: string }) =>
      tx(db(), () => {
        mustGetGroup(db(), groupId, 'groupId')
        mustGetPerson(db(), personId, 'personId')
        removeMembership(db(), groupId, personId)
        return mustGetGroup(db(), groupId)
      }),
  }
}
