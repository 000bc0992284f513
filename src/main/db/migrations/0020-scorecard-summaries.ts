import type { Migration } from './index'
import { calendarSql, summaryDdl } from '../analyticsSchema'

/**
 * Scorecard summaries: running totals per partner and month, network totals per
 * month, kept correct by triggers on introductions in the same transaction as
 * every write (see analyticsSchema.ts). Starts stale: the first read rebuilds
 * them from the introductions already recorded.
 */
const migration: Migration = {
  version: 20,
  name: 'scorecard-summaries',
  up(db) {
    db.exec(summaryDdl())
    db.exec(calendarSql())
  },
}

export default migration
