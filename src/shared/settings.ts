import { z } from 'zod'
import { Currency } from './schemas'

/**
 * The one registry of stored settings: key -> zod schema, default and group.
 *
 * Every read goes through it (a stored value that fails its schema reads as the
 * default), every write is checked by it (a bad value is a VALIDATION error naming
 * the key), and a network file's settings are filtered by it. There is no channel
 * that stores an arbitrary key or value: the renderer reads and saves whole groups
 * (`settings:get`, `settings:save`), and a few keys are written only by the app
 * itself (group `internal`).
 */

/** An IANA time zone this runtime knows (Europe/Paris, Pacific/Auckland, UTC). */
export function isValidTimeZone(tz: string): boolean {
  if (!tz || tz.length > 100) return false
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

export const TimeZone = z
  .string({ error: 'Enter a time zone such as Europe/Paris.' })
  .trim()
  .min(1, 'Enter a time zone such as Europe/Paris.')
  .max(100)
  .refine(isValidTimeZone, { message: 'Not a time zone (for example Europe/Paris).' })

/** The languages of the message catalogue (src/shared/i18n); en-XA is the pseudo-locale that tests use to find untranslated text. */
export const UI_LANGUAGES = ['en', 'de', 'en-XA'] as const
export const UiLanguage = z.enum(UI_LANGUAGES, { error: 'Choose English or Deutsch.' })

/** A BCP 47 region (locale) this runtime can format for: en-US, en-GB, de-DE, de-CH, fr-FR. */
export function isValidRegion(tag: string): boolean {
  if (!tag || tag.length > 35) return false
  try {
    return Intl.getCanonicalLocales(tag).length === 1 && new Intl.NumberFormat(tag).resolvedOptions().locale !== ''
  } catch {
    return false
  }
}

export const Region = z
  .string({ error: 'Enter a region such as de-DE or en-GB.' })
  .trim()
  .refine(isValidRegion, { message: 'Not a region (for example de-DE or en-GB).' })

const Days = (max: number) =>
  z
    .number({ error: 'Enter a number of days.' })
    .int('Enter a whole number of days.')
    .min(1, 'At least 1 day.')
    .max(max, `At most ${max} days.`)

/** Free text a user writes about themselves; blank is stored as null. */
const LongTextOrNull = z
  .string({ error: 'Enter text.' })
  .max(10_000, 'At most 10000 characters.')
  .transform((s) => s.trim() || null)
  .nullable()

export const MessageTemplate = z
  .object({
    subject: z.string({ error: 'Enter a subject.' }).max(500, 'At most 500 characters.'),
    body: z.string({ error: 'Enter a message.' }).max(20_000, 'At most 20000 characters.'),
  })
  .strict()

/** Edited templates only; a kind that is absent uses the built-in default (core/templates/defaults). */
export const TemplateOverrides = z
  .object({ thank: MessageTemplate, ask: MessageTemplate, introduction: MessageTemplate })
  .partial()
  .strict()

/** A remembered import column mapping: target field -> source column (or null for "not imported"). */
const ColumnMappingSetting = z.record(z.string().max(200), z.string().max(500).nullable()).nullable()

export const SETTING_GROUPS = ['general', 'profile', 'followup', 'files'] as const
export type SettingGroup = (typeof SETTING_GROUPS)[number]

interface SettingDef<S extends z.ZodType> {
  group: SettingGroup | 'internal'
  schema: S
  default: z.output<S>
  /** What the user sees next to the field (and in error messages). */
  label: string
}

const def = <S extends z.ZodType>(group: SettingDef<S>['group'], schema: S, fallback: z.output<S>, label: string): SettingDef<S> => ({
  group,
  schema,
  default: fallback,
  label,
})

export const SETTINGS = {
  currency: def('general', Currency, 'EUR', 'Default currency'),
  /** null: the computer's own time zone. */
  timeZone: def('general', TimeZone.nullable(), null, 'Time zone'),
  /** null: the computer's language (English when it is not in the catalogue). */
  language: def('general', UiLanguage.nullable(), null, 'Language'),
  /** null: the computer's region. Formats money, dates and numbers in screens; files stay ISO 8601. */
  region: def('general', Region.nullable(), null, 'Region'),
  'followup.peopleLikeMe': def('profile', LongTextOrNull, null, 'People like you'),
  'followup.templates': def('followup', TemplateOverrides, {}, 'Message templates'),
  'followup.askFollowUpDays': def('followup', Days(365), 7, 'Follow up an unanswered ask after (days)'),
  /** null: off (only people with their own cadence are in "Keep in touch"). */
  'followup.defaultCadenceDays': def('followup', Days(3650).nullable(), null, 'Default keep-in-touch cadence (days)'),
  'files.keepBackups': def(
    'files',
    z.number({ error: 'Enter a number of backups.' }).int('Enter a whole number.').min(1, 'Keep at least 1 backup.').max(500, 'At most 500 backups.'),
    20,
    'Backups to keep',
  ),
  'files.mapping.people': def('internal', ColumnMappingSetting, null, 'Remembered people columns'),
  'files.mapping.introductions': def('internal', ColumnMappingSetting, null, 'Remembered introduction columns'),
  'files.mapping.vcard': def('internal', ColumnMappingSetting, null, 'Remembered vCard columns'),
  'files.mapping.linkedin': def('internal', ColumnMappingSetting, null, 'Remembered LinkedIn columns'),
  /** Written when the sample network is loaded. */
  sample: def(
    'internal',
    z.object({ seed: z.number().int().min(0), loadedAt: z.string().max(40) }).strict().nullable(),
    null,
    'Sample network',
  ),
} as const

export type SettingKey = keyof typeof SETTINGS
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]['schema']>
export type SettingInput<K extends SettingKey> = z.input<(typeof SETTINGS)[K]['schema']>

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[]

