import type { Migration } from './index'

/** Migrations of the graph feature, in order. */
export const graphMigrations: Migration[] = []
