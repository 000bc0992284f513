/**
 * The tables the change log captures (the user's data): the one list both the
 * undo history (history.ts) and chapter sharing (sync.ts) read. Kept in a module
 * of its own, with no imports, because those two import each other.
 * Graph positions are layout (not an action anyone undoes); summaries are derived.
 */
export const CAPTURED_TABLES = [
  'people',
  'person_tags',
  'groups',
  'memberships',
  'introductions',
  'introduction_status_history',
  'interactions',
  'tasks',
  'settings',
  'private_notes',
] as const
export type CapturedTable = (typeof CAPTURED_TABLES)[number]
