import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { XMLParser } from 'fast-xml-parser'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../helpers/ctx'

let app: TestApp
beforeEach(() => {
  app = createTestApp()
})
afterEach(() => app.close())

const b64 = (s: string | Buffer) => (typeof s === 'string' ? Buffer.from(s, 'utf8') : s).toString('base64')
const count = (a: TestApp, t: string) => (a.ctx.store.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n
const withoutStamp = (t: string) => ({ ...(JSON.parse(t) as Record<string, unknown>), exportedAt: null })

describe('JSON export', () => {
  it('round-trips: export, import into a fresh network, export again gives the same document', async () => {
    await app.call('app:loadSample', { seed: 7 })
    const first = await app.call('files:export', { format: 'json' })
    const doc = JSON.parse(first.text) as { format: string; version: number; people: unknown[]; introductions: { history: unknown[] }[]; interactions: unknown[] }
    expect(doc.format).toBe('referral-map')
    expect(doc.version).toBe(1)
    expect(doc.people.length).toBe(count(app, 'people'))
    expect(doc.introductions.length).toBe(count(app, 'introductions'))
    expect(doc.interactions.length).toBeGreaterThan(0)
    const fresh = createTestApp('2027-01-01T00:00:00.000Z')
    try {
      const r = await fresh.call('files:mergeNetwork', { data: b64(first.text), fileName: 'x.json' })
      expect(r).toMatchObject({ peopleAdded: doc.people.length, introductionsAdded: doc.introductions.length, conflicts: [] })
      const second = await fresh.call('files:export', { format: 'json' })
      expect(withoutStamp(second.text)).toEqual(withoutStamp(first.text))
      // Merging the same export again changes nothing.
      const again = await fresh.call('files:mergeNetwork', { data: b64(first.text), fileName: 'x.json' })
      expect(again).toMatchObject({ peopleAdded: 0, introductionsAdded: 0, introductionsAlreadyThere: doc.introductions.length, conflicts: [] })
      expect(withoutStamp((await fresh.call('files:export', { format: 'json' })).text)).toEqual(withoutStamp(first.text))
    } finally {
      fresh.close()
    }
  })

  it('refuses files that are not a network export', async () => {
    expect((await app.fail('files:mergeNetwork', { data: b64('{"a":1}'), fileName: 'a.json' })).code).toBe('INVALID_FILE')
    expect((await app.fail('files:mergeNetwork', { data: b64('not json'), fileName: 'a.json' })).code).toBe('INVALID_FILE')
    const newer = JSON.stringify({ format: 'referral-map', version: 99, exportedAt: '', people: [] })
    expect((await app.fail('files:mergeNetwork', { data: b64(newer), fileName: 'a.json' })).message).toMatch(/version 99/)
  })
})

describe('merging another network', () => {
  it('matches people, de-duplicates introductions by id, reports conflicts and keeps mine unless asked', async () => {
    const me = await app.call('app:startEmpty', { meName: 'Me' })
    const ann = await app.call('people:create', { name: 'Ann Lee', company: 'Lee Law', email: 'ann@lee.example', city: 'Leeds' })
    const other = createTestApp()
    try {
      await other.call('app:startEmpty', { meName: 'Chapter Friend' })
      const ann2 = await other.call('people:create', { name: 'ANN LEE', company: 'Lee Law', city: 'York', phone: '0113 000' })
      const bob = await other.call('people:create', { name: 'Bob Stone', company: 'Stone Ltd' })
      const cy = await other.call('people:create', { name: 'Cy Prospect' })
      await other.call('introductions:create', { referrerId: ann2.id, receiverId: bob.id, prospect: { id: cy.id }, date: '2026-05-01', status: 'won', value: 500, currency: 'EUR' })
      const theirs = await other.call('files:export', { format: 'json' })

      const dry = await app.call('files:mergeNetwork', { data: b64(theirs.text), fileName: 'friend.json', dryRun: true })
      expect(dry).toMatchObject({ applied: false, peopleMatched: 1, peopleAdded: 3, introductionsAdded: 1 })
      expect(count(app, 'people')).toBe(2)

      const r = await app.call('files:mergeNetwork', { data: b64(theirs.text), fileName: 'friend.json' })
      expect(r).toMatchObject({ applied: true, peopleMatched: 1, peopleAdded: 3, introductionsAdded: 1 })
      expect(r.conflicts).toEqual([
        {
          kind: 'person', id: ann.id, label: 'Ann Lee', fields: ['name', 'city'],
          values: [{ field: 'name', mine: 'Ann Lee', theirs: 'ANN LEE' }, { field: 'city', mine: 'Leeds', theirs: 'York' }],
        },
      ])
      expect(r.backup).toMatch(/before-merge/)
      const annNow = await app.call('people:get', { id: ann.id })
      expect(annNow).toMatchObject({ name: 'Ann Lee', city: 'Leeds', phone: '0113 000' })
      expect((await app.call('app:info')).meId).toBe(me.meId)
      const intros = await app.call('introductions:list', {})
      expect(intros.items.map((i) => [i.referrerName, i.receiverName, i.prospectName])).toEqual([['Ann Lee', 'Bob Stone', 'Cy Prospect']])

      const again = await app.call('files:mergeNetwork', { data: b64(theirs.text), fileName: 'friend.json', onConflict: 'takeTheirs' })
      expect(again).toMatchObject({ peopleAdded: 0, introductionsAdded: 0, introductionsAlreadyThere: 1 })
      // "Take theirs" for everything never renames a person (issue 13): the name is chosen per field.
      expect(await app.call('people:get', { id: ann.id })).toMatchObject({ name: 'Ann Lee', city: 'York' })
    } finally {
      other.close()
    }
  })

  it('merges a .referralmap file', async () => {
    const other = createTestApp()
    try {
      await other.call('people:create', { name: 'From File' })
      other.ctx.store.db.pragma('wal_checkpoint(TRUNCATE)')
      const bytes = readFileSync(other.ctx.store.file)
      const r = await app.call('files:mergeNetwork', { data: b64(bytes), fileName: 'other.referralmap' })
      expect(r.peopleAdded).toBe(1)
      expect((await app.call('people:list', {})).items[0]?.name).toBe('From File')
    } finally {
      other.close()
    }
  })
})

describe('graph exports', () => {
  it('GraphML and GEXF of the sample parse with an independent XML parser and have every person and introduction', async () => {
    await app.call('app:loadSample', { seed: 3 })
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'node' || n === 'edge' })
    const gm = parser.parse((await app.call('files:export', { format: 'graphml' })).text)
    expect(gm.graphml.graph.node).toHaveLength(count(app, 'people'))
    expect(gm.graphml.graph.edge).toHaveLength(count(app, 'introductions'))
    const gx = parser.parse((await app.call('files:export', { format: 'gexf' })).text)
    expect(gx.gexf.graph.nodes.node).toHaveLength(count(app, 'people'))
    expect(gx.gexf.graph.edges.edge).toHaveLength(count(app, 'introductions'))
  })

  it('scorecards CSV and the printable report', async () => {
    await app.call('app:loadSample', { seed: 3 })
    const sc = await app.call('files:export', { format: 'scorecards-csv' })
    // The analytics service's scorecards (one source with Reports): ranked, money per currency.
    expect(sc.text.split('\r\n')[0]).toMatch(/^\uFEFFRank,Partner,Company,Received,.*,Closed value \(EUR\),/)
    const rep = await app.call('files:export', { format: 'report-html', graphPng: 'data:image/png;base64,iVBORw0KGgo=' })
    expect(rep.mimeType).toBe('text/html')
    expect(rep.text).toContain('Partner leaderboard')
    expect(rep.text).toContain('Who to thank')
    expect(rep.text).toContain('<img class="graph"')
    expect(rep.text).not.toMatch(/<script/i)
  })
})

