import type { ButtonHTMLAttributes, Ref } from 'react'

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost'

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant
  small?: boolean
  busy?: boolean
  ref?: Ref<HTMLButtonElement>
}

/** A button; `primary` for the main action of a view, `danger` for destructive ones. */
export function Button({ variant = 'secondary', small, busy, className, children, disabled, type, ...rest }: ButtonProps) {
  const cls = ['btn', variant !== 'secondary' ? `btn-${variant}` : '', small ? 'btn-small' : '', className ?? '']
    .filter(Boolean)
    .join(' ')
  return (
    <button type={type ?? 'button'} className={cls} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {busy && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  )
}
