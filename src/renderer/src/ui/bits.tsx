import type { ReactNode } from 'react'
import { STATUS_LABELS, type IntroStatus } from '../../../shared/schemas'
import { useTranslation } from './i18n'

export function Card({ title, actions, children, className }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`card ${className ?? ''}`}>
      {(title || actions) && (
        <div className="card-title">
          {title && <h2>{title}</h2>}
          {actions}
        </div>
      )}
      {children}
    </section>
  )
}

export function EmptyState({ title, children, actions }: { title: ReactNode; children?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="empty">
      <h3>{title}</h3>
      {children && <div>{children}</div>}
      {actions && <div className="row">{actions}</div>}
    </div>
  )
}

export type BadgeTone = 'neutral' | 'info' | 'success' | 'danger' | 'warning' | 'accent'

export function Badge({ tone = 'neutral', title, children }: { tone?: BadgeTone; title?: string; children: ReactNode }) {
  return (
    <span className={`badge${tone === 'neutral' ? '' : ` badge-${tone}`}`} title={title}>
      {children}
    </span>
  )
}

/** English status names, for files and backend text; screens use `useStatusLabel()` (the catalogue's common:status.<value>). */
export { STATUS_LABELS }

/** A status as screens show it, in the user's language ("Not a fit", "Passt nicht"); `word` for inside a sentence ("not a fit"). */
export function useStatusLabel(): (status: IntroStatus, form?: 'label' | 'word') => string {
  const { t } = useTranslation()
  return (status, form = 'label') => (form === 'word' ? t(`statusWord.${status}`) : t(`status.${status}`))
}

const STATUS_TONES: Record<IntroStatus, BadgeTone> = {
  new: 'info',
  contacted: 'info',
  meeting: 'accent',
  proposal: 'warning',
  won: 'success',
  lost: 'danger',
  not_a_fit: 'neutral',
}

export function StatusBadge({ status }: { status: IntroStatus }) {
  const label = useStatusLabel()
  return <Badge tone={STATUS_TONES[status]}>{label(status)}</Badge>
}

export interface TabDef<T extends string> {
  id: T
  label: ReactNode
}

export function Tabs<T extends string>({ tabs, value, onChange, label }: { tabs: readonly TabDef<T>[]; value: T; onChange: (v: T) => void; label: string }) {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((t) => (
        <button key={t.id} role="tab" type="button" aria-selected={t.id === value} onClick={() => onChange(t.id)}>
          {t.label}
        </button>
      ))}
    </div>
  )
}

