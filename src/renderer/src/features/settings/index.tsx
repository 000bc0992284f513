import { useId, useRef, useState } from 'react'
import type { ScreenProps } from '../../ui/nav'
import { fieldError, useApi, useApiMutation } from '../../ui/api'
import type { FollowupSettings, GeneralSettings, ProfileSettings } from '../../../../shared/settings'
import { PLACEHOLDERS, TEMPLATE_KINDS, unknownPlaceholders, type TemplateKind } from '../../../../core/templates/render'
import { DEFAULT_TEMPLATES } from '../../../../core/templates/defaults'
import { PersonPicker, type ExistingPerson as PickedPerson } from '../../ui/PersonPicker'
import { renderDraft } from '../followup/useDraft'
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
        <PersonPicker label={props.kind === 'ask' ? 'Preview: referrer' : 'Preview: partner'} value={partner} onChange={setPartner} exclude={[prospect?.id]} excludeMe />
        <PersonPicker label={props.kind === 'introduction' ? 'Preview: person introduced' : 'Preview: client'} value={prospect} onChange={setProspect} exclude={[partner?.id]} excludeMe />
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
        <h3>Placeholders</h3>
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

/** One group's form: its own Save (one transaction), "Saved." when done, the service's errors by field. */
function useGroupSave() {
  const save = useApiMutation('settings:save')
  const [saved, setSaved] = useState(false)
  const err = (f: string) => fieldError(save.error, `values.${f}`)
  return { save, saved, setSaved, err }
}

function SaveRow(props: { label: string; pending: boolean; saved: boolean; error: string | null; sticky?: boolean }) {
  return (
    <>
      {props.error && <div className="form-error">{props.error}</div>}
      <div className={props.sticky ? 'form-actions st-actions' : 'form-actions'}>
        {props.saved && (
          <span className="muted" role="status">
            Saved.
          </span>
        )}
        <button type="submit" className="btn btn-primary" disabled={props.pending}>
          {props.label}
        </button>
      </div>
    </>
  )
}

const otherError = (e: { message: string; field?: string } | null, fields: string[]) =>
  e && !fields.some((f) => e.field === `values.${f}` || e.field?.startsWith(`values.${f}.`)) ? e.message : null

/** You, in your words: what you do, your company, your ideal client, people like you (first run asks the same). */
function ProfileForm(props: { initial: ProfileSettings }) {
  const [v, setV] = useState(props.initial)
  const g = useGroupSave()
  const ids = { prof: useId(), comp: useId(), plm: useId(), ic: useId() }
  const set = (patch: Partial<ProfileSettings>) => {
    g.setSaved(false)
    setV({ ...v, ...patch })
  }
  return (
    <form
      className="card stack"
      aria-label="You, in your words"
      onSubmit={(e) => {
        e.preventDefault()
        // Only what changed: profession, company and ideal client live on your own person record.
        const values = Object.fromEntries(
          (['profession', 'company', 'idealClient', 'peopleLikeMe'] as const).filter((k) => (v[k] ?? '') !== (props.initial[k] ?? '')).map((k) => [k, v[k] ?? '']),
        )
        g.save.mutate({ group: 'profile', values }, { onSuccess: () => g.setSaved(true) })
      }}
    >
      <div className="card-title">
        <h2>You, in your words</h2>
      </div>
      <p className="muted">Used in your messages (asking for introductions, introducing people), so people know who to send you.</p>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={ids.prof}>What you do (your profession)</label>
          <input id={ids.prof} value={v.profession ?? ''} onChange={(e) => set({ profession: e.target.value })} aria-invalid={g.err('profession') ? true : undefined} />
          {g.err('profession') && <div className="field-error">{g.err('profession')}</div>}
        </div>
        <div className="field">
          <label htmlFor={ids.comp}>Your company</label>
          <input id={ids.comp} value={v.company ?? ''} onChange={(e) => set({ company: e.target.value })} aria-invalid={g.err('company') ? true : undefined} />
          {g.err('company') && <div className="field-error">{g.err('company')}</div>}
        </div>
        <div className="field">
          <label htmlFor={ids.plm}>People like you (who a good introduction for you is)</label>
          <textarea id={ids.plm} value={v.peopleLikeMe ?? ''} onChange={(e) => set({ peopleLikeMe: e.target.value })} placeholder="for example: owners of small firms who want to grow without hiring" />
        </div>
        <div className="field">
          <label htmlFor={ids.ic}>Your ideal client</label>
          <textarea id={ids.ic} value={v.idealClient ?? ''} onChange={(e) => set({ idealClient: e.target.value })} aria-invalid={g.err('idealClient') ? true : undefined} />
          {g.err('idealClient') && <div className="field-error">{g.err('idealClient')}</div>}
        </div>
      </div>
      <SaveRow label="Save your profile" pending={g.save.isPending} saved={g.saved} error={otherError(g.save.error, ['profession', 'company', 'idealClient', 'peopleLikeMe'])} />
    </form>
  )
}

/** The zones this runtime knows, offered as suggestions (the backend checks the value). */
const ZONES: readonly string[] = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? []

