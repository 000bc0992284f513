import { useCallback, useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { call } from './api'
import { useToast, type ToastAction } from './Toast'

/** Is the keyboard in a field that has its own text undo? */
export function inEditable(el: Element | null): boolean {
  if (!el) return false
  const h = el as HTMLElement
  return h.isContentEditable || el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((el as HTMLInputElement).type))
}

/** Undo and redo of the network's last actions; afterwards every screen refetches what it shows. */
export function useUndoRedo() {
  const qc = useQueryClient()
  const toast = useToast()
  const run = useCallback(
    async (which: 'undo' | 'redo') => {
      try {
        const r = await call(which === 'undo' ? 'history:undo' : 'history:redo', {})
        await qc.invalidateQueries()
        toast.info(r.done)
      } catch (e) {
        toast.error(e)
      }
    },
    [qc, toast],
  )
  return { undo: useCallback(() => run('undo'), [run]), redo: useCallback(() => run('redo'), [run]) }
}

/** The "Undo" button for the toast after an action (archive, delete, set as me, merge, a status change). */
export function useUndoAction(): ToastAction {
  const { undo } = useUndoRedo()
  return { label: 'Undo', run: () => void undo() }
}

/**
 * Ctrl+Z / Ctrl+Shift+Z (⌘ on macOS; Ctrl+Y too) and the Edit menu's Undo and
 * Redo: in a text field they undo typing, as everywhere; elsewhere they undo the
 * network's last action.
 */
export function HistoryKeys() {
  const { undo, redo } = useUndoRedo()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || inEditable(document.activeElement)) return
      const k = e.key.toLowerCase()
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault()
        void undo()
      } else if ((k === 'z' && e.shiftKey) || (k === 'y' && !e.shiftKey && !e.metaKey)) {
        e.preventDefault()
        void redo()
      }
    }
    window.addEventListener('keydown', onKey)
    const off = window.platform?.onMenu?.((cmd) => {
      if (cmd !== 'undo' && cmd !== 'redo') return
      if (inEditable(document.activeElement)) document.execCommand(cmd)
      else void (cmd === 'undo' ? undo() : redo())
    })
    return () => {
      window.removeEventListener('keydown', onKey)
      off?.()
    }
  }, [undo, redo])
  return null
}
