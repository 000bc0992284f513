import type Database from 'better-sqlite3'
import m0010 from './0010-init'
import { analyticsMigrations } from './analytics'
import { graphMigrations } from './graph'
import { followupMigrations } from './followup'
import { filesMigrations } from './files'

export interface Migration {
  version: number
  name: string
  up(db: Database.Database): void
}

/** Every migration, in order. Feature ranges: 0020s analytics, 0030s graph, 0040s follow-up loop, 0050s files. */
export const migrations: readonly Migration[] = [
  m0010,
  ...analyticsMigrations, // 0020-0029
  ...graphMigrations, // 0030-0039
  ...followupMigrations, // 0040-0049
  ...filesMigrations, // 0050-0059
].sort((a, b) => a.version - b.version)