/** Days and money: the time zone "today" is computed in, and the default currency. */
function GeneralForm(props: { initial: GeneralSettings }) {
  const [v, setV] = useState(props.initial)
  const g = useGroupSave()
  const ids = { cur: useId(), tz: useId() }
  const set = (patch: Partial<GeneralSettings>) => {
    g.setSaved(false)
    setV({ ...v, ...patch })
  }
  return (
    <form
      className="card stack"
      aria-label="Days and money"
      onSubmit={(e) => {
        e.preventDefault()
        g.save.mutate({ group: 'general', values: { currency: v.currency, timeZone: v.timeZone } }, { onSuccess: () => g.setSaved(true) })
      }}
    >
      <div className="card-title">
        <h2>Days and money</h2>
      </div>
      <div className="st-prefs">
        <div className="field">
          <label htmlFor={ids.tz}>Time zone (days start at midnight here)</label>
          <input id={ids.tz} list={`${ids.tz}-zones`} value={v.timeZone} onChange={(e) => set({ timeZone: e.target.value })} aria-invalid={g.err('timeZone') ? true : undefined} />
          <datalist id={`${ids.tz}-zones`}>
            {ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <span className="field-hint">{props.initial.timeZoneIsDefault ? "Now: this computer's zone. " : ''}For example Europe/Paris or America/New_York.</span>
          {g.err('timeZone') && <div className="field-error">{g.err('timeZone')}</div>}
        </div>
        <div className="field">
          <label htmlFor={ids.cur}>Default currency</label>
          <input id={ids.cur} value={v.currency} maxLength={3} onChange={(e) => set({ currency: e.target.value })} aria-invalid={g.err('currency') ? true : undefined} />
          {g.err('currency') && <div className="field-error">{g.err('currency')}</div>}
        </div>
      </div>
      <SaveRow label="Save days and money" pending={g.save.isPending} saved={g.saved} error={otherError(g.save.error, ['timeZone', 'currency'])} />
    </form>
  )
}

/** Follow-up rules and the message templates. */
function FollowupForm(props: { initial: FollowupSettings }) {
  const [v, setV] = useState(props.initial)
  const [tab, setTab] = useState<TemplateKind>('thank')
  const g = useGroupSave()
  const ids = { ask: useId(), cad: useId() }
  const set = (patch: Partial<FollowupSettings>) => {
    g.setSaved(false)
    setV({ ...v, ...patch })
  }
  return (
    <form
      className="stack"
      aria-label="Follow-up"
      onSubmit={(e) => {
        e.preventDefault()
        g.save.mutate(
          { group: 'followup', values: { templates: v.templates, askFollowUpDays: v.askFollowUpDays, defaultCadenceDays: v.defaultCadenceDays } },
          { onSuccess: () => g.setSaved(true) },
        )
      }}
    >
      <section className="card">
        <div className="card-title">
          <h2>Follow-up rules</h2>
        </div>
        <div className="st-prefs">
          <div className="field">
            <label htmlFor={ids.ask}>Follow up an unanswered ask after (days)</label>
            <input id={ids.ask} type="number" min={1} max={365} value={v.askFollowUpDays} onChange={(e) => set({ askFollowUpDays: Number(e.target.value) })} aria-invalid={g.err('askFollowUpDays') ? true : undefined} />
            {g.err('askFollowUpDays') && <div className="field-error">{g.err('askFollowUpDays')}</div>}
          </div>
          <div className="field">
            <label htmlFor={ids.cad}>Default keep-in-touch cadence (days)</label>
            <input
              id={ids.cad}
              type="number"
              min={1}
              placeholder="off"
              value={v.defaultCadenceDays ?? ''}
              onChange={(e) => set({ defaultCadenceDays: e.target.value === '' ? null : Number(e.target.value) })}
              aria-invalid={g.err('defaultCadenceDays') ? true : undefined}
            />
            <span className="field-hint">For partners without their own cadence. Empty: off.</span>
            {g.err('defaultCadenceDays') && <div className="field-error">{g.err('defaultCadenceDays')}</div>}
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
              {unknownPlaceholders(v.templates[k].subject + v.templates[k].body).length > 0 && <span className="badge badge-danger st-flag">!</span>}
            </button>
          ))}
        </div>
        <TemplateEditor key={tab} kind={tab} value={v.templates[tab]} onChange={(t) => set({ templates: { ...v.templates, [tab]: t } })} />
        {g.err('templates') && <div className="field-error">{g.err('templates')}</div>}
      </section>
      <SaveRow sticky label="Save follow-up settings" pending={g.save.isPending} saved={g.saved} error={otherError(g.save.error, ['askFollowUpDays', 'defaultCadenceDays', 'templates'])} />
    </form>
  )
}

export function SettingsScreen(_props: ScreenProps) {
  const q = useApi('settings:get')
  return (
    <div className="st stack">
      <div className="page-header">
        <h1>Settings</h1>
      </div>
      {q.error && <div className="form-error">{q.error.message}</div>}
      {q.data ? (
        <>
          <ProfileForm initial={q.data.profile} />
          <GeneralForm initial={q.data.general} />
          <FollowupForm initial={q.data.followup} />
        </>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </div>
  )
}
