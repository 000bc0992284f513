import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../helpers/ctx'
import { createHandlers } from '../../../src/backend/services'
import { networkKey } from '../../../src/backend/services/files/store'

const ROOT = resolve(__dirname, '../../..')

let app: TestApp
beforeEach(() => {
  app = createTestApp()
})
afterEach(() => app.close())

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')
const backupFiles = (a: TestApp) => {
  try {
    return readdirSync(join(a.dir, 'backups')).sort()
  } catch {
    return []
  }
}

describe('import after Reports (issue 10, item 1)', () => {
  it('imports after the analytics summaries and a person page ran in the same session', async () => {
    await app.call('app:loadSample', { seed: 3 })
    await app.call('analytics:network')
    await app.call('analytics:scorecards')
    const someone = (await app.call('people:list', {})).items[0]!
    await app.call('analytics:partner', { personId: someone.id, period: { preset: 'all' } })
    const r = await app.call('files:commitImport', { kind: 'people', data: b64('Name,Email\nNew Person,new.person@example.com\n') })
    expect(r.created).toBe(1)
    expect((await app.call('people:list', { search: 'New Person' })).items.map((p) => p.name)).toEqual(['New Person'])
    // The summaries still work after the import (the temp storage was not reset under them).
    await app.call('analytics:network')
  })

  it('merges after Reports too, and the temp tables (change log triggers, summaries) keep working after it', async () => {
    await app.call('app:loadSample', { seed: 4 })
    await app.call('analytics:network')
    const theirs = JSON.stringify({
      format: 'referral-map', version: 1, exportedAt: '2026-06-01T00:00:00.000Z',
      people: [{ id: '01900000-0000-7000-8000-0000000000aa', name: 'Merged In', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }],
    })
    const temp = (app.ctx.store.db.prepare("SELECT count(*) AS n FROM temp.sqlite_schema WHERE type = 'trigger'").get() as { n: number }).n
    expect(temp).toBeGreaterThan(0)
    expect((await app.call('files:mergeNetwork', { data: b64(theirs), fileName: 'theirs.json' })).peopleAdded).toBe(1)
    await app.call('analytics:network')
    const r = await app.call('files:commitImport', { kind: 'people', data: b64('Name\nAfter Merge\n') })
    expect(r.created).toBe(1)
    expect((app.ctx.store.db.prepare("SELECT count(*) AS n FROM temp.sqlite_schema WHERE type = 'trigger'").get() as { n: number }).n).toBe(temp)
  })

  it('a failed import leaves no before-import backup and removes none of the good ones', async () => {
    await app.call('people:create', { name: 'Kept' })
    await app.call('files:setKeepBackups', { keep: 2 })
    app.setNow('2026-06-20T10:00:00.000Z')
    await app.call('files:backupNow')
    app.setNow('2026-06-21T10:00:00.000Z')
    await app.call('files:backupNow')
    const before = backupFiles(app)
    expect(before).toHaveLength(2)
    for (let i = 0; i < 3; i++) {
      app.setNow(`2026-06-2${2 + i}T10:00:00.000Z`)
      // Strict mode: one invalid row (no name) cancels the whole import inside its transaction.
      const e = await app.fail('files:commitImport', { kind: 'people', data: b64('Name,Email\nGood,g@example.com\n,bad@example.com\n') })
      expect(e.code).toBe('VALIDATION')
    }
    expect(backupFiles(app)).toEqual(before)
  })

  it('an import known to fail from the file alone is refused before any backup is written', async () => {
    await app.call('people:create', { name: 'Mine' })
    const db = app.ctx.store.db
    const real = db.backup.bind(db)
    let backups = 0
    db.backup = (dest, opts) => {
      backups++
      return real(dest, opts)
    }
    expect((await app.fail('files:commitImport', { kind: 'people', data: b64('Name,Email\nGood,g@example.com\n,bad@example.com\n') })).field).toBe('rows')
    expect((await app.fail('files:commitImport', { kind: 'introductions', data: b64('name;email\nx;x@y.z\n') })).field).toBe('mapping')
    expect(backups).toBe(0)
    // A good import still takes its backup first.
    await app.call('files:commitImport', { kind: 'people', data: b64('Name\nNew\n') })
    expect(backups).toBe(1)
  })

  it('a failed import in a network without backups leaves the data folder exactly as it was (no backups folder)', async () => {
    await app.call('people:create', { name: 'Mine' })
    settle(app)
    const before = hashTree(app.dir)
    const e = await app.fail('files:commitImport', { kind: 'introductions', data: b64('name;email\nx;x@y.z\n') })
    expect(e.code).toBe('VALIDATION')
    settle(app)
    expect(existsSync(join(app.dir, 'backups'))).toBe(false)
    expect(hashTree(app.dir)).toBe(before)
  })
})

