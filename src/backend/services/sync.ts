import { existsSync, unlinkSync } from 'node:fs'
import { AppError } from '../../shared/errors'
import type { ConflictItem, SyncStatus, syncChannels } from '../../shared/channels/sync'
import type { Db } from '../db/connection'
import { tx } from '../db/connection'
import { lastChangeSeq } from '../db/history'
import {
  cellValue,
  dropDuplicate,
  duplicateIntroductions,
  introPair,
  markNotDuplicate,
  chapterReport,
  clearSyncState,
  createSyncState,
  describeRow,
  getConflict,
  getPrivateNote,
  getSyncState,
  markConflict,
  openConflictCount,
  openConflicts,
  parkedCount,
  pendingCount,
  rowExists,
  setMe,
  setPrivateNote,
  updateSyncState,
  withoutCapture,
  writeCell,
  type ChapterMember,
} from '../db/sync'
import { checkServer, ChapterSync, connectMember } from '../sync/engine'
import { decodeInvitation } from '../sync/invitation'
import { saveLogin, storedLogin } from '../sync/logins'
import { nowIso, type ServiceContext } from './context'
import { checkFileName, newNetwork, openNetwork } from './files/store'
import { NETWORK_EXT } from '../paths'
import { join } from 'node:path'
import type { SliceHandlers } from './types'

const engines = new WeakMap<ServiceContext, ChapterSync>()

/** The app's one sync engine (per service context). */
export function chapterSync(ctx: ServiceContext): ChapterSync {
  let e = engines.get(ctx)
  if (!e) engines.set(ctx, (e = new ChapterSync({ getDb: () => ctx.store.db, dataDir: ctx.dataDir, now: ctx.now })))
  return e
}

/**
 * Live updates for a host (the Electron main process, the web bridge): LISTEN
 * plus a poll, whenever the open network is a chapter network. Tests do not
 * start it unless they want it. Returns the stop function.
 */
export function startChapterLive(ctx: ServiceContext, opts: { pollMs?: number } = {}): () => Promise<void> {
  return chapterSync(ctx).startLive(opts)
}

function members(db: Db): ChapterMember[] {
  try {
    return JSON.parse(getSyncState(db)?.members ?? '[]') as ChapterMember[]
  } catch {
    return []
  }
}

export function syncStatus(ctx: ServiceContext): SyncStatus {
  const db = ctx.store.db
  const st = getSyncState(db)
  if (!st)
    return {
      joined: false,
      chapter: null,
      member: null,
      personId: null,
      lastSyncAt: null,
      pending: 0,
      offline: false,
      lastError: null,
      conflicts: 0,
      duplicates: 0,
      readOnly: null,
      parked: 0,
      live: false,
      cursor: 0,
      members: [],
    }
  return {
    joined: true,
    chapter: st.chapter_name,
    member: st.member_name,
    personId: st.person_id,
    lastSyncAt: st.last_sync_at,
    pending: pendingCount(db),
    offline: st.offline === 1,
    lastError: st.last_error,
    conflicts: openConflictCount(db),
    duplicates: duplicateCount(ctx),
    readOnly: st.status === 'removed' ? (st.status_reason ?? 'Read-only.') : null,
    parked: parkedCount(db),
    live: chapterSync(ctx).live,
    cursor: st.cursor,
    members: members(db).map((m) => ({ name: m.name, personId: m.personId, removed: m.removed })),
  }
}

const DUPLICATE_WINDOW_DAYS = 30
const duplicatesSince = (ctx: ServiceContext) => new Date(ctx.now().getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000).toISOString()

/** Counted again only when the data changed (the sidebar asks every few seconds). */
const dupCache = new WeakMap<Db, { key: string; n: number }>()
function duplicateCount(ctx: ServiceContext): number {
  const db = ctx.store.db
  const key = `${getSyncState(db)?.cursor ?? 0}|${lastChangeSeq(db)}|${duplicatesSince(ctx).slice(0, 10)}`
  const c = dupCache.get(db)
  if (c && c.key === key) return c.n
  const n = duplicateIntroductions(db, duplicatesSince(ctx), 100).length
  dupCache.set(db, { key, n })
  return n
}

function conflictItems(ctx: ServiceContext): ConflictItem[] {
  const db = ctx.store.db
  const names = new Map(members(db).map((m) => [m.role, m.name]))
  const who = (role: string) => names.get(role) ?? (role === 'postgres' ? 'the chapter admin' : role)
  return openConflicts(db).map((c) => ({
    id: c.id,
    table: c.tbl,
    rowId: c.row_id,
    column: c.col,
    what: describeRow(db, c.tbl, c.row_id),
    value: c.value === null ? null : (JSON.parse(c.value) as unknown),
    current: cellValue(db, c.tbl, c.row_id, c.col)?.value ?? null,
    author: who(c.author),
    winnerAuthor: who(c.winner_author),
    at: c.at,
  }))
}

/** A file name for the chapter's network: the chapter's name, made safe, not taken yet. */
function chapterFile(ctx: ServiceContext, chapter: string): string {
  const base = [...chapter].map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || '<>:"|?*/\\'.includes(ch) ? ' ' : ch)).join('').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 80).trim() || 'Chapter'
  for (let i = 1; ; i++) {
    const name = `${base}${i > 1 ? ` (${i})` : ''}.${NETWORK_EXT}`
    checkFileName(name)
    const file = join(ctx.dataDir, name)
    if (!existsSync(file)) return file
  }
}

