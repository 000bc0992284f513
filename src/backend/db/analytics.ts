import { COUNT_KEYS, countsFromValues, emptyCounts, isEmptyCounts, totalCounts, type Counts } from '../../core/analytics/counts'
import { lapseFromDates, median, networkPrior } from '../../core/analytics/scorecard'
import { qualityScore } from '../../core/analytics/quality'
import { resolvePeriod, shiftMonth, type MonthRange } from '../../core/analytics/period'
import type { PeriodInput } from '../../shared/channels/analytics'
import type { Db } from './connection'
import { COL_NAMES, colValues, currencyOf, partnerOf } from './analyticsSchema'
import { moneyOf } from '../../core/analytics/scorecard'
import type { MoneyList } from '../../core/money'
import { readSetting } from './settings'

const SELECT_COLS = COL_NAMES.join(', ')

function toCounts(r: Record<string, unknown>): Counts {
  const c = emptyCounts()
  for (const k of COUNT_KEYS) c[k] = Number(r[k] ?? 0)
  return c
}

/** Rows of [partner_id, currency, ...COUNT_KEYS in order] (raw mode: no object per row) into counts per partner and currency, leaving out empty ones. */
export function rawToCounts(rows: readonly unknown[][]): Map<string, Map<string, Counts>> {
  const out = new Map<string, Map<string, Counts>>()
  for (const r of rows) {
    const c = countsFromValues(r, 2)
    if (isEmptyCounts(c)) continue
    const m = out.get(String(r[0]))
    if (m) m.set(String(r[1]), c)
    else out.set(String(r[0]), new Map([[String(r[1]), c]]))
  }
  return out
}

/**
 * Recomputes every summary table from the introductions (one statement per
 * table, in the caller's transaction or its own) and marks them fresh.
 */
export function rebuildSummaries(db: Db): void {
  const run = () => {
    const me = (db.prepare('SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL').get() as { id: string } | undefined)?.id
    db.exec('DELETE FROM analytics_cum; DELETE FROM analytics_partner; DELETE FROM analytics_month;')
    if (me !== undefined) {
      const meLit = `'${me.replace(/'/g, "''")}'`
      const sums = COL_NAMES.map((c, i) => `sum(${colValues('i', meLit)[i]!}) AS ${c}`).join(', ')
      db.exec(`DROP TABLE IF EXISTS temp.analytics_delta;
        CREATE TEMP TABLE analytics_delta AS
          SELECT ${partnerOf('i', meLit)} AS partner_id, ${currencyOf('i')} AS currency, substr(i.date, 1, 7) AS month, ${sums}
          FROM introductions i
          WHERE i.deleted_at IS NULL AND (i.receiver_id = ${meLit} OR i.referrer_id = ${meLit})
          GROUP BY 1, 2, 3;`)
      db.exec(`INSERT INTO analytics_partner (partner_id, currency, first_month, last_month, ${SELECT_COLS})
        SELECT partner_id, currency, min(month), max(month), ${COL_NAMES.map((c) => `sum(${c})`).join(', ')}
        FROM temp.analytics_delta GROUP BY partner_id, currency;`)
      db.exec(`INSERT INTO analytics_month (month, currency, ${SELECT_COLS})
        SELECT month, currency, ${COL_NAMES.map((c) => `sum(${c})`).join(', ')} FROM temp.analytics_delta GROUP BY month, currency;`)
      db.exec(`INSERT INTO analytics_cum (partner_id, currency, month, ${SELECT_COLS})
        SELECT t.partner_id, t.currency, cal.month,
          ${COL_NAMES.map((c) => `sum(coalesce(d.${c}, 0)) OVER (PARTITION BY t.partner_id, t.currency ORDER BY cal.month)`).join(', ')}
        FROM analytics_partner t
        JOIN analytics_calendar cal ON cal.month BETWEEN t.first_month AND t.last_month
        LEFT JOIN temp.analytics_delta d ON d.partner_id = t.partner_id AND d.currency = t.currency AND d.month = cal.month;`)
      db.exec('DROP TABLE temp.analytics_delta;')
    }
    db.prepare('UPDATE analytics_state SET stale = 0 WHERE id = 1').run()
  }
  if (db.inTransaction) run()
  else db.transaction(run).immediate()
}

