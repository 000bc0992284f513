/**
 * Money: the one definition of how amounts are stored, added and shown.
 *
 * - Stored amounts (`value_minor` in the database, `*Minor` in the code) are
 *   integers in hundredths of the major unit, in every currency: `toMinor(12.5)`
 *   is 1250 whether the currency is EUR, JPY or BHD.
 * - Amounts of different currencies are never added: sums are kept per currency
 *   (`MoneyList`), listed with the main currency (the default currency setting)
 *   first and the others in alphabetical order.
 * - `formatMoney` is the only formatter: Intl.NumberFormat with the currency's
 *   code and its own decimals (JPY 0, EUR 2, BHD 3), whole amounts without
 *   decimals ("EUR 2,400", "EUR 2,400.50", "JPY 1,235", "BHD 1.250").
 */

import type { Money } from '../shared/channels/analytics'

/** An amount in one currency, in stored minor units (hundredths of the major unit). */
export type { Money }

/** Amounts in several currencies, at most one entry per currency, main currency first. */
export type MoneyList = Money[]

export const MINOR_PER_MAJOR = 100

/** Major units (what a user types, e.g. 1250.5) to stored minor units. */
export const toMinor = (major: number | null | undefined): number | null =>
  major === null || major === undefined ? null : Math.round(major * MINOR_PER_MAJOR)

/** Stored minor units to major units. */
export const fromMinor = (minor: number | null): number | null => (minor === null ? null : minor / MINOR_PER_MAJOR)

const CODE = /^[A-Z]{3}$/

/** Whether `c` is a currency code the app stores (three capital letters). */
export const isCurrencyCode = (c: unknown): c is string => typeof c === 'string' && CODE.test(c)

const formatters = new Map<string, Intl.NumberFormat>()
function formatter(locale: string | undefined, currency: string | null, digits: number, display: 'code' | 'symbol' = 'code'): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency ?? ''}|${digits}|${display}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      ...(currency ? { style: 'currency', currency, currencyDisplay: display } : {}),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    })
    formatters.set(key, f)
  }
  return f
}

/** The currency's own number of decimals (JPY 0, EUR 2, BHD 3); 2 without a currency. */
export function currencyDigits(currency: string | null | undefined): number {
  if (!currency || !isCurrencyCode(currency)) return 2
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
}

export interface FormatMoneyOptions {
  /** BCP 47 locale; the runtime's (the user's) when left out. */
  locale?: string | undefined
  /** Round to whole major units (summaries, charts). */
  whole?: boolean
  /**
   * 'code' (files, drafts, the printable report: "EUR 1,250.50", the same on every machine) or
   * 'symbol' (screens, in the user's region: "€1,250.50", "1.250,50 €", "£2,400").
   */
  display?: 'code' | 'symbol'
}

/**
 * Formats stored minor units with their currency: "EUR 2,400", "EUR 2,400.50",
 * "-GBP 12.30", "JPY 1,235", "BHD 1.250". Whole amounts show no decimals; others
 * show the currency's own decimals. Null (no amount) is "—"; a missing or
 * malformed currency gives the number alone.
 */
export function formatMoney(minor: number | null | undefined, currency: string | null | undefined, opts: FormatMoneyOptions = {}): string {
  if (minor === null || minor === undefined || !Number.isFinite(minor)) return '—'
  const cur = currency && isCurrencyCode(currency) ? currency : null
  const major = minor / MINOR_PER_MAJOR
  const digits = currencyDigits(cur)
  const whole = opts.whole === true || digits === 0 || Number.isInteger(major)
  const value = opts.whole === true ? Math.round(major) : major
  // The space between code and number is a plain one (Intl uses a no-break space), so labels read and
  // compare the same in drafts, CSV and tests; tables keep them on one line with CSS.
  return formatter(opts.locale, cur, whole ? 0 : digits, opts.display)
    .formatToParts(value)
    .map((p) => (p.type === 'literal' && /^\s+$/.test(p.value) ? ' ' : p.value))
    .join('')
}

/** A list of amounts, e.g. "EUR 2,400 · GBP 1,000"; `empty` when there is none. */
export function formatMoneyList(list: readonly Money[], opts: FormatMoneyOptions & { empty?: string; separator?: string } = {}): string {
  if (list.length === 0) return opts.empty ?? '—'
  return list.map((m) => formatMoney(m.minor, m.currency, opts)).join(opts.separator ?? ' · ')
}

/** Orders currency codes: the main currency first, the others alphabetically. */
export function orderCurrencies(codes: Iterable<string>, main: string): string[] {
  const set = new Set(codes)
  const rest = [...set].filter((c) => c !== main).sort()
  return set.has(main) ? [main, ...rest] : rest
}

/**
 * Sums amounts per currency (never across currencies). Zero sums are left out
 * unless `keepZero`; the result is ordered main currency first.
 */
export function sumByCurrency(items: Iterable<Money>, main: string, keepZero = false): MoneyList {
  const by = new Map<string, number>()
  for (const m of items) by.set(m.currency, (by.get(m.currency) ?? 0) + m.minor)
  return orderCurrencies(by.keys(), main)
    .map((currency) => ({ currency, minor: by.get(currency)! }))
    .filter((m) => keepZero || m.minor !== 0)
}

/** The amount in one currency of a list (0 when absent). */
export const amountIn = (list: readonly Money[], currency: string): number => list.find((m) => m.currency === currency)?.minor ?? 0

/** a - b per currency. */
export function subtractMoney(a: readonly Money[], b: readonly Money[], main: string): MoneyList {
  return sumByCurrency([...a, ...b.map((m) => ({ currency: m.currency, minor: -m.minor }))], main)
}
