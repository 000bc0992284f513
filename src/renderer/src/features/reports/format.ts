/** Display helpers for the Reports screen. */
import type { Money } from '../../../../shared/channels/analytics'
import { formatMoney, formatMoneyList } from '../../../../core/money'

export const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`)

export const num = (x: number | null | undefined, digits = 0): string =>
  x === null || x === undefined ? '—' : x.toLocaleString(undefined, { maximumFractionDigits: digits })

/**
 * Money per currency, rounded to whole units for the summaries: "EUR 2,400 · GBP 1,000";
 * with nothing to show, zero in the main currency. One formatter: src/core/money.ts.
 */
export function moneyList(list: readonly Money[], main: string): string {
  return list.length === 0 ? formatMoney(0, main, { whole: true }) : formatMoneyList(list, { whole: true })
}

/** One amount (minor units), rounded to whole units. */
export const money = (minor: number, currency: string): string => formatMoney(minor, currency, { whole: true })

/** Compact axis label: 1.2k, 35k, 1.4M. */
export function compact(x: number): string {
  const a = Math.abs(x)
  if (a >= 1e6) return `${(x / 1e6).toFixed(a >= 1e7 ? 0 : 1)}M`
  if (a >= 1e3) return `${(x / 1e3).toFixed(a >= 1e4 ? 0 : 1)}k`
  return String(Math.round(x))
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
export const monthShort = (m: string): string => `${MONTHS[Number(m.slice(5, 7)) - 1] ?? ''} ${m.slice(2, 4)}`