/** Every file under `dir` (names and bytes), as one hash: equal before and after means nothing was touched. */
function hashTree(dir: string): string {
  const h = createHash('sha256')
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name)
      // SQLite's shared-memory index of the open network changes on every read; it holds no data.
      if (name.endsWith('-shm')) continue
      h.update(p)
      if (statSync(p).isDirectory()) walk(p)
      else h.update(readFileSync(p))
    }
  }
  walk(dir)
  return h.digest('hex')
}

/** Checkpoints the open network so its file on disk holds everything (the tree hash then stays stable). */
const settle = (a: TestApp) => a.ctx.store.db.pragma('wal_checkpoint(TRUNCATE)')

const peopleIn = (file: string): string[] => {
  const db = new Database(file, { readonly: true })
  try {
    return (db.prepare('SELECT name FROM people ORDER BY name').all() as { name: string }[]).map((p) => p.name)
  } finally {
    db.close()
  }
}

describe('save a copy and network names (issue 10, item 2)', () => {
  const BAD = [
    'copy\u0000', 'network.referralmap-wal\u0000', 'notes.txt\u0000', '../outside', 'a/b', 'a\\b', '..', '.', '.hidden', 'CON', 'nul.referralmap',
    'com1', 'a:b', 'what?', 'trailing.', ' spaced', 'x'.repeat(300), 'tab\there', '',
  ]

  it.each(['files:saveCopy', 'files:newNetwork', 'files:openNetwork'] as const)('%s refuses bad names before any file is touched', async (channel) => {
    await app.call('people:create', { name: 'Mine' })
    writeFileSync(join(app.dir, 'notes.txt'), 'my notes')
    writeFileSync(join(app.dir, 'network.referralmap-wal.referralmap'), 'bystander')
    settle(app)
    const before = hashTree(app.dir)
    for (const name of BAD) {
      const e = await app.fail(channel, { name })
      expect(e.code, JSON.stringify(name)).toBe('VALIDATION')
      expect(e.field).toBe('name')
    }
    settle(app)
    expect(hashTree(app.dir)).toBe(before)
    expect(readFileSync(join(app.dir, 'notes.txt'), 'utf8')).toBe('my notes')
  })

  it('an existing name is a CONFLICT and the file stays as it was; overwrite: true replaces it', async () => {
    await app.call('people:create', { name: 'First' })
    const first = await app.call('files:saveCopy', { name: 'other' })
    expect(first).toMatchObject({ name: 'other.referralmap', replaced: false })
    const other = join(app.dir, 'other.referralmap')
    // A stale WAL next to the file: replacing the file must not leave it to be replayed onto the copy.
    writeFileSync(other + '-wal', 'stale')
    const bytes = readFileSync(other)
    await app.call('people:create', { name: 'Second' })
    const e = await app.fail('files:saveCopy', { name: 'other' })
    expect(e.code).toBe('CONFLICT')
    expect(e.field).toBe('name')
    expect(e.message).toMatch(/other\.referralmap already exists/)
    expect(readFileSync(other).equals(bytes)).toBe(true)
    expect(readFileSync(other + '-wal', 'utf8')).toBe('stale')

    const r = await app.call('files:saveCopy', { name: 'other', overwrite: true })
    expect(r.replaced).toBe(true)
    expect(existsSync(other + '-wal')).toBe(false)
    expect(peopleIn(other)).toEqual(['First', 'Second'])
    // No temporary file is left beside it.
    expect(readdirSync(app.dir).filter((f) => f.startsWith('.'))).toEqual([])
  })

  it('the longest name a file system takes works for a copy, and that network can be backed up', async () => {
    // 234 bytes + ".referralmap" = 246: room left for SQLite's "-journal" beside it (255 bytes at most).
    const long = 'é'.repeat(117)
    const r = await app.call('files:saveCopy', { name: long })
    expect(r.name).toBe(`${long}.referralmap`)
    expect((await app.fail('files:saveCopy', { name: `${long}xx` })).message).toMatch(/too long/)
    await app.call('files:openNetwork', { name: r.name })
    const b = await app.call('files:backupNow')
    expect(Buffer.byteLength(b.name)).toBeLessThanOrEqual(255)
    expect((await app.call('files:listBackups')).backups.map((x) => x.name)).toEqual([b.name])
  })

  it('the open network itself cannot be the copy, even with overwrite', async () => {
    expect((await app.fail('files:saveCopy', { name: 'network', overwrite: true })).code).toBe('VALIDATION')
  })
})

