import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  createGestureGate,
  isAppPage,
  PAGE_CSP,
  permissionAllowed,
  resolveAppFile,
  serveAppFile,
  windowOpenDecision,
} from '../../src/main/security'

describe('the app scheme (app://renderer/…)', () => {
  let root: string
  let outside: string
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'referral-map-scheme-'))
    root = join(dir, 'renderer')
    mkdirSync(join(root, 'assets'), { recursive: true })
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>')
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
    // A sibling whose name starts like the root: a prefix check alone would let it through.
    outside = join(dir, 'renderer-secrets')
    mkdirSync(outside)
    writeFileSync(join(outside, 'key.txt'), 'secret')
    writeFileSync(join(dir, 'network.referralmap'), 'db')
  })
  afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }))

  it('is registered standard and secure, without CSP bypass or CORS', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true })
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP')
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('corsEnabled')
    expect(APP_INDEX_URL).toBe(`${APP_ORIGIN}/index.html`)
  })

  it('maps the app URLs to files under the renderer folder', () => {
    expect(resolveAppFile(root, 'app://renderer/')).toBe(join(root, 'index.html'))
    expect(resolveAppFile(root, 'app://renderer')).toBe(join(root, 'index.html'))
    expect(resolveAppFile(root, 'app://renderer/index.html?x=1#/people')).toBe(join(root, 'index.html'))
    expect(resolveAppFile(root, 'app://renderer/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'))
    expect(resolveAppFile(root, 'app://renderer/assets/a%20b.js')).toBe(join(root, 'assets', 'a b.js'))
  })

  it('refuses every way out of the renderer folder, and other hosts and schemes', () => {
    // Dot segments, plain or %-encoded, are resolved by the URL parser (as in the browser): they cannot
    // climb above the host, so they stay inside the folder (and are 404 when missing).
    expect(resolveAppFile(root, 'app://renderer/../../network.referralmap')).toBe(join(root, 'network.referralmap'))
    expect(resolveAppFile(root, 'app://renderer/%2e%2e/network.referralmap')).toBe(join(root, 'network.referralmap'))
    expect(resolveAppFile(root, 'app://renderer/%2E%2E/%2E%2E/etc/passwd')).toBe(join(root, 'etc', 'passwd'))
    expect(resolveAppFile(root, 'app://renderer/./index.html')).toBe(join(root, 'index.html'))
    const refused = [
      'app://renderer/assets/..%2f..%2fnetwork.referralmap',
      'app://renderer/..%5c..%5cnetwork.referralmap',
      'app://renderer/assets%2f..%2f..%2frenderer-secrets/key.txt',
      'app://renderer/%00index.html',
      'app://renderer/index.html%00.png',
      'app://renderer/C:%5cWindows%5cwin.ini',
      'app://renderer/c:/x',
      'app://renderer/%',
      'app://renderer/assets//index-abc.js',
      'app://renderer/..\\..\\network.referralmap',
      'app://other/index.html',
      'app://user:pw@renderer/index.html',
      'app://renderer:8080/index.html',
      'file:///etc/passwd',
      'https://renderer/index.html',
      'not a url',
    ]
    for (const url of refused) expect(resolveAppFile(root, url), url).toBeNull()
  })

  it('serves files with their type, nosniff and the page CSP on HTML; 404 for the rest', async () => {
    const read = (f: string) => readFile(f)
    const page = await serveAppFile(root, APP_INDEX_URL, read)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(PAGE_CSP)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('<title>app</title>')
    const js = await serveAppFile(root, 'app://renderer/assets/index-abc.js', read)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(js.headers.get('content-security-policy')).toBeNull()
    for (const url of ['app://renderer/missing.js', 'app://renderer/assets', 'app://renderer/%2e%2e/network.referralmap', 'app://renderer/..%2frenderer-secrets/key.txt']) {
      const r = await serveAppFile(root, url, read)
      expect(r.status, url).toBe(404)
      expect(await r.text(), url).not.toContain('secret')
    }
  })
})

