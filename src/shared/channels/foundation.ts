import { z } from 'zod'
import { channel } from '../channel'
import { ProfileValues } from '../settings'
import {
  Currency,
  Id,
  IntroKind,
  IntroOrigin,
  IntroStatus,
  IsoDate,
  Money,
  OptEmail,
  OptLongText,
  OptText,
  OptUrl,
  SortDir,
  Tag,
} from '../schemas'
import type { AppInfo, Group, Introduction, IntroductionListItem, Paged, Person, PersonListItem } from '../types'

const Empty = z.object({}).strict().optional().default({})

export const PersonFields = z.object({
  name: z
    .string({ error: 'Enter a name.' })
    .trim()
    .min(1, 'Enter a name.')
    .max(200, 'At most 200 characters.'),
  company: OptText,
  profession: OptText,
  email: OptEmail,
  phone: OptText,
  website: OptUrl,
  city: OptText,
  tags: z.array(Tag).max(50).optional(),
  groupIds: z.array(Id).max(100).optional(),
  idealClient: OptLongText,
  howMet: OptLongText,
  introducedById: Id.nullable().optional(),
  notes: OptLongText,
  cadenceDays: z.number().int().min(1).max(3650).nullable().optional(),
})
export type PersonFields = z.infer<typeof PersonFields>

/** An existing person who looks like the one being entered. */
export interface DuplicatePerson {
  id: string
  name: string
  company: string | null
  email: string | null
  isMe: boolean
  archived: boolean
  /** What matched: the same email, or the same name and company (case- and accent-insensitive). */
  matchedOn: 'email' | 'nameCompany'
}

/** What merging two people would do (and, after `people:merge`, did). */
export interface PersonMergePlan {
  keep: Person
  merge: Person
  /** Rows that move from the merged person to the kept one, per kind (only kinds with rows). */
  moves: { what: string; count: number }[]
  /** Fields of the kept person that are empty and are filled from the merged one. */
  fills: { field: string; label: string; value: string }[]
  /** Notes of the merged person added below the kept person's own. */
  appendsNotes: boolean
}

export const PersonSort = z.enum(['name', 'company', 'profession', 'city', 'updated', 'received', 'given'])

const ProspectRef = z.union([
  z.object({ id: Id }).strict(),
  z
    .object({
      new: z.object({ name: PersonFields.shape.name, company: OptText, email: OptEmail, profession: OptText }),
    })
    .strict(),
])

/** An introduction's fields with no defaults: the base of the create schema (which adds them) and of updates (which must not). */
const IntroductionBase = z.object({
  referrerId: Id,
  receiverId: Id,
  prospect: ProspectRef,
  date: IsoDate,
  kind: IntroKind,
  origin: IntroOrigin,
  warmth: z.number().int().min(1, 'Warmth is 1 to 5.').max(5, 'Warmth is 1 to 5.').nullable().optional(),
  needsService: z.boolean().nullable().optional(),
  fitsProfile: z.boolean().nullable().optional(),
  accepted: z.boolean().nullable().optional(),
  status: IntroStatus,
  /** Date of the current status; defaults to the introduction date. */
  statusDate: IsoDate.optional(),
  value: Money.nullable().optional(),
  currency: Currency.nullable().optional(),
  notes: OptLongText,
})

export const IntroductionFields = IntroductionBase.extend({
  kind: IntroKind.default('referral'),
  origin: IntroOrigin.default('outbound'),
  status: IntroStatus.default('new'),
})
export type IntroductionFields = z.infer<typeof IntroductionFields>

export const IntroductionSort = z.enum(['date', 'referrer', 'receiver', 'prospect', 'status', 'value', 'kind'])