describe('desktop paths come only from the dialog (issue 10, item 13)', () => {
  let elsewhere = ''
  beforeEach(() => {
    elsewhere = mkdtempSync(join(tmpdir(), 'referral-map-elsewhere-'))
  })
  afterEach(() => rmSync(elsewhere, { recursive: true, force: true }))

  it('on the desktop a full path from the renderer is refused; no name shows the dialog and uses its answer', async () => {
    const asked: string[] = []
    let answer: string | null = null
    app.ctx.chooseNetworkFile = async (purpose, suggested) => {
      asked.push(`${purpose}:${suggested}`)
      return answer
    }
    await app.call('people:create', { name: 'Mine' })
    const target = join(elsewhere, 'copy.referralmap')
    for (const channel of ['files:saveCopy', 'files:newNetwork', 'files:openNetwork'] as const) {
      expect((await app.fail(channel, { name: target })).code).toBe('VALIDATION')
    }
    expect(readdirSync(elsewhere)).toEqual([])
    expect(asked).toEqual([])
    expect((await app.call('files:network')).dialogs).toBe(true)

    // Cancelled dialog: nothing happens.
    expect((await app.fail('files:saveCopy', {})).code).toBe('CANCELLED')
    expect(readdirSync(elsewhere)).toEqual([])

    answer = target
    const saved = await app.call('files:saveCopy', {})
    expect(saved.path).toBe(target)
    expect(peopleIn(target)).toEqual(['Mine'])
    expect(asked).toEqual(['saveCopy:network-copy.referralmap', 'saveCopy:network-copy.referralmap'])

    answer = join(elsewhere, 'fresh.referralmap')
    expect((await app.call('files:newNetwork', {})).file).toBe(answer)
    expect((await app.call('people:list', {})).total).toBe(0)

    answer = target
    expect((await app.call('files:openNetwork', {})).file).toBe(target)
    expect((await app.call('people:list', {})).items.map((p) => p.name)).toEqual(['Mine'])
  })

  it('a place that cannot be written is a clear FORBIDDEN error, not an internal one, and leaves nothing behind', async () => {
    const notAFolder = join(elsewhere, 'plain.txt')
    writeFileSync(notAFolder, 'text')
    app.ctx.chooseNetworkFile = async () => join(notAFolder, 'copy.referralmap')
    const e = await app.fail('files:saveCopy', {})
    expect(e.code).toBe('FORBIDDEN')
    expect(e.message).toMatch(/copy\.referralmap cannot be written in .*plain\.txt/)
    expect(readdirSync(elsewhere)).toEqual(['plain.txt'])
  })

  it('on the web bridge only names in the data folder work, and the dialog is never used', async () => {
    app.ctx.transport = 'web'
    let asked = 0
    app.ctx.chooseNetworkFile = async () => {
      asked++
      return join(elsewhere, 'x.referralmap')
    }
    expect((await app.call('files:network')).dialogs).toBe(false)
    for (const channel of ['files:saveCopy', 'files:newNetwork', 'files:openNetwork'] as const) {
      expect((await app.fail(channel, {})).code).toBe('VALIDATION')
      expect((await app.fail(channel, { name: join(elsewhere, 'x.referralmap') })).code).toBe('VALIDATION')
    }
    expect(asked).toBe(0)
    expect(readdirSync(elsewhere)).toEqual([])
    expect((await app.call('files:saveCopy', { name: 'copy' })).path).toBe(join(app.dir, 'copy.referralmap'))
  })
})

