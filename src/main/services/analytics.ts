import type { SliceHandlers } from './types'
import type { analyticsChannels, PeriodInput, Scorecard } from '../../shared/channels/analytics'
import { todayIso, type ServiceContext } from './context'
import { tx, type Db } from '../db/connection'
import { getMeId, personExists } from '../db/people'
import { readSetting } from '../db/settings'
import {
  ensureSummaries,
  filteredMonthTotals,
  monthTotals,
  networkMedianDaysToWon,
  partnerExtras,
  partnerNames,
  periodCounts,
  type PeriodFilter,
} from '../db/analytics'
import { resolvePeriod, type MonthRange } from '../../core/analytics/period'
import { emptyCounts, type Counts } from '../../core/analytics/counts'
import {
  buildScorecard,
  networkFigures,
  networkPrior,
  sortScorecards,
  sumCounts,
  toMajor,
  type ScorecardKey,
} from '../../core/analytics/scorecard'
import type { BetaPrior } from '../../core/analytics/quality'
import { toCsv } from '../../core/analytics/csv'
import { notFound } from '../../shared/errors'

interface Base {
  range: MonthRange
  prior: BetaPrior
  currency: string
  meId: string | null
  counts: Map<string, Counts>
  cards: Scorecard[]
}

/** Everything a read needs: period, the network prior (whole network, unfiltered), per-partner counts and plain cards. */
function base(ctx: ServiceContext, db: Db, period: PeriodInput | undefined, f: PeriodFilter): Base {
  ensureSummaries(db)
  const range = resolvePeriod(period, todayIso(ctx))
  const currency = readSetting(db, 'currency')
  const meId = getMeId(db)
  const whole = sumCounts(monthTotals(db, range).map((m) => m.counts))
  const prior = networkPrior(whole)
  const counts = meId === null ? new Map<string, Counts>() : periodCounts(db, range, f)
  const names = partnerNames(db)
  const cards: Scorecard[] = []
  for (const [id, c] of counts) {
    const p = names.get(id) ?? { id, name: '(unknown)', company: null }
    cards.push(buildScorecard(p, c, prior))
  }
  return { range, prior, currency, meId, counts, cards }
}

function withExtras(ctx: ServiceContext, db: Db, b: Base, cards: Scorecard[]): Scorecard[] {
  if (b.meId === null || cards.length === 0) return cards
  const extras = partnerExtras(db, b.meId, b.range, cards.map((c) => c.personId), todayIso(ctx))
  return cards.map((s) => {
    const x = extras.get(s.personId)
    if (!x) return s
    return {
      ...s,
      medianDaysToWon: x.medianDaysToWon,
      lastReceived: x.lastReceived,
      lastGiven: x.lastGiven,
      lapsing: x.lapsing,
      lapsingReason: x.lapsingReason,
      spinOffValue: toMajor(x.spinOffValueMinor),
      spinOffWon: x.spinOffWon,
    }
  })
}

const period = (b: Base) => ({ preset: b.range.preset, from: b.range.from, to: b.range.to, label: b.range.label })
const prior = (b: Base) => ({ mean: b.prior.mean, weight: b.prior.weight })