/** Pauses the triggers (for a bulk load); the next read (or rebuildSummaries) rebuilds. */
export function markSummariesStale(db: Db): void {
  db.prepare('UPDATE analytics_state SET stale = 1 WHERE id = 1').run()
}

/** Rebuilds the summaries if they were marked stale (first read, "you" changed, bulk load). */
export function ensureSummaries(db: Db): void {
  const s = db.prepare('SELECT stale FROM analytics_state WHERE id = 1').get() as { stale: number } | undefined
  if (s?.stale === 1) rebuildSummaries(db)
}

export interface PeriodFilter {
  groupId?: string | undefined
  tag?: string | undefined
  personId?: string | undefined
}

function filterSql(f: PeriodFilter): { sql: string; params: Record<string, string> } {
  const parts: string[] = []
  const params: Record<string, string> = {}
  if (f.groupId) {
    parts.push('AND t.partner_id IN (SELECT person_id FROM memberships WHERE group_id = @groupId)')
    params.groupId = f.groupId
  }
  if (f.personId) {
    parts.push('AND t.partner_id = @personId')
    params.personId = f.personId
  }
  if (f.tag) {
    parts.push('AND t.partner_id IN (SELECT person_id FROM person_tags WHERE tag_key = @tag)')
    params.tag = f.tag.trim().toLowerCase()
  }
  return { sql: parts.join(' '), params }
}

/**
 * The hot query: per-partner differences of running totals (params @to, @from,
 * @prev and the filter's), one row per partner and currency with anything in the period. The
 * 29 counts come back as one JSON array per row: handing SQLite values to
 * JavaScript costs about as much per value as the two index seeks per row, so
 * one text value instead of 29 numbers makes the query about twice as fast at 1M
 * introductions (npm run bench).
 */
export function periodCountsSql(filter = ''): string {
  const d = (c: string) => `e.${c} - coalesce(s.${c}, 0)`
  return `SELECT t.partner_id AS partner_id, t.currency AS currency, json_array(${COL_NAMES.map(d).join(', ')}) AS counts
       FROM analytics_partner t
       CROSS JOIN analytics_cum e ON e.partner_id = t.partner_id AND e.currency = t.currency AND e.month = min(@to, t.last_month)
       LEFT JOIN analytics_cum s ON s.partner_id = t.partner_id AND s.currency = t.currency AND s.month = min(@prev, t.last_month)
       WHERE t.first_month <= @to AND t.last_month >= @from ${filter}
         AND (${d('r_n')} <> 0 OR ${d('g_n')} <> 0)`
}

/**
 * Per-partner counts for a month range, per currency: cum(to) - cum(from - 1),
 * two index seeks per partner and currency into analytics_cum. Partners with
 * nothing in the range are left out.
 */
export function periodCounts(db: Db, range: Pick<MonthRange, 'fromMonth' | 'toMonth'>, f: PeriodFilter = {}): Map<string, Map<string, Counts>> {
  ensureSummaries(db)
  const { sql, params } = filterSql(f)
  const to = range.toMonth ?? '9999-12'
  const from = range.fromMonth ?? '0000-01'
  const prev = range.fromMonth ? shiftMonth(range.fromMonth, -1) : '0000-00'
  const rows = db
    .prepare(periodCountsSql(sql))
    .raw(true)
    .all({ to, from, prev, ...params }) as [string, string, string][]
  const out = new Map<string, Map<string, Counts>>()
  for (const [id, currency, json] of rows) {
    const c = countsFromValues(JSON.parse(json) as number[])
    const m = out.get(id)
    if (m) m.set(currency, c)
    else out.set(id, new Map([[currency, c]]))
  }
  return out
}

export interface MonthCounts {
  month: string
  /** Per currency ('' = none recorded). */
  counts: Map<string, Counts>
}

/** Rows of (month, currency, counts...) ordered by month into one entry per month; empty months left out. */
function byMonth(rows: Record<string, unknown>[]): MonthCounts[] {
  const out: MonthCounts[] = []
  for (const r of rows) {
    const c = toCounts(r)
    if (isEmptyCounts(c)) continue
    const month = String(r.month)
    const last = out.at(-1)
    if (last?.month === month) last.counts.set(String(r.currency), c)
    else out.push({ month, counts: new Map([[String(r.currency), c]]) })
  }
  return out
}

