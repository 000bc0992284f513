import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../../../shared/errors'
import type { BackupInfo, NetworkCounts, NetworkFileInfo } from '../../../shared/channels/files'
import { openDatabase, tx, type Db } from '../../db/connection'
import { SCHEMA_VERSION } from '../../db/migrate'
import { networkCounts } from '../../db/files'
import { markSummariesStale } from '../../db/analytics'
import { readSetting } from '../../db/settings'
import { NETWORK_EXT } from '../../paths'
import type { ServiceContext } from '../context'

export const KEEP_BACKUPS_KEY = 'files.keepBackups' as const

export const backupsDir = (ctx: ServiceContext) => join(ctx.dataDir, 'backups')
const networkName = (file: string) => basename(file).replace(/\.[^.]+$/, '')

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('.', '')
}

function parseBackupName(name: string): { network: string; createdAt: string; reason: string } | null {
  const m = /^(.*)-(\d{8}T\d{9}Z)(?:-\d+)?-([a-z-]+)\.referralmap$/.exec(name)
  if (!m) return null
  const s = m[2]!
  const createdAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`
  return { network: m[1]!, createdAt, reason: m[3]! }
}

export function listBackups(ctx: ServiceContext): BackupInfo[] {
  const dir = backupsDir(ctx)
  if (!existsSync(dir)) return []
  const out: BackupInfo[] = []
  for (const name of readdirSync(dir)) {
    const meta = parseBackupName(name)
    if (!meta) continue
    const path = join(dir, name)
    out.push({ name, path, size: statSync(path).size, createdAt: meta.createdAt, reason: meta.reason })
  }
  const seq = (n: string) => Number(/Z-(\d+)-/.exec(n)?.[1] ?? 1)
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : seq(b.name) - seq(a.name)))
}

export const keepBackups = (ctx: ServiceContext): number => readSetting(ctx.store.db, KEEP_BACKUPS_KEY)

/** SQLite online backup of the open network into the backups folder; old backups beyond "keep N" are removed. */
export async function backupNow(ctx: ServiceContext, reason: string): Promise<BackupInfo> {
  const dir = backupsDir(ctx)
  mkdirSync(dir, { recursive: true })
  const base = `${networkName(ctx.store.file)}-${stamp(ctx.now())}`
  let name = `${base}-${reason}.${NETWORK_EXT}`
  for (let i = 2; existsSync(join(dir, name)); i++) name = `${base}-${i}-${reason}.${NETWORK_EXT}`
  const path = join(dir, name)
  await ctx.store.db.backup(path)
  const keep = keepBackups(ctx)
  for (const old of listBackups(ctx).slice(keep)) rmSync(old.path, { force: true })
  return { name, path, size: statSync(path).size, createdAt: ctx.now().toISOString(), reason }
}

function backupPath(ctx: ServiceContext, name: string): string {
  if (name !== basename(name) || !parseBackupName(name)) throw new AppError('VALIDATION', 'Not a backup name.', 'name')
  const path = join(backupsDir(ctx), name)
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `No backup called ${name}.`, 'name')
  return path
}

/**
 * Copies a network file aside and opens the copy (migrating it if older): the
 * original is never touched. Refuses non-networks, newer versions and files
 * failing integrity_check.
 */
export function withNetworkCopy<T>(ctx: ServiceContext, file: string, fn: (db: Db) => T): T {
  checkNetworkFile(file)
  const tmp = join(ctx.dataDir, `.tmp-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.${NETWORK_EXT}`)
  copyFileSync(file, tmp)
  for (const ext of ['-wal']) if (existsSync(file + ext)) copyFileSync(file + ext, tmp + ext)
  let db: Db | null = null
  try {
    db = openDatabase(tmp, { create: false })
    return fn(db)
  } finally {
    db?.close()
    for (const f of [tmp, tmp + '-wal', tmp + '-shm']) rmSync(f, { force: true })
  }
}

/** Read-only checks before a network file is used: SQLite, ours, not newer, integrity_check ok. */
export function checkNetworkFile(file: string): void {
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `There is no file ${file}.`, 'path')
  const head = readFileSync(file).subarray(0, 16).toString('latin1')
  if (!head.startsWith('SQLite format 3')) throw new AppError('INVALID_FILE', `${basename(file)} is not a Referral Map network (not a database file).`, 'path')
  let db: Database.Database | null = null
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const appId = db.pragma('application_id', { simple: true }) as number
    const version = db.pragma('user_version', { simple: true }) as number
    if (appId !== 0x52464d50 || version === 0)
      throw new AppError('INVALID_FILE', `${basename(file)} is a database, but not a Referral Map network.`, 'path')
    if (version > SCHEMA_VERSION)
      throw new AppError('INVALID_FILE', `${basename(file)} was saved by a newer version of Referral Map (schema ${version}; this app knows up to ${SCHEMA_VERSION}). Update the app to open it.`, 'path')
    const check = db.pragma('integrity_check', { simple: true }) as string
    if (check !== 'ok') throw new AppError('INVALID_FILE', `${basename(file)} is damaged (integrity check: ${check}).`, 'path')
  } catch (e) {
    if (e instanceof AppError) throw e
    throw new AppError('INVALID_FILE', `${basename(file)} cannot be read as a network (${(e as Error).message}).`, 'path')
  } finally {
    db?.close()
  }
}

export function restorePreview(ctx: ServiceContext, name: string): { backup: BackupInfo; current: NetworkCounts; inBackup: NetworkCounts } {
  const path = backupPath(ctx, name)
  const backup = listBackups(ctx).find((b) => b.name === name)!
  const inBackup = withNetworkCopy(ctx, path, (db) => networkCounts(db))
  return { backup, current: networkCounts(ctx.store.db), inBackup }
}

/**
 * Replaces the open network's contents with a backup's, in one transaction
 * (the current state is backed up first). The backup is migrated on a copy.
 */
export async function restoreBackup(ctx: ServiceContext, name: string): Promise<{ restored: NetworkCounts; backup: string | null }> {
  const path = backupPath(ctx, name)
  // Validate and migrate a copy before anything changes.
  const tmp = join(ctx.dataDir, `.restore-${Date.now()}.${NETWORK_EXT}`)
  checkNetworkFile(path)
  copyFileSync(path, tmp)
  try {
    openDatabase(tmp, { create: false }).close()
    const safety = await backupNow(ctx, 'before-restore')
    const db = ctx.store.db
    db.prepare('ATTACH DATABASE ? AS src').run(tmp)
    try {
      tx(db, () => {
        db.pragma('defer_foreign_keys = ON')
        const tables = (
          db.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'").all() as { name: string }[]
        ).map((t) => t.name)
        for (const t of tables) db.prepare(`DELETE FROM main."${t}"`).run()
        for (const t of tables) {
          const srcCols = new Set((db.prepare(`SELECT name FROM pragma_table_info(?, 'src')`).all(t) as { name: string }[]).map((c) => c.name))
          const cols = (db.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).all(t) as { name: string }[]).map((c) => c.name).filter((c) => srcCols.has(c))
          if (cols.length === 0) continue
          const list = cols.map((c) => `"${c}"`).join(', ')
          db.prepare(`INSERT INTO main."${t}" (${list}) SELECT ${list} FROM src."${t}"`).run()
        }
        // Summary tables were copied while triggers also fired: have them rebuilt from the restored rows.
        markSummariesStale(db)
      })
    } finally {
      db.prepare('DETACH DATABASE src').run()
    }
    return { restored: networkCounts(db), backup: safety.name }
  } finally {
    for (const f of [tmp, tmp + '-wal', tmp + '-shm']) rmSync(f, { force: true })
  }
}

// ---------------------------------------------------------------- network files

const RECENT_FILE = 'recent-networks.json'

export function recentNetworks(ctx: ServiceContext): string[] {
  try {
    const list = JSON.parse(readFileSync(join(ctx.dataDir, RECENT_FILE), 'utf8')) as unknown
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string' && existsSync(x)).slice(0, 10) : []
  } catch {
    return []
  }
}

function rememberRecent(ctx: ServiceContext, file: string): void {
  const list = [file, ...recentNetworks(ctx).filter((f) => f !== file)].slice(0, 10)
  try {
    writeFileSync(join(ctx.dataDir, RECENT_FILE), JSON.stringify(list, null, 2))
  } catch {
    // The recent list is a convenience; failing to save it changes nothing else.
  }
}

export function networkInfo(ctx: ServiceContext): NetworkFileInfo {
  const available = existsSync(ctx.dataDir)
    ? readdirSync(ctx.dataDir).filter((f) => f.endsWith(`.${NETWORK_EXT}`) && !f.startsWith('.')).sort()
    : []
  return { file: ctx.store.file, name: networkName(ctx.store.file), recent: recentNetworks(ctx), available }
}

/**
 * Where a path the user gave may point. A bare file name means the data
 * folder. In the desktop app a full path may point anywhere (it comes from the
 * system's file dialogs); the web bridge accepts only names in the data folder.
 */
export function resolveNetworkPath(ctx: ServiceContext, p: string, forNew: boolean): string {
  let file: string
  const bare = p.trim() !== '' && basename(p.trim()) === p.trim()
  if (ctx.transport === 'web' || bare) {
    const name = basename(p.trim())
    if (!name || name !== p.trim() || name.startsWith('.')) throw new AppError('VALIDATION', 'Give a file name in the data folder (no folders).', 'path')
    file = join(ctx.dataDir, name)
  } else {
    if (!isAbsolute(p)) throw new AppError('VALIDATION', 'Give a full path.', 'path')
    file = resolve(p)
  }
  if (forNew && !file.endsWith(`.${NETWORK_EXT}`)) file += `.${NETWORK_EXT}`
  return file
}

export function openNetwork(ctx: ServiceContext, path: string): NetworkFileInfo {
  const file = resolveNetworkPath(ctx, path, false)
  checkNetworkFile(file)
  if (resolve(file) !== resolve(ctx.store.file)) ctx.store.switchTo(file, { create: false })
  rememberRecent(ctx, file)
  return networkInfo(ctx)
}

export function newNetwork(ctx: ServiceContext, path: string): NetworkFileInfo {
  const file = resolveNetworkPath(ctx, path, true)
  if (existsSync(file)) throw new AppError('CONFLICT', `${basename(file)} already exists; open it instead, or pick another name.`, 'path')
  if (!existsSync(dirname(file))) throw new AppError('NOT_FOUND', `The folder ${dirname(file)} does not exist.`, 'path')
  try {
    ctx.store.switchTo(file, { create: true })
  } catch (e) {
    if (existsSync(file)) unlinkSync(file)
    throw e
  }
  rememberRecent(ctx, file)
  return networkInfo(ctx)
}

export async function saveCopy(ctx: ServiceContext, path: string): Promise<{ path: string }> {
  const file = resolveNetworkPath(ctx, path, true)
  if (resolve(file) === resolve(ctx.store.file)) throw new AppError('VALIDATION', 'That is the open network itself; pick another name.', 'path')
  if (!existsSync(dirname(file))) throw new AppError('NOT_FOUND', `The folder ${dirname(file)} does not exist.`, 'path')
  await ctx.store.db.backup(file)
  rememberRecent(ctx, file)
  return { path: file }
}
