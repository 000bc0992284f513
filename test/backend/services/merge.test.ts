import { existsSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { monthTotals, periodCounts, rebuildSummaries } from '../../../src/backend/db/analytics'
import { createTestApp, type TestApp } from '../../helpers/ctx'

/**
 * Issue 10, item 12: duplicate people are found while typing, and two people
 * can be merged: everything that refers to the merged one moves to the one
 * kept, in one transaction, behind a backup.
 */

const MISSING = '0190f1a2-0000-7000-8000-000000000000'

let t: TestApp
let me: string
beforeEach(async () => {
  t = createTestApp('2026-06-15T10:00:00.000Z')
  me = (await t.call('app:startEmpty', { meName: 'Sam Rivera' })).meId!
})
afterEach(() => t.close())

const db = () => t.ctx.store.db

/** Every (table, column) whose foreign key points at people, read from the schema. */
function refColumns(): { table: string; column: string }[] {
  const tables = db().prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]
  return tables.flatMap(({ name }) =>
    (db().prepare('SELECT "table" AS ref, "from" AS col FROM pragma_foreign_key_list(?)').all(name) as { ref: string; col: string }[])
      .filter((f) => f.ref === 'people')
      .map((f) => ({ table: name, column: f.col })),
  )
}
const refsTo = (id: string) =>
  Object.fromEntries(
    refColumns().map(({ table, column }) => [
      `${table}.${column}`,
      (db().prepare(`SELECT count(*) AS n FROM "${table}" WHERE "${column}" = ?`).get(id) as { n: number }).n,
    ]),
  )

const analyticsSnapshot = () => ({
  periods: Object.fromEntries(periodCounts(db(), { fromMonth: null, toMonth: null })),
  months: monthTotals(db(), { fromMonth: null, toMonth: null }),
})

async function network() {
  const g1 = (await t.call('groups:create', { name: 'Thursday chapter' })).id
  const g2 = (await t.call('groups:create', { name: 'Golf club' })).id
  const keep = (
    await t.call('people:create', { name: 'Ann Adams', company: 'Adams & Co', tags: ['BNI'], groupIds: [g1], notes: 'Met at the chapter.' })
  ).id
  const ben = (await t.call('people:create', { name: 'Ben Brooks' })).id
  const merge = (
    await t.call('people:create', {
      name: 'ann adams',
      company: 'ADAMS & CO',
      email: 'Ann@Adams.example',
      phone: '+33 1 23 45 67 89',
      city: 'Lyon',
      tags: ['bni', 'accountant'],
      groupIds: [g1, g2],
      introducedById: ben,
      notes: 'Prefers email.',
    })
  ).id
  await t.call('analytics:scorecards', {}) // summaries fresh: triggers keep them from here on
  // Introductions in every role.
  const made = await t.call('introductions:create', { referrerId: merge, receiverId: me, prospect: { new: { name: 'Carl Chen' } }, date: '2026-03-01', status: 'won', statusDate: '2026-04-01', value: 2400 })
  await t.call('introductions:create', { referrerId: keep, receiverId: me, prospect: { new: { name: 'Dana Diaz' } }, date: '2026-03-05' })
  await t.call('introductions:create', { referrerId: me, receiverId: merge, prospect: { new: { name: 'Eve Evans' } }, date: '2026-02-01', status: 'lost', statusDate: '2026-02-20' })
  await t.call('introductions:create', { referrerId: ben, receiverId: me, prospect: { id: merge }, date: '2026-01-10' })
  // Interactions, a task, a map position, someone they introduced.
  await t.call('followup:thank', { introductionId: made.id, date: '2026-04-02', method: 'card' })
  await t.call('interactions:create', { personId: merge, kind: 'one_to_one', date: '2026-05-01' })
  await t.call('tasks:create', { title: 'Coffee with Ann', dueDate: '2026-07-01', personId: merge })
  await t.call('graph:savePositions', { positions: [{ id: merge, x: 10, y: 20 }] })
  const fred = (await t.call('people:create', { name: 'Fred Fox', introducedById: merge })).id
  return { keep, merge, ben, fred, g1, g2, made: made.id }
}

