import { AppError } from '../../shared/errors'
import { SQLSTATE } from './server'

interface PgLikeError {
  code?: string
  message?: string
  detail?: string
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE'])
/** admin_shutdown (terminated, server stopping), crash_shutdown, cannot_connect_now (starting up), connection exceptions. */
const SERVER_GONE = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004'])

/** The connection dropped or never came up: the laptop is offline for now; nothing is lost. */
export function isConnectionError(e: unknown): boolean {
  const err = e as PgLikeError
  if (err?.code && (NETWORK_CODES.has(err.code) || SERVER_GONE.has(err.code))) return true
  return /Connection terminated|connection timeout|timeout expired|Client has encountered a connection error|not queryable|socket hang up|read ECONNRESET/i.test(
    err?.message ?? '',
  )
}

/** The server refused the member's login: the password is wrong (28P01) or the login was revoked (28000 "not permitted to log in"). */
export function loginRefusal(e: unknown): 'password' | 'revoked' | null {
  const err = e as PgLikeError
  if (err?.code === '28P01') return 'password'
  if (err?.code === '28000' && /not permitted to log in/i.test(err.message ?? '')) return 'revoked'
  return null
}

export const isNotMember = (e: unknown): boolean => (e as PgLikeError)?.code === SQLSTATE.notMember
export const isFutureStamp = (e: unknown): boolean => (e as PgLikeError)?.code === SQLSTATE.futureStamp

export function offlineError(host: string, port: number, e: unknown, pending: number): AppError {
  const why = (e as PgLikeError)?.message ?? String(e)
  return new AppError(
    'BUSY',
    `The chapter server at ${host}:${port} cannot be reached (${why}). You can keep working: ${pending} change${pending === 1 ? '' : 's'} wait${pending === 1 ? 's' : ''} to be sent.`,
  )
}

export const REMOVED_REASON = 'The chapter admin removed you from the chapter: this copy is read-only. Your personal network is not affected.'
