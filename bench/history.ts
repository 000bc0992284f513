/**
 * Change log bench: what recording every change costs a user action, against the
 * ceiling of the same action through the same dispatch with the capture
 * triggers dropped and the handlers unwrapped (the least work that writes the same
 * rows); and what an undo
 * and the history list cost, on generated networks.
 */
import { join } from 'node:path'
import { generateNetwork } from '../src/core/sample/generator'
import { openDatabase, tx, withIndexesDeferred } from '../src/backend/db/connection'
import { insertNetwork } from '../src/backend/db/bulk'
import { getMeId } from '../src/backend/db/people'
import { installCapture } from '../src/backend/db/history'
import { createHandlers, NetworkStore, type ServiceContext } from '../src/backend/services'
import { dispatch } from '../src/backend/dispatch'
import { peopleHandlers } from '../src/backend/services/people'
import { introductionsHandlers } from '../src/backend/services/introductions'
import type { Handlers } from '../src/backend/services/types'

interface Env {
  tmpDir: string
  quick: boolean
  log: (s: string) => void
}

const BULK_TABLES = ['people', 'person_tags', 'memberships', 'introductions', 'introduction_status_history', 'interactions']
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[s.length >> 1]!
}
const ms = (x: number) => (x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`)

export default async function run(env: Env) {
  const sizes = env.quick ? [1000] : [1000, 10_000]
  const rounds = env.quick ? 60 : 200
  const rows: { case: string; size: string; value: string; note?: string }[] = []
  for (const people of sizes) {
    const size = `${people / 1000}k people`
    env.log(`history: generating ${size}…`)
    const net = generateNetwork({ people, introsPerPerson: 10, seed: 2026, today: '2026-10-31' })
    const file = join(env.tmpDir, `history-${people}.referralmap`)
    const fresh = openDatabase(file)
    tx(fresh, () => withIndexesDeferred(fresh, BULK_TABLES, () => insertNetwork(fresh, net, '2026-10-31T12:00:00.000Z')))
    fresh.close()
    const store = new NetworkStore(file)
    let now = Date.parse('2026-11-01T09:00:00Z')
    const ctx: ServiceContext = { store, dataDir: env.tmpDir, now: () => new Date((now += 1000)), transport: 'ipc', version: 'bench' }
    const h = createHandlers(ctx)
    const db = store.db
    const me = getMeId(db)!
    const ids = (db.prepare('SELECT id FROM people WHERE is_me = 0 AND deleted_at IS NULL LIMIT 500').all() as { id: string }[]).map((r) => r.id)
    const dropCapture = () => {
      for (const t of db.prepare("SELECT name FROM sqlite_temp_schema WHERE type = 'trigger'").all() as { name: string }[]) db.exec(`DROP TRIGGER temp."${t.name}"`)
    }
    // The ceiling: the same handlers, unwrapped (no capture), on the same connection with the triggers dropped.
    const bare = { ...peopleHandlers(ctx), ...introductionsHandlers(ctx) } as unknown as Handlers
    let useBare = false
    const call = async (ch: string, input: unknown) => {
      const r = await dispatch(useBare ? bare : h, ch, input)
      if (!r.ok) throw new Error(`${ch}: ${r.error.message}`)
      return r.data
    }
    const edit = (i: number) => call('people:update', { id: ids[i % ids.length], city: `City ${i}` })
    const record = (i: number) =>
      call('introductions:create', { referrerId: ids[i % ids.length], receiverId: me, prospect: { new: { name: `Prospect ${i}` } }, date: '2026-10-30' })
    // Interleaved rounds: with the log, then the ceiling, so drift hits both alike.
    const t = { editLog: [] as number[], editBare: [] as number[], recLog: [] as number[], recBare: [] as number[], undo: [] as number[], list: [] as number[] }
    for (let i = 0; i < rounds; i++) {
      for (const logged of [true, false]) {
        if (logged) installCapture(db)
        else dropCapture()
        useBare = !logged
        let a = performance.now()
        await edit(i)
        ;(logged ? t.editLog : t.editBare).push(performance.now() - a)
        a = performance.now()
        await record(i)
        ;(logged ? t.recLog : t.recBare).push(performance.now() - a)
      }
    }
    installCapture(db)
    useBare = false
    for (let i = 0; i < Math.min(rounds, 100); i++) {
      await edit(i)
      let a = performance.now()
      await call('history:undo', {})
      t.undo.push(performance.now() - a)
      a = performance.now()
      await call('history:list', {})
      t.list.push(performance.now() - a)
    }
    const changes = (db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n
    store.close()
    const ratio = (a: number[], b: number[]) => (median(b) / median(a)).toFixed(2)
    rows.push(
      { case: 'edit a person (people:update), change log on', size, value: ms(median(t.editLog)), note: `ceiling without the log ${ms(median(t.editBare))}; ratio ${ratio(t.editLog, t.editBare)}` },
      { case: 'record an introduction with a new prospect, change log on', size, value: ms(median(t.recLog)), note: `ceiling ${ms(median(t.recBare))}; ratio ${ratio(t.recLog, t.recBare)}` },
      { case: 'undo the last edit (history:undo)', size, value: ms(median(t.undo)), note: `median of ${t.undo.length}` },
      { case: 'history:list (Edit menu labels)', size, value: ms(median(t.list)), note: `${changes} change rows logged by then` },
    )
  }
  return rows
}