describe('backups', () => {
  it('backs up now, keeps N, and restores after a preview that says what will be replaced', async () => {
    await app.call('people:create', { name: 'Kept' })
    const b = await app.call('files:backupNow')
    expect(b.reason).toBe('manual')
    expect(existsSync(b.path)).toBe(true)
    await app.call('people:create', { name: 'Added later' })
    const prev = await app.call('files:restorePreview', { name: b.name })
    expect(prev.current.people).toBe(2)
    expect(prev.inBackup.people).toBe(1)
    expect((await app.fail('files:restoreBackup', { name: b.name })).code).toBe('VALIDATION')
    const r = await app.call('files:restoreBackup', { name: b.name, confirm: true })
    expect(r.restored.people).toBe(1)
    expect((await app.call('people:list', {})).items.map((p) => p.name)).toEqual(['Kept'])
    expect(app.ctx.store.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(r.backup).toMatch(/before-restore/)

    await app.call('files:setKeepBackups', { keep: 2 })
    for (let i = 0; i < 4; i++) {
      app.setNow(`2026-06-2${i}T10:00:00.000Z`)
      await app.call('files:backupNow')
    }
    const list = await app.call('files:listBackups')
    expect(list.keep).toBe(2)
    expect(list.backups.map((x) => x.createdAt)).toEqual(['2026-06-23T10:00:00.000Z', '2026-06-22T10:00:00.000Z'])
  })

  it('after a restore the scorecards match the backed-up network (summaries rebuilt, not double-counted)', async () => {
    await app.call('app:loadSample', { seed: 5 })
    const before = await app.call('analytics:network')
    const b = await app.call('files:backupNow')
    const list = await app.call('introductions:list', { limit: 5 })
    for (const i of list.items) await app.call('introductions:delete', { id: i.id })
    expect(await app.call('analytics:network')).not.toEqual(before)
    await app.call('files:restoreBackup', { name: b.name, confirm: true })
    expect(await app.call('analytics:network')).toEqual(before)
  })

  it('refuses names outside the backups folder', async () => {
    expect((await app.fail('files:restorePreview', { name: '../network.referralmap' })).code).toBe('VALIDATION')
    expect((await app.fail('files:restorePreview', { name: 'network-20260101T000000000Z-manual.referralmap' })).code).toBe('NOT_FOUND')
  })
})

describe('network files', () => {
  it('new network, save a copy, open it again, recent list', async () => {
    await app.call('people:create', { name: 'In first' })
    const copy = join(app.dir, 'copy.referralmap')
    await app.call('files:saveCopy', { name: 'copy' })
    const created = await app.call('files:newNetwork', { name: 'second' })
    expect(created.file).toBe(join(app.dir, 'second.referralmap'))
    expect((await app.call('people:list', {})).total).toBe(0)
    const opened = await app.call('files:openNetwork', { name: 'copy.referralmap' })
    expect(opened.file).toBe(copy)
    expect((await app.call('people:list', {})).items[0]?.name).toBe('In first')
    expect(opened.recent.slice(0, 2)).toEqual([copy, join(app.dir, 'second.referralmap')])
    expect(opened.available).toEqual(['copy.referralmap', 'network.referralmap', 'second.referralmap'])
  })

  it('opening a non-network, a newer version or a damaged file says so and changes nothing', async () => {
    await app.call('people:create', { name: 'Still here' })
    const text = join(app.dir, 'notes.referralmap')
    writeFileSync(text, 'hello, not a database')
    expect((await app.fail('files:openNetwork', { name: 'notes.referralmap' })).message).toMatch(/not a Referral Map network/)

    const foreign = join(app.dir, 'foreign.db')
    const f = new Database(foreign)
    f.exec('CREATE TABLE t (x)')
    f.close()
    expect((await app.fail('files:openNetwork', { name: 'foreign.db' })).message).toMatch(/not a Referral Map network/)

    const newer = join(app.dir, 'newer.referralmap')
    await app.call('files:saveCopy', { name: 'newer.referralmap' })
    const n = new Database(newer)
    n.pragma('user_version = 9999')
    n.close()
    expect((await app.fail('files:openNetwork', { name: 'newer.referralmap' })).message).toMatch(/newer version/)
    expect(new Database(newer).pragma('user_version', { simple: true })).toBe(9999)

    const damaged = join(app.dir, 'damaged.referralmap')
    await app.call('files:saveCopy', { name: 'damaged' })
    const buf = readFileSync(damaged)
    for (let i = 4096 * 3; i < Math.min(buf.length, 4096 * 6); i++) buf[i] = 0x5a
    writeFileSync(damaged, buf)
    const err = await app.fail('files:openNetwork', { name: 'damaged.referralmap' })
    expect(err.code).toBe('INVALID_FILE')

    expect((await app.call('people:list', {})).items[0]?.name).toBe('Still here')
    expect((await app.call('files:network')).file).toBe(app.ctx.store.file)
  })

  it('on the web bridge, only file names inside the data folder are accepted', async () => {
    app.ctx.transport = 'web'
    expect((await app.fail('files:openNetwork', { name: '/etc/passwd' })).code).toBe('VALIDATION')
    expect((await app.fail('files:newNetwork', { name: '../x' })).code).toBe('VALIDATION')
    expect((await app.fail('files:newNetwork', {})).code).toBe('VALIDATION')
    const r = await app.call('files:newNetwork', { name: 'chapter' })
    expect(r.name).toBe('chapter')
  })
})
