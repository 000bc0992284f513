import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { count, joinLaptop, sharedChecksum, startChapterServer, type ChapterServer, type Laptop } from './fixture'
import { createTestApp } from '../../helpers/ctx'
import { decodeInvitation, encodeInvitation } from '../../../src/backend/sync/invitation'
import { chapterSync } from '../../../src/backend/services/sync'

let server: ChapterServer
let annInv: string, benInv: string
let ann: Laptop, ben: Laptop
const laptops: Laptop[] = []

beforeAll(async () => {
  server = await startChapterServer('North')
  annInv = await server.invite('Ann Alder')
  benInv = await server.invite('Ben Brooks')
  ann = await joinLaptop(annInv)
  ben = await joinLaptop(benInv)
  laptops.push(ann, ben)
})
afterAll(async () => {
  for (const l of laptops) l.close()
  await server?.stop()
})

/** A wall time `minutes` from now (stamps are compared with the server's real clock). */
const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()
const serverRows = async (sql: string, params: unknown[] = []) => (await server.pg.query(sql, params, 'chapter')).rows

describe('joining a chapter', () => {
  it('creates a chapter network file beside the personal one, filled from the server, with the member as "you"', async () => {
    expect(ann.ctx.store.file).toMatch(/North\.referralmap$/)
    const me = ann.ctx.store.db.prepare('SELECT name FROM people WHERE is_me = 1').get() as { name: string }
    expect(me.name).toBe('Ann Alder')
    const names = (ann.ctx.store.db.prepare('SELECT name FROM people ORDER BY name').all() as { name: string }[]).map((r) => r.name)
    expect(names).toEqual(['Ann Alder', 'Ben Brooks'])
    const st = await ann.call('sync:status', {})
    expect(st).toMatchObject({ joined: true, chapter: 'North', member: 'Ann Alder', pending: 0, offline: false, readOnly: null })
    expect(st.members.map((m) => m.name).sort()).toEqual(['Ann Alder', 'Ben Brooks'])
  })

  it('refuses a malformed, a wrong, a revoked invitation and an unreachable server with clear messages', async () => {
    const app = createTestApp()
    try {
      const bad = await app.fail('sync:join', { invitation: 'hello' })
      expect(bad).toMatchObject({ code: 'VALIDATION', field: 'invitation' })
      expect(bad.message).toMatch(/not a chapter invitation/)
      const cut = await app.fail('sync:join', { invitation: annInv.slice(0, 40) })
      expect(cut).toMatchObject({ code: 'VALIDATION', field: 'invitation' })
      const wrong = await app.fail('sync:join', { invitation: encodeInvitation({ ...decodeInvitation(annInv), password: 'wrong-password-123' }) })
      expect(wrong).toMatchObject({ code: 'VALIDATION', field: 'invitation' })
      expect(wrong.message).toMatch(/password is wrong/)
      const gone = await server.invite('Gus Gone')
      await server.cli('remove', '--db', server.url, '--chapter', 'North', '--member', 'Gus Gone')
      const revoked = await app.fail('sync:join', { invitation: gone })
      expect(revoked).toMatchObject({ code: 'FORBIDDEN' })
      expect(revoked.message).toMatch(/revoked/)
      const off = await app.fail('sync:join', { invitation: encodeInvitation({ ...decodeInvitation(annInv), port: 1 }) })
      expect(off.code).toBe('BUSY')
      expect(off.message).toMatch(/cannot be reached/)
      // Nothing was created and the open network did not change.
      expect(app.ctx.store.file).toMatch(/network\.referralmap$/)
    } finally {
      app.close()
    }
  })
})

