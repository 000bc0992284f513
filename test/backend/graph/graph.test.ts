import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../helpers/ctx'
import type { GraphData } from '../../../src/shared/channels/graph'

let app: TestApp
beforeEach(() => {
  app = createTestApp()
})
afterEach(() => app.close())

async function small() {
  const info = await app.call('app:startEmpty', { meName: 'Me' })
  const me = info.meId!
  const ann = (await app.call('people:create', { name: 'Ann', tags: ['power partner'] })).id
  const bob = (await app.call('people:create', { name: 'Bob' })).id
  const group = await app.call('groups:create', { name: 'Chapter' })
  await app.call('groups:addMember', { groupId: group.id, personId: bob })
  const intro = async (referrerId: string, receiverId: string, name: string, status: 'won' | 'lost' | 'new', date = '2026-03-01', value?: number) =>
    app.call('introductions:create', {
      referrerId,
      receiverId,
      prospect: { new: { name } },
      date,
      status,
      ...(value !== undefined ? { value } : {}),
      kind: 'referral',
      origin: 'outbound',
    })
  await intro(ann, me, 'P1', 'won', '2026-03-01', 1000)
  await intro(ann, me, 'P2', 'won', '2026-03-02', 500)
  await intro(ann, me, 'P3', 'lost', '2025-01-02')
  await intro(bob, me, 'P4', 'lost')
  await intro(me, bob, 'P5', 'new')
  await intro(ann, bob, 'P6', 'won', '2026-04-01', 200)
  return { me, ann, bob, group: group.id }
}

const edge = (g: GraphData, s: string, t: string) => g.edges.find((e) => e.source === s && e.target === t)
const node = (g: GraphData, id: string) => g.nodes.find((n) => n.id === id)