export function syncHandlers(ctx: ServiceContext): SliceHandlers<typeof syncChannels> {
  const engine = chapterSync(ctx)
  return {
    'sync:join': async ({ invitation }) => {
      const inv = decodeInvitation(invitation)
      const client = await connectMember(inv)
      let list: ChapterMember[]
      try {
        list = await checkServer(client, inv)
      } finally {
        await client.end().catch(() => undefined)
      }
      const cur = getSyncState(ctx.store.db)
      if (cur && cur.chapter_id === inv.chapterId && cur.role === inv.role) {
        // The admin sent this member a new invitation (a new password): this copy keeps going with it.
        const db = ctx.store.db
        saveLogin(ctx.dataDir, inv)
        tx(db, () => withoutCapture(db, () => updateSyncState(db, { invitation: storedLogin(inv), members: JSON.stringify(list) })))
        await engine.syncNow().catch(() => undefined)
        return syncStatus(ctx)
      }
      const previous = ctx.store.file
      const file = chapterFile(ctx, inv.chapter)
      saveLogin(ctx.dataDir, inv)
      newNetwork(ctx, file)
      try {
        const db = ctx.store.db
        tx(db, () =>
          withoutCapture(db, () => {
            createSyncState(db, {
              chapter_id: inv.chapterId,
              chapter_name: inv.chapter,
              member_name: inv.member,
              person_id: inv.personId,
              role: inv.role,
              invitation: storedLogin(inv),
              joined_at: nowIso(ctx),
            })
            updateSyncState(db, { members: JSON.stringify(list) })
          }),
        )
      } catch (e) {
        openNetwork(ctx, previous)
        if (existsSync(file)) unlinkSync(file)
        throw e
      }
      try {
        await engine.syncNow()
      } catch {
        // The chapter file is made and remembers the invitation; the status says why the first sync did not finish.
      }
      const db = ctx.store.db
      withoutCapture(db, () => tx(db, () => setMe(db, inv.personId)))
      return syncStatus(ctx)
    },
    'sync:now': async () => {
      const r = await engine.syncNow()
      const db = ctx.store.db
      const st = getSyncState(db)
      if (st && r.pulled > 0) withoutCapture(db, () => tx(db, () => setMe(db, st.person_id)))
      return r
    },
    'sync:status': () => syncStatus(ctx),
    'sync:conflicts': () => ({ items: conflictItems(ctx) }),
    'sync:resolve': ({ id, action }) => {
      const db = ctx.store.db
      const c = getConflict(db, id)
      if (!c) throw new AppError('NOT_FOUND', `No conflict with id ${id}.`, 'id')
      if (c.resolved) throw new AppError('CONFLICT', 'That conflict was already resolved.', 'id')
      tx(db, () => {
        if (action === 'restore') {
          const ok = writeCell(db, c.tbl, c.row_id, c.col, c.value === null ? null : JSON.parse(c.value), nowIso(ctx))
          if (!ok) throw new AppError('NOT_FOUND', `Cannot restore: ${describeRow(db, c.tbl, c.row_id)} is no longer here.`, 'id')
        }
        markConflict(db, id, action === 'restore' ? 'restored' : 'dismissed')
      })
      engine.nudge()
      return { items: conflictItems(ctx) }
    },
    'sync:leave': async ({ discardPending }) => {
      const db = ctx.store.db
      if (!getSyncState(db)) throw new AppError('NOT_FOUND', 'The open network is not a chapter network.')
      const pending = pendingCount(db)
      if (pending > 0 && !discardPending)
        throw new AppError('CONFLICT', `${pending} change${pending === 1 ? ' has' : 's have'} not reached the chapter yet: sync first, or leave anyway (they stay only in this file).`)
      await engine.close()
      tx(db, () => withoutCapture(db, () => clearSyncState(db)))
      return syncStatus(ctx)
    },
    'sync:privateNote': ({ table, id }) => getPrivateNote(ctx.store.db, table, id),
    'sync:setPrivateNote': ({ table, id, notes, isPrivate }) => {
      const db = ctx.store.db
      return tx(db, () => {
        if (!rowExists(db, table, id)) throw new AppError('NOT_FOUND', `No ${table === 'people' ? 'person' : table.slice(0, -1)} with id ${id}.`, 'id')
        const patch: { notes?: string | null; isPrivate?: boolean } = {}
        if (notes !== undefined) patch.notes = notes
        if (isPrivate !== undefined) patch.isPrivate = isPrivate
        return setPrivateNote(db, table, id, patch, nowIso(ctx))
      })
    },
    'sync:duplicates': () => ({ items: duplicateIntroductions(ctx.store.db, duplicatesSince(ctx)) }),
    'sync:resolveDuplicate': ({ keepId, dropId, action }) => {
      const db = ctx.store.db
      if (keepId === dropId) throw new AppError('VALIDATION', 'Pick two different introductions.', 'dropId')
      tx(db, () => {
        const pair = introPair(db, keepId, dropId)
        if (!pair) throw new AppError('NOT_FOUND', 'One of the two introductions is no longer here.', 'dropId')
        if (pair.keep.referrer_id !== pair.drop.referrer_id || pair.keep.receiver_id !== pair.drop.receiver_id)
          throw new AppError('CONFLICT', 'These two introductions are not between the same people.', 'dropId')
        if (action === 'merge') dropDuplicate(db, dropId, nowIso(ctx))
        else withoutCapture(db, () => markNotDuplicate(db, keepId, dropId))
      })
      return { items: duplicateIntroductions(db, duplicatesSince(ctx)) }
    },
    'sync:report': ({ from, to }) => {
      const db = ctx.store.db
      const st = getSyncState(db)
      if (!st) throw new AppError('NOT_FOUND', 'The open network is not a chapter network.')
      const ids = members(db).filter((m) => !m.removed).map((m) => m.personId)
      return { chapter: st.chapter_name, rows: chapterReport(db, ids, from, to) }
    },
  }
}
