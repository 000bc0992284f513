import { useCallback, useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { call } from './api'
import { useToast, type ToastAction } from './Toast'
import { useLocale, useTranslation } from './i18n'
import { translateLabel } from '../../../shared/historyLabels'
import type { UiLanguage } from '../../../shared/i18n'

/** A history label ("Archive Ben Brooks", stored in English) in the user's language. */
export function useHistoryLabel(): (label: string) => string {
  const { language } = useLocale()
  useTranslation()
  return (label) => translateLabel(label, language)
}

/** The backend's "Undone: <label>" / "Redone: <label>" as a sentence of the catalogue. */
export function doneText(done: string, language: UiLanguage, t: (key: 'history.undone' | 'history.redone', o: { action: string }) => string): string {
  const m = /^(Undone|Redone): (.*)$/s.exec(done)
  if (!m) return translateLabel(done, language)
  return t(m[1] === 'Undone' ? 'history.undone' : 'history.redone', { action: translateLabel(m[2]!, language) })
}

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
  const { t } = useTranslation('shell')
  const { language } = useLocale()
  const run = useCallback(
    async (which: 'undo' | 'redo') => {
      try {
        const r = await call(which === 'undo' ? 'history:undo' : 'history:redo', {})
        await qc.invalidateQueries()
        toast.info(doneText(r.done, language, (k, o) => t(k, o)))
      } catch (e) {
        toast.error(e)
      }
    },
    [qc, toast, language, t],
  )
  return { undo: useCallback(() => run('undo'), [run]), redo: useCallback(() => run('redo'), [run]) }
}

/** The "Undo" button for the toast after an action (archive, delete, set as me, merge, a status change). */
export function useUndoAction(): ToastAction {
  const { undo } = useUndoRedo()
  const { t } = useTranslation()
  return { label: t('undo'), run: () => void undo() }
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
