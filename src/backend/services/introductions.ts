import { uuidv7 } from '../../core/ids'
import { AppError, notFound } from '../../shared/errors'
import type { IntroductionFields } from '../../shared/channels/foundation'
import { DECIDED_STATUSES, statusWord, type IntroStatus } from '../../shared/schemas'
import type { Introduction } from '../../shared/types'
import { tx, type Db } from '../db/connection'
import {
  getIntroduction,
  getIntroRow,
  insertIntroduction,
  insertStatusChange,
  type IntroQuery,
  type IntroWrite,
  listIntroductions,
  moveNewStatusDate,
  setStatusChangeDate,
  softDeleteIntroduction,
  statusHistory,
  toMinor,
  updateIntroduction,
} from '../db/introductions'
import { insertPerson, personExists } from '../db/people'
import { readSetting } from '../db/settings'
import { nowIso, todayIso, type ServiceContext } from './context'


const isDecided = (s: IntroStatus): boolean => (DECIDED_STATUSES as readonly string[]).includes(s)

/**
 * Refuses a date after today (in the user's time zone) for something that has
 * already happened: a decision on an introduction, a thank-you, a one-to-one.
 * `what` starts the message, e.g. "The won date".
 */
export function refuseFutureDate(ctx: ServiceContext, date: string, field: string, what: string): void {
  const today = todayIso(ctx)
  if (date > today)
    throw new AppError('VALIDATION', `${what} cannot be after today (${today}): record it once it has happened.`, field)
}

/** A decided status (won, lost, not a fit) is something that happened: its date cannot be in the future. */
function refuseFutureDecision(ctx: ServiceContext, status: IntroStatus, date: string, field: string): void {
  if (isDecided(status)) refuseFutureDate(ctx, date, field, `The "${statusWord(status)}" date`)
}

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
    refuseFutureDecision(ctx, f.status, statusDate, f.statusDate !== undefined ? 'statusDate' : 'date')
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

/**
 * Moves an introduction to a status on a date. Setting the status it already
 * has corrects the date of that status instead (the history keeps one entry).
 */
export function setIntroductionStatus(ctx: ServiceContext, id: string, status: IntroStatus, date: string): Introduction {
  const db = ctx.store.db
  return tx(db, () => {
    const row = getIntroRow(db, id)
    if (!row) throw notFound('introduction', id, 'id')
    if (date < row.date) throw new AppError('VALIDATION', 'The status date cannot be before the introduction date.', 'date')
    const history = statusHistory(db, id)
    const last = history[history.length - 1]
    if (row.status === status && last && last.status === status) {
      if (history.length > 1) return editStatusDate(ctx, id, last.id, date)
      throw new AppError('VALIDATION', `It is already "${statusWord(status)}": change the introduction's date with Edit.`, 'status')
    }
    refuseFutureDecision(ctx, status, date, 'date')
    if (last && row.status !== status && date < last.date)
      throw new AppError(
        'VALIDATION',
        `The status date cannot be before the last change ("${statusWord(last.status)}" on ${last.date}).`,
        'date',
      )
    const now = nowIso(ctx)
    if (row.status !== status) insertStatusChange(db, uuidv7(ctx.now().getTime()), id, status, date, now)
    updateIntroduction(db, id, { status, statusDate: date }, now)
    return mustGetIntroduction(db, id)
  })
}

/**
 * Corrects the date of one status change in an introduction's history. The
 * history stays in order (a change cannot move before the one before it or
 * after the one after it); the first entry is the introduction's own date
 * (changed with Edit). Correcting the current status's entry moves the
 * introduction's status date, so days-to-won and every figure follow.
 */
export function editStatusDate(ctx: ServiceContext, id: string, historyId: string, date: string): Introduction {
  const db = ctx.store.db
  return tx(db, () => {
    const row = getIntroRow(db, id)
    if (!row) throw notFound('introduction', id, 'id')
    const history = statusHistory(db, id)
    const at = history.findIndex((h) => h.id === historyId)
    if (at < 0) throw notFound('status change of this introduction', historyId, 'historyId')
    if (at === 0)
      throw new AppError('VALIDATION', "The first entry is the introduction's own date: change it with Edit.", 'historyId')
    const entry = history[at]!
    const before = history[at - 1]!
    const after = history[at + 1]
    if (date < before.date)
      throw new AppError(
        'VALIDATION',
        `"${statusWord(entry.status)}" cannot be dated before the change before it ("${statusWord(before.status)}" on ${before.date}).`,
        'date',
      )
    if (after && date > after.date)
      throw new AppError(
        'VALIDATION',
        `"${statusWord(entry.status)}" cannot be dated after the change after it ("${statusWord(after.status)}" on ${after.date}).`,
        'date',
      )
    refuseFutureDecision(ctx, entry.status, date, 'date')
    const now = nowIso(ctx)
    setStatusChangeDate(db, historyId, date)
    if (!after && entry.status === row.status) updateIntroduction(db, id, { statusDate: date }, now)
    else updateIntroduction(db, id, {}, now)
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
        if (!cur) throw notFound('introduction', id, 'id')
        const referrerId = rest.referrerId ?? cur.referrer_id
        const receiverId = rest.receiverId ?? cur.receiver_id
        const prospectId = rest.prospectId ?? cur.prospect_id
        checkPeople(db(), referrerId, receiverId, prospectId)
        const date = rest.date ?? cur.date
        const history = statusHistory(db(), id)
        const firstChange = history[1]
        // Only a changed date is checked: an edit that resends the date never trips over old imported history.
        if (rest.date !== undefined && rest.date !== cur.date && firstChange && date > firstChange.date)
          throw new AppError(
            'VALIDATION',
            `The introduction date cannot be after its first status change ("${statusWord(firstChange.status)}" on ${firstChange.date}).`,
            'date',
          )
        // While an introduction has had no status change, its status date is its date: it moves with it.
        const movesStatusDate = rest.date !== undefined && history.length <= 1
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
          moveNewStatusDate(db(), id, date)
        }
        return mustGetIntroduction(db(), id)
      }),
    'introductions:setStatus': ({ id, status, date }: { id: string; status: IntroStatus; date: string }) =>
      setIntroductionStatus(ctx, id, status, date),
    'introductions:editStatusDate': ({ id, historyId, date }: { id: string; historyId: string; date: string }) =>
      editStatusDate(ctx, id, historyId, date),
    'introductions:delete': ({ id }: { id: string }) =>
      tx(db(), () => {
        if (!getIntroRow(db(), id)) throw notFound('introduction', id, 'id')
        softDeleteIntroduction(db(), id, nowIso(ctx))
        return { id }
      }),
  }
}
