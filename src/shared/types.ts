import type { IntroKind, IntroOrigin, IntroStatus, InteractionKind } from './schemas'

/** Plain data shapes that cross the contract (outputs). */
export interface Person {
  id: string
  name: string
  company: string | null
  profession: string | null
  email: string | null
  phone: string | null
  website: string | null
  city: string | null
  tags: string[]
  groupIds: string[]
  idealClient: string | null
  howMet: string | null
  introducedById: string | null
  notes: string | null
  isMe: boolean
  cadenceDays: number | null
  archivedAt: string | null
  createdAt: string
  updatedAt: string
}

export interface PersonListItem {
  id: string
  name: string
  company: string | null
  profession: string | null
  email: string | null
  city: string | null
  tags: string[]
  isMe: boolean
  archived: boolean
  introsReceivedFrom: number
  introsGivenTo: number
  updatedAt: string
}

export interface Paged<T> {
  items: T[]
  total: number
  offset: number
  limit: number
}

export interface Group {
  id: string
  name: string
  kind: string | null
  memberCount: number
  createdAt: string
  updatedAt: string
}

export interface StatusChange {
  /** The history entry's id (for `introductions:editStatusDate`). */
  id: string
  status: IntroStatus
  date: string
}

export interface Introduction {
  id: string
  referrerId: string
  receiverId: string
  prospectId: string
  referrerName: string
  receiverName: string
  prospectName: string
  date: string
  kind: IntroKind
  origin: IntroOrigin
  warmth: number | null
  needsService: boolean | null
  fitsProfile: boolean | null
  accepted: boolean | null
  status: IntroStatus
  statusDate: string
  value: number | null
  currency: string | null
  notes: string | null
  history: StatusChange[]
  createdAt: string
  updatedAt: string
}

export type IntroductionListItem = Omit<Introduction, 'history' | 'notes'>

export interface Interaction {
  id: string
  personId: string
  kind: InteractionKind
  date: string
  method: string | null
  introductionId: string | null
  notes: string | null
  createdAt: string
}

export interface AppInfo {
  version: string
  dataFile: string
  transport: 'ipc' | 'web'
  schemaVersion: number
  isEmpty: boolean
  meId: string | null
  networkName: string
  /** Today (YYYY-MM-DD) in the user's time zone: the renderer's date defaults use it, never its own clock. */
  today: string
  /** The time zone in effect (Settings, else the computer's). */
  timeZone: string
}
