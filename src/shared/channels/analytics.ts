import { z } from 'zod'
import { channel } from '../channel'
import { Id, IsoDate, SortDir, Tag } from '../schemas'

/** Contract slice for the analytics feature (see contract.ts). */

export const PeriodPreset = z.enum(['quarter', 'year', 'last12', 'all', 'custom'])
export type PeriodPreset = z.infer<typeof PeriodPreset>

export const PeriodInput = z
  .object({ preset: PeriodPreset.default('last12'), from: IsoDate.optional(), to: IsoDate.optional() })
  .strict()
  .refine((p) => p.preset !== 'custom' || (p.from !== undefined && p.to !== undefined), {
    message: 'A custom period needs a start and an end date.',
    path: ['from'],
  })
  .refine((p) => p.from === undefined || p.to === undefined || p.from <= p.to, {
    message: 'The end date cannot be before the start date.',
    path: ['to'],
  })
export type PeriodInput = z.input<typeof PeriodInput>

export const ScorecardSort = z.enum([
  'rank',
  'quality',
  'name',
  'received',
  'won',
  'decided',
  'conversion',
  'closedValue',
  'given',
  'balance',
  'spinOffValue',
])

const Filter = {
  period: PeriodInput.optional().default({ preset: 'last12' }),
  groupId: Id.optional(),
  tag: Tag.optional(),
}

/**
 * An amount in one currency, in stored minor units (hundredths of the major
 * unit). Money of different currencies is never added: totals are lists of
 * these, one per currency, the main currency (the default currency setting)
 * first. Format with formatMoney in src/core/money.ts.
 */
export interface Money {
  currency: string
  minor: number
}

/** The period a figure covers, resolved to whole months (inclusive dates). */
export interface ResolvedPeriod {
  preset: PeriodPreset
  /** First day covered, or null for all time. */
  from: string | null
  /** Last day covered, or null for all time. */
  to: string | null
  label: string
}

export interface Rate {
  won: number
  decided: number
  /** won ÷ decided, null when nothing is decided. */
  conversion: number | null
}

export interface Scorecard {
  personId: string
  name: string
  company: string | null
  /** Received from them (referrer = partner, receiver = you). */
  received: number
  byKind: { referral: number; introduction: number; lead: number }
  byOrigin: { inbound: number; outbound: number }
  open: number
  won: number
  lost: number
  notAFit: number
  decided: number
  /** won ÷ decided. */
  conversion: number | null
  /** won ÷ received. */
  winRate: number | null
  /**
   * The ranking score: the low end of the 95% Wilson band of won ÷ decided, so a
   * partner ranks high only with a good rate *and* enough decided introductions
   * (1 won of 1: 0.21; 10 won of 20: 0.30). Null when nothing is decided.
   */
  rank: number | null
  /** Conversion shrunk toward the network average, clamped into the Wilson band. */
  quality: number | null
  qualityLow: number | null
  qualityHigh: number | null
  /** Value of won introductions they sent you, per currency. */
  closedValue: Money[]
  avgDaysToWon: number | null
  medianDaysToWon: number | null
  /** Given by you to them (referrer = you, receiver = partner). */
  given: number
  givenWon: number
  /** Value of won introductions you gave them, per currency. */
  givenValue: Money[]
  /** received - given. */
  balance: number
  /** closedValue - givenValue, per currency. */
  valueBalance: Money[]
  lastReceived: string | null
  lastGiven: string | null
  lapsing: boolean
  /** Why they count as lapsing: quiet far beyond their rhythm, or a falling trend (see LAPSE in core/analytics/scorecard.ts). */
  lapsingReason: 'silence' | 'falling' | null
  /** Won value sent to you by people they introduced (one level), per currency, not part of closedValue or any total. */
  spinOffValue: Money[]
  spinOffWon: number
}

export interface NetworkFigures {
  period: ResolvedPeriod
  /** The main currency (the default currency setting). */
  currency: string
  /** Every currency with money in the period, the main currency first. */
  currencies: string[]
  prior: { mean: number; weight: number }
  partners: number
  introductions: number
  received: number
  given: number
  open: number
  won: number
  decided: number
  conversion: number | null
  winRate: number | null
  closedValue: Money[]
  givenWon: number
  givenDecided: number
  givenConversion: number | null
  givenValue: Money[]
  byOrigin: { inbound: Rate; outbound: Rate }
  byKind: { referral: Rate; introduction: Rate; lead: Rate }
  avgDaysToWon: number | null
  medianDaysToWon: number | null
  byMonth: { month: string; received: number; given: number; won: number; closedValue: Money[] }[]
  topByQuality: TopItem[]
  topByValue: TopItem[]
  topByReciprocityGap: TopItem[]
}

export interface TopItem {
  personId: string
  name: string
  /** The ranked figure: a rate, a count, or (top by value) minor units of the main currency. */
  value: number
  detail: string
}

export interface ScorecardPage {
  period: ResolvedPeriod
  prior: { mean: number; weight: number }
  /** The main currency (the default currency setting). */
  currency: string
  /** Every currency with money in the period, the main currency first. */
  currencies: string[]
  items: Scorecard[]
  total: number
  offset: number
  limit: number
}

export const analyticsChannels = {
  'analytics:scorecards': channel<ScorecardPage>()(
    z
      .object({
        ...Filter,
        sort: ScorecardSort.default('rank'),
        dir: SortDir.default('desc'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(500),
      })
      .strict()
      .optional()
      .default({ period: { preset: 'last12' }, sort: 'rank', dir: 'desc', offset: 0, limit: 500 }),
  ),
  'analytics:network': channel<NetworkFigures>()(
    z.object(Filter).strict().optional().default({ period: { preset: 'last12' } }),
  ),
  'analytics:partner': channel<{ period: ResolvedPeriod; prior: { mean: number; weight: number }; currency: string; scorecard: Scorecard }>()(
    z.object({ personId: Id, period: Filter.period }).strict(),
  ),
  'analytics:exportCsv': channel<{ filename: string; csv: string }>()(
    z.object(Filter).strict().optional().default({ period: { preset: 'last12' } }),
  ),
}
