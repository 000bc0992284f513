/**
 * Property test over the whole contract: arbitrary input (random JSON, wrong
 * types, unknown keys, huge strings, deep nesting, unknown and real ids, NUL
 * bytes) goes to EVERY channel, first through dispatch on a real network with
 * the sample loaded, then through the web bridge over HTTP.
 *
 *  - dispatch always resolves to a Result, and never with INTERNAL;
 *  - a rejected call (ok: false) wrote nothing: every table's content (and the
 *    schema) is the same before and after, and no file in the data folder was
 *    created, removed or changed (the open network's own -wal/-shm aside);
 *  - the web bridge never answers 5xx, whatever the body or channel name.
 *
 * Inputs are generated from each channel's own zod schema (through its JSON
 * Schema), so most calls get past validation and reach the handler; a sixth
 * are plain junk. Runs per channel: RM_FUZZ_RUNS (default 30 through dispatch,
 * a third of that through the bridge).
 *
 * Safety: the process runs as whatever user runs the tests (root on CI boxes),
 * and the desktop transport lets files:* take full paths, so every `path` the
 * generator makes is a bare name, a relative name or an absolute path inside
 * this test's own temp folder, and the working directory is that folder too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { channels, contract, type Channel } from '../../src/shared/contract'
import { dispatch } from '../../src/backend/dispatch'
import { createHandlers, NetworkStore, type ServiceContext } from '../../src/backend/services'
import { defaultNetworkFile } from '../../src/backend/paths'
import type { Result } from '../../src/shared/errors'
import { startWebBridge, type WebBridge } from '../../src/web/server'
import type { Db } from '../../src/backend/db/connection'

const RUNS = Number(process.env.RM_FUZZ_RUNS ?? 30)
const BRIDGE_RUNS = Math.max(3, Math.round(RUNS / 3))
/** Upper bound per channel so one slow channel cannot eat the budget (the runs done so far still count). */
const CHANNEL_MS = Number(process.env.RM_FUZZ_CHANNEL_MS ?? 2500)

// ---------------------------------------------------------------------------
// Value pools
// ---------------------------------------------------------------------------

type Json = { [k: string]: unknown }
interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  propertyNames?: JsonSchema
  items?: JsonSchema
  prefixItems?: JsonSchema[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
  default?: unknown
  $ref?: string
  $defs?: Record<string, JsonSchema>
}

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64')
const HUGE = 'x'.repeat(100_001)
const NUL_STRINGS = ['\u0000', 'a\u0000b', 'network\u0000.referralmap', '\u0000../../x']
const DATES = ['2026-06-15', '2026-02-30', '1900-01-01', '9999-12-31', '0000-00-00', '2026-06-15T10:00:00Z', '15/06/2026', '']
const FILE_DATA = [
  b64('name,email,company\nAnn Archer,ann@example.com,Archer Ltd\nBen Brooks,ben@example.com,Brooks & Co\n'),
  b64('name;email\n"unclosed;x@y.z\n'),
  b64('referrer,receiver,prospect,date,status,value\nAnn Archer,Ben Brooks,Cara Cole,2026-01-05,won,1200\n'),
  b64('BEGIN:VCARD\nVERSION:3.0\nFN:Dee Dunn\nEMAIL:dee@example.com\nEND:VCARD\n'),
  b64('Notes:\n\nFirst Name,Last Name,Email Address,Company,Position,Connected On\nEve,Ellis,eve@example.com,Ellis Co,CEO,01 Jan 2026\n'),
  b64('{"format":"referral-map","people":[{"id":"x"}]}'),
  b64('SQLite format 3\u0000 not really'),
  '!!!not base64!!!',
]

function deep(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 1
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v }
  return v
}

/** Plain junk, whatever the channel expects. */
function junk(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: false, withMap: true, withSet: true, withDate: true }),
    fc.constantFrom<unknown>(undefined, null, 0, -1, NaN, Infinity, true, '', [], {}, HUGE, ...NUL_STRINGS),
    fc.integer({ min: 50, max: 3000 }).chain((d) => fc.constantFrom(deep(d, 'array'), deep(d, 'object'))),
    fc.constantFrom<unknown>(JSON.parse('{"__proto__":{"polluted":1}}'), { constructor: { prototype: { x: 1 } } }),
  )
}

