import type { Migration } from './index'

/** Migrations of the analytics feature, in order. */
export const analyticsMigrations: Migration[] = []
