import { z } from 'zod'
import { channel } from '../channel'
import { Id, InteractionKind, IsoDate, OptLongText, OptText, ThankMethod } from '../schemas'
import type { Interaction, Introduction } from '../types'

/** Contract slice for the follow-up loop: thank, ask, introduce, keep in touch. */

export interface LoopInteraction extends Interaction {
  /** For asks: the day the user marked it answered. */
  answeredAt: string | null
  /** The client of the linked introduction, if any ("thank-you for introducing ..."). */
  about: string | null
}

export interface ThankItem {
  introductionId: string
  referrerId: string
  referrerName: string
  prospectId: string
  prospectName: string
  status: string
  /** Won date (won list) or the date the introduction arrived (received list). */
  since: string
  daysWaiting: number
  value: number | null
  currency: string | null
}

export interface AskItem {
  introductionId: string
  clientId: string
  clientName: string
  clientEmail: string | null
  referrerName: string
  wonDate: string
  value: number | null
  currency: string | null
}

export interface OpenAsk {
  interactionId: string
  clientId: string
  clientName: string
  date: string
  followUpDate: string
}

export interface TaskItem {
  id: string
  kind: string
  title: string
  personId: string | null
  personName: string | null
  introductionId: string | null
  interactionId: string | null
  dueDate: string
  /** Positive when overdue. */
  daysOverdue: number
  notes: string | null
}

export interface KeepInTouchItem {
  personId: string
  name: string
  company: string | null
  cadenceDays: number
  /** True when the cadence is the default one from Settings, not the person's own. */
  defaultCadence: boolean
  lastContact: string | null
  dueDate: string
  daysOverdue: number
  plannedMeeting: string | null
}

export interface LapsingItem {
  personId: string
  name: string
  company: string | null
  introductions: number
  usualGapDays: number
  /** 'silence': quiet far beyond their rhythm; 'falling': the last 90 days brought under half of the 90 before. */
  reason: 'silence' | 'falling'
  /** Introductions from them in the last 90 days, and in the 90 days before. */
  recent: number
  before: number
  lastIntroduction: string
  daysSinceLast: number
  lastContact: string | null
  plannedMeeting: string | null
}

export interface Today {
  today: string
  meId: string | null
  thankWon: ThankItem[]
  thankReceived: ThankItem[]
  askNow: AskItem[]
  openAsks: OpenAsk[]
  tasks: TaskItem[]
  keepInTouch: KeepInTouchItem[]
  lapsing: LapsingItem[]
  /** How many ask follow-up tasks this call created. */
  created: number
  /** Full counts; each list above holds at most `LIST_CAP` items. */
  totals: { thankWon: number; thankReceived: number; askNow: number; keepInTouch: number; lapsing: number }
}

/** The most items a Today list carries (the counts are in `totals`). */
export const LIST_CAP = 200

export interface PersonCard {
  id: string
  name: string
  company: string | null
  profession: string | null
  email: string | null
  idealClient: string | null
  howMet: string | null
}

/** Everything a template needs for a message, gathered from the records. */
export interface DraftContext {
  me: (PersonCard & { peopleLikeMe: string | null }) | null
  partner: PersonCard | null
  prospect: PersonCard | null
  introduction: { id: string; date: string; value: number | null; currency: string | null } | null
}

const Checks = z
  .object({
    partnerId: Id,
    prospectId: Id,
    needsService: z.boolean(),
    fitsProfile: z.boolean(),
    accepted: z.boolean(),
    date: IsoDate.optional(),
    notes: OptLongText,
  })
  .strict()

export const followupChannels = {
  /** The Today view; also materialises due ask follow-up tasks (idempotent). */
  'followup:today': channel<Today>()(z.object({}).strict().optional().default({})),
  /** Records for a draft: any of the people or an introduction (which fills partner = referrer, prospect = client). */
  'followup:context': channel<DraftContext>()(
    z.object({ introductionId: Id.optional(), partnerId: Id.optional(), prospectId: Id.optional() }).strict(),
  ),
  /** Records a thank-you to the referrer of an introduction. */
  'followup:thank': channel<LoopInteraction>()(
    z.object({ introductionId: Id, date: IsoDate, method: ThankMethod, notes: OptLongText }).strict(),
  ),
  /** Records an ask for an introduction to a client (usually right after a win). */
  'followup:ask': channel<LoopInteraction>()(
    z.object({ personId: Id, introductionId: Id.nullable().optional(), date: IsoDate, method: OptText, notes: OptLongText }).strict(),
  ),
  'followup:askAnswered': channel<LoopInteraction>()(z.object({ interactionId: Id, answered: z.boolean() }).strict()),
  /** Gives a referral to a partner: only with all three checks answered yes. */
  'followup:makeIntroduction': channel<{ introduction: Introduction; interaction: LoopInteraction }>()(
    Checks.extend({ subject: z.string().max(500), body: z.string().min(1, 'The email is empty.').max(20_000) }).strict(),
  ),
  /** Keeps a person who did not pass the checks as a lead for the partner (not an introduction). */
  'followup:saveLead': channel<Introduction>()(Checks),

  'interactions:list': channel<{ items: LoopInteraction[]; lastContacted: string | null }>()(
    z.object({ personId: Id, limit: z.number().int().min(1).max(500).default(100) }).strict(),
  ),
  'interactions:create': channel<LoopInteraction>()(
    z
      .object({
        personId: Id,
        kind: InteractionKind,
        date: IsoDate,
        method: OptText,
        introductionId: Id.nullable().optional(),
        notes: OptLongText,
      })
      .strict(),
  ),
  'interactions:delete': channel<{ id: string }>()(z.object({ id: Id }).strict()),

  'tasks:create': channel<TaskItem>()(
    z
      .object({
        title: z.string({ error: 'Enter a title.' }).trim().min(1, 'Enter a title.').max(200, 'At most 200 characters.'),
        dueDate: IsoDate,
        kind: z.enum(['manual', 'meeting']).default('manual'),
        personId: Id.nullable().optional(),
        notes: OptLongText,
      })
      .strict(),
  ),
  'tasks:done': channel<TaskItem>()(z.object({ id: Id }).strict()),
  'tasks:dismiss': channel<TaskItem>()(z.object({ id: Id }).strict()),
  'tasks:snooze': channel<TaskItem>()(
    z.object({ id: Id, days: z.number().int().min(1, 'At least 1 day.').max(365, 'At most 365 days.') }).strict(),
  ),

  /** Opens a mailto: link (built by core/mailto) in the mail app; Electron only. */
  'shell:openMailto': channel<{ opened: boolean }>()(z.object({ url: z.string().min(7).max(100_000) }).strict()),
}
