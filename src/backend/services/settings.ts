import { defaultTemplates } from '../../core/templates/defaults'
import { resolveLanguage } from '../../shared/i18n'
import { AppError } from '../../shared/errors'
import type { settingsChannels } from '../../shared/channels/settings'
import type { Settings } from '../../shared/settings'
import { tx, type Db } from '../db/connection'
import { getPersonCard } from '../db/followup'
import { getMeId, updatePerson } from '../db/people'
import { readSetting, writeSetting } from '../db/settings'
import { hostLocale, hostTimeZone, nowIso, type ServiceContext } from './context'
import type { SliceHandlers } from './types'

/** Every group of settings, as the app uses them (defaults filled in, the time zone in effect). */
export function readSettings(db: Db): Settings {
  const tz = readSetting(db, 'timeZone')
  const stored = readSetting(db, 'followup.templates')
  // The built-in templates speak the app's language: the setting, else the computer's.
  const DEFAULT_TEMPLATES = defaultTemplates(resolveLanguage(readSetting(db, 'language'), [hostLocale()]))
  const me = getMeId(db)
  const card = me ? getPersonCard(db, me) : null
  return {
    general: { currency: readSetting(db, 'currency'), timeZone: tz ?? hostTimeZone(), timeZoneIsDefault: tz === null,
      language: readSetting(db, 'language'),
      region: readSetting(db, 'region'),
    },
    profile: {
      peopleLikeMe: readSetting(db, 'followup.peopleLikeMe'),
      profession: card?.profession ?? null,
      company: card?.company ?? null,
      idealClient: card?.idealClient ?? null,
    },
    followup: {
      templates: {
        thank: stored.thank ?? DEFAULT_TEMPLATES.thank,
        ask: stored.ask ?? DEFAULT_TEMPLATES.ask,
        introduction: stored.introduction ?? DEFAULT_TEMPLATES.introduction,
      },
      askFollowUpDays: readSetting(db, 'followup.askFollowUpDays'),
      defaultCadenceDays: readSetting(db, 'followup.defaultCadenceDays'),
    },
    files: { keepBackups: readSetting(db, 'files.keepBackups') },
  }
}

export function settingsHandlers(ctx: ServiceContext): SliceHandlers<typeof settingsChannels> {
  const db = () => ctx.store.db
  return {
    'settings:get': () => readSettings(db()),
    'settings:save': (input) =>
      tx(db(), () => {
        const d = db()
        const now = nowIso(ctx)
        switch (input.group) {
          case 'general': {
            const v = input.values
            if (v.currency !== undefined) writeSetting(d, 'currency', v.currency, now, 'values.currency')
            if (v.timeZone !== undefined) writeSetting(d, 'timeZone', v.timeZone, now, 'values.timeZone')
            if (v.language !== undefined) writeSetting(d, 'language', v.language, now, 'values.language')
            if (v.region !== undefined) writeSetting(d, 'region', v.region, now, 'values.region')
            break
          }
          case 'profile': {
            const v = input.values
            if (v.peopleLikeMe !== undefined) writeSetting(d, 'followup.peopleLikeMe', v.peopleLikeMe, now, 'values.peopleLikeMe')
            const person = { profession: v.profession, company: v.company, idealClient: v.idealClient }
            const changes = Object.fromEntries(Object.entries(person).filter(([, x]) => x !== undefined))
            if (Object.keys(changes).length) {
              const me = getMeId(d)
              if (!me)
                throw new AppError('VALIDATION', 'Say who you are first (People: set yourself as "me").', `values.${Object.keys(changes)[0]}`)
              updatePerson(d, me, changes, now)
            }
            break
          }
          case 'followup': {
            const v = input.values
            if (v.templates !== undefined)
              writeSetting(d, 'followup.templates', { ...readSetting(d, 'followup.templates'), ...v.templates }, now, 'values.templates')
            if (v.askFollowUpDays !== undefined) writeSetting(d, 'followup.askFollowUpDays', v.askFollowUpDays, now, 'values.askFollowUpDays')
            if (v.defaultCadenceDays !== undefined)
              writeSetting(d, 'followup.defaultCadenceDays', v.defaultCadenceDays, now, 'values.defaultCadenceDays')
            break
          }
          case 'files': {
            if (input.values.keepBackups !== undefined) writeSetting(d, 'files.keepBackups', input.values.keepBackups, now, 'values.keepBackups')
            break
          }
        }
        return readSettings(d)
      }),
  }
}
