import { z } from 'zod'
import { contract, type Channel } from '../../shared/contract'
import { AppError, type AppErrorShape, type Result } from '../../shared/errors'
import type { Handlers } from '../services/types'

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
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return { code: 'NOT_FOUND', message: 'A referenced record does not exist.' }
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'))
    return { code: 'CONFLICT', message: `The change conflicts with what is stored (${msg}).` }
  return { code: 'INTERNAL', message: msg || 'Something went wrong.' }
}

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

/**
 * The one path every call takes, on every transport: known channel, validate,
 * run the handler, and turn any failure into a typed error.
 */
export async function dispatch(handlers: Handlers, channel: string, raw: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel: ${channel}` } }
  const parsed = contract[channel].input.safeParse(raw === null ? undefined : raw)
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown
    const data = await handler(parsed.data)
    return { ok: true, data }
  } catch (e) {
    const error = toErrorShape(e)
    if (error.code === 'INTERNAL') console.error(`[${channel}]`, e)
    return { ok: false, error }
  }
}
