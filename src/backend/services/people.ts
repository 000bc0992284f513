import { uuidv7 } from '../../core/ids'
import { personKeys } from '../../core/formats/mapping'
import { normalizeKey } from '../../core/text'
import { AppError, notFound } from '../../shared/errors'
import type { Person } from '../../shared/types'
import type { DuplicatePerson, PersonFields, PersonMergePlan } from '../../shared/channels/foundation'
import { tx, type Db } from '../db/connection'
import { beginCapture, endCapture } from '../db/history'
import { introductionsJoining } from '../db/introductions'
import {
  countPersonRefs,
  getMeId,
  getPerson,
  insertPerson,
  listPeople,
  markMerged,
  movePersonRefs,
  peopleByKeys,
  personExists,
  personRefs,
  type PersonWrite,
  setArchived,
  setGroups,
  setMe,
  setTags,
  tagCounts,
  updatePerson,
} from '../db/people'
import { groupExists } from '../db/groups'
import { nowIso, type ServiceContext } from './context'
import { withBackup } from './files/store'

function checkRefs(db: Db, f: Partial<PersonFields>, selfId?: string): void {
  if (f.introducedById) {
    if (f.introducedById === selfId) throw new AppError('VALIDATION', 'A person cannot have introduced themselves.', 'introducedById')
    if (!personExists(db, f.introducedById)) throw notFound('person', f.introducedById, 'introducedById')
  }
  for (const g of f.groupIds ?? []) {
    if (!groupExists(db, g)) throw notFound('group', g, 'groupIds')
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

/** People who look like the one being entered: the same email, or the same name and company (the import's match keys). */
export function findDuplicates(
  db: Db,
  q: { name: string; company?: string | null | undefined; email?: string | null | undefined; excludeId?: string | undefined },
): DuplicatePerson[] {
  const email = q.email?.trim() || null
  const keys = personKeys({ name: q.name, company: q.company?.trim() || null, email })
  const nameKey = normalizeKey(q.name.trim())
  if (!nameKey && !keys.email) return []
  const out: DuplicatePerson[] = []
  for (const r of peopleByKeys(db, nameKey, keys.email, q.excludeId ?? null)) {
    const matchedOn =
      keys.email && r.email_key === keys.email
        ? 'email'
        : nameKey && personKeys({ name: r.name, company: r.company, email: null }).nameCompany === keys.nameCompany
          ? 'nameCompany'
          : null
    if (!matchedOn) continue
    out.push({ id: r.id, name: r.name, company: r.company, email: r.email, isMe: r.is_me === 1, archived: r.archived_at !== null, matchedOn })
    if (out.length === 5) break
  }
  return out
}

/** Fields of the kept person filled from the merged one when empty, with their labels on the person page. */
const FILLABLE: { field: keyof PersonWrite & keyof Person; label: string }[] = [
  { field: 'company', label: 'Company' },
  { field: 'profession', label: 'Profession' },
  { field: 'email', label: 'Email' },
  { field: 'phone', label: 'Phone' },
  { field: 'website', label: 'Website' },
  { field: 'city', label: 'City' },
  { field: 'idealClient', label: 'Good referral for them' },
  { field: 'howMet', label: 'How you met' },
  { field: 'cadenceDays', label: 'Keep in touch every (days)' },
  { field: 'notes', label: 'Notes' },
]

/** What each referring column means to the user (one, several), in the order shown; a table added later shows under its own name. */
const MOVE_LABELS: Record<string, [string, string]> = {
  'introductions.referrer_id': ['introduction they made', 'introductions they made'],
  'introductions.receiver_id': ['introduction they received', 'introductions they received'],
  'introductions.prospect_id': ['introduction of them to someone', 'introductions of them to someone'],
  'interactions.person_id': ['interaction (thank-you, one-to-one, note...)', 'interactions (thank-yous, one-to-ones, notes...)'],
  'tasks.person_id': ['task', 'tasks'],
  'person_tags.person_id': ['tag', 'tags'],
  'memberships.person_id': ['group membership', 'group memberships'],
  'graph_positions.person_id': ['map position', 'map positions'],
  'people.introduced_by_id': ['person they introduced', 'people they introduced'],
  'people.merged_into_id': ['person merged into them before', 'people merged into them before'],
}
const MOVE_ORDER = Object.keys(MOVE_LABELS)

interface MergeWork {
  plan: PersonMergePlan
  patch: Partial<PersonWrite>
}

/** Checks a merge and works out what it moves and fills; throws the typed error a bad merge gets. Writes nothing. */
function planMerge(db: Db, keepId: string, mergeId: string): MergeWork {
  if (keepId === mergeId) throw new AppError('VALIDATION', 'Choose two different people to merge.', 'mergeId')
  const keep = mustGetPerson(db, keepId, 'keepId')
  const merge = mustGetPerson(db, mergeId, 'mergeId')
  if (merge.isMe)
    throw new AppError(
      'VALIDATION',
      `${merge.name} is "you" and cannot be merged away: keep ${merge.name} and merge ${keep.name} into them.`,
      'mergeId',
    )
  const joining = introductionsJoining(db, keepId, mergeId)
  if (joining.length > 0) {
    const first = joining[0]!
    throw new AppError(
      'CONFLICT',
      `${joining.length === 20 ? '20 or more' : joining.length} introduction${joining.length === 1 ? '' : 's'} would join ${keep.name} to themselves ` +
        `(for example ${first.date}: ${first.referrer_name} introduced ${first.prospect_name} to ${first.receiver_name}${first.deleted_at ? ', deleted' : ''}). ` +
        'Change or delete them first.',
      'mergeId',
      { introductionIds: joining.map((j) => j.id) },
    )
  }
  const patch: Partial<PersonWrite> = {}
  const fills: PersonMergePlan['fills'] = []
  for (const { field, label } of FILLABLE) {
    const mine = keep[field]
    const theirs = merge[field]
    if ((mine === null || mine === '') && theirs !== null && theirs !== '') {
      ;(patch as Record<string, unknown>)[field] = theirs
      fills.push({ field, label, value: String(theirs) })
    }
  }
  let appendsNotes = false
  if (keep.notes && merge.notes && keep.notes.trim() !== merge.notes.trim()) {
    patch.notes = `${keep.notes}\n\n${merge.notes}`
    appendsNotes = true
  }
  // "Introduced by": the merged person's introducer when the kept one has none (never the kept person themselves).
  const introducer = keep.introducedById === mergeId || keep.introducedById === null ? merge.introducedById : keep.introducedById
  const nextIntroducer = introducer === keepId || introducer === mergeId ? null : introducer
  if (nextIntroducer !== keep.introducedById) {
    patch.introducedById = nextIntroducer
    if (nextIntroducer) fills.push({ field: 'introducedById', label: 'Introduced by', value: getPerson(db, nextIntroducer)?.name ?? nextIntroducer })
  }
  const counts = countPersonRefs(db, keepId, mergeId)
  const rank = (key: string) => (MOVE_ORDER.includes(key) ? MOVE_ORDER.indexOf(key) : MOVE_ORDER.length)
  const moves = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, count]) => ({ what: MOVE_LABELS[key]?.[count === 1 ? 0 : 1] ?? key, count }))
  return { plan: { keep, merge, moves, fills, appendsNotes }, patch }
}

