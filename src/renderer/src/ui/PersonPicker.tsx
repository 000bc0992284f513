import { useEffect, useId, useRef, useState } from 'react'
import { useApi } from './api'
import { useTranslation } from './i18n'

/** An existing person a PersonPicker picked (company shown beside the name when known). */
export interface ExistingPerson {
  id: string
  name: string
  company?: string | null
}

/** What a PersonPicker holds: an existing person, or (when `allowNew`) a name to create. */
export type PickedPerson = ExistingPerson | { newName: string } | null

export function useDebounced<T>(value: T, ms = 200): T {
  const [v, setV] = useState(value)
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms)
    return () => clearTimeout(t)
  }, [value, ms])
  return v
}

export interface PersonPickerProps<New extends boolean = false> {
  label: string
  value: PickedPerson
  /** Without `allowNew` the pick is always an existing person (or none). */
  onChange: (v: New extends true ? PickedPerson : ExistingPerson | null) => void
  /** Offer "Create new: <name>" (for prospects). */
  allowNew?: New
  /** People not to offer (e.g. the one already picked in the other field). */
  exclude?: readonly (string | null | undefined)[]
  /** Leave "you" out of the list (introductions between two other people). */
  excludeMe?: boolean
  error?: string | undefined
  hint?: string
  placeholder?: string
  id?: string
}

/**
 * Search-as-you-type over people:list; picks an existing person by id, or a new name when allowed.
 * A combobox: arrow keys move through the list, Enter picks, Escape closes the list (not the dialog).
 */
export function PersonPicker<New extends boolean = false>({
  label,
  value,
  onChange: onPick,
  allowNew,
  exclude,
  excludeMe,
  error,
  hint,
  placeholder,
  id: idProp,
}: PersonPickerProps<New>) {
  const onChange = onPick as (v: PickedPerson) => void
  const { t } = useTranslation('people')
  const auto = useId()
  const id = idProp ?? auto
  const listId = `${id}-list`
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const inputRef = useRef<HTMLInputElement>(null)
  const search = useDebounced(text.trim(), 150)
  const q = useApi('people:list', { search, sort: 'name', dir: 'asc', offset: 0, limit: 8, includeArchived: false }, { enabled: open && value === null, placeholderData: (prev) => prev })
  const people = (q.data?.items ?? []).filter((p) => !(excludeMe && p.isMe) && !(exclude ?? []).includes(p.id))
  const trimmed = text.trim()
  const exact = people.some((p) => p.name.toLowerCase() === trimmed.toLowerCase())
  const options: { key: string; label: string; sub?: string; pick: PickedPerson }[] = people.map((p) => ({
    key: p.id,
    label: p.name,
    sub: [p.company, p.profession].filter(Boolean).join(' · '),
    pick: { id: p.id, name: p.name, company: p.company },
  }))
  if (allowNew && trimmed !== '' && !exact) options.push({ key: '__new', label: t('picker.createNew', { name: trimmed }), pick: { newName: trimmed } })

  function choose(p: PickedPerson) {
    onChange(p)
    setOpen(false)
    setText('')
  }

  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined

  if (value !== null) {
    const name = 'id' in value ? value.name : value.newName
    return (
      <div className="field">
        <span className="field-label" id={`${id}-label`}>
          {label}
        </span>
        <div className="picker-chosen" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
          <span>
            {name}
            {'newName' in value && <span className="muted"> {t('picker.newPerson')}</span>}
            {'id' in value && value.company ? <span className="muted"> · {value.company}</span> : null}
          </span>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            aria-label={t('picker.changeLabel', { label, lower: label.toLowerCase() })}
            onClick={() => {
              onChange(null)
              setOpen(true)
              setTimeout(() => inputRef.current?.focus(), 0)
            }}
          >
            {t('picker.change')}
          </button>
        </div>
        {error && (
          <span className="field-error" id={`${id}-error`} role="alert">
            {error}
          </span>
        )}
      </div>
    )
  }

  return (
    <div className="field picker">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        role="combobox"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        placeholder={placeholder ?? (allowNew ? t('picker.searchOrNew') : t('picker.search'))}
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          setOpen(true)
          setActive(0)
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setOpen(true)
            setActive((a) => Math.min(a + 1, options.length - 1))
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            setActive((a) => Math.max(a - 1, 0))
          } else if (e.key === 'Enter' && open && options[active]) {
            e.preventDefault()
            choose(options[active].pick)
          } else if (e.key === 'Escape' && open) {
            e.stopPropagation()
            setOpen(false)
          }
        }}
      />
      {open && options.length > 0 && (
        <ul className="picker-list" role="listbox" id={listId} aria-label={label}>
          {options.map((o, i) => (
            <li
              key={o.key}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault()
                choose(o.pick)
              }}
              onMouseEnter={() => setActive(i)}
            >
              {o.label}
              {o.sub && <span className="muted">{o.sub}</span>}
            </li>
          ))}
        </ul>
      )}
      {hint && !error && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  )
}
