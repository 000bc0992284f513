import { useId, useState } from 'react'
import { useApi } from '../../ui/api'

export interface PickedPerson {
  id: string
  name: string
  company: string | null
}

/** Search-as-you-type person picker over people:list. */
export function PersonPicker(props: {
  label: string
  value: PickedPerson | null
  onChange: (p: PickedPerson | null) => void
  exclude?: (string | null | undefined)[]
  error?: string | undefined
}) {
  const id = useId()
  const [q, setQ] = useState('')
  const [open, setOpen] = useState(false)
  const list = useApi('people:list', { search: q, limit: 8, sort: 'name', dir: 'asc' }, { enabled: open })
  const items = (list.data?.items ?? []).filter((p) => !p.isMe && !(props.exclude ?? []).includes(p.id))
  return (
    <div className="field picker">
      <label htmlFor={id}>{props.label}</label>
      {props.value ? (
        <div className="picker-chosen">
          <span>
            {props.value.name}
            {props.value.company ? <span className="muted"> · {props.value.company}</span> : null}
          </span>
          <button type="button" className="btn btn-ghost btn-small" aria-label={`Change ${props.label.toLowerCase()}`} onClick={() => props.onChange(null)}>
            Change
          </button>
        </div>
      ) : (
        <>
          <input
            id={id}
            role="combobox"
            aria-expanded={open && items.length > 0}
            aria-invalid={props.error ? true : undefined}
            placeholder="Type a name…"
            value={q}
            autoComplete="off"
            onFocus={() => setOpen(true)}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
            onChange={(e) => {
              setQ(e.target.value)
              setOpen(true)
            }}
          />
          {open && items.length > 0 && (
            <ul className="picker-list" role="listbox" aria-label={props.label}>
              {items.map((p) => (
                <li
                  key={p.id}
                  role="option"
                  aria-selected={false}
                  onMouseDown={(e) => {
                    e.preventDefault()
                    props.onChange({ id: p.id, name: p.name, company: p.company })
                    setQ('')
                    setOpen(false)
                  }}
                >
                  {p.name}
                  {p.company ? <span className="muted">{p.company}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {props.error && <div className="field-error">{props.error}</div>}
    </div>
  )
}
