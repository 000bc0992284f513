/**
 * Scorecard summaries per currency: analytics_cum, analytics_partner and
 * analytics_month get the introduction's currency in their key ('' when none is
 * recorded), so totals are kept per currency and never add GBP to EUR; the
 * update trigger also follows a change of currency. The summaries are derived
 * data: they are dropped and recreated empty and stale, and the first read
 * rebuilds them from the introductions.
 *
 * The SQL text src/backend/db/analyticsSchema.ts summaryDdl() + calendarSql()
 * produced for this release, pasted verbatim (frozen: never edit; a later change
 * is a new migration). test/backend/migrations/0070.test.ts checks that a migrated
 * database has exactly the objects the live definition creates.
 */
export default {
  version: 70,
  name: 'summaries-by-currency',
  sql: `
-- The summaries are rebuilt with the introduction's currency in their key (money
-- of different currencies is never added). They hold nothing that is not in
-- introductions: drop them and let the first read rebuild them (stale = 1).
DROP TRIGGER analytics_intro_insert;
DROP TRIGGER analytics_intro_delete;
DROP TRIGGER analytics_intro_update;
DROP TRIGGER analytics_me_update;
DROP TRIGGER analytics_me_insert;
DROP TRIGGER analytics_me_delete;
DROP VIEW analytics_apply;
DROP TABLE analytics_cum;
DROP TABLE analytics_partner;
DROP TABLE analytics_month;
DROP TABLE analytics_state;
DROP TABLE analytics_calendar;

CREATE TABLE analytics_state (id INTEGER PRIMARY KEY CHECK (id = 1), stale INTEGER NOT NULL CHECK (stale IN (0, 1))) STRICT;
INSERT INTO analytics_state (id, stale) VALUES (1, 1);

CREATE TABLE analytics_calendar (month TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;

CREATE TABLE analytics_cum (
  partner_id TEXT NOT NULL,
  currency TEXT NOT NULL,
  month TEXT NOT NULL,
  r_n INTEGER NOT NULL DEFAULT 0,
  r_open INTEGER NOT NULL DEFAULT 0,
  r_won INTEGER NOT NULL DEFAULT 0,
  r_lost INTEGER NOT NULL DEFAULT 0,
  r_naf INTEGER NOT NULL DEFAULT 0,
  r_won_value INTEGER NOT NULL DEFAULT 0,
  r_won_days INTEGER NOT NULL DEFAULT 0,
  r_referral INTEGER NOT NULL DEFAULT 0,
  r_won_referral INTEGER NOT NULL DEFAULT 0,
  r_dec_referral INTEGER NOT NULL DEFAULT 0,
  r_introduction INTEGER NOT NULL DEFAULT 0,
  r_won_introduction INTEGER NOT NULL DEFAULT 0,
  r_dec_introduction INTEGER NOT NULL DEFAULT 0,
  r_lead INTEGER NOT NULL DEFAULT 0,
  r_won_lead INTEGER NOT NULL DEFAULT 0,
  r_dec_lead INTEGER NOT NULL DEFAULT 0,
  r_inbound INTEGER NOT NULL DEFAULT 0,
  r_won_inbound INTEGER NOT NULL DEFAULT 0,
  r_dec_inbound INTEGER NOT NULL DEFAULT 0,
  r_outbound INTEGER NOT NULL DEFAULT 0,
  r_won_outbound INTEGER NOT NULL DEFAULT 0,
  r_dec_outbound INTEGER NOT NULL DEFAULT 0,
  g_n INTEGER NOT NULL DEFAULT 0,
  g_open INTEGER NOT NULL DEFAULT 0,
  g_won INTEGER NOT NULL DEFAULT 0,
  g_lost INTEGER NOT NULL DEFAULT 0,
  g_naf INTEGER NOT NULL DEFAULT 0,
  g_won_value INTEGER NOT NULL DEFAULT 0,
  g_won_days INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (partner_id, currency, month)
) STRICT, WITHOUT ROWID;

CREATE TABLE analytics_partner (
  partner_id TEXT NOT NULL,
  currency TEXT NOT NULL,
  first_month TEXT NOT NULL,
  last_month TEXT NOT NULL,
  r_n INTEGER NOT NULL DEFAULT 0,
  r_open INTEGER NOT NULL DEFAULT 0,
  r_won INTEGER NOT NULL DEFAULT 0,
  r_lost INTEGER NOT NULL DEFAULT 0,
  r_naf INTEGER NOT NULL DEFAULT 0,
  r_won_value INTEGER NOT NULL DEFAULT 0,
  r_won_days INTEGER NOT NULL DEFAULT 0,
  r_referral INTEGER NOT NULL DEFAULT 0,
  r_won_referral INTEGER NOT NULL DEFAULT 0,
  r_dec_referral INTEGER NOT NULL DEFAULT 0,
  r_introduction INTEGER NOT NULL DEFAULT 0,
  r_won_introduction INTEGER NOT NULL DEFAULT 0,
  r_dec_introduction INTEGER NOT NULL DEFAULT 0,
  r_lead INTEGER NOT NULL DEFAULT 0,
  r_won_lead INTEGER NOT NULL DEFAULT 0,
  r_dec_lead INTEGER NOT NULL DEFAULT 0,
  r_inbound INTEGER NOT NULL DEFAULT 0,
  r_won_inbound INTEGER NOT NULL DEFAULT 0,
  r_dec_inbound INTEGER NOT NULL DEFAULT 0,
  r_outbound INTEGER NOT NULL DEFAULT 0,
  r_won_outbound INTEGER NOT NULL DEFAULT 0,
  r_dec_outbound INTEGER NOT NULL DEFAULT 0,
  g_n INTEGER NOT NULL DEFAULT 0,
  g_open INTEGER NOT NULL DEFAULT 0,
  g_won INTEGER NOT NULL DEFAULT 0,
  g_lost INTEGER NOT NULL DEFAULT 0,
  g_naf INTEGER NOT NULL DEFAULT 0,
  g_won_value INTEGER NOT NULL DEFAULT 0,
  g_won_days INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (partner_id, currency)
) STRICT, WITHOUT ROWID;

CREATE TABLE analytics_month (
  month TEXT NOT NULL,
  currency TEXT NOT NULL,
  r_n INTEGER NOT NULL DEFAULT 0,
  r_open INTEGER NOT NULL DEFAULT 0,
  r_won INTEGER NOT NULL DEFAULT 0,
  r_lost INTEGER NOT NULL DEFAULT 0,
  r_naf INTEGER NOT NULL DEFAULT 0,
  r_won_value INTEGER NOT NULL DEFAULT 0,
  r_won_days INTEGER NOT NULL DEFAULT 0,
  r_referral INTEGER NOT NULL DEFAULT 0,
  r_won_referral INTEGER NOT NULL DEFAULT 0,
  r_dec_referral INTEGER NOT NULL DEFAULT 0,
  r_introduction INTEGER NOT NULL DEFAULT 0,
  r_won_introduction INTEGER NOT NULL DEFAULT 0,
  r_dec_introduction INTEGER NOT NULL DEFAULT 0,
  r_lead INTEGER NOT NULL DEFAULT 0,
  r_won_lead INTEGER NOT NULL DEFAULT 0,
  r_dec_lead INTEGER NOT NULL DEFAULT 0,
  r_inbound INTEGER NOT NULL DEFAULT 0,
  r_won_inbound INTEGER NOT NULL DEFAULT 0,
  r_dec_inbound INTEGER NOT NULL DEFAULT 0,
  r_outbound INTEGER NOT NULL DEFAULT 0,
  r_won_outbound INTEGER NOT NULL DEFAULT 0,
  r_dec_outbound INTEGER NOT NULL DEFAULT 0,
  g_n INTEGER NOT NULL DEFAULT 0,
  g_open INTEGER NOT NULL DEFAULT 0,
  g_won INTEGER NOT NULL DEFAULT 0,
  g_lost INTEGER NOT NULL DEFAULT 0,
  g_naf INTEGER NOT NULL DEFAULT 0,
  g_won_value INTEGER NOT NULL DEFAULT 0,
  g_won_days INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (month, currency)
) STRICT, WITHOUT ROWID;

CREATE VIEW analytics_apply AS SELECT NULL AS partner_id, NULL AS currency, NULL AS month, NULL AS r_n, NULL AS r_open, NULL AS r_won, NULL AS r_lost, NULL AS r_naf, NULL AS r_won_value, NULL AS r_won_days, NULL AS r_referral, NULL AS r_won_referral, NULL AS r_dec_referral, NULL AS r_introduction, NULL AS r_won_introduction, NULL AS r_dec_introduction, NULL AS r_lead, NULL AS r_won_lead, NULL AS r_dec_lead, NULL AS r_inbound, NULL AS r_won_inbound, NULL AS r_dec_inbound, NULL AS r_outbound, NULL AS r_won_outbound, NULL AS r_dec_outbound, NULL AS g_n, NULL AS g_open, NULL AS g_won, NULL AS g_lost, NULL AS g_naf, NULL AS g_won_value, NULL AS g_won_days WHERE 0;

CREATE TRIGGER analytics_apply_delta INSTEAD OF INSERT ON analytics_apply
BEGIN
  -- A month after the partner's last one (in this currency): carry their running total forward.
  INSERT OR IGNORE INTO analytics_cum (partner_id, currency, month, r_n, r_open, r_won, r_lost, r_naf, r_won_value, r_won_days, r_referral, r_won_referral, r_dec_referral, r_introduction, r_won_introduction, r_dec_introduction, r_lead, r_won_lead, r_dec_lead, r_inbound, r_won_inbound, r_dec_inbound, r_outbound, r_won_outbound, r_dec_outbound, g_n, g_open, g_won, g_lost, g_naf, g_won_value, g_won_days)
    SELECT t.partner_id, t.currency, cal.month, t.r_n, t.r_open, t.r_won, t.r_lost, t.r_naf, t.r_won_value, t.r_won_days, t.r_referral, t.r_won_referral, t.r_dec_referral, t.r_introduction, t.r_won_introduction, t.r_dec_introduction, t.r_lead, t.r_won_lead, t.r_dec_lead, t.r_inbound, t.r_won_inbound, t.r_dec_inbound, t.r_outbound, t.r_won_outbound, t.r_dec_outbound, t.g_n, t.g_open, t.g_won, t.g_lost, t.g_naf, t.g_won_value, t.g_won_days
    FROM analytics_partner t JOIN analytics_calendar cal ON cal.month > t.last_month AND cal.month <= NEW.month
    WHERE t.partner_id = NEW.partner_id AND t.currency = NEW.currency;
  -- A month before the partner's first one (or a new partner or currency): zeros up to their existing rows.
  INSERT OR IGNORE INTO analytics_cum (partner_id, currency, month, r_n, r_open, r_won, r_lost, r_naf, r_won_value, r_won_days, r_referral, r_won_referral, r_dec_referral, r_introduction, r_won_introduction, r_dec_introduction, r_lead, r_won_lead, r_dec_lead, r_inbound, r_won_inbound, r_dec_inbound, r_outbound, r_won_outbound, r_dec_outbound, g_n, g_open, g_won, g_lost, g_naf, g_won_value, g_won_days)
    SELECT NEW.partner_id, NEW.currency, cal.month, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM analytics_calendar cal
    WHERE cal.month >= NEW.month
      AND cal.month <= max(NEW.month, coalesce((SELECT last_month FROM analytics_partner WHERE partner_id = NEW.partner_id AND currency = NEW.currency), NEW.month));
  UPDATE analytics_cum SET r_n = r_n + NEW.r_n, r_open = r_open + NEW.r_open, r_won = r_won + NEW.r_won, r_lost = r_lost + NEW.r_lost, r_naf = r_naf + NEW.r_naf, r_won_value = r_won_value + NEW.r_won_value, r_won_days = r_won_days + NEW.r_won_days, r_referral = r_referral + NEW.r_referral, r_won_referral = r_won_referral + NEW.r_won_referral, r_dec_referral = r_dec_referral + NEW.r_dec_referral, r_introduction = r_introduction + NEW.r_introduction, r_won_introduction = r_won_introduction + NEW.r_won_introduction, r_dec_introduction = r_dec_introduction + NEW.r_dec_introduction, r_lead = r_lead + NEW.r_lead, r_won_lead = r_won_lead + NEW.r_won_lead, r_dec_lead = r_dec_lead + NEW.r_dec_lead, r_inbound = r_inbound + NEW.r_inbound, r_won_inbound = r_won_inbound + NEW.r_won_inbound, r_dec_inbound = r_dec_inbound + NEW.r_dec_inbound, r_outbound = r_outbound + NEW.r_outbound, r_won_outbound = r_won_outbound + NEW.r_won_outbound, r_dec_outbound = r_dec_outbound + NEW.r_dec_outbound, g_n = g_n + NEW.g_n, g_open = g_open + NEW.g_open, g_won = g_won + NEW.g_won, g_lost = g_lost + NEW.g_lost, g_naf = g_naf + NEW.g_naf, g_won_value = g_won_value + NEW.g_won_value, g_won_days = g_won_days + NEW.g_won_days WHERE partner_id = NEW.partner_id AND currency = NEW.currency AND month >= NEW.month;
  INSERT INTO analytics_partner (partner_id, currency, first_month, last_month, r_n, r_open, r_won, r_lost, r_naf, r_won_value, r_won_days, r_referral, r_won_referral, r_dec_referral, r_introduction, r_won_introduction, r_dec_introduction, r_lead, r_won_lead, r_dec_lead, r_inbound, r_won_inbound, r_dec_inbound, r_outbound, r_won_outbound, r_dec_outbound, g_n, g_open, g_won, g_lost, g_naf, g_won_value, g_won_days)
    VALUES (NEW.partner_id, NEW.currency, NEW.month, NEW.month, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    ON CONFLICT (partner_id, currency) DO UPDATE SET first_month = min(first_month, excluded.first_month),
      last_month = max(last_month, excluded.last_month);
  UPDATE analytics_partner SET r_n = r_n + NEW.r_n, r_open = r_open + NEW.r_open, r_won = r_won + NEW.r_won, r_lost = r_lost + NEW.r_lost, r_naf = r_naf + NEW.r_naf, r_won_value = r_won_value + NEW.r_won_value, r_won_days = r_won_days + NEW.r_won_days, r_referral = r_referral + NEW.r_referral, r_won_referral = r_won_referral + NEW.r_won_referral, r_dec_referral = r_dec_referral + NEW.r_dec_referral, r_introduction = r_introduction + NEW.r_introduction, r_won_introduction = r_won_introduction + NEW.r_won_introduction, r_dec_introduction = r_dec_introduction + NEW.r_dec_introduction, r_lead = r_lead + NEW.r_lead, r_won_lead = r_won_lead + NEW.r_won_lead, r_dec_lead = r_dec_lead + NEW.r_dec_lead, r_inbound = r_inbound + NEW.r_inbound, r_won_inbound = r_won_inbound + NEW.r_won_inbound, r_dec_inbound = r_dec_inbound + NEW.r_dec_inbound, r_outbound = r_outbound + NEW.r_outbound, r_won_outbound = r_won_outbound + NEW.r_won_outbound, r_dec_outbound = r_dec_outbound + NEW.r_dec_outbound, g_n = g_n + NEW.g_n, g_open = g_open + NEW.g_open, g_won = g_won + NEW.g_won, g_lost = g_lost + NEW.g_lost, g_naf = g_naf + NEW.g_naf, g_won_value = g_won_value + NEW.g_won_value, g_won_days = g_won_days + NEW.g_won_days WHERE partner_id = NEW.partner_id AND currency = NEW.currency;
  INSERT OR IGNORE INTO analytics_month (month, currency, r_n, r_open, r_won, r_lost, r_naf, r_won_value, r_won_days, r_referral, r_won_referral, r_dec_referral, r_introduction, r_won_introduction, r_dec_introduction, r_lead, r_won_lead, r_dec_lead, r_inbound, r_won_inbound, r_dec_inbound, r_outbound, r_won_outbound, r_dec_outbound, g_n, g_open, g_won, g_lost, g_naf, g_won_value, g_won_days) VALUES (NEW.month, NEW.currency, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  UPDATE analytics_month SET r_n = r_n + NEW.r_n, r_open = r_open + NEW.r_open, r_won = r_won + NEW.r_won, r_lost = r_lost + NEW.r_lost, r_naf = r_naf + NEW.r_naf, r_won_value = r_won_value + NEW.r_won_value, r_won_days = r_won_days + NEW.r_won_days, r_referral = r_referral + NEW.r_referral, r_won_referral = r_won_referral + NEW.r_won_referral, r_dec_referral = r_dec_referral + NEW.r_dec_referral, r_introduction = r_introduction + NEW.r_introduction, r_won_introduction = r_won_introduction + NEW.r_won_introduction, r_dec_introduction = r_dec_introduction + NEW.r_dec_introduction, r_lead = r_lead + NEW.r_lead, r_won_lead = r_won_lead + NEW.r_won_lead, r_dec_lead = r_dec_lead + NEW.r_dec_lead, r_inbound = r_inbound + NEW.r_inbound, r_won_inbound = r_won_inbound + NEW.r_won_inbound, r_dec_inbound = r_dec_inbound + NEW.r_dec_inbound, r_outbound = r_outbound + NEW.r_outbound, r_won_outbound = r_won_outbound + NEW.r_won_outbound, r_dec_outbound = r_dec_outbound + NEW.r_dec_outbound, g_n = g_n + NEW.g_n, g_open = g_open + NEW.g_open, g_won = g_won + NEW.g_won, g_lost = g_lost + NEW.g_lost, g_naf = g_naf + NEW.g_naf, g_won_value = g_won_value + NEW.g_won_value, g_won_days = g_won_days + NEW.g_won_days WHERE month = NEW.month AND currency = NEW.currency;
END;

CREATE TRIGGER analytics_intro_insert AFTER INSERT ON introductions WHEN (SELECT stale FROM analytics_state WHERE id = 1) = 0
BEGIN
  INSERT INTO analytics_apply (partner_id, currency, month, r_n, r_open, r_won, r_lost, r_naf, r_won_value, r_won_days, r_referral, r_won_referral, r_dec_referral, r_introduction, r_won_introduction, r_dec_introduction, r_lead, r_won_lead, r_dec_lead, r_inbound, r_won_inbound, r_dec_inbound, r_outbound, r_won_outbound, r_dec_outbound, g_n, g_open, g_won, g_lost, g_naf, g_won_value, g_won_days)
       SELECT (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN NEW.referrer_id WHEN NEW.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN NEW.receiver_id END), coalesce(NEW.currency, ''), substr(NEW.date, 1, 7), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN 1 ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status IN ('new','contacted','meeting','proposal') THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'lost' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'not_a_fit' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'won' THEN coalesce(NEW.value_minor, 0) ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'won' THEN CAST(round(julianday(NEW.status_date) - julianday(NEW.date)) AS INTEGER) ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.kind = 'referral' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.kind = 'referral' AND NEW.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.kind = 'referral' AND NEW.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.kind = 'introduction' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.kind = 'introduction' AND NEW.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.kind = 'introduction' AND NEW.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.kind = 'lead' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.kind = 'lead' AND NEW.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.kind = 'lead' AND NEW.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.origin = 'inbound' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.origin = 'inbound' AND NEW.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.origin = 'inbound' AND NEW.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.origin = 'outbound' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.origin = 'outbound' AND NEW.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.origin = 'outbound' AND NEW.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN 1 ELSE 0 END), (CASE WHEN NEW.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status IN ('new','contacted','meeting','proposal') THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'lost' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'not_a_fit' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'won' THEN coalesce(NEW.value_minor, 0) ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'won' THEN CAST(round(julianday(NEW.status_date) - julianday(NEW.date)) AS INTEGER) ELSE 0 END) ELSE 0 END)
       WHERE NEW.deleted_at IS NULL AND (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN NEW.referrer_id WHEN NEW.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN NEW.receiver_id END) IS NOT NULL;
END;

CREATE TRIGGER analytics_intro_delete AFTER DELETE ON introductions WHEN (SELECT stale FROM analytics_state WHERE id = 1) = 0
BEGIN
  INSERT INTO analytics_apply (partner_id, currency, month, r_n, r_open, r_won, r_lost, r_naf, r_won_value, r_won_days, r_referral, r_won_referral, r_dec_referral, r_introduction, r_won_introduction, r_dec_introduction, r_lead, r_won_lead, r_dec_lead, r_inbound, r_won_inbound, r_dec_inbound, r_outbound, r_won_outbound, r_dec_outbound, g_n, g_open, g_won, g_lost, g_naf, g_won_value, g_won_days)
       SELECT (CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN OLD.referrer_id WHEN OLD.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN OLD.receiver_id END), coalesce(OLD.currency, ''), substr(OLD.date, 1, 7), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN 1 ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status IN ('new','contacted','meeting','proposal') THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'lost' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'not_a_fit' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'won' THEN coalesce(OLD.value_minor, 0) ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'won' THEN CAST(round(julianday(OLD.status_date) - julianday(OLD.date)) AS INTEGER) ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.kind = 'referral' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.kind = 'referral' AND OLD.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.kind = 'referral' AND OLD.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.kind = 'introduction' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.kind = 'introduction' AND OLD.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.kind = 'introduction' AND OLD.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.kind = 'lead' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.kind = 'lead' AND OLD.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.kind = 'lead' AND OLD.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.origin = 'inbound' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.origin = 'inbound' AND OLD.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.origin = 'inbound' AND OLD.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.origin = 'outbound' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.origin = 'outbound' AND OLD.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.origin = 'outbound' AND OLD.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN 1 ELSE 0 END), -(CASE WHEN OLD.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status IN ('new','contacted','meeting','proposal') THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'lost' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'not_a_fit' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'won' THEN coalesce(OLD.value_minor, 0) ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'won' THEN CAST(round(julianday(OLD.status_date) - julianday(OLD.date)) AS INTEGER) ELSE 0 END) ELSE 0 END)
       WHERE OLD.deleted_at IS NULL AND (CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN OLD.referrer_id WHEN OLD.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN OLD.receiver_id END) IS NOT NULL;
END;

CREATE TRIGGER analytics_intro_update
AFTER UPDATE OF status, status_date, value_minor, currency, date, referrer_id, receiver_id, kind, origin, deleted_at ON introductions
WHEN (SELECT stale FROM analytics_state WHERE id = 1) = 0
BEGIN
  INSERT INTO analytics_apply (partner_id, currency, month, r_n, r_open, r_won, r_lost, r_naf, r_won_value, r_won_days, r_referral, r_won_referral, r_dec_referral, r_introduction, r_won_introduction, r_dec_introduction, r_lead, r_won_lead, r_dec_lead, r_inbound, r_won_inbound, r_dec_inbound, r_outbound, r_won_outbound, r_dec_outbound, g_n, g_open, g_won, g_lost, g_naf, g_won_value, g_won_days)
       SELECT (CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN OLD.referrer_id WHEN OLD.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN OLD.receiver_id END), coalesce(OLD.currency, ''), substr(OLD.date, 1, 7), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN 1 ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status IN ('new','contacted','meeting','proposal') THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'lost' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'not_a_fit' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'won' THEN coalesce(OLD.value_minor, 0) ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'won' THEN CAST(round(julianday(OLD.status_date) - julianday(OLD.date)) AS INTEGER) ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.kind = 'referral' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.kind = 'referral' AND OLD.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.kind = 'referral' AND OLD.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.kind = 'introduction' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.kind = 'introduction' AND OLD.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.kind = 'introduction' AND OLD.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.kind = 'lead' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.kind = 'lead' AND OLD.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.kind = 'lead' AND OLD.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.origin = 'inbound' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.origin = 'inbound' AND OLD.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.origin = 'inbound' AND OLD.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.origin = 'outbound' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.origin = 'outbound' AND OLD.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.origin = 'outbound' AND OLD.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN 1 ELSE 0 END), -(CASE WHEN OLD.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status IN ('new','contacted','meeting','proposal') THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'lost' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'not_a_fit' THEN 1 ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'won' THEN coalesce(OLD.value_minor, 0) ELSE 0 END) ELSE 0 END), -(CASE WHEN OLD.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN OLD.status = 'won' THEN CAST(round(julianday(OLD.status_date) - julianday(OLD.date)) AS INTEGER) ELSE 0 END) ELSE 0 END)
       WHERE OLD.deleted_at IS NULL AND (CASE WHEN OLD.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN OLD.referrer_id WHEN OLD.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN OLD.receiver_id END) IS NOT NULL;
  INSERT INTO analytics_apply (partner_id, currency, month, r_n, r_open, r_won, r_lost, r_naf, r_won_value, r_won_days, r_referral, r_won_referral, r_dec_referral, r_introduction, r_won_introduction, r_dec_introduction, r_lead, r_won_lead, r_dec_lead, r_inbound, r_won_inbound, r_dec_inbound, r_outbound, r_won_outbound, r_dec_outbound, g_n, g_open, g_won, g_lost, g_naf, g_won_value, g_won_days)
       SELECT (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN NEW.referrer_id WHEN NEW.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN NEW.receiver_id END), coalesce(NEW.currency, ''), substr(NEW.date, 1, 7), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN 1 ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status IN ('new','contacted','meeting','proposal') THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'lost' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'not_a_fit' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'won' THEN coalesce(NEW.value_minor, 0) ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'won' THEN CAST(round(julianday(NEW.status_date) - julianday(NEW.date)) AS INTEGER) ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.kind = 'referral' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.kind = 'referral' AND NEW.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.kind = 'referral' AND NEW.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.kind = 'introduction' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.kind = 'introduction' AND NEW.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.kind = 'introduction' AND NEW.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.kind = 'lead' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.kind = 'lead' AND NEW.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.kind = 'lead' AND NEW.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.origin = 'inbound' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.origin = 'inbound' AND NEW.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.origin = 'inbound' AND NEW.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.origin = 'outbound' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.origin = 'outbound' AND NEW.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.origin = 'outbound' AND NEW.status IN ('won','lost','not_a_fit') THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN 1 ELSE 0 END), (CASE WHEN NEW.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status IN ('new','contacted','meeting','proposal') THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'won' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'lost' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'not_a_fit' THEN 1 ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'won' THEN coalesce(NEW.value_minor, 0) ELSE 0 END) ELSE 0 END), (CASE WHEN NEW.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN (CASE WHEN NEW.status = 'won' THEN CAST(round(julianday(NEW.status_date) - julianday(NEW.date)) AS INTEGER) ELSE 0 END) ELSE 0 END)
       WHERE NEW.deleted_at IS NULL AND (CASE WHEN NEW.receiver_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN NEW.referrer_id WHEN NEW.referrer_id = (SELECT id FROM people WHERE is_me = 1 AND deleted_at IS NULL) THEN NEW.receiver_id END) IS NOT NULL;
END;

-- Who "you" are decides every direction: when that changes, rebuild before the next read.
CREATE TRIGGER analytics_me_update AFTER UPDATE OF is_me, deleted_at ON people
WHEN OLD.is_me = 1 OR NEW.is_me = 1
BEGIN
  UPDATE analytics_state SET stale = 1 WHERE id = 1;
END;
CREATE TRIGGER analytics_me_insert AFTER INSERT ON people WHEN NEW.is_me = 1
BEGIN
  UPDATE analytics_state SET stale = 1 WHERE id = 1;
END;
CREATE TRIGGER analytics_me_delete AFTER DELETE ON people WHEN OLD.is_me = 1
BEGIN
  UPDATE analytics_state SET stale = 1 WHERE id = 1;
END;
INSERT INTO analytics_calendar (month)
    SELECT printf('%04d-%02d', y, m) FROM
      (WITH RECURSIVE ys(y) AS (SELECT 1000 UNION ALL SELECT y + 1 FROM ys WHERE y < 2999) SELECT y FROM ys)
      JOIN (WITH RECURSIVE ms(m) AS (SELECT 1 UNION ALL SELECT m + 1 FROM ms WHERE m < 12) SELECT m FROM ms);
`,
}
