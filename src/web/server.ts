import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { join, normalize, resolve, sep } from 'node:path'
import { channels } from '../shared/contract'
import type { AppErrorShape, Result } from '../shared/errors'
import { dispatch } from '../backend/dispatch'
import { PAGE_CSP, staticType } from '../main/security'
import { createHandlers, NetworkStore, type ServiceContext } from '../backend/services'
import { startChapterLive } from '../backend/services/sync'
import { defaultNetworkFile } from '../backend/paths'

export interface WebBridgeOptions {
  dataDir: string
  port?: number
  token?: string
  /** Built renderer (vite.web.config.ts output). */
  staticDir?: string
  /** Fixed clock for tests; `/__test/clock` can move it when testClock is on. */
  now?: Date
  testClock?: boolean
  version?: string
  /** Largest request body in bytes (BODY_LIMIT). */
  bodyLimit?: number
  /** Time to receive a whole request, headers and body (REQUEST_TIMEOUT_MS); then 408 and the connection closes. */
  requestTimeoutMs?: number
  /** Live chapter sync (LISTEN/NOTIFY + a poll every chapterPollMs) while a chapter network is open; default on. */
  chapterLive?: boolean
  chapterPollMs?: number
}

export interface WebBridge {
  url: string
  port: number
  token: string
  ctx: ServiceContext
  close(): Promise<void>
}

const STATUS: Record<string, number> = {
  VALIDATION: 400,
  UNKNOWN_CHANNEL: 404,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  INVALID_FILE: 422,
  CANCELLED: 409,
  // 423 Locked: the network file is held by another program; Retry-After says when to try again.
  BUSY: 423,
  INTERNAL: 500,
}

/**
 * Largest request body: the contract's biggest field (a file of 50 MB, base64:
 * at most 70,000,000 characters) with room for the rest of the JSON.
 */
export const BODY_LIMIT = 72 * 1024 * 1024
/** Time to receive a whole request; a slow or stalled upload is answered 408 and closed. */
export const REQUEST_TIMEOUT_MS = 15_000

export { PAGE_CSP }

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json', extra: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  const data = type === 'application/json' ? Buffer.from(JSON.stringify(body), 'utf8') : typeof body === 'string' ? Buffer.from(body, 'utf8') : (body as Buffer)
  res.writeHead(status, {
    'content-type': type,
    'content-length': String(data.length),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // The token travels in the page URL: never leak it in a Referer.
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    ...(type.startsWith('text/html') ? { 'content-security-policy': PAGE_CSP } : {}),
    ...extra,
  })
  res.end(data)
}

const refusal = (code: AppErrorShape['code'], message: string): Result<never> => ({ ok: false, error: { code, message } })

/** A request the bridge refuses before dispatch (bad URL, body too large, not JSON), with its HTTP status. */
class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** decodeURIComponent that answers 400 on a malformed escape (`/%`, `/%zz`) instead of throwing. */
function decodePath(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    throw new RequestError(400, 'The address has a malformed %-escape.')
  }
}

/**
 * Reads the body as bytes, up to `limit`, and decodes it once. With a declared
 * length the bytes go straight into one buffer of that size (no list of chunks
 * and no second copy); a declared length over the limit is refused before
 * anything is read. Past the limit the rest is read and dropped, so the client
 * can finish sending and read the 413 (answering mid-upload and closing would
 * reset the connection under it).
 */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = () => new RequestError(413, `The request body is too large (${Math.round(limit / (1024 * 1024))} MB at most).`)
  const declared = req.headers['content-length'] === undefined ? NaN : Number(req.headers['content-length'])
  if (declared > limit) return Promise.reject(tooLarge())
  return new Promise((ok, fail) => {
    const whole = Number.isSafeInteger(declared) && declared > 0 ? Buffer.allocUnsafe(declared) : null
    const chunks: Buffer[] = []
    let size = 0
    const stop = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      req.resume() // drain and drop the rest
    }
    const onData = (c: Buffer) => {
      if (size + c.length > limit || (whole && size + c.length > whole.length)) {
        stop()
        return fail(size + c.length > limit ? tooLarge() : new RequestError(400, 'The request body is longer than its Content-Length.'))
      }
      if (whole) c.copy(whole, size)
      else chunks.push(c)
      size += c.length
    }
    const onEnd = () => {
      stop()
      const bytes = whole ? whole.subarray(0, size) : Buffer.concat(chunks, size)
      chunks.length = 0
      ok(bytes.toString('utf8'))
    }
    const onError = (e: Error) => {
      stop()
      fail(e)
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
  })
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? '')
  if (!m) return false
  const a = Buffer.from(m[1]!)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Serves the built renderer and binds every contract channel to
 * `POST /api/<channel>` on 127.0.0.1 only, behind a per-run bearer token.
 */
