import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../helpers/ctx'

let t: TestApp
beforeEach(() => {
  t = createTestApp()
})
afterEach(() => t.close())

describe('people service', () => {
  it('creates, lists, searches (accent-insensitive) and pages people in SQL', async () => {
    await t.call('app:startEmpty', { meName: 'Sam Rivera' })
    await t.call('people:create', { name: 'Amélie Dubois', company: 'Cedar Partners', tags: ['power partner'] })
    for (let i = 0; i < 30; i++) await t.call('people:create', { name: `Person ${String(i).padStart(2, '0')}` })
    const page = await t.call('people:list', { search: 'amelie' })
    expect(page.total).toBe(1)
    expect(page.items[0]).toMatchObject({ name: 'Amélie Dubois', company: 'Cedar Partners', tags: ['power partner'] })
    const p2 = await t.call('people:list', { sort: 'name', dir: 'asc', offset: 10, limit: 10 })
    expect(p2.total).toBe(32)
    expect(p2.items.map((p) => p.name)[0]).toBe('Person 09')
  })

  it('refuses a missing name with a field error and writes nothing', async () => {
    const err = await t.fail('people:create', { name: '   ' })
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'name', message: 'Enter a name.' })
    expect((await t.call('people:list')).total).toBe(0)
  })

  it('refuses an unknown id and a wrong type', async () => {
    expect(await t.fail('people:get', { id: '0190f1a2-0000-7000-8000-000000000000' })).toMatchObject({ code: 'NOT_FOUND' })
    expect(await t.fail('people:get', { id: 42 })).toMatchObject({ code: 'VALIDATION', field: 'id' })
    expect(await t.fail('people:create', { name: 'X', introducedById: '0190f1a2-0000-7000-8000-000000000000' })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'introducedById',
    })
  })

  it('archives and restores; archived people leave the default list', async () => {
    const p = await t.call('people:create', { name: 'Ben Becker' })
    await t.call('people:archive', { id: p.id, archived: true })
    expect((await t.call('people:list')).total).toBe(0)
    expect((await t.call('people:list', { includeArchived: true })).items[0]?.archived).toBe(true)
    await t.call('people:archive', { id: p.id, archived: false })
    expect((await t.call('people:list')).total).toBe(1)
  })
})