describe('a new invitation for the same member', () => {
  it('pasted into the chapter copy, replaces the old password and the copy keeps syncing', async () => {
    const extra = await joinLaptop(await server.invite('Rita Rotate'))
    laptops.push(extra)
    const again = await server.invite('Rita Rotate') // the admin re-invites: a new password, the old one stops working
    expect((await extra.fail('sync:now', {})).field).toBe('invitation')
    const st = await extra.call('sync:join', { invitation: again })
    expect(st).toMatchObject({ joined: true, member: 'Rita Rotate', lastError: null })
    await extra.call('people:create', { name: 'After Rotation' })
    await extra.sync()
  })
})

describe('credentials', () => {
  it('the chapter file holds no password; a copy of it on another computer asks for the invitation again and then syncs', async () => {
    const password = decodeInvitation(annInv).password
    const file = ann.ctx.store.file
    for (const f of [file, `${file}-wal`]) if (existsSync(f)) expect(readFileSync(f).includes(Buffer.from(password))).toBe(false)
    expect(readFileSync(join(ann.dir, 'chapter-logins.json'), 'utf8')).toContain(password)
    const other = createTestApp()
    try {
      const copy = join(other.dir, 'North copy.referralmap')
      await ann.ctx.store.db.backup(copy)
      other.ctx.store.switchTo(copy)
      const e = await other.fail('sync:now', {})
      expect(e).toMatchObject({ code: 'VALIDATION', field: 'invitation' })
      expect(e.message).toMatch(/no login for the chapter "North"/)
      expect(await other.call('sync:join', { invitation: annInv })).toMatchObject({ joined: true, lastError: null })
      await other.call('sync:now', {})
      expect(other.ctx.store.file).toBe(copy)
    } finally {
      void chapterSync(other.ctx).close()
      other.close()
    }
  })
})

