import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { qualityScore } from '../../../src/core/analytics/quality'
import { COUNT_KEYS, addCounts, countByPartner, countByPartnerCurrency, countsOf, emptyCounts, totalCounts, type Counts, type IntroFact } from '../../../src/core/analytics/counts'
import { buildScorecard, networkFigures, networkPrior, spinOffCredit, sumCounts } from '../../../src/core/analytics/scorecard'
import { amountIn } from '../../../src/core/money'

const arbFact: fc.Arbitrary<IntroFact> = fc.record({
  partnerId: fc.constantFrom('a', 'b', 'c', 'd'),
  direction: fc.constantFrom('received' as const, 'given' as const),
  kind: fc.constantFrom('referral' as const, 'introduction' as const, 'lead' as const),
  origin: fc.constantFrom('inbound' as const, 'outbound' as const),
  status: fc.constantFrom('new' as const, 'contacted' as const, 'meeting' as const, 'proposal' as const, 'won' as const, 'lost' as const, 'not_a_fit' as const),
  date: fc.constantFrom('2025-01-05', '2025-06-30', '2026-02-01'),
  statusDate: fc.constantFrom('2026-03-01', '2026-04-15'),
  valueMinor: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
  currency: fc.constantFrom('EUR', 'GBP', 'JPY', null),
})

describe('analytics invariants', () => {
  test('the quality score lies inside its confidence band', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (a, b, mean, weight) => {
          const decided = Math.max(a, b)
          const won = Math.min(a, b)
          const q = qualityScore(won, decided, { mean, weight })
          if (decided === 0) return q === null
          return q !== null && q.low <= q.score && q.score <= q.high && q.low >= 0 && q.high <= 1
        },
      ),
    )
  })

  test('network totals equal the sum of the scorecards', () => {
    fc.assert(
      fc.property(fc.array(arbFact, { maxLength: 60 }), (facts) => {
        const m = countByPartnerCurrency(facts)
        const byCurrency = new Map<string, Counts>()
        for (const cc of m.values()) for (const [cur, c] of cc) byCurrency.set(cur, addCounts(byCurrency.get(cur) ?? emptyCounts(), c))
        const p = networkPrior(totalCounts(byCurrency))
        const cards = [...m].map(([id, cc]) => buildScorecard({ id, name: id, company: null }, cc, p, 'EUR'))
        const n = networkFigures({
          period: { preset: 'all', from: null, to: null, label: '' },
          currency: 'EUR',
          total: byCurrency,
          prior: p,
          cards,
          medianDaysToWon: null,
          byMonth: [],
        })
        const sum = (f: (s: (typeof cards)[number]) => number) => cards.reduce((a, s) => a + f(s), 0)
        expect(n.received).toBe(sum((s) => s.received))
        expect(n.given).toBe(sum((s) => s.given))
        expect(n.won).toBe(sum((s) => s.won))
        expect(n.decided).toBe(sum((s) => s.decided))
        // Money is per currency, never summed across currencies; an amount without a currency is the main one (EUR).
        for (const cur of ['EUR', 'GBP', 'JPY']) {
          const won = facts.filter((f) => f.direction === 'received' && f.status === 'won' && (f.currency || 'EUR') === cur)
          const expected = won.reduce((a, f) => a + (f.valueMinor ?? 0), 0)
          expect(amountIn(n.closedValue, cur), cur).toBe(expected)
          expect(sum((s) => amountIn(s.closedValue, cur)), cur).toBe(expected)
        }
        expect(n.closedValue.every((x) => x.minor !== 0)).toBe(true)
        expect(n.currencies[0]).toBe('EUR')
        expect(n.received).toBe(facts.filter((f) => f.direction === 'received').length)
        expect(n.byKind.referral.decided + n.byKind.introduction.decided + n.byKind.lead.decided).toBe(n.decided)
        expect(n.byOrigin.inbound.won + n.byOrigin.outbound.won).toBe(n.won)
      }),
    )
  })

  test('a filter never increases a count', () => {
    fc.assert(
      fc.property(fc.array(arbFact, { maxLength: 60 }), fc.func(fc.boolean()), (facts, keep) => {
        const all = countByPartner(facts)
        const some = countByPartner(facts.filter((f) => keep(f)))
        for (const [id, c] of some) {
          const full = all.get(id)!
          for (const k of COUNT_KEYS) {
            if (k.endsWith('_days')) continue // sums of day spans, not counts
            expect(c[k]).toBeLessThanOrEqual(full[k])
          }
        }
        const t1 = sumCounts(all.values())
        const t2 = sumCounts(some.values())
        for (const k of COUNT_KEYS) if (!k.endsWith('_days')) expect(t2[k]).toBeLessThanOrEqual(t1[k])
      }),
    )
  })

  test('every fact contributes exactly once to its direction', () => {
    fc.assert(
      fc.property(arbFact, (f) => {
        const c = countsOf(f)
        return c.r_n + c.g_n === 1 && c.r_open + c.r_won + c.r_lost + c.r_naf === c.r_n
      }),
    )
  })

  test('spin-off credit never counts a value twice', () => {
    const ids = ['me', 'a', 'b', 'c', 'd', 'e']
    fc.assert(
      fc.property(
        fc.array(fc.record({ referrerId: fc.constantFrom(...ids), valueMinor: fc.integer({ min: 0, max: 1e6 }) }), { maxLength: 40 }),
        fc.array(fc.option(fc.constantFrom(...ids), { nil: null }), { minLength: ids.length, maxLength: ids.length }),
        (won, parents) => {
          const by = new Map(ids.map((id, i) => [id, parents[i] ?? null]))
          const credit = spinOffCredit(won, by, 'me')
          const credited = [...credit.values()]
          const totalValue = won.reduce((a, w) => a + w.valueMinor, 0)
          expect(credited.reduce((a, c) => a + c.valueMinor, 0)).toBeLessThanOrEqual(totalValue)
          expect(credited.reduce((a, c) => a + c.won, 0)).toBeLessThanOrEqual(won.length)
          // exactly the won introductions whose referrer has a non-you source are credited, once each
          const eligible = won.filter((w) => {
            const s = by.get(w.referrerId) ?? null
            return s !== null && s !== 'me' && s !== w.referrerId
          })
          expect(credited.reduce((a, c) => a + c.valueMinor, 0)).toBe(eligible.reduce((a, w) => a + w.valueMinor, 0))
          expect(credit.has('me')).toBe(false)
        },
      ),
    )
  })
})
