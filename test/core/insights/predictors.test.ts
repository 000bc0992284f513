import { describe, expect, it } from 'vitest'
import { MIN_DECIDED, predictorTable, type PredictorCell } from '../../../src/core/insights/predictors'

const cell = (c: Partial<PredictorCell> & Pick<PredictorCell, 'won' | 'decided'>): PredictorCell => ({
  warmth: null,
  needsService: null,
  fitsProfile: null,
  accepted: null,
  kind: 'referral',
  origin: 'inbound',
  ...c,
})

// 26 decided introductions, 12 won.
const CELLS = [
  cell({ warmth: 5, needsService: 1, fitsProfile: 1, accepted: 1, kind: 'referral', origin: 'inbound', won: 8, decided: 12 }),
  cell({ warmth: 3, needsService: 1, fitsProfile: 0, accepted: null, kind: 'referral', origin: 'outbound', won: 3, decided: 10 }),
  cell({ warmth: null, kind: 'lead', origin: 'inbound', won: 1, decided: 4 }),
]

const row = (factor: string, value: string) => predictorTable(CELLS).find((r) => r.factor === factor && r.value === value)!

describe('what predicts a close (hand-computed tables)', () => {
  it('warmth 5: 8 of 12 against 4 of 14, Wilson band and Newcombe difference band', () => {
    const r = row('warmth', '5')
    expect(r).toMatchObject({ label: '5 of 5', won: 8, decided: 12, restWon: 4, restDecided: 14, enough: true })
    expect(r.conversion).toBeCloseTo(0.666667, 6)
    expect(r.low).toBeCloseTo(0.390618, 6)
    expect(r.high).toBeCloseTo(0.861882, 6)
    expect(r.restConversion).toBeCloseTo(0.285714, 6)
    expect(r.difference).toBeCloseTo(0.380952, 6)
    expect(r.differenceLow).toBeCloseTo(0.001203, 6)
    expect(r.differenceHigh).toBeCloseTo(0.638832, 6)
  })

  it('warmth 3: 3 of 10 against 9 of 16 (a negative difference whose band spans 0)', () => {
    const r = row('warmth', '3')
    expect(r.enough).toBe(true)
    expect(r.conversion).toBeCloseTo(0.3, 9)
    expect(r.low).toBeCloseTo(0.107789, 6)
    expect(r.high).toBeCloseTo(0.603227, 6)
    expect(r.difference).toBeCloseTo(-0.2625, 9)
    expect(r.differenceLow).toBeCloseTo(-0.544624, 6)
    expect(r.differenceHigh).toBeCloseTo(0.118521, 6)
    // Origin outbound is the same 10 introductions.
    expect(row('origin', 'outbound')).toMatchObject({ won: 3, decided: 10, enough: true, difference: -0.2625 })
  })

  it(`"not enough data yet" below ${MIN_DECIDED} decided, on either side`, () => {
    expect(MIN_DECIDED).toBe(10)
    // 1 of 4 without a warmth: too few in the value.
    expect(row('warmth', 'unknown')).toMatchObject({ label: 'not recorded', won: 1, decided: 4, enough: false, conversion: null, low: null, high: null, difference: null })
    // Needs the service "yes" has 22, but the rest only 4: no comparison.
    expect(row('needsService', 'yes')).toMatchObject({ won: 11, decided: 22, restDecided: 4, enough: false, conversion: null, difference: null })
    // A value nobody had is listed with zero.
    expect(row('warmth', '1')).toMatchObject({ won: 0, decided: 0, enough: false })
    expect(row('kind', 'introduction')).toMatchObject({ won: 0, decided: 0, enough: false })
  })

  it('lists every factor value once, and leaves out "not recorded" when everything was recorded', () => {
    const rows = predictorTable(CELLS)
    expect(rows.filter((r) => r.factor === 'warmth').map((r) => r.value)).toEqual(['1', '2', '3', '4', '5', 'unknown'])
    expect(rows.filter((r) => r.factor === 'accepted').map((r) => r.value)).toEqual(['yes', 'no', 'unknown'])
    expect(rows.filter((r) => r.factor === 'kind').map((r) => r.value)).toEqual(['referral', 'introduction', 'lead'])
    const full = predictorTable([cell({ needsService: 1, won: 5, decided: 10 }), cell({ needsService: 0, won: 2, decided: 10 })])
    expect(full.filter((r) => r.factor === 'needsService').map((r) => r.value)).toEqual(['yes', 'no'])
    // Exactly at the threshold on both sides counts.
    expect(full.find((r) => r.factor === 'needsService' && r.value === 'yes')).toMatchObject({ enough: true, conversion: 0.5, restConversion: 0.2 })
    const none = predictorTable([])
    expect(none.every((r) => !r.enough && r.decided === 0 && r.value !== 'unknown')).toBe(true)
  })
})
