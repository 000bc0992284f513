import { extname, join, resolve, sep } from 'node:path'
import { isSafeExternalUrl } from '../backend/external'

/**
 * The desktop shell's security decisions, as plain functions so they can be
 * tested under Node (the Electron binary does not run everywhere the tests
 * do). index.ts wires them to Electron: the `app:` scheme, the session's
 * permission handlers, navigation and window.open.
 */

/** The app is served from `app://renderer/…`, a privileged standard scheme, never from file://. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'renderer'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/**
 * For protocol.registerSchemesAsPrivileged: standard (relative URLs and an
 * origin of its own, so the page's CSP `'self'` means the app and nothing
 * else), secure (a secure context, like https), fetch for the page's own
 * assets, V8 code cache. No bypassCSP, no CORS, no service workers.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const

/** The page's Content-Security-Policy (as in index.html), sent as a header where frame-ancestors takes effect. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** Content types of the built renderer's files (the app scheme and the web bridge serve the same build). */
export const STATIC_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
}

export const staticType = (file: string): string => STATIC_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'

/**
 * The file under `rootDir` an `app://renderer/…` URL names, or null when the
 * URL is not the app's, or tries to leave rootDir: `..` or `.` segments (also
 * %-encoded), encoded slashes or backslashes, NUL, a drive letter, a malformed
 * escape. `/` is index.html. The caller reads the file and answers 404 when
 * it is missing or a folder.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  let u: URL
  try {
    u = new URL(requestUrl)
  } catch {
    return null
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password || u.port) return null
  const raw = u.pathname === '' || u.pathname === '/' ? '/index.html' : u.pathname
  const segments: string[] = []
  for (const enc of raw.split('/').slice(1)) {
    let seg: string
    try {
      seg = decodeURIComponent(enc)
    } catch {
      return null
    }
    if (seg === '' || seg === '.' || seg === '..' || /[/\\\0:]/.test(seg)) return null
    segments.push(seg)
  }
  const root = resolve(rootDir)
  const file = resolve(join(root, ...segments))
  return file.startsWith(root + sep) ? file : null
}

/** The app's own top-level page: the dev server in development, app://renderer/index.html otherwise. */
export function isAppPage(url: string, devUrl?: string): boolean {
  if (devUrl && url.startsWith(devUrl)) return true
  return url.split(/[?#]/)[0] === APP_INDEX_URL
}

/**
 * Permissions the page may have. Everything is denied except writing text to
 * the clipboard (Copy draft) from the app's own page; no camera, microphone,
 * notifications, geolocation, HID/USB/serial, clipboard reading, and nothing
 * for any other origin.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

export function permissionAllowed(permission: string, requestingUrl: string | undefined, devUrl?: string): boolean {
  if (!ALLOWED_PERMISSIONS.has(permission) || !requestingUrl) return false
  // A permission check passes the origin (app://renderer), a request the full page URL.
  const origin = requestingUrl.replace(/\/+$/, '')
  return origin === APP_ORIGIN || isAppPage(requestingUrl, devUrl) || (devUrl !== undefined && requestingUrl.startsWith(devUrl.replace(/\/+$/, '')))
}

/**
 * Input events (Electron's webContents 'input-event', sent by the browser
 * process, not forgeable by page script) that count as the user acting: a
 * click, a key press, a tap.
 */
const ACTIVATING_INPUT: ReadonlySet<string> = new Set(['mouseDown', 'mouseUp', 'rawKeyDown', 'keyDown', 'gestureTap', 'touchEnd', 'pointerDown', 'pointerUp'])

/** How long after the user acted a link may still open (Chromium's transient activation is about this order). */
export const GESTURE_WINDOW_MS = 2000

/**
 * Electron tells window.open's handler nothing about user gestures, so the
 * main process keeps its own: the last activating input of the window. A
 * link may leave the app only within GESTURE_WINDOW_MS of one, and each
 * input lets one link out (a click cannot open a burst of tabs).
 */
export function createGestureGate(now: () => number = Date.now, windowMs = GESTURE_WINDOW_MS) {
  let last = Number.NEGATIVE_INFINITY
  return {
    noteInput(type: string): void {
      if (ACTIVATING_INPUT.has(type)) last = now()
    },
    /** Whether the user acted just now; uses the gesture up. */
    consume(): boolean {
      const ok = now() - last <= windowMs
      last = Number.NEGATIVE_INFINITY
      return ok
    },
  }
}
export type GestureGate = ReturnType<typeof createGestureGate>

/**
 * window.open and target=_blank links: never a new app window. A clean
 * `https:` or `mailto:` URL (isSafeExternalUrl) goes to the user's browser or
 * mail app, and only right after the user clicked or pressed a key.
 */
export function windowOpenDecision(url: string, gate: GestureGate): 'external' | 'deny' {
  if (!isSafeExternalUrl(url)) return 'deny'
  return gate.consume() ? 'external' : 'deny'
}

/**
 * The app scheme's handler (protocol.handle('app', …)): the built renderer's
 * file for the URL, with its content type, nosniff, and the page CSP on HTML;
 * 404 for anything outside rootDir, missing, or a folder.
 */
export async function serveAppFile(rootDir: string, requestUrl: string, read: (file: string) => Promise<Buffer>): Promise<Response> {
  const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  const file = resolveAppFile(rootDir, requestUrl)
  if (!file) return notFound()
  let body: Buffer
  try {
    body = await read(file)
  } catch {
    return notFound() // ENOENT, EISDIR, …
  }
  const type = staticType(file)
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'content-type': type,
      'x-content-type-options': 'nosniff',
      ...(type.startsWith('text/html') ? { 'content-security-policy': PAGE_CSP } : {}),
    },
  })
}
