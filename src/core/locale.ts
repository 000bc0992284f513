/**
 * Region formats for screens: dates, months and numbers in the user's region with
 * `Intl`, and reading a number typed with the region's decimal separator. Files
 * (CSV, JSON, GraphML) never use these: they stay ISO 8601 and plain decimals.
 * Money has its one formatter in ./money (`formatMoney(…, { locale, display: 'symbol' })`).
 */

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()
function dtf(region: string | undefined, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${region ?? ''}|${JSON.stringify(opts)}`
  let f = cache.get(key) as Intl.DateTimeFormat | undefined
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(region, opts)))
  return f
}
function nf(region: string | undefined, opts: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${region ?? ''}|${JSON.stringify(opts)}`
  let f = cache.get(key) as Intl.NumberFormat | undefined
  if (!f) cache.set(key, (f = new Intl.NumberFormat(region, opts)))
  return f
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const ISO_MONTH = /^(\d{4})-(\d{2})$/

export type DateStyle = 'short' | 'medium' | 'long' | 'full'

/**
 * A calendar day (YYYY-MM-DD) in the region's format: "Dec 2, 2026" (en-US),
 * "2 Dec 2026" (en-GB), "02.12.2026" (de-DE, medium). Not a date: the text as it is.
 */
export function formatDay(iso: string | null | undefined, region?: string, style: DateStyle = 'medium'): string {
  if (!iso) return '—'
  const m = ISO_DAY.exec(iso.slice(0, 10))
  if (!m) return iso
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!))
  if (Number.isNaN(d.getTime())) return iso
  return dtf(region, { dateStyle: style, timeZone: 'UTC' }).format(d)
}

/** A moment (ISO timestamp) as date and time in the region's format, in the given time zone. */
export function formatMoment(iso: string | null | undefined, region?: string, timeZone?: string): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return dtf(region, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(d)
}

/** A month (YYYY-MM or YYYY-MM-DD) with its name from Intl: "Nov 2026", "Nov. 2026"; `long`: "November 2026". */
export function formatMonth(iso: string | null | undefined, region?: string, long = false): string {
  if (!iso) return '—'
  const m = ISO_MONTH.exec(iso.slice(0, 7))
  if (!m) return iso
  return dtf(region, { month: long ? 'long' : 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(+m[1]!, +m[2]! - 1, 1)))
}

/** The twelve month names of the region, January first. */
export function monthNames(region?: string, long = true): string[] {
  const f = dtf(region, { month: long ? 'long' : 'short', timeZone: 'UTC' })
  return Array.from({ length: 12 }, (_, i) => f.format(new Date(Date.UTC(2026, i, 1))))
}

/** A number with the region's separators ("1,250.5", "1.250,5"). */
export function formatNumber(n: number | null | undefined, region?: string, opts: Intl.NumberFormatOptions = {}): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—'
  return nf(region, opts).format(n)
}

/** A share (0..1) as a percentage in the region's format ("42%", "42 %"). */
export function formatPercent(share: number | null | undefined, region?: string, digits = 0): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—'
  return nf(region, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(share)
}

/** The region's decimal and group separators ("." and "," in en-US, "," and "." in de-DE). */
export function separators(region?: string): { decimal: string; group: string } {
  const parts = nf(region).formatToParts(12345.6)
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  }
}

/**
 * Reads a number typed in the region's way: "1.250,50" and "1250,5" in de-DE,
 * "1,250.50" in en-US; spaces and the region's group separator between groups of
 * three are allowed. A single separator that cannot be a group separator (as in
 * "12.5" typed in de-DE) is read as the decimal point, so pasted plain decimals
 * work everywhere. Blank is null; anything else that is not a number is NaN.
 */
export function parseDecimal(text: string | null | undefined, region?: string): number | null {
  const raw = (text ?? '').replace(/[\s\u00a0\u202f']/g, '')
  if (raw === '') return null
  const { decimal, group } = separators(region)
  const sign = raw.startsWith('-') || raw.startsWith('−') ? -1 : 1
  const body = raw.replace(/^[-−+]/, '')
  if (!/^[\d.,]+$/.test(body)) return NaN
  const validGroups = (s: string, sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(s)
  let intPart = body
  let frac = ''
  const di = body.lastIndexOf(decimal)
  if (di >= 0 && body.indexOf(decimal) === di && !(group !== decimal && validGroups(body, decimal) && !body.includes(group))) {
    intPart = body.slice(0, di)
    frac = body.slice(di + 1)
  } else if (di >= 0 && body.indexOf(decimal) !== di) {
    return NaN
  }
  if (intPart.includes(group)) {
    if (validGroups(intPart, group)) intPart = intPart.split(group).join('')
    else if (frac === '' && intPart.split(group).length === 2) {
      // "12.5" in a comma-decimal region: a plain decimal point.
      ;[intPart, frac] = intPart.split(group) as [string, string]
    } else return NaN
  }
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(frac) || (intPart === '' && frac === '')) return NaN
  return sign * Number(`${intPart || '0'}.${frac || '0'}`)
}

/** A number as the region writes it in an input ("1250,5" in de-DE): no group separators, so it reads back the same. */
export function decimalInputText(n: number | null | undefined, region?: string): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return ''
  return nf(region, { useGrouping: false, maximumFractionDigits: 6 }).format(n)
}
