import { uuidv7 } from '../../core/ids'
import { AppError, notFound } from '../../shared/errors'
import type { IntroductionFields } from '../../shared/channels/foundation'
import type { IntroStatus } from '../../shared/schemas'
import type { Introduction } from '../../shared/types'
import { tx, type Db } from '../db/connection'
import {
  getIntroduction,
  getIntroRow,
  insertIntroduction,
  insertStatusChange,
  listIntroductions,
  toMinor,
  updateIntroduction,
  type IntroQuery,
  type IntroWrite,
} from '../db/introductions'
import { insertPerson, personExists } from '../db/people'
import { readSetting } from '../db/settings'
import { nowIso, type ServiceContext } from './context'

export function mustGetIntroduction(db: Db, id: string, field = 'id'): Introduction {
  const i = getIntroduction(db, id)
  if (!i) throw notFound('introduction', id, field)
  return i
}

function checkPeople(db: Db, referrerId: string, receiverId: string, prospectId: string | null): void {
  if (!personExists(db, referrerId)) throw notFound('person', referrerId, 'referrerId')
  if (!personExists(db, receiverId)) throw notFound('person', receiverId, 'receiverId')
  if (referrerId === receiverId)
    throw new AppError('VALIDATION', 'The referrer and the receiver must be different people.', 'receiverId')
  if (prospectId !== null) {
    if (!personExists(db, prospectId)) throw notFound('person', prospectId, 'prospect')
    if (prospectId === referrerId || prospectId === receiverId)
      throw new AppError('VALIDATION', 'The person introduced must differ from the referrer and the receiver.', 'prospect')
  }
}

/** Records an introduction (and, if asked, its new prospect) and its status history in one transaction. */
export function createIntroduction(ctx: ServiceContext, f: IntroductionFields): Introduction {
  const db = ctx.store.db
  return tx(db, () => {
    const now = nowIso(ctx)
    const nowMs = ctx.now().getTime()
    checkPeople(db, f.referrerId, f.receiverId, 'id' in f.prospect ? f.prospect.id : null)
    let prospectId: string
    if ('id' in f.prospect) prospectId = f.prospect.id
    else {
      prospectId = uuidv7(nowMs)
      insertPerson(
        db,
        prospectId,
        { ...f.prospect.new, introducedById: f.referrerId, howMet: null },
        now,
      )
    }
    const statusDate = f.statusDate ?? f.date
    if (statusDate < f.date)
      throw new AppError('VALIDATION', 'The status date cannot be before the introduction date.', 'statusDate')
    const w: IntroWrite = {
      referrerId: f.referrerId,
      receiverId: f.receiverId,
      prospectId,
      date: f.date,
      kind: f.kind,
      origin: f.origin,
      warmth: f.warmth ?? null,
      needsService: f.needsService ?? null,
      fitsProfile: f.fitsProfile ?? null,
      accepted: f.accepted ?? null,
      status: f.status,
      statusDate,
      valueMinor: toMinor(f.value),
      currency: f.value != null ? (f.currency ?? readSetting(db, 'currency')) : (f.currency ?? null),
      notes: f.notes ?? null,
    }
    const id = uuidv7(nowMs)
    insertIntroduction(db, id, w, now)
    insertStatusChange(db, uuidv7(nowMs), id, 'new', f.date, now)
    if (f.status !== 'new') insertStatusChange(db, uuidv7(nowMs), id, f.status, statusDate, now)
    return mustGetIntroduction(db, id)
  })
}

export function setIntroductionStatus(ctx: ServiceContext, id: string, status: IntroStatus, date: string): Introduction {
  const db = ctx.store.db
  return tx(db, () => {
    const row = getIntroRow(db, id)
    if (!row) throw notFound('introduction', id)
    if (date < row.date) throw new AppError('VALIDATION', 'The status date cannot be before the introduction date.', 'date')
    const now = nowIso(ctx)
    if (row.status !== status) insertStatusChange(db, uuidv7(ctx.now().getTime()), id, status, date, now)
    updateIntroduction(db, id, { status, statusDate: date }, now)
    return mustGetIntroduction(db, id)
  })
}

type IntroPatch = Partial<Omit<IntroductionFields, 'status' | 'statusDate' | 'prospect'>> & { id: string; prospectId?: string | undefined }

export function introductionsHandlers(ctx: ServiceContext) {
  const db = () => ctx.store.db
  return {
    'introductions:list': (q: IntroQuery) => listIntroductions(db(), q),
    'introductions:get': ({ id }: { id: string }) => mustGetIntroduction(db(), id),
    'introductions:create': (f: IntroductionFields) => createIntroduction(ctx, f),
    'introductions:update': ({ id, value, ...rest }: IntroPatch) =>
      tx(db(), () => {
        const cur = getIntroRow(db(), id)
        if (!cur) throw notFound('introduction', id)
        const referrerId = rest.referrerId ?? cur.referrer_id
        const receiverId = rest.receiverId ?? cur.receiver_id
        const prospectId = rest.prospectId ?? cur.prospect_id
        checkPeople(db(), referrerId, receiverId, prospectId)
        const date = rest.date ?? cur.date
        // While an introduction is new, its status date is its date: it moves with it.
        const movesStatusDate = cur.status === 'new' && rest.date !== undefined
        if (!movesStatusDate && cur.status_date < date)
          throw new AppError('VALIDATION', 'The introduction date cannot be after its current status date.', 'date')
        const patch: Partial<IntroWrite> = { ...rest } as Partial<IntroWrite>
        if (movesStatusDate) patch.statusDate = date
        delete (patch as Record<string, unknown>).value
        if (value !== undefined) {
          patch.valueMinor = toMinor(value)
          if (value !== null && rest.currency === undefined && !cur.currency)
            patch.currency = readSetting(db(), 'currency')
        }
        updateIntroduction(db(), id, patch, nowIso(ctx))
        if (rest.date !== undefined) {
          db()
            .prepare(
              `UPDATE introduction_status_history SET date = ? WHERE introduction_id = ? AND status = 'new'
               AND id = (SELECT id FROM introduction_status_history WHERE introduction_id = ? ORDER BY date, created_at, id LIMIT 1)`,
            )
            .run(date, id, id)
        }
        return mustGetIntroduction(db(), id)
      }),
    'introductions:setStatus': ({ id, status, date }: { id: string; status: IntroStatus; date: string }) =>
      setIntroductionStatus(ctx, id, status, date),
    'introductions:delete': ({ id }: { id: string }) =>
      tx(db(), () => {
        if (!getIntroRow(db(), id)) throw notFound('introduction', id)
        const now = nowIso(ctx)
        db().prepare('UPDATE introductions SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id)
        return { id }
      }),
  }
}