describe('people:findDuplicates', () => {
  it('finds the same email, or the same name and company (case and accents aside); not the same name elsewhere', async () => {
    const ben = await t.call('people:create', { name: 'Ben Brooks', company: 'Brooks & Co', email: 'ben@brooks.example' })
    await t.call('people:create', { name: 'Ben Brooks', company: 'Other Ltd' })
    const byName = await t.call('people:findDuplicates', { name: '  BEN BRÖOKS', company: 'brooks & co' })
    expect(byName).toEqual([{ id: ben.id, name: 'Ben Brooks', company: 'Brooks & Co', email: 'ben@brooks.example', isMe: false, archived: false, matchedOn: 'nameCompany' }])
    expect((await t.call('people:findDuplicates', { name: 'Benjamin', email: ' BEN@brooks.example ' })).map((d) => [d.id, d.matchedOn])).toEqual([[ben.id, 'email']])
    expect(await t.call('people:findDuplicates', { name: 'Ben Brooks', company: 'Brooks & Sons' })).toEqual([])
    // Editing Ben himself is not a duplicate of Ben.
    expect(await t.call('people:findDuplicates', { name: 'Ben Brooks', company: 'Brooks & Co', excludeId: ben.id })).toEqual([])
    expect(await t.call('people:findDuplicates', { name: '' })).toEqual([])
    // Archived people are found (and say so); merged-away people are not.
    await t.call('people:archive', { id: ben.id, archived: true })
    expect((await t.call('people:findDuplicates', { name: 'Ben Brooks', company: 'Brooks & Co' }))[0]).toMatchObject({ id: ben.id, archived: true })
  })
})

