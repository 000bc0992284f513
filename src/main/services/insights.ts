import type { SliceHandlers } from './types'
import type { BrokersResult, CommunitiesResult, insightsChannels, MeetingSuggestion, PowerTeams } from '../../shared/channels/insights'
import { AppError, notFound } from '../../shared/errors'
import type { Db } from '../db/connection'
import { insightLinks, insightPeople, networkConversion, networkVersion, predictorCells } from '../db/insights'
import { buildNetwork, foldTies, recordPrior, type InsightNetwork } from '../../core/insights/network'
import { findIntroducers, matchPeople } from '../../core/insights/introducers'
import { betweenness, rankBrokers, type BetweennessResult } from '../../core/insights/brokers'
import { detectCommunities } from '../../core/insights/communities'
import { powerTeams, suggestMeetings } from '../../core/insights/powerTeams'
import { MIN_DECIDED, predictorTable } from '../../core/insights/predictors'
import { resolvePeriod } from '../../core/analytics/period'
import { PRIOR_WEIGHT } from '../../core/analytics/scorecard'
import { todayIso, type ServiceContext } from './context'

/**
 * Insights are computed in the main process (never the renderer) and cached
 * per version of the network: the network, and each answer built from it, is
 * kept until anything in the file changes (see networkVersion) or the day does.
 */
interface Cache {
  db: Db
  key: string
  net: InsightNetwork
  brokers?: BetweennessResult
  communities?: CommunitiesResult
  powerTeams?: PowerTeams
  meetings?: MeetingSuggestion[]
}

export function loadNetwork(db: Db, today: string): InsightNetwork {
  const conv = networkConversion(db)
  return buildNetwork({
    people: insightPeople(db),
    ties: foldTies(insightLinks(db)),
    today,
    prior: recordPrior(conv.won, conv.decided, PRIOR_WEIGHT),
  })
}

export function insightsHandlers(ctx: ServiceContext): SliceHandlers<typeof insightsChannels> {
  let cache: Cache | null = null
  const current = (): Cache => {
    const db = ctx.store.db
    const today = todayIso(ctx)
    const key = `${networkVersion(db)}|${today}`
    if (!cache || cache.db !== db || cache.key !== key) cache = { db, key, net: loadNetwork(db, today) }
    return cache
  }
  const requireMe = (net: InsightNetwork) => {
    if (!net.meId) throw new AppError('CONFLICT', 'Set yourself as "me" on the People screen first: paths start from you.')
  }
  return {
    'insights:introducers': ({ targetId, company, profession, limit }) => {
      const { net } = current()
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
            field === 'company' ? `No one in your network works at a company matching "${q}".` : `No one in your network has a profession matching "${q}".`,
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
    'insights:brokers': ({ limit }): BrokersResult => {
      const c = current()
      c.brokers ??= betweenness(c.net.graph)
      return {
        items: rankBrokers(c.brokers.scores, limit).map((b) => {
          const p = c.net.people.get(b.personId)!
          return { ...b, name: p.name, profession: p.profession, company: p.company }
        }),
        exact: c.brokers.exact,
        sources: c.brokers.sources,
        people: c.net.graph.order,
      }
    },
    'insights:communities': () => {
      const c = current()
      return (c.communities ??= detectCommunities(c.net))
    },
    'insights:powerTeams': () => {
      const c = current()
      return (c.powerTeams ??= powerTeams(c.net))
    },
    'insights:suggestMeetings': () => {
      const c = current()
      return { items: (c.meetings ??= suggestMeetings(c.net)) }
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