export function isSettingKey(key: string): key is SettingKey {
  return Object.prototype.hasOwnProperty.call(SETTINGS, key)
}

/** A stored (already JSON-parsed) value, or the default when it is missing or fails the schema. Never throws. */
export function settingOrDefault<K extends SettingKey>(key: K, raw: unknown): SettingValue<K> {
  const d = SETTINGS[key] as unknown as SettingDef<z.ZodType<SettingValue<K>>>
  if (raw === undefined) return d.default
  const r = d.schema.safeParse(raw)
  return r.success ? r.data : d.default
}

/** The settings of a network file that the registry knows and accepts; the rest is listed in `dropped`. */
export function filterSettings(raw: Record<string, unknown>): { values: Partial<Record<SettingKey, unknown>>; dropped: string[] } {
  const values: Partial<Record<SettingKey, unknown>> = {}
  const dropped: string[] = []
  for (const [k, v] of Object.entries(raw)) {
    if (!isSettingKey(k)) {
      dropped.push(k)
      continue
    }
    const r = (SETTINGS[k].schema as z.ZodType).safeParse(v)
    if (r.success) values[k] = r.data
    else dropped.push(k)
  }
  return { values, dropped }
}

// ---------------------------------------------------------------- groups the renderer reads and saves

/** General: money and days. `timeZone` is the zone in effect (the setting, else the computer's). */
export interface GeneralSettings {
  currency: string
  timeZone: string
  /** True when no zone was chosen and the computer's is used. */
  timeZoneIsDefault: boolean
  /** The chosen language, or null for the computer's. */
  language: (typeof UI_LANGUAGES)[number] | null
  /** The chosen region (BCP 47), or null for the computer's. */
  region: string | null
}

/** You, in your words. `peopleLikeMe` is a setting; the rest is your own person record ("me"). */
export interface ProfileSettings {
  peopleLikeMe: string | null
  profession: string | null
  company: string | null
  idealClient: string | null
}

export interface FollowupSettings {
  /** The templates in effect: edited ones, else the defaults. */
  templates: { thank: z.output<typeof MessageTemplate>; ask: z.output<typeof MessageTemplate>; introduction: z.output<typeof MessageTemplate> }
  askFollowUpDays: number
  defaultCadenceDays: number | null
}

export interface FilesSettings {
  keepBackups: number
}

export interface Settings {
  general: GeneralSettings
  profile: ProfileSettings
  followup: FollowupSettings
  files: FilesSettings
}

/** Short text of a person's record; blank is stored as null. */
const PersonText = z
  .string({ error: 'Enter text.' })
  .max(200, 'At most 200 characters.')
  .transform((s) => s.trim() || null)
  .nullable()

/** You, in your words: what `settings:save {group: 'profile'}` and the first run (`app:startEmpty`) accept. */
export const ProfileValues = z
  .object({
    peopleLikeMe: SETTINGS['followup.peopleLikeMe'].schema,
    profession: PersonText,
    company: PersonText,
    idealClient: LongTextOrNull,
  })
  .partial()
  .strict()
export type ProfileValues = z.input<typeof ProfileValues>

/** What `settings:save` accepts per group: every field optional, a field not sent is not changed. */
export const SettingsSaveInput = z.discriminatedUnion('group', [
  z
    .object({
      group: z.literal('general'),
      values: z
        .object({ currency: SETTINGS.currency.schema, timeZone: SETTINGS.timeZone.schema, language: SETTINGS.language.schema, region: SETTINGS.region.schema })
        .partial()
        .strict(),
    })
    .strict(),
  z.object({ group: z.literal('profile'), values: ProfileValues }).strict(),
  z
    .object({
      group: z.literal('followup'),
      values: z
        .object({
          templates: SETTINGS['followup.templates'].schema,
          askFollowUpDays: SETTINGS['followup.askFollowUpDays'].schema,
          defaultCadenceDays: SETTINGS['followup.defaultCadenceDays'].schema,
        })
        .partial()
        .strict(),
    })
    .strict(),
  z
    .object({ group: z.literal('files'), values: z.object({ keepBackups: SETTINGS['files.keepBackups'].schema }).partial().strict() })
    .strict(),
])
export type SettingsSaveInput = z.input<typeof SettingsSaveInput>
