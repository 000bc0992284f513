import { wilsonInterval } from '../analytics/quality'
import type { Factor, PredictorRow } from '../../shared/channels/insights'

/**
 * What predicts a close. For each factor value (warmth 1-5, each of the three
 * qualification checks, kind, origin) over the decided introductions of a
 * period: conversion = won / decided with its 95% Wilson band, and the
 * difference against all the other decided introductions ("the rest") with a
 * 95% band by Newcombe's method (from the two Wilson bands). Below
 * MIN_DECIDED decided introductions on either side the rates are not given:
 * "not enough data yet".
 */
export const MIN_DECIDED = 10


/** One SQL aggregate: decided introductions with the same factor values. */
export interface PredictorCell {
  warmth: number | null
  needsService: number | null
  fitsProfile: number | null
  accepted: number | null
  kind: string
  origin: string
  won: number
  decided: number
}

export const FACTOR_LABELS: Record<Factor, string> = {
  warmth: 'Warmth',
  needsService: 'Needs the service',
  fitsProfile: 'Fits the ideal client',
  accepted: 'Agreed to be introduced',
  kind: 'Kind',
  origin: 'Origin',
}

const FACTOR_VALUES: Record<Factor, string[]> = {
  warmth: ['1', '2', '3', '4', '5', 'unknown'],
  needsService: ['yes', 'no', 'unknown'],
  fitsProfile: ['yes', 'no', 'unknown'],
  accepted: ['yes', 'no', 'unknown'],
  kind: ['referral', 'introduction', 'lead'],
  origin: ['inbound', 'outbound'],
}

const check = (v: number | null) => (v === null ? 'unknown' : v ? 'yes' : 'no')
export function factorValue(c: PredictorCell, f: Factor): string {
  switch (f) {
    case 'warmth':
      return c.warmth === null ? 'unknown' : String(c.warmth)
    case 'needsService':
      return check(c.needsService)
    case 'fitsProfile':
      return check(c.fitsProfile)
    case 'accepted':
      return check(c.accepted)
    case 'kind':
      return c.kind
    case 'origin':
      return c.origin
  }
}

function valueLabel(f: Factor, v: string): string {
  if (v === 'unknown') return 'not recorded'
  if (f === 'warmth') return `${v} of 5`
  return v.charAt(0).toUpperCase() + v.slice(1)
}

/** Newcombe's hybrid score interval for p1 - p2 from the two Wilson intervals. */
export function differenceBand(won1: number, n1: number, won2: number, n2: number): { low: number; high: number } | null {
  const a = wilsonInterval(won1, n1)
  const b = wilsonInterval(won2, n2)
  if (!a || !b) return null
  const p1 = won1 / n1
  const p2 = won2 / n2
  const d = p1 - p2
  return {
    low: d - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2),
    high: d + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2),
  }
}

export function predictorTable(cells: PredictorCell[]): PredictorRow[] {
  let totalWon = 0
  let totalDecided = 0
  for (const c of cells) {
    totalWon += c.won
    totalDecided += c.decided
  }
  const rows: PredictorRow[] = []
  for (const factor of Object.keys(FACTOR_VALUES) as Factor[]) {
    const agg = new Map<string, { won: number; decided: number }>()
    for (const c of cells) {
      const v = factorValue(c, factor)
      const a = agg.get(v) ?? { won: 0, decided: 0 }
      a.won += c.won
      a.decided += c.decided
      agg.set(v, a)
    }
    for (const value of FACTOR_VALUES[factor]) {
      const a = agg.get(value) ?? { won: 0, decided: 0 }
      // "unknown" rows appear only when some introductions lack the value.
      if (value === 'unknown' && a.decided === 0) continue
      const restWon = totalWon - a.won
      const restDecided = totalDecided - a.decided
      const enough = a.decided >= MIN_DECIDED && restDecided >= MIN_DECIDED
      const band = enough ? wilsonInterval(a.won, a.decided) : null
      const diff = enough ? differenceBand(a.won, a.decided, restWon, restDecided) : null
      rows.push({
        factor,
        value,
        label: valueLabel(factor, value),
        won: a.won,
        decided: a.decided,
        restWon,
        restDecided,
        enough,
        conversion: enough ? a.won / a.decided : null,
        low: band?.low ?? null,
        high: band?.high ?? null,
        restConversion: enough ? restWon / restDecided : null,
        difference: enough ? a.won / a.decided - restWon / restDecided : null,
        differenceLow: diff?.low ?? null,
        differenceHigh: diff?.high ?? null,
      })
    }
  }
  return rows
}
