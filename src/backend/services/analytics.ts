import type { SliceHandlers } from './types'
import type { analyticsChannels, PeriodInput, Scorecard } from '../../shared/channels/analytics'
import { todayIso, type ServiceContext } from './context'
import { tx, type Db } from '../db/connection'
import { getMeId, personBrief, personExists } from '../db/people'
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
import { addCurrencyCounts, totalCounts, type Counts, type CurrencyCounts } from '../../core/analytics/counts'
import {
  buildScorecard,
  currenciesOf,
  moneyOf,
  networkFigures,
  networkPrior,
  RANKING_RULE,
  sortScorecards,
  type ScorecardKey,
} from '../../core/analytics/scorecard'
import type { ReportData, ReportLocale } from '../../core/formats/report'
import { resolveLanguage, resolveRegion, textIn } from '../../shared/i18n'
import { formatNumber, formatPercent } from '../../core/locale'
import { hostLocale } from './context'
import { formatMoney, formatMoneyList } from '../../core/money'
import { networkCounts } from '../db/files'
import { thankWonItems } from './followup'
import type { BetaPrior } from '../../core/analytics/quality'
import { amountIn, fromMinor, toMinor } from '../../core/money'
import { toCsv } from '../../core/formats/csv'
import { notFound } from '../../shared/errors'

interface Base {
  range: MonthRange
  prior: BetaPrior
  /** The main currency: the default currency setting. */
  currency: string
  meId: string | null
  /** Per partner, per currency. */
  counts: Map<string, Map<string, Counts>>
  cards: Scorecard[]
}

/** Everything a read needs: period, the network prior (whole network, unfiltered), per-partner counts and plain cards. */
function base(ctx: ServiceContext, db: Db, period: PeriodInput | undefined, f: PeriodFilter): Base {
  ensureSummaries(db)
  const range = resolvePeriod(period, todayIso(ctx))
  const currency = readSetting(db, 'currency')
  const meId = getMeId(db)
  const whole = totalCounts(monthTotals(db, range).map((m) => m.counts))
  const prior = networkPrior(whole)
  const counts = meId === null ? new Map<string, Map<string, Counts>>() : periodCounts(db, range, f)
  const names = partnerNames(db)
  const cards: Scorecard[] = []
  for (const [id, cc] of counts) {
    const p = names.get(id) ?? { id, name: '(unknown)', company: null }
    cards.push(buildScorecard(p, cc, prior, currency))
  }
  return { range, prior, currency, meId, counts, cards }
}

function withExtras(ctx: ServiceContext, db: Db, b: Base, cards: Scorecard[]): Scorecard[] {
  if (b.meId === null || cards.length === 0) return cards
  const extras = partnerExtras(db, b.meId, b.range, cards.map((c) => c.personId), todayIso(ctx))
  return cards.map((s) => {
    const x = extras.get(s.personId)
    if (!x) return s
    const cc = b.counts.get(s.personId) ?? new Map<string, Counts>()
    const person = { id: s.personId, name: s.name, company: s.company }
    return buildScorecard(person, cc, b.prior, b.currency, x)
  })
}

const period = (b: Base) => ({ preset: b.range.preset, from: b.range.from, to: b.range.to, label: b.range.label })
const prior = (b: Base) => ({ mean: b.prior.mean, weight: b.prior.weight })

export interface ScorecardQuery extends PeriodFilter {
  period?: PeriodInput | undefined
  sort?: ScorecardKey | undefined
  dir?: 'asc' | 'desc' | undefined
  offset?: number | undefined
  limit?: number | undefined
}

export interface ScorecardRows {
  base: Base
  /** The rows asked for (offset/limit), with every figure. */
  items: Scorecard[]
  total: number
  /** Every currency with money in these rows, the main currency first. */
  currencies: string[]
}

/**
 * The one source of scorecard rows, for Reports (`analytics:scorecards`), the
 * CSV export and the printable report: the summaries, sorted by default by the
 * ranking rule (RANKING_RULE in core/analytics/scorecard.ts).
 */
export function scorecardRows(ctx: ServiceContext, db: Db, q: ScorecardQuery): ScorecardRows {
  const b = base(ctx, db, q.period, q)
  const sorted = sortScorecards(b.cards, q.sort ?? 'rank', q.dir ?? 'desc', b.currency)
  const offset = q.offset ?? 0
  const items = withExtras(ctx, db, b, sorted.slice(offset, q.limit === undefined ? undefined : offset + q.limit))
  const currencies = currenciesOf(
    [...b.cards.flatMap((s) => [s.closedValue, s.givenValue]), ...items.map((s) => s.spinOffValue)],
    b.currency,
  )
  return { base: b, items, total: sorted.length, currencies }
}

