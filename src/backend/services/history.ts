import { AppError } from '../../shared/errors'
import { statusWord, type IntroStatus } from '../../shared/schemas'
import type { HistoryState } from '../../shared/channels/history'
import type { Db } from '../db/connection'
import {
  actionChanges,
  beginCapture,
  endCapture,
  getAction,
  groupName,
  introductionNames,
  markRedone,
  markUndone,
  personName,
  recentActions,
  recordBarrier,
  redoCandidate,
  replayChanges,
  totalChanges,
  undoCandidate,
  type ActionRow,
} from '../db/history'
import type { ServiceContext } from './context'
import type { Handlers, SliceHandlers } from './types'
import type { historyChannels } from '../../shared/channels/history'

type In = Record<string, unknown>
type Label = (input: In, db: Db) => string

const who = (db: Db, id: unknown, fallback = 'someone') => personName(db, id) ?? fallback
const intro = (db: Db, id: unknown) => {
  const n = introductionNames(db, id)
  return n ? `introduction of ${n.prospect} from ${n.referrer}` : 'introduction'
}

/**
 * The user actions Undo offers, each with the words the Edit menu and the toast
 * show ("Undo Archive Ben Brooks"). A channel not listed here that writes (the
 * Today view materialising a follow-up task) is still logged, as an automatic
 * change that Undo steps over.
 */
const LABELS: Record<string, Label> = {
  'people:create': (i) => `Add ${String(i.name)}`,
  'people:update': (i, db) => `Edit ${who(db, i.id)}`,
  'people:archive': (i, db) => `${i.archived === false ? 'Restore' : 'Archive'} ${who(db, i.id)}`,
  'people:setMe': (i, db) => `Set ${who(db, i.id)} as me`,
  'people:merge': (i, db) => `Merge ${who(db, i.mergeId)} into ${who(db, i.keepId)}`,
  'groups:create': (i) => `Create group ${String(i.name)}`,
  'groups:rename': (i, db) => `Rename group ${groupName(db, i.id) ?? ''}`.trim(),
  'groups:delete': (i, db) => `Delete group ${groupName(db, i.id) ?? ''}`.trim(),
  'groups:addMember': (i, db) => `Add ${who(db, i.personId)} to ${groupName(db, i.groupId) ?? 'a group'}`,
  'groups:removeMember': (i, db) => `Remove ${who(db, i.personId)} from ${groupName(db, i.groupId) ?? 'a group'}`,
  'introductions:create': (i, db) => `Record introduction from ${who(db, i.referrerId)}`,
  'introductions:update': (i, db) => `Edit ${intro(db, i.id)}`,
  'introductions:setStatus': (i, db) => `Mark ${intro(db, i.id)} ${statusWord(i.status as IntroStatus)}`,
  'introductions:delete': (i, db) => `Delete ${intro(db, i.id)}`,
  'introductions:editStatusDate': (i, db) => `Change a status date of ${intro(db, i.id)}`,
  'interactions:create': (i, db) => `Log ${String(i.kind).replace(/_/g, '-')} with ${who(db, i.personId)}`,
  'interactions:delete': () => 'Delete an interaction',
  'tasks:create': (i) => `Add follow-up “${String(i.title)}”`,
  'tasks:done': () => 'Mark a follow-up done',
  'tasks:dismiss': () => 'Dismiss a follow-up',
  'tasks:snooze': () => 'Snooze a follow-up',
  'followup:thank': (i, db) => `Thank for the ${intro(db, i.introductionId)}`,
  'followup:ask': (i, db) => `Ask ${who(db, i.personId)} for an introduction`,
  'followup:askAnswered': () => 'Mark an ask answered',
  'followup:makeIntroduction': (i, db) => `Introduce ${who(db, i.prospectId)} to ${who(db, i.partnerId)}`,
  'followup:saveLead': (i, db) => `Save ${who(db, i.prospectId)} as a lead`,
  'settings:save': () => 'Change settings',
}

/**
 * Bulk changes: not logged row by row (an import of 100,000 people would log
 * millions of cells). Each keeps taking a backup first, and leaves a barrier in
 * the history: Undo says it cannot reach past it.
 */
