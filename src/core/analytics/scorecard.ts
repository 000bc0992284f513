import type { Money, NetworkFigures, Rate, ResolvedPeriod, Scorecard, TopItem } from '../../shared/channels/analytics'
import { addCounts, emptyCounts, totalCounts, type Counts, type CurrencyCounts } from './counts'
import { amountIn, formatMoneyList, subtractMoney, sumByCurrency, type MoneyList } from '../money'
import { qualityScore, type BetaPrior } from './quality'
import { addDays, daysBetween } from '../dates'

/** How many decided introductions the network-average prior is worth. */
export const PRIOR_WEIGHT = 5

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null)

/**
 * The won value in a per-currency count set, per currency, main first. Money
 * recorded without a currency ('' in the summaries) counts in the main currency,
 * as the app fills the default currency in for an amount typed without one.
 */
export function moneyOf(cc: CurrencyCounts, key: 'r_won_value' | 'g_won_value', main: string): MoneyList {
  return sumByCurrency([...cc].map(([cur, c]) => ({ currency: cur || main, minor: c[key] })), main)
}

/** Amounts as recorded ('' = no currency) into a per-currency list, main first. */
export function moneyList(items: readonly Money[], main: string): MoneyList {
  return sumByCurrency(items.map((m) => ({ currency: m.currency || main, minor: m.minor })), main)
}

/**
 * The default order of the leaderboard, the report and the CSV: the low end of
 * the 95% Wilson band of won ÷ decided, highest first. It rewards evidence: 1
 * won of 1 decided scores 0.21, 10 won of 20 scores 0.30, 30 of 60 scores 0.38.
 */
export const RANKING_RULE =
  'Ranked by the low end of the 95% confidence band of won ÷ decided: a partner ranks high with a good conversion and enough decided introductions to show it (1 won of 1 ranks below 10 won of 20).'

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}


/**
 * The one lapsing rule, shared by the scorecards (Reports, the graph panel) and
 * the Today view's "Referrals lapsing" list.
 */
export const LAPSE = {
  /** Introductions received before their rhythm is known. */
  minIntroductions: 3,
  /** Silence: more than this many times their usual gap... */
  factor: 2,
  /** ...and more than this many days. */
  minDays: 60,
  /** Falling trend: the last window vs the window before it, in days. */
  windowDays: 90,
  /** Falling trend: at least this many in the earlier window. */
  minBefore: 4,
} as const

/** What the rule needs to know of a partner's flow to you; SQL can aggregate it. */
export interface FlowSummary {
  /** Introductions received from the partner, dated up to today. */
  count: number
  first: string
  last: string
  /** Received in the last LAPSE.windowDays days up to today. */
  recent: number
  /** Received in the LAPSE.windowDays days before those. */
  before: number
}

export type LapseReason = 'silence' | 'falling'

export interface Lapse {
  lapsing: boolean
  /** 'silence': quiet far beyond their rhythm; 'falling': the last window brought under half of the one before. */
  reason: LapseReason | null
  /** Average days between their introductions (null with too few). */
  usualGapDays: number | null
  daysSinceLast: number
}

/**
 * Lapsing: at least LAPSE.minIntroductions received, and either silence (days
 * since the last one > both LAPSE.minDays and LAPSE.factor x their average gap)
 * or a falling trend (at least LAPSE.minBefore in the window before the last
 * LAPSE.windowDays days, and fewer than half as many in the last one).
 */
export function lapseOf(s: FlowSummary, today: string): Lapse {
  const daysSinceLast = daysBetween(s.last, today)
  if (s.count < LAPSE.minIntroductions) return { lapsing: false, reason: null, usualGapDays: null, daysSinceLast }
  const usualGapDays = Math.round((daysBetween(s.first, s.last) / (s.count - 1)) * 10) / 10
  const reason: LapseReason | null =
    daysSinceLast > Math.max(LAPSE.factor * usualGapDays, LAPSE.minDays)
      ? 'silence'
      : s.before >= LAPSE.minBefore && s.recent * 2 < s.before
        ? 'falling'
        : null
  return { lapsing: reason !== null, reason, usualGapDays, daysSinceLast }
}

/** Why a flow counts as lapsing, in the app's words (tooltips on Reports and the Today view). */
export function lapseReasonText(reason: LapseReason): string {
  return reason === 'silence'
    ? `Quiet for more than ${LAPSE.minDays} days and more than ${LAPSE.factor} times their usual gap.`
    : `The last ${LAPSE.windowDays} days brought under half as many introductions as the ${LAPSE.windowDays} days before.`
}

/** The first day of the "recent" and of the "before" window for `today`. */
export function lapseWindows(today: string): { recentFrom: string; beforeFrom: string } {
  return { recentFrom: addDays(today, 1 - LAPSE.windowDays), beforeFrom: addDays(today, 1 - 2 * LAPSE.windowDays) }
}

