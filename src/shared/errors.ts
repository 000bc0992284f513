/** Error codes every transport (IPC, web bridge) returns in the same shape. */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNKNOWN_CHANNEL'
  | 'INVALID_FILE'
  | 'CANCELLED'
  /** The network file is locked by another program or window (SQLITE_BUSY/LOCKED): try again. */
  | 'BUSY'
  | 'INTERNAL'

export interface AppErrorShape {
  code: ErrorCode
  message: string
  /** Dotted path of the input field the error is about, e.g. `name` or `checks.accepted`. */
  field?: string
  details?: unknown
}

export class AppError extends Error implements AppErrorShape {
  readonly code: ErrorCode
  readonly field?: string
  readonly details?: unknown
  constructor(code: ErrorCode, message: string, field?: string, details?: unknown) {
    super(message)
    this.name = 'AppError'
    this.code = code
    if (field !== undefined) this.field = field
    if (details !== undefined) this.details = details
  }
  toJSON(): AppErrorShape {
    const out: AppErrorShape = { code: this.code, message: this.message }
    if (this.field !== undefined) out.field = this.field
    if (this.details !== undefined) out.details = this.details
    return out
  }
}

export const notFound = (what: string, id: string, field?: string): AppError =>
  new AppError('NOT_FOUND', `No ${what} with id ${id}.`, field)

/** What a call that met a locked network file answers, on every transport. */
export const BUSY_MESSAGE = 'The network file is in use by another program or window; try again.'

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape }
