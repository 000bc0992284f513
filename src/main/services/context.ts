import { openDatabase, type Db, type OpenOptions } from '../db/connection'

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
}

export const nowIso = (ctx: ServiceContext): string => ctx.now().toISOString()
export const todayIso = (ctx: ServiceContext): string => ctx.now().toISOString().slice(0, 10)
