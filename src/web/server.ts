import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, resolve } from 'node:path'
import { channels } from '../shared/contract'
import type { Result } from '../shared/errors'
import { dispatch } from '../main/ipc/dispatch'
import { createHandlers, NetworkStore, type ServiceContext } from '../main/services'
import { defaultNetworkFile } from '../main/paths'

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
}

export interface WebBridge {
  url: string
  port: number
  token: string
  ctx: ServiceContext
  close(): Promise<void>
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
}

const STATUS: Record<string, number> = {
  VALIDATION: 400,
  UNKNOWN_CHANNEL: 404,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  INVALID_FILE: 422,
  CANCELLED: 409,
  INTERNAL: 500,
}

/** The page's own CSP (index.html) again as a header, where frame-ancestors takes effect. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  const data = type === 'application/json' ? JSON.stringify(body) : (body as Buffer | string)
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // The token travels in the page URL: never leak it in a Referer.
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    ...(type.startsWith('text/html') ? { 'content-security-policy': PAGE_CSP } : {}),
  })
  res.end(data)
}

function readBody(req: IncomingMessage, limit = 64 * 1024 * 1024): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) {
        fail(new Error('Request body too large.'))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')))
    req.on('error', fail)
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
  const staticDir = opts.staticDir ? resolve(opts.staticDir) : undefined

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const host = (req.headers.host ?? '').replace(/:\d+$/, '')
      if (host !== '127.0.0.1' && host !== 'localhost') return send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Loopback only.' } })
      if (url.pathname === '/api' || url.pathname.startsWith('/api/') || url.pathname.startsWith('/__test/')) {
        if (!tokenMatches(req.headers.authorization, token)) {
          return send(res, 401, { ok: false, error: { code: 'FORBIDDEN', message: 'Missing or wrong token.' } })
        }
        if (url.pathname === '/api' && req.method === 'GET') return send(res, 200, { channels })
        if (opts.testClock && url.pathname === '/__test/clock' && req.method === 'POST') {
          const body = JSON.parse((await readBody(req)) || '{}') as { now?: string }
          const t = Date.parse(body.now ?? '')
          if (Number.isNaN(t)) return send(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'now must be an ISO date.' } })
          offsetMs = t - Date.now()
          return send(res, 200, { ok: true, data: { now: ctx.now().toISOString() } })
        }
        if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'VALIDATION', message: 'Use POST.' } })
        const channel = decodeURIComponent(url.pathname.slice('/api/'.length))
        let input: unknown
        try {
          const raw = await readBody(req)
          input = raw.trim() === '' ? undefined : JSON.parse(raw)
        } catch (e) {
          return send(res, 400, { ok: false, error: { code: 'VALIDATION', message: `The request body is not JSON: ${(e as Error).message}` } })
        }
        const result: Result<unknown> = await dispatch(handlers, channel, input)
        return send(res, result.ok ? 200 : (STATUS[result.error.code] ?? 500), result)
      }
      if (!staticDir) return send(res, 404, 'Not found', 'text/plain')
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain')
      const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '')
      let file = join(staticDir, rel || 'index.html')
      if (!file.startsWith(staticDir)) return send(res, 403, 'Forbidden', 'text/plain')
      if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticDir, 'index.html')
      if (!existsSync(file)) return send(res, 404, 'Build the web renderer first: npm run build:web', 'text/plain')
      send(res, 200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream')
    })().catch((e: unknown) => send(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(e) } }))
  })

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
        server.closeAllConnections?.()
        server.close(() => {
          ctx.store.close()
          ok()
        })
      }),
  }
}