const BULK: Record<string, string> = {
  'app:loadSample': 'Load the sample network',
  'app:startEmpty': 'Start the network',
  'files:commitImport': 'Import',
  'files:mergeNetwork': 'Merge a network',
  'files:restoreBackup': 'Restore a backup',
}

const isPromise = (x: unknown): x is Promise<unknown> => typeof (x as { then?: unknown } | null)?.then === 'function'

/**
 * The one wrapper every handler runs in (installed once, in createHandlers):
 * the changes a call makes are written to the change log, in the same
 * transactions, as one action. Writes made after a handler's first await are
 * not captured; the channels that do that are the bulk ones above.
 */
export function withHistory(ctx: ServiceContext, handlers: Handlers): Handlers {
  const out: Record<string, (input: unknown) => unknown> = {}
  for (const [ch, handler] of Object.entries(handlers) as [string, (input: unknown) => unknown][]) {
    if (ch.startsWith('history:')) {
      out[ch] = handler
      continue
    }
    const bulk = BULK[ch]
    if (bulk) {
      out[ch] = (input) => {
        const db = ctx.store.db
        const before = totalChanges(db)
        const finish = () => {
          if (ctx.store.db === db && db.open && totalChanges(db) !== before) recordBarrier(db, ch, bulk, ctx.now())
        }
        const r = handler(input)
        if (isPromise(r)) return r.then((v) => (finish(), v), (e: unknown) => { finish(); throw e })
        finish()
        return r
      }
      continue
    }
    const label = LABELS[ch]
    out[ch] = (input) => {
      const db = ctx.store.db
      const text = label ? label((input ?? {}) as In, db) : ch
      beginCapture(db, { kind: label ? 'do' : 'auto', channel: ch, label: text }, ctx.now())
      try {
        return handler(input)
      } finally {
        endCapture(db)
      }
    }
  }
  return out as Handlers
}

function historyState(db: Db, limit = 50): HistoryState {
  const u = undoCandidate(db)
  const r = redoCandidate(db)
  return {
    undo: u ? { id: u.id, label: u.label } : null,
    redo: r ? { id: r.id, label: r.label } : null,
    items: recentActions(db, limit).map((a) => ({
      id: a.id,
      kind: a.kind as Exclude<ActionRow['kind'], 'auto'>,
      label: a.label,
      at: a.created_at,
      undone: a.undone === 1,
    })),
  }
}

/** Runs a replay as one action of its own, in one transaction. */
function replay(ctx: ServiceContext, kind: 'undo' | 'redo', target: ActionRow, changesOf: ActionRow, after: () => void): void {
  const db = ctx.store.db
  try {
    db.transaction(() => {
      beginCapture(db, { kind, channel: `history:${kind}`, label: target.label, targetId: changesOf.id }, ctx.now())
      try {
        replayChanges(db, actionChanges(db, changesOf.id), kind === 'undo' ? 'backward' : 'forward', target.label)
        after()
      } finally {
        endCapture(db)
      }
    })()
  } catch (e) {
    const code = (e as { code?: string }).code
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
      throw new AppError('CONFLICT', `Cannot ${kind} “${target.label}”: other records now depend on it. Nothing was changed.`)
    }
    throw e
  }
}

export function historyHandlers(ctx: ServiceContext): SliceHandlers<typeof historyChannels> {
  const db = () => ctx.store.db
  return {
    'history:list': ({ limit }) => historyState(db(), limit),
    'history:undo': () => {
      const target = undoCandidate(db())
      if (!target) throw new AppError('NOT_FOUND', 'There is nothing to undo.')
      replay(ctx, 'undo', target, target, () => markUndone(db(), target.id, true))
      return { ...historyState(db()), done: `Undone: ${target.label}` }
    },
    'history:redo': () => {
      const u = redoCandidate(db())
      const original = u?.target_id != null ? getAction(db(), u.target_id) : null
      if (!u || !original) throw new AppError('NOT_FOUND', 'There is nothing to redo.')
      replay(ctx, 'redo', u, original, () => markRedone(db(), u.id))
      return { ...historyState(db()), done: `Redone: ${u.label}` }
    },
  }
}
