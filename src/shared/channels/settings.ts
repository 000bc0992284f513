import { z } from 'zod'
import { channel } from '../channel'
import { SettingsSaveInput, type Settings } from '../settings'

/**
 * Typed settings, by group (the registry is shared/settings.ts). `settings:get`
 * returns every group; `settings:save` changes one group: only the fields sent,
 * each checked by its registry schema (a bad value is VALIDATION with the field,
 * e.g. `values.keepBackups`), in one transaction. No channel stores an arbitrary key.
 */
export const settingsChannels = {
  'settings:get': channel<Settings>()(z.object({}).strict().optional().default({})),
  'settings:save': channel<Settings>()(SettingsSaveInput),
}
