import { useEffect, useId, useRef, type ReactNode } from 'react'

/** A small modal: Escape or the close button closes it; focus moves into it when it opens. */
export function Dialog(props: { title: string; onClose: () => void; wide?: boolean; children: ReactNode }) {
  const id = useId()
  const ref = useRef<HTMLDivElement>(null)
  const { onClose } = props
  useEffect(() => {
    const el = ref.current
    el?.querySelector<HTMLElement>('input, textarea, select, button:not(.dialog-close)')?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={ref} className={`dialog${props.wide ? ' wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={id}>
        <div className="dialog-header">
          <h2 id={id}>{props.title}</h2>
          <button type="button" className="btn btn-ghost btn-small dialog-close" aria-label="Close" onClick={onClose}>
            ✕
          </button>
        </div>
        {props.children}
      </div>
    </div>
  )
}
