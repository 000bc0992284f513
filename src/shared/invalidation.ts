import type { Channel } from './contract'

/**
 * Which cached queries a successful call makes stale, by the noun of the query's
 * channel (`people` covers people:list, people:get, ...). A channel not listed
 * here refreshes every query: that is always correct, only slower. The history
 * (Edit > Undo labels) follows every write.
 */
const EVERYTHING = 'all' as const
type Nouns = readonly string[] | typeof EVERYTHING

const FOLLOWUP = ['followup', 'interactions', 'tasks', 'history'] as const

export const INVALIDATES: Partial<Record<Channel, Nouns>> = {
  'tasks:create': FOLLOWUP,
  'tasks:done': FOLLOWUP,
  'tasks:dismiss': FOLLOWUP,
  'tasks:snooze': FOLLOWUP,
  'followup:askAnswered': FOLLOWUP,
  'interactions:create': [...FOLLOWUP, 'people'],
  'interactions:delete': [...FOLLOWUP, 'people'],
  'groups:create': ['groups', 'history'],
  'groups:rename': ['groups', 'people', 'history'],
  'groups:delete': ['groups', 'people', 'analytics', 'graph', 'history'],
  'groups:addMember': ['groups', 'people', 'analytics', 'graph', 'history'],
  'groups:removeMember': ['groups', 'people', 'analytics', 'graph', 'history'],
  'files:backupNow': ['files'],
  'graph:savePositions': [],
}

/** Does a successful call of `mutation` make a query of channel `query` stale? */
export function invalidates(mutation: string, query: string): boolean {
  const nouns = INVALIDATES[mutation as Channel] ?? EVERYTHING
  if (nouns === EVERYTHING) return true
  return nouns.includes(query.split(':')[0]!)
}
