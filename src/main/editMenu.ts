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
 * Keeps the menus in the user's language: the language is read at the start and
 * after every call (a settings:save that changes it, or another network opened
 * with a different setting); the menu is rebuilt only when it changed.
 */
export function followLanguageInMenu(handlers: Handlers, systemLanguages: () => readonly string[], rebuildMenu: () => void): Handlers {
  const system = (): readonly string[] => {
    try {
      return systemLanguages()
    } catch {
      return []
    }
  }
  const sync = async () => {
    try {
      if (setMenuLanguage(await menuLanguageOf(handlers, system()))) rebuildMenu()
    } catch {
      // The menu keeps its language; the next call tries again.
    }
  }
  void sync()
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