export const foundationChannels = {
  'app:info': channel<AppInfo>()(Empty),
  /** First run: create "you" (with what you do, your company, ideal client and people like you, all optional) and start with an empty network. */
  'app:startEmpty': channel<AppInfo>()(z.object({ meName: PersonFields.shape.name, profile: ProfileValues.optional() }).strict()),
  /** First run: fill the network with the deterministic sample. */
  'app:loadSample': channel<AppInfo & { people: number; introductions: number }>()(
    z.object({ seed: z.number().int().min(0).max(2 ** 31).optional() }).strict().optional().default({}),
  ),

  'people:list': channel<Paged<PersonListItem>>()(
    z
      .object({
        search: z.string().max(200).optional(),
        sort: PersonSort.default('name'),
        dir: SortDir.default('asc'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(50),
        includeArchived: z.boolean().default(false),
        groupId: Id.optional(),
        tag: Tag.optional(),
      })
      .strict()
      .optional()
      .default({ sort: 'name', dir: 'asc', offset: 0, limit: 50, includeArchived: false }),
  ),
  'people:get': channel<Person>()(z.object({ id: Id }).strict()),
  'people:create': channel<Person>()(PersonFields.strict()),
  'people:update': channel<Person>()(PersonFields.partial().extend({ id: Id }).strict()),
  'people:archive': channel<Person>()(z.object({ id: Id, archived: z.boolean() }).strict()),
  'people:setMe': channel<Person>()(z.object({ id: Id }).strict()),
  /** People who look like the one being entered: the same email, or the same name and company. */
  'people:findDuplicates': channel<DuplicatePerson[]>()(
    z
      .object({
        name: z.string().max(200),
        company: z.string().max(200).nullable().optional(),
        email: z.string().max(320).nullable().optional(),
        excludeId: Id.optional(),
      })
      .strict(),
  ),
  /** What `people:merge` would move and fill, without changing anything. */
  'people:mergePreview': channel<PersonMergePlan>()(z.object({ keepId: Id, mergeId: Id }).strict()),
  /**
   * Merges a duplicate into the person kept: every introduction (any role),
   * interaction, task, tag, membership, map position and "introduced by" moves
   * to the kept person, their empty fields are filled, and the merged person is
   * removed; one transaction, behind a backup.
   */
  'people:merge': channel<PersonMergePlan & { backup: string }>()(z.object({ keepId: Id, mergeId: Id }).strict()),
  'people:tags': channel<{ tag: string; count: number }[]>()(Empty),

  'groups:list': channel<Group[]>()(Empty),
  'groups:create': channel<Group>()(
    z.object({ name: PersonFields.shape.name, kind: OptText }).strict(),
  ),
  'groups:rename': channel<Group>()(z.object({ id: Id, name: PersonFields.shape.name }).strict()),
  'groups:delete': channel<{ id: string }>()(z.object({ id: Id }).strict()),
  'groups:members': channel<PersonListItem[]>()(z.object({ groupId: Id }).strict()),
  'groups:addMember': channel<Group>()(z.object({ groupId: Id, personId: Id }).strict()),
  'groups:removeMember': channel<Group>()(z.object({ groupId: Id, personId: Id }).strict()),

  'introductions:list': channel<Paged<IntroductionListItem>>()(
    z
      .object({
        personId: Id.optional(),
        referrerId: Id.optional(),
        receiverId: Id.optional(),
        prospectId: Id.optional(),
        status: IntroStatus.optional(),
        kind: IntroKind.optional(),
        origin: IntroOrigin.optional(),
        from: IsoDate.optional(),
        to: IsoDate.optional(),
        search: z.string().max(200).optional(),
        sort: IntroductionSort.default('date'),
        dir: SortDir.default('desc'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict()
      .optional()
      .default({ sort: 'date', dir: 'desc', offset: 0, limit: 50 }),
  ),
  'introductions:get': channel<Introduction>()(z.object({ id: Id }).strict()),
  'introductions:create': channel<Introduction>()(IntroductionFields.strict()),
  'introductions:update': channel<Introduction>()(
    // From the base: `.partial()` keeps zod defaults, which would reset fields that were not sent.
    IntroductionBase.omit({ status: true, statusDate: true, prospect: true })
      .partial()
      .extend({ id: Id, prospectId: Id.optional() })
      .strict(),
  ),
  'introductions:setStatus': channel<Introduction>()(
    z.object({ id: Id, status: IntroStatus, date: IsoDate }).strict(),
  ),
  /** Corrects the date of one entry of an introduction's status history. */
  'introductions:editStatusDate': channel<Introduction>()(
    z.object({ id: Id, historyId: Id, date: IsoDate }).strict(),
  ),
  'introductions:delete': channel<{ id: string }>()(z.object({ id: Id }).strict()),
}
