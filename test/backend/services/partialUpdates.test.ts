import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract, type Channel } from '../../../src/shared/contract'
import { createTestApp, type TestApp } from '../../helpers/ctx'

/**
 * Issue 10, item 3: an update that sends one field changes that field only.
 * `.partial()` keeps zod defaults, so an update schema with a default silently
 * resets the field to it: every update channel is checked for that, and the
 * stored rows are compared field by field after one-field updates.
 */

const ID = '0190f1a2-0000-7000-8000-000000000000'

/** Channels that change some fields of an existing record (or settings) and must leave the others alone. */
const UPDATE_CHANNELS = (
  [
    { channel: 'people:update', minimal: { id: ID } },
    { channel: 'introductions:update', minimal: { id: ID } },
    { channel: 'groups:rename', minimal: { id: ID, name: 'X' } },
    { channel: 'followup:saveSettings', minimal: {} },
    { channel: 'settings:save', minimal: { group: 'general', values: {} } },
  ] as { channel: string; minimal: Record<string, unknown> }[]
).filter((u): u is { channel: Channel; minimal: Record<string, unknown> } => u.channel in contract)

describe('update channels add nothing that was not sent', () => {
  it.each(UPDATE_CHANNELS)('$channel parses a minimal input to exactly that input', ({ channel, minimal }) => {
    const parsed = contract[channel].input.parse(minimal)
    expect(parsed).toEqual(minimal)
  })

  it('every channel named update/rename/save is in the list above', () => {
    const named = (Object.keys(contract) as Channel[]).filter((c) => /:(update|rename|save|save\w*Settings)$/.test(c))
    expect(UPDATE_CHANNELS.map((u) => u.channel)).toEqual(expect.arrayContaining(named))
  })
})

let t: TestApp
let me: string
let ann: string
let ben: string
beforeEach(async () => {
  t = createTestApp()
  me = (await t.call('app:startEmpty', { meName: 'Sam Rivera' })).meId!
  ann = (await t.call('people:create', { name: 'Ann Adams' })).id
  ben = (await t.call('people:create', { name: 'Ben Brooks' })).id
})
afterEach(() => t.close())

const row = (table: string, id: string) =>
  t.ctx.store.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>

/** Asserts that only `changed` columns (and updated_at) differ between two rows. */
function onlyChanged(before: Record<string, unknown>, after: Record<string, unknown>, changed: string[]): void {
  for (const k of Object.keys(before)) {
    if (k === 'updated_at' || changed.includes(k)) continue
    expect({ [k]: after[k] }).toEqual({ [k]: before[k] })
  }
}

describe('introductions:update with one field', () => {
  const oneField: [string, Record<string, unknown>, string[]][] = [
    ['value', { value: 1200 }, ['value_minor']],
    ['notes', { notes: 'Called twice' }, ['notes']],
    ['warmth', { warmth: 2 }, ['warmth']],
    ['currency', { currency: 'GBP' }, ['currency']],
    ['kind', { kind: 'lead' }, ['kind']],
    ['origin', { origin: 'outbound' }, ['origin']],
    ['date (moves the status date of a new introduction)', { date: '2026-05-02' }, ['date', 'status_date']],
    ['accepted', { accepted: false }, ['accepted']],
  ]
  it.each(oneField)('%s changes only that field', async (_name, patch, cols) => {
    const i = await t.call('introductions:create', {
      referrerId: ann,
      receiverId: me,
      prospect: { new: { name: 'Carl Chen' } },
      date: '2026-05-01',
      kind: 'introduction',
      origin: 'inbound',
      warmth: 4,
      accepted: true,
      value: 500,
      currency: 'USD',
      notes: 'First note',
    })
    const before = row('introductions', i.id)
    await t.call('introductions:update', { id: i.id, ...patch } as never)
    const after = row('introductions', i.id)
    onlyChanged(before, after, cols)
    for (const c of cols) expect(after[c]).not.toEqual(before[c])
  })
})

describe('people:update with one field', () => {
  const oneField: [string, Record<string, unknown>, string[]][] = [
    ['name', { name: 'Ann Archer' }, ['name', 'name_key']],
    ['company', { company: 'Oak Works' }, ['company']],
    ['email', { email: 'ann@oak.example' }, ['email', 'email_key']],
    ['notes', { notes: 'Likes tea' }, ['notes']],
    ['cadenceDays', { cadenceDays: 30 }, ['cadence_days']],
    ['introducedById', { introducedById: ben }, ['introduced_by_id']],
  ]
  it.each(oneField)('%s changes only that field, tags and groups stay', async (_name, patch, cols) => {
    const g = await t.call('groups:create', { name: 'Chapter' })
    const p = await t.call('people:create', {
      name: 'Dana Diaz',
      company: 'Diaz Law',
      profession: 'Lawyer',
      email: 'dana@diaz.example',
      phone: '123',
      website: 'diaz.example',
      city: 'Lyon',
      tags: ['lawyer'],
      groupIds: [g.id],
      idealClient: 'Founders',
      howMet: 'Chapter',
      introducedById: ann,
      notes: 'n',
      cadenceDays: 60,
    })
    const before = row('people', p.id)
    await t.call('people:update', { id: p.id, ...patch } as never)
    onlyChanged(before, row('people', p.id), cols)
    const got = await t.call('people:get', { id: p.id })
    expect(got.tags).toEqual(['lawyer'])
    expect(got.groupIds).toEqual([g.id])
  })
})

describe('groups:rename', () => {
  it('keeps the kind', async () => {
    const g = await t.call('groups:create', { name: 'Thursday', kind: 'chapter' })
    await t.call('groups:rename', { id: g.id, name: 'Friday' })
    expect(row('groups', g.id)).toMatchObject({ name: 'Friday', kind: 'chapter' })
  })
})

