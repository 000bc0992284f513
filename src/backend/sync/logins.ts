import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import { Invitation } from './invitation'

/**
 * A member's chapter password lives in the app's data folder
 * (`chapter-logins.json`, readable by the user only), not in the chapter's
 * network file: a copy of the file (Save a copy, a file sent to someone)
 * carries no credentials. The network file keeps the rest of the invitation.
 */
const FILE = 'chapter-logins.json'
export const StoredLogin = Invitation.omit({ password: true })
export type StoredLogin = Omit<Invitation, 'password'>

const key = (inv: Pick<Invitation, 'chapterId' | 'role'>) => `${inv.chapterId}/${inv.role}`

function read(dataDir: string): Record<string, string> {
  const f = join(dataDir, FILE)
  if (!existsSync(f)) return {}
  try {
    const v = JSON.parse(readFileSync(f, 'utf8')) as unknown
    return v && typeof v === 'object' ? (v as Record<string, string>) : {}
  } catch {
    return {}
  }
}

export function saveLogin(dataDir: string, inv: Invitation): void {
  const all = { ...read(dataDir), [key(inv)]: inv.password }
  const f = join(dataDir, FILE)
  const tmp = `${f}.tmp`
  writeFileSync(tmp, JSON.stringify(all, null, 2), { mode: 0o600 })
  renameSync(tmp, f)
  try {
    chmodSync(f, 0o600)
  } catch {
    // Best effort on file systems without modes.
  }
}

/** What the network file keeps: the invitation without its password. */
export function storedLogin(inv: Invitation): string {
  const { password: _password, ...rest } = inv
  return JSON.stringify(rest)
}

/** The full invitation for a chapter copy on this computer, or a VALIDATION error asking for it again. */
export function loginFor(dataDir: string, stored: string): Invitation {
  const parsed = StoredLogin.safeParse(JSON.parse(stored))
  if (!parsed.success) throw new AppError('INVALID_FILE', 'The chapter details in this network file are damaged: join the chapter again with your invitation.')
  const password = read(dataDir)[key(parsed.data)]
  if (!password)
    throw new AppError(
      'VALIDATION',
      `This computer has no login for the chapter "${parsed.data.chapter}": paste your invitation again (File > Join a chapter…) to keep sharing.`,
      'invitation',
    )
  return { ...parsed.data, password }
}
