import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { count, joinLaptop, sharedChecksum, startChapterServer, type ChapterServer, type Laptop } from './fixture'

let server: ChapterServer
beforeAll(async () => {
  server = await startChapterServer('Seed')
})
afterAll(async () => {
  await server?.stop()
})

type Op = { laptop: number; kind: number; pick: number; text: string; sync: boolean }

const ids = (l: Laptop, sql: string) => (l.ctx.store.db.prepare(sql).all() as { id: string }[]).map((r) => r.id)
const today = () => new Date().toISOString().slice(0, 10)

/** One random edit on one laptop; edits that the laptop's current data refuses are fine (and common). */
async function apply(l: Laptop, op: Op): Promise<void> {
  const people = ids(l, 'SELECT id FROM people WHERE deleted_at IS NULL ORDER BY id')
  const intros = ids(l, 'SELECT id FROM introductions WHERE deleted_at IS NULL ORDER BY id')
  const groups = ids(l, 'SELECT id FROM groups WHERE deleted_at IS NULL ORDER BY id')
  const p = people[op.pick % Math.max(1, people.length)]
  const q = people[(op.pick >> 3) % Math.max(1, people.length)]
  const field = (['company', 'city', 'profession', 'notes'] as const)[op.pick % 4]!
  try {
    switch (op.kind) {
      case 0:
        await l.call('people:create', { name: `P ${op.text}` })
        break
      case 1:
        if (p) await l.call('people:update', { id: p, [field]: op.text || null })
        break
      case 2:
        if (p && q && p !== q) await l.call('introductions:create', { referrerId: p, receiverId: q, prospect: { new: { name: `X ${op.text}` } }, date: today() })
        break
      case 3:
        if (intros.length) await l.call('introductions:update', { id: intros[op.pick % intros.length]!, notes: op.text || null })
        break
      case 4:
        if (intros.length) await l.call('introductions:delete', { id: intros[op.pick % intros.length]! })
        break
      case 5:
        if (groups.length === 0 || op.pick % 3 === 0) await l.call('groups:create', { name: `G ${op.text}` })
        else if (p) await l.call(op.pick % 2 ? 'groups:addMember' : 'groups:removeMember', { groupId: groups[op.pick % groups.length]!, personId: p })
        break
      case 6:
        if (p) await l.call('people:update', { id: p, tags: op.text ? [op.text.slice(0, 3) || 't'] : [] })
        break
      case 7:
        if (intros.length) await l.call('introductions:setStatus', { id: intros[op.pick % intros.length]!, status: 'contacted', date: today() })
        break
    }
  } catch (e) {
    if (!(e as { code?: string }).code || (e as { code?: string }).code === 'INTERNAL') throw e
  }
}

describe('convergence', () => {
  it('three laptops making random edits and syncing in random order end with identical shared tables', async () => {
    let round = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            laptop: fc.nat(2),
            kind: fc.nat(7),
            pick: fc.nat(1000),
            text: fc.string({ minLength: 0, maxLength: 6, unit: fc.constantFrom('a', 'b', 'é', ' ', 'Z', '1') }),
            sync: fc.boolean(),
          }),
          { minLength: 10, maxLength: 45 },
        ),
        async (ops) => {
          round++
          const chapter = `Seed ${round}`
          await server.cli('init', '--db', server.url, '--chapter', chapter)
          const laptops = [
            await joinLaptop(await server.invite('Ann', chapter)),
            await joinLaptop(await server.invite('Ben', chapter)),
            await joinLaptop(await server.invite('Cy', chapter)),
          ]
          try {
            for (const op of ops) {
              const l = laptops[op.laptop]!
              await apply(l, op)
              if (op.sync) await l.sync()
            }
            for (let i = 0; i < 2; i++) for (const l of laptops) await l.sync()
            const sums = laptops.map(sharedChecksum)
            expect(sums[1]).toBe(sums[0])
            expect(sums[2]).toBe(sums[0])
            for (const l of laptops) expect((await l.call('sync:status', {})).pending).toBe(0)
          } finally {
            for (const l of laptops) l.close()
          }
        },
      ),
      { numRuns: 8 },
    )
  })

  it('a laptop offline for 10,000 changes catches up, and the other catches up with it', { timeout: 300_000 }, async () => {
    await server.cli('init', '--db', server.url, '--chapter', 'Offline')
    const a = await joinLaptop(await server.invite('Ann', 'Offline'))
    const b = await joinLaptop(await server.invite('Ben', 'Offline'))
    try {
      const p = await a.call('people:create', { name: 'Busy Bee' })
      await a.sync()
      await b.sync()
      // Ann works offline: 10,000 changes (2,000 people added, 8,000 edits; ten times what pruning keeps).
      for (let i = 0; i < 2000; i++) await a.call('people:create', { name: `Offline ${i}` })
      for (let i = 0; i < 8000; i++) await a.call('people:update', { id: p.id, city: `City ${i}` })
      expect(count(a, 'SELECT count(*) AS n FROM changes WHERE seq > (SELECT drained_seq FROM sync_state)')).toBe(10_000)
      // Meanwhile Ben changes the same person's profession.
      await b.call('people:update', { id: p.id, profession: 'Beekeeper' })
      await b.sync()
      const r = await a.sync()
      expect(r.pushed).toBeGreaterThan(2000 * 4)
      await b.sync()
      expect(count(b, `SELECT count(*) AS n FROM people WHERE name LIKE 'Offline %'`)).toBe(2000)
      for (const l of [a, b]) expect(l.ctx.store.db.prepare('SELECT city, profession FROM people WHERE id = ?').get(p.id)).toEqual({ city: 'City 7999', profession: 'Beekeeper' })
      expect(sharedChecksum(a)).toBe(sharedChecksum(b))
    } finally {
      a.close()
      b.close()
    }
  })
})
