/**
 * The live analytics summary schema, generated from one column list so the
 * triggers, the rebuild and the queries cannot disagree. Migrations do not call
 * this: they hold the SQL it produced as frozen text (0020, then 0070), and
 * test/backend/migrations/0070.test.ts checks that a migrated database has exactly
 * the objects `summaryDdl()` creates today.
 *
 * Tables (all keyed by the *partner*: the other party of an introduction that
 * involves you, i.e. referrer when you are the receiver, receiver when you are
 * the referrer; introductions between two other people are not summarised) and
 * by the introduction's *currency* ('' when none is recorded), so money of
 * different currencies is never added; counts are added across currencies by
 * the readers:
 * - analytics_cum(partner_id, currency, month, cols...): running totals per partner
 *   and currency from their first month up to and including each month, dense
 *   from the first to the last active month. A period [a, b] is cum(b) - cum(a - 1).
 * - analytics_partner(partner_id, currency, first_month, last_month, cols...):
 *   all-time totals (= cum at last_month).
 * - analytics_month(month, currency, cols...): network totals per month (not cumulative).
 * - analytics_state(stale): 1 when the summaries must be rebuilt before reading
 *   (after "you" changes, or while a bulk load has paused the triggers).
 * - analytics_calendar(month): every month 1000-01..2999-12 (triggers may not use CTEs).
 */

/** Summary column: name and its SQL value for one introduction row aliased as X (1 = counted). */
export interface SummaryColumn {
  name: string
  dir: 'r' | 'g'
  expr: (x: string) => string
}

const decided = (x: string) => `${x}.status IN ('won','lost','not_a_fit')`
const bool = (cond: string) => `(CASE WHEN ${cond} THEN 1 ELSE 0 END)`

function cols(): SummaryColumn[] {
  const out: SummaryColumn[] = []
  for (const dir of ['r', 'g'] as const) {
    const add = (name: string, expr: (x: string) => string) => out.push({ name: `${dir}_${name}`, dir, expr })
    add('n', () => '1')
    add('open', (x) => bool(`${x}.status IN ('new','contacted','meeting','proposal')`))
    add('won', (x) => bool(`${x}.status = 'won'`))
    add('lost', (x) => bool(`${x}.status = 'lost'`))
    add('naf', (x) => bool(`${x}.status = 'not_a_fit'`))
    add('won_value', (x) => `(CASE WHEN ${x}.status = 'won' THEN coalesce(${x}.value_minor, 0) ELSE 0 END)`)
    add(
      'won_days',
      (x) =>
        `(CASE WHEN ${x}.status = 'won' THEN CAST(round(julianday(${x}.status_date) - julianday(${x}.date)) AS INTEGER) ELSE 0 END)`,
    )
    if (dir === 'r') {
      for (const k of ['referral', 'introduction', 'lead']) {
        add(k, (x) => bool(`${x}.kind = '${k}'`))
        add(`won_${k}`, (x) => bool(`${x}.kind = '${k}' AND ${x}.status = 'won'`))
        add(`dec_${k}`, (x) => bool(`${x}.kind = '${k}' AND ${decided(x)}`))
      }
      for (const o of ['inbound', 'outbound']) {
        add(o, (x) => bool(`${x}.origin = '${o}'`))
        add(`won_${o}`, (x) => bool(`${x}.origin = '${o}' AND ${x}.status = 'won'`))
        add(`dec_${o}`, (x) => bool(`${x}.origin = '${o}' AND ${decided(x)}`))
      }
    }
  }
  return out
}

export const SUMMARY_COLUMNS: readonly SummaryColumn[] = cols()
export const COL_NAMES = SUMMARY_COLUMNS.map((c) => c.name)

export const ME_SQL = `(SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL)`

/** SQL for the summary currency key of introduction X ('' when none is recorded). */
export const currencyOf = (x: string) => `coalesce(${x}.currency, '')`

/** SQL for the partner id of introduction X (NULL when X does not involve you). */
export const partnerOf = (x: string, me = ME_SQL) =>
  `(CASE WHEN ${x}.receiver_id = ${me} THEN ${x}.referrer_id WHEN ${x}.referrer_id = ${me} THEN ${x}.receiver_id END)`

/** The value of every column for introduction X, with its direction resolved against `me`. */
export function colValues(x: string, me = ME_SQL, sign = ''): string[] {
  return SUMMARY_COLUMNS.map((c) => {
    const isDir = c.dir === 'r' ? `${x}.receiver_id = ${me}` : `${x}.referrer_id = ${me}`
    return `${sign}(CASE WHEN ${isDir} THEN ${c.expr(x)} ELSE 0 END)`
  })
}

const intCols = (prefix = '') => COL_NAMES.map((c) => `${prefix}${c} INTEGER NOT NULL DEFAULT 0`).join(',\n  ')

/** The trigger that marks the summaries stale when a new "you" is inserted (bulk imports that insert is_me = 0 pause it). */
export const ME_INSERT_TRIGGER = 'analytics_me_insert'

/**
 * DDL for the summary state, calendar, tables, delta view and triggers, as the
 * app defines them today (fill the calendar with `calendarSql()`).
 */
