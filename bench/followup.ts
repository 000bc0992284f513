/**
 * Follow-up bench: the Today view (followup:today: who to thank, asks, tasks,
 * keep in touch, lapsing, plus materialising ask follow-ups) on generated networks.
 */
import { join } from 'node:path'
import { generateNetwork } from '../src/core/sample/generator'
import { tx } from '../src/backend/db/connection'
import { insertNetwork } from '../src/backend/db/bulk'
import { NetworkStore, type ServiceContext } from '../src/backend/services/context'
import { computeToday } from '../src/backend/services/followup'
import { insertInteraction } from '../src/backend/db/followup'
import { uuidv7 } from '../src/core/ids'
import { addDays } from '../src/core/dates'
import { writeSetting } from '../src/backend/db/settings'

interface Env {
  tmpDir: string
  quick: boolean
  log: (s: string) => void
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

const ms = (x: number) => (x >= 100 ? `${Math.round(x)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`)

export default async function run(env: Env) {
  const TODAY = '2026-10-31'
  const sizes: [number, number][] = env.quick ? [[300, 2]] : [[300, 2], [10_000, 10]]
  const rows: { case: string; size: string; value: string; note?: string }[] = []
  for (const [people, per] of sizes) {
    const net = generateNetwork({ people, introsPerPerson: per, seed: 2026, today: TODAY })
    const file = join(env.tmpDir, `bench-followup-${people}.referralmap`)
    const store = new NetworkStore(file)
    const ctx: ServiceContext = { store, dataDir: env.tmpDir, now: () => new Date(`${TODAY}T12:00:00Z`), transport: 'web', version: 'bench' }
    const db = store.db
    tx(db, () => {
      insertNetwork(db, net, `${TODAY}T12:00:00.000Z`)
      writeSetting(db, 'timeZone', 'UTC', `${TODAY}T12:00:00.000Z`)
      writeSetting(db, 'followup.defaultCadenceDays', 60, `${TODAY}T12:00:00.000Z`)
    })
    // An ask to every tenth person over the last 90 days, so follow-ups get materialised.
    const asks = Math.floor(people / 10)
    tx(db, () => {
      net.people.slice(1, asks + 1).forEach((p, i) =>
        insertInteraction(db, uuidv7(Date.parse(`${TODAY}T00:00:00Z`) - i), { personId: p.id, kind: 'ask', date: addDays(TODAY, -(i % 90)), method: 'email', introductionId: null, notes: null }, `${TODAY}T12:00:00.000Z`),
      )
    })
    const size = `${people} people, ${net.introductions.length} intros, ${asks} asks`
    const t0 = performance.now()
    const first = computeToday(ctx)
    const firstMs = performance.now() - t0
    const t: number[] = []
    for (let i = 0; i < 9; i++) {
      const a = performance.now()
      computeToday(ctx)
      t.push(performance.now() - a)
    }
    rows.push({ case: 'followup:today, first call (creates ask follow-ups)', size, value: ms(firstMs), note: `${first.created} tasks created` })
    const again = computeToday(ctx)
    rows.push({
      case: 'followup:today, median of 9',
      size,
      value: ms(median(t)),
      note: `thank ${again.thankWon.length}+${again.thankReceived.length}, ask ${again.askNow.length}, tasks ${again.tasks.length}, keep ${again.keepInTouch.length}, lapsing ${again.lapsing.length}`,
    })
    store.close()
  }
  return rows
}