describe('people:merge', () => {
  it('moves every row that refers to the merged person, fills empty fields, removes them; one backup first', async () => {
    const n = await network()
    const keepBefore = refsTo(n.keep)
    const mergeBefore = refsTo(n.merge)
    expect(Object.keys(mergeBefore)).toEqual(expect.arrayContaining(['introductions.referrer_id', 'introductions.receiver_id', 'introductions.prospect_id', 'interactions.person_id', 'tasks.person_id', 'person_tags.person_id', 'memberships.person_id', 'graph_positions.person_id', 'people.introduced_by_id']))
    const preview = await t.call('people:mergePreview', { keepId: n.keep, mergeId: n.merge })
    const introsBefore = (await t.call('introductions:list', {})).total
    const peopleBefore = (await t.call('people:list', {})).total

    const r = await t.call('people:merge', { keepId: n.keep, mergeId: n.merge })

    // Nothing refers to the merged person any more; the kept one has every row (tags and groups they shared count once).
    expect(Object.values(refsTo(n.merge)).every((c) => c === 0)).toBe(true)
    const keepAfter = refsTo(n.keep)
    // Tags and groups they shared count once; the merged person's own row now points at the kept one.
    const adjust = { 'person_tags.person_id': -1, 'memberships.person_id': -1, 'people.merged_into_id': 1 } as Record<string, number>
    for (const k of Object.keys(mergeBefore)) expect({ [k]: keepAfter[k] }).toEqual({ [k]: keepBefore[k]! + mergeBefore[k]! + (adjust[k] ?? 0) })
    expect(r.moves).toEqual(preview.moves)
    expect(r.moves).toEqual([
      { what: 'introduction they made', count: 1 },
      { what: 'introduction they received', count: 1 },
      { what: 'introduction of them to someone', count: 1 },
      { what: 'interactions (thank-yous, one-to-ones, notes...)', count: 2 },
      { what: 'task', count: 1 },
      { what: 'tag', count: 1 }, // "bni" is Ann's "BNI" already
      { what: 'group membership', count: 1 },
      { what: 'map position', count: 1 },
      { what: 'people they introduced', count: 2 }, // Fred, and Carl (a new prospect of an introduction she made)
    ])

    // What the user sees.
    const kept = await t.call('people:get', { id: n.keep })
    expect(kept).toMatchObject({ name: 'Ann Adams', company: 'Adams & Co', email: 'Ann@Adams.example', phone: '+33 1 23 45 67 89', city: 'Lyon', introducedById: n.ben })
    expect(kept.notes).toBe('Met at the chapter.\n\nPrefers email.')
    expect(kept.tags).toEqual(['accountant', 'BNI'])
    expect(kept.groupIds.sort()).toEqual([n.g1, n.g2].sort())
    expect((await t.call('people:get', { id: n.fred })).introducedById).toBe(n.keep)
    expect((await t.call('introductions:list', { personId: n.keep })).total).toBe(4)
    expect((await t.call('introductions:list', {})).total).toBe(introsBefore)
    expect((await t.call('interactions:list', { personId: n.keep })).items.map((i) => i.kind).sort()).toEqual(['one_to_one', 'thank_you'])
    expect(await t.fail('people:get', { id: n.merge })).toMatchObject({ code: 'NOT_FOUND' })
    expect((await t.call('people:list', {})).total).toBe(peopleBefore - 1)
    expect(db().prepare('SELECT merged_into_id, deleted_at IS NOT NULL AS gone FROM people WHERE id = ?').get(n.merge)).toEqual({ merged_into_id: n.keep, gone: 1 })
    const positions = await t.call('graph:get', {})
    expect(positions.nodes.find((x) => x.id === n.keep)).toMatchObject({ x: 10, y: 20 })

    // A backup was taken first, under the name returned.
    const backups = (await t.call('files:listBackups', {})).backups
    expect(backups.map((b) => b.name)).toEqual([r.backup])
    expect(r.backup).toMatch(/before-person-merge/)
    expect(existsSync(backups[0]!.path)).toBe(true)
  })

  it("keeps the analytics summaries equal to a recomputation, and adds the partners' figures together", async () => {
    const n = await network()
    const before = await t.call('analytics:scorecards', { period: { preset: 'all' } })
    const row = (items: typeof before.items, id: string) => items.find((s) => s.personId === id)
    const a = row(before.items, n.keep)!
    const b = row(before.items, n.merge)!
    await t.call('people:merge', { keepId: n.keep, mergeId: n.merge })
    const incremental = analyticsSnapshot()
    rebuildSummaries(db())
    expect(analyticsSnapshot()).toEqual(incremental)
    const after = await t.call('analytics:scorecards', { period: { preset: 'all' } })
    expect(row(after.items, n.merge)).toBeUndefined()
    expect(row(after.items, n.keep)).toMatchObject({ received: a.received + b.received, given: a.given + b.given, won: a.won + b.won })
  })

  it('is one transaction: a failure at the last step leaves every table as it was, and its backup is removed', async () => {
    const n = await network()
    const tables = ['people', 'introductions', 'interactions', 'tasks', 'person_tags', 'memberships', 'graph_positions', 'analytics_partner']
    const snapshot = () => tables.map((tb) => db().prepare(`SELECT * FROM ${tb} ORDER BY 1, 2`).all())
    const before = snapshot()
    db().exec("CREATE TEMP TRIGGER fail_merge BEFORE UPDATE OF merged_into_id ON people BEGIN SELECT RAISE(ABORT, 'disk gone'); END")
    const err = await t.fail('people:merge', { keepId: n.keep, mergeId: n.merge })
    expect(err.code).not.toBe('INTERNAL')
    expect(snapshot()).toEqual(before)
    expect((await t.call('files:listBackups', {})).backups).toEqual([])
  })

  it('can keep "you" but never merge "you" away', async () => {
    const dup = (await t.call('people:create', { name: 'Sam Rivera', email: 'sam@rivera.example' })).id
    expect(await t.fail('people:merge', { keepId: dup, mergeId: me })).toMatchObject({ code: 'VALIDATION', field: 'mergeId' })
    await t.call('people:merge', { keepId: me, mergeId: dup })
    expect(await t.call('people:get', { id: me })).toMatchObject({ isMe: true, email: 'sam@rivera.example' })
  })

  it('refuses bad ids, the same person twice, and introductions between the two; writes nothing and leaves no backup', async () => {
    const n = await network()
    const snapshot = () =>
      ['people', 'introductions', 'interactions', 'tasks', 'person_tags', 'memberships', 'graph_positions'].map((tb) =>
        db().prepare(`SELECT * FROM ${tb} ORDER BY 1, 2`).all(),
      )
    const before = snapshot()
    expect(await t.fail('people:merge', { keepId: MISSING, mergeId: n.merge })).toMatchObject({ code: 'NOT_FOUND', field: 'keepId' })
    expect(await t.fail('people:merge', { keepId: n.keep, mergeId: MISSING })).toMatchObject({ code: 'NOT_FOUND', field: 'mergeId' })
    expect(await t.fail('people:mergePreview', { keepId: n.keep, mergeId: MISSING })).toMatchObject({ code: 'NOT_FOUND', field: 'mergeId' })
    expect(await t.fail('people:merge', { keepId: n.keep, mergeId: n.keep })).toMatchObject({ code: 'VALIDATION', field: 'mergeId' })
    expect(await t.fail('people:merge', { keepId: n.keep, mergeId: 'nope' })).toMatchObject({ code: 'VALIDATION', field: 'mergeId' })
    // Ann introduced someone to her duplicate: after a merge she would have introduced them to herself.
    await t.call('introductions:create', { referrerId: n.keep, receiverId: n.merge, prospect: { new: { name: 'Gus Green' } }, date: '2026-05-02' })
    const mid = snapshot()
    const conflict = await t.fail('people:merge', { keepId: n.keep, mergeId: n.merge })
    expect(conflict).toMatchObject({ code: 'CONFLICT', field: 'mergeId' })
    expect(conflict.message).toContain('Gus Green')
    expect(snapshot()).toEqual(mid)
    expect(mid.slice(2)).toEqual(before.slice(2))
    expect((await t.call('files:listBackups', {})).backups).toEqual([])
  })
})

