import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { AppError } from '../../../shared/errors'
import type { BackupInfo, NetworkCounts, NetworkFileInfo } from '../../../shared/channels/files'
import { APPLICATION_ID, openDatabase, readNetworkHeader, replaceContentsFrom, tx, type Db } from '../../db/connection'
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

// ---------------------------------------------------------------- temporary files

/**
 * Files written under a temporary name (a backup being written, a restore or
 * merge copy, a save-a-copy in progress) carry the writing process's id, so a
 * later start or open can tell a stale one (its process is gone, or it is ours
 * and not in flight) from one another running instance is still writing.
 */
const inFlight = new Set<string>()

/** A temp path for `final`'s folder, tracked as in flight until `done` is called. */
function tempPath(dir: string, kind: 'partial' | 'restore' | 'incoming' | 'tmp', suffix: string): { path: string; done: () => void } {
  const path = join(dir, `.${kind}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}-${suffix}`)
  inFlight.add(path)
  return {
    path,
    done: () => {
      for (const f of [path, path + '-wal', path + '-shm', path + '-journal'])
        try {
          rmSync(f, { force: true })
        } catch {
          // Could not be removed (or never could exist there): the next start's clean-up tries again.
        }
      inFlight.delete(path)
    },
  }
}

const TEMP_NAME = /^\.(partial|restore|incoming|tmp)-(\d+)[-.]/
const SIDE_FILE = /-(wal|shm|journal)$/

const STALE_AFTER_MS = 24 * 3600_000

function olderThan(path: string, ms: number): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > ms
  } catch {
    return false
  }
}

function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid > 0x7fffffff) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes what interrupted backups, restores, merges and copies left in the
 * data folder and the backups folder (with their -wal/-shm files). Runs when
 * the files service starts and whenever a network is opened.
 */
export function cleanStaleFiles(ctx: ServiceContext): string[] {
  const removed: string[] = []
  for (const dir of [ctx.dataDir, backupsDir(ctx)]) {
    let names: string[]
    try {
      names = readdirSync(dir)
    } catch {
      continue
    }
    for (const name of names) {
      const m = TEMP_NAME.exec(name)
      if (!m) continue
      const path = join(dir, name)
      const main = path.replace(SIDE_FILE, '')
      if (inFlight.has(main)) continue
      const pid = Number(m[2])
      // Another running process's file, unless it has not been touched for a day (its id was reused by an unrelated process).
      if (pid !== process.pid && processAlive(pid) && !olderThan(path, STALE_AFTER_MS)) continue
      try {
        rmSync(path, { force: true })
        removed.push(name)
      } catch {
        // Still held (Windows) or already gone: the next start tries again.
      }
    }
  }
  return removed
}

// ---------------------------------------------------------------- backups

/**
 * Which network a backup belongs to: its name plus a short hash of the network
 * file's full path, so two networks (even two called "network" in different
 * folders) keep their backups apart.
 */
export function networkKey(file: string): string {
  let real = resolve(file)
  try {
    real = realpathSync.native(file)
  } catch {
    // Not created yet: the resolved path is the identity.
  }
  return `${clipBytes(networkName(file), 120)}.${createHash('sha256').update(real).digest('hex').slice(0, 8)}`
}

/** The longest start of `s` that fits in `max` UTF-8 bytes (whole characters only). */
function clipBytes(s: string, max: number): string {
  let out = ''
  let bytes = 0
  for (const c of s) {
    bytes += Buffer.byteLength(c, 'utf8')
    if (bytes > max) break
    out += c
  }
  return out
}

interface BackupName {
  /** `name.hash` for backups written since keep N became per network; the bare name for older ones. */
  network: string
  legacy: boolean
  createdAt: string
  seq: number
  reason: string
}

