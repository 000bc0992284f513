import type { Migration } from './index'

/** Migrations of the followup feature, in order. */
export const followupMigrations: Migration[] = []
