import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { channels } from '../../src/shared/contract'
import type { Result } from '../../src/shared/errors'
import { openDatabase } from '../../src/backend/db/connection'

/**
 * Loads the built main bundle under plain Node with a stand-in for `electron`
 * that records what the app asks of it, then drives the recorded handlers.
 */
const root = resolve(__dirname, '../..')
/** The electron-vite build under test: out/ by default, another folder with RM_MAIN_OUT (as RM_WEB_OUT does for the web build). */
const outDir = resolve(root, process.env.RM_MAIN_OUT ?? 'out')
const mainBundle = join(outDir, 'main/index.cjs')
const preloadBundle = join(outDir, 'preload/index.cjs')
const rendererDir = join(outDir, 'renderer')
const APP_PAGE = 'app://renderer/index.html'

type Listener = (...args: unknown[]) => unknown
type IpcHandler = (event: unknown, input: unknown) => Promise<Result<unknown>>

interface FakeWindow {
  options: { webPreferences: Record<string, unknown> } & Record<string, unknown>
  loaded: string | null
  winEvents: Map<string, Listener>
  contentsEvents: Map<string, Listener>
  openHandler: ((d: { url: string }) => { action: string }) | null
  sent: unknown[][]
}

function fakeElectron(userData: string, appPath: string, lock = true) {
  const rec = {
    handlers: new Map<string, IpcHandler>(),
    listeners: new Map<string, Listener>(),
    windows: [] as FakeWindow[],
    appEvents: new Map<string, Listener>(),
    opened: [] as string[],
    menu: null as unknown,
    quit: 0,
    reloads: 0,
    recentDocuments: [] as string[],
    errors: [] as string[],
    ready: Promise.resolve(),
    schemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
    protocols: new Map<string, (req: { url: string }) => Promise<Response>>(),
    permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void, details: { requestingUrl: string }) => void),
    permissionCheck: null as null | ((wc: unknown, permission: string, origin: string) => boolean),
    devicePermission: null as null | ((details: unknown) => boolean),
  }
  class BrowserWindow {
    private readonly w: FakeWindow
    webContents: Record<string, unknown>
    constructor(options: FakeWindow['options']) {
      const w: FakeWindow = { options, loaded: null, winEvents: new Map(), contentsEvents: new Map(), openHandler: null, sent: [] }
      this.w = w
      rec.windows.push(w)
      this.webContents = {
        on: (ev: string, fn: Listener) => w.contentsEvents.set(ev, fn),
        setWindowOpenHandler: (fn: FakeWindow['openHandler']) => (w.openHandler = fn),
        send: (...args: unknown[]) => w.sent.push(args),
        reload: () => void rec.reloads++,
      }
    }
    static getAllWindows() {
      return rec.windows
    }
    maximize() {}
    once(ev: string, fn: Listener) {
      this.w.winEvents.set(`once:${ev}`, fn)
    }
    on(ev: string, fn: Listener) {
      this.w.winEvents.set(ev, fn)
    }
    show() {}
    isDestroyed() {
      return false
    }
    isMaximized() {
      return false
    }
    isMinimized() {
      return false
    }
    restore() {}
    focus() {}
    getNormalBounds() {
      return { x: 10, y: 20, width: 1111, height: 777 }
    }
    loadFile(f: string) {
      this.w.loaded = f
      return Promise.resolve()
    }
    loadURL(u: string) {
      this.w.loaded = u
      return Promise.resolve()
    }
  }
  const electron = {
    app: {
      getPath: (name: string) => {
        if (name !== 'userData') throw new Error(`unexpected getPath(${name})`)
        return userData
      },
      getAppPath: () => appPath,
      isPackaged: false,
      getVersion: () => '0.0.0-smoke',
      // The menus' language when the network has none set (issue 15).
      getPreferredSystemLanguages: () => ['en-US'],
      addRecentDocument: (p: string) => void rec.recentDocuments.push(p),
      requestSingleInstanceLock: () => lock,
      quit: () => void rec.quit++,
      on: (ev: string, fn: Listener) => rec.appEvents.set(ev, fn),
      whenReady: () => rec.ready,
    },
    BrowserWindow,
    ipcMain: {
      handle: (ch: string, fn: IpcHandler) => rec.handlers.set(ch, fn),
      // One-way messages (the taskbar progress channel).
      on: (ch: string, fn: Listener) => void rec.listeners.set(ch, fn),
    },
    Menu: {
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: (m: unknown) => (rec.menu = m),
    },
    shell: {
      openExternal: (u: string) => {
        rec.opened.push(u)
        return Promise.resolve()
      },
    },
    dialog: {
      showMessageBox: (_w: unknown, o: { detail: string }) => {
        rec.errors.push(o.detail)
        return Promise.resolve({ response: 0 })
      },
      showErrorBox: (_t: string, m: string) => void rec.errors.push(m),
    },
    nativeTheme: { shouldUseDarkColors: false, on: () => {} },
    protocol: {
      registerSchemesAsPrivileged: (s: typeof rec.schemes) => void rec.schemes.push(...s),
      handle: (scheme: string, fn: (req: { url: string }) => Promise<Response>) => void rec.protocols.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof rec.permissionRequest) => void (rec.permissionRequest = fn),
        setPermissionCheckHandler: (fn: typeof rec.permissionCheck) => void (rec.permissionCheck = fn),
        setDevicePermissionHandler: (fn: typeof rec.devicePermission) => void (rec.devicePermission = fn),
      },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  }
  return { electron, rec }
}