export function parseBackupName(name: string): BackupName | null {
  if (name.startsWith('.')) return null
  const m = /^(.+)-(\d{8}T\d{9}Z)(?:-(\d+))?-([a-z-]+)\.referralmap$/.exec(name)
  if (!m) return null
  const s = m[2]!
  const createdAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`
  return { network: m[1]!, legacy: !/\.[0-9a-f]{8}$/.test(m[1]!), createdAt, seq: Number(m[3] ?? 1), reason: m[4]! }
}

/** Whether a backup is the open network's (older backups without the hash go by the network's name). */
function ofNetwork(ctx: ServiceContext, meta: BackupName, key = networkKey(ctx.store.file)): boolean {
  return meta.legacy ? meta.network === networkName(ctx.store.file) : meta.network === key
}

/** The open network's backups, newest first. Files being written (temporary names) are never listed. */
export function listBackups(ctx: ServiceContext): BackupInfo[] {
  const dir = backupsDir(ctx)
  if (!existsSync(dir)) return []
  const key = networkKey(ctx.store.file)
  const out: (BackupInfo & { seq: number })[] = []
  for (const name of readdirSync(dir)) {
    const meta = parseBackupName(name)
    if (!meta || !ofNetwork(ctx, meta, key)) continue
    const path = join(dir, name)
    try {
      out.push({ name, path, size: statSync(path).size, createdAt: meta.createdAt, reason: meta.reason, seq: meta.seq })
    } catch {
      // Removed meanwhile.
    }
  }
  out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.seq - a.seq))
  return out.map(({ seq: _seq, ...b }) => b)
}

export const keepBackups = (ctx: ServiceContext): number => readSetting(ctx.store.db, 'files.keepBackups')

/** Removes the open network's backups beyond "keep N" (other networks' backups are theirs to keep). */
export function pruneBackups(ctx: ServiceContext): void {
  for (const old of listBackups(ctx).slice(keepBackups(ctx))) rmSync(old.path, { force: true })
}

/**
 * SQLite online backup of the open network into the backups folder. It is
 * written under a temporary name and renamed into place only when complete,
 * so an interrupted backup is never listed nor counted. Does not prune.
 */
async function writeBackup(ctx: ServiceContext, reason: string): Promise<BackupInfo & { madeDir: boolean }> {
  const dir = backupsDir(ctx)
  const madeDir = !existsSync(dir)
  mkdirSync(dir, { recursive: true })
  const base = `${networkKey(ctx.store.file)}-${stamp(ctx.now())}`
  let name = `${base}-${reason}.${NETWORK_EXT}`
  for (let i = 2; existsSync(join(dir, name)); i++) name = `${base}-${i}-${reason}.${NETWORK_EXT}`
  const path = join(dir, name)
  const tmp = tempPath(dir, 'partial', `backup.${NETWORK_EXT}`)
  try {
    await ctx.store.db.backup(tmp.path)
    renameSync(tmp.path, path)
  } catch (e) {
    throw cannotWrite(e, path)
  } finally {
    tmp.done()
  }
  return { name, path, size: statSync(path).size, createdAt: ctx.now().toISOString(), reason, madeDir }
}

/** A file system or SQLite failure to write `file` as a typed error that says where and why (other errors as they are). */
function cannotWrite(e: unknown, file: string, field?: string): unknown {
  if (e instanceof AppError) return e
  const code = String((e as { code?: unknown }).code ?? '')
  if (/^(EACCES|EPERM|EROFS|ENOTDIR|EISDIR|ENOSPC|EDQUOT|EBUSY)$/.test(code) || /^SQLITE_(CANTOPEN|READONLY|FULL|IOERR)/.test(code))
    return new AppError('FORBIDDEN', `${basename(file)} cannot be written in ${dirname(file)} (${(e as Error).message}).`, field)
  return e
}

/** A backup now; the open network's backups beyond "keep N" are then removed. */
export async function backupNow(ctx: ServiceContext, reason: string): Promise<BackupInfo> {
  const { madeDir: _made, ...b } = await writeBackup(ctx, reason)
  pruneBackups(ctx)
  return b
}

/**
 * Runs an action that cannot be undone (an import, a merge, a restore) behind a
 * backup. When the action fails nothing was changed (it runs in one
 * transaction), so its backup is removed again; old backups are pruned only
 * after it succeeded, so failed tries never push good backups out.
 */
export async function withBackup<T>(ctx: ServiceContext, reason: string, fn: (backup: BackupInfo) => T | Promise<T>): Promise<T> {
  const { madeDir, ...backup } = await writeBackup(ctx, reason)
  let out: T
  try {
    out = await fn(backup)
  } catch (e) {
    rmSync(backup.path, { force: true })
    // The backups folder too, when this backup made it: a failed action leaves the data folder as it was.
    if (madeDir)
      try {
        rmdirSync(backupsDir(ctx))
      } catch {
        // Not empty (another backup arrived meanwhile): it stays.
      }
    throw e
  }
  pruneBackups(ctx)
  return out
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
export function withNetworkCopy<T>(ctx: ServiceContext, file: string, fn: (db: Db) => T, shownAs?: string): T {
  checkNetworkFile(file, shownAs)
  const tmp = tempPath(ctx.dataDir, 'tmp', `copy.${NETWORK_EXT}`)
  let db: Db | null = null
  try {
    copyFileSync(file, tmp.path)
    if (existsSync(file + '-wal')) copyFileSync(file + '-wal', tmp.path + '-wal')
    db = openDatabase(tmp.path, { create: false })
    return fn(db)
  } finally {
    db?.close()
    tmp.done()
  }
}

/** A temporary file in the data folder for bytes that arrived (a merged network); cleaned at start/open if left behind. */
export function incomingFile(ctx: ServiceContext): { path: string; done: () => void } {
  return tempPath(ctx.dataDir, 'incoming', `network.${NETWORK_EXT}`)
}

/** Read-only checks before a network file is used: SQLite, ours, not newer, integrity_check ok. */
export function checkNetworkFile(file: string, shownAs = basename(file)): void {
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `There is no file ${file}.`, 'path')
  const head = readFileSync(file).subarray(0, 16).toString('latin1')
  if (!head.startsWith('SQLite format 3')) throw new AppError('INVALID_FILE', `${shownAs} is not a Referral Map network (not a database file).`, 'path')
  let header: ReturnType<typeof readNetworkHeader>
  try {
    header = readNetworkHeader(file)
  } catch {
    throw new AppError('INVALID_FILE', `${shownAs} cannot be read as a network: the file is damaged or not a database.`, 'path')
  }
  const { appId, version, integrity } = header
  if (appId !== APPLICATION_ID || version === 0)
    throw new AppError('INVALID_FILE', `${shownAs} is a database, but not a Referral Map network.`, 'path')
  if (version > SCHEMA_VERSION)
    throw new AppError('INVALID_FILE', `${shownAs} was saved by a newer version of Referral Map (schema ${version}; this app knows up to ${SCHEMA_VERSION}). Update the app to open it.`, 'path')
  if (integrity !== 'ok') throw new AppError('INVALID_FILE', `${shownAs} is damaged: SQLite's integrity check failed, so it cannot be used safely. Use a backup of it, or ask for a new copy.`, 'path')
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
  checkNetworkFile(path)
  const tmp = tempPath(ctx.dataDir, 'restore', `network.${NETWORK_EXT}`)
  try {
    copyFileSync(path, tmp.path)
    openDatabase(tmp.path, { create: false }).close()
    return await withBackup(ctx, 'before-restore', (safety) => {
      const db = ctx.store.db
      replaceContentsFrom(db, tmp.path, (fn) =>
        tx(db, () => {
          fn()
          // Summary tables were copied while triggers also fired: have them rebuilt from the restored rows.
          markSummariesStale(db)
        }),
      )
      return { restored: networkCounts(db), backup: safety.name }
    })
  } finally {
    tmp.done()
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

/** The desktop app: network files are picked in the system's dialogs the main process shows. */
export const hasDialogs = (ctx: ServiceContext): boolean => ctx.transport === 'ipc' && !!ctx.chooseNetworkFile

export function networkInfo(ctx: ServiceContext): NetworkFileInfo {
  const available = existsSync(ctx.dataDir)
    ? readdirSync(ctx.dataDir).filter((f) => f.endsWith(`.${NETWORK_EXT}`) && !f.startsWith('.')).sort()
    : []
  return { file: ctx.store.file, name: networkName(ctx.store.file), recent: recentNetworks(ctx), available, dialogs: hasDialogs(ctx) }
}

// ---------------------------------------------------------------- file names and paths

/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)(\..*)?$/i
/** The longest file name most file systems take is 255 bytes. */
const MAX_NAME_BYTES = 255

/**
 * Checks a file name typed by the user before any file is touched: a plain
 * name in one folder, valid on Windows, macOS and Linux. Throws VALIDATION
 * naming `field`.
 */
export function checkFileName(name: string, field = 'name'): string {
  const bad = (why: string) => new AppError('VALIDATION', `That file name ${why}.`, field)
  if (name.trim() === '') throw bad('is empty')
  if (name !== name.trim()) throw bad('starts or ends with a space')
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) throw bad('contains a control character')
  if (/[/\\]/.test(name)) throw bad('contains a folder separator (/ or \\); give a name only')
  if (name === '.' || name === '..' || name.startsWith('.')) throw bad('starts with a dot')
  if (/[<>:"|?*]/.test(name)) throw bad('contains a character file systems refuse (< > : " | ? *)')
  if (name.endsWith('.')) throw bad('ends with a dot')
  if (RESERVED.test(name)) throw bad(`is reserved by Windows (${name.split('.')[0]!.toUpperCase()})`)
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) throw bad(`is too long (at most ${MAX_NAME_BYTES} bytes)`)
  return name
}

