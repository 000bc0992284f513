import { z } from 'zod'

/** Building blocks shared by every channel's input schema. */
export const Id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Not a valid id.')

function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!))
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!
}

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z
  .string({ error: 'Enter a date as YYYY-MM-DD.' })
  .refine(isRealDate, { message: 'Not a date: use YYYY-MM-DD (for example 2026-03-31).' })

const trimmedOrNull = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters.`)
    .transform((s) => s.trim())
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()

export const OptText = trimmedOrNull(200)
export const OptLongText = trimmedOrNull(10_000)

/**
 * The one email rule, used by every form, channel, importer (CSV, vCard) and mailto:
 * link: something@domain.tld with no spaces, commas, angle brackets or double quotes
 * (so an address that passes is also safe in a mailto: list), at most 320 characters.
 */
export const EMAIL_RE = /^[^\s@,<>"]+@[^\s@,<>"]+\.[^\s@,<>"]+$/
export const EMAIL_MAX = 320
export function isEmail(s: string): boolean {
  return s.length <= EMAIL_MAX && EMAIL_RE.test(s)
}

export const OptEmail = z
  .string()
  .trim()
  .max(EMAIL_MAX, `At most ${EMAIL_MAX} characters.`)
  .refine((s) => s === '' || isEmail(s), { message: 'Not an email address.' })
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional()

export const OptUrl = z
  .string()
  .trim()
  .max(500)
  .refine((s) => s === '' || /^(https?:\/\/)?[^\s/$.?#].[^\s]*$/i.test(s), { message: 'Not a web address.' })
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional()

export const Tag = z.string().trim().min(1).max(50)

export const Page = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
})

export const SortDir = z.enum(['asc', 'desc'])

export const INTRO_KINDS = ['referral', 'introduction', 'lead'] as const
export const INTRO_ORIGINS = ['inbound', 'outbound'] as const
export const INTRO_STATUSES = ['new', 'contacted', 'meeting', 'proposal', 'won', 'lost', 'not_a_fit'] as const
export const OPEN_STATUSES = ['new', 'contacted', 'meeting', 'proposal'] as const
export const DECIDED_STATUSES = ['won', 'lost', 'not_a_fit'] as const
export const INTERACTION_KINDS = ['one_to_one', 'call', 'meeting', 'email', 'thank_you', 'ask', 'note'] as const
export const THANK_METHODS = ['email', 'card', 'gift', 'call', 'in_person'] as const
export const TASK_STATUSES = ['open', 'done', 'dismissed'] as const

export const IntroKind = z.enum(INTRO_KINDS)
export const IntroOrigin = z.enum(INTRO_ORIGINS)
export const IntroStatus = z.enum(INTRO_STATUSES)
export const InteractionKind = z.enum(INTERACTION_KINDS)
export const ThankMethod = z.enum(THANK_METHODS)

export type IntroKind = z.infer<typeof IntroKind>
export type IntroOrigin = z.infer<typeof IntroOrigin>
export type IntroStatus = z.infer<typeof IntroStatus>

/**
 * The English name of each status ("Not a fit"), for the backend's messages, history labels and files; sentences use it
 * in lower case (statusWord). Screens show a status from the catalogue instead: common:status.<value> and
 * common:statusWord.<value> (useStatusLabel in src/renderer/src/ui/bits.tsx), in the user's language.
 */
export const STATUS_LABELS: Record<IntroStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  meeting: 'Meeting',
  proposal: 'Proposal',
  won: 'Won',
  lost: 'Lost',
  not_a_fit: 'Not a fit',
}
/** A status in a sentence: "not a fit". */
export const statusWord = (s: IntroStatus): string => STATUS_LABELS[s].toLowerCase()
export type InteractionKind = z.infer<typeof InteractionKind>
export type ThankMethod = z.infer<typeof ThankMethod>

/** ISO 4217 code. */
export const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as EUR or USD.')

/** Money in major units (e.g. 1250.50); stored as integer minor units. */
export const Money = z
  .number({ error: 'Enter an amount.' })
  .finite()
  .min(0, 'The value cannot be negative.')
  .max(1e12, 'That value is too large.')
