import type { Handlers } from '../backend/services/types'
import { setEditLabels, setMenuLanguage } from './menu'
import { resolveLanguage, type UiLanguage } from '../shared/i18n'

/**
 * Keeps Edit > Undo/Redo naming the action they would revert: after every call
 * the history's state is read (two indexed lookups) and the menu is rebuilt only
 * when a label changed.
 */
export function followHistoryInMenu(handlers: Handlers, rebuildMenu: () => void): Handlers {
  const sync = async () => {
    try {
      // The handlers may be wrapped (async) ones: await what they give.
      const s = (await handlers['history:list']({ limit: 1 })) as { undo: { label: string } | null; redo: { label: string } | null }
      if (setEditLabels({ undo: s.undo?.label ?? null, redo: s.redo?.label ?? null })) rebuildMenu()
    } catch {
      // The network may be closed or switching; the next call brings the menu up to date.
    }
  }
  const out: Record<string, (input: unknown) => unknown> = {}
  for (const [ch, h] of Object.entries(handlers) as [string, (input: unknown) => unknown][]) {
    out[ch] = async (input) => {
      try {
        return await h(input)
      } finally {
        await sync()
      }
    }
  }
  return out as Handlers
}

/** The menus' language: the network's language setting (general.language), or the computer's when it is null. */
export async function menuLanguageOf(handlers: Handlers, systemLanguages: readonly string[]): Promise<UiLanguage> {
  try {
    const s = (await handlers['settings:get']({})) as { general?: { language?: string | null } }
    return resolveLanguage(s.general?.language ?? null, systemLanguages)
  } catch {
    return resolveLanguage(null, systemLanguages)
  }
}

/**
 * Calls after which the language setting may differ: it was saved, undone or redone, or another
 * network (with its own settings) was opened, created, restored, merged or started.
 */
const LANGUAGE_MAY_CHANGE = new Set([
  'settings:save',
  'history:undo',
  'history:redo',
  'files:openNetwork',
  'files:newNetwork',
  'files:restoreBackup',
  'files:mergeNetwork',
  'app:startEmpty',
  'app:loadSample',
])

/**
 * Keeps the menus in the user's language: the language is read at the start and after a call that may
 * change it (LANGUAGE_MAY_CHANGE); a `settings:get` (every window load asks for it) gives it for free.
 * Other calls cost nothing here. The menu is rebuilt only when the language changed.
 */
export function followLanguageInMenu(handlers: Handlers, systemLanguages: () => readonly string[], rebuildMenu: () => void): Handlers {
  const system = (): readonly string[] => {
    try {
      return systemLanguages()
    } catch {
      return []
    }
  }
  const apply = (lang: UiLanguage) => {
    if (setMenuLanguage(lang)) rebuildMenu()
  }
  const sync = async () => apply(await menuLanguageOf(handlers, system()))
  void sync()
  const out: Record<string, (input: unknown) => unknown> = {}
  for (const [ch, h] of Object.entries(handlers) as [string, (input: unknown) => unknown][]) {
    if (ch === 'settings:get') {
      out[ch] = async (input) => {
        const r = (await h(input)) as { general?: { language?: string | null } }
        apply(resolveLanguage(r?.general?.language ?? null, system()))
        return r
      }
    } else if (LANGUAGE_MAY_CHANGE.has(ch)) {
      out[ch] = async (input) => {
        try {
          return await h(input)
        } finally {
          await sync()
        }
      }
    } else out[ch] = h
  }
  return out as Handlers
}
