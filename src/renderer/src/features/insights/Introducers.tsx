import { useState } from 'react'
import type { IntroducerPath, IntroducersResult } from '../../../../shared/channels/insights'
import { fieldError, useApi, useApiMutation, type ApiError } from '../../ui/api'
import { PersonPicker, type PickedPerson } from '../../ui/PersonPicker'
import { Dialog } from '../../ui/Dialog'
import { MessageEditor } from '../followup/Composer'
import { usableAddresses, type Draft } from '../followup/mail'
import { pct } from '../reports/format'

type Mode = 'person' | 'company' | 'profession'

/** The ask to the first person on the path, drafted as an email the user can edit, send and record. */
export function askDraft(p: IntroducerPath, targetLabel: string): Draft {
  const first = p.names[1] ?? ''
  const firstName = first.split(' ')[0] ?? first
  const via = p.names.slice(2, -1)
  const target = p.names.at(-1) ?? targetLabel
  const chain = via.length ? ` You know ${via.join(', then ')}, who knows ${target}.` : ''
  return {
    subject: `Could you introduce me to ${targetLabel}?`,
    body: `Hi ${firstName},\n\nI'd like to meet ${target}${targetLabel !== target ? ` (${targetLabel})` : ''}, and I think you could help.${chain}\n\nWould you be willing to make a warm introduction? I'm happy to send you a short note you can forward.\n\nThank you!`,
  }
}

function AskDialog(props: { path: IntroducerPath; targetLabel: string; onClose: () => void }) {
  const ask = useApiMutation('followup:ask')
  const person = useApi('people:get', { id: props.path.askId })
  const info = useApi('app:info', {})
  const [draft, setDraft] = useState<Draft>(() => askDraft(props.path, props.targetLabel))
  const to = usableAddresses([person.data?.email])
  const today = info.data?.today ?? new Date().toISOString().slice(0, 10)
  return (
    <Dialog title={`Ask ${props.path.names[1]} for an introduction`} onClose={props.onClose} wide>
      <p className="muted ins-why">{props.path.why}</p>
      <MessageEditor to={to} missingTo={to.length ? [] : [props.path.names[1] ?? '']} draft={draft} onChange={setDraft} />
      {ask.error && <div className="form-error">{ask.error.message}</div>}
      {ask.isSuccess && (
        <p role="status" className="muted">
          Recorded: you asked {props.path.names[1]} on {today}.
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="btn" onClick={props.onClose}>
          Close
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={ask.isPending || ask.isSuccess}
          onClick={() => ask.mutate({ personId: props.path.askId, date: today, method: 'email', notes: `Asked for an introduction to ${props.targetLabel}` })}
        >
          Record the ask
        </button>
      </div>
    </Dialog>
  )
}

/** The ranked paths, each with its sentence and "Draft the ask". */
export function PathList(props: { result: IntroducersResult; targetLabel: string; compact?: boolean; onOpenPerson?: (id: string) => void }) {
  const [asking, setAsking] = useState<IntroducerPath | null>(null)
  const { paths } = props.result
  if (paths.length === 0)
    return <p className="muted">Nobody you know leads there yet: no chain of introductions or contacts connects you.</p>
  return (
    <>
      <ol className={`ins-paths${props.compact ? ' compact' : ''}`} aria-label="Paths">
        {paths.map((p) => (
          <li key={p.askId} className="ins-path">
            <div className="ins-path-head">
              <span className="ins-chain">
                {p.names.map((n, i) => (
                  <span key={p.path[i]}>
                    {i > 0 && <span className="ins-arrow" aria-hidden="true"> → </span>}
                    {i === 0 || !props.onOpenPerson ? (
                      <span className={i === 1 ? 'ins-ask' : undefined}>{n}</span>
                    ) : (
                      <button type="button" className="link-button" onClick={() => props.onOpenPerson!(p.path[i]!)}>
                        {n}
                      </button>
                    )}
                  </span>
                ))}
              </span>
              <span className="badge" title="Product of the hops' strengths and the introducers' records">
                {pct(p.score)}
              </span>
            </div>
            {!props.compact && <p className="ins-why">{p.why}</p>}
            <div className="ins-path-actions">
              {p.path.length > 2 ? (
                <button type="button" className="btn btn-small btn-primary" onClick={() => setAsking(p)} aria-label={`Draft the ask to ${p.names[1]}`}>
                  Draft the ask
                </button>
              ) : (
                <span className="muted">You know them directly.</span>
              )}
            </div>
          </li>
        ))}
      </ol>
      {asking && <AskDialog path={asking} targetLabel={props.targetLabel} onClose={() => setAsking(null)} />}
    </>
  )
}

const errorText = (e: ApiError | null) => (e ? e.message : null)

/** "Who can introduce me": pick a person, or type a company or a profession. */
export function IntroducersView(props: { onOpenPerson: (id: string) => void }) {
  const [mode, setMode] = useState<Mode>('person')
  const [picked, setPicked] = useState<PickedPerson>(null)
  const [text, setText] = useState('')
  const [query, setQuery] = useState<string | null>(null)
  const input =
    mode === 'person'
      ? picked && 'id' in picked
        ? { targetId: picked.id }
        : null
      : query
        ? mode === 'company'
          ? { company: query }
          : { profession: query }
        : null
  const r = useApi('insights:introducers', input ?? { targetId: '' }, { enabled: input !== null })
  const targetLabel = mode === 'person' ? (picked && 'id' in picked ? picked.name : '') : (query ?? '')
  return (
    <div className="stack">
      <div className="ins-ask-form" role="group" aria-label="Who to reach">
        <div className="ins-modes" role="radiogroup" aria-label="Search by">
          {(['person', 'company', 'profession'] as const).map((m) => (
            <label key={m} className="checkbox">
              <input
                type="radio"
                name="ins-mode"
                checked={mode === m}
                onChange={() => {
                  setMode(m)
                  setQuery(null)
                }}
              />
              {m === 'person' ? 'A person' : m === 'company' ? 'A company' : 'A profession'}
            </label>
          ))}
        </div>
        {mode === 'person' ? (
          <PersonPicker label="Who do you want to meet?" value={picked} onChange={setPicked} />
        ) : (
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault()
              setQuery(text.trim() || null)
            }}
          >
            <div className="field">
              <label htmlFor="ins-query">{mode === 'company' ? 'Company' : 'Profession'}</label>
              <input id="ins-query" value={text} onChange={(e) => setText(e.target.value)} placeholder={mode === 'company' ? 'e.g. Acme' : 'e.g. accountant'} />
              {fieldError(r.error, mode) && <div className="field-error">{fieldError(r.error, mode)}</div>}
            </div>
            <button type="submit" className="btn btn-primary">
              Find paths
            </button>
          </form>
        )}
      </div>
      {r.isFetching && input && <p className="muted">Finding paths…</p>}
      {r.error && !fieldError(r.error, mode) && <div className="form-error">{errorText(r.error)}</div>}
      {r.data && input && (
        <>
          <p className="muted">
            {r.data.targetCount === 1
              ? `Best ways to reach ${r.data.targets[0]?.name}`
              : `${r.data.targetCount} people match: ${r.data.targets.slice(0, 5).map((t) => t.name).join(', ')}${r.data.targetCount > 5 ? ', …' : ''}`}
            . Score = strength of each hop (introductions exchanged, how recent, both ways) × each introducer's record of introductions that closed.
          </p>
          <PathList result={r.data} targetLabel={targetLabel} onOpenPerson={props.onOpenPerson} />
        </>
      )}
    </div>
  )
}