/** Network totals per month and currency in a range (unfiltered), from analytics_month. */
export function monthTotals(db: Db, range: Pick<MonthRange, 'fromMonth' | 'toMonth'>): MonthCounts[] {
  ensureSummaries(db)
  const rows = db
    .prepare(`SELECT month, currency, ${SELECT_COLS} FROM analytics_month WHERE month BETWEEN @from AND @to ORDER BY month, currency`)
    .all({ from: range.fromMonth ?? '0000-01', to: range.toMonth ?? '9999-12' }) as Record<string, unknown>[]
  return byMonth(rows)
}

/** Per-month figures for the partners passing a filter: differences of consecutive running totals. */
export function filteredMonthTotals(db: Db, range: Pick<MonthRange, 'fromMonth' | 'toMonth'>, f: PeriodFilter): MonthCounts[] {
  ensureSummaries(db)
  const { sql, params } = filterSql(f)
  const rows = db
    .prepare(
      `SELECT c.month AS month, c.currency AS currency, ${COL_NAMES.map((k) => `sum(c.${k} - coalesce(p.${k}, 0)) AS ${k}`).join(', ')}
       FROM analytics_partner t
       JOIN analytics_cum c ON c.partner_id = t.partner_id AND c.currency = t.currency AND c.month BETWEEN @from AND @to
       LEFT JOIN analytics_cum p ON p.partner_id = t.partner_id AND p.currency = t.currency
         AND p.month = substr(date(c.month || '-01', '-1 month'), 1, 7)
       WHERE 1 ${sql}
       GROUP BY c.month, c.currency ORDER BY c.month, c.currency`,
    )
    .all({ from: range.fromMonth ?? '0000-01', to: range.toMonth ?? '9999-12', ...params }) as Record<string, unknown>[]
  return byMonth(rows)
}

/** Names of every partner with summaries. */
export function partnerNames(db: Db): Map<string, { id: string; name: string; company: string | null }> {
  const rows = db
    .prepare('SELECT DISTINCT p.id, p.name, p.company FROM analytics_partner t JOIN people p ON p.id = t.partner_id')
    .all() as { id: string; name: string; company: string | null }[]
  return new Map(rows.map((r) => [r.id, r]))
}

const dateBounds = (range: Pick<MonthRange, 'from' | 'to'>) => ({ from: range.from ?? '0000-01-01', to: range.to ?? '9999-12-31' })

/** Days from introduction to won for the given partners' received introductions dated in the range. */
export function wonDays(db: Db, meId: string, range: Pick<MonthRange, 'from' | 'to'>, partnerIds: readonly string[] | null): Map<string, number[]> {
  const out = new Map<string, number[]>()
  const q = db.prepare(
    `SELECT referrer_id AS p, CAST(round(julianday(status_date) - julianday(date)) AS INTEGER) AS d
     FROM introductions INDEXED BY intros_by_referrer WHERE receiver_id = @me AND referrer_id = @p AND deleted_at IS NULL AND status = 'won'
       AND date BETWEEN @from AND @to`,
  )
  const all = db.prepare(
    `SELECT referrer_id AS p, CAST(round(julianday(status_date) - julianday(date)) AS INTEGER) AS d
     FROM introductions WHERE receiver_id = @me AND deleted_at IS NULL AND status = 'won' AND date BETWEEN @from AND @to`,
  )
  const b = dateBounds(range)
  const rows = (partnerIds === null ? all.all({ me: meId, ...b }) : partnerIds.flatMap((p) => q.all({ me: meId, p, ...b }))) as { p: string; d: number }[]
  for (const r of rows) {
    const l = out.get(r.p)
    if (l) l.push(r.d)
    else out.set(r.p, [r.d])
  }
  return out
}

/** Network median days to won in the range: a SQL median over the won introductions you received. */
export function networkMedianDaysToWon(db: Db, meId: string, range: Pick<MonthRange, 'from' | 'to'>, partnerIds: readonly string[] | null): number | null {
  if (partnerIds !== null) return median([...wonDays(db, meId, range, partnerIds).values()].flat())
  const b = dateBounds(range)
  const r = db
    .prepare(
      `SELECT avg(d) AS m FROM (
         SELECT d, row_number() OVER (ORDER BY d) AS rn, count(*) OVER () AS n FROM (
           SELECT CAST(round(julianday(status_date) - julianday(date)) AS INTEGER) AS d FROM introductions
           WHERE receiver_id = @me AND deleted_at IS NULL AND status = 'won' AND date BETWEEN @from AND @to))
       WHERE rn IN ((n + 1) / 2, (n + 2) / 2)`,
    )
    .get({ me: meId, ...b }) as { m: number | null }
  return r.m
}