describe('graph:get', () => {
  it('aggregates introductions per referrer -> receiver pair with counts, won, decided and won value', async () => {
    const { me, ann, bob } = await small()
    const g = await app.call('graph:get', {})
    expect(g.meId).toBe(me)
    expect(g.nodes.map((n) => n.name).sort()).toEqual(['Ann', 'Bob', 'Me'])
    expect(edge(g, ann, me)).toMatchObject({ count: 3, won: 2, decided: 3, valueMinor: 150_000, kind: 'partner' })
    expect(edge(g, me, bob)).toMatchObject({ count: 1, won: 0, decided: 0 })
    expect(g.edges).toHaveLength(4)
    expect(node(g, ann)).toMatchObject({ role: 'partner', sent: 4, received: 0, wonToMe: 2, decidedToMe: 3, closedValueMinor: 170_000 })
    expect(node(g, bob)).toMatchObject({ sent: 1, received: 2, wonToMe: 0, decidedToMe: 1 })
    expect(node(g, me)).toMatchObject({ role: 'me', isMe: true, received: 4 })
    expect(g.prior.mean).toBeCloseTo(2 / 4)
  })

  it('filters by period, status, group, tag and kind', async () => {
    const { me, ann, bob, group } = await small()
    const inPeriod = await app.call('graph:get', { from: '2026-01-01', to: '2026-03-31' })
    expect(edge(inPeriod, ann, me)).toMatchObject({ count: 2, won: 2 })
    expect(edge(inPeriod, ann, bob)).toBeUndefined()
    const open = await app.call('graph:get', { status: 'open' })
    expect(open.edges.map((e) => [e.source, e.target])).toEqual([[me, bob]])
    const won = await app.call('graph:get', { status: 'won' })
    expect(won.edges).toHaveLength(2)
    const grp = await app.call('graph:get', { groupId: group })
    expect(grp.edges.every((e) => e.source === bob || e.target === bob)).toBe(true)
    expect(grp.edges).toHaveLength(3)
    const tagged = await app.call('graph:get', { tag: 'Power Partner' })
    expect(tagged.edges.every((e) => e.source === ann)).toBe(true)
    expect((await app.call('graph:get', { kind: 'lead' })).edges).toHaveLength(0)
  })

  it('adds prospects as small nodes on their referrer when asked', async () => {
    const { ann } = await small()
    const g = await app.call('graph:get', { prospects: true })
    const prospects = g.nodes.filter((n) => n.role === 'prospect')
    expect(prospects.map((p) => p.name).sort()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6'])
    const p1 = prospects.find((p) => p.name === 'P1')!
    expect(edge(g, ann, p1.id)).toMatchObject({ kind: 'prospect', count: 1, won: 1 })
  })

  it('returns partners with no introductions, flagged isolated, and leaves out the archived and prospects', async () => {
    const { me, ann, group } = await small()
    const cara = (await app.call('people:create', { name: 'Cara', tags: ['power partner'] })).id
    const dan = (await app.call('people:create', { name: 'Dan' })).id
    await app.call('groups:addMember', { groupId: group, personId: dan })
    const gone = (await app.call('people:create', { name: 'Archived Eve' })).id
    await app.call('people:archive', { id: gone, archived: true })
    const g = await app.call('graph:get', {})
    expect(g.nodes.map((n) => n.name).sort()).toEqual(['Ann', 'Bob', 'Cara', 'Dan', 'Me'])
    expect(node(g, cara)).toMatchObject({ role: 'partner', isolated: true, sent: 0, received: 0 })
    expect(node(g, ann)?.isolated).toBeUndefined()
    expect(node(g, me)?.isolated).toBeUndefined()
    expect(g.edges.some((e) => e.source === cara || e.target === cara)).toBe(false)
    // The group and tag filters narrow them like the introductions.
    expect((await app.call('graph:get', { groupId: group })).nodes.filter((n) => n.isolated).map((n) => n.name)).toEqual(['Dan'])
    expect((await app.call('graph:get', { tag: 'Power Partner' })).nodes.filter((n) => n.isolated).map((n) => n.name)).toEqual(['Cara'])
    // With prospects shown, the people introduced are prospects, never isolated partners.
    const withProspects = await app.call('graph:get', { prospects: true })
    expect(withProspects.nodes.filter((n) => n.isolated).map((n) => n.name).sort()).toEqual(['Cara', 'Dan'])
    // Once Cara makes an introduction she is an ordinary partner.
    await app.call('introductions:create', {
      referrerId: cara, receiverId: me, prospect: { new: { name: 'P9' } }, date: '2026-05-01', status: 'new', kind: 'referral', origin: 'outbound',
    })
    expect(node(await app.call('graph:get', {}), cara)).toMatchObject({ sent: 1 })
    expect(node(await app.call('graph:get', {}), cara)?.isolated).toBeUndefined()
  })

  it('rejects bad filters with the field', async () => {
    await small()
    expect(await app.fail('graph:get', { from: '2026-02-30' })).toMatchObject({ code: 'VALIDATION', field: 'from' })
    expect(await app.fail('graph:get', { status: 'maybe' })).toMatchObject({ code: 'VALIDATION', field: 'status' })
  })

  it('uses an index for the pair aggregate (no full scan of introductions when filtered by date)', async () => {
    await small()
    const plan = app.ctx.store.db
      .prepare("EXPLAIN QUERY PLAN SELECT referrer_id, receiver_id, count(*) FROM introductions i WHERE i.deleted_at IS NULL AND i.date >= '2026-01-01' GROUP BY referrer_id, receiver_id")
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX intros_by_date/)
  })
})

