/** Calendar-date helpers on `YYYY-MM-DD` strings, in UTC so no time zone can shift a day. */
export const DAY_MS = 86_400_000

export function dateToMs(d: string): number {
  return Date.parse(`${d}T00:00:00Z`)
}

export function msToDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

export function addDays(d: string, days: number): string {
  return msToDate(dateToMs(d) + days * DAY_MS)
}

export function daysBetween(from: string, to: string): number {
  return Math.round((dateToMs(to) - dateToMs(from)) / DAY_MS)
}

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(d: string, months: number): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const ny = Math.floor(total / 12)
  const nm = total - ny * 12
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate()
  return msToDate(Date.UTC(ny, nm, Math.min(day, last)))
}

/**
 * Today: the calendar date of `now` in an IANA time zone (UTC when the zone is
 * unknown). The one definition of "today" in the app: the backend calls it with
 * the service clock and the time zone setting (`todayIso(ctx)`), so no rule,
 * query or screen flips at UTC midnight or follows the renderer's own clock.
 */
export function todayIn(now: Date, timeZone?: string | null): string {
  let fmt: Intl.DateTimeFormat
  try {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' })
  } catch {
    return msToDate(now.getTime())
  }
  const parts = fmt.formatToParts(now)
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}
