import { useId, useRef, useState } from 'react'
import type { ScreenProps } from '../../ui/nav'
import { fieldError, useApi, useApiMutation } from '../../ui/api'
import type { LoopSettings } from '../../../../shared/channels/followup'
import { PLACEHOLDERS, TEMPLATE_KINDS, unknownPlaceholders, type TemplateKind } from '../../../../core/templates/render'
import { DEFAULT_TEMPLATES } from '../../../../core/templates/defaults'
import { PersonPicker, type PickedPerson } from '../thanks/PersonPicker'
import { renderDraft } from '../thanks/useDraft'
import './settings.css'

const KIND_TITLES: Record<TemplateKind, string> = {
  thank: 'Thank-you note',
  ask: 'Asking for an introduction',
  introduction: 'Introduction email',
}

function TemplatePreview(props: { kind: TemplateKind; tpl: { subject: string; body: string } }) {
  const [partner, setPartner] = useState<PickedPerson | null>(null)
  const [prospect, setProspect] = useState<PickedPerson | null>(null)
  const input = { ...(partner ? { partnerId: partner.id } : {}), ...(prospect ? { prospectId: prospect.id } : {}) }
  const ctx = useApi('followup:context', input)
  const out = ctx.data ? renderDraft(props.kind, props.tpl, ctx.data) : null
  return (
    <div className="st-preview">
      <div className="grid-2">
        <PersonPicker label={props.kind === 'ask' ? 'Preview: referrer' : 'Preview: partner'} value={partner} onChange={setPartner} exclude={[prospect?.id]} />
        <PersonPicker label={props.kind === 'introduction' ? 'Preview: person introduced' : 'Preview: client'} value={prospect} onChange={setProspect} exclude={[partner?.id]} />
      </div>
      {out && (
        <div className="st-rendered" aria-label="Preview" role="region">
          <div className="st-subject">{out.subject}</div>
          <pre>{out.body}</pre>
        </div>
      )}
    </div>
  )
}

