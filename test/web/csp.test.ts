import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { PAGE_CSP, startWebBridge, type WebBridge } from '../../src/web/server'

const root = resolve(__dirname, '../..')

function cspOf(html: string): Map<string, string[]> {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)
  expect(m, 'a CSP meta tag').not.toBeNull()
  return parsePolicy(m![1]!)
}

function parsePolicy(p: string): Map<string, string[]> {
  return new Map(
    p
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map((d) => [d[0]!, d.slice(1)]),
  )
}

function expectStrict(csp: Map<string, string[]>): void {
  expect(csp.get('default-src')).toEqual(["'self'"])
  expect(csp.get('script-src')).toEqual(["'self'"])
  expect(csp.get('object-src')).toEqual(["'none'"])
  expect(csp.get('base-uri')).toEqual(["'none'"])
  expect(csp.get('connect-src')).toEqual(["'self'"])
  for (const [name, sources] of csp) {
    for (const s of sources) {
      expect(s, `${name} ${s}`).not.toMatch(/^(https?:|\*|'unsafe-eval'|'wasm-unsafe-eval')/)
      if (name !== 'style-src') expect(s, `${name} ${s}`).not.toBe("'unsafe-inline'")
    }
  }
}

describe('content security policy', () => {
  const pages = [
    ['source', join(root, 'src/renderer/index.html')],
    ['electron build', join(root, 'out/renderer/index.html')],
    ['web build', join(root, 'out/web/index.html')],
  ] as const

  for (const [name, file] of pages) {
    it(`${name}: strict CSP, no inline or remote scripts`, () => {
      if (!existsSync(file)) return // built by `npm test` before vitest runs
      const html = readFileSync(file, 'utf8')
      expectStrict(cspOf(html))
      for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
        expect(tag, 'scripts are files of the app').toMatch(/\ssrc="(\.\/|\/)(?!\/)/)
      }
      expect(html).not.toMatch(/<script\b[^>]*>\s*[^<\s]/i)
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i)
    })
  }

  it('the web bridge sends the same policy as a header, with framing denied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'referral-map-csp-'))
    const staticDir = join(dir, 'web')
    mkdirSync(staticDir)
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>x</title>')
    let bridge: WebBridge | undefined
    try {
      bridge = await startWebBridge({ dataDir: join(dir, 'data'), staticDir })
      const headers = await new Promise<Record<string, string | string[] | undefined>>((ok, fail) => {
        const req = request({ host: '127.0.0.1', port: bridge!.port, path: '/', method: 'GET' }, (res) => {
          res.resume()
          ok(res.headers)
        })
        req.on('error', fail)
        req.end()
      })
      expect(headers['content-security-policy']).toBe(PAGE_CSP)
      expect(parsePolicy(PAGE_CSP).get('frame-ancestors')).toEqual(["'none'"])
      expectStrict(parsePolicy(PAGE_CSP))
      expect(headers['x-frame-options']).toBe('DENY')
      expect(headers['referrer-policy']).toBe('no-referrer')
      // The header and the page's meta tag agree; frame-ancestors only works as a header
      // (browsers ignore it in <meta> and log an error), so only the header carries it.
      const meta = cspOf(readFileSync(join(root, 'src/renderer/index.html'), 'utf8'))
      const header = parsePolicy(PAGE_CSP)
      header.delete('frame-ancestors')
      expect(meta).toEqual(header)
      expect(meta.has('frame-ancestors')).toBe(false)
    } finally {
      await bridge?.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('static files stay inside the build folder', () => {
  let bridge: WebBridge
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'referral-map-static-'))
    mkdirSync(join(dir, 'web'))
    writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>app</title>')
    writeFileSync(join(dir, 'secret.txt'), 'do not serve')
    bridge = await startWebBridge({ dataDir: join(dir, 'data'), staticDir: join(dir, 'web') })
  })
  afterAll(async () => {
    await bridge.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('does not serve files outside it', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt']) {
      const body = await new Promise<string>((ok, fail) => {
        const req = request({ host: '127.0.0.1', port: bridge.port, path, method: 'GET' }, (res) => {
          let b = ''
          res.on('data', (c: Buffer) => (b += c.toString()))
          res.on('end', () => ok(b))
        })
        req.on('error', fail)
        req.end()
      })
      expect(body, path).not.toContain('do not serve')
    }
  })
})