describe('the app page', () => {
  it('is app://renderer/index.html (any hash or query), or the dev server in development', () => {
    expect(isAppPage('app://renderer/index.html')).toBe(true)
    expect(isAppPage('app://renderer/index.html#/people/1')).toBe(true)
    expect(isAppPage('app://renderer/other.html')).toBe(false)
    expect(isAppPage('file:///opt/app/out/renderer/index.html')).toBe(false)
    expect(isAppPage('https://evil.example/app://renderer/index.html')).toBe(false)
    expect(isAppPage('http://localhost:5173/#/x', 'http://localhost:5173/')).toBe(true)
    expect(isAppPage('http://localhost:5173/#/x')).toBe(false)
  })
})

describe('permissions: denied by default', () => {
  it('denies every permission a page can ask for', () => {
    const asked = [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'midiSysex',
      'pointerLock',
      'fullscreen',
      'openExternal',
      'clipboard-read',
      'display-capture',
      'hid',
      'serial',
      'usb',
      'idle-detection',
      'storage-access',
      'window-management',
      'unknown',
      'speaker-selection',
      'keyboardLock',
      'fileSystem',
    ]
    for (const p of asked) {
      expect(permissionAllowed(p, APP_INDEX_URL), p).toBe(false)
      expect(permissionAllowed(p, APP_ORIGIN), p).toBe(false)
    }
  })

  it('lets only the app page write text to the clipboard (Copy draft)', () => {
    expect(permissionAllowed('clipboard-sanitized-write', APP_INDEX_URL)).toBe(true)
    expect(permissionAllowed('clipboard-sanitized-write', `${APP_INDEX_URL}#/thanks`)).toBe(true)
    expect(permissionAllowed('clipboard-sanitized-write', APP_ORIGIN)).toBe(true)
    expect(permissionAllowed('clipboard-sanitized-write', `${APP_ORIGIN}/`)).toBe(true)
    for (const other of ['https://evil.example/', 'file:///x/index.html', 'app://other/index.html', '', undefined]) {
      expect(permissionAllowed('clipboard-sanitized-write', other), String(other)).toBe(false)
    }
    expect(permissionAllowed('clipboard-sanitized-write', 'http://localhost:5173/', 'http://localhost:5173/')).toBe(true)
  })
})

describe('links leave the app only right after the user acted', () => {
  it('a link opened by script alone (no click, no key) stays closed', () => {
    const gate = createGestureGate(() => 1000)
    expect(windowOpenDecision('https://example.com/', gate)).toBe('deny')
    expect(windowOpenDecision('mailto:a@example.com', gate)).toBe('deny')
  })

  it('a click lets one link out, within the window; mouse moves and wheels do not count', () => {
    let t = 10_000
    const gate = createGestureGate(() => t, 2000)
    gate.noteInput('mouseMove')
    gate.noteInput('mouseWheel')
    expect(windowOpenDecision('https://example.com/', gate)).toBe('deny')
    gate.noteInput('mouseDown')
    t += 500
    expect(windowOpenDecision('https://example.com/', gate)).toBe('external')
    // The same click cannot open a second tab.
    expect(windowOpenDecision('https://example.com/other', gate)).toBe('deny')
    gate.noteInput('rawKeyDown')
    t += 2001
    expect(windowOpenDecision('https://example.com/', gate)).toBe('deny')
    gate.noteInput('gestureTap')
    expect(windowOpenDecision('mailto:a@example.com', gate)).toBe('external')
  })

  it('even right after a click, only clean https: and mailto: URLs leave', () => {
    const gate = createGestureGate(() => 0)
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://renderer/index.html', ' https://example.com', 'https://user:pw@example.com/', 'smb://host/share']) {
      gate.noteInput('mouseUp')
      expect(windowOpenDecision(url, gate), url).toBe('deny')
    }
  })
})