describe('merging edits', () => {
  it('two members editing different fields of one person keep both edits', async () => {
    const p = await ann.call('people:create', { name: 'Pat Prospect', company: 'Old Co' })
    await ann.sync()
    await ben.sync()
    await ann.call('people:update', { id: p.id, company: 'New Co' })
    await ben.call('people:update', { id: p.id, city: 'Leeds' })
    await ann.sync()
    await ben.sync()
    await ann.sync()
    for (const l of [ann, ben]) {
      const row = l.ctx.store.db.prepare('SELECT company, city FROM people WHERE id = ?').get(p.id)
      expect(row).toEqual({ company: 'New Co', city: 'Leeds' })
    }
    expect(sharedChecksum(ann)).toBe(sharedChecksum(ben))
    expect((await ann.call('sync:conflicts', {})).items).toEqual([])
  })

  it('the same field: the later clock wins everywhere, the other value is listed under Conflicts and restores in one click', async () => {
    const p = await ann.call('people:create', { name: 'Quinn Quill', profession: 'Accountant' })
    await ann.sync()
    await ben.sync()
    ann.setNow(at(1))
    ben.setNow(at(5))
    await ann.call('people:update', { id: p.id, profession: 'Lawyer' })
    await ben.call('people:update', { id: p.id, profession: 'Notary' })
    await ben.sync()
    const r = await ann.sync()
    expect(r.conflicts).toBe(1)
    await ben.sync()
    for (const l of [ann, ben]) expect(l.ctx.store.db.prepare('SELECT profession FROM people WHERE id = ?').pluck().get(p.id)).toBe('Notary')
    const list = (await ben.call('sync:conflicts', {})).items
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ table: 'people', column: 'profession', what: 'Quinn Quill', value: 'Lawyer', current: 'Notary', author: 'Ann Alder', winnerAuthor: 'Ben Brooks' })
    const after = await ann.call('sync:resolve', { id: (await ann.call('sync:conflicts', {})).items[0]!.id, action: 'restore' })
    expect(after.items).toEqual([])
    await ann.sync()
    await ben.sync()
    for (const l of [ann, ben]) expect(l.ctx.store.db.prepare('SELECT profession FROM people WHERE id = ?').pluck().get(p.id)).toBe('Lawyer')
    expect(sharedChecksum(ann)).toBe(sharedChecksum(ben))
    expect(await ann.fail('sync:resolve', { id: list[0]!.id, action: 'dismiss' })).toMatchObject({ code: 'CONFLICT' })
    expect(await ann.fail('sync:resolve', { id: 999999, action: 'dismiss' })).toMatchObject({ code: 'NOT_FOUND', field: 'id' })
  })

  it('an edit made after a restart wins over what the laptop had received, even from a clock ahead of its own', async () => {
    const p = await ann.call('people:create', { name: 'Ria Restart' })
    ann.setNow(at(120)) // Ann's clock runs two hours ahead (within the server's one-day tolerance)
    await ann.call('people:update', { id: p.id, city: 'From Ann' })
    await ann.sync()
    await ben.sync()
    expect(ben.ctx.store.db.prepare('SELECT city FROM people WHERE id = ?').pluck().get(p.id)).toBe('From Ann')
    // Ben restarts the app (a new connection: the clock is set up again), then edits the city he sees.
    ben.ctx.store.switchTo(ben.ctx.store.file)
    await ben.call('people:update', { id: p.id, city: 'From Ben, later' })
    await ben.sync()
    await ann.sync()
    for (const l of [ann, ben]) expect(l.ctx.store.db.prepare('SELECT city FROM people WHERE id = ?').pluck().get(p.id)).toBe('From Ben, later')
    ann.setNow(at(121))
  })

  it('delete against edit: the delete wins and the edit is kept under it', async () => {
    const i = await ann.call('introductions:create', { referrerId: ann.personId, receiverId: ben.personId, prospect: { new: { name: 'Rae Rowe' } }, date: '2026-06-10' })
    await ann.sync()
    await ben.sync()
    ann.setNow(at(10))
    ben.setNow(at(11))
    await ann.call('introductions:delete', { id: i.id })
    await ben.call('introductions:update', { id: i.id, notes: 'Called her, keen' })
    await ann.sync()
    await ben.sync()
    await ann.sync()
    for (const l of [ann, ben]) {
      const row = l.ctx.store.db.prepare('SELECT deleted_at, notes FROM introductions WHERE id = ?').get(i.id) as { deleted_at: string | null; notes: string }
      expect(row.deleted_at).not.toBeNull()
      expect(row.notes).toBe('Called her, keen')
    }
    expect(sharedChecksum(ann)).toBe(sharedChecksum(ben))
  })

  it('a link removed on one laptop and kept on the other converges (a hard delete is a _row cell)', async () => {
    const g = await ann.call('groups:create', { name: 'Tuesday table' })
    await ann.call('groups:addMember', { groupId: g.id, personId: ben.personId })
    await ann.sync()
    await ben.sync()
    expect(count(ben, 'SELECT count(*) AS n FROM memberships WHERE group_id = ?', g.id)).toBe(1)
    await ben.call('groups:removeMember', { groupId: g.id, personId: ben.personId })
    await ben.sync()
    await ann.sync()
    expect(count(ann, 'SELECT count(*) AS n FROM memberships WHERE group_id = ?', g.id)).toBe(0)
    // Both add the same link again: one row (its key is the pair).
    await ann.call('groups:addMember', { groupId: g.id, personId: ann.personId })
    await ben.call('groups:addMember', { groupId: g.id, personId: ann.personId })
    await ann.sync()
    await ben.sync()
    await ann.sync()
    for (const l of [ann, ben]) expect(count(l, 'SELECT count(*) AS n FROM memberships WHERE group_id = ?', g.id)).toBe(1)
    expect(sharedChecksum(ann)).toBe(sharedChecksum(ben))
  })
})

