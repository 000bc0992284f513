import type { Handlers } from '../backend/services/types'
import { setEditLabels } from './menu'

/**
 * Keeps Edit > Undo/Redo naming the action they would revert: after every call
 * the history's state is read (two indexed lookups) and the menu is rebuilt only
 * when a label changed.
 */
export function followHistoryInMenu(handlers: Handlers, rebuildMenu: () => void): Handlers {
  const sync = () => {
    try {
      const s = handlers['history:list']({ limit: 1 }) as { undo: { label: string } | null; redo: { label: string } | null }
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
        sync()
      }
    }
  }
  return out as Handlers
}