interface Pools {
  ids: string[]
  sandbox: string
}

/** Valid-looking values for well-known field names (the schema cannot say a string is a date or an email). */
const VALID_DATES = ['2026-06-15', '2026-06-01', '2025-01-31', '2024-02-29', '2026-07-20', '2020-01-01']

function pathArb(pools: Pools): fc.Arbitrary<string> {
  // Never a random absolute path: see the safety note at the top.
  return fc.oneof(
    fc.constantFrom(
      'copy.referralmap',
      'network.referralmap',
      'other',
      '.hidden.referralmap',
      '../escape.referralmap',
      'sub/dir.referralmap',
      '  spaced.referralmap ',
      ...NUL_STRINGS,
      join(pools.sandbox, 'abs.referralmap'),
      join(pools.sandbox, 'network.referralmap'),
      join(pools.sandbox, 'nowhere', 'x.referralmap'),
      join(pools.sandbox, 'a\u0000b.referralmap'),
      pools.sandbox,
    ),
    fc.string({ maxLength: 20 }).map((t) => t.replace(/^[/\\]+/, '')),
  )
}

function patternArb(pattern: string | undefined): fc.Arbitrary<string> | null {
  if (!pattern) return null
  try {
    return fc.stringMatching(new RegExp(pattern))
  } catch {
    return null
  }
}

function stringArb(s: JsonSchema, key: string, pools: Pools, valid: boolean): fc.Arbitrary<string> {
  if (key === 'path') return pathArb(pools)
  const pattern = patternArb(s.pattern)
  const isId = /id$/i.test(key) || (s.pattern ?? '').includes('[0-9a-f]{8}')
  if (valid) {
    if (isId) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pools.ids) }, { weight: 1, arbitrary: fc.uuid() })
    if (pattern) return pattern
    if (key === 'data') return fc.constantFrom(...FILE_DATA)
    if (/date|^from$|^to$|until/i.test(key)) return fc.constantFrom(...VALID_DATES)
    if (/email/i.test(key)) return fc.constantFrom('ann@example.com', 'ben.brooks@example.co.uk', '')
    if (/website|url/i.test(key)) return fc.constantFrom('https://example.com', 'example.org/path', '')
    const min = s.minLength ?? 0
    const max = Math.min(s.maxLength ?? 60, 60)
    const options: fc.Arbitrary<string>[] = [
      fc.string({ minLength: min, maxLength: Math.max(min, max) }),
      fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, max) }),
    ]
    const fits = NUL_STRINGS.filter((x) => x.length >= min && (s.maxLength === undefined || x.length <= s.maxLength))
    if (fits.length > 0) options.push(fc.constantFrom(...fits))
    // The longest string the schema takes (skipped for the 70 MB file fields: the bridge test sends one of those).
    if (s.maxLength !== undefined && s.maxLength <= 200_000) options.push(fc.constant('y'.repeat(s.maxLength)))
    return fc.oneof(...options)
  }
  const options: fc.Arbitrary<string>[] = [
    fc.string({ maxLength: 30 }),
    fc.constantFrom('', ' ', 'a', HUGE, ...NUL_STRINGS, ...DATES, 'ann@example.com', 'not an email', 'EUR', 'eur', 'https://example.com', 'javascript:alert(1)'),
    fc.constantFrom(...pools.ids),
    fc.uuid(),
  ]
  if (pattern) options.push(pattern)
  if (key === 'data') options.push(fc.constantFrom(...FILE_DATA))
  if (s.maxLength !== undefined && s.maxLength < 200_000) options.push(fc.constant('z'.repeat(s.maxLength + 1)))
  return fc.oneof(...options)
}

function numberArb(s: JsonSchema, integer: boolean, valid: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? -1e6
  const max = s.maximum ?? 1e6
  const ints = fc.integer({ min: Math.max(Math.ceil(min), -(2 ** 31)), max: Math.min(Math.floor(max), 2 ** 31) })
  if (valid) return integer ? fc.oneof(ints, fc.constantFrom(min, max)) : fc.oneof(ints, fc.double({ min, max, noNaN: true, noDefaultInfinity: true }))
  return fc.oneof(
    { weight: 2, arbitrary: ints },
    { weight: 2, arbitrary: fc.constantFrom(0, -1, 1, 0.5, -0, 2 ** 31, 2 ** 53, 1e12 + 1, NaN, Infinity, -Infinity, min - 1, max + 1) },
    { weight: 1, arbitrary: fc.double() },
  )
}

