import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startWebBridge, type WebBridge } from '../../src/web/server'
import { channels } from '../../src/shared/contract'

const root = resolve(__dirname, '../..')

interface Reply {
  status: number
  body: unknown
}

function post(bridge: { port: number }, path: string, body: unknown, token?: string, method = 'POST'): Promise<Reply> {
  return new Promise((ok, fail) => {
    const data = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path,
        method,
        headers: {
          'content-type': 'application/json',
          ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed: unknown = text
          try {
            parsed = JSON.parse(text)
          } catch {
            // plain text
          }
          ok({ status: res.statusCode ?? 0, body: parsed })
        })
      },
    )
    req.on('error', fail)
    req.end(data)
  })
}

describe('web bridge', () => {
  let bridge: WebBridge
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'referral-map-bridge-'))
    bridge = await startWebBridge({ dataDir: dir, version: '0.0.0-test' })
  })
  afterAll(async () => {
    await bridge.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('has a loopback URL carrying a random token', async () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/)
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`)
    const other = await startWebBridge({ dataDir: mkdtempSync(join(tmpdir(), 'referral-map-bridge2-')) })
    try {
      expect(other.token).not.toBe(bridge.token)
    } finally {
      await other.close()
      rmSync(other.ctx.dataDir, { recursive: true, force: true })
    }
  })

  it('GET /api lists every channel of the contract', async () => {
    const r = await post(bridge, '/api', undefined, bridge.token, 'GET')
    expect(r.status).toBe(200)
    expect(r.body).toEqual({ channels: [...channels] })
  })

  it('refuses requests without the token or with a wrong one (401), and writes nothing', async () => {
    for (const token of [undefined, '', 'wrong', `${bridge.token}x`, bridge.token.slice(1)]) {
      const r = await post(bridge, '/api/people:create', { name: 'Intruder' }, token)
      expect(r.status, String(token)).toBe(401)
      expect(r.body).toMatchObject({ ok: false })
    }
    expect((await post(bridge, '/api', undefined, 'nope', 'GET')).status).toBe(401)
    const list = await post(bridge, '/api/people:list', {}, bridge.token)
    expect(list.body).toMatchObject({ ok: true, data: { total: 0 } })
  })

  it('answers invalid input with 400 and the same typed error as over IPC', async () => {
    const r = await post(bridge, '/api/people:create', { name: '' }, bridge.token)
    expect(r.status).toBe(400)
    expect(r.body).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Enter a name.', field: 'name' } })
    const bad = await post(bridge, '/api/people:create', '{not json', bridge.token)
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const unknown = await post(bridge, '/api/people:drop', {}, bridge.token)
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
  })

  it('round-trips a create and a list (200)', async () => {
    const c = await post(bridge, '/api/people:create', { name: 'Ada Bridge', company: 'Loopback Ltd' }, bridge.token)
    expect(c.status).toBe(200)
    const id = (c.body as { data: { id: string } }).data.id
    const g = await post(bridge, '/api/people:get', { id }, bridge.token)
    expect(g.status).toBe(200)
    expect(g.body).toMatchObject({ ok: true, data: { id, name: 'Ada Bridge', company: 'Loopback Ltd' } })
    const l = await post(bridge, '/api/people:list', { search: 'ada' }, bridge.token)
    expect((l.body as { data: { items: { name: string }[] } }).data.items.map((p) => p.name)).toEqual(['Ada Bridge'])
  })

  it('listens on 127.0.0.1 only', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)
    expect(bridge.port).toBeGreaterThan(0)
    if (external) {
      const reached = await new Promise<boolean>((ok) => {
        const req = request({ host: external.address, port: bridge.port, path: '/api', method: 'GET' }, () => ok(true))
        req.on('error', () => ok(false))
        req.end()
      })
      expect(reached).toBe(false)
    }
    // A request naming a foreign host (DNS rebinding) is refused even on loopback.
    const rebound = await new Promise<number>((ok, fail) => {
      const req = request(
        { host: '127.0.0.1', port: bridge.port, path: '/api', method: 'GET', headers: { host: 'evil.example', authorization: `Bearer ${bridge.token}` } },
        (res) => {
          res.resume()
          ok(res.statusCode ?? 0)
        },
      )
      req.on('error', fail)
      req.end()
    })
    expect(rebound).toBe(403)
  })
})

/** Raw HTTP over a socket: what was received until the server closed or `waitMs` passed, and when. */
function raw(port: number, chunks: (string | Buffer)[], opts: { waitMs?: number; gapMs?: number } = {}): Promise<{ text: string; closed: boolean; ms: number; error?: string }> {
  return new Promise((ok) => {
    const started = Date.now()
    const sock = connect(port, '127.0.0.1')
    let text = ''
    let error: string | undefined
    let settled = false
    const done = (closed: boolean) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      sock.destroy()
      ok({ text, closed, ms: Date.now() - started, ...(error ? { error } : {}) })
    }
    const timer = setTimeout(() => done(false), opts.waitMs ?? 5000)
    sock.on('data', (c: Buffer) => (text += c.toString('latin1')))
    sock.on('error', (e) => (error = (e as NodeJS.ErrnoException).code ?? e.message))
    sock.on('close', () => done(true))
    sock.on('connect', async () => {
      for (const c of chunks) {
        if (sock.destroyed) break
        sock.write(c)
        if (opts.gapMs) await new Promise((r) => setTimeout(r, opts.gapMs))
      }
    })
  })
}

const statusOf = (text: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)

/** The body of a raw (latin1) HTTP response, de-chunked, decoded as UTF-8. */
function bodyOf(text: string): string {
  const split = text.indexOf('\r\n\r\n')
  const headers = text.slice(0, split).toLowerCase()
  let rest = text.slice(split + 4)
  if (!/transfer-encoding: chunked/.test(headers)) return Buffer.from(rest, 'latin1').toString('utf8')
  let out = ''
  for (;;) {
    const eol = rest.indexOf('\r\n')
    const size = parseInt(rest.slice(0, eol), 16)
    if (!size) break
    out += rest.slice(eol + 2, eol + 2 + size)
    rest = rest.slice(eol + 2 + size + 2)
  }
  return Buffer.from(out, 'latin1').toString('utf8')
}

describe('web bridge: hostile HTTP', () => {
  let bridge: WebBridge
  let dir: string
  let head: (path: string, extra?: string) => string
  const LIMIT = 256 * 1024
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'referral-map-bridge-h-'))
    const staticDir = join(dir, 'web')
    mkdirSync(staticDir)
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>')
    bridge = await startWebBridge({ dataDir: join(dir, 'data'), staticDir, version: '0.0.0-test', bodyLimit: LIMIT, requestTimeoutMs: 1500 })
    head = (path, extra = '') =>
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${bridge.token}\r\nContent-Type: application/json\r\n${extra}`
  })
  afterAll(async () => {
    await bridge.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('malformed percent-escapes are a 400, not a 500 (GET /%, POST /api/%)', async () => {
    for (const path of ['/%', '/%zz', '/assets/%E0%A4%A']) {
      const r = await post(bridge, path, undefined, undefined, 'GET')
      expect(r.status, path).toBe(400)
    }
    for (const path of ['/api/%', '/api/people%3Alist%', '/api/%ff']) {
      const r = await post(bridge, path, {}, bridge.token)
      expect(r.status, path).toBe(400)
      expect(r.body, path).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    // Still serving afterwards.
    expect((await post(bridge, '/api/app:info', {}, bridge.token)).status).toBe(200)
  })

  it('a body over the limit gets 413 (declared length or streamed), and the bridge keeps answering', async () => {
    // Declared too large: answered before any of it is read.
    const declared = await raw(bridge.port, [`${head('/api/people:create', `Content-Length: ${LIMIT * 4}\r\n`)}\r\n{"name":"x`], { waitMs: 3000 })
    expect(statusOf(declared.text)).toBe(413)
    expect(declared.text).toContain('"code":"VALIDATION"')
    // Streamed (chunked, no length): the client sends all of it and still reads the 413, no reset.
    const big = Buffer.alloc(LIMIT * 3, 0x61)
    const streamed = await new Promise<{ status: number; body: string }>((ok, fail) => {
      const req = request(
        { host: '127.0.0.1', port: bridge.port, path: '/api/people:create', method: 'POST', headers: { authorization: `Bearer ${bridge.token}` } },
        (res) => {
          let body = ''
          res.on('data', (c: Buffer) => (body += c.toString('utf8')))
          res.on('end', () => ok({ status: res.statusCode ?? 0, body }))
        },
      )
      req.on('error', fail)
      for (let i = 0; i < big.length; i += 64 * 1024) req.write(big.subarray(i, i + 64 * 1024))
      req.end()
    })
    expect(streamed.status).toBe(413)
    expect(JSON.parse(streamed.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/too large/i) } })
    expect((await post(bridge, '/api/app:info', {}, bridge.token)).status).toBe(200)
  })

  it('a body just under the limit is read whole, multi-byte characters split across packets intact', async () => {
    // Just under the limit: a people CSV whose base64 fills the body.
    const row = 'Ann Archer,Archer Ltd\n'
    const rows = Math.floor(((LIMIT - 200) * 3) / 4 / row.length)
    const csv = `name,company\n${row.repeat(rows)}`
    const bigJson = JSON.stringify({ kind: 'people', data: Buffer.from(csv).toString('base64') })
    expect(bigJson.length).toBeLessThan(LIMIT)
    expect(bigJson.length).toBeGreaterThan(LIMIT - 400)
    const preview = await post(bridge, '/api/files:previewImport', bigJson, bridge.token)
    expect(preview.status).toBe(200)
    expect(preview.body).toMatchObject({ ok: true, data: { totalRows: rows } })
    // Cut inside the two-byte 'ë' and inside the three-byte '日'.
    const name = 'Zoë Ünal 日本'
    const json = Buffer.from(JSON.stringify({ name, company: 'Ünal & 日本' }), 'utf8')
    const cut1 = json.indexOf(Buffer.from('ë')) + 1
    const cut2 = json.indexOf(Buffer.from('日')) + 2
    const r = await raw(bridge.port, [`${head('/api/people:create', `Content-Length: ${json.length}\r\nConnection: close\r\n`)}\r\n`, json.subarray(0, cut1), json.subarray(cut1, cut2), json.subarray(cut2)], { gapMs: 30 })
    expect(statusOf(r.text)).toBe(200)
    const body = JSON.parse(bodyOf(r.text)) as { data: { name: string; company: string } }
    expect(body.data).toMatchObject({ name, company: 'Ünal & 日本' })
  })

  it('a slow body is cut off with 408 after the request timeout, not held for minutes', async () => {
    const r = await raw(bridge.port, [`${head('/api/people:create', 'Content-Length: 100\r\n')}\r\n{"name":`], { waitMs: 8000 })
    expect(statusOf(r.text)).toBe(408)
    expect(r.closed).toBe(true)
    expect(r.ms).toBeLessThan(6000)
    expect((await post(bridge, '/api/app:info', {}, bridge.token)).status).toBe(200)
  })
})