/** A network file name typed in the app: checked, with the extension added for new files, inside the data folder. */
export function networkFileFromName(ctx: ServiceContext, name: string, forNew: boolean): string {
  checkFileName(name)
  const file = forNew && !name.toLowerCase().endsWith(`.${NETWORK_EXT}`) ? `${name}.${NETWORK_EXT}` : name
  checkFileName(file)
  // SQLite keeps "<name>-journal" and "<name>-wal" beside the file: those must fit too.
  if (Buffer.byteLength(file, 'utf8') > MAX_NAME_BYTES - '-journal'.length)
    throw new AppError('VALIDATION', `That file name is too long (at most ${MAX_NAME_BYTES - '-journal'.length} bytes with .${NETWORK_EXT}).`, 'name')
  return join(ctx.dataDir, file)
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync.native(a) === realpathSync.native(b)
  } catch {
    return resolve(a) === resolve(b)
  }
}

/**
 * Opens a network file. `file` is trusted: a name resolved in the data folder,
 * or a path the main process got from the system's dialog or the OS.
 */
export function openNetwork(ctx: ServiceContext, file: string): NetworkFileInfo {
  checkNetworkFile(file)
  if (!sameFile(file, ctx.store.file)) ctx.store.switchTo(file, { create: false })
  cleanStaleFiles(ctx)
  rememberRecent(ctx, file)
  return networkInfo(ctx)
}

