import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/ctx'

let app: TestApp
beforeEach(() => {
  app = createTestApp()
})
afterEach(() => app.close())

const q = <T>(sql: string, ...args: unknown[]) => app.ctx.store.db.prepare(sql).all(...args) as T[]

describe('insights on the sample network (real SQLite)', () => {
  beforeEach(async () => {
    await app.call('app:loadSample', {})
  })

  it('who can introduce me: ranked paths from you to the person, one per person to ask', async () => {
    const me = (await app.call('app:info', {})).meId!
    // Someone you are not directly tied to: a prospect of a partner-to-partner introduction.
    const [target] = q<{ id: string; name: string }>(
      `SELECT p.id, p.name FROM introductions i JOIN people p ON p.id = i.prospect_id
       WHERE i.referrer_id <> ? AND i.receiver_id <> ? AND i.deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM introductions j WHERE (j.referrer_id = ? OR j.receiver_id = ?) AND (j.prospect_id = p.id OR j.referrer_id = p.id OR j.receiver_id = p.id))
       LIMIT 1`,
      me,
      me,
      me,
      me,
    )
    expect(target).toBeDefined()
    const r = await app.call('insights:introducers', { targetId: target!.id })
    expect(r.targetCount).toBe(1)
    expect(r.targets[0]!.name).toBe(target!.name)
    expect(r.paths.length).toBeGreaterThan(0)
    const asks = new Set<string>()
    for (const p of r.paths) {
      expect(p.path[0]).toBe(me)
      expect(p.path.at(-1)).toBe(target!.id)
      expect(p.path.length).toBeGreaterThan(2)
      expect(p.askId).toBe(p.path[1])
      expect(p.why).toMatch(/^Ask /)
      expect(p.score).toBeGreaterThan(0)
      expect(p.score).toBeLessThanOrEqual(1)
      asks.add(p.askId)
      // Names are the stored names.
      const names = q<{ id: string; name: string }>(`SELECT id, name FROM people WHERE id IN (SELECT value FROM json_each(?))`, JSON.stringify(p.path))
      expect(p.names).toEqual(p.path.map((id) => names.find((n) => n.id === id)!.name))
    }
    expect(asks.size).toBe(r.paths.length)
    expect(r.paths.map((p) => p.score)).toEqual([...r.paths.map((p) => p.score)].sort((a, b) => b - a))
  })

  it('who can introduce me to a company or a profession: every path ends at someone who matches', async () => {
    const [{ company }] = q<{ company: string }>(`SELECT company FROM people WHERE company IS NOT NULL AND is_me = 0 LIMIT 1`) as [{ company: string }]
    const r = await app.call('insights:introducers', { company: company.toUpperCase() })
    expect(r.targetCount).toBeGreaterThan(0)
    for (const p of r.paths) {
      const end = q<{ company: string }>(`SELECT company FROM people WHERE id = ?`, p.path.at(-1))[0]!
      expect(end.company.toLowerCase()).toContain(company.toLowerCase())
    }
    const [{ profession }] = q<{ profession: string }>(`SELECT profession FROM people WHERE profession IS NOT NULL AND is_me = 0 LIMIT 1`) as [{ profession: string }]
    const byProf = await app.call('insights:introducers', { profession })
    expect(byProf.paths.length).toBeGreaterThan(0)
    const matching = q<{ n: number }>(`SELECT count(*) AS n FROM people WHERE is_me = 0 AND deleted_at IS NULL AND lower(profession) LIKE ?`, `%${profession.toLowerCase()}%`)[0]!.n
    expect(byProf.targetCount).toBe(matching)
  })

  it('brokers: exact betweenness at this size, ranked from the highest, you left out', async () => {
    const me = (await app.call('app:info', {})).meId!
    const r = await app.call('insights:brokers', { limit: 10 })
    expect(r.exact).toBe(true)
    expect(r.items.length).toBeGreaterThan(0)
    expect(r.items.map((i) => i.personId)).not.toContain(me)
    for (let i = 1; i < r.items.length; i++) expect(r.items[i - 1]!.betweenness).toBeGreaterThanOrEqual(r.items[i]!.betweenness)
    expect(r.items[0]!.betweenness).toBeGreaterThan(0)
    expect(r.items[0]!.betweenness).toBeLessThanOrEqual(1)
    expect(r.people).toBe(q<{ n: number }>('SELECT count(*) AS n FROM people WHERE deleted_at IS NULL AND is_me = 0')[0]!.n)
  })

  it('communities: named, coloured, everyone counted once', async () => {
    const r = await app.call('insights:communities', {})
    expect(r.communities.length).toBeGreaterThan(1)
    const members = r.communities.flatMap((c) => c.memberIds)
    expect(new Set(members).size).toBe(members.length)
    const people = q<{ n: number }>('SELECT count(*) AS n FROM people WHERE deleted_at IS NULL AND is_me = 0')[0]!.n
    expect(members.length + r.unclustered).toBe(people)
    for (const c of r.communities) {
      expect(c.name.length).toBeGreaterThan(0)
      expect(c.size).toBe(c.memberIds.length)
      expect(c.colour).toMatch(/^#[0-9a-f]{6}$/i)
    }
    expect(r.modularity).toBeGreaterThan(0)
  })

  it('power teams: the flow table counts every introduction once; gaps are professions none of your partners has', async () => {
    const me = (await app.call('app:info', {})).meId!
    const r = await app.call('insights:powerTeams', {})
    const total = q<{ n: number; won: number }>(
      `SELECT count(*) AS n, sum(i.status = 'won') AS won FROM introductions i JOIN people a ON a.id = i.referrer_id AND a.deleted_at IS NULL
       JOIN people b ON b.id = i.receiver_id AND b.deleted_at IS NULL WHERE i.deleted_at IS NULL`,
    )[0]!
    expect(r.flows.reduce((s, f) => s + f.count, 0)).toBe(total.n)
    expect(r.flows.reduce((s, f) => s + f.won, 0)).toBe(total.won)
    const partnerProfessions = new Set(
      q<{ p: string | null }>(
        `SELECT DISTINCT p.profession AS p FROM people p JOIN introductions i ON (i.referrer_id = p.id AND i.receiver_id = ?) OR (i.receiver_id = p.id AND i.referrer_id = ?)
         WHERE i.deleted_at IS NULL AND p.deleted_at IS NULL`,
        me,
        me,
      ).map((x) => x.p),
    )
    for (const g of r.gaps) {
      expect(partnerProfessions.has(g.profession)).toBe(false)
      expect(g.won).toBeGreaterThanOrEqual(2)
    }
    expect(r.spheres.every((s) => s.professions.length >= 2)).toBe(true)
  })

  it('who should meet whom: two of your partners who have never shared an introduction', async () => {
    const r = await app.call('insights:suggestMeetings', {})
    expect(r.items.length).toBeGreaterThan(0)
    for (const s of r.items) {
      const shared = q<{ n: number }>(
        `SELECT count(*) AS n FROM introductions WHERE deleted_at IS NULL AND
           (referrer_id IN (?, ?) OR receiver_id IN (?, ?) OR prospect_id IN (?, ?)) AND
           (? IN (referrer_id, receiver_id, prospect_id)) AND (? IN (referrer_id, receiver_id, prospect_id))`,
        s.aId, s.bId, s.aId, s.bId, s.aId, s.bId, s.aId, s.bId,
      )[0]!.n
      expect(shared).toBe(0)
      expect(s.aProfession).not.toBe(s.bProfession)
      expect(s.won).toBeGreaterThan(0)
      expect(s.reason).toContain(s.aName)
    }
  })

  it('predictors: the period is applied and each factor splits the same decided introductions', async () => {
    const r = await app.call('insights:predictors', { period: { preset: 'custom', from: '2025-01-01', to: '2025-12-31' } })
    const expected = q<{ n: number; won: number }>(
      `SELECT count(*) AS n, sum(i.status = 'won') AS won FROM introductions i JOIN people a ON a.id = i.referrer_id AND a.deleted_at IS NULL
       JOIN people b ON b.id = i.receiver_id AND b.deleted_at IS NULL
       WHERE i.deleted_at IS NULL AND i.status IN ('won', 'lost', 'not_a_fit') AND i.date BETWEEN '2025-01-01' AND '2025-12-31'`,
    )[0]!
    expect(r.decided).toBe(expected.n)
    expect(r.won).toBe(expected.won)
    expect(r.period.label).toBe('Jan 2025 – Dec 2025')
    for (const f of ['warmth', 'needsService', 'fitsProfile', 'accepted', 'kind', 'origin'] as const) {
      const rows = r.rows.filter((x) => x.factor === f)
      expect(rows.reduce((s, x) => s + x.decided, 0)).toBe(expected.n)
      for (const x of rows) expect(x.decided + x.restDecided).toBe(expected.n)
    }
    const warm = r.rows.find((x) => x.factor === 'warmth' && x.value === '5')!
    const n = q<{ n: number; won: number }>(
      `SELECT count(*) AS n, sum(status = 'won') AS won FROM introductions WHERE deleted_at IS NULL AND warmth = 5 AND status IN ('won', 'lost', 'not_a_fit') AND date BETWEEN '2025-01-01' AND '2025-12-31'`,
    )[0]!
    expect([warm.decided, warm.won]).toEqual([n.n, n.won])
    expect(warm.enough).toBe(n.n >= r.minDecided && expected.n - n.n >= r.minDecided)
  })

  it('answers are cached until the network changes; moving people on the map does not count', async () => {
    const a = await app.call('insights:communities', {})
    expect(await app.call('insights:communities', {})).toBe(a)
    const [p] = q<{ id: string }>('SELECT id FROM people WHERE is_me = 0 LIMIT 1')
    await app.call('graph:savePositions', { positions: [{ id: p!.id, x: 1, y: 2 }] })
    expect(await app.call('insights:communities', {})).toBe(a)
    const [intro] = q<{ id: string }>("SELECT id FROM introductions WHERE deleted_at IS NULL AND referrer_id <> (SELECT id FROM people WHERE is_me = 1) LIMIT 1")
    await app.call('introductions:delete', { id: intro!.id })
    expect(await app.call('insights:communities', {})).not.toBe(a)
  })
})

describe('insights on a small network built through the channels', () => {
  async function chain() {
    const info = await app.call('app:startEmpty', { meName: 'Me' })
    const me = info.meId!
    const ann = (await app.call('people:create', { name: 'Ann' })).id
    const bob = (await app.call('people:create', { name: 'Bob' })).id
    const cara = (await app.call('people:create', { name: 'Cara', company: 'Acme Ltd', profession: 'Lawyer' })).id
    const intro = (referrerId: string, receiverId: string, name: string) =>
      app.call('introductions:create', { referrerId, receiverId, prospect: { new: { name } }, date: '2026-03-01', status: 'won', statusDate: '2026-03-01', kind: 'referral', origin: 'outbound' })
    await intro(ann, me, 'P1')
    await intro(ann, bob, 'P2')
    await intro(bob, cara, 'P3')
    return { me, ann, bob, cara }
  }

  it('finds the only path, and sees a new introduction at once', async () => {
    const { me, ann, bob, cara } = await chain()
    const r = await app.call('insights:introducers', { company: 'acme' })
    // The best: through Ann; the other way in goes through P1 (the client Ann sent you), then Ann.
    expect(r.paths.map((p) => p.path)).toEqual([[me, ann, bob, cara], [me, r.paths[1]!.path[1], ann, bob, cara]])
    expect(r.paths[1]!.names[1]).toBe('P1')
    expect(r.paths[0]!.why).toMatch(/^Ask Ann \(/)
    await app.call('introductions:create', { referrerId: cara, receiverId: me, prospect: { new: { name: 'P4' } }, date: '2026-04-01', status: 'new', kind: 'referral', origin: 'outbound' })
    const again = await app.call('insights:introducers', { targetId: cara })
    expect(again.paths[0]!.path).toEqual([me, cara])
    expect(again.paths[0]!.why).toMatch(/^You know Cara directly/)
  })

  it('bad requests get typed errors naming the field', async () => {
    const { me } = await chain()
    expect(await app.fail('insights:introducers', { targetId: me })).toMatchObject({ code: 'VALIDATION', field: 'targetId' })
    expect(await app.fail('insights:introducers', { company: 'Nowhere Inc' })).toMatchObject({ code: 'NOT_FOUND', field: 'company' })
    expect(await app.fail('insights:introducers', { profession: 'Astronaut' })).toMatchObject({ code: 'NOT_FOUND', field: 'profession' })
    expect(await app.fail('insights:introducers', { targetId: '0190a0a0-0000-7000-8000-000000000000' })).toMatchObject({ code: 'NOT_FOUND', field: 'targetId' })
    expect(await app.fail('insights:introducers', { company: 'Acme', profession: 'Lawyer' })).toMatchObject({ code: 'VALIDATION', field: 'targetId' })
    expect(await app.fail('insights:introducers', {})).toMatchObject({ code: 'VALIDATION', field: 'targetId' })
    expect(await app.fail('insights:introducers', { company: '   ' })).toMatchObject({ code: 'VALIDATION', field: 'company' })
    expect(await app.fail('insights:predictors', { period: { preset: 'custom', from: '2026-05-01' } })).toMatchObject({ code: 'VALIDATION' })
  })
})

describe('time on the map: graph:get asOf', () => {
  it('shows introductions up to the date, each with the status it had then', async () => {
    const info = await app.call('app:startEmpty', { meName: 'Me' })
    const me = info.meId!
    const ann = (await app.call('people:create', { name: 'Ann' })).id
    const bob = (await app.call('people:create', { name: 'Bob' })).id
    const a1 = await app.call('introductions:create', { referrerId: ann, receiverId: me, prospect: { new: { name: 'P1' } }, date: '2026-01-10', status: 'new', kind: 'referral', origin: 'outbound' })
    await app.call('introductions:setStatus', { id: a1.id, status: 'won', date: '2026-03-01' })
    await app.call('introductions:create', { referrerId: bob, receiverId: me, prospect: { new: { name: 'P2' } }, date: '2026-04-01', status: 'lost', statusDate: '2026-04-20', kind: 'referral', origin: 'outbound' })
    const at = async (asOf?: string) => {
      const g = await app.call('graph:get', asOf ? { asOf } : {})
      return g.edges.map((e) => `${e.source === ann ? 'ann' : 'bob'}:${e.count}/${e.won}/${e.decided}`).sort()
    }
    expect(await at('2025-12-31')).toEqual([])
    // In February Ann's introduction was still open.
    expect(await at('2026-02-01')).toEqual(['ann:1/0/0'])
    expect(await at('2026-03-01')).toEqual(['ann:1/1/1'])
    // Bob's arrived on 1 April, lost on the 20th.
    expect(await at('2026-04-05')).toEqual(['ann:1/1/1', 'bob:1/0/0'])
    expect(await at('2026-04-20')).toEqual(['ann:1/1/1', 'bob:1/0/1'])
    expect(await at()).toEqual(['ann:1/1/1', 'bob:1/0/1'])
    expect(await app.fail('graph:get', { asOf: '2026-13-01' })).toMatchObject({ code: 'VALIDATION', field: 'asOf' })
  })
})

describe('insights stay out of the way of other calls', () => {
  it('a large network is worked out in slices: other calls are answered and timers fire meanwhile', async () => {
    const { generateNetwork } = await import('../../src/core/sample/generator')
    const { insertNetwork } = await import('../../src/backend/db/bulk')
    const { tx } = await import('../../src/backend/db/connection')
    const db = app.ctx.store.db
    tx(db, () => insertNetwork(db, generateNetwork({ seed: 3, people: 1500, introsPerPerson: 2, today: '2026-06-15' }), '2026-06-15T10:00:00.000Z'))
    let ticks = 0
    let running = true
    const tick = () => {
      ticks++
      if (running) setImmediate(tick)
    }
    setImmediate(tick)
    const order: string[] = []
    const brokers = app.call('insights:brokers', {}).then((r) => {
      order.push('brokers')
      return r
    })
    const info = app.call('app:info', {}).then(() => order.push('info'))
    const r = await brokers
    await info
    running = false
    expect(r.exact).toBe(false)
    expect(order).toEqual(['info', 'brokers'])
    // 200 sampled sources in slices of 10, plus the network's own slices.
    expect(ticks).toBeGreaterThanOrEqual(20)
  })
})
