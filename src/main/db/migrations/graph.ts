import type { Migration } from './index'
import m0030 from './0030-graph-positions'

/** Migrations of the graph feature, in order. */
export const graphMigrations: Migration[] = [m0030]
