import { useId, useState } from 'react'
import { INTERACTION_KINDS, type InteractionKind } from '../../../../shared/schemas'
import { fieldError, useApi, useApiMutation } from '../../ui/api'
import { useToday } from '../../ui/today'
import { METHOD_LABELS } from './Composer'
import { MakeIntroductionDialog } from './MakeIntroductionDialog'
import './followup.css'

export const KIND_LABELS: Record<InteractionKind, string> = {
  one_to_one: 'One-to-one',
  call: 'Call',
  meeting: 'Meeting',
  email: 'Email',
  thank_you: 'Thank-you',
  ask: 'Ask for an introduction',
  note: 'Note',
}

/** The interactions log of one person (one-to-ones, calls, thank-yous, asks); mounted in the person's detail. */
export function PersonInteractions(props: { personId: string }) {
  const q = useApi('interactions:list', { personId: props.personId })
  const create = useApiMutation('interactions:create')
  const del = useApiMutation('interactions:delete')
  const answered = useApiMutation('followup:askAnswered')
  const [adding, setAdding] = useState(false)
  const [introducing, setIntroducing] = useState(false)
  const [kind, setKind] = useState<InteractionKind>('one_to_one')
  const today = useToday()
  // null: today (from the backend, in the user's time zone) until the user picks a date.
  const [picked, setDate] = useState<string | null>(null)
  const date = picked ?? today ?? ''
  const [notes, setNotes] = useState('')
  const k = useId()
  const d = useId()
  const n = useId()
  const h = useId()
  return (
    <section className="fu-log" aria-labelledby={h}>
      <div className="card-title">
        <h3 id={h}>Interactions</h3>
        <span className="muted">
          Last contacted: <strong data-testid="last-contacted">{q.data?.lastContacted ?? 'never'}</strong>
        </span>
        {!adding && (
          <button type="button" className="btn btn-small" onClick={() => setAdding(true)}>
            Add interaction
          </button>
        )}
        <button type="button" className="btn btn-small" onClick={() => setIntroducing(true)}>
          Introduce someone to them
        </button>
      </div>
      {adding && (
        <form
          className="fu-add"
          onSubmit={(e) => {
            e.preventDefault()
            create.mutate(
              { personId: props.personId, kind, date, notes },
              {
                onSuccess: () => {
                  setAdding(false)
                  setNotes('')
                },
              },
            )
          }}
        >
          <div className="row">
            <div className="field">
              <label htmlFor={k}>Kind</label>
              <select id={k} value={kind} onChange={(e) => setKind(e.target.value as InteractionKind)}>
                {INTERACTION_KINDS.map((x) => (
                  <option key={x} value={x}>
                    {KIND_LABELS[x]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={d}>Date</label>
              <input id={d} type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={fieldError(create.error, 'date') ? true : undefined} />
              {fieldError(create.error, 'date') && <div className="field-error">{fieldError(create.error, 'date')}</div>}
            </div>
            <div className="field fu-grow">
              <label htmlFor={n}>Notes</label>
              <input id={n} value={notes} onChange={(e) => setNotes(e.target.value)} />
            </div>
          </div>
          {create.error && !fieldError(create.error, 'date') && <div className="form-error">{create.error.message}</div>}
          <div className="row">
            <button type="submit" className="btn btn-primary btn-small" disabled={create.isPending}>
              Save interaction
            </button>
            <button type="button" className="btn btn-small" onClick={() => setAdding(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {q.error && <div className="form-error">{q.error.message}</div>}
      {q.data && q.data.items.length === 0 && <p className="muted">No interactions yet.</p>}
      {q.data && q.data.items.length > 0 && (
        <ul className="timeline fu-timeline" aria-label="Interactions">
          {q.data.items.map((i) => (
            <li key={i.id}>
              <span className="date">{i.date}</span>
              <span className="fu-grow">
                <strong>{KIND_LABELS[i.kind]}</strong>
                {i.method && <span className="muted"> · {METHOD_LABELS[i.method] ?? i.method}</span>}
                {i.about && <span className="muted"> · re {i.about}</span>}
                {i.kind === 'ask' && <span className={`badge fu-gap ${i.answeredAt ? 'badge-success' : 'badge-warning'}`}>{i.answeredAt ? 'answered' : 'waiting'}</span>}
                {i.notes && <span> · {i.notes}</span>}
              </span>
              {i.kind === 'ask' && (
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  onClick={() => answered.mutate({ interactionId: i.id, answered: !i.answeredAt })}
                >
                  {i.answeredAt ? 'Mark unanswered' : 'Mark answered'}
                </button>
              )}
              <button
                type="button"
                className="btn btn-ghost btn-small"
                aria-label={`Delete ${KIND_LABELS[i.kind]} of ${i.date}`}
                onClick={() => {
                  if (window.confirm(`Delete this ${KIND_LABELS[i.kind].toLowerCase()}?`)) del.mutate({ id: i.id })
                }}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      {introducing && <MakeIntroductionDialog partnerId={props.personId} onClose={() => setIntroducing(false)} />}
    </section>
  )
}
