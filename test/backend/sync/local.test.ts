import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../helpers/ctx'
import { ackOutbox, createSyncState, drainChanges, getSyncState, outboxBatch, pendingCount } from '../../../src/backend/db/sync'
import { pruneHistory } from '../../../src/backend/db/history'

/** The laptop's side without a server: draining the change log, and pruning that never drops what was not sent. */
describe('chapter sync, local side', () => {
  let app: TestApp
  beforeEach(() => {
    app = createTestApp()
  })
  afterEach(() => app.close())

  const join = () =>
    createSyncState(app.ctx.store.db, {
      chapter_id: '01900000-0000-7000-8000-000000000001',
      chapter_name: 'North',
      member_name: 'Ann',
      person_id: 'p',
      role: 'rm_ann',
      invitation: 'x',
      joined_at: '2026-01-01T00:00:00Z',
    })

  it('pruning the change log keeps every change not yet drained into the outbox', async () => {
    await app.call('people:create', { name: 'Before Joining' })
    join()
    for (let i = 0; i < 1300; i++) await app.call('people:create', { name: `Offline ${i}` })
    const db = app.ctx.store.db
    pruneHistory(db, 1000)
    const names = new Set(
      (db.prepare(`SELECT json_extract(new_value, '$.name') AS n FROM changes WHERE tbl = 'people' AND op = 'insert'`).all() as { n: string }[]).map((r) => r.n),
    )
    for (let i = 0; i < 1300; i++) expect(names.has(`Offline ${i}`), `Offline ${i}`).toBe(true)
    expect(pendingCount(db)).toBe(1300)
    drainChanges(db, new Date())
    const cells = outboxBatch(db, 1_000_000)
    expect(cells.filter((c) => c.col === 'name').length).toBe(1300)
    // Drained: now the old actions may go.
    pruneHistory(db, 1000)
    expect((db.prepare('SELECT count(*) AS n FROM history_actions').get() as { n: number }).n).toBeLessThanOrEqual(1001)
    expect(getSyncState(db)!.drained_seq).toBeGreaterThan(0)
  })

  it('an outbox keeps one row per cell: a later edit replaces the value and keeps the clock it was based on; local-only columns stay home', async () => {
    join()
    const p = await app.call('people:create', { name: 'Edit Twice', company: 'Start', cadenceDays: 30 })
    const db = app.ctx.store.db
    drainChanges(db, new Date())
    const first = outboxBatch(db, 1000).find((c) => c.col === 'company')!
    expect(outboxBatch(db, 1000).some((c) => c.col === 'city')).toBe(false) // an empty cell of a new row is not sent
    ackOutbox(db, outboxBatch(db, 1000))
    await app.call('people:update', { id: p.id, company: 'A' })
    await app.call('people:update', { id: p.id, company: 'B' })
    await app.call('people:setMe', { id: p.id })
    drainChanges(db, new Date())
    const rows = outboxBatch(db, 1000).filter((c) => c.col === 'company')
    expect(rows).toHaveLength(1)
    expect(rows[0]!.value).toBe('"B"')
    expect(rows[0]!.base).toBe(first.hlc)
    expect(outboxBatch(db, 1000).some((c) => c.col === 'is_me' || c.col === 'cadence_days')).toBe(false)
  })

  it('tasks and private notes are scoped to the member; the rest to the chapter', async () => {
    join()
    const p = await app.call('people:create', { name: 'Scoped' })
    await app.call('sync:setPrivateNote', { table: 'people', id: p.id, notes: 'mine' })
    await app.call('tasks:create', { title: 'Call back', dueDate: '2026-06-20', personId: p.id })
    const db = app.ctx.store.db
    drainChanges(db, new Date())
    const all = outboxBatch(db, 10_000)
    expect(new Set(all.filter((c) => c.tbl === 'people').map((c) => c.scope))).toEqual(new Set(['*']))
    expect(new Set(all.filter((c) => c.tbl === 'private_notes' || c.tbl === 'tasks').map((c) => c.scope))).toEqual(new Set(['rm_ann']))
  })
})