describe('undoing a merge', () => {
  it('is one action: Undo brings the merged person and every row back, and the summaries still match a rebuild', async () => {
    const n = await network()
    // Map positions are layout, which the change log does not keep (db/history.ts): the kept person keeps the position.
    const tables = ['people', 'introductions', 'interactions', 'tasks', 'person_tags', 'memberships']
    const snapshot = () => tables.map((tb) => db().prepare(`SELECT * FROM ${tb} ORDER BY 1, 2`).all())
    const before = snapshot()
    const scoresBefore = (await t.call('analytics:scorecards', { period: { preset: 'all' } })).items.map((s) => [s.personId, s.received, s.won])
    await t.call('people:merge', { keepId: n.keep, mergeId: n.merge })
    const state = await t.call('history:list', {})
    expect(state.undo?.label).toBe('Merge ann adams into Ann Adams')
    await t.call('history:undo', {})
    // Rows are back as they were (timestamps included).
    expect(snapshot()).toEqual(before)
    expect((await t.call('people:get', { id: n.merge })).name).toBe('ann adams')
    const incremental = analyticsSnapshot()
    rebuildSummaries(db())
    expect(analyticsSnapshot()).toEqual(incremental)
    expect((await t.call('analytics:scorecards', { period: { preset: 'all' } })).items.map((s) => [s.personId, s.received, s.won])).toEqual(scoresBefore)
  })
})