describe('preview CLI', () => {
  it('prints one line with the URL and honours REFERRAL_MAP_TOKEN', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'referral-map-cli-'))
    const token = 'fixed-token-for-the-test-0123456789'
    const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/web/cli.ts', '--data-dir', dir, '--port', '0'], {
      cwd: root,
      env: { ...process.env, REFERRAL_MAP_TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      let out = ''
      const line = await new Promise<string>((ok, fail) => {
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString('utf8')
          if (out.includes('\n')) ok(out.split('\n')[0]!)
        })
        child.on('exit', (code) => fail(new Error(`cli exited (${code}) before printing its URL: ${out}`)))
      })
      const m = /^Referral Map preview: http:\/\/127\.0\.0\.1:(\d+)\/\?token=(.+)$/.exec(line)
      expect(m, line).not.toBeNull()
      expect(m![2]).toBe(token)
      const port = Number(m![1])
      const r = await post({ port }, '/api/app:info', {}, token)
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({ ok: true, data: { transport: 'web', isEmpty: true } })
      expect((await post({ port }, '/api/app:info', {}, 'other')).status).toBe(401)
    } finally {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('without --data-dir prints the usage and exits with 2', async () => {
    const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/web/cli.ts'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let err = ''
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')))
    const code = await new Promise<number | null>((r) => child.once('exit', r))
    expect(code).toBe(2)
    expect(err).toMatch(/--data-dir DIR/)
  })
})