export const CSV_COLUMNS: { header: string; get: (s: Scorecard) => string | number | boolean | null }[] = [
  { header: 'Partner', get: (s) => s.name },
  { header: 'Company', get: (s) => s.company },
  { header: 'Received', get: (s) => s.received },
  { header: 'Referrals', get: (s) => s.byKind.referral },
  { header: 'Introductions', get: (s) => s.byKind.introduction },
  { header: 'Leads', get: (s) => s.byKind.lead },
  { header: 'Inbound', get: (s) => s.byOrigin.inbound },
  { header: 'Outbound', get: (s) => s.byOrigin.outbound },
  { header: 'Open', get: (s) => s.open },
  { header: 'Won', get: (s) => s.won },
  { header: 'Lost', get: (s) => s.lost },
  { header: 'Not a fit', get: (s) => s.notAFit },
  { header: 'Decided', get: (s) => s.decided },
  { header: 'Conversion (won/decided)', get: (s) => round4(s.conversion) },
  { header: 'Won/all', get: (s) => round4(s.winRate) },
  { header: 'Quality score', get: (s) => round4(s.quality) },
  { header: 'Quality low (95%)', get: (s) => round4(s.qualityLow) },
  { header: 'Quality high (95%)', get: (s) => round4(s.qualityHigh) },
  { header: 'Closed value', get: (s) => s.closedValue },
  { header: 'Average days to won', get: (s) => round1(s.avgDaysToWon) },
  { header: 'Median days to won', get: (s) => round1(s.medianDaysToWon) },
  { header: 'Given', get: (s) => s.given },
  { header: 'Given won', get: (s) => s.givenWon },
  { header: 'Given value', get: (s) => s.givenValue },
  { header: 'Balance (received - given)', get: (s) => s.balance },
  { header: 'Value balance', get: (s) => s.valueBalance },
  { header: 'Last received', get: (s) => s.lastReceived },
  { header: 'Last given', get: (s) => s.lastGiven },
  { header: 'Lapsing', get: (s) => s.lapsing },
  { header: 'Lapsing because', get: (s) => s.lapsingReason },
  { header: 'Spin-off value', get: (s) => s.spinOffValue },
  { header: 'Spin-off won', get: (s) => s.spinOffWon },
]
function round4(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10000) / 10000
}
function round1(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10) / 10
}

export function analyticsHandlers(ctx: ServiceContext): SliceHandlers<typeof analyticsChannels> {
  const db = () => ctx.store.db
  return {
    'analytics:scorecards': (q) =>
      tx(db(), () => {
        const b = base(ctx, db(), q.period, q)
        const sorted = sortScorecards(b.cards, q.sort as ScorecardKey, q.dir)
        const page = withExtras(ctx, db(), b, sorted.slice(q.offset, q.offset + q.limit))
        return { period: period(b), prior: prior(b), currency: b.currency, items: page, total: sorted.length, offset: q.offset, limit: q.limit }
      }),
    'analytics:network': (q) =>
      tx(db(), () => {
        const b = base(ctx, db(), q.period, q)
        const filtered = q.groupId !== undefined || q.tag !== undefined
        const months = filtered ? filteredMonthTotals(db(), b.range, q) : monthTotals(db(), b.range)
        return networkFigures({
          period: period(b),
          currency: b.currency,
          total: sumCounts(b.counts.values()),
          prior: b.prior,
          cards: b.cards,
          medianDaysToWon:
            b.meId === null ? null : networkMedianDaysToWon(db(), b.meId, b.range, filtered ? [...b.counts.keys()] : null),
          byMonth: months.map((m) => ({
            month: m.month,
            received: m.counts.r_n,
            given: m.counts.g_n,
            won: m.counts.r_won,
            closedValue: toMajor(m.counts.r_won_value),
          })),
        })
      }),
    'analytics:partner': (q) =>
      tx(db(), () => {
        if (!personExists(db(), q.personId)) throw notFound('person', q.personId, 'personId')
        const b = base(ctx, db(), q.period, { personId: q.personId })
        let card = b.cards[0]
        if (!card) {
          const p = db().prepare('SELECT id, name, company FROM people WHERE id = ?').get(q.personId) as {
            id: string
            name: string
            company: string | null
          }
          card = buildScorecard(p, emptyCounts(), b.prior)
        }
        const [full] = withExtras(ctx, db(), b, [card])
        return { period: period(b), prior: prior(b), currency: b.currency, scorecard: full ?? card }
      }),
    'analytics:exportCsv': (q) =>
      tx(db(), () => {
        const b = base(ctx, db(), q.period, q)
        const cards = withExtras(ctx, db(), b, sortScorecards(b.cards, 'quality', 'desc'))
        const csv = toCsv(
          CSV_COLUMNS.map((c) => c.header),
          cards.map((s) => CSV_COLUMNS.map((c) => c.get(s))),
        )
        const span = b.range.from && b.range.to ? `${b.range.from}_${b.range.to}` : 'all-time'
        return { filename: `scorecards_${span}.csv`, csv }
      }),
  }
}