type Cell = string | number | null

/** The scorecards CSV's columns; money gets one column per currency ("Closed value (EUR)"), in major units. */
export function csvColumns(currencies: readonly string[]): { header: string; get: (s: Scorecard) => Cell }[] {
  const money = (label: string, pick: (s: Scorecard) => Scorecard['closedValue']) =>
    currencies.map((cur) => ({ header: `${label} (${cur})`, get: (s: Scorecard): Cell => fromMinor(amountIn(pick(s), cur)) }))
  return [
    { header: 'Rank', get: () => null },
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
    { header: 'Ranking score (95% low)', get: (s) => round4(s.rank) },
    { header: 'Quality score', get: (s) => round4(s.quality) },
    { header: 'Quality low (95%)', get: (s) => round4(s.qualityLow) },
    { header: 'Quality high (95%)', get: (s) => round4(s.qualityHigh) },
    ...money('Closed value', (s) => s.closedValue),
    { header: 'Average days to won', get: (s) => round1(s.avgDaysToWon) },
    { header: 'Median days to won', get: (s) => round1(s.medianDaysToWon) },
    { header: 'Given', get: (s) => s.given },
    { header: 'Given won', get: (s) => s.givenWon },
    ...money('Given value', (s) => s.givenValue),
    { header: 'Balance (received - given)', get: (s) => s.balance },
    ...money('Value balance', (s) => s.valueBalance),
    { header: 'Last received', get: (s) => s.lastReceived },
    { header: 'Last given', get: (s) => s.lastGiven },
    { header: 'Lapsing', get: (s) => (s.lapsing ? 'yes' : 'no') },
    { header: 'Lapsing because', get: (s) => s.lapsingReason },
    ...money('Spin-off value', (s) => s.spinOffValue),
    { header: 'Spin-off won', get: (s) => s.spinOffWon },
  ]
}
function round4(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10000) / 10000
}
function round1(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10) / 10
}

/** The scorecards CSV: every partner in the period, in the ranking order, every figure (one source: scorecardRows). */
export function scorecardsCsv(ctx: ServiceContext, db: Db, q: ScorecardQuery): { filename: string; csv: string } {
  const r = scorecardRows(ctx, db, { ...q, offset: 0, limit: undefined })
  const cols = csvColumns(r.currencies)
  const csv = toCsv(
    cols.map((c) => c.header),
    r.items.map((s, i) => cols.map((c, j) => (j === 0 ? i + 1 : c.get(s)))),
  )
  const span = r.base.range.from && r.base.range.to ? `${r.base.range.from}_${r.base.range.to}` : 'all-time'
  return { filename: `scorecards_${span}.csv`, csv }
}

/** Network figures for a period and filter (Reports' summary, the printable report's figures). */
export function networkReport(ctx: ServiceContext, db: Db, q: PeriodFilter & { period?: PeriodInput | undefined }) {
  const b = base(ctx, db, q.period, q)
  const filtered = q.groupId !== undefined || q.tag !== undefined
  const months = filtered ? filteredMonthTotals(db, b.range, q) : monthTotals(db, b.range)
  let total: CurrencyCounts = new Map()
  for (const cc of b.counts.values()) total = addCurrencyCounts(total, cc)
  return networkFigures({
    period: period(b),
    currency: b.currency,
    total,
    prior: b.prior,
    cards: b.cards,
    medianDaysToWon: b.meId === null ? null : networkMedianDaysToWon(db, b.meId, b.range, filtered ? [...b.counts.keys()] : null),
    byMonth: months.map((m) => {
      const c = totalCounts(m.counts)
      return { month: m.month, received: c.r_n, given: c.g_n, won: c.r_won, closedValue: moneyOf(m.counts, 'r_won_value', b.currency) }
    }),
  })
}

/** How many partners the printable report lists. */
export const REPORT_ROWS = 25

/**
 * The printable report's data, all time: figures from networkReport, the
 * leaderboard from scorecardRows (the same rows and order as Reports and the
 * CSV), "who to thank" by the follow-up loop's rule (thankWonItems).
 */
/**
 * The printable report's language and region: the ones chosen in Settings, or the computer's when its language is
 * not English. Undefined (English, currency codes, ISO dates, the same on every machine) when nothing asks otherwise.
 */
