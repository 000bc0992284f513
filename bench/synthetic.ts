/**
 * Synthetic referral networks for the graph bench and the big-map end-to-end
 * test: you, n-1 partners who each send you 1-4 introductions, half of whom
 * get 1-2 back, and 1-2 introductions to other partners; 400 prospects. The
 * map has n people and about 3n aggregated edges (2,000 people -> ~6,000).
 */
import { uuidv7 } from '../src/core/ids'
import { createRng } from '../src/core/random'
import { normalizeKey } from '../src/core/text'
import { tx, type Db } from '../src/backend/db/connection'

const NOW = '2026-10-31T12:00:00.000Z'

/** A network whose map has `n` people (you + n-1 partners) and about 3n aggregated edges. */
export function buildSynthetic(db: Db, n: number, seed = 7): { edges: number; intros: number } {
  const rng = createRng(seed)
  const person = db.prepare(
    'INSERT INTO people (id, name, name_key, is_me, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const intro = db.prepare(
    `INSERT INTO introductions (id, referrer_id, receiver_id, prospect_id, date, kind, origin, status, status_date,
       value_minor, currency, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'referral', 'outbound', ?, ?, ?, 'EUR', ?, ?)`,
  )
  const ids: string[] = []
  const prospects: string[] = []
  let t = Date.parse('2024-01-01T00:00:00Z')
  let intros = 0
  const edges = new Set<string>()
  tx(db, () => {
    for (let i = 0; i < n; i++) {
      const id = uuidv7(t++, rng.bytes)
      const name = i === 0 ? 'You' : `Partner ${i}`
      person.run(id, name, normalizeKey(name), i === 0 ? 1 : 0, NOW, NOW)
      ids.push(id)
    }
    for (let i = 0; i < 400; i++) {
      const id = uuidv7(t++, rng.bytes)
      person.run(id, `Prospect ${i}`, `prospect ${i}`, 0, NOW, NOW)
      prospects.push(id)
    }
    const quality = ids.map(() => Math.min(0.95, Math.max(0.03, 0.4 + 0.2 * rng.normal())))
    const add = (a: number, b: number, count: number) => {
      edges.add(`${a}>${b}`)
      for (let k = 0; k < count; k++) {
        const roll = rng.next()
        const status = roll < 0.25 ? 'new' : rng.chance(quality[a]!) ? 'won' : 'lost'
        const date = `2026-${String(1 + Math.floor(rng.next() * 9)).padStart(2, '0')}-${String(1 + Math.floor(rng.next() * 28)).padStart(2, '0')}`
        intro.run(uuidv7(t++, rng.bytes), ids[a]!, ids[b]!, rng.pick(prospects), date, status, date, status === 'won' ? 1000 * rng.int(50, 2000) : null, NOW, NOW)
        intros++
      }
    }
    for (let i = 1; i < n; i++) {
      add(i, 0, rng.int(1, 4))
      if (rng.chance(0.5)) add(0, i, rng.int(1, 2))
      const k = rng.chance(0.5) ? 1 : 2
      for (let j = 0; j < k; j++) {
        const o = 1 + Math.floor(rng.next() * (n - 1))
        if (o !== i && !edges.has(`${i}>${o}`)) add(i, o, rng.int(1, 2))
      }
    }
  })
  return { edges: edges.size, intros }
}
