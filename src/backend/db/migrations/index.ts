import m0010 from './0010-init'
import m0020 from './0020-scorecard-summaries'
import m0030 from './0030-graph-positions'
import m0040 from './0040-followup'
import m0060 from './0060-person-merge'
import m0070 from './0070-summaries-by-currency'
import m0090 from './0090-history'
import m0100 from './0100-sync'

/**
 * One schema step: a numbered module holding its SQL as text. Released
 * migrations are frozen (test/backend/migrations/frozen.test.ts keeps a hash of each):
 * a change to the schema is a new migration, never an edit of an old one, and
 * no migration builds its SQL from live code.
 */
export interface Migration {
  version: number
  name: string
  sql: string
}

/** Every migration, in order: one flat list, one line per migration. */
export const migrations: readonly Migration[] = [
  m0010,
  m0020,
  m0030,
  m0040,
  m0060,
  m0070,
  m0090,
  m0100,
]
