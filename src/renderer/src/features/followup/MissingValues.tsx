import { useId, useState } from 'react'
import type { DraftContext } from '../../../../shared/channels/followup'
import { useApiMutation } from '../../ui/api'

const FIELD_LABELS: Record<string, string> = {
  company: 'company',
  profession: 'what they do',
  email: 'email',
  idealClient: 'ideal client',
  howMet: 'how you know them',
}

const ME_LABELS: Record<string, string> = {
  company: 'Your company',
  profession: 'What you do',
  email: 'Your email',
  idealClient: 'Your ideal client',
  peopleLikeMe: 'People like you (who a good introduction for you is)',
}

const LONG = new Set(['idealClient', 'howMet', 'peopleLikeMe', 'common'])

type Target =
  | { kind: 'profile'; field: 'profession' | 'company' | 'idealClient' | 'peopleLikeMe' }
  | { kind: 'person'; id: string; field: 'company' | 'profession' | 'email' | 'idealClient' | 'howMet' }
  | { kind: 'common' }
  | { kind: 'none'; why: string }

export interface MissingItem {
  name: string
  label: string
  target: Target
}

/** What a missing placeholder is, in words, and where a value for it is kept. */
export function describeMissing(name: string, ctx: DraftContext | null): MissingItem {
  const [prefix, field = ''] = name.split('.') as [string, string | undefined]
  if (prefix === 'me') {
    const label = ME_LABELS[field] ?? `Your ${field}`
    if (field === 'profession' || field === 'company' || field === 'idealClient' || field === 'peopleLikeMe')
      return { name, label, target: { kind: 'profile', field } }
    if (field === 'email' && ctx?.me) return { name, label, target: { kind: 'person', id: ctx.me.id, field: 'email' } }
    return { name, label, target: { kind: 'none', why: 'Say who you are first (People: set yourself as "me").' } }
  }
  if (prefix === 'partner' || prefix === 'prospect') {
    const p = prefix === 'partner' ? ctx?.partner : ctx?.prospect
    const who = p?.name ?? (prefix === 'partner' ? 'the partner' : 'the person')
    const label = `${who}: ${FIELD_LABELS[field] ?? field}`
    if (p && (field === 'company' || field === 'profession' || field === 'email' || field === 'idealClient' || field === 'howMet'))
      return { name, label, target: { kind: 'person', id: p.id, field } }
    return { name, label, target: { kind: 'none', why: `Pick ${who} first.` } }
  }
  if (name === 'introduction.common') return { name, label: 'What the two have in common', target: { kind: 'common' } }
  return { name, label: name === 'introduction.value' ? 'The value of the business' : 'The introduction date', target: { kind: 'none', why: 'Record it on the introduction.' } }
}

function MissingRow(props: { item: MissingItem; onCommon?: ((v: string) => void) | undefined }) {
  const id = useId()
  const [value, setValue] = useState('')
  const profile = useApiMutation('settings:save')
  const person = useApiMutation('people:update')
  const t = props.item.target
  const m = t.kind === 'profile' ? profile : person
  const save = () => {
    if (t.kind === 'profile') profile.mutate({ group: 'profile', values: { [t.field]: value } })
    else if (t.kind === 'person') person.mutate({ id: t.id, [t.field]: value })
    else if (t.kind === 'common') props.onCommon?.(value)
  }
  if (t.kind === 'none' || (t.kind === 'common' && !props.onCommon))
    return (
      <li className="fu-missing-row">
        <span>{props.item.label}</span>
        <span className="muted"> {t.kind === 'none' ? t.why : ''}</span>
      </li>
    )
  const long = LONG.has(t.kind === 'common' ? 'common' : t.field)
  return (
    <li className="fu-missing-row">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault()
          if (value.trim()) save()
        }}
      >
        <div className="field fu-grow">
          <label htmlFor={id}>{props.item.label}</label>
          {long ? (
            <textarea id={id} rows={2} value={value} onChange={(e) => setValue(e.target.value)} />
          ) : (
            <input id={id} value={value} onChange={(e) => setValue(e.target.value)} />
          )}
          {m.error && <div className="field-error">{m.error.message}</div>}
        </div>
        <button type="submit" className="btn btn-small" disabled={!value.trim() || m.isPending}>
          {t.kind === 'common' ? 'Use' : 'Save'}
        </button>
      </form>
    </li>
  )
}

/**
 * Before a draft goes out: says which values it is missing (they would be sent as
 * `[name]`) and offers to fill each one where it is kept: your profile (Settings),
 * the person's record, or the dialog's own "in common" field. Saving refreshes the draft.
 */
export function MissingValues(props: { missing: string[]; context: DraftContext | null; onCommon?: (v: string) => void }) {
  if (props.missing.length === 0) return null
  const items = props.missing.map((n) => describeMissing(n, props.context))
  return (
    <section className="fu-missing" role="region" aria-label="Missing values">
      <p className="fu-warning">
        This message is missing {items.length === 1 ? 'a value' : `${items.length} values`}: {items.map((i) => i.label).join('; ')}. Fill{' '}
        {items.length === 1 ? 'it' : 'them'} in here (saved to the record) or edit the text, so no [placeholder] is sent.
      </p>
      <ul className="fu-missing-list">
        {items.map((i) => (
          <MissingRow key={i.name} item={i} onCommon={props.onCommon} />
        ))}
      </ul>
    </section>
  )
}
