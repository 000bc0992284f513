import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../helpers/ctx'
import { createHandlers, NetworkStore } from '../../../src/backend/services'
import { dispatch } from '../../../src/backend/dispatch'
import type { Db } from '../../../src/backend/db/connection'

let t: TestApp
beforeEach(() => {
  t = createTestApp()
})
afterEach(() => t.close())

const db = (): Db => t.ctx.store.db
const personRow = (id: string) => db().prepare('SELECT * FROM people WHERE id = ?').get(id)
/** Every user table's content, to prove an undo puts back exactly what was there. */
function snapshot(): string {
  const tables = ['people', 'person_tags', 'groups', 'memberships', 'introductions', 'introduction_status_history', 'interactions', 'tasks']
  return JSON.stringify(tables.map((tb) => db().prepare(`SELECT * FROM ${tb} ORDER BY 1, 2`).all()))
}

async function setup() {
  const info = await t.call('app:startEmpty', { meName: 'Sam Rivera' })
  const ben = await t.call('people:create', { name: 'Ben Brooks', company: 'Brooks & Co', tags: ['accountant'] })
  return { me: info, ben }
}

describe('change log and undo', () => {
  it('names the action, undoes it exactly, redoes it, and records each change with a clock stamp', async () => {
    const { ben } = await setup()
    const before = personRow(ben.id)
    const snap = snapshot()
    await t.call('people:archive', { id: ben.id, archived: true })

    const list = await t.call('history:list')
    expect(list.undo?.label).toBe('Archive Ben Brooks')
    const action = db().prepare("SELECT * FROM history_actions WHERE label = 'Archive Ben Brooks'").get() as { id: number; hlc: string }
    const changes = db().prepare('SELECT tbl, pk, op, col, old_value, new_value, hlc FROM changes WHERE action_id = ?').all(action.id) as {
      tbl: string
      col: string
      old_value: unknown
      new_value: unknown
      hlc: string
    }[]
    expect(changes.find((c) => c.col === 'archived_at')).toMatchObject({ tbl: 'people', old_value: null, pk: JSON.stringify([ben.id]) })
    for (const c of changes) expect(c.hlc).toMatch(/^\d{15}-\d{6}-[0-9a-f]{16}$/)

    const undone = await t.call('history:undo')
    expect(undone.done).toBe('Undone: Archive Ben Brooks')
    expect(personRow(ben.id)).toEqual(before)
    expect(snapshot()).toBe(snap)
    expect(undone.redo?.label).toBe('Archive Ben Brooks')

    await t.call('history:redo')
    expect((await t.call('people:get', { id: ben.id })).archivedAt).not.toBeNull()
    await t.call('history:undo')
    expect(snapshot()).toBe(snap)
  })

  it('undoes a whole action at once: a new introduction with its status history and its prospect', async () => {
    const { me, ben } = await setup()
    const snap = snapshot()
    const network = await t.call('analytics:network', { period: { preset: 'all' } })
    await t.call('introductions:create', {
      referrerId: ben.id,
      receiverId: me.meId!,
      prospect: { new: { name: 'Cara Cole' } },
      date: '2026-06-01',
      status: 'won',
      value: 1200,
      currency: 'EUR',
    })
    expect((await t.call('history:list')).undo?.label).toBe('Record introduction from Ben Brooks')
    await t.call('history:undo')
    expect(snapshot()).toBe(snap)
    // The summaries follow the undo through their own triggers.
    expect(await t.call('analytics:network', { period: { preset: 'all' } })).toEqual(network)
  })

  it('steps back through several actions in order, and a new action clears redo', async () => {
    const { ben } = await setup()
    await t.call('people:update', { id: ben.id, city: 'Leeds' })
    await t.call('people:update', { id: ben.id, city: 'York' })
    await t.call('history:undo')
    expect((await t.call('people:get', { id: ben.id })).city).toBe('Leeds')
    await t.call('history:undo')
    expect((await t.call('people:get', { id: ben.id })).city).toBeNull()
    expect((await t.call('history:list')).redo?.label).toBe('Edit Ben Brooks')
    await t.call('people:update', { id: ben.id, phone: '123' })
    expect((await t.call('history:list')).redo).toBeNull()
    expect(await t.fail('history:redo')).toMatchObject({ code: 'NOT_FOUND', message: 'There is nothing to redo.' })
  })

  it('refuses an undo when the row was changed since by something else, and changes nothing', async () => {
    const { ben } = await setup()
    await t.call('people:update', { id: ben.id, city: 'Leeds' })
    // A change that is not an undoable action (as another program or an automatic rule would make).
    db().prepare("UPDATE people SET city = 'Hull' WHERE id = ?").run(ben.id)
    const snap = snapshot()
    const err = await t.fail('history:undo')
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toContain('Edit Ben Brooks')
    expect(snapshot()).toBe(snap)
  })

  it('logs nothing for a rejected call or a read', async () => {
    await setup()
    const n = () => (db().prepare('SELECT count(*) AS n FROM history_actions').get() as { n: number }).n
    const before = n()
    await t.fail('people:create', { name: '' })
    await t.fail('people:archive', { id: '0190f1a2-0000-7000-8000-000000000000', archived: true })
    await t.call('people:list')
    expect(n()).toBe(before)
  })

  it('keeps the history across a restart', async () => {
    const { ben } = await setup()
    await t.call('people:setMe', { id: ben.id })
    t.ctx.store.close()
    const store = new NetworkStore(t.ctx.store.file)
    try {
      const handlers = createHandlers({ ...t.ctx, store })
      const r = await dispatch(handlers, 'history:list', {})
      expect(r.ok && (r.data as { undo: { label: string } | null }).undo?.label).toBe('Set Ben Brooks as me')
      const u = await dispatch(handlers, 'history:undo', {})
      expect(u.ok).toBe(true)
      expect((store.db.prepare('SELECT name FROM people WHERE is_me = 1').get() as { name: string }).name).toBe('Sam Rivera')
    } finally {
      store.close()
      // createTestApp's close() closes its store again, which is harmless.
    }
  })

  it('does not undo past a bulk change (the sample, an import): it says there is nothing to undo', async () => {
    await t.call('app:loadSample', { seed: 7 })
    const list = await t.call('history:list')
    expect(list.undo).toBeNull()
    expect(list.items[0]).toMatchObject({ kind: 'barrier', label: 'Load the sample network' })
    expect(await t.fail('history:undo')).toMatchObject({ code: 'NOT_FOUND', message: 'There is nothing to undo.' })
  })

  it('captures a column added by a later migration (the triggers follow the live table)', async () => {
    const { ben } = await setup()
    t.ctx.store.close()
    const file = t.ctx.store.file
    const raw = new NetworkStore(file)
    raw.db.exec('ALTER TABLE people ADD COLUMN nickname TEXT')
    raw.close()
    const store = new NetworkStore(file)
    try {
      const h = createHandlers({ ...t.ctx, store })
      await dispatch(h, 'people:update', { id: ben.id, city: 'Leeds' })
      store.db.prepare("UPDATE people SET nickname = 'Benny' WHERE id = ?").run(ben.id)
      const cols = (store.db.prepare('SELECT json_group_array(name) AS c FROM pragma_table_info(?)').get('people') as { c: string }).c
      expect(cols).toContain('nickname')
      const trig = store.db.prepare("SELECT sql FROM sqlite_temp_schema WHERE name = 'capture_people_update'").get() as { sql: string }
      expect(trig.sql).toContain('nickname')
    } finally {
      store.close()
    }
  })
})

