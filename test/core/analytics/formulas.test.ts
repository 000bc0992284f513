import { describe, expect, test } from 'vitest'
import { qualityScore, shrunkRate, wilsonInterval } from '../../../src/core/analytics/quality'
import { COUNT_KEYS, countsFromValues, countsOf, countByPartner, emptyCounts, type Counts, type IntroFact } from '../../../src/core/analytics/counts'
import {
  buildScorecard,
  flowSummary,
  lapseFromDates,
  lapseReasonText,
  lapseWindows,
  median,
  networkFigures,
  networkPrior,
  sortScorecards,
  spinOffCredit,
  sumCounts,
} from '../../../src/core/analytics/scorecard'
import { monthEnd, resolvePeriod, shiftMonth } from '../../../src/core/analytics/period'

const prior = { mean: 0.5, weight: 5 }
const fact = (p: Partial<IntroFact>): IntroFact => ({
  partnerId: 'a',
  direction: 'received',
  kind: 'referral',
  origin: 'inbound',
  status: 'new',
  date: '2026-01-10',
  statusDate: '2026-01-10',
  valueMinor: null,
  ...p,
})
const person = { id: 'a', name: 'Ann', company: null }
/** Counts recorded in one currency (EUR, the main currency of these tests). */
const eur = (c: Counts) => new Map([['EUR', c]])

describe('quality score (hand-computed)', () => {
  test('no decided introductions: no score, no band', () => {
    expect(qualityScore(0, 0, prior)).toBeNull()
    expect(wilsonInterval(0, 0)).toBeNull()
    const s = buildScorecard(person, eur(countsOf(fact({ status: 'meeting' }))), prior, 'EUR')
    expect(s).toMatchObject({ received: 1, open: 1, decided: 0, conversion: null, quality: null, qualityLow: null })
    expect(s.winRate).toBe(0)
  })
  test('a single won: pulled toward the prior, never 100%', () => {
    // shrunk = (1 + 0.5*5) / (1 + 5) = 0.58333; Wilson(1, 1) = [0.2065, 1]
    expect(shrunkRate(1, 1, prior)).toBeCloseTo(0.583333, 5)
    const q = qualityScore(1, 1, prior)!
    expect(q.score).toBeCloseTo(0.583333, 5)
    expect(q.low).toBeCloseTo(0.2065, 4)
    expect(q.high).toBe(1)
    expect(q.decided).toBe(1)
  })
  test('all lost: above zero but below the prior, band from 0', () => {
    // shrunk = 2.5 / 9 = 0.27778; Wilson(0, 4) = [0, 0.48990]
    const q = qualityScore(0, 4, prior)!
    expect(q.score).toBeCloseTo(0.277778, 5)
    expect(q.low).toBe(0)
    expect(q.high).toBeCloseTo(0.4899, 4)
  })
  test('a steady record beats one lucky referral', () => {
    const lucky = qualityScore(1, 1, { mean: 0.3, weight: 5 })!
    const steady = qualityScore(16, 20, { mean: 0.3, weight: 5 })!
    expect(steady.score).toBeGreaterThan(lucky.score)
  })
  test('the score is clamped into the band when the prior is far away', () => {
    const q = qualityScore(50, 50, { mean: 0, weight: 1000 })!
    expect(q.score).toBe(q.low)
  })
})

