import type { SliceHandlers } from './types'
import type { BrokersResult, CommunitiesResult, insightsChannels, MeetingSuggestion, PowerTeams } from '../../shared/channels/insights'
import { AppError, notFound } from '../../shared/errors'
import type { Db } from '../db/connection'
import { insightLinks, insightPeople, networkConversion, networkVersion, predictorCells } from '../db/insights'
import { buildNetwork, buildNetworkSteps, foldTies, recordPrior, type InsightNetwork, type NetworkInput } from '../../core/insights/network'
import { findIntroducers, matchPeople } from '../../core/insights/introducers'
import { betweennessSteps, rankBrokers, type BetweennessResult } from '../../core/insights/brokers'
import { detectCommunities } from '../../core/insights/communities'
import { powerTeams, suggestMeetings } from '../../core/insights/powerTeams'
import { MIN_DECIDED, predictorTable } from '../../core/insights/predictors'
import { resolvePeriod } from '../../core/analytics/period'
import { PRIOR_WEIGHT } from '../../core/analytics/scorecard'
import { todayIso, type ServiceContext } from './context'

/**
 * Insights are computed in the backend (never the renderer) and cached per
 * version of the network: the network, and each answer built from it, is kept
 * until anything it is read from changes (see networkVersion) or the day does.
 * The long parts (building the network, sampled betweenness) run in slices that
 * give the event loop back between them, so other calls are answered meanwhile.
 */
interface Cache {
  db: Db
  key: string
  net: Promise<InsightNetwork>
  brokers?: Promise<BetweennessResult>
  communities?: CommunitiesResult
  powerTeams?: PowerTeams
  meetings?: MeetingSuggestion[]
}

/** Gives the event loop back (timers, other calls) before the next slice. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve))

async function drive<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
    await pause()
  }
}

/** Everything the network is built from, read in one go (one consistent view of the file). */
function readNetwork(db: Db) {
  return { conv: networkConversion(db), people: insightPeople(db), links: insightLinks(db) }
}

const toInput = (r: ReturnType<typeof readNetwork>, today: string, ties = foldTies(r.links)): NetworkInput => ({
  people: r.people,
  ties,
  today,
  prior: recordPrior(r.conv.won, r.conv.decided, PRIOR_WEIGHT),
})

export function loadNetwork(db: Db, today: string): InsightNetwork {
  return buildNetwork(toInput(readNetwork(db), today))
}

export async function loadNetworkSliced(db: Db, today: string): Promise<InsightNetwork> {
  const read = readNetwork(db)
  await pause()
  const ties = foldTies(read.links)
  await pause()
  return drive(buildNetworkSteps(toInput(read, today, ties)))
}

export function insightsHandlers(ctx: ServiceContext): SliceHandlers<typeof insightsChannels> {
  let cache: Cache | null = null
  const current = async (): Promise<Cache & { network: InsightNetwork }> => {
    const db = ctx.store.db
    const today = todayIso(ctx)
    const key = `${networkVersion(db)}|${today}`
    if (!cache || cache.db !== db || cache.key !== key) {
      const fresh: Cache = { db, key, net: loadNetworkSliced(db, today) }
      // A failed build is not kept: the next call tries again.
      fresh.net.catch(() => {
        if (cache === fresh) cache = null
      })
      cache = fresh
    }
    const c = cache
    return Object.assign(c, { network: await c.net })
  }
  const requireMe = (net: InsightNetwork) => {
    if (!net.meId) throw new AppError('CONFLICT', 'Set yourself as "me" on the People screen first: paths start from you.')
  }
  return {
    'insights:introducers': async ({ targetId, company, profession, limit }) => {
      const { network: net } = await current()
      requireMe(net)
      let targets: string[]
      if (targetId !== undefined) {
        if (!net.people.has(targetId)) throw notFound('person', targetId, 'targetId')
        if (targetId === net.meId) throw new AppError('VALIDATION', 'That is you: pick someone else.', 'targetId')
        targets = [targetId]
      } else {
        const field = company !== undefined ? 'company' : 'profession'
        const q = (company ?? profession)!
        targets = matchPeople(net.people.values(), field, q)
        if (!targets.length)
          throw new AppError(
            'NOT_FOUND',
            field === 'company' ? `No one in your network works at a company matching “${q}”.` : `No one in your network has a profession matching “${q}”.`,
            field,
          )
      }
      const people = targets.map((id) => net.people.get(id)!).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      return {
        targets: people.slice(0, 20).map((p) => ({ id: p.id, name: p.name, company: p.company, profession: p.profession })),
        targetCount: people.length,
        paths: findIntroducers(net, targets, limit),
      }
    },
    'insights:brokers': async ({ limit }): Promise<BrokersResult> => {
      const c = await current()
      const net = c.network
      const b = await (c.brokers ??= drive(betweennessSteps(net.graph)))
      return {
        items: rankBrokers(b.scores, limit).map((x) => {
          const p = net.people.get(x.personId)!
          return { ...x, name: p.name, profession: p.profession, company: p.company }
        }),
        exact: b.exact,
        sources: b.sources,
        people: net.graph.order,
      }
    },
    'insights:communities': async () => {
      const c = await current()
      return (c.communities ??= detectCommunities(c.network))
    },
    'insights:powerTeams': async () => {
      const c = await current()
      return (c.powerTeams ??= powerTeams(c.network))
    },
    'insights:suggestMeetings': async () => {
      const c = await current()
      return { items: (c.meetings ??= suggestMeetings(c.network)) }
    },
    'insights:predictors': ({ period }) => {
      const p = resolvePeriod(period, todayIso(ctx))
      const cells = predictorCells(ctx.store.db, p.from, p.to)
      let won = 0
      let decided = 0
      for (const c of cells) {
        won += c.won
        decided += c.decided
      }
      return {
        period: { preset: p.preset, from: p.from, to: p.to, label: p.label },
        minDecided: MIN_DECIDED,
        won,
        decided,
        rows: predictorTable(cells),
      }
    },
  }
}