/**
 * Merges `mergeId` into `keepId` in one transaction, behind a backup (the
 * backup is removed again if the merge fails, so bad calls leave no file).
 */
export async function mergePeople(ctx: ServiceContext, keepId: string, mergeId: string): Promise<PersonMergePlan & { backup: string }> {
  const db = ctx.store.db
  planMerge(db, keepId, mergeId)
  return withBackup(ctx, 'before-person-merge', (backup) => {
    // The writes come after the backup's await, past the dispatch wrapper's capture:
    // capture them here, so the merge is one action Undo can revert.
    const before = planMerge(db, keepId, mergeId).plan
    beginCapture(db, { kind: 'do', channel: 'people:merge', label: `Merge ${before.merge.name} into ${before.keep.name}` }, ctx.now())
    try {
      return tx(db, () => {
        const { plan, patch } = planMerge(db, keepId, mergeId)
        const now = nowIso(ctx)
        movePersonRefs(db, keepId, mergeId, personRefs(db))
        updatePerson(db, keepId, patch, now)
        markMerged(db, mergeId, keepId, now)
        return { ...plan, keep: mustGetPerson(db, keepId), backup: backup.name }
      })
    } finally {
      endCapture(db)
    }
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
        setArchived(db(), id, archived ? nowIso(ctx) : null, nowIso(ctx))
        return mustGetPerson(db(), id)
      }),
    'people:setMe': ({ id }: { id: string }) =>
      tx(db(), () => {
        mustGetPerson(db(), id)
        setMe(db(), id, nowIso(ctx))
        return mustGetPerson(db(), id)
      }),
    'people:findDuplicates': (q: Parameters<typeof findDuplicates>[1]) => findDuplicates(db(), q),
    'people:mergePreview': ({ keepId, mergeId }: { keepId: string; mergeId: string }) => planMerge(db(), keepId, mergeId).plan,
    'people:merge': ({ keepId, mergeId }: { keepId: string; mergeId: string }) => mergePeople(ctx, keepId, mergeId),
    'people:tags': () => tagCounts(db()),
  }
}
