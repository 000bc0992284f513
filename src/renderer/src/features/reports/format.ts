/** Display helpers for the Reports screen. */
export const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`)

export const num = (x: number | null | undefined, digits = 0): string =>
  x === null || x === undefined ? '—' : x.toLocaleString(undefined, { maximumFractionDigits: digits })

export function money(x: number | null | undefined, currency: string): string {
  if (x === null || x === undefined) return '—'
  return `${currency} ${x.toLocaleString(undefined, { maximumFractionDigits: 0 })}`
}

/** Compact axis label: 1.2k, 35k, 1.4M. */
export function compact(x: number): string {
  const a = Math.abs(x)
  if (a >= 1e6) return `${(x / 1e6).toFixed(a >= 1e7 ? 0 : 1)}M`
  if (a >= 1e3) return `${(x / 1e3).toFixed(a >= 1e4 ? 0 : 1)}k`
  return String(Math.round(x))
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
export const monthShort = (m: string): string => `${MONTHS[Number(m.slice(5, 7)) - 1] ?? ''} ${m.slice(2, 4)}`
