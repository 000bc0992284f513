import type { Migration } from './index'
import m0020 from './0020-scorecard-summaries'

/** Migrations of the analytics feature, in order. */
export const analyticsMigrations: Migration[] = [m0020]