export function reportLocale(db: Db): ReportLocale | undefined {
  const language = readSetting(db, 'language')
  const region = readSetting(db, 'region')
  const lang = resolveLanguage(language, [hostLocale()])
  if (language === null && region === null && lang === 'en') return undefined
  return { language: lang, region: resolveRegion(region, [hostLocale()]) }
}

export function reportData(ctx: ServiceContext, db: Db, networkName: string, graphPng?: string | null, locale?: ReportLocale): ReportData {
  const q = { period: { preset: 'all' as const } }
  const n = networkReport(ctx, db, q)
  const rows = scorecardRows(ctx, db, { ...q, limit: REPORT_ROWS })
  const counts = networkCounts(db)
  const today = todayIso(ctx)
  const me = getMeId(db)
  const main = n.currency
  const en = locale ? ({ locale: locale.region, whole: true, display: 'symbol' } as const) : { locale: 'en-US', whole: true }
  // In the report's language when one is asked for; else the English words and plain numbers, as before.
  const t = locale ? textIn(locale.language) : null
  const label = (key: 'people' | 'introductions' | 'partnersWhoIntroduced' | 'introductionsToYou' | 'won' | 'conversion' | 'wonValue', english: string) =>
    t ? t(`reports:print.figure.${key}`) : english
  const count = (x: number) => (locale ? formatNumber(x, locale.region) : String(x))
  return {
    networkName,
    generatedOn: today,
    currency: main,
    periodLabel: t ? t('reports:period.all') : n.period.label,
    figures: [
      { label: label('people', 'People'), value: count(counts.people) },
      { label: label('introductions', 'Introductions'), value: count(counts.introductions) },
      { label: label('partnersWhoIntroduced', 'Partners who introduced you'), value: count(rows.base.cards.filter((s) => s.received > 0).length) },
      { label: label('introductionsToYou', 'Introductions to you'), value: count(n.received) },
      { label: label('won', 'Won'), value: count(n.won) },
      {
        label: label('conversion', 'Conversion (won of decided)'),
        value: n.conversion === null ? '–' : locale ? formatPercent(n.conversion, locale.region) : `${Math.round(n.conversion * 100)}%`,
      },
      { label: label('wonValue', 'Won value'), value: n.closedValue.length ? formatMoneyList(n.closedValue, en) : formatMoney(0, main, en) },
    ],
    leaderboard: rows.items.map((s, i) => ({
      rank: i + 1,
      name: s.name,
      company: s.company,
      received: s.received,
      won: s.won,
      decided: s.decided,
      conversion: s.conversion,
      closedValue: s.closedValue,
    })),
    rankingRule: t ? t('reports:print.rule') : RANKING_RULE,
    toThank:
      me === null
        ? []
        : thankWonItems(db, me, today).items.map((t) => ({
            partner: t.referrerName,
            prospect: t.prospectName,
            date: t.since,
            value: t.value === null ? null : { currency: t.currency ?? main, minor: toMinor(t.value)! },
          })),
    graphPng: graphPng ?? null,
  }
}

export function analyticsHandlers(ctx: ServiceContext): SliceHandlers<typeof analyticsChannels> {
  const db = () => ctx.store.db
  return {
    'analytics:scorecards': (q) =>
      tx(db(), () => {
        const r = scorecardRows(ctx, db(), { ...q, sort: q.sort as ScorecardKey })
        return {
          period: period(r.base),
          prior: prior(r.base),
          currency: r.base.currency,
          currencies: r.currencies,
          items: r.items,
          total: r.total,
          offset: q.offset,
          limit: q.limit,
        }
      }),
    'analytics:network': (q) => tx(db(), () => networkReport(ctx, db(), q)),
    'analytics:partner': (q) =>
      tx(db(), () => {
        if (!personExists(db(), q.personId)) throw notFound('person', q.personId, 'personId')
        const b = base(ctx, db(), q.period, { personId: q.personId })
        let card = b.cards[0]
        if (!card) {
          card = buildScorecard(personBrief(db(), q.personId)!, new Map(), b.prior, b.currency)
        }
        const [full] = withExtras(ctx, db(), b, [card])
        return { period: period(b), prior: prior(b), currency: b.currency, scorecard: full ?? card }
      }),
    'analytics:exportCsv': (q) => tx(db(), () => scorecardsCsv(ctx, db(), q)),
  }
}
