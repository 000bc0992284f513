import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from './i18n'
import { Button } from './Button'
import { useUnsavedChanges } from './unsaved'

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

export interface DialogProps {
  title: ReactNode
  onClose: () => void
  children: ReactNode
  wide?: boolean
  /** The form inside has unsaved edits: closing (Escape, ✕, a click outside) asks first, and so does leaving the screen. */
  dirty?: boolean
}

/**
 * A modal dialog: Escape closes it, Tab cycles inside it, the first field gets focus,
 * and focus returns to where it was when the dialog closes.
 */
export function Dialog({ title, onClose, children, wide, dirty = false }: DialogProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const [asking, setAsking] = useState(false)
  useUnsavedChanges(dirty)
  const requestClose = () => (dirty ? setAsking(true) : onClose())
  const closeRef = useRef(requestClose)
  closeRef.current = requestClose
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    const el = ref.current
    const first = el?.querySelector<HTMLElement>('input, select, textarea') ?? el?.querySelector<HTMLElement>(FOCUSABLE)
    first?.focus()
    return () => before?.focus?.()
  }, [])
  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Escape') {
      // A picker's own listbox handles Escape first (it stops propagation).
      e.stopPropagation()
      closeRef.current()
      return
    }
    if (e.key !== 'Tab' || !ref.current) return
    const items = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE))
    if (items.length === 0) return
    const first = items[0]!
    const last = items[items.length - 1]!
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault()
      first.focus()
    }
  }
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && requestClose()}>
      <div ref={ref} className={`dialog${wide ? ' wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <div className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <Button variant="ghost" small aria-label={t('close')} onClick={requestClose}>
            ✕
          </Button>
        </div>
        {children}
      </div>
      {asking && (
        <ConfirmDialog
          title={t('unsaved.title')}
          message={t('unsaved.dialog')}
          confirmLabel={t('unsaved.discard')}
          cancelLabel={t('unsaved.keepEditing')}
          onConfirm={() => {
            setAsking(false)
            onClose()
          }}
          onCancel={() => setAsking(false)}
        />
      )}
    </div>
  )
}

export interface ConfirmDialogProps {
  title: ReactNode
  message: ReactNode
  confirmLabel: string
  /** Defaults to "Cancel". */
  cancelLabel?: string
  onConfirm: () => void
  onCancel: () => void
  busy?: boolean
  danger?: boolean
}

/** Asks before a destructive action; Cancel has focus first so Enter does not destroy by accident. */
export function ConfirmDialog({ title, message, confirmLabel, cancelLabel, onConfirm, onCancel, busy, danger = true }: ConfirmDialogProps) {
  const { t } = useTranslation()
  const cancelRef = useRef<HTMLButtonElement>(null)
  useEffect(() => cancelRef.current?.focus(), [])
  return (
    <Dialog title={title} onClose={onCancel}>
      <div>{message}</div>
      <div className="form-actions">
        <Button ref={cancelRef} onClick={onCancel}>
          {cancelLabel ?? t('cancel')}
        </Button>
        <Button variant={danger ? 'danger' : 'primary'} busy={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  )
}
