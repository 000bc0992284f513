import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { startCluster, type PgCluster } from '../../helpers/pg'
import { chapterAdminArgs, main, runChapterAdmin } from '../../../src/cli/chapter'
import { connectionConfig, decodeInvitation, type Invitation } from '../../../src/backend/sync/invitation'
import { hlcToString } from '../../../src/core/hlc'

let pgc: PgCluster
let url: string
const out: string[] = []
const cli = async (...args: string[]) => {
  out.length = 0
  await main(args, (s) => out.push(s))
  return out.slice()
}
const invite = async (chapter: string, member: string) => decodeInvitation((await cli('invite', '--db', url, '--chapter', chapter, '--member', member)).at(-1)!)

async function as<T>(inv: Invitation, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client(connectionConfig(inv))
  await c.connect()
  try {
    return await fn(c)
  } finally {
    await c.end()
  }
}
const stamp = (n = 0) => hlcToString({ ms: Date.now(), counter: n, node: 'aa' })
const cell = (r: string, c: string, v: unknown, s = '*', n = 0) => ({ t: 'people', r: JSON.stringify([r]), c, s, v, h: stamp(n), b: null })

async function snapshot(): Promise<string> {
  const q = async (sql: string) => JSON.stringify((await pgc.query(sql, [], 'chapter')).rows)
  return [
    await q(`SELECT schemaname, tablename, policyname, cmd, qual, with_check FROM pg_policies WHERE schemaname = 'sync' ORDER BY 1, 2, 3`),
    await q(`SELECT relname, relrowsecurity, relforcerowsecurity, relacl::text FROM pg_class WHERE relnamespace = 'sync'::regnamespace ORDER BY 1`),
    await q(`SELECT rolname, rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname LIKE 'rm\\_%' ORDER BY 1`),
    await q(`SELECT id, name, group_role FROM sync.chapters ORDER BY 1`),
    await q(`SELECT key, value FROM sync.meta ORDER BY 1`),
    await q(`SELECT proname, prosrc, proacl::text FROM pg_proc WHERE pronamespace = 'sync'::regnamespace ORDER BY 1`),
  ].join('\n')
}

let ann: Invitation, ben: Invitation, cy: Invitation

beforeAll(async () => {
  pgc = await startCluster()
  await pgc.createDatabase('chapter')
  url = pgc.url('chapter')
  expect((await cli('init', '--db', url, '--chapter', 'North'))[0]).toMatch(/created/)
  await cli('init', '--db', url, '--chapter', 'South')
  ann = await invite('North', 'Ann Alder')
  ben = await invite('North', 'Ben Brooks')
  cy = await invite('South', 'Cy Cole')
})
afterAll(async () => {
  await pgc?.stop()
})

