/**
 * `npm run chapter -- init|invite|remove --db <postgres-url> --chapter "<name>" [--member "<name>"]`
 *
 * The chapter admin's tool. --db is the admin's own login (a superuser, or a role
 * with CREATEROLE and BYPASSRLS). init creates the schema, the chapter, its role
 * and policies (again: changes nothing); invite creates the member's own login
 * and prints the invitation as the last line; remove revokes it.
 * Options for invite: --host/--port (what members connect to, default those of
 * --db), --tls off|require|verify (default: off on loopback, verify elsewhere).
 */
import pg from 'pg'
import { ChapterAdminError, initChapter, inviteMember, removeMember } from '../backend/sync/server'

const USAGE = `Usage: npm run chapter -- <init|invite|remove> --db <postgres-url> --chapter "<name>" [--member "<name>"]
  invite options: --host <name> --port <n> (what members connect to) --tls off|require|verify`

export function parseArgs(argv: string[]): { cmd: string; opts: Record<string, string> } {
  const [cmd = '', ...rest] = argv
  const opts: Record<string, string> = {}
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!
    if (!a.startsWith('--')) throw new ChapterAdminError(`Unexpected argument ${a}.\n${USAGE}`)
    const eq = a.indexOf('=')
    if (eq > 0) opts[a.slice(2, eq)] = a.slice(eq + 1)
    else {
      const v = rest[i + 1]
      if (v === undefined || v.startsWith('--')) throw new ChapterAdminError(`${a} needs a value.\n${USAGE}`)
      opts[a.slice(2)] = v
      i++
    }
  }
  return { cmd, opts }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]'])

export async function main(argv: string[], out: (s: string) => void = console.log): Promise<number> {
  const { cmd, opts } = parseArgs(argv)
  if (!['init', 'invite', 'remove'].includes(cmd)) throw new ChapterAdminError(USAGE)
  const need = (k: string) => {
    const v = opts[k]?.trim()
    if (!v) throw new ChapterAdminError(`--${k} is required.\n${USAGE}`)
    return v
  }
  const dbUrl = need('db')
  const chapter = need('chapter')
  let url: URL
  try {
    url = new URL(dbUrl)
  } catch {
    throw new ChapterAdminError('--db must be a URL like postgres://admin:password@host:5432/database')
  }
  const client = new pg.Client({ connectionString: dbUrl })
  await client.connect()
  try {
    if (cmd === 'init') {
      const r = await initChapter(client, chapter)
      out(r.created ? `Chapter "${r.chapter.name}" created (id ${r.chapter.id}).` : `Chapter "${r.chapter.name}" is set up; nothing changed.`)
    } else if (cmd === 'invite') {
      const member = need('member')
      const host = opts.host ?? url.hostname
      const tls = (opts.tls ?? (LOOPBACK.has(host) ? 'off' : 'verify')) as 'off' | 'require' | 'verify'
      if (!['off', 'require', 'verify'].includes(tls)) throw new ChapterAdminError('--tls must be off, require or verify.')
      const port = Number(opts.port ?? (url.port || 5432))
      const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres'
      const inv = await inviteMember(client, chapter, member, { host, port, database, tls })
      out(`Invitation for ${member} (send it privately; it holds their password):`)
      out(inv)
    } else {
      const member = need('member')
      await removeMember(client, chapter, member)
      out(`${member} was removed from "${chapter}": their login is revoked; what they shared stays.`)
    }
    return 0
  } finally {
    await client.end()
  }
}

/** Runs the tool and answers an exit code; messages go to stdout/stderr. */
export async function runChapterAdmin(argv: string[]): Promise<number> {
  try {
    return await main(argv)
  } catch (e) {
    console.error(e instanceof ChapterAdminError ? e.message : `chapter: ${(e as Error).message}`)
    return 1
  }
}

/**
 * The packaged app runs the same tool: `<app executable> chapter-admin init --db … --chapter "…"`.
 * Returns the tool's arguments when the app was started that way, else null.
 */
export function chapterAdminArgs(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('chapter-admin')
  return at > 0 ? argv.slice(at + 1) : null
}

const isMain = process.argv[1] && /chapter\.(ts|js|cjs|mjs)$/.test(process.argv[1])
if (isMain) void runChapterAdmin(process.argv.slice(2)).then((code) => process.exit(code))