export function newNetwork(ctx: ServiceContext, file: string): NetworkFileInfo {
  if (existsSync(file)) throw new AppError('CONFLICT', `${basename(file)} already exists; open it instead, or pick another name.`, 'name')
  if (!existsSync(dirname(file))) throw new AppError('NOT_FOUND', `The folder ${dirname(file)} does not exist.`, 'name')
  try {
    ctx.store.switchTo(file, { create: true })
  } catch (e) {
    if (existsSync(file)) unlinkSync(file)
    throw e
  }
  cleanStaleFiles(ctx)
  rememberRecent(ctx, file)
  return networkInfo(ctx)
}

/**
 * Writes a copy of the open network to `file` (trusted, as for openNetwork).
 * An existing file is replaced only with `overwrite` (the user confirmed it);
 * the copy is written under a temporary name and renamed over it when
 * complete, and the old file's -wal/-shm are removed so SQLite never replays
 * them onto the copy.
 */
export async function saveCopy(ctx: ServiceContext, file: string, opts: { overwrite?: boolean } = {}): Promise<{ path: string; replaced: boolean }> {
  if (sameFile(file, ctx.store.file)) throw new AppError('VALIDATION', 'That is the open network itself; pick another name.', 'name')
  const dir = dirname(file)
  if (!existsSync(dir)) throw new AppError('NOT_FOUND', `The folder ${dir} does not exist.`, 'name')
  const exists = existsSync(file)
  if (exists && !opts.overwrite)
    throw new AppError('CONFLICT', `${basename(file)} already exists. Replace it, or pick another name.`, 'name', { exists: basename(file) })
  if (exists && statSync(file).isDirectory()) throw new AppError('CONFLICT', `${basename(file)} is a folder.`, 'name')
  // A short temporary name: the real one may already be as long as file systems allow.
  const tmp = tempPath(dir, 'partial', `copy.${NETWORK_EXT}`)
  try {
    await ctx.store.db.backup(tmp.path)
    for (const side of ['-wal', '-shm', '-journal']) rmSync(file + side, { force: true })
    renameSync(tmp.path, file)
  } catch (e) {
    throw cannotWrite(e, file, 'name')
  } finally {
    tmp.done()
  }
  rememberRecent(ctx, file)
  return { path: file, replaced: exists }
}
