import type Database from 'better-sqlite3'
import m0010 from './0010-init'

export interface Migration {
  version: number
  name: string
  up(db: Database.Database): void
}

/** Every migration, in order. Feature ranges: 0020s analytics, 0030s graph, 0040s follow-up loop, 0050s files. */
export const migrations: readonly Migration[] = [m0010]
