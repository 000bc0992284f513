import { createHash } from 'node:crypto'
import { createTestApp, type TestApp } from '../../helpers/ctx'
import { startCluster, type PgCluster } from '../../helpers/pg'
import { main as chapterCli } from '../../../src/cli/chapter'
import { decodeInvitation } from '../../../src/backend/sync/invitation'
import { chapterSync } from '../../../src/backend/services/sync'

/** A chapter server: a cluster, a database with the chapter schema, and a CLI runner. */
export interface ChapterServer {
  pg: PgCluster
  url: string
  cli(...args: string[]): Promise<string[]>
  invite(member: string, chapter?: string): Promise<string>
  stop(): Promise<void>
}

export async function startChapterServer(chapter = 'North'): Promise<ChapterServer> {
  const pg = await startCluster()
  await pg.createDatabase('chapter')
  const url = pg.url('chapter')
  const cli = async (...args: string[]) => {
    const out: string[] = []
    await chapterCli(args, (s) => out.push(s))
    return out
  }
  await cli('init', '--db', url, '--chapter', chapter)
  return {
    pg,
    url,
    cli,
    invite: async (member, ch = chapter) => (await cli('invite', '--db', url, '--chapter', ch, '--member', member)).at(-1)!,
    stop: () => pg.stop(),
  }
}

export interface Laptop extends TestApp {
  personId: string
  sync(): Promise<{ pushed: number; pulled: number; conflicts: number }>
}

/** A laptop (its own data folder) that joined the chapter with an invitation. */
export async function joinLaptop(invitation: string, now = new Date().toISOString()): Promise<Laptop> {
  const app = createTestApp(now)
  await app.call('sync:join', { invitation })
  const inv = decodeInvitation(invitation)
  const close = app.close
  return Object.assign(app, {
    personId: inv.personId,
    sync: () => app.call('sync:now', {}),
    close: () => {
      void chapterSync(app.ctx).close()
      close()
    },
  })
}

/** The shared tables as every member should see them (local-only columns left out), as one hash. */
export function sharedChecksum(app: TestApp): string {
  const db = app.ctx.store.db
  const h = createHash('sha256')
  const tables: [string, string][] = [
    ['people', 'id'],
    ['person_tags', 'person_id, tag_key'],
    ['groups', 'id'],
    ['memberships', 'group_id, person_id'],
    ['introductions', 'id'],
    ['introduction_status_history', 'id'],
    ['interactions', 'id'],
  ]
  for (const [t, order] of tables) {
    const rows = db.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).all() as Record<string, unknown>[]
    for (const r of rows) {
      delete r.is_me
      delete r.cadence_days
      h.update(`${t}:${JSON.stringify(r)}\n`)
    }
  }
  return h.digest('hex')
}

export function count(app: TestApp, sql: string, ...args: unknown[]): number {
  return (app.ctx.store.db.prepare(sql).get(...args) as { n: number }).n
}