type Mode = 'valid' | 'wild'

/** A value shaped by the schema: 'valid' keeps to it, 'wild' strays (wrong types, bounds, unknown keys). */
function fromSchema(s: JsonSchema, root: JsonSchema, pools: Pools, mode: Mode, key = ''): fc.Arbitrary<unknown> {
  const valid = mode === 'valid'
  if (s.$ref) {
    const name = s.$ref.replace(/^#\/\$defs\//, '')
    const target = s.$ref === '#' ? root : root.$defs?.[name]
    return target ? fc.constant(null).chain(() => fromSchema(target, root, pools, mode, key)) : junk()
  }
  const alts = s.anyOf ?? s.oneOf
  if (alts) return fc.oneof(...alts.map((a) => fromSchema(a, root, pools, mode, key)))
  if (s.allOf && s.allOf.length > 0) return fromSchema(s.allOf[0]!, root, pools, mode, key)
  if ('const' in s) return valid ? fc.constant(s.const) : fc.oneof(fc.constant(s.const), junk())
  if (s.enum) return valid ? fc.constantFrom(...s.enum) : fc.oneof(fc.constantFrom(...s.enum), fc.constantFrom('', 'nope', 'NEW', 1))
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : []
  if (types.length > 1) return fc.oneof(...types.map((t) => fromSchema({ ...s, type: t }, root, pools, mode, key)))
  const any = (): fc.Arbitrary<unknown> => {
    switch (types[0]) {
      case 'string':
        return stringArb(s, key, pools, valid)
      case 'number':
        return numberArb(s, false, valid)
      case 'integer':
        return numberArb(s, true, valid)
      case 'boolean':
        return fc.boolean()
      case 'null':
        return fc.constant(null)
      case 'array': {
        const item = s.items ? fromSchema(s.items, root, pools, mode, key) : junk()
        return fc.array(item, { minLength: valid ? Math.min(s.minItems ?? 0, 6) : 0, maxLength: Math.min(s.maxItems ?? 6, 6) })
      }
      case 'object':
        return objectArb(s, root, pools, mode)
      default:
        return junk()
    }
  }
  // Wild values still have the right type most of the time, so the call gets past one check and trips the next.
  return valid ? any() : fc.oneof({ weight: 4, arbitrary: any() }, { weight: 1, arbitrary: junk() })
}

/** A key as JSON would carry it: a wild key (junk where a property name goes) becomes its JSON text. */
function keyText(k: unknown): string {
  if (typeof k === 'string') return k
  try {
    return JSON.stringify(k) ?? String(typeof k)
  } catch {
    return 'junk'
  }
}

const putOwn = (out: Json, k: unknown, v: unknown): void =>
  // defineProperty: '__proto__' becomes an own key, as JSON.parse would make it.
  void Object.defineProperty(out, keyText(k), { value: v, enumerable: true, writable: true, configurable: true })

function objectArb(s: JsonSchema, root: JsonSchema, pools: Pools, mode: Mode): fc.Arbitrary<unknown> {
  const valid = mode === 'valid'
  const props = Object.entries(s.properties ?? {})
  const required = new Set(s.required ?? [])
  const fields = props.map(([k, sub]) =>
    fc
      .option(fromSchema(sub, root, pools, mode, k), { nil: undefined, freq: required.has(k) ? (valid ? 1_000_000 : 12) : 2 })
      .map((v) => [k, v] as const),
  )
  const extra =
    s.additionalProperties && typeof s.additionalProperties === 'object'
      ? fc.array(
          fc.tuple(
            s.propertyNames ? (fromSchema(s.propertyNames, root, pools, mode) as fc.Arbitrary<string>) : fc.string({ maxLength: 20 }),
            fromSchema(s.additionalProperties, root, pools, mode),
          ),
          { maxLength: 4 },
        )
      : fc.constant([] as [string, unknown][])
  const unknown = valid
    ? fc.constant(null)
    : fc.option(fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'id', 'ok')), junk()), { freq: 4 })
  return fc.tuple(fc.tuple(...fields), extra, unknown).map(([fs, ex, unk]) => {
    const out: Json = {}
    for (const [k, v] of fs) if (v !== undefined) putOwn(out, k, v)
    for (const [k, v] of ex) putOwn(out, k, v)
    if (unk) putOwn(out, unk[0], unk[1])
    return out
  })
}

