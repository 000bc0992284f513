import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'

export interface MenuItem {
  label: string
  onSelect: () => void
  danger?: boolean
  disabled?: boolean
}

export interface ContextMenuProps {
  x: number
  y: number
  items: readonly MenuItem[]
  label: string
  onClose: () => void
}

/**
 * A right-click menu at (x, y), kept inside the window: arrow keys, Home/End move,
 * Enter or Space chooses, Escape, Tab, a click elsewhere, scrolling or resizing
 * close it; focus goes back to where it was.
 */
export function ContextMenu({ x, y, items, label, onClose }: ContextMenuProps) {
  const ref = useRef<HTMLDivElement>(null)
  const [pos, setPos] = useState({ left: x, top: y })
  const close = useRef(onClose)
  close.current = onClose
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const r = el.getBoundingClientRect()
    setPos({ left: Math.max(4, Math.min(x, window.innerWidth - r.width - 4)), top: Math.max(4, Math.min(y, window.innerHeight - r.height - 4)) })
  }, [x, y])
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus()
    const away = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) close.current()
    }
    const shut = () => close.current()
    window.addEventListener('mousedown', away, true)
    window.addEventListener('resize', shut)
    window.addEventListener('blur', shut)
    window.addEventListener('wheel', shut, { passive: true })
    return () => {
      window.removeEventListener('mousedown', away, true)
      window.removeEventListener('resize', shut)
      window.removeEventListener('blur', shut)
      window.removeEventListener('wheel', shut)
      if (before && document.contains(before)) before.focus()
    }
  }, [])
  function onKeyDown(e: React.KeyboardEvent) {
    const all = Array.from(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])
    const i = all.indexOf(document.activeElement as HTMLElement)
    const go = (j: number) => all[(j + all.length) % all.length]?.focus()
    if (e.key === 'ArrowDown') go(i + 1)
    else if (e.key === 'ArrowUp') go(i - 1)
    else if (e.key === 'Home') go(0)
    else if (e.key === 'End') go(all.length - 1)
    else if (e.key === 'Escape' || e.key === 'Tab') close.current()
    else return
    e.preventDefault()
    e.stopPropagation()
  }
  return (
    <div ref={ref} className="context-menu" role="menu" aria-label={label} style={{ left: pos.left, top: pos.top }} onKeyDown={onKeyDown} onContextMenu={(e) => e.preventDefault()}>
      {items.map((it) => (
        <button
          key={it.label}
          type="button"
          role="menuitem"
          className={it.danger ? 'danger' : undefined}
          disabled={it.disabled}
          onClick={() => {
            close.current()
            it.onSelect()
          }}
        >
          {it.label}
        </button>
      ))}
    </div>
  )
}

/**
 * State for one context menu: `open(event, items, label)` from an onContextMenu handler (or a
 * keyboard event on a focused element: Shift+F10 or the Menu key, placed at the element), and the
 * element to render.
 */
export function useContextMenu(): { open: (e: React.MouseEvent | React.KeyboardEvent | { x: number; y: number }, items: MenuItem[], label: string) => void; menu: ReactNode } {
  const [state, setState] = useState<{ x: number; y: number; items: MenuItem[]; label: string } | null>(null)
  const open = useCallback((e: React.MouseEvent | React.KeyboardEvent | { x: number; y: number }, items: MenuItem[], label: string) => {
    let x: number
    let y: number
    if ('clientX' in e) {
      e.preventDefault()
      x = e.clientX
      y = e.clientY
    } else if ('currentTarget' in e) {
      e.preventDefault()
      const r = (e.currentTarget as HTMLElement).getBoundingClientRect()
      x = r.left + 24
      y = r.top + r.height / 2
    } else {
      x = e.x
      y = e.y
    }
    setState({ x, y, items, label })
  }, [])
  const menu = state ? <ContextMenu x={state.x} y={state.y} items={state.items} label={state.label} onClose={() => setState(null)} /> : null
  return { open, menu }
}

/** Shift+F10 or the Menu key: the keyboard's right-click. */
export const isMenuKey = (e: Pick<KeyboardEvent, 'key' | 'shiftKey'>) => e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')
