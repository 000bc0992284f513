import { statSync } from 'node:fs'
import { z } from 'zod'
import { contract, type Channel } from '../shared/contract'
import { AppError, BUSY_MESSAGE, type AppErrorShape, type Result } from '../shared/errors'
import type { Db } from './db/connection'
import type { Handlers } from './services/types'

/** zod issue -> the typed error the UI shows next to the field. */
export function validationError(err: z.ZodError): AppErrorShape {
  const issue = err.issues[0]
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined
  let message = issue?.message ?? 'Invalid input.'
  if (issue?.code === 'invalid_type' && /received undefined/i.test(message)) message = `${field ?? 'A value'} is required.`
  if (issue?.code === 'unrecognized_keys') message = `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`
  const out: AppErrorShape = { code: 'VALIDATION', message }
  if (field) out.field = field
  if (err.issues.length > 1) out.details = err.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }))
  return out
}

export function toErrorShape(e: unknown): AppErrorShape {
  if (e instanceof AppError) return e.toJSON()
  if (e instanceof z.ZodError) return validationError(e)
  const msg = e instanceof Error ? e.message : String(e)
  const code = (e as { code?: string } | null)?.code
  if (isBusy(e)) return { code: 'BUSY', message: BUSY_MESSAGE }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return { code: 'NOT_FOUND', message: 'A referenced record does not exist.' }
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'))
    return { code: 'CONFLICT', message: `The change conflicts with what is stored (${msg}).` }
  return { code: 'INTERNAL', message: msg || 'Something went wrong.' }
}

/** SQLite's "database is locked" family: another connection holds the lock this call needs. */
export function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)
}

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

/**
 * Waits (ms) between tries of a call that met a locked network file. Each try
 * itself waits at most the connection's short busy_timeout (connection.ts)
 * with the event loop blocked; these waits are timers, so other requests are
 * answered meanwhile. About 3.5 s in all, then the call answers BUSY.
 */
export const BUSY_BACKOFF_MS: readonly number[] = [20, 40, 80, 160, 320, 640, 1000, 1000]

export interface DispatchOptions {
  /**
   * The open network. With it, a call that met a locked file is tried again
   * after a wait, but only when the failed try committed nothing (writeMark:
   * the lock was met before the first commit, e.g. at BEGIN IMMEDIATE), so no
   * work is ever done twice.
   */
  db?: () => Db
  /** Waits between tries; BUSY_BACKOFF_MS unless a test shortens them. */
  backoff?: readonly number[]
}

const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms))

/**
 * The connection plus the size and modification time of the network file and
 * its WAL: every committed write changes them (a commit appends to the WAL),
 * while temp tables and rolled-back work do not. Equal marks before and after
 * a failed try mean it committed nothing to the network.
 */
function writeMark(db: Db | undefined): { db: Db | undefined; files: string } {
  if (!db || !db.open || db.memory) return { db, files: '' }
  const st = (f: string) => {
    const s = statSync(f, { throwIfNoEntry: false })
    return s ? `${s.size}:${s.mtimeMs}` : '-'
  }
  return { db, files: `${st(db.name)}|${st(`${db.name}-wal`)}` }
}

/**
 * The one path every call takes, on every transport: known channel, validate,
 * run the handler, and turn any failure into a typed error.
 */
export async function dispatch(handlers: Handlers, channel: string, raw: unknown, opts: DispatchOptions = {}): Promise<Result<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel: ${channel}` } }
  const handler = handlers[channel] as ((input: unknown) => unknown) | undefined
  if (typeof handler !== 'function') {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `${channel} is not available in this version of the app.` } }
  }
  const parsed = contract[channel].input.safeParse(raw === null ? undefined : raw)
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) }
  const backoff = opts.backoff ?? BUSY_BACKOFF_MS
  for (let attempt = 0; ; attempt++) {
    const before = opts.db ? writeMark(opts.db()) : undefined
    try {
      const data = await handler(parsed.data)
      return { ok: true, data }
    } catch (e) {
      if (isBusy(e) && before && attempt < backoff.length) {
        const after = writeMark(opts.db!())
        if (after.db === before.db && before.files !== '' && after.files === before.files && !after.db?.inTransaction) {
          await sleep(backoff[attempt]!)
          continue
        }
      }
      const error = toErrorShape(e)
      if (error.code === 'INTERNAL') console.error(`[${channel}]`, e)
      return { ok: false, error }
    }
  }
}
