import { z } from 'zod'
import { channel } from '../channel'
import { Id, IsoDate, OptLongText } from '../schemas'

/** Chapter sharing as the sidebar and File > Join a chapter… see it. */
export interface SyncStatus {
  /** false: the open network is not a chapter network (the other fields are empty). */
  joined: boolean
  chapter: string | null
  member: string | null
  /** The member's own person in the chapter network ("you" on this laptop). */
  personId: string | null
  lastSyncAt: string | null
  /** Changes made here and not yet acknowledged by the server. */
  pending: number
  /** The last try could not reach the server. */
  offline: boolean
  lastError: string | null
  /** Open conflicts (values that lost a concurrent edit). */
  conflicts: number
  /** Pairs of introductions that look like one slip recorded twice. */
  duplicates: number
  /** Why this copy is read-only (the member was removed), or null. */
  readOnly: string | null
  /** Changes to columns this version does not know, kept until an upgrade applies them. */
  parked: number
  /** Live updates are running (LISTEN/NOTIFY + poll). */
  live: boolean
  /** Grows whenever changes from other members were applied here (the window refreshes its data then). */
  cursor: number
  members: { name: string; personId: string; removed: boolean }[]
}

export interface SyncResult {
  pushed: number
  pulled: number
  /** New conflicts this run brought. */
  conflicts: number
}

export interface ConflictItem {
  id: number
  table: string
  rowId: string
  column: string
  /** "Ann Alder", "the introduction of Pat from Ben". */
  what: string
  /** The value that lost (what Restore brings back). */
  value: unknown
  /** The value here now. */
  current: unknown
  author: string
  winnerAuthor: string
  at: string
}

/** One introduction of a pair that looks like the same slip recorded twice. */
export interface DuplicateIntro {
  id: string
  date: string
  status: string
  referrer: string
  receiver: string
  prospect: string
  createdAt: string
}

export interface ChapterReport {
  chapter: string
  rows: { personId: string; name: string; given: number; received: number; won: number; wonValueMinor: number }[]
}

export const SYNC_PRIVATE_TABLES = ['people', 'introductions', 'interactions'] as const

const Empty = z.object({}).strict().optional().default({})

export const syncChannels = {
  /** Joins a chapter with the invitation the admin sent: a new chapter network file is created, opened and filled from the server. */
  'sync:join': channel<SyncStatus>()(z.object({ invitation: z.string().trim().min(1, 'Paste the invitation.').max(4000) }).strict()),
  /** Sends what changed here and fetches what changed elsewhere. */
  'sync:now': channel<SyncResult>()(Empty),
  'sync:status': channel<SyncStatus>()(Empty),
  'sync:conflicts': channel<{ items: ConflictItem[] }>()(Empty),
  /** restore: the losing value becomes the value again (a new edit, shared); dismiss: keep what won. */
  'sync:resolve': channel<{ items: ConflictItem[] }>()(
    z.object({ id: z.number().int().positive(), action: z.enum(['restore', 'dismiss']) }).strict(),
  ),
  /** Stops sharing: the file stays as an ordinary network. Refused while changes wait to be sent, unless discardPending. */
  'sync:leave': channel<SyncStatus>()(
    z.object({ discardPending: z.boolean().default(false) }).strict().optional().default({ discardPending: false }),
  ),
  /** The private note and private flag of a record (never sent to other members). */
  'sync:privateNote': channel<{ notes: string | null; isPrivate: boolean }>()(
    z.object({ table: z.enum(SYNC_PRIVATE_TABLES), id: Id }).strict(),
  ),
  'sync:setPrivateNote': channel<{ notes: string | null; isPrivate: boolean }>()(
    z.object({ table: z.enum(SYNC_PRIVATE_TABLES), id: Id, notes: OptLongText.optional(), isPrivate: z.boolean().optional() }).strict(),
  ),
  /** Introductions that look like one slip recorded twice (same referrer, receiver and prospect name, dates within 14 days; one created in the last 30 days). */
  'sync:duplicates': channel<{ items: { a: DuplicateIntro; b: DuplicateIntro }[] }>()(Empty),
  /** merge: dropId is deleted (shared like any edit), keepId stays; different: the pair is not offered again. */
  'sync:resolveDuplicate': channel<{ items: { a: DuplicateIntro; b: DuplicateIntro }[] }>()(
    z.object({ keepId: Id, dropId: Id, action: z.enum(['merge', 'different']) }).strict(),
  ),
  /** Chapter-wide figures per member: given, received, won. */
  'sync:report': channel<ChapterReport>()(
    z.object({ from: IsoDate.nullable().default(null), to: IsoDate.nullable().default(null) }).strict().optional().default({ from: null, to: null }),
  ),
}