describe('positions', () => {
  it('saves positions in one call, returns them with the graph, and clears them', async () => {
    const { me, ann } = await small()
    expect(await app.call('graph:savePositions', { positions: [{ id: me, x: 0, y: 0 }, { id: ann, x: 120.5, y: -40 }] })).toEqual({ saved: 2 })
    await app.call('graph:savePositions', { positions: [{ id: ann, x: 10, y: 20 }] })
    const g = await app.call('graph:get', {})
    expect(node(g, ann)).toMatchObject({ x: 10, y: 20 })
    expect(node(g, me)).toMatchObject({ x: 0, y: 0 })
    expect(g.nodes.find((n) => n.name === 'Bob')).toMatchObject({ x: null, y: null })
    expect(await app.call('graph:clearPositions', {})).toEqual({ cleared: 2 })
    expect(node(await app.call('graph:get', {}), ann)).toMatchObject({ x: null })
  })

  it('refuses unknown people (nothing saved) and non-finite numbers', async () => {
    const { ann } = await small()
    const err = await app.fail('graph:savePositions', {
      positions: [{ id: ann, x: 1, y: 1 }, { id: '01900000-0000-7000-8000-000000000000', x: 0, y: 0 }],
    })
    expect(err).toMatchObject({ code: 'NOT_FOUND', field: 'positions.1.id' })
    expect(node(await app.call('graph:get', {}), ann)).toMatchObject({ x: null })
    expect(await app.fail('graph:savePositions', { positions: [{ id: ann, x: Infinity, y: 0 }] })).toMatchObject({ code: 'VALIDATION' })
  })
})

describe('graph:exportFile', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64')
  it('writes PNG and SVG files into the exports folder without overwriting', async () => {
    const a = await app.call('graph:exportFile', { format: 'png', data: png, suggestedName: '../../evil/network' })
    expect(a.path.startsWith(app.dir)).toBe(true)
    expect(a.path).toMatch(/exports[\\/][^\\/]*network\.png$/)
    expect(readFileSync(a.path).subarray(0, 4).toString('latin1')).toBe('\x89PNG')
    const b = await app.call('graph:exportFile', { format: 'png', data: png, suggestedName: '../../evil/network' })
    expect(b.path).not.toBe(a.path)
    const s = await app.call('graph:exportFile', { format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', suggestedName: 'map.svg' })
    expect(s.path).toMatch(/map\.svg$/)
    expect(readFileSync(s.path, 'utf8')).toContain('<svg')
  })
  it('in the desktop app writes where the user picks, and writes nothing when they cancel', async () => {
    const asked: { name: string; extensions: string[] }[] = []
    let answer: string | null = join(app.dir, 'picked', 'my map.png')
    mkdirSync(join(app.dir, 'picked'), { recursive: true })
    app.ctx.chooseSavePath = async (suggested, filter) => {
      asked.push({ name: suggested, extensions: filter.extensions })
      return answer
    }
    try {
      const r = await app.call('graph:exportFile', { format: 'png', data: png, suggestedName: 'referral-network.png' })
      expect(asked).toEqual([{ name: 'referral-network.png', extensions: ['png'] }])
      expect(r.path).toBe(answer)
      expect(readFileSync(answer!).subarray(0, 4).toString('latin1')).toBe('\x89PNG')
      answer = null
      expect(await app.fail('graph:exportFile', { format: 'svg', data: '<svg></svg>', suggestedName: 'x' })).toMatchObject({ code: 'CANCELLED' })
      expect(readdirSync(join(app.dir, 'picked'))).toEqual(['my map.png'])
    } finally {
      delete app.ctx.chooseSavePath
    }
  })
  it('refuses data that is not what it claims', async () => {
    expect(await app.fail('graph:exportFile', { format: 'png', data: Buffer.from('hello').toString('base64'), suggestedName: 'x' })).toMatchObject({ code: 'VALIDATION', field: 'data' })
    expect(await app.fail('graph:exportFile', { format: 'svg', data: '<html></html>', suggestedName: 'x' })).toMatchObject({ code: 'VALIDATION', field: 'data' })
  })
})

it('on the sample network: every partner edge has its ends among the nodes, and you are there', async () => {
  await app.call('app:loadSample', {})
  const g = await app.call('graph:get', {})
  const ids = new Set(g.nodes.map((n) => n.id))
  expect(ids.has(g.meId!)).toBe(true)
  expect(g.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true)
  expect(g.nodes.length).toBeGreaterThan(50)
  const total = g.edges.reduce((s, e) => s + e.count, 0)
  const intros = await app.call('introductions:list', { limit: 1 })
  expect(total).toBe(intros.total)
})