describe('bulk changes and leaving', () => {
  it('partners merged in from the personal network (a bulk change) reach the other members', async () => {
    const personal = createTestApp()
    try {
      await personal.call('people:create', { name: 'Pam Partner', company: 'Pam & Co' })
      const json = await personal.call('files:export', { format: 'json' })
      await ann.call('files:mergeNetwork', { data: Buffer.from(json.text).toString('base64'), fileName: 'personal.json' })
    } finally {
      personal.close()
    }
    expect(count(ann, `SELECT count(*) AS n FROM people WHERE name = 'Pam Partner'`)).toBe(1)
    await ann.sync()
    await ben.sync()
    expect(ben.ctx.store.db.prepare(`SELECT company FROM people WHERE name = 'Pam Partner'`).pluck().get()).toBe('Pam & Co')
    expect(sharedChecksum(ann)).toBe(sharedChecksum(ben))
  })

  it('leaving is refused while changes wait to be sent; after it the file is an ordinary network', async () => {
    const extra = await joinLaptop(benInv)
    laptops.push(extra)
    await extra.call('people:create', { name: 'Unsent' })
    const e = await extra.fail('sync:leave', {})
    expect(e.code).toBe('CONFLICT')
    expect(e.message).toMatch(/not reached the chapter yet/)
    await extra.sync()
    const st = await extra.call('sync:leave', {})
    expect(st.joined).toBe(false)
    expect(count(extra, `SELECT count(*) AS n FROM people WHERE name = 'Unsent'`)).toBe(1)
    expect(await extra.fail('sync:now', {})).toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('the same slip recorded twice', () => {
  it('is offered as a possible duplicate; keeping one removes the other everywhere; "not the same" is not offered again', async () => {
    const slip = (l: Laptop, name: string) =>
      l.call('introductions:create', { referrerId: ben.personId, receiverId: ann.personId, prospect: { new: { name } }, date: new Date().toISOString().slice(0, 10) })
    const a1 = await slip(ann, 'Sol Same')
    const b1 = await slip(ben, 'Sol Same')
    await slip(ann, 'Tia Twice')
    await slip(ben, 'Tia Twice')
    await ann.sync()
    await ben.sync()
    await ann.sync()
    const mine = <T extends { a: { prospect: string } }>(items: T[]) => items.filter((p) => ['Sol Same', 'Tia Twice'].includes(p.a.prospect))
    const list = mine((await ben.call('sync:duplicates', {})).items)
    expect(list.map((p) => [p.a.prospect, p.b.prospect])).toEqual(
      expect.arrayContaining([
        ['Sol Same', 'Sol Same'],
        ['Tia Twice', 'Tia Twice'],
      ]),
    )
    expect((await ben.call('sync:status', {})).duplicates).toBeGreaterThanOrEqual(2)
    const sol = list.find((p) => p.a.prospect === 'Sol Same')!
    expect(new Set([sol.a.id, sol.b.id])).toEqual(new Set([a1.id, b1.id]))
    await ben.call('sync:resolveDuplicate', { keepId: a1.id, dropId: b1.id, action: 'merge' })
    const tia = list.find((p) => p.a.prospect === 'Tia Twice')!
    await ben.call('sync:resolveDuplicate', { keepId: tia.a.id, dropId: tia.b.id, action: 'different' })
    expect(mine((await ben.call('sync:duplicates', {})).items)).toEqual([])
    await ben.sync()
    await ann.sync()
    expect(count(ann, 'SELECT count(*) AS n FROM introductions WHERE id = ? AND deleted_at IS NOT NULL', b1.id)).toBe(1)
    expect(count(ann, 'SELECT count(*) AS n FROM introductions WHERE id = ? AND deleted_at IS NULL', a1.id)).toBe(1)
    // "Not the same" is Ben's own judgement: Ann still sees the pair.
    expect(mine((await ann.call('sync:duplicates', {})).items).map((p) => p.a.prospect)).toEqual(['Tia Twice'])
    expect(await ben.fail('sync:resolveDuplicate', { keepId: a1.id, dropId: b1.id, action: 'merge' })).toMatchObject({ code: 'NOT_FOUND' })
    expect(sharedChecksum(ann)).toBe(sharedChecksum(ben))
  })
})

describe('faults', () => {
  it('duplicate delivery: a push the server committed but never acknowledged, and a pull replayed from the start, change nothing', async () => {
    const p = await ann.call('people:create', { name: 'Dup Licate' })
    const engine = chapterSync(ann.ctx) as unknown as { opts: { afterPushCommitted?: () => void } }
    engine.opts.afterPushCommitted = () => {
      throw Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' })
    }
    await expect(ann.sync()).rejects.toMatchObject({ code: 'BUSY' })
    engine.opts.afterPushCommitted = undefined
    expect((await ann.call('sync:status', {})).pending).toBeGreaterThan(0)
    const before = await serverRows('SELECT count(*)::int AS n, max(seq)::text AS s FROM sync.cells')
    const conflictsBefore = await serverRows('SELECT count(*)::int AS n FROM sync.conflicts')
    await ann.sync()
    expect(await serverRows('SELECT count(*)::int AS n FROM sync.cells')).toEqual([{ n: before[0]!.n }])
    expect(await serverRows('SELECT count(*)::int AS n FROM sync.conflicts')).toEqual(conflictsBefore)
    expect((await ann.call('sync:status', {})).pending).toBe(0)
    await ben.sync()
    const sum = sharedChecksum(ben)
    ben.ctx.store.db.prepare('UPDATE sync_state SET cursor = 0').run()
    const again = await ben.sync()
    expect(again.pulled).toBeGreaterThan(10)
    expect(sharedChecksum(ben)).toBe(sum)
    expect(sharedChecksum(ann)).toBe(sum)
    expect(count(ben, 'SELECT count(*) AS n FROM people WHERE id = ?', p.id)).toBe(1)
    // The same again in pages of 7 cells (rows cut across pages, the next page read while one is applied).
    const benEngine = chapterSync(ben.ctx) as unknown as { opts: { pullPage?: number } }
    benEngine.opts.pullPage = 7
    try {
      ben.ctx.store.db.prepare('UPDATE sync_state SET cursor = 0').run()
      const paged = await ben.sync()
      expect(paged.pulled).toBe(again.pulled)
      expect(sharedChecksum(ben)).toBe(sum)
    } finally {
      benEngine.opts.pullPage = undefined
    }
  })

  it('a stamp a week in the future is refused by the server; the laptop re-stamps and recovers without moving its clock there', async () => {
    const p = await ann.call('people:create', { name: 'Tim Traveller' })
    await ann.sync()
    await ben.sync()
    ann.setNow(at(7 * 24 * 60))
    await ann.call('people:update', { id: p.id, city: 'Future City' })
    // The server refuses the raw stamp itself.
    const inv = decodeInvitation(annInv)
    const c = new pg.Client({ host: inv.host, port: inv.port, database: inv.db, user: inv.role, password: inv.password })
    await c.connect()
    const week = Date.now() + 7 * 86_400_000
    const cell = [{ t: 'people', r: JSON.stringify([p.id]), c: 'city', s: '*', v: 'x', h: `${String(week).padStart(15, '0')}-000000-aa`, b: null }]
    await expect(c.query('SELECT sync.push($1, $2)', [inv.chapterId, JSON.stringify(cell)])).rejects.toMatchObject({ code: 'RM001' })
    await c.end()
    ann.setNow(at(12))
    await ann.sync()
    await ben.sync()
    expect(ben.ctx.store.db.prepare('SELECT city FROM people WHERE id = ?').pluck().get(p.id)).toBe('Future City')
    const hlc = (await serverRows(`SELECT hlc FROM sync.cells WHERE row_id = $1 AND col = 'city'`, [JSON.stringify([p.id])]))[0]!.hlc as string
    expect(Number(hlc.slice(0, 15))).toBeLessThanOrEqual(Date.now() + 86_400_000)
    // Ben's clock was not dragged a week ahead: his next edit is stamped near now.
    await ben.call('people:update', { id: p.id, city: 'Back Home' })
    await ben.sync()
    const benHlc = (await serverRows(`SELECT hlc FROM sync.cells WHERE row_id = $1 AND col = 'city'`, [JSON.stringify([p.id])]))[0]!.hlc as string
    expect(Number(benHlc.slice(0, 15))).toBeLessThan(Date.now() + 86_400_000)
    await ann.sync()
    expect(ann.ctx.store.db.prepare('SELECT city FROM people WHERE id = ?').pluck().get(p.id)).toBe('Back Home')
  })

  async function holdChapterLock(): Promise<{ release(): Promise<void> }> {
    const c = new pg.Client({ connectionString: server.url })
    c.on('error', () => undefined)
    await c.connect()
    await c.query('BEGIN')
    await c.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [decodeInvitation(annInv).chapterId])
    return {
      release: async () => {
        await c.query('ROLLBACK').catch(() => undefined)
        await c.end().catch(() => undefined)
      },
    }
  }
  const waitForPushBlocked = async (role: string) => {
    for (let i = 0; i < 200; i++) {
      const r = await serverRows(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1 AND wait_event_type = 'Lock'`, [role])
      if (r[0]!.n > 0) return
      await new Promise((ok) => setTimeout(ok, 25))
    }
    throw new Error('push never blocked')
  }

  it('a connection killed in the middle of a push loses nothing and duplicates nothing', async () => {
    for (let i = 0; i < 30; i++) await ann.call('people:create', { name: `Killed Push ${i}` })
    const lock = await holdChapterLock()
    const run = ann.sync().then(
      () => null,
      (e: { code?: string }) => e,
    )
    await waitForPushBlocked(decodeInvitation(annInv).role)
    await server.pg.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [decodeInvitation(annInv).role])
    expect(await run).toMatchObject({ code: 'BUSY' })
    await lock.release()
    const st = await ann.call('sync:status', {})
    expect(st.offline).toBe(true)
    expect(st.pending).toBeGreaterThan(30)
    expect((await serverRows(`SELECT count(*)::int AS n FROM sync.cells WHERE col = 'name' AND value::text LIKE '"Killed Push%'`))[0]!.n).toBe(0)
    await ann.sync()
    await ben.sync()
    expect((await serverRows(`SELECT count(*)::int AS n FROM sync.cells WHERE col = 'name' AND value::text LIKE '"Killed Push%'`))[0]!.n).toBe(30)
    expect(count(ben, `SELECT count(*) AS n FROM people WHERE name LIKE 'Killed Push%'`)).toBe(30)
    expect(sharedChecksum(ann)).toBe(sharedChecksum(ben))
    expect((await ann.call('sync:status', {})).offline).toBe(false)
  })

  it('the server restarted with pg_ctl -m immediate in the middle of a push loses nothing and duplicates nothing', async () => {
    for (let i = 0; i < 20; i++) await ben.call('people:create', { name: `Restart Push ${i}` })
    const lock = await holdChapterLock()
    const run = ben.sync().then(
      () => null,
      (e: { code?: string }) => e,
    )
    await waitForPushBlocked(decodeInvitation(benInv).role)
    await server.pg.restartImmediate()
    expect(await run).toMatchObject({ code: 'BUSY' })
    await lock.release()
    await ben.sync()
    await ann.sync() // Ann's idle connection died with the server: the run reconnects by itself.
    expect((await serverRows(`SELECT count(*)::int AS n FROM sync.cells WHERE col = 'name' AND value::text LIKE '"Restart Push%'`))[0]!.n).toBe(20)
    expect(count(ann, `SELECT count(*) AS n FROM people WHERE name LIKE 'Restart Push%'`)).toBe(20)
    expect(sharedChecksum(ann)).toBe(sharedChecksum(ben))
  })
})

describe('bootstrap in pages', () => {
  it('a new laptop filled in pages of 9 cells (rows cut across pages) ends with the same shared tables', async () => {
    await ann.sync()
    await ben.sync()
    await ann.sync()
    const app = createTestApp(new Date().toISOString())
    try {
      ;(chapterSync(app.ctx) as unknown as { opts: { pullPage?: number } }).opts.pullPage = 9
      await app.call('sync:join', { invitation: benInv })
      // What waits is only what a delete won over (the removed link's cells), kept under it as on every laptop.
      const waiting = app.ctx.store.db.prepare('SELECT DISTINCT tbl, row_id FROM sync_pending').all() as { tbl: string; row_id: string }[]
      for (const w of waiting) {
        expect(w.tbl).toBe('memberships')
        const [g, p] = JSON.parse(w.row_id) as [string, string]
        expect(count(ben, 'SELECT count(*) AS n FROM memberships WHERE group_id = ? AND person_id = ?', g, p)).toBe(0)
      }
      expect(sharedChecksum(app)).toBe(sharedChecksum(ben))
    } finally {
      void chapterSync(app.ctx).close()
      app.close()
    }
  })
})

describe('privacy', () => {
  it('private notes and records marked private never reach another member, and do reach the member’s other laptop', async () => {
    const p = await ann.call('people:create', { name: 'Sam Secret' })
    const hidden = await ann.call('introductions:create', { referrerId: ann.personId, receiverId: ben.personId, prospect: { id: p.id }, date: '2026-06-11' })
    await ann.call('sync:setPrivateNote', { table: 'people', id: p.id, notes: 'Going through a divorce' })
    await ann.call('sync:setPrivateNote', { table: 'introductions', id: hidden.id, isPrivate: true })
    await ann.sync()
    await ben.sync()
    expect(count(ben, 'SELECT count(*) AS n FROM people WHERE id = ?', p.id)).toBe(1)
    expect(count(ben, 'SELECT count(*) AS n FROM private_notes')).toBe(0)
    expect(count(ben, 'SELECT count(*) AS n FROM introductions WHERE id = ?', hidden.id)).toBe(0)
    // Ben's own login reads no private cell on the server either.
    const inv = decodeInvitation(benInv)
    const c = new pg.Client({ host: inv.host, port: inv.port, database: inv.db, user: inv.role, password: inv.password })
    await c.connect()
    const seen = (await c.query(`SELECT coalesce(value::text, '') AS v, row_id FROM sync.cells`)).rows as { v: string; row_id: string }[]
    await c.end()
    expect(seen.some((r) => r.v.includes('divorce'))).toBe(false)
    expect(seen.some((r) => r.row_id.includes(hidden.id) && r.v !== '0')).toBe(false)
    // Ann's second laptop (same invitation) gets both.
    const ann2 = await joinLaptop(annInv)
    laptops.push(ann2)
    expect(await ann2.call('sync:privateNote', { table: 'people', id: p.id })).toEqual({ notes: 'Going through a divorce', isPrivate: false })
    expect(count(ann2, 'SELECT count(*) AS n FROM introductions WHERE id = ? AND deleted_at IS NULL', hidden.id)).toBe(1)
    expect(await ann.fail('sync:setPrivateNote', { table: 'people', id: '01900000-0000-7000-8000-000000000000', notes: 'x' })).toMatchObject({ code: 'NOT_FOUND', field: 'id' })
  })
})

describe('versions', () => {
  it('a change to a column this app version does not know is parked, and applied after the upgrade', async () => {
    const p = await ann.call('people:create', { name: 'Nick Newer' })
    await ann.sync()
    await ben.sync()
    // Ann's app is newer: its people table has a nickname column.
    const adb = ann.ctx.store.db
    adb.exec('ALTER TABLE people ADD COLUMN nickname TEXT')
    ann.ctx.store.switchTo(ann.ctx.store.file)
    const { beginCapture, endCapture } = await import('../../../src/backend/db/history')
    const db2 = ann.ctx.store.db
    db2.transaction(() => {
      beginCapture(db2, { kind: 'do', channel: 'people:update', label: 'Edit' }, new Date(at(13)))
      db2.prepare('UPDATE people SET nickname = ? WHERE id = ?').run('Nicky', p.id)
      endCapture(db2)
    })()
    await ann.sync()
    await ben.sync()
    expect((await ben.call('sync:status', {})).parked).toBe(1)
    expect(count(ben, 'SELECT count(*) AS n FROM people WHERE id = ?', p.id)).toBe(1)
    // Ben upgrades: the column arrives with a migration; the next sync applies what was parked.
    ben.ctx.store.db.exec('ALTER TABLE people ADD COLUMN nickname TEXT')
    await ben.sync()
    expect(ben.ctx.store.db.prepare('SELECT nickname FROM people WHERE id = ?').pluck().get(p.id)).toBe('Nicky')
    expect((await ben.call('sync:status', {})).parked).toBe(0)
  })

  it('a server with a newer chapter schema is refused clearly and the copy is left as it was', async () => {
    await server.pg.query(`UPDATE sync.meta SET value = '2' WHERE key = 'min_client_schema'`, [], 'chapter')
    try {
      const sum = sharedChecksum(ben)
      ;(chapterSync(ben.ctx) as unknown as { dropClient(): Promise<void> }).dropClient()
      const e = await ben.fail('sync:now', {})
      expect(e.code).toBe('CONFLICT')
      expect(e.message).toMatch(/newer chapter schema.*Update Referral Map/)
      expect(sharedChecksum(ben)).toBe(sum)
    } finally {
      await server.pg.query(`UPDATE sync.meta SET value = '1' WHERE key = 'min_client_schema'`, [], 'chapter')
    }
  })
})

describe('live', () => {
  it('with live updates on, an edit on one laptop reaches the other within seconds (LISTEN/NOTIFY), and both stop cleanly', async () => {
    const stopA = chapterSync(ann.ctx).startLive({ pollMs: 600_000, checkMs: 100 })
    const stopB = chapterSync(ben.ctx).startLive({ pollMs: 600_000, checkMs: 100 })
    try {
      await new Promise((ok) => setTimeout(ok, 500))
      const started = Date.now()
      const p = await ann.call('people:create', { name: 'Live Wire' })
      await expect.poll(() => count(ben, 'SELECT count(*) AS n FROM people WHERE id = ?', p.id), { timeout: 10_000, interval: 50 }).toBe(1)
      expect(Date.now() - started).toBeLessThan(5000)
      expect((await ben.call('sync:status', {})).live).toBe(true)
    } finally {
      await stopA()
      await stopB()
    }
    expect((await ben.call('sync:status', {})).live).toBe(false)
  })
})

describe('removal', () => {
  it('a removed member’s copy becomes read-only and says why', async () => {
    const cyInv = await server.invite('Cy Cole')
    const cy = await joinLaptop(cyInv)
    laptops.push(cy)
    await cy.call('people:create', { name: 'Made By Cy' })
    await cy.sync()
    await server.cli('remove', '--db', server.url, '--chapter', 'North', '--member', 'Cy Cole')
    const e = await cy.fail('sync:now', {})
    expect(e.code).toBe('FORBIDDEN')
    const st = await cy.call('sync:status', {})
    expect(st.readOnly).toMatch(/removed you from the chapter/)
    const w = await cy.fail('people:create', { name: 'Too Late' })
    expect(w.message).toMatch(/read-only/)
    expect(count(cy, `SELECT count(*) AS n FROM people WHERE name = 'Too Late'`)).toBe(0)
    await ann.sync()
    expect(count(ann, `SELECT count(*) AS n FROM people WHERE name = 'Made By Cy'`)).toBe(1)
  })
})