export async function startWebBridge(opts: WebBridgeOptions): Promise<WebBridge> {
  mkdirSync(opts.dataDir, { recursive: true })
  const token = opts.token ?? randomBytes(24).toString('base64url')
  let offsetMs = opts.now ? opts.now.getTime() - Date.now() : 0
  const ctx: ServiceContext = {
    store: new NetworkStore(defaultNetworkFile(opts.dataDir)),
    dataDir: opts.dataDir,
    now: () => new Date(Date.now() + offsetMs),
    transport: 'web',
    version: opts.version ?? '0.0.0',
  }
  const handlers = createHandlers(ctx)
  const stopLive = opts.chapterLive === false ? async () => {} : startChapterLive(ctx, { pollMs: opts.chapterPollMs })
  const staticDir = opts.staticDir ? resolve(opts.staticDir) : undefined

  const bodyLimit = opts.bodyLimit ?? BODY_LIMIT
  const requestTimeout = opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS
  /** One request: API calls go to dispatch, anything else is the built renderer. */
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1')
    } catch {
      throw new RequestError(400, 'The address is not a valid URL path.')
    }
    const host = (req.headers.host ?? '').replace(/:\d+$/, '')
    if (host !== '127.0.0.1' && host !== 'localhost') return send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Loopback only.' } })
    if (url.pathname === '/api' || url.pathname.startsWith('/api/') || url.pathname.startsWith('/__test/')) {
      if (!tokenMatches(req.headers.authorization, token)) {
        return send(res, 401, { ok: false, error: { code: 'FORBIDDEN', message: 'Missing or wrong token.' } })
      }
      if (url.pathname === '/api' && req.method === 'GET') return send(res, 200, { channels })
      if (opts.testClock && url.pathname === '/__test/clock' && req.method === 'POST') {
        let body: { now?: string }
        try {
          body = JSON.parse((await readBody(req, bodyLimit)) || '{}') as { now?: string }
        } catch (e) {
          if (e instanceof RequestError) throw e
          body = {}
        }
        const t = Date.parse(body.now ?? '')
        if (Number.isNaN(t)) return send(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'now must be an ISO date.' } })
        offsetMs = t - Date.now()
        return send(res, 200, { ok: true, data: { now: ctx.now().toISOString() } })
      }
      if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'VALIDATION', message: 'Use POST.' } })
      const channel = decodePath(url.pathname.slice('/api/'.length))
      const raw = await readBody(req, bodyLimit)
      let input: unknown
      try {
        input = raw.trim() === '' ? undefined : JSON.parse(raw)
      } catch (e) {
        return send(res, 400, refusal('VALIDATION', `The request body is not JSON: ${(e as Error).message}`))
      }
      const result: Result<unknown> = await dispatch(handlers, channel, input, { db: () => ctx.store.db })
      const status = result.ok ? 200 : (STATUS[result.error.code] ?? 500)
      return send(res, status, result, 'application/json', status === 423 ? { 'retry-after': '1' } : {})
    }
    if (!staticDir) return send(res, 404, 'Not found', 'text/plain')
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain')
    const rel = normalize(decodePath(url.pathname)).replace(/^([/\\])+/, '')
    let file = join(staticDir, rel || 'index.html')
    if (file !== staticDir && !file.startsWith(staticDir + sep)) return send(res, 403, 'Forbidden', 'text/plain')
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticDir, 'index.html')
    if (!existsSync(file)) return send(res, 404, 'Build the web renderer first: npm run build:web', 'text/plain')
    send(res, 200, readFileSync(file), staticType(file))
  }

  const server = createServer(
    {
      // Node answers 408 and closes a connection whose request (headers and body) has not fully
      // arrived in time; the check runs every connectionsCheckingInterval.
      requestTimeout,
      headersTimeout: Math.min(requestTimeout, 10_000),
      connectionsCheckingInterval: Math.min(1000, requestTimeout),
    },
    (req, res) => {
      handle(req, res).catch((e: unknown) => {
        // The client went away or the request timed out (Node has answered 408): nobody to answer.
        if (res.destroyed || req.destroyed) return
        if (e instanceof RequestError) {
          const isApi = (req.url ?? '').startsWith('/api') || (req.url ?? '').startsWith('/__test/')
          return isApi ? send(res, e.status, refusal('VALIDATION', e.message)) : send(res, e.status, e.message, 'text/plain; charset=utf-8')
        }
        console.error('[web bridge]', e)
        send(res, 500, refusal('INTERNAL', String(e)))
      })
    },
  )

  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok())
  })
  const addr = server.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    ctx,
    close: () =>
      new Promise<void>((ok) => {
        void stopLive()
        server.closeAllConnections?.()
        server.close(() => {
          ctx.store.close()
          ok()
        })
      }),
  }
}
