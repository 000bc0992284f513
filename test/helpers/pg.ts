/**
 * A throwaway PostgreSQL cluster for the chapter-sharing tests: `initdb` into a
 * temp folder owned by the `postgres` OS user (when we run as root), started
 * with `pg_ctl` on 127.0.0.1 and a free port, its unix socket inside the temp
 * folder. Password authentication over TCP (scram), so the tests log in with
 * each member's own credentials exactly as a laptop would. Each test file
 * starts one cluster (beforeAll) and stops it (afterAll); databases are made
 * from a template with CREATE DATABASE ... TEMPLATE, about 0.2 s each.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

/** PG_BIN, else the newest Debian-layout install of PostgreSQL 15 or later (/usr/lib/postgresql/<major>/bin). */
export function pgBin(): string | null {
  if (process.env.PG_BIN) return process.env.PG_BIN
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const majors = readdirSync(root)
    .map(Number)
    .filter((n) => n >= 15 && existsSync(join(root, String(n), 'bin', 'initdb')))
    .sort((a, b) => b - a)
  return majors.length ? join(root, String(majors[0]), 'bin') : null
}
const BIN = pgBin() ?? '/usr/lib/postgresql/15/bin'

export interface PgCluster {
  port: number
  /** The superuser's connection URL for a database (default: postgres). */
  url(db?: string): string
  /** Runs SQL as the superuser in a database. */
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[], db?: string): Promise<pg.QueryResult<T>>
  /** A new empty database (from template0, or from `template`); returns its name. */
  createDatabase(name: string, template?: string): Promise<string>
  /** Stops with `pg_ctl -m immediate` (a crash: no checkpoint) and starts again. */
  restartImmediate(): Promise<void>
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      s.close(() => resolve(port))
    })
  })
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

/** Runs a PostgreSQL binary as the `postgres` OS user when we are root (initdb refuses root). */
function runPg(bin: string, args: string[]): string {
  const exe = join(BIN, bin)
  if (isRoot) return execFileSync('runuser', ['-u', 'postgres', '--', exe, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  return execFileSync(exe, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

export const SUPERUSER = 'postgres'
export const SUPERUSER_PASSWORD = 'pg-test-superuser'

/** `durable`: fsync and full-page writes on, as a real server runs (the bench); tests run without. */
export async function startCluster(opts: { durable?: boolean } = {}): Promise<PgCluster> {
  if (!existsSync(join(BIN, 'initdb'))) throw new Error(`PostgreSQL 15+ binaries not found (looked in ${BIN}): apt-get install -y postgresql, or set PG_BIN.`)
  const dir = mkdtempSync(join(tmpdir(), 'referral-map-pg-'))
  chmodSync(dir, 0o777)
  const data = join(dir, 'data')
  const pwfile = join(dir, 'pw')
  writeFileSync(pwfile, SUPERUSER_PASSWORD + '\n')
  chmodSync(pwfile, 0o644)
  if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir])
  runPg('initdb', ['-D', data, '-U', SUPERUSER, '--pwfile', pwfile, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'])
  const port = await freePort()
  const serverOpts = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    // An operating-system crash is not what these tests simulate; a killed server is (pg_ctl -m immediate),
    // which loses nothing committed with fsync off. synchronous_commit stays on.
    ...(opts.durable ? [] : ['-c fsync=off', '-c full_page_writes=off']),
    '-c max_connections=60',
    `-c shared_buffers=${opts.durable ? '256MB' : '64MB'}`,
  ].join(' ')
  const start = () => runPg('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', serverOpts, 'start'])
  start()
  const url = (db = 'postgres') => `postgres://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/${db}`
  let stopped = false
  const cluster: PgCluster = {
    port,
    url,
    async query(sql, params, db) {
      const c = new pg.Client({ connectionString: url(db) })
      await c.connect()
      try {
        return await c.query(sql, params as unknown[])
      } finally {
        await c.end()
      }
    },
    async createDatabase(name, template = 'template0') {
      await cluster.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`)
      return name
    },
    async restartImmediate() {
      runPg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      start()
    },
    async stop() {
      if (stopped) return
      stopped = true
      try {
        runPg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
  return cluster
}