describe('capture under any conflict clause', () => {
  it('an upsert, an INSERT OR REPLACE and an INSERT OR IGNORE on captured tables are logged and undone', async () => {
    const { ben } = await setup()
    const snap = snapshot()
    const settingsBefore = JSON.stringify(db().prepare('SELECT * FROM settings ORDER BY key').all())
    const { beginCapture, endCapture } = await import('../../../src/backend/db/history')
    beginCapture(db(), { kind: 'do', channel: 'test', label: 'Several writes' }, new Date('2026-06-15T11:00:00Z'))
    try {
      db().transaction(() => {
        const up = db().prepare(
          `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
           ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        )
        up.run('test.a', '1', 'now')
        up.run('test.a', '2', 'later')
        db().prepare("INSERT OR REPLACE INTO person_tags (person_id, tag, tag_key) VALUES (?, 'vip', 'vip')").run(ben.id)
        db().prepare("INSERT OR IGNORE INTO person_tags (person_id, tag, tag_key) VALUES (?, 'vip', 'vip')").run(ben.id)
      })()
    } finally {
      endCapture(db())
    }
    const actions = db().prepare("SELECT count(*) AS n FROM history_actions WHERE label = 'Several writes'").get() as { n: number }
    expect(actions.n).toBe(1)
    expect((await t.call('history:list')).undo?.label).toBe('Several writes')
    await t.call('history:undo')
    expect(snapshot()).toBe(snap)
    expect(JSON.stringify(db().prepare('SELECT * FROM settings ORDER BY key').all())).toBe(settingsBefore)
  })
})
