import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../helpers/ctx'

describe('migration 0100 sync', () => {
  let app: TestApp
  beforeEach(() => {
    app = createTestApp()
  })
  afterEach(() => app.close())

  it('adds the chapter-sharing tables (STRICT) and leaves an ordinary network unjoined', () => {
    const db = app.ctx.store.db
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(100)
    const list = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND (name LIKE 'sync_%' OR name = 'private_notes')").all() as {
      name: string
      strict: number
    }[]
    expect(list.map((t) => t.name).sort()).toEqual(['private_notes', 'sync_clock', 'sync_conflicts', 'sync_not_duplicates', 'sync_outbox', 'sync_parked', 'sync_pending', 'sync_state'])
    for (const t of list) expect(t.strict, t.name).toBe(1)
    expect(db.prepare('SELECT count(*) AS n FROM sync_state').get()).toEqual({ n: 0 })
    expect(() => db.prepare("INSERT INTO private_notes (tbl, row_id, updated_at) VALUES ('settings', 'x', 'now')").run()).toThrow(/CHECK/)
  })
})
