import type { z } from 'zod'
import { AppError } from '../../shared/errors'
import { SETTINGS, SETTING_KEYS, settingOrDefault, type SettingInput, type SettingKey, type SettingValue } from '../../shared/settings'
import type { Db } from './connection'

/**
 * The settings table, read and written only through the registry in
 * shared/settings.ts: a value that is missing, unreadable or fails its schema
 * reads as the default; a write that fails the schema is refused.
 */

function storedRaw(db: Db, key: string): unknown {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
  if (!row) return undefined
  try {
    return JSON.parse(row.value) as unknown
  } catch {
    return undefined
  }
}

/** The stored value of a registered setting, or its default. Never throws. */
export function readSetting<K extends SettingKey>(db: Db, key: K): SettingValue<K> {
  return settingOrDefault(key, storedRaw(db, key))
}

/** Checks a value against the registry; a bad one is a VALIDATION error naming `field` (the key by default). */
export function checkSetting<K extends SettingKey>(key: K, value: SettingInput<K>, field: string = key): SettingValue<K> {
  const r = (SETTINGS[key].schema as z.ZodType).safeParse(value)
  if (!r.success) {
    const issue = r.error.issues[0]
    const sub = issue && issue.path.length ? `.${issue.path.map(String).join('.')}` : ''
    throw new AppError('VALIDATION', `${SETTINGS[key].label}: ${issue?.message ?? 'not a valid value.'}`, `${field}${sub}`)
  }
  return r.data as SettingValue<K>
}

/** Validates and stores a registered setting. */
export function writeSetting<K extends SettingKey>(db: Db, key: K, value: SettingInput<K>, now: string, field?: string): SettingValue<K> {
  const v = checkSetting(key, value, field)
  const json = JSON.stringify(v ?? null)
  // A plain UPDATE, else an INSERT (not an upsert): the change log's triggers see one ordinary write either way.
  if (db.prepare('UPDATE settings SET value = ?, updated_at = ? WHERE key = ?').run(json, now, key).changes === 0)
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run(key, json, now)
  return v
}

/** Every registered setting that is stored and valid (what a network export carries). */
export function storedSettings(db: Db): Partial<Record<SettingKey, unknown>> {
  const out: Partial<Record<SettingKey, unknown>> = {}
  for (const key of SETTING_KEYS) {
    const raw = storedRaw(db, key)
    if (raw === undefined) continue
    const r = (SETTINGS[key].schema as z.ZodType).safeParse(raw)
    if (r.success) out[key] = r.data
  }
  return out
}