describe('counts and scorecards', () => {
  test('countsFromValues reads the values in COUNT_KEYS order, from any offset', () => {
    const values = COUNT_KEYS.map((_, i) => i + 1)
    const c = countsFromValues(['partner-id', ...values], 1)
    expect(Object.keys(c)).toEqual([...COUNT_KEYS])
    COUNT_KEYS.forEach((k, i) => expect(c[k], k).toBe(i + 1))
    expect(Object.values(emptyCounts()).every((v) => v === 0)).toBe(true)
    expect(Object.keys(emptyCounts())).toEqual([...COUNT_KEYS])
  })

  test('won with zero value counts as won with 0 closed value', () => {
    const c = countsOf(fact({ status: 'won', statusDate: '2026-02-09', valueMinor: 0 }))
    const s = buildScorecard(person, eur(c), prior, 'EUR')
    expect(s).toMatchObject({ won: 1, decided: 1, closedValue: [], avgDaysToWon: 30, conversion: 1, winRate: 1 })
  })
  test('won without a value counts as won, value 0', () => {
    const s = buildScorecard(person, eur(countsOf(fact({ status: 'won', valueMinor: null }))), prior, 'EUR')
    expect(s.won).toBe(1)
    expect(s.closedValue).toEqual([])
  })
  test('conversion = won / decided, won/all = won / received; lost and not a fit are decided', () => {
    const facts = [
      fact({ status: 'won', valueMinor: 123456, statusDate: '2026-01-20' }),
      fact({ status: 'lost', kind: 'lead', origin: 'outbound' }),
      fact({ status: 'not_a_fit', kind: 'introduction' }),
      fact({ status: 'proposal' }),
      fact({ direction: 'given', status: 'won', valueMinor: 5000 }),
    ]
    const c = countByPartner(facts).get('a')!
    const s = buildScorecard(person, eur(c), prior, 'EUR')
    expect(s).toMatchObject({
      received: 4,
      won: 1,
      lost: 1,
      notAFit: 1,
      open: 1,
      decided: 3,
      closedValue: [{ currency: 'EUR', minor: 123456 }],
      given: 1,
      givenWon: 1,
      givenValue: [{ currency: 'EUR', minor: 5000 }],
      balance: 3,
      valueBalance: [{ currency: 'EUR', minor: 118456 }],
      byKind: { referral: 2, introduction: 1, lead: 1 },
      byOrigin: { inbound: 3, outbound: 1 },
      avgDaysToWon: 10,
    })
    expect(s.conversion).toBeCloseTo(1 / 3)
    expect(s.winRate).toBeCloseTo(1 / 4)
  })
  test('network figures: conversion side by side by origin and kind', () => {
    const facts = [
      fact({ partnerId: 'a', status: 'won', origin: 'inbound', kind: 'referral' }),
      fact({ partnerId: 'a', status: 'lost', origin: 'outbound', kind: 'referral' }),
      fact({ partnerId: 'b', status: 'won', origin: 'outbound', kind: 'lead' }),
      fact({ partnerId: 'b', status: 'lost', origin: 'outbound', kind: 'lead' }),
      fact({ partnerId: 'b', status: 'new', origin: 'inbound', kind: 'lead' }),
    ]
    const m = countByPartner(facts)
    const total = sumCounts(m.values())
    const p = networkPrior(total)
    expect(p).toEqual({ mean: 0.5, weight: 5 })
    const cards = [...m].map(([id, c]) => buildScorecard({ id, name: id, company: null }, eur(c), p, 'EUR'))
    const n = networkFigures({
      period: { preset: 'all', from: null, to: null, label: 'All time' },
      currency: 'EUR',
      total: eur(total),
      prior: p,
      cards,
      medianDaysToWon: null,
      byMonth: [],
    })
    expect(n.byOrigin.inbound).toEqual({ won: 1, decided: 1, conversion: 1 })
    expect(n.byOrigin.outbound.conversion).toBeCloseTo(1 / 3)
    expect(n.byKind.referral).toEqual({ won: 1, decided: 2, conversion: 0.5 })
    expect(n.byKind.lead.conversion).toBe(0.5)
    expect(n.byKind.introduction.conversion).toBeNull()
    expect(n.received).toBe(5)
    expect(n.conversion).toBe(0.5)
  })
  test('an empty network has no prior mean to speak of and no conversion', () => {
    expect(networkPrior(emptyCounts()).mean).toBe(0)
  })
})

describe('median and lapsing', () => {
  test('median of odd, even and empty lists', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNull()
  })
  test('lapsing by silence needs 3 introductions and quiet beyond max(60 days, 2x their average gap)', () => {
    const monthly = ['2026-01-01', '2026-02-01', '2026-03-01'] // average gap 59 / 2 = 29.5
    expect(lapseFromDates(monthly, '2026-04-15')).toEqual({ lapsing: false, reason: null, usualGapDays: 29.5, daysSinceLast: 45 })
    expect(lapseFromDates(monthly, '2026-05-05')).toMatchObject({ lapsing: true, reason: 'silence', daysSinceLast: 65 }) // 65 > 60 > 59
    expect(lapseFromDates(monthly.slice(0, 2), '2027-01-01')).toMatchObject({ lapsing: false, reason: null, usualGapDays: null }) // too few
    const quarterly = ['2025-01-01', '2025-04-01', '2025-07-01'] // average gap 90.5
    expect(lapseFromDates(quarterly, '2025-11-01')).toMatchObject({ lapsing: false, daysSinceLast: 123 }) // 123 < 181
    expect(lapseFromDates(quarterly, '2026-01-01')).toMatchObject({ lapsing: true, reason: 'silence' }) // 184 > 181
    expect(lapseFromDates([], '2026-01-01')).toBeNull()
    expect(lapseFromDates(['2027-01-01'], '2026-01-01')).toBeNull() // nothing up to today
  })
  test('lapsing by a falling trend: the last 90 days brought under half of the 90 before (at least 4 then)', () => {
    expect(lapseWindows('2026-06-30')).toEqual({ recentFrom: '2026-04-02', beforeFrom: '2026-01-02' })
    const before = ['2026-01-10', '2026-01-25', '2026-02-10', '2026-02-25', '2026-03-10', '2026-03-25']
    const falling = [...before, '2026-05-01', '2026-06-20']
    expect(flowSummary(falling, '2026-06-30')).toEqual({ count: 8, first: '2026-01-10', last: '2026-06-20', recent: 2, before: 6 })
    expect(lapseFromDates(falling, '2026-06-30')).toEqual({ lapsing: true, reason: 'falling', usualGapDays: 23, daysSinceLast: 10 })
    // Three in the last window is half of six: not under half.
    expect(lapseFromDates([...falling, '2026-06-25'], '2026-06-30')).toMatchObject({ lapsing: false, reason: null })
    // The windows' edges: a date on recentFrom is recent; one on beforeFrom is in the window before; older ones in neither.
    expect(flowSummary(['2026-01-01', '2026-01-02', '2026-04-01', '2026-04-02'], '2026-06-30')).toMatchObject({ recent: 1, before: 2 })
    // Three before is too few to call it a trend.
    expect(lapseFromDates([...before.slice(0, 3), '2026-06-20'], '2026-06-30')).toMatchObject({ lapsing: false })
  })
  test('the reasons are described with the rule\'s own numbers', () => {
    expect(lapseReasonText('silence')).toBe('Quiet for more than 60 days and more than 2 times their usual gap.')
    expect(lapseReasonText('falling')).toBe('The last 90 days brought under half as many introductions as the 90 days before.')
  })
  test('silence wins over a falling trend when both hold', () => {
    const dates = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02']
    expect(lapseFromDates(dates, '2026-06-30')).toMatchObject({ lapsing: true, reason: 'silence' })
  })
})