/** A valid object with one thing wrong: a required key dropped, one value swapped for junk, or an unknown key. */
function mutated(s: JsonSchema, root: JsonSchema, pools: Pools): fc.Arbitrary<unknown> {
  return fc.tuple(objectArb(s, root, pools, 'valid'), fc.nat(), fc.constantFrom('drop', 'junk', 'unknown'), junk(), fc.constantFrom('extra', '__proto__', 'constructor')).map(
    ([obj, n, how, bad, unknownKey]) => {
      const out = { ...(obj as Json) }
      const keys = Object.keys(out)
      const k = keys.length > 0 ? keys[n % keys.length]! : undefined
      if (how === 'drop' && k !== undefined) delete out[k]
      else if (how === 'junk' && k !== undefined) putOwn(out, k, bad)
      else putOwn(out, unknownKey, bad)
      return out
    },
  )
}

function inputArb(ch: Channel, pools: Pools): fc.Arbitrary<unknown> {
  const schema = z.toJSONSchema(contract[ch].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  const isObject = schema.type === 'object'
  return fc.oneof(
    { weight: 4, arbitrary: fromSchema(schema, schema, pools, 'valid') },
    { weight: isObject ? 2 : 0, arbitrary: isObject ? mutated(schema, schema, pools) : junk() },
    { weight: 1, arbitrary: fromSchema(schema, schema, pools, 'wild') },
    { weight: 1, arbitrary: junk() },
  )
}

/** fc.check with a short report: the counterexample trimmed (inputs can be megabytes), the seed to replay it. */
async function check(property: fc.IAsyncProperty<[unknown]> | fc.IAsyncProperty<[string, string | Buffer]>, numRuns: number, timeLimit: number): Promise<void> {
  const out = await fc.check(property as fc.IAsyncProperty<unknown[]>, { numRuns, interruptAfterTimeLimit: timeLimit, markInterruptAsFailure: false, endOnFailure: false })
  if (out.failed) {
    const err = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance)
    throw new Error(`${err}\n(after ${out.numRuns} runs, shrunk ${out.numShrinks} times; replay with seed ${out.seed}, path "${out.counterexamplePath}")`)
  }
}

const show = (v: unknown): string => {
  try {
    const s = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'string' && x.length > 80 ? `${x.slice(0, 40)}…(${x.length} chars)` : x))
    return s === undefined ? String(v) : s.length > 600 ? `${s.slice(0, 600)}…` : s
  } catch {
    return String(v)
  }
}

// ---------------------------------------------------------------------------
// What "wrote nothing" means
// ---------------------------------------------------------------------------

/** Every table's rows (and the schema itself), hashed. */
function contentHash(db: Db): string {
  const h = createHash('sha256')
  const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string; sql: string }[]
  for (const t of db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name').raw().all()) h.update(JSON.stringify(t))
  for (const t of tables) {
    h.update(`\u0001${t.name}\u0001`)
    // WITHOUT ROWID tables come out in primary-key order anyway.
    const order = /WITHOUT\s+ROWID/i.test(t.sql) ? '' : ' ORDER BY rowid'
    const rows = db.prepare(`SELECT * FROM "${t.name.replace(/"/g, '""')}"${order}`).raw().all() as unknown[][]
    for (const r of rows) h.update(JSON.stringify(r, (_k, x: unknown) => (Buffer.isBuffer(x) ? x.toString('base64') : typeof x === 'bigint' ? String(x) : x)))
  }
  return h.digest('hex')
}

/**
 * Tracks the content hash cheaply: every committed write changes the size or
 * the modification time of the network file or its WAL (a commit appends to
 * the WAL; temp tables, like the change log's capture table, live elsewhere),
 * so while those and the connection stay the same the content cannot have
 * changed and the hash is not recomputed.
 */
