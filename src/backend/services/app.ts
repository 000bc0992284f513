import { generateNetwork } from '../../core/sample/generator'
import { uuidv7 } from '../../core/ids'
import { AppError } from '../../shared/errors'
import type { AppInfo } from '../../shared/types'
import type { ParsedInput } from '../../shared/contract'
import { tx } from '../db/connection'
import { insertNetwork } from '../db/bulk'
import { SCHEMA_VERSION, schemaVersionOf } from '../db/migrate'
import { countPeople, getMeId, insertPerson } from '../db/people'
import { writeSetting } from '../db/settings'
import { nowIso, timeZoneOf, todayIso, type ServiceContext } from './context'

export function appInfo(ctx: ServiceContext): AppInfo {
  const db = ctx.store.db
  const people = countPeople(db)
  const base = ctx.store.file.split(/[\\/]/).pop() ?? ctx.store.file
  return {
    version: ctx.version,
    dataFile: ctx.store.file,
    transport: ctx.transport,
    schemaVersion: schemaVersionOf(db),
    isEmpty: people === 0,
    meId: getMeId(db),
    networkName: base.replace(/\.[^.]+$/, ''),
    today: todayIso(ctx),
    timeZone: timeZoneOf(ctx),
  }
}

export function appHandlers(ctx: ServiceContext) {
  const db = () => ctx.store.db
  const requireEmpty = () => {
    if (!appInfo(ctx).isEmpty)
      throw new AppError('CONFLICT', 'This network already has people in it; the first-run choice is only for an empty network.')
  }
  return {
    'app:info': () => appInfo(ctx),
    'app:startEmpty': ({ meName, profile }: ParsedInput<'app:startEmpty'>) =>
      tx(db(), () => {
        requireEmpty()
        const p = profile ?? {}
        const now = nowIso(ctx)
        insertPerson(
          db(),
          uuidv7(ctx.now().getTime()),
          { name: meName, isMe: true, profession: p.profession ?? null, company: p.company ?? null, idealClient: p.idealClient ?? null },
          now,
        )
        if (p.peopleLikeMe) writeSetting(db(), 'followup.peopleLikeMe', p.peopleLikeMe, now, 'profile.peopleLikeMe')
        return appInfo(ctx)
      }),
    'app:loadSample': ({ seed }: { seed?: number | undefined }) => {
      const net = generateNetwork({ seed: seed ?? 42, people: 300, introsPerPerson: 2, today: todayIso(ctx) })
      tx(db(), () => {
        requireEmpty()
        insertNetwork(db(), net, nowIso(ctx))
        writeSetting(db(), 'sample', { seed: seed ?? 42, loadedAt: nowIso(ctx) }, nowIso(ctx))
      })
      return { ...appInfo(ctx), people: net.people.length, introductions: net.introductions.length }
    },
  }
}

export { SCHEMA_VERSION }
