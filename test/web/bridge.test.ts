import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
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