class ContentWatch {
  private db: Db | null = null
  private mark = ''
  private hash = ''
  constructor(private readonly store: () => Db) {}
  private fileMark(db: Db): string {
    const st = (f: string) => {
      const s = statSync(f, { bigint: true, throwIfNoEntry: false })
      return s ? `${s.size}:${s.mtimeNs}` : '-'
    }
    return `${st(db.name)}|${st(`${db.name}-wal`)}`
  }
  /** The current content hash. */
  current(): string {
    const db = this.store()
    const mark = this.fileMark(db)
    if (db !== this.db || mark !== this.mark) {
      this.db = db
      this.mark = mark
      this.hash = contentHash(db)
    }
    return this.hash
  }
}

/** Files in the sandbox (recursively) with size and mtime, except the open network's own file family. */
function filesState(dir: string, openFile: string): string {
  const out: string[] = []
  const skip = new Set([openFile, `${openFile}-wal`, `${openFile}-shm`, `${openFile}-journal`].map((p) => resolve(p)))
  const walk = (d: string): void => {
    let names: string[]
    try {
      names = readdirSync(d)
    } catch {
      return
    }
    for (const n of names.sort()) {
      const p = join(d, n)
      let st
      try {
        st = statSync(p)
      } catch {
        continue
      }
      if (st.isDirectory()) {
        out.push(`${p}/`)
        walk(p)
      } else if (skip.has(resolve(p))) out.push(p)
      else out.push(`${p} ${st.size} ${st.mtimeMs}`)
    }
  }
  walk(dir)
  return out.join('\n')
}

const outcomes = new Map<string, Map<string, number>>()
function tally(ch: string, r: Result<unknown>): void {
  const m = outcomes.get(ch) ?? new Map<string, number>()
  const k = r.ok ? 'ok' : r.error.code
  m.set(k, (m.get(k) ?? 0) + 1)
  outcomes.set(ch, m)
}

// ---------------------------------------------------------------------------
// Through dispatch
// ---------------------------------------------------------------------------

describe('every channel through dispatch, on the sample network', () => {
  let sandbox: string
  let ctx: ServiceContext
  let handlers: ReturnType<typeof createHandlers>
  let pools: Pools
  let watch: ContentWatch
  const cwd = process.cwd()

  beforeAll(async () => {
    sandbox = mkdtempSync(join(tmpdir(), 'referral-map-fuzz-'))
    process.chdir(sandbox)
    ctx = {
      store: new NetworkStore(defaultNetworkFile(sandbox)),
      dataDir: sandbox,
      now: () => new Date('2026-06-15T10:00:00.000Z'),
      transport: 'ipc',
      version: '0.0.0-fuzz',
    }
    handlers = createHandlers(ctx)
    const r = await dispatch(handlers, 'app:loadSample', {})
    expect(r.ok).toBe(true)
    const db = ctx.store.db
    const ids = (table: string, n: number): string[] => {
      try {
        return (db.prepare(`SELECT id FROM "${table}" ORDER BY id LIMIT ${n}`).pluck().all() as string[]).filter((x) => typeof x === 'string')
      } catch {
        return []
      }
    }
    pools = {
      sandbox,
      ids: [...ids('people', 12), ...ids('introductions', 12), ...ids('groups', 4), ...ids('interactions', 6), ...ids('tasks', 4)],
    }
    expect(pools.ids.length).toBeGreaterThan(20)
    watch = new ContentWatch(() => ctx.store.db)
  })

  afterAll(() => {
    process.chdir(cwd)
    ctx?.store.close()
    if (sandbox) rmSync(sandbox, { recursive: true, force: true })
    const lines = [...outcomes].map(([ch, m]) => `${ch.padEnd(28)} ${[...m].map(([k, n]) => `${k}:${n}`).join(' ')}`)
    console.log(`outcomes per channel (dispatch):\n${lines.join('\n')}`)
  })

  it('every channel of the contract has a handler', () => {
    expect(channels.filter((ch) => typeof (handlers as Record<string, unknown>)[ch] !== 'function')).toEqual([])
  })

  it.each(channels)('%s: a Result, never INTERNAL; rejected calls write nothing', async (ch) => {
    const property = fc.asyncProperty(inputArb(ch, pools), async (input) => {
      const before = watch.current()
      const dbBefore = ctx.store.db
      const filesBefore = filesState(sandbox, ctx.store.file)
      let r: Result<unknown>
      try {
        r = await dispatch(handlers, ch, input)
      } catch (e) {
        throw new Error(`${ch} threw instead of returning a Result: ${String(e)}\ninput: ${show(input)}`)
      }
      tally(ch, r)
      if (!r.ok) {
        if (r.error.code === 'INTERNAL') throw new Error(`${ch} -> INTERNAL: ${r.error.message}\ninput: ${show(input)}`)
        if (ctx.store.db !== dbBefore) throw new Error(`${ch} was rejected (${r.error.code}) but switched the open network\ninput: ${show(input)}`)
        const after = watch.current()
        if (after !== before) throw new Error(`${ch} was rejected (${r.error.code}: ${r.error.message}) but changed stored rows\ninput: ${show(input)}`)
        const filesAfter = filesState(sandbox, ctx.store.file)
        if (filesAfter !== filesBefore) {
          throw new Error(`${ch} was rejected (${r.error.code}: ${r.error.message}) but changed files:\nbefore:\n${filesBefore}\nafter:\n${filesAfter}\ninput: ${show(input)}`)
        }
      }
    })
    await check(property, RUNS, CHANNEL_MS)
  })
})