describe('periods (whole months)', () => {
  test('presets', () => {
    expect(resolvePeriod({ preset: 'quarter' }, '2026-05-20')).toMatchObject({ from: '2026-04-01', to: '2026-06-30' })
    expect(resolvePeriod({ preset: 'year' }, '2026-05-20')).toMatchObject({ from: '2026-01-01', to: '2026-12-31' })
    expect(resolvePeriod({ preset: 'last12' }, '2026-05-20')).toMatchObject({
      from: '2025-06-01',
      to: '2026-05-31',
      label: 'Jun 2025 – May 2026',
    })
    expect(resolvePeriod({ preset: 'all' }, '2026-05-20')).toMatchObject({ from: null, to: null, label: 'All time' })
  })
  test('custom ranges widen to whole months; reversed ranges are refused', () => {
    expect(resolvePeriod({ preset: 'custom', from: '2025-02-14', to: '2025-02-20' }, '2026-01-01')).toMatchObject({
      from: '2025-02-01',
      to: '2025-02-28',
      label: 'Feb 2025',
    })
    expect(() => resolvePeriod({ preset: 'custom', from: '2025-03-01', to: '2025-02-01' }, '2026-01-01')).toThrow(/end date/)
  })
  test('month arithmetic', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12')
    expect(shiftMonth('2025-12', 13)).toBe('2027-01')
    expect(monthEnd('2024-02')).toBe('2024-02-29')
  })
})

describe('sorting', () => {
  const cards = [
    buildScorecard({ id: '1', name: 'Bea', company: null }, eur(countsOf(fact({ status: 'won' }))), prior, 'EUR'),
    buildScorecard({ id: '2', name: 'Al', company: null }, eur(countsOf(fact({ status: 'lost' }))), prior, 'EUR'),
    buildScorecard({ id: '3', name: 'Cy', company: null }, eur(countsOf(fact({ status: 'new' }))), prior, 'EUR'),
  ]
  test('by quality, nulls last in both directions', () => {
    expect(sortScorecards(cards, 'quality', 'desc').map((c) => c.name)).toEqual(['Bea', 'Al', 'Cy'])
    expect(sortScorecards(cards, 'quality', 'asc').map((c) => c.name)).toEqual(['Al', 'Bea', 'Cy'])
  })
  test('by name', () => {
    expect(sortScorecards(cards, 'name', 'asc').map((c) => c.name)).toEqual(['Al', 'Bea', 'Cy'])
  })
})

describe('spin-off credit', () => {
  test('credited one level to whoever introduced the referrer; not to you', () => {
    const by = new Map<string, string | null>([
      ['p', 'a'],
      ['q', 'me'],
      ['a', null],
      ['r', 'p'],
    ])
    const credit = spinOffCredit(
      [
        { referrerId: 'p', valueMinor: 1000 },
        { referrerId: 'p', valueMinor: 500 },
        { referrerId: 'q', valueMinor: 700 },
        { referrerId: 'r', valueMinor: 300 },
      ],
      by,
      'me',
    )
    expect(credit.get('a')).toEqual({ valueMinor: 1500, won: 2 })
    expect(credit.get('p')).toEqual({ valueMinor: 300, won: 1 }) // r's business goes to p only, not also to a
    expect(credit.has('me')).toBe(false)
  })
})

// The CSV writer's tests are with the one writer: test/core/formats/csvWrite.test.ts.

describe('summary columns', () => {
  test('the SQL summary columns are the core count keys, in the same order', async () => {
    const { COL_NAMES } = await import('../../../src/backend/db/analyticsSchema')
    const { COUNT_KEYS } = await import('../../../src/core/analytics/counts')
    expect(COL_NAMES).toEqual([...COUNT_KEYS])
  })
})
