import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, it } from 'vitest'
import { openDatabase } from '../../../src/backend/db/connection'

const ROOT = resolve(__dirname, '../../..')
let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

it('a process killed in the middle of a large import leaves a database that opens cleanly with none of the import', async () => {
  dir = mkdtempSync(join(tmpdir(), 'referral-map-kill-'))
  const file = join(dir, 'network.referralmap')
  // An existing network with one person in it.
  const db = openDatabase(file)
  db.prepare("INSERT INTO people (id, name, name_key, created_at, updated_at) VALUES ('01900000-0000-7000-8000-000000000001', 'Before', 'before', 'x', 'x')").run()
  db.close()

  const rows = 300_000
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'importChild.ts'), file, String(rows)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<{ code: number | null; signal: string | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })))

  // Wait until the import is writing: the automatic backup exists and the WAL is growing past the backup.
  const wal = `${file}-wal`
  const started = Date.now()
  let killedWhileWriting = false
  while (Date.now() - started < 120_000) {
    const backups = existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')) : []
    if (backups.length > 0 && existsSync(wal) && statSync(wal).size > 4 * 1024 * 1024) {
      child.kill('SIGKILL')
      killedWhileWriting = true
      break
    }
    if (out.includes('DONE') || out.includes('FAILED')) break
    await new Promise((r) => setTimeout(r, 5))
  }
  const exit = await exited
  expect(out).toContain('READY')
  expect(out).not.toContain('DONE')
  expect(killedWhileWriting).toBe(true)
  expect(exit.signal).toBe('SIGKILL')

  // The file opens, passes the integrity check, and holds none of the import.
  const after = new Database(file)
  expect(after.pragma('integrity_check', { simple: true })).toBe('ok')
  const n = (after.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n
  after.close()
  expect(n).toBe(1)
  const reopened = openDatabase(file)
  expect((reopened.prepare('SELECT name FROM people').all() as { name: string }[]).map((p) => p.name)).toEqual(['Before'])
  reopened.close()
}, 180_000)

it('the same import left to finish holds all of it', async () => {
  dir = mkdtempSync(join(tmpdir(), 'referral-map-kill-'))
  const file = join(dir, 'network.referralmap')
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'importChild.ts'), file, '5000'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  await new Promise((res) => child.on('exit', res))
  expect(out).toContain('DONE')
  const db = new Database(file)
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  expect((db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n).toBe(5000)
  db.close()
}, 120_000)