/** The summary of a list of received dates (null when there are none up to today). */
export function flowSummary(receivedDates: readonly string[], today: string): FlowSummary | null {
  const ds = receivedDates.filter((d) => d <= today).sort()
  if (ds.length === 0) return null
  const w = lapseWindows(today)
  let recent = 0
  let before = 0
  for (const d of ds) {
    if (d >= w.recentFrom) recent++
    else if (d >= w.beforeFrom) before++
  }
  return { count: ds.length, first: ds[0]!, last: ds.at(-1)!, recent, before }
}

/** The rule over a list of received dates. */
export function lapseFromDates(receivedDates: readonly string[], today: string): Lapse | null {
  const s = flowSummary(receivedDates, today)
  return s ? lapseOf(s, today) : null
}

/** The Beta prior for a period: mean = the network's conversion (won ÷ decided of received), weight PRIOR_WEIGHT. */
export function networkPrior(total: Counts, weight = PRIOR_WEIGHT): BetaPrior {
  const decided = total.r_won + total.r_lost + total.r_naf
  return { mean: decided > 0 ? total.r_won / decided : 0, weight }
}

export interface ScorecardExtras {
  medianDaysToWon?: number | null
  lastReceived?: string | null
  lastGiven?: string | null
  lapsing?: boolean
  lapsingReason?: 'silence' | 'falling' | null
  /** As recorded, per currency ('' = none). */
  spinOffValue?: readonly Money[]
  spinOffWon?: number
}

/** One partner's scorecard from their period counts per currency; `main` is the main currency. */
export function buildScorecard(
  person: { id: string; name: string; company: string | null },
  cc: CurrencyCounts,
  prior: BetaPrior,
  main: string,
  x: ScorecardExtras = {},
): Scorecard {
  const c = totalCounts(cc)
  const decided = c.r_won + c.r_lost + c.r_naf
  const q = qualityScore(c.r_won, decided, prior)
  const closedValue = moneyOf(cc, 'r_won_value', main)
  const givenValue = moneyOf(cc, 'g_won_value', main)
  return {
    personId: person.id,
    name: person.name,
    company: person.company,
    received: c.r_n,
    byKind: { referral: c.r_referral, introduction: c.r_introduction, lead: c.r_lead },
    byOrigin: { inbound: c.r_inbound, outbound: c.r_outbound },
    open: c.r_open,
    won: c.r_won,
    lost: c.r_lost,
    notAFit: c.r_naf,
    decided,
    conversion: ratio(c.r_won, decided),
    winRate: ratio(c.r_won, c.r_n),
    rank: q?.low ?? null,
    quality: q?.score ?? null,
    qualityLow: q?.low ?? null,
    qualityHigh: q?.high ?? null,
    closedValue,
    avgDaysToWon: ratio(c.r_won_days, c.r_won),
    medianDaysToWon: x.medianDaysToWon ?? null,
    given: c.g_n,
    givenWon: c.g_won,
    givenValue,
    balance: c.r_n - c.g_n,
    valueBalance: subtractMoney(closedValue, givenValue, main),
    lastReceived: x.lastReceived ?? null,
    lastGiven: x.lastGiven ?? null,
    lapsing: x.lapsing ?? false,
    lapsingReason: x.lapsingReason ?? null,
    spinOffValue: moneyList(x.spinOffValue ?? [], main),
    spinOffWon: x.spinOffWon ?? 0,
  }
}

/** Every currency that has money in one of the lists, the main currency first (always listed). */
export function currenciesOf(lists: readonly (readonly Money[])[], main: string): string[] {
  const set = new Set<string>([main])
  for (const l of lists) for (const m of l) if (m.minor !== 0) set.add(m.currency)
  return [main, ...[...set].filter((c) => c !== main).sort()]
}

export function sumCounts(all: Iterable<Counts>): Counts {
  let t = emptyCounts()
  for (const c of all) t = addCounts(t, c)
  return t
}

const rate = (won: number, decided: number): Rate => ({ won, decided, conversion: ratio(won, decided) })

function top(cards: readonly Scorecard[], pick: (s: Scorecard) => number | null, detail: (s: Scorecard) => string, n = 5): TopItem[] {
  return cards
    .map((s) => ({ s, v: pick(s) }))
    .filter((x): x is { s: Scorecard; v: number } => x.v !== null && x.v !== 0)
    .sort((a, b) => b.v - a.v || a.s.name.localeCompare(b.s.name))
    .slice(0, n)
    .map(({ s, v }) => ({ personId: s.personId, name: s.name, value: v, detail: detail(s) }))
}

export interface NetworkInput {
  period: ResolvedPeriod
  /** The main currency. */
  currency: string
  /** Totals over every partner in the period (with the filter applied), per currency. */
  total: CurrencyCounts
  prior: BetaPrior
  cards: readonly Scorecard[]
  medianDaysToWon: number | null
  byMonth: NetworkFigures['byMonth']
}