export interface PartnerExtras {
  medianDaysToWon: number | null
  lastReceived: string | null
  lastGiven: string | null
  lapsing: boolean
  lapsingReason: 'silence' | 'falling' | null
  /** Per currency as recorded ('' = none). */
  spinOffValue: { currency: string; minor: number }[]
  spinOffWon: number
}

/**
 * The bounded per-partner figures (medians, last dates, lapsing, spin-off credit)
 * for a page of partners: index seeks per partner, never a scan of all introductions.
 */
export function partnerExtras(
  db: Db,
  meId: string,
  range: Pick<MonthRange, 'from' | 'to'>,
  partnerIds: readonly string[],
  today: string,
): Map<string, PartnerExtras> {
  const b = dateBounds(range)
  const days = wonDays(db, meId, range, partnerIds)
  const recvDates = db.prepare(
    `SELECT date FROM introductions INDEXED BY intros_by_referrer WHERE receiver_id = ? AND referrer_id = ? AND deleted_at IS NULL AND date <= ? ORDER BY date`,
  )
  const lastGiven = db.prepare(
    `SELECT max(date) AS d FROM introductions INDEXED BY intros_by_receiver WHERE referrer_id = ? AND receiver_id = ? AND deleted_at IS NULL`,
  )
  // Spin-off: won introductions you received, dated in the period, from people this partner introduced.
  const spin = db.prepare(
    `SELECT ${currencyOf('i')} AS currency, coalesce(sum(coalesce(i.value_minor, 0)), 0) AS v, count(i.id) AS n
     FROM people p JOIN introductions i INDEXED BY intros_by_referrer ON i.referrer_id = p.id
     WHERE p.introduced_by_id = @partner AND p.id <> @me AND p.deleted_at IS NULL
       AND i.receiver_id = @me AND i.deleted_at IS NULL AND i.status = 'won' AND i.date BETWEEN @from AND @to
     GROUP BY 1`,
  )
  const out = new Map<string, PartnerExtras>()
  for (const p of partnerIds) {
    const dates = (recvDates.all(meId, p, today) as { date: string }[]).map((r) => r.date)
    const s = spin.all({ partner: p, me: meId, ...b }) as { currency: string; v: number; n: number }[]
    const lapse = lapseFromDates(dates, today)
    out.set(p, {
      medianDaysToWon: median(days.get(p) ?? []),
      lastReceived: dates.at(-1) ?? null,
      lastGiven: (lastGiven.get(meId, p) as { d: string | null }).d,
      lapsing: lapse?.lapsing ?? false,
      lapsingReason: lapse?.reason ?? null,
      spinOffValue: s.map((x) => ({ currency: x.currency, minor: x.v })),
      spinOffWon: s.reduce((a, x) => a + x.n, 0),
    })
  }
  return out
}

export interface PartnerScore {
  won: number
  decided: number
  quality: number | null
  low: number | null
  high: number | null
  /** Won value of the introductions they sent you, per currency (main currency first). */
  closedValue: MoneyList
  received: number
  given: number
}

/**
 * Quality and flow per partner for the graph (and anyone else): one summary read.
 * `today` (YYYY-MM-DD, from todayIso(ctx)) resolves presets.
 */
export function partnerScores(
  db: Db,
  meId: string | null,
  period: PeriodInput,
  today: string,
): Map<string, PartnerScore> {
  const out = new Map<string, PartnerScore>()
  if (meId === null) return out
  const main = readSetting(db, 'currency')
  const counts = periodCounts(db, resolvePeriod(period, today))
  const prior = networkPrior(totalCounts(counts.values()))
  for (const [id, cc] of counts) {
    const c = totalCounts(cc)
    const decided = c.r_won + c.r_lost + c.r_naf
    const q = qualityScore(c.r_won, decided, prior)
    out.set(id, {
      won: c.r_won,
      decided,
      quality: q?.score ?? null,
      low: q?.low ?? null,
      high: q?.high ?? null,
      closedValue: moneyOf(cc, 'r_won_value', main),
      received: c.r_n,
      given: c.g_n,
    })
  }
  return out
}
