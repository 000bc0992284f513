import type { Migration } from './index'

/** Migrations of the files feature, in order. */
export const filesMigrations: Migration[] = []