/** Network-level figures: sums of the partners' counts, plus the top lists. */
export function networkFigures(n: NetworkInput): NetworkFigures {
  const t = totalCounts(n.total)
  const main = n.currency
  const decided = t.r_won + t.r_lost + t.r_naf
  const gDecided = t.g_won + t.g_lost + t.g_naf
  const closedValue = moneyOf(n.total, 'r_won_value', main)
  const givenValue = moneyOf(n.total, 'g_won_value', main)
  const currencies = currenciesOf([closedValue, givenValue, ...n.byMonth.map((m) => m.closedValue)], main)
  return {
    period: n.period,
    currency: main,
    currencies,
    prior: { mean: n.prior.mean, weight: n.prior.weight },
    partners: n.cards.length,
    introductions: t.r_n + t.g_n,
    received: t.r_n,
    given: t.g_n,
    open: t.r_open,
    won: t.r_won,
    decided,
    conversion: ratio(t.r_won, decided),
    winRate: ratio(t.r_won, t.r_n),
    closedValue,
    givenWon: t.g_won,
    givenDecided: gDecided,
    givenConversion: ratio(t.g_won, gDecided),
    givenValue,
    byOrigin: { inbound: rate(t.r_won_inbound, t.r_dec_inbound), outbound: rate(t.r_won_outbound, t.r_dec_outbound) },
    byKind: {
      referral: rate(t.r_won_referral, t.r_dec_referral),
      introduction: rate(t.r_won_introduction, t.r_dec_introduction),
      lead: rate(t.r_won_lead, t.r_dec_lead),
    },
    avgDaysToWon: ratio(t.r_won_days, t.r_won),
    medianDaysToWon: n.medianDaysToWon,
    byMonth: n.byMonth,
    topByQuality: top(n.cards, (s) => s.quality, (s) => `${s.won} won of ${s.decided} decided`),
    topByValue: top(
      n.cards,
      (s) => amountIn(s.closedValue, main),
      (s) => {
        const other = s.closedValue.filter((m) => m.currency !== main)
        return other.length ? `${s.won} won · also ${formatMoneyList(other, { whole: true, locale: 'en-US' })}` : `${s.won} won`
      },
    ),
    topByReciprocityGap: top(
      n.cards,
      (s) => Math.abs(s.balance),
      (s) => (s.balance > 0 ? `received ${s.received}, gave ${s.given}` : `gave ${s.given}, received ${s.received}`),
    ),
  }
}

export type ScorecardKey = keyof Pick<
  Scorecard,
  | 'name' | 'company' | 'received' | 'open' | 'won' | 'lost' | 'notAFit' | 'decided' | 'conversion' | 'winRate' | 'rank' | 'quality'
  | 'closedValue' | 'avgDaysToWon' | 'medianDaysToWon' | 'given' | 'givenWon' | 'givenValue' | 'balance' | 'valueBalance'
  | 'lastReceived' | 'lastGiven' | 'lapsing' | 'spinOffValue'
>

/**
 * Sorts scorecards by any column; nulls always last, ties by name. Money columns
 * sort by the amount in the main currency `main` (amounts in different
 * currencies cannot be compared without exchange rates, which the app does not keep).
 */
export function sortScorecards(cards: readonly Scorecard[], key: ScorecardKey, dir: 'asc' | 'desc', main = ''): Scorecard[] {
  const sign = dir === 'asc' ? 1 : -1
  const val = (s: Scorecard) => {
    const v = s[key]
    return Array.isArray(v) ? amountIn(v, main) : v
  }
  return [...cards].sort((a, b) => {
    const x = val(a)
    const y = val(b)
    if (x === null && y !== null) return 1
    if (y === null && x !== null) return -1
    let c = 0
    if (typeof x === 'string' && typeof y === 'string') c = x.localeCompare(y)
    else if (x !== null && y !== null) c = Number(x) - Number(y)
    return c * sign || a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId)
  })
}

/**
 * Spin-off credit (reference implementation): every won introduction *received*
 * from person P is credited to the one person who introduced P (P's
 * introducedById), when that is someone other than you. One level deep: each
 * won introduction is credited to at most one source, so no value is counted twice.
 */
export function spinOffCredit(
  won: readonly { referrerId: string; valueMinor: number }[],
  introducedBy: ReadonlyMap<string, string | null>,
  meId: string,
): Map<string, { valueMinor: number; won: number }> {
  const out = new Map<string, { valueMinor: number; won: number }>()
  for (const w of won) {
    const src = introducedBy.get(w.referrerId) ?? null
    if (src === null || src === meId || src === w.referrerId) continue
    const cur = out.get(src) ?? { valueMinor: 0, won: 0 }
    out.set(src, { valueMinor: cur.valueMinor + w.valueMinor, won: cur.won + 1 })
  }
  return out
}
