import { useId, useState } from 'react'
import { THANK_METHODS } from '../../../../shared/schemas'
import { fieldError, useApiMutation } from '../../ui/api'
import { Dialog } from '../../ui/Dialog'
import { copyDraft, mailtoFor, openInMailApp, usableAddresses, type Draft } from './mail'
import { useDraft } from './useDraft'
import { MissingValues } from './MissingValues'
import { leftoverMarkers } from '../../../../core/templates/render'

export const METHOD_LABELS: Record<string, string> = {
  email: 'Email',
  card: 'Card',
  gift: 'Gift',
  call: 'Call',
  in_person: 'In person',
}

/**
 * The editable message with "Open in mail app" and "Copy". While a missing value
 * still shows as `[name]` in the text, neither is offered: fill it in or edit it out.
 */
export function MessageEditor(props: { to: string[]; missingTo: string[]; draft: Draft; missing?: string[]; onChange: (d: Draft) => void }) {
  const sid = useId()
  const bid = useId()
  const [note, setNote] = useState<string | null>(null)
  const holes = leftoverMarkers(props.draft, props.missing ?? [])
  const url = props.to.length && holes.length === 0 ? mailtoFor(props.to, props.draft) : null
  return (
    <div className="fu-editor">
      <div className="fu-to muted">
        To: {props.to.length ? props.to.join(', ') : 'no email address on record'}
        {props.missingTo.length > 0 && <span> · no email for {props.missingTo.join(', ')}</span>}
      </div>
      <div className="field">
        <label htmlFor={sid}>Subject</label>
        <input id={sid} value={props.draft.subject} onChange={(e) => props.onChange({ ...props.draft, subject: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={bid}>Message</label>
        <textarea id={bid} rows={12} value={props.draft.body} onChange={(e) => props.onChange({ ...props.draft, body: e.target.value })} />
      </div>
      <div className="row">
        <button
          type="button"
          className="btn"
          disabled={!url}
          title={url ? undefined : holes.length ? 'Fill in the missing values first' : 'Add an email address to the person first'}
          onClick={() => {
            if (url)
              void openInMailApp(url).then(
                () => setNote('Handed to your mail app.'),
                (e: unknown) => setNote(e instanceof Error ? e.message : 'Could not open the mail app.'),
              )
          }}
        >
          Open in mail app
        </button>
        <button
          type="button"
          className="btn"
          disabled={holes.length > 0}
          onClick={() => void copyDraft(props.draft).then((ok) => setNote(ok ? 'Copied to the clipboard.' : 'Copy failed: select the text and copy it.'))}
        >
          Copy
        </button>
        {note && (
          <span className="muted" role="status">
            {note}
          </span>
        )}
      </div>
      {holes.length > 0 && (
        <p className="field-hint" role="status">
          Still in the text: {holes.map((h) => `[${h}]`).join(', ')}.
        </p>
      )}
    </div>
  )
}

/** Drafts a thank-you (to the referrer) or an ask (to the client), and records it. */
export function Composer(props: { kind: 'thank' | 'ask'; introductionId: string; clientId?: string; today: string; onClose: () => void }) {
  const [common, setCommon] = useState<string | undefined>(undefined)
  const { draft, context, error, missing } = useDraft(props.kind, { introductionId: props.introductionId }, common)
  const [edit, setEdit] = useState<Draft | null>(null)
  const [date, setDate] = useState(props.today)
  const [method, setMethod] = useState<string>('email')
  const [notes, setNotes] = useState('')
  const thank = useApiMutation('followup:thank')
  const ask = useApiMutation('followup:ask')
  const m = props.kind === 'thank' ? thank : ask
  const dateId = useId()
  const methodId = useId()
  const notesId = useId()
  const recipient = props.kind === 'thank' ? context?.partner : context?.prospect
  const to = usableAddresses([recipient?.email])
  const current = edit ?? draft
  const title =
    props.kind === 'thank'
      ? `Thank ${context?.partner?.name ?? '…'}${context?.prospect ? ` for introducing ${context.prospect.name}` : ''}`
      : `Ask ${context?.prospect?.name ?? '…'} for an introduction`
  const record = () => {
    const opts = { onSuccess: () => props.onClose() }
    if (props.kind === 'thank')
      thank.mutate(
        { introductionId: props.introductionId, date, method: method as (typeof THANK_METHODS)[number], notes },
        opts,
      )
    else if (context?.prospect)
      ask.mutate({ personId: context.prospect.id, introductionId: props.introductionId, date, method, notes }, opts)
  }
  return (
    <Dialog title={title} onClose={props.onClose} wide>
      {error && <div className="form-error">{error.message}</div>}
      {!edit && <MissingValues missing={missing} context={context} onCommon={setCommon} />}
      {current ? (
        <MessageEditor to={to} missingTo={to.length ? [] : recipient ? [recipient.name] : []} draft={current} missing={missing} onChange={setEdit} />
      ) : (
        <p className="muted">Drafting…</p>
      )}
      <fieldset className="fu-record">
        <legend>{props.kind === 'thank' ? 'Record the thank-you' : 'Record the ask'}</legend>
        <div className="row">
          <div className="field">
            <label htmlFor={dateId}>Date</label>
            <input id={dateId} type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={fieldError(m.error, 'date') ? true : undefined} />
            {fieldError(m.error, 'date') && <div className="field-error">{fieldError(m.error, 'date')}</div>}
          </div>
          <div className="field">
            <label htmlFor={methodId}>How</label>
            <select id={methodId} value={method} onChange={(e) => setMethod(e.target.value)}>
              {(props.kind === 'thank' ? THANK_METHODS : (['email', 'call', 'in_person'] as const)).map((k) => (
                <option key={k} value={k}>
                  {METHOD_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="field fu-grow">
            <label htmlFor={notesId}>Note (optional)</label>
            <input id={notesId} value={notes} onChange={(e) => setNotes(e.target.value)} />
          </div>
        </div>
      </fieldset>
      {m.error && !fieldError(m.error, 'date') && <div className="form-error">{m.error.message}</div>}
      <div className="form-actions">
        <button type="button" className="btn" onClick={props.onClose}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" disabled={m.isPending || !context} onClick={record}>
          {props.kind === 'thank' ? 'Record thank-you' : 'Record ask'}
        </button>
      </div>
    </Dialog>
  )
}
