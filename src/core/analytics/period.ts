import { AppError } from '../../shared/errors'
import type { PeriodInput, ResolvedPeriod } from '../../shared/channels/analytics'

export interface MonthRange extends ResolvedPeriod {
  /** First month covered (YYYY-MM), or null for all time. */
  fromMonth: string | null
  /** Last month covered (YYYY-MM), or null for all time. */
  toMonth: string | null
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** 'YYYY-MM' shifted by n months. */
export function shiftMonth(month: string, n: number): string {
  const y = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7))
  const total = y * 12 + (m - 1) + n
  const ny = Math.floor(total / 12)
  return `${String(ny).padStart(4, '0')}-${String(total - ny * 12 + 1).padStart(2, '0')}`
}

/** Last day ('YYYY-MM-DD') of a 'YYYY-MM' month. */
export function monthEnd(month: string): string {
  const y = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7))
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return `${month}-${String(last).padStart(2, '0')}`
}

const monthLabel = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1] ?? '?'} ${month.slice(0, 4)}`

/**
 * Resolves a period to whole calendar months (the summaries' granularity):
 * quarter = the current calendar quarter, year = the current calendar year,
 * last12 = the current month and the 11 before it, all = everything,
 * custom = from the first day of the start date's month to the last day of the end date's month.
 */
export function resolvePeriod(p: PeriodInput | undefined, today: string): MonthRange {
  const preset = p?.preset ?? 'last12'
  const cur = today.slice(0, 7)
  let fromMonth: string | null
  let toMonth: string | null
  switch (preset) {
    case 'all':
      fromMonth = null
      toMonth = null
      break
    case 'quarter': {
      const m = Number(cur.slice(5, 7))
      fromMonth = shiftMonth(cur, -((m - 1) % 3))
      toMonth = shiftMonth(fromMonth, 2)
      break
    }
    case 'year':
      fromMonth = `${cur.slice(0, 4)}-01`
      toMonth = `${cur.slice(0, 4)}-12`
      break
    case 'last12':
      fromMonth = shiftMonth(cur, -11)
      toMonth = cur
      break
    case 'custom': {
      if (!p?.from || !p.to) throw new AppError('VALIDATION', 'A custom period needs a start and an end date.', 'period.from')
      if (p.to < p.from) throw new AppError('VALIDATION', 'The end date cannot be before the start date.', 'period.to')
      fromMonth = p.from.slice(0, 7)
      toMonth = p.to.slice(0, 7)
      break
    }
  }
  const label =
    fromMonth === null || toMonth === null
      ? 'All time'
      : fromMonth === toMonth
        ? monthLabel(fromMonth)
        : `${monthLabel(fromMonth)} – ${monthLabel(toMonth)}`
  return {
    preset,
    from: fromMonth === null ? null : `${fromMonth}-01`,
    to: toMonth === null ? null : monthEnd(toMonth),
    fromMonth,
    toMonth,
    label,
  }
}