// ---------------------------------------------------------------------------
// Through the web bridge
// ---------------------------------------------------------------------------

function rawPost(port: number, path: string, body: string | Buffer, token: string): Promise<{ status: number; text: string }> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => ok({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', fail)
      },
    )
    req.on('error', fail)
    req.end(body)
  })
}

describe('every channel through the web bridge: never 5xx', () => {
  let bridge: WebBridge
  let dir: string
  let pools: Pools

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'referral-map-fuzz-web-'))
    bridge = await startWebBridge({ dataDir: dir, version: '0.0.0-fuzz', now: new Date('2026-06-15T10:00:00.000Z') })
    const r = await rawPost(bridge.port, '/api/app:loadSample', '{}', bridge.token)
    expect(r.status).toBe(200)
    const db = bridge.ctx.store.db
    pools = { sandbox: dir, ids: [...(db.prepare('SELECT id FROM people ORDER BY id LIMIT 10').pluck().all() as string[]), ...(db.prepare('SELECT id FROM introductions ORDER BY id LIMIT 10').pluck().all() as string[])] }
  })
  afterAll(async () => {
    await bridge?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it.each(channels)('%s: JSON input from its schema or junk', async (ch) => {
    const property = fc.asyncProperty(inputArb(ch, pools), async (input) => {
      let body: string
      try {
        body = JSON.stringify(input) ?? ''
      } catch {
        body = String(input)
      }
      const r = await rawPost(bridge.port, `/api/${encodeURIComponent(ch)}`, body, bridge.token)
      if (r.status >= 500) throw new Error(`${ch} -> HTTP ${r.status} ${r.text.slice(0, 300)}\nbody: ${show(input)}`)
    })
    await check(property, BRIDGE_RUNS, CHANNEL_MS)
  })

  it('raw bodies and odd channel names: never 5xx', async () => {
    const channelName = fc.oneof(
      fc.constantFrom(...channels),
      fc.string({ maxLength: 30 }).map((s) => encodeURIComponent(s)),
      fc.constantFrom('%', '%zz', '%E0%A4%A', '..%2f..%2fetc', 'people:list%00', '__proto__', 'constructor', 'hasOwnProperty', ''),
    )
    const body = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
      fc.constantFrom('{', '[1,', 'null', '"\\ud800"', '{"a":1}{', '\u0000', '1e999', '-0', '[]'),
      fc.integer({ min: 100, max: 20_000 }).map((d) => '['.repeat(d) + ']'.repeat(d)),
    )
    await check(
      fc.asyncProperty(channelName, body, async (name, b) => {
        const r = await rawPost(bridge.port, `/api/${name}`, b, bridge.token)
        if (r.status >= 500) throw new Error(`/api/${name} -> HTTP ${r.status} ${r.text.slice(0, 300)}\nbody: ${show(typeof b === 'string' ? b : b.toString('base64'))}`)
      }),
      RUNS * 5,
      10_000,
    )
  })
})