function TemplateEditor(props: {
  kind: TemplateKind
  value: { subject: string; body: string }
  onChange: (v: { subject: string; body: string }) => void
}) {
  const sid = useId()
  const bid = useId()
  const body = useRef<HTMLTextAreaElement>(null)
  const unknown = unknownPlaceholders(`${props.value.subject}\n${props.value.body}`)
  const insert = (name: string) => {
    const el = body.current
    const text = `{${name}}`
    const at = el ? el.selectionStart : props.value.body.length
    const end = el ? el.selectionEnd : at
    props.onChange({ ...props.value, body: props.value.body.slice(0, at) + text + props.value.body.slice(end) })
  }
  return (
    <div className="st-template">
      <div className="st-edit">
        <div className="field">
          <label htmlFor={sid}>Subject</label>
          <input id={sid} value={props.value.subject} onChange={(e) => props.onChange({ ...props.value, subject: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={bid}>Message</label>
          <textarea
            id={bid}
            ref={body}
            rows={14}
            value={props.value.body}
            aria-invalid={unknown.length ? true : undefined}
            aria-describedby={unknown.length ? `${bid}-unknown` : undefined}
            onChange={(e) => props.onChange({ ...props.value, body: e.target.value })}
          />
          {unknown.length > 0 && (
            <div className="field-error" id={`${bid}-unknown`} role="alert">
              Unknown placeholder{unknown.length > 1 ? 's' : ''}: {unknown.map((u) => `{${u}}`).join(', ')}. They will be sent as written.
            </div>
          )}
        </div>
        <div className="row">
          <button type="button" className="btn btn-small" onClick={() => props.onChange(DEFAULT_TEMPLATES[props.kind])}>
            Reset to the default
          </button>
        </div>
        <TemplatePreview kind={props.kind} tpl={props.value} />
      </div>
      <aside className="st-help" aria-label="Placeholders">
        <h4>Placeholders</h4>
        <p className="faint">Click to insert at the cursor. A value missing from a record shows as [name] so you can fill it in before sending.</p>
        <ul>
          {PLACEHOLDERS.map((p) => (
            <li key={p.name}>
              <button type="button" className="link-button" onClick={() => insert(p.name)}>
                {`{${p.name}}`}
              </button>
              <span className="faint"> {p.help}</span>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  )
}

function SettingsForm(props: { initial: LoopSettings }) {
  const [s, setS] = useState(props.initial)
  const [tab, setTab] = useState<TemplateKind>('thank')
  const [saved, setSaved] = useState(false)
  const save = useApiMutation('followup:saveSettings')
  const ids = { plm: useId(), ic: useId(), cur: useId(), ask: useId(), cad: useId(), tz: useId() }
  const set = (patch: Partial<LoopSettings>) => {
    setSaved(false)
    setS({ ...s, ...patch })
  }
  const err = (f: string) => fieldError(save.error, f)
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault()
        save.mutate(
          {
            templates: s.templates,
            peopleLikeMe: s.peopleLikeMe ?? '',
            idealClient: s.idealClient ?? '',
            currency: s.currency,
            askFollowUpDays: s.askFollowUpDays,
            defaultCadenceDays: s.defaultCadenceDays,
            timeZone: s.timeZone,
          },
          { onSuccess: () => setSaved(true) },
        )
      }}
    >
      <section className="card">
        <div className="card-title">
          <h2>You, in your words</h2>
        </div>
        <p className="muted">Used in the message asking for introductions, so people know who to send you.</p>
        <div className="grid-2">
          <div className="field">
            <label htmlFor={ids.plm}>People like you (who a good introduction for you is)</label>
            <textarea id={ids.plm} value={s.peopleLikeMe ?? ''} onChange={(e) => set({ peopleLikeMe: e.target.value })} placeholder="for example: owners of small firms who want to grow without hiring" />
          </div>
          <div className="field">
            <label htmlFor={ids.ic}>Your ideal client</label>
            <textarea id={ids.ic} value={s.idealClient ?? ''} onChange={(e) => set({ idealClient: e.target.value })} aria-invalid={err('idealClient') ? true : undefined} />
            {err('idealClient') && <div className="field-error">{err('idealClient')}</div>}
          </div>
        </div>
      </section>

      <section className="card">
        <div className="card-title">
          <h2>Follow-up rules</h2>
        </div>
        <div className="st-prefs">
          <div className="field">
            <label htmlFor={ids.ask}>Follow up an unanswered ask after (days)</label>
            <input id={ids.ask} type="number" min={1} max={365} value={s.askFollowUpDays} onChange={(e) => set({ askFollowUpDays: Number(e.target.value) })} aria-invalid={err('askFollowUpDays') ? true : undefined} />
            {err('askFollowUpDays') && <div className="field-error">{err('askFollowUpDays')}</div>}
          </div>
          <div className="field">
            <label htmlFor={ids.cad}>Default keep-in-touch cadence (days)</label>
            <input
              id={ids.cad}
              type="number"
              min={1}
              placeholder="off"
              value={s.defaultCadenceDays ?? ''}
              onChange={(e) => set({ defaultCadenceDays: e.target.value === '' ? null : Number(e.target.value) })}
              aria-invalid={err('defaultCadenceDays') ? true : undefined}
            />
            <span className="field-hint">For partners without their own cadence. Empty: off.</span>
            {err('defaultCadenceDays') && <div className="field-error">{err('defaultCadenceDays')}</div>}
          </div>
          <div className="field">
            <label htmlFor={ids.cur}>Default currency</label>
            <input id={ids.cur} value={s.currency} maxLength={3} onChange={(e) => set({ currency: e.target.value })} aria-invalid={err('currency') ? true : undefined} />
            {err('currency') && <div className="field-error">{err('currency')}</div>}
          </div>
          <div className="field">
            <label htmlFor={ids.tz}>Time zone (days start at midnight here)</label>
            <input id={ids.tz} value={s.timeZone} onChange={(e) => set({ timeZone: e.target.value })} aria-invalid={err('timeZone') ? true : undefined} />
            {err('timeZone') && <div className="field-error">{err('timeZone')}</div>}
          </div>
        </div>
      </section>

      <section className="card">
        <div className="card-title">
          <h2>Message templates</h2>
        </div>
        <div className="tabs" role="tablist">
          {TEMPLATE_KINDS.map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)}>
              {KIND_TITLES[k]}
              {unknownPlaceholders(s.templates[k].subject + s.templates[k].body).length > 0 && <span className="badge badge-danger st-flag">!</span>}
            </button>
          ))}
        </div>
        <TemplateEditor key={tab} kind={tab} value={s.templates[tab]} onChange={(v) => set({ templates: { ...s.templates, [tab]: v } })} />
      </section>

      {save.error && !['idealClient', 'askFollowUpDays', 'defaultCadenceDays', 'currency', 'timeZone'].some((f) => err(f)) && (
        <div className="form-error">{save.error.message}</div>
      )}
      <div className="form-actions st-actions">
        {saved && (
          <span className="muted" role="status">
            Saved.
          </span>
        )}
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          Save settings
        </button>
      </div>
    </form>
  )
}

export function SettingsScreen(_props: ScreenProps) {
  const q = useApi('followup:settings')
  return (
    <div className="st">
      <div className="page-header">
        <h1>Settings</h1>
      </div>
      {q.error && <div className="form-error">{q.error.message}</div>}
      {q.data ? <SettingsForm initial={q.data} /> : <p className="muted">Loading…</p>}
    </div>
  )
}
