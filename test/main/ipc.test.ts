import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createTestApp, type TestApp } from '../helpers/ctx'
import { channels } from '../../src/shared/contract'
import type { ErrorCode } from '../../src/shared/errors'
import { dispatch } from '../../src/backend/dispatch'
import { createHandlers } from '../../src/backend/services'
import { uuidv7 } from '../../src/core/ids'

const KNOWN_CODES: ErrorCode[] = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNKNOWN_CHANNEL',
  'INVALID_FILE',
  'CANCELLED',
  'BUSY',
  'INTERNAL',
]

/** Row counts of every table: "nothing is written" means these do not move. */
function snapshot(app: TestApp): Record<string, number> {
  const db = app.ctx.store.db
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
    name: string
  }[]
  return Object.fromEntries(tables.map((t) => [t.name, (db.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n]))
}

describe('bad input over the contract returns a typed error and writes nothing', () => {
  let app: TestApp
  let me: string
  let partner: string
  beforeEach(async () => {
    app = createTestApp()
    me = (await app.call('app:startEmpty', { meName: 'Sam Owner' })).meId!
    partner = (await app.call('people:create', { name: 'Pat Partner' })).id
  })
  afterEach(() => app.close())

  const intro = () => ({
    referrerId: partner,
    receiverId: me,
    prospect: { new: { name: 'Nia Prospect' } },
    date: '2026-03-01',
    status: 'won' as const,
    value: 1200,
  })

  it('wrong type', async () => {
    const before = snapshot(app)
    expect(await app.fail('people:create', { name: 42 })).toMatchObject({ code: 'VALIDATION', field: 'name' })
    expect(await app.fail('introductions:create', { ...intro(), warmth: 'hot' })).toMatchObject({ code: 'VALIDATION', field: 'warmth' })
    expect(await app.fail('people:list', { limit: '10' })).toMatchObject({ code: 'VALIDATION', field: 'limit' })
    expect(snapshot(app)).toEqual(before)
  })

  it('missing name', async () => {
    const before = snapshot(app)
    const e1 = await app.fail('people:create', {})
    expect(e1).toMatchObject({ code: 'VALIDATION', field: 'name' })
    expect(e1.message).toMatch(/name/i)
    expect(await app.fail('people:create', { name: '   ' })).toMatchObject({ code: 'VALIDATION', field: 'name' })
    expect(await app.fail('groups:create', {})).toMatchObject({ code: 'VALIDATION', field: 'name' })
    expect(await app.fail('introductions:create', { ...intro(), prospect: { new: { name: '' } } })).toMatchObject({
      code: 'VALIDATION',
      field: 'prospect.new.name',
    })
    expect(snapshot(app)).toEqual(before)
  })

  it('unknown id', async () => {
    const before = snapshot(app)
    const ghost = uuidv7()
    expect(await app.fail('people:update', { id: ghost, name: 'X' })).toMatchObject({ code: 'NOT_FOUND', field: 'id' })
    expect(await app.fail('people:get', { id: ghost })).toMatchObject({ code: 'NOT_FOUND', field: 'id' })
    expect(await app.fail('introductions:create', { ...intro(), referrerId: ghost })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'referrerId',
    })
    expect(await app.fail('introductions:create', { ...intro(), prospect: { id: ghost } })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'prospect',
    })
    expect(await app.fail('people:create', { name: 'Y', introducedById: ghost })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'introducedById',
    })
    expect(await app.fail('people:get', { id: 'not-an-id' })).toMatchObject({ code: 'VALIDATION', field: 'id' })
    expect(snapshot(app)).toEqual(before)
  })

  it('negative value', async () => {
    const before = snapshot(app)
    expect(await app.fail('introductions:create', { ...intro(), value: -5 })).toMatchObject({ code: 'VALIDATION', field: 'value' })
    expect(await app.fail('introductions:create', { ...intro(), warmth: 0 })).toMatchObject({ code: 'VALIDATION', field: 'warmth' })
    expect(await app.fail('people:list', { offset: -1 })).toMatchObject({ code: 'VALIDATION', field: 'offset' })
    expect(snapshot(app)).toEqual(before)
  })

  it('a date that is not a date', async () => {
    const before = snapshot(app)
    for (const date of ['2026-02-30', '2026-13-01', '31/03/2026', '2026-3-1', '', 'yesterday']) {
      expect(await app.fail('introductions:create', { ...intro(), date }), date).toMatchObject({ code: 'VALIDATION', field: 'date' })
    }
    expect(await app.fail('introductions:list', { from: '2025-02-29' })).toMatchObject({ code: 'VALIDATION', field: 'from' })
    expect(snapshot(app)).toEqual(before)
  })

  it('a rule broken half-way rolls back the new prospect too', async () => {
    const before = snapshot(app)
    expect(await app.fail('introductions:create', { ...intro(), statusDate: '2026-02-01' })).toMatchObject({
      code: 'VALIDATION',
      field: 'statusDate',
    })
    expect(snapshot(app)).toEqual(before)
  })

  it('unknown fields and unknown channels are refused', async () => {
    const before = snapshot(app)
    expect(await app.fail('people:create', { name: 'Z', isAdmin: true })).toMatchObject({ code: 'VALIDATION' })
    const handlers = createHandlers(app.ctx)
    expect(await dispatch(handlers, 'people:drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    expect(await dispatch(handlers, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    expect(await dispatch(handlers, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    expect(snapshot(app)).toEqual(before)
  })

  it('the same valid input is accepted (the checks above are not refusing everything)', async () => {
    const created = await app.call('introductions:create', intro())
    expect(created.status).toBe('won')
    const list = await app.call('introductions:list', { referrerId: partner })
    expect(list.items.map((i) => i.prospectName)).toEqual(['Nia Prospect'])
  })
})

describe('dispatch never throws, whatever arrives', () => {
  let app: TestApp
  beforeAll(async () => {
    app = createTestApp()
    await app.call('app:startEmpty', { meName: 'Sam Owner' })
  })
  afterAll(() => app.close())

  it('non-object junk on every channel: a VALIDATION error, never INTERNAL', async () => {
    const handlers = createHandlers(app.ctx)
    const junk = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.string(),
      fc.boolean(),
      fc.bigInt().map((b) => b),
      fc.array(fc.anything(), { maxLength: 4 }),
      fc.constant(Number.NaN),
    )
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), junk, async (ch, input) => {
        const r = await dispatch(handlers, ch, input)
        expect(r.ok).toBe(false)
        if (!r.ok) {
          expect(r.error.code).toBe('VALIDATION')
          expect(typeof r.error.message).toBe('string')
        }
      }),
      { numRuns: 400 },
    )
  })

  it('arbitrary objects on every channel: always a Result, errors with a known code', async () => {
    const handlers = createHandlers(app.ctx)
    const objects = fc.oneof(
      fc.object({ maxDepth: 2 }),
      fc.record({ id: fc.oneof(fc.uuid(), fc.string()), name: fc.string() }, { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom('id', 'name', 'date', 'value', 'limit', 'offset', 'search', 'sort'), fc.anything()),
    )
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), objects, async (ch, input) => {
        let r: Awaited<ReturnType<typeof dispatch>> | undefined
        await expect(
          (async () => {
            r = await dispatch(handlers, ch, input)
          })(),
        ).resolves.toBeUndefined()
        expect(r).toBeDefined()
        expect(typeof r!.ok).toBe('boolean')
        if (!r!.ok) {
          expect(KNOWN_CODES).toContain(r!.error.code)
          expect(r!.error.code).not.toBe('INTERNAL')
        }
      }),
      { numRuns: 400 },
    )
  })
})
