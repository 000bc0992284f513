import type { Migration } from './index'
import m0040 from './0040-followup'

/** Migrations of the followup feature, in order. */
export const followupMigrations: Migration[] = [m0040]
