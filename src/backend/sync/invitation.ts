import { z } from 'zod'
import { AppError } from '../../shared/errors'

/**
 * What a chapter admin hands a member: their own database login and the
 * chapter, as one copy-pasteable line (`rmchapter1.` + base64url JSON).
 */
export const Invitation = z
  .object({
    v: z.literal(1),
    host: z.string().min(1).max(255),
    port: z.number().int().min(1).max(65535),
    db: z.string().min(1).max(63),
    role: z.string().min(1).max(63),
    password: z.string().min(8).max(200),
    chapterId: z.string().uuid(),
    chapter: z.string().min(1).max(200),
    member: z.string().min(1).max(200),
    /** The member's own person in the chapter network ("you" on their laptop). */
    personId: z.string().min(1).max(64),
    /** off: loopback or a private network; require: encrypted; verify: encrypted and the certificate checked. */
    tls: z.enum(['off', 'require', 'verify']),
  })
  .strict()
export type Invitation = z.infer<typeof Invitation>

const PREFIX = 'rmchapter1.'

export function encodeInvitation(inv: Invitation): string {
  return PREFIX + Buffer.from(JSON.stringify(Invitation.parse(inv)), 'utf8').toString('base64url')
}

/** Reads an invitation string; anything else is a VALIDATION error on the `invitation` field. */
export function decodeInvitation(text: string): Invitation {
  const s = text.trim()
  const bad = (why: string) =>
    new AppError('VALIDATION', `That is not a chapter invitation (${why}). Paste the whole line your chapter admin sent, starting with ${PREFIX}`, 'invitation')
  if (!s.startsWith(PREFIX)) throw bad(`it does not start with ${PREFIX}`)
  const body = s.slice(PREFIX.length)
  if (!/^[A-Za-z0-9_-]+$/.test(body)) throw bad('it has characters an invitation never has; was it cut or wrapped?')
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    throw bad('it is cut short or damaged')
  }
  const r = Invitation.safeParse(json)
  if (!r.success) throw bad(`${r.error.issues[0]?.path.join('.') || 'content'} is missing or wrong`)
  return r.data
}

/** node-postgres connection settings for a member's invitation. */
export function connectionConfig(inv: Invitation): {
  host: string
  port: number
  database: string
  user: string
  password: string
  ssl: false | { rejectUnauthorized: boolean }
  connectionTimeoutMillis: number
} {
  return {
    host: inv.host,
    port: inv.port,
    database: inv.db,
    user: inv.role,
    password: inv.password,
    ssl: inv.tls === 'off' ? false : { rejectUnauthorized: inv.tls === 'verify' },
    connectionTimeoutMillis: 10_000,
  }
}
