import { todayIn } from '../../core/dates'
import { openDatabase, type Db, type OpenOptions } from '../db/connection'
import { readSetting } from '../db/settings'

/** The open network file. Issue-level features (File > Open) swap it; services always read `store.db`. */
export class NetworkStore {
  private _db: Db
  private _file: string
  constructor(
    file: string,
    private readonly openOpts: OpenOptions = {},
  ) {
    this._db = openDatabase(file, openOpts)
    this._file = file
  }
  get db(): Db {
    return this._db
  }
  get file(): string {
    return this._file
  }
  /** Opens another network file; the current one stays open if that fails. */
  switchTo(file: string, opts: OpenOptions = {}): void {
    const next = openDatabase(file, { ...this.openOpts, ...opts })
    this._db.close()
    this._db = next
    this._file = file
  }
  close(): void {
    if (this._db.open) this._db.close()
  }
}

export interface ServiceContext {
  store: NetworkStore
  /** The app's data folder (user-data in Electron, --data-dir on the web bridge). */
  dataDir: string
  /** Injected clock so rules can be tested with fixed dates. */
  now: () => Date
  transport: 'ipc' | 'web'
  version: string
  /** Opens a vetted mailto: link in the mail app (Electron's shell.openExternal); absent on the web bridge. */
  openExternal?: (url: string) => Promise<void>
  /**
   * Asks the user where to save an exported file (Electron's save dialog) and
   * resolves the chosen path, or null when they cancel. Absent on the web
   * bridge, where the renderer downloads instead.
   */
  chooseSavePath?: (suggestedName: string, filter: { name: string; extensions: string[] }) => Promise<string | null>
  /**
   * Shows the system's dialog for a network file (open an existing one, or
   * where to create a new one or save a copy) and resolves the chosen path, or
   * null when the user cancels. The only way a full path reaches the files
   * service from the desktop renderer; absent on the web bridge (names in the
   * data folder only).
   */
  chooseNetworkFile?: (purpose: 'open' | 'new' | 'saveCopy', suggestedName: string) => Promise<string | null>
}

export const nowIso = (ctx: ServiceContext): string => ctx.now().toISOString()
/** The computer's own time zone (used when the user has not chosen one). */
export function hostTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** The computer's locale (BCP 47), for the language the built-in texts use when none is chosen. */
export function hostLocale(): string {
  return Intl.DateTimeFormat().resolvedOptions().locale || 'en-US'
}

/** The time zone days start in: the Settings one, else the computer's. */
export function timeZoneOf(ctx: ServiceContext): string {
  return readSetting(ctx.store.db, 'timeZone') ?? hostTimeZone()
}

/**
 * Today (YYYY-MM-DD) in the user's time zone, from the service clock: the one
 * backend accessor every rule, query and screen uses (the renderer gets it from `app:info`).
 */
export const todayIso = (ctx: ServiceContext): string => todayIn(ctx.now(), timeZoneOf(ctx))
