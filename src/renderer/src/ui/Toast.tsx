import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'
import { ApiError } from './api'
import { useLocale, useTranslation } from './i18n'
import { translateLabel } from '../../../shared/historyLabels'

export type ToastKind = 'success' | 'error' | 'info'
/** A button in a toast ("Undo"); pressing it runs `run` and closes the toast. */
export interface ToastAction {
  label: string
  run: () => void
}

interface ToastItem {
  id: number
  kind: ToastKind
  message: string
  action?: ToastAction
}

export interface ToastApi {
  success(message: string, action?: ToastAction): void
  error(messageOrError: unknown): void
  info(message: string): void
}

const Ctx = createContext<ToastApi | null>(null)

/** The message of any thrown thing, for a toast. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError || e instanceof Error) return e.message
  return String(e)
}

/**
 * Holds the toasts; success/info toasts go away after a few seconds, errors stay until dismissed.
 * An error's message (English, from the backend or a zod schema) shows in the user's language when the catalogue knows it.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('shell')
  const { language } = useLocale()
  const [items, setItems] = useState<ToastItem[]>([])
  const next = useRef(1)
  const dismiss = useCallback((id: number) => setItems((xs) => xs.filter((x) => x.id !== id)), [])
  const push = useCallback(
    (kind: ToastKind, message: string, action?: ToastAction) => {
      const id = next.current++
      setItems((xs) => [...xs.slice(-3), { id, kind, message, ...(action ? { action } : {}) }])
      // A toast with a button stays long enough to reach it.
      if (kind !== 'error') setTimeout(() => dismiss(id), action ? 8000 : 4000)
    },
    [dismiss],
  )
  const api = useMemo<ToastApi>(
    () => ({
      success: (m, action) => push('success', m, action),
      info: (m) => push('info', m),
      error: (e) => push('error', errorMessage(e)),
    }),
    [push],
  )
  return (
    <Ctx.Provider value={api}>
      {children}
      <div className="toasts" aria-live="polite">
        {items.map((item) => (
          <div key={item.id} className={`toast toast-${item.kind}`} role={item.kind === 'error' ? 'alert' : 'status'}>
            <p>{item.kind === 'error' ? translateLabel(item.message, language) : item.message}</p>
            {item.action && (
              <button
                className="btn btn-secondary btn-small"
                onClick={() => {
                  dismiss(item.id)
                  item.action!.run()
                }}
              >
                {item.action.label}
              </button>
            )}
            <button className="btn btn-ghost btn-small" aria-label={t('toast.dismiss')} onClick={() => dismiss(item.id)}>
              ✕
            </button>
          </div>
        ))}
      </div>
    </Ctx.Provider>
  )
}

const silent: ToastApi = { success: () => {}, error: () => {}, info: () => {} }

/** Success/error notifications. Outside a ToastProvider (e.g. an isolated test) it does nothing. */
export function useToast(): ToastApi {
  return useContext(Ctx) ?? silent
}