describe('backups and restores leave no wrong files (issue 10, item 6)', () => {
  it('a backup is written under a temporary name and only listed once complete', async () => {
    await app.call('people:create', { name: 'Mine' })
    const db = app.ctx.store.db
    const real = db.backup.bind(db)
    const seen: { dest: string; listed: string[] }[] = []
    db.backup = async (dest, opts) => {
      seen.push({ dest: String(dest), listed: (await app.call('files:listBackups')).backups.map((b) => b.name) })
      return real(dest, opts)
    }
    const b = await app.call('files:backupNow')
    expect(seen).toHaveLength(1)
    expect(seen[0]!.dest).not.toBe(b.path)
    expect(seen[0]!.dest.split(/[\\/]/).pop()).toMatch(/^\.partial-/)
    expect(seen[0]!.listed).toEqual([])
    expect(readdirSync(join(app.dir, 'backups'))).toEqual([b.name])
  })

  it('a backup interrupted by kill -9 is never listed nor counted, and is cleaned at the next start', async () => {
    const file = app.ctx.store.file
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'backupChild.ts'), file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    const exited = new Promise<string | null>((res) => child.on('exit', (_code, signal) => res(signal)))
    const started = Date.now()
    while (!out.includes('STEP') && !out.includes('DONE') && !out.includes('FAILED') && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 5))
    child.kill('SIGKILL')
    expect(await exited).toBe('SIGKILL')
    expect(out).toContain('STEP')
    expect(out).not.toContain('DONE')
    // What the killed backup left: its file under the temporary name (and SQLite's journal of it), nothing under a backup name.
    const left = readdirSync(join(app.dir, 'backups'))
    expect(left.length).toBeGreaterThan(0)
    for (const f of left) expect(f).toMatch(/^\.partial-\d+-.*\.referralmap(-journal)?$/)

    // Listed and counted: nothing (keep 1 still keeps the one good backup made next).
    expect((await app.call('files:listBackups')).backups).toEqual([])
    await app.call('files:setKeepBackups', { keep: 1 })
    const good = await app.call('files:backupNow')
    expect((await app.call('files:listBackups')).backups.map((b) => b.name)).toEqual([good.name])

    // The next start cleans it.
    createHandlers(app.ctx)
    expect(readdirSync(join(app.dir, 'backups'))).toEqual([good.name])
  }, 90_000)

  it('stale restore and merge copies (with -wal/-shm) are cleaned on start and open; a live process keeps its own', async () => {
    const dead = 2_147_483_000
    const stale = [
      `.restore-${dead}-1-abc-network.referralmap`, `.restore-${dead}-1-abc-network.referralmap-wal`, `.restore-${dead}-1-abc-network.referralmap-shm`,
      `.incoming-${dead}-1-abc-network.referralmap-wal`, `.incoming-${dead}-1-abc-network.referralmap-shm`,
      // Names of older versions (a time stamp where the process id is now).
      `.restore-1780000000000.referralmap`, `.incoming-1780000000000.referralmap-shm`,
    ]
    for (const f of stale) writeFileSync(join(app.dir, f), 'x'.repeat(100))
    // Another running process's restore in progress (this test's parent process stands in for it).
    const live = `.restore-${process.ppid}-1-abc-network.referralmap`
    writeFileSync(join(app.dir, live), 'in progress')
    // A file of a live process id that nobody touched for two days: the id was reused, the file is stale.
    const reused = `.incoming-${process.ppid}-1-abc-network.referralmap`
    writeFileSync(join(app.dir, reused), 'old')
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000)
    utimesSync(join(app.dir, reused), twoDaysAgo, twoDaysAgo)
    createHandlers(app.ctx)
    expect(readdirSync(app.dir).filter((f) => f.startsWith('.')).sort()).toEqual([live])

    for (const f of stale) writeFileSync(join(app.dir, f), 'x')
    await app.call('files:saveCopy', { name: 'other' })
    await app.call('files:openNetwork', { name: 'other.referralmap' })
    expect(readdirSync(app.dir).filter((f) => f.startsWith('.')).sort()).toEqual([live])
  })

  it('a restore and a merge of a .referralmap file leave no temporary files', async () => {
    await app.call('people:create', { name: 'Mine' })
    const b = await app.call('files:backupNow')
    await app.call('files:restoreBackup', { name: b.name, confirm: true })
    await app.call('files:saveCopy', { name: 'theirs' })
    const data = readFileSync(join(app.dir, 'theirs.referralmap')).toString('base64')
    await app.call('files:mergeNetwork', { data, fileName: 'theirs.referralmap' })
    expect(readdirSync(app.dir).filter((f) => f.startsWith('.'))).toEqual([])
    expect(readdirSync(join(app.dir, 'backups')).filter((f) => f.startsWith('.'))).toEqual([])
  })

  it('keep N applies per network: work in one network never deletes another network\'s backups', async () => {
    await app.call('files:setKeepBackups', { keep: 2 })
    for (let i = 0; i < 3; i++) {
      app.setNow(`2026-06-1${i}T10:00:00.000Z`)
      await app.call('files:backupNow')
    }
    const firstKey = networkKey(app.ctx.store.file)
    const firsts = readdirSync(join(app.dir, 'backups')).sort()
    expect(firsts).toHaveLength(2)
    expect(firsts.every((f) => f.startsWith(`${firstKey}-`))).toBe(true)

    await app.call('files:newNetwork', { name: 'second' })
    await app.call('files:setKeepBackups', { keep: 1 })
    for (let i = 0; i < 3; i++) {
      app.setNow(`2026-06-2${i}T10:00:00.000Z`)
      await app.call('files:backupNow')
    }
    const list = await app.call('files:listBackups')
    expect(list.backups.map((b) => b.createdAt)).toEqual(['2026-06-22T10:00:00.000Z'])
    // The first network's two backups are still there, and not listed for the second.
    const all = readdirSync(join(app.dir, 'backups')).sort()
    expect(all.filter((f) => f.startsWith(`${firstKey}-`))).toEqual(firsts)
    expect(all).toHaveLength(3)

    // Two networks with the same file name in different folders are told apart too.
    const sub = join(app.dir, 'sub')
    mkdirSync(sub)
    expect(networkKey(join(sub, 'second.referralmap'))).not.toBe(networkKey(app.ctx.store.file))
  })
})