describe('chapter init / invite / remove and the access matrix', () => {
  it('init run again changes nothing', async () => {
    const before = await snapshot()
    expect((await cli('init', '--db', url, '--chapter', 'North'))[0]).toMatch(/nothing changed/)
    expect(await snapshot()).toBe(before)
  })

  it('prints the invitation as the last line: host, port, database, own role and password, chapter id', async () => {
    expect(ann.host).toBe('127.0.0.1')
    expect(ann.port).toBe(pgc.port)
    expect(ann.db).toBe('chapter')
    expect(ann.chapter).toBe('North')
    expect(ann.role).not.toBe(ben.role)
    expect(ann.chapterId).toBe(ben.chapterId)
    expect(cy.chapterId).not.toBe(ann.chapterId)
    expect(ann.tls).toBe('off')
  })

  it('no app role is superuser or BYPASSRLS; the data tables force row-level security', async () => {
    const roles = await pgc.query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>(
      `SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname LIKE 'rm\\_%'`,
    )
    expect(roles.rows.length).toBe(5) // two chapter roles, three members
    for (const r of roles.rows) expect([r.rolname, r.rolsuper, r.rolbypassrls]).toEqual([r.rolname, false, false])
    // Role names give away neither chapter nor member (any login can list pg_roles).
    for (const r of roles.rows) expect(r.rolname).toMatch(/^rm_[cm]_[0-9a-f]{16}$/)
    const t = await pgc.query<{ relname: string; f: boolean }>(
      `SELECT relname, relforcerowsecurity AS f FROM pg_class WHERE relname IN ('cells', 'conflicts') AND relnamespace = 'sync'::regnamespace`,
      [],
      'chapter',
    )
    expect(t.rows.map((r) => r.f)).toEqual([true, true])
  })

  it('a member reads the shared cells of their chapter and never another member’s private cell; another chapter reads nothing', async () => {
    await as(ann, (c) =>
      c.query('SELECT sync.push($1, $2)', [
        ann.chapterId,
        JSON.stringify([cell('p1', 'name', 'Pat Prospect'), cell('p1', 'secret', 'owes me money', ann.role)]),
      ]),
    )
    const seenByBen = await as(ben, (c) => c.query('SELECT col, value FROM sync.cells ORDER BY col'))
    expect(seenByBen.rows.map((r) => r.col)).toContain('name')
    expect(seenByBen.rows.map((r) => r.col)).not.toContain('secret')
    expect(JSON.stringify(seenByBen.rows)).not.toContain('owes me money')
    const seenByAnn = await as(ann, (c) => c.query(`SELECT value FROM sync.cells WHERE col = 'secret'`))
    expect(seenByAnn.rows).toEqual([{ value: 'owes me money' }])
    const seenByCy = await as(cy, (c) => c.query('SELECT DISTINCT chapter_id::text AS ch FROM sync.cells'))
    expect(seenByCy.rows).toEqual([{ ch: cy.chapterId }]) // only South: Cy's own person
    const northByCy = await as(cy, (c) => c.query('SELECT count(*)::int AS n FROM sync.cells WHERE chapter_id = $1', [ann.chapterId]))
    expect(northByCy.rows[0].n).toBe(0)
    const cyMembers = await as(cy, (c) => c.query('SELECT name FROM sync.members ORDER BY name'))
    expect(cyMembers.rows.map((r) => r.name)).toEqual(['Cy Cole'])
  })

  it('a member cannot write into another chapter, into another member’s private scope, or delete', async () => {
    const err = (p: Promise<unknown>) => p.then(() => null, (e: { code?: string; message: string }) => e)
    const e1 = await as(cy, (c) => err(c.query('SELECT sync.push($1, $2)', [ann.chapterId, JSON.stringify([cell('p2', 'name', 'x')])])))
    expect(e1?.code).toBe('RM002')
    const e2 = await as(ben, (c) =>
      err(
        c.query(
          `INSERT INTO sync.cells (chapter_id, tbl, row_id, col, scope, value, hlc, author, seq) VALUES ($1, 'people', '["p1"]', 'secret', $2, '"x"', $3, session_user, 0)`,
          [ben.chapterId, ann.role, stamp(5)],
        ),
      ),
    )
    expect(e2?.message).toMatch(/row-level security/)
    const upd = await as(ben, (c) => c.query(`UPDATE sync.cells SET value = '"stolen"' WHERE col = 'secret'`))
    expect(upd.rowCount).toBe(0)
    const e3 = await as(ben, (c) => err(c.query(`DELETE FROM sync.cells`)))
    expect(e3?.message).toMatch(/permission denied/)
    const e4 = await as(ben, (c) => err(c.query(`SET ROLE postgres`)))
    expect(e4?.message).toMatch(/permission denied/)
  })

  it('a wrong password and a removed member cannot log in; what the removed member shared stays', async () => {
    const wrong = await as({ ...ann, password: 'not-the-password' }, async () => 'connected').catch((e: { code?: string }) => e.code)
    expect(wrong).toBe('28P01')
    const gone = await invite('North', 'Dee Dunn')
    await as(gone, (c) => c.query('SELECT sync.push($1, $2)', [gone.chapterId, JSON.stringify([cell('p9', 'name', 'Shared by Dee')])]))
    const live = new pg.Client(connectionConfig(gone))
    await live.connect()
    live.on('error', () => undefined)
    expect((await cli('remove', '--db', url, '--chapter', 'North', '--member', 'Dee Dunn'))[0]).toMatch(/removed/)
    await expect(live.query('SELECT 1')).rejects.toThrow()
    const again = await as(gone, async () => 'connected').catch((e: { code?: string }) => e.code)
    expect(again).toBe('28000')
    const seen = await as(ann, (c) => c.query(`SELECT value FROM sync.cells WHERE row_id = '["p9"]'`))
    expect(seen.rows).toEqual([{ value: 'Shared by Dee' }])
    await expect(cli('remove', '--db', url, '--chapter', 'North', '--member', 'Dee Dunn')).rejects.toThrow(/No active member/)
  })

  it('the packaged app runs the same tool: <app> chapter-admin init …; failures exit 1 with the message', async () => {
    expect(chapterAdminArgs(['/opt/Referral Map/referral-map', 'chapter-admin', 'init', '--db', 'x'])).toEqual(['init', '--db', 'x'])
    expect(chapterAdminArgs(['/opt/Referral Map/referral-map', '/home/a/North.referralmap'])).toBeNull()
    const logged: string[] = []
    const log = console.log
    const err = console.error
    console.log = (s: string) => logged.push(s)
    console.error = (s: string) => logged.push(s)
    try {
      expect(await runChapterAdmin(['init', '--db', url, '--chapter', 'North'])).toBe(0)
      expect(await runChapterAdmin(['invite', '--db', url, '--chapter', 'Nowhere', '--member', 'X'])).toBe(1)
    } finally {
      console.log = log
      console.error = err
    }
    expect(logged).toEqual([expect.stringMatching(/nothing changed/), expect.stringMatching(/No chapter named "Nowhere"/)])
  })

  it('refuses bad command lines and unknown chapters with a clear message', async () => {
    await expect(cli('invite', '--db', url, '--chapter', 'Nowhere', '--member', 'X')).rejects.toThrow(/No chapter named "Nowhere"/)
    await expect(cli('invite', '--db', url, '--chapter', 'North')).rejects.toThrow(/--member is required/)
    await expect(cli('frobnicate', '--db', url, '--chapter', 'North')).rejects.toThrow(/Usage/)
    await expect(as(ann, (c) => main(['init', '--db', `postgres://${ann.role}:${ann.password}@127.0.0.1:${pgc.port}/chapter`, '--chapter', 'X'], () => undefined).then(() => c))).rejects.toThrow(/server admin/)
  })
})