/** Requires the main bundle fresh, answering `require('electron')` with the stand-in. */
function loadMain(electron: unknown): void {
  const M = Module as unknown as { _load: (req: string, parent: unknown, isMain: boolean) => unknown }
  const original = M._load
  M._load = function (req: string, parent: unknown, isMain: boolean) {
    if (req === 'electron') return electron
    return original.call(this, req, parent, isMain)
  }
  try {
    const req = createRequire(mainBundle)
    delete req.cache[mainBundle]
    req(mainBundle)
  } finally {
    M._load = original
  }
}

const tick = () => new Promise((r) => setTimeout(r, 20))

describe('built main bundle under Node with a stand-in electron', () => {
  const userData = mkdtempSync(join(tmpdir(), 'referral-map-smoke-'))
  const appPath = mkdtempSync(join(tmpdir(), 'referral-map-smoke-app-'))
  const { electron, rec } = fakeElectron(userData, appPath)
  const appPage = APP_PAGE

  beforeAll(async () => {
    if (!existsSync(mainBundle) || !existsSync(preloadBundle)) {
      execSync('npx electron-vite build', { cwd: root, stdio: 'inherit' })
    }
    delete process.env.ELECTRON_RENDERER_URL
    loadMain(electron)
    await tick()
  }, 300_000)

  afterAll(() => {
    const willQuit = rec.appEvents.get('will-quit')
    willQuit?.()
    rmSync(userData, { recursive: true, force: true })
    rmSync(appPath, { recursive: true, force: true })
  })

  it('resolves every require from the bundle, with better-sqlite3 left external', () => {
    const src = readFileSync(mainBundle, 'utf8')
    const reqs = [...new Set([...src.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!))]
    expect(reqs).toContain('better-sqlite3')
    expect(reqs).toContain('electron')
    const req = createRequire(mainBundle)
    for (const r of reqs.filter((x) => x !== 'electron')) expect(() => req.resolve(r), r).not.toThrow()
    // better-sqlite3's JS (which locates the .node file) is not inlined into the bundle.
    expect(src).not.toMatch(/require\("bindings"\)/)
  })

  it('creates one window with the secure web preferences and an existing preload', () => {
    expect(rec.windows).toHaveLength(1)
    const w = rec.windows[0]!
    const wp = w.options.webPreferences
    expect(wp.contextIsolation).toBe(true)
    expect(wp.sandbox).toBe(true)
    expect(wp.nodeIntegration).toBe(false)
    expect(wp.webSecurity).not.toBe(false)
    expect(typeof wp.preload).toBe('string')
    expect(existsSync(wp.preload as string)).toBe(true)
    // Served from the app's own scheme, not file://.
    expect(w.loaded).toBe(APP_PAGE)
    if (process.platform !== 'darwin') {
      expect(w.options.icon).toBe(join(root, 'resources/icon.png'))
      expect(existsSync(w.options.icon as string)).toBe(true)
    }
    expect(rec.menu).toBeTruthy()
    // Light like the OS (the stand-in's nativeTheme) before the page paints, and the open network in the OS's recent documents.
    expect(w.options.backgroundColor).toBe('#f6f7f9')
    expect(rec.recentDocuments).toEqual([join(userData, 'network.referralmap')])
  })

  it('registers exactly the channels of the contract', () => {
    expect([...rec.handlers.keys()].sort()).toEqual([...channels].sort())
  })

  it('a registered handler writes and reads the real database', async () => {
    const event = { senderFrame: { url: appPage, parent: null } }
    const created = await rec.handlers.get('people:create')!(event, { name: 'Smoke Test Person', company: 'Acme' })
    expect(created.ok).toBe(true)
    const listed = await rec.handlers.get('people:list')!(event, { search: 'smoke' })
    expect(listed.ok).toBe(true)
    const names = (listed as { data: { items: { name: string }[] } }).data.items.map((p) => p.name)
    expect(names).toEqual(['Smoke Test Person'])
    // The row is in the SQLite file under user-data, readable by anyone who opens it.
    const file = join(userData, 'network.referralmap')
    expect(existsSync(file)).toBe(true)
    const db = new Database(file, { readonly: true })
    try {
      const row = db.prepare('SELECT name, company FROM people').all()
      expect(row).toEqual([{ name: 'Smoke Test Person', company: 'Acme' }])
    } finally {
      db.close()
    }
  })

  it('refuses calls from a frame that is not the app page, before reading the input', async () => {
    const foreign = [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: appPage, parent: { url: appPage } } },
      { senderFrame: null },
    ]
    for (const ev of foreign) {
      const r = await rec.handlers.get('people:create')!(ev, { name: 'Intruder' })
      expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } })
    }
    const listed = await rec.handlers.get('people:list')!({ senderFrame: { url: appPage, parent: null } }, {})
    expect((listed as { data: { total: number } }).data.total).toBe(1)
  })

  it('returns typed validation errors over IPC', async () => {
    const r = await rec.handlers.get('people:create')!({ senderFrame: { url: `${appPage}#/people`, parent: null } }, { name: '' })
    expect(r.ok).toBe(false)
    expect(r.ok ? null : r.error).toMatchObject({ code: 'VALIDATION', field: 'name' })
  })

  it('opens a network file handed over by a second launch, and refuses a file that is not a network', async () => {
    const event = { senderFrame: { url: appPage, parent: null } }
    const current = async () => ((await rec.handlers.get('files:network')!(event, {})) as { data: { file: string } }).data.file
    const before = await current()
    const otherDir = mkdtempSync(join(tmpdir(), 'referral-map-smoke-other-'))
    try {
      // Not a network: a clear message, and the open network stays.
      const junk = join(otherDir, 'junk.referralmap')
      writeFileSync(junk, 'this is not a database')
      rec.appEvents.get('second-instance')!({}, ['referral-map', '--flag', junk])
      await tick()
      expect(rec.errors).toHaveLength(1)
      expect(rec.errors[0]).toBe('junk.referralmap is not a Referral Map network (not a database file).')
      expect(await current()).toBe(before)
      expect(rec.reloads).toBe(0)

      // A real network (made by the app itself, then closed) opens in place and the window reloads.
      const other = join(otherDir, 'chapter.referralmap')
      const db = openDatabase(other, { create: true })
      db.close()
      rec.appEvents.get('second-instance')!({}, ['referral-map', other])
      await tick()
      expect(await current()).toBe(other)
      expect(rec.reloads).toBe(1)
      const listed = await rec.handlers.get('people:list')!(event, {})
      expect((listed as { data: { total: number } }).data.total).toBe(0)

      // Back to the first one, as File > Open Recent would.
      rec.appEvents.get('second-instance')!({}, ['referral-map', before])
      await tick()
      expect(await current()).toBe(before)
    } finally {
      rmSync(otherDir, { recursive: true, force: true })
    }
  })

  it('denies navigation away from the app and every new window; a link leaves only right after a click', async () => {
    const w = rec.windows[0]!
    const nav = w.contentsEvents.get('will-navigate')!
    const prevented: string[] = []
    const fileUrl = pathToFileURL(join(rendererDir, 'index.html')).href
    for (const url of ['https://evil.example/', 'file:///etc/passwd', fileUrl, 'app://other/index.html', `${appPage}?x=1`, `${appPage}#/people`]) {
      nav({ preventDefault: () => prevented.push(url) }, url)
    }
    expect(prevented).toEqual(['https://evil.example/', 'file:///etc/passwd', fileUrl, 'app://other/index.html'])
    const input = w.contentsEvents.get('input-event')!
    // A plain link the user clicked (navigation, not a new window) opens in the browser; without a click, nothing.
    nav({ preventDefault: () => {} }, 'https://example.org/after-click')
    input({}, { type: 'mouseUp' })
    nav({ preventDefault: () => {} }, 'https://example.org/after-click')
    await tick()
    expect(rec.opened).toEqual(['https://example.org/after-click'])
    rec.opened.length = 0
    const urls = ['https://example.com/', 'mailto:a@example.com', 'http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)']
    // Script alone (no user input): nothing leaves.
    for (const url of urls) expect(w.openHandler!({ url })).toEqual({ action: 'deny' })
    await tick()
    expect(rec.opened).toEqual([])
    // Right after a click (an input event from the browser process), one clean link leaves.
    for (const url of urls) {
      input({}, { type: 'mouseDown' })
      expect(w.openHandler!({ url })).toEqual({ action: 'deny' })
    }
    await tick()
    expect(rec.opened).toEqual(['https://example.com/', 'mailto:a@example.com'])
  })

  it('serves the renderer from app://renderer/ with the page CSP, and nothing outside it', async () => {
    expect(rec.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }])
    expect(rec.schemes[0]!.privileges).not.toHaveProperty('bypassCSP')
    const handle = rec.protocols.get('app')!
    const page = await handle({ url: APP_PAGE })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
    expect(await page.text()).toBe(readFileSync(join(rendererDir, 'index.html'), 'utf8'))
    for (const url of ['app://renderer/..%2fmain%2findex.cjs', 'app://renderer/%2e%2e/main/index.cjs', 'app://renderer/..%5cmain%5cindex.cjs', 'app://other/index.html']) {
      expect((await handle({ url })).status, url).toBe(404)
    }
  })

  it('denies permissions by default: requests, checks and devices', () => {
    const asked: [string, boolean][] = []
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid']) {
      rec.permissionRequest!({}, p, (ok) => asked.push([p, ok]), { requestingUrl: APP_PAGE })
      expect(rec.permissionCheck!({}, p, 'app://renderer'), p).toBe(false)
    }
    expect(asked.every(([, ok]) => ok === false)).toBe(true)
    expect(asked).toHaveLength(6)
    // Copy draft writes to the clipboard from the app page only.
    expect(rec.permissionCheck!({}, 'clipboard-sanitized-write', 'app://renderer')).toBe(true)
    expect(rec.permissionCheck!({}, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false)
    expect(rec.devicePermission!({ deviceType: 'usb', origin: 'app://renderer' })).toBe(false)
  })

  it('blocks webviews in any web contents', () => {
    const created = rec.appEvents.get('web-contents-created')!
    const events = new Map<string, Listener>()
    created({}, { on: (ev: string, fn: Listener) => events.set(ev, fn) })
    let prevented = false
    events.get('will-attach-webview')!({ preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
  })

  it('remembers the window bounds when it closes', () => {
    rec.windows[0]!.winEvents.get('close')!()
    const saved = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')) as Record<string, unknown>
    expect(saved).toEqual({ x: 10, y: 20, width: 1111, height: 777, maximized: false })
  })

  it('reopens at the remembered size and position', async () => {
    const next = fakeElectron(userData, appPath)
    // As if this were the next start: a new process, the saved window-state.json.
    const firstWindow = rec.windows[0]!
    loadMain(next.electron)
    await tick()
    const w = next.rec.windows[0]!
    expect(w.options).toMatchObject({ x: 10, y: 20, width: 1111, height: 777 })
    expect(firstWindow).not.toBe(w)
    next.rec.appEvents.get('will-quit')?.()
  })

  it('a second instance quits instead of opening another window', async () => {
    const other = fakeElectron(userData, appPath, false)
    loadMain(other.electron)
    await tick()
    expect(other.rec.quit).toBe(1)
    expect(other.rec.windows).toHaveLength(0)
    expect(other.rec.handlers.size).toBe(0)
  })

  it('the preload bundle requires only electron', () => {
    const src = readFileSync(preloadBundle, 'utf8')
    const reqs = new Set([...src.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]))
    expect([...reqs]).toEqual(['electron'])
    expect(src).not.toMatch(/\bimport\s*\(/)
    expect(dirname(preloadBundle)).toBe(join(outDir, 'preload'))
  })

  it('the preload exposes one invoke-only function per channel and never ipcRenderer', async () => {
    const exposed = new Map<string, Record<string, unknown>>()
    const invoked: unknown[][] = []
    const fake = {
      contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => exposed.set(key, value) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args)
          return Promise.resolve({ ok: true, data: null })
        },
        on: () => {},
        removeListener: () => {},
      },
    }
    const M = Module as unknown as { _load: (req: string, parent: unknown, isMain: boolean) => unknown }
    const original = M._load
    M._load = function (req: string, parent: unknown, isMain: boolean) {
      if (req === 'electron') return fake
      return original.call(this, req, parent, isMain)
    }
    try {
      const req = createRequire(preloadBundle)
      delete req.cache[preloadBundle]
      req(preloadBundle)
    } finally {
      M._load = original
    }
    expect([...exposed.keys()].sort()).toEqual(['api', 'platform'])
    const api = exposed.get('api')!
    expect(Object.keys(api).sort()).toEqual([...channels].sort())
    for (const v of Object.values(api)) expect(typeof v).toBe('function')
    await (api['people:list'] as (i?: unknown) => Promise<unknown>)()
    await (api['people:create'] as (i?: unknown) => Promise<unknown>)({ name: 'A' })
    expect(invoked).toEqual([
      ['people:list', null],
      ['people:create', { name: 'A' }],
    ])
    const platform = exposed.get('platform')!
    // setProgress: one-way taskbar progress (ipcRenderer.send('progress', value)), never ipcRenderer itself.
    expect(Object.keys(platform).sort()).toEqual(['onMenu', 'os', 'setProgress', 'transport'])
    for (const value of [...exposed.values()].flatMap((o) => Object.values(o))) expect(value).not.toBe(fake.ipcRenderer)
  })
})