export function summaryDdl(): string {
  const n = COL_NAMES
  const zeros = n.map(() => '0').join(', ')
  const plus = (target: string) => n.map((c) => `${c} = ${c} + ${target}.${c}`).join(', ')
  const delta = (x: string, sign: string) =>
    `INSERT INTO analytics_apply (partner_id, currency, month, ${n.join(', ')})
       SELECT ${partnerOf(x)}, ${currencyOf(x)}, substr(${x}.date, 1, 7), ${colValues(x, ME_SQL, sign).join(', ')}
       WHERE ${x}.deleted_at IS NULL AND ${partnerOf(x)} IS NOT NULL;`
  const live = `(SELECT stale FROM analytics_state WHERE id = 1) = 0`
  return `
CREATE TABLE analytics_state (id INTEGER PRIMARY KEY CHECK (id = 1), stale INTEGER NOT NULL CHECK (stale IN (0, 1))) STRICT;
INSERT INTO analytics_state (id, stale) VALUES (1, 1);

CREATE TABLE analytics_calendar (month TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;

CREATE TABLE analytics_cum (
  partner_id TEXT NOT NULL,
  currency TEXT NOT NULL,
  month TEXT NOT NULL,
  ${intCols()},
  PRIMARY KEY (partner_id, currency, month)
) STRICT, WITHOUT ROWID;

CREATE TABLE analytics_partner (
  partner_id TEXT NOT NULL,
  currency TEXT NOT NULL,
  first_month TEXT NOT NULL,
  last_month TEXT NOT NULL,
  ${intCols()},
  PRIMARY KEY (partner_id, currency)
) STRICT, WITHOUT ROWID;

CREATE TABLE analytics_month (
  month TEXT NOT NULL,
  currency TEXT NOT NULL,
  ${intCols()},
  PRIMARY KEY (month, currency)
) STRICT, WITHOUT ROWID;

CREATE VIEW analytics_apply AS SELECT NULL AS partner_id, NULL AS currency, NULL AS month, ${n.map((c) => `NULL AS ${c}`).join(', ')} WHERE 0;

CREATE TRIGGER analytics_apply_delta INSTEAD OF INSERT ON analytics_apply
BEGIN
  -- A month after the partner's last one (in this currency): carry their running total forward.
  INSERT OR IGNORE INTO analytics_cum (partner_id, currency, month, ${n.join(', ')})
    SELECT t.partner_id, t.currency, cal.month, ${n.map((c) => `t.${c}`).join(', ')}
    FROM analytics_partner t JOIN analytics_calendar cal ON cal.month > t.last_month AND cal.month <= NEW.month
    WHERE t.partner_id = NEW.partner_id AND t.currency = NEW.currency;
  -- A month before the partner's first one (or a new partner or currency): zeros up to their existing rows.
  INSERT OR IGNORE INTO analytics_cum (partner_id, currency, month, ${n.join(', ')})
    SELECT NEW.partner_id, NEW.currency, cal.month, ${zeros}
    FROM analytics_calendar cal
    WHERE cal.month >= NEW.month
      AND cal.month <= max(NEW.month, coalesce((SELECT last_month FROM analytics_partner WHERE partner_id = NEW.partner_id AND currency = NEW.currency), NEW.month));
  UPDATE analytics_cum SET ${plus('NEW')} WHERE partner_id = NEW.partner_id AND currency = NEW.currency AND month >= NEW.month;
  INSERT INTO analytics_partner (partner_id, currency, first_month, last_month, ${n.join(', ')})
    VALUES (NEW.partner_id, NEW.currency, NEW.month, NEW.month, ${zeros})
    ON CONFLICT (partner_id, currency) DO UPDATE SET first_month = min(first_month, excluded.first_month),
      last_month = max(last_month, excluded.last_month);
  UPDATE analytics_partner SET ${plus('NEW')} WHERE partner_id = NEW.partner_id AND currency = NEW.currency;
  INSERT OR IGNORE INTO analytics_month (month, currency, ${n.join(', ')}) VALUES (NEW.month, NEW.currency, ${zeros});
  UPDATE analytics_month SET ${plus('NEW')} WHERE month = NEW.month AND currency = NEW.currency;
END;

CREATE TRIGGER analytics_intro_insert AFTER INSERT ON introductions WHEN ${live}
BEGIN
  ${delta('NEW', '')}
END;

CREATE TRIGGER analytics_intro_delete AFTER DELETE ON introductions WHEN ${live}
BEGIN
  ${delta('OLD', '-')}
END;

CREATE TRIGGER analytics_intro_update
AFTER UPDATE OF status, status_date, value_minor, currency, date, referrer_id, receiver_id, kind, origin, deleted_at ON introductions
WHEN ${live}
BEGIN
  ${delta('OLD', '-')}
  ${delta('NEW', '')}
END;

-- Who "you" are decides every direction: when that changes, rebuild before the next read.
CREATE TRIGGER analytics_me_update AFTER UPDATE OF is_me, deleted_at ON people
WHEN OLD.is_me = 1 OR NEW.is_me = 1
BEGIN
  UPDATE analytics_state SET stale = 1 WHERE id = 1;
END;
CREATE TRIGGER ${ME_INSERT_TRIGGER} AFTER INSERT ON people WHEN NEW.is_me = 1
BEGIN
  UPDATE analytics_state SET stale = 1 WHERE id = 1;
END;
CREATE TRIGGER analytics_me_delete AFTER DELETE ON people WHEN OLD.is_me = 1
BEGIN
  UPDATE analytics_state SET stale = 1 WHERE id = 1;
END;
`
}

/** Fills analytics_calendar with every month from 1000-01 to 2999-12. */
export function calendarSql(): string {
  return `INSERT INTO analytics_calendar (month)
    SELECT printf('%04d-%02d', y, m) FROM
      (WITH RECURSIVE ys(y) AS (SELECT 1000 UNION ALL SELECT y + 1 FROM ys WHERE y < 2999) SELECT y FROM ys)
      JOIN (WITH RECURSIVE ms(m) AS (SELECT 1 UNION ALL SELECT m + 1 FROM ms WHERE m < 12) SELECT m FROM ms)`
}
