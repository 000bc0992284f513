import { useId, useState, type ReactNode } from 'react'
import type { ScreenProps } from '../../ui/nav'
import { fieldError, useApi, useApiMutation } from '../../ui/api'
import type { KeepInTouchItem, LapsingItem, TaskItem, ThankItem } from '../../../../shared/channels/followup'
import { formatMoney, toMinor } from '../../../../core/money'
import { LAPSE, lapseReasonText } from '../../../../core/analytics/scorecard'
import { Composer } from './Composer'
import { Dialog } from '../../ui/Dialog'
import { MakeIntroductionDialog } from './MakeIntroductionDialog'
import './followup.css'

export { MakeIntroductionDialog } from './MakeIntroductionDialog'
export { PersonInteractions } from './PersonInteractions'

const money = (v: number | null, c: string | null) => formatMoney(toMinor(v), c)
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

function Section(props: { title: string; count?: number; actions?: ReactNode; children: ReactNode; label?: string }) {
  const id = useId()
  return (
    <section className="card fu-section" aria-labelledby={id}>
      <div className="card-title">
        <h2 id={id}>
          {props.title}
          {props.count !== undefined && <span className="badge fu-count">{props.count}</span>}
        </h2>
        {props.actions}
      </div>
      {props.children}
    </section>
  )
}

function Limited<T>(props: { items: T[]; empty: string; render: (items: T[]) => ReactNode; initial?: number }) {
  const [all, setAll] = useState(false)
  const n = props.initial ?? 6
  if (props.items.length === 0) return <p className="muted fu-empty">{props.empty}</p>
  return (
    <>
      {props.render(all ? props.items : props.items.slice(0, n))}
      {props.items.length > n && (
        <button type="button" className="link-button fu-more" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${props.items.length}`}
        </button>
      )}
    </>
  )
}

function PersonLink(props: { id: string | null; name: string | null; navigate: ScreenProps['navigate'] }) {
  if (!props.id || !props.name) return <span className="muted">—</span>
  return (
    <button type="button" className="link-button" onClick={() => props.navigate({ route: 'people', personId: props.id! })}>
      {props.name}
    </button>
  )
}

function ThankTable(props: { items: ThankItem[]; sinceLabel: string; onThank: (i: ThankItem) => void; navigate: ScreenProps['navigate']; label: string }) {
  return (
    <div className="table-wrap">
      <table className="data" aria-label={props.label}>
        <thead>
          <tr>
            <th>Referrer</th>
            <th>Client</th>
            <th className="num">Value</th>
            <th>{props.sinceLabel}</th>
            <th className="num">Waiting</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((i) => (
            <tr key={i.introductionId}>
              <td>
                <PersonLink id={i.referrerId} name={i.referrerName} navigate={props.navigate} />
              </td>
              <td>{i.prospectName}</td>
              <td className="num">{money(i.value, i.currency)}</td>
              <td>{i.since}</td>
              <td className="num">{plural(i.daysWaiting, 'day')}</td>
              <td className="fu-actions">
                <button type="button" className="btn btn-primary btn-small" aria-label={`Thank ${i.referrerName} for ${i.prospectName}`} onClick={() => props.onThank(i)}>
                  Thank
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function LogContactDialog(props: { person: { id: string; name: string }; today: string; onClose: () => void }) {
  const [date, setDate] = useState(props.today)
  const [kind, setKind] = useState<'one_to_one' | 'call' | 'meeting'>('one_to_one')
  const [notes, setNotes] = useState('')
  const m = useApiMutation('interactions:create')
  const d = useId()
  const k = useId()
  const n = useId()
  return (
    <Dialog title={`Log a one-to-one with ${props.person.name}`} onClose={props.onClose}>
      <div className="row">
        <div className="field">
          <label htmlFor={d}>Date</label>
          <input id={d} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          {fieldError(m.error, 'date') && <div className="field-error">{fieldError(m.error, 'date')}</div>}
        </div>
        <div className="field">
          <label htmlFor={k}>Kind</label>
          <select id={k} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="one_to_one">One-to-one</option>
            <option value="call">Call</option>
            <option value="meeting">Meeting</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={n}>Notes (optional)</label>
        <textarea id={n} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      {m.error && !fieldError(m.error, 'date') && <div className="form-error">{m.error.message}</div>}
      <div className="form-actions">
        <button type="button" className="btn" onClick={props.onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={m.isPending}
          onClick={() => m.mutate({ personId: props.person.id, kind, date, notes }, { onSuccess: props.onClose })}
        >
          Save
        </button>
      </div>
    </Dialog>
  )
}

export function TaskDialog(props: { person?: { id: string; name: string }; today: string; meeting?: boolean; onClose: () => void }) {
  const [title, setTitle] = useState(props.person && props.meeting ? `Meet ${props.person.name}` : '')
  const [due, setDue] = useState(props.today)
  const [notes, setNotes] = useState('')
  const m = useApiMutation('tasks:create')
  const t = useId()
  const d = useId()
  const n = useId()
  return (
    <Dialog title={props.meeting && props.person ? `Plan a meeting with ${props.person.name}` : 'Add a follow-up'} onClose={props.onClose}>
      <div className="field">
        <label htmlFor={t}>What</label>
        <input id={t} value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={fieldError(m.error, 'title') ? true : undefined} />
        {fieldError(m.error, 'title') && <div className="field-error">{fieldError(m.error, 'title')}</div>}
      </div>
      <div className="field">
        <label htmlFor={d}>Due</label>
        <input id={d} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        {fieldError(m.error, 'dueDate') && <div className="field-error">{fieldError(m.error, 'dueDate')}</div>}
      </div>
      <div className="field">
        <label htmlFor={n}>Notes (optional)</label>
        <textarea id={n} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <div className="form-actions">
        <button type="button" className="btn" onClick={props.onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={m.isPending}
          onClick={() =>
            m.mutate(
              { title, dueDate: due, notes, kind: props.meeting ? 'meeting' : 'manual', personId: props.person?.id ?? null },
              { onSuccess: props.onClose },
            )
          }
        >
          Save
        </button>
      </div>
    </Dialog>
  )
}

function TaskRow(props: { t: TaskItem; navigate: ScreenProps['navigate'] }) {
  const [days, setDays] = useState(7)
  const done = useApiMutation('tasks:done')
  const dismiss = useApiMutation('tasks:dismiss')
  const snooze = useApiMutation('tasks:snooze')
  const t = props.t
  return (
    <li className={t.daysOverdue > 0 ? 'fu-overdue' : undefined}>
      <div className="fu-task">
        <span className="fu-title">{t.title}</span>
        <span className="muted">
          due {t.dueDate}
          {t.personId && (
            <>
              {' · '}
              <PersonLink id={t.personId} name={t.personName} navigate={props.navigate} />
            </>
          )}
        </span>
        {t.daysOverdue > 0 ? (
          <span className="badge badge-danger">{plural(t.daysOverdue, 'day')} overdue</span>
        ) : t.daysOverdue === 0 ? (
          <span className="badge badge-warning">today</span>
        ) : null}
      </div>
      <div className="fu-actions">
        <button type="button" className="btn btn-small" onClick={() => done.mutate({ id: t.id })} aria-label={`Done: ${t.title}`}>
          Done
        </button>
        <select className="input fu-days" aria-label={`Snooze days for ${t.title}`} value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {[1, 3, 7, 14, 30].map((d) => (
            <option key={d} value={d}>
              {plural(d, 'day')}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small" onClick={() => snooze.mutate({ id: t.id, days })} aria-label={`Snooze: ${t.title}`}>
          Snooze
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => dismiss.mutate({ id: t.id })} aria-label={`Dismiss: ${t.title}`}>
          Dismiss
        </button>
      </div>
    </li>
  )
}

type Dlg =
  | { kind: 'thank' | 'ask'; introductionId: string }
  | { kind: 'introduce' }
  | { kind: 'task' }
  | { kind: 'meeting' | 'log'; person: { id: string; name: string } }
  | null

function ContactButtons(props: { p: { personId: string; name: string }; setDlg: (d: Dlg) => void }) {
  const person = { id: props.p.personId, name: props.p.name }
  return (
    <td className="fu-actions">
      <button type="button" className="btn btn-small" onClick={() => props.setDlg({ kind: 'log', person })} aria-label={`Log a one-to-one with ${person.name}`}>
        Log a one-to-one
      </button>
      <button type="button" className="btn btn-small" onClick={() => props.setDlg({ kind: 'meeting', person })} aria-label={`Plan a meeting with ${person.name}`}>
        Plan a meeting
      </button>
    </td>
  )
}

function KeepTable(props: { items: KeepInTouchItem[]; setDlg: (d: Dlg) => void; navigate: ScreenProps['navigate'] }) {
  return (
    <div className="table-wrap">
      <table className="data" aria-label="Keep in touch">
        <thead>
          <tr>
            <th>Partner</th>
            <th className="num">Every</th>
            <th>Last contact</th>
            <th className="num">Overdue</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((k) => (
            <tr key={k.personId}>
              <td>
                <PersonLink id={k.personId} name={k.name} navigate={props.navigate} />
                {k.plannedMeeting && <span className="badge badge-info fu-gap">meeting {k.plannedMeeting}</span>}
              </td>
              <td className="num">
                {k.cadenceDays} d{k.defaultCadence ? <span className="faint"> (default)</span> : null}
              </td>
              <td>{k.lastContact ?? <span className="muted">never</span>}</td>
              <td className="num">{plural(k.daysOverdue, 'day')}</td>
              <ContactButtons p={k} setDlg={props.setDlg} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function LapsingTable(props: { items: LapsingItem[]; setDlg: (d: Dlg) => void; navigate: ScreenProps['navigate'] }) {
  return (
    <div className="table-wrap">
      <table className="data" aria-label="Lapsing partners">
        <thead>
          <tr>
            <th>Partner</th>
            <th className="num">Sent you</th>
            <th className="num">Usually every</th>
            <th className="num">Since the last</th>
            <th>Why</th>
            <th>Last contact</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((k) => (
            <tr key={k.personId}>
              <td>
                <PersonLink id={k.personId} name={k.name} navigate={props.navigate} />
                {k.plannedMeeting && <span className="badge badge-info fu-gap">meeting {k.plannedMeeting}</span>}
              </td>
              <td className="num">{k.introductions}</td>
              <td className="num">{Math.round(k.usualGapDays)} d</td>
              <td className="num">{k.daysSinceLast} d</td>
              <td title={lapseReasonText(k.reason)}>
                {k.reason === 'silence' ? 'gone quiet' : `falling: ${k.recent} in ${LAPSE.windowDays} d, ${k.before} before`}
              </td>
              <td>{k.lastContact ?? <span className="muted">never</span>}</td>
              <ContactButtons p={k} setDlg={props.setDlg} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function FollowUpScreen(props: ScreenProps) {
  const q = useApi('followup:today')
  const answered = useApiMutation('followup:askAnswered')
  const [dlg, setDlg] = useState<Dlg>(null)
  const close = () => setDlg(null)
  const t = q.data
  const nav = props.navigate
  return (
    <div className="fu">
      <div className="page-header">
        <h1>Thank & follow up</h1>
        {t && <span className="muted">Today is {t.today}</span>}
        <button type="button" className="btn" onClick={() => setDlg({ kind: 'task' })}>
          Add a follow-up
        </button>
        <button type="button" className="btn btn-primary" onClick={() => setDlg({ kind: 'introduce' })}>
          Make an introduction
        </button>
      </div>
      {q.error && <div className="form-error">{q.error.message}</div>}
      {!t ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          {!t.meId && <div className="fu-warning">Set yourself as "me" on the People screen: thanks and asks are about introductions you received.</div>}
          <div className="fu-stack">
            <Section title="Who to thank" count={t.totals.thankWon + t.totals.thankReceived}>
              <h3 className="fu-sub">Won business</h3>
              <Limited
                items={t.thankWon}
                empty="Everyone who sent you business that closed has been thanked."
                render={(items) => <ThankTable items={items} sinceLabel="Won" label="Won business to thank for" onThank={(i) => setDlg({ kind: 'thank', introductionId: i.introductionId })} navigate={nav} />}
              />
              <h3 className="fu-sub">New introductions received</h3>
              <Limited
                items={t.thankReceived}
                empty="No new introductions waiting for a thank-you."
                render={(items) => <ThankTable items={items} sinceLabel="Received" label="New introductions to thank for" onThank={(i) => setDlg({ kind: 'thank', introductionId: i.introductionId })} navigate={nav} />}
              />
            </Section>

            <div className="fu-pair">
            <Section title="Follow-ups" count={t.tasks.length}>
              <Limited
                items={t.tasks}
                initial={8}
                empty="Nothing to follow up."
                render={(items) => (
                  <ul className="fu-list" aria-label="Follow-ups">
                    {items.map((x) => (
                      <TaskRow key={x.id} t={x} navigate={nav} />
                    ))}
                  </ul>
                )}
              />
            </Section>

            <Section title="Ask for an introduction" count={t.totals.askNow}>
              <p className="muted fu-hint">New clients, right after they bought: the best moment to ask who else they know.</p>
              <Limited
                items={t.askNow}
                empty="No recent wins to ask about."
                render={(items) => (
                  <ul className="fu-list" aria-label="Clients to ask">
                    {items.map((a) => (
                      <li key={a.introductionId}>
                        <div>
                          <PersonLink id={a.clientId} name={a.clientName} navigate={nav} />
                          <span className="muted">
                            {' '}
                            · won {a.wonDate} · {money(a.value, a.currency)} · via {a.referrerName}
                          </span>
                        </div>
                        <button type="button" className="btn btn-small btn-primary" aria-label={`Ask ${a.clientName}`} onClick={() => setDlg({ kind: 'ask', introductionId: a.introductionId })}>
                          Ask
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              />
              {t.openAsks.length > 0 && (
                <>
                  <h3 className="fu-sub">Waiting for an answer</h3>
                  <Limited
                    items={t.openAsks}
                    empty=""
                    render={(items) => (
                      <ul className="fu-list" aria-label="Asks waiting for an answer">
                        {items.map((a) => (
                          <li key={a.interactionId}>
                            <div>
                              <PersonLink id={a.clientId} name={a.clientName} navigate={nav} />
                              <span className="muted">
                                {' '}
                                · asked {a.date} · follow up {a.followUpDate}
                              </span>
                            </div>
                            <button type="button" className="btn btn-small" aria-label={`Mark the ask to ${a.clientName} answered`} onClick={() => answered.mutate({ interactionId: a.interactionId, answered: true })}>
                              Mark answered
                            </button>
                          </li>
                        ))}
                      </ul>
                    )}
                  />
                </>
              )}
            </Section>
            </div>

            <Section title="Keep in touch" count={t.totals.keepInTouch + t.totals.lapsing}>
              <h3 className="fu-sub">Due by cadence</h3>
              <Limited items={t.keepInTouch} empty="No partner is due a one-to-one." render={(items) => <KeepTable items={items} setDlg={setDlg} navigate={nav} />} />
              <h3 className="fu-sub">Referrals lapsing</h3>
              <Limited items={t.lapsing} empty="No partner's introductions have gone quiet." render={(items) => <LapsingTable items={items} setDlg={setDlg} navigate={nav} />} />
            </Section>
          </div>
        </>
      )}
      {(dlg?.kind === 'thank' || dlg?.kind === 'ask') && t && <Composer kind={dlg.kind} introductionId={dlg.introductionId} today={t.today} onClose={close} />}
      {dlg?.kind === 'introduce' && <MakeIntroductionDialog onClose={close} />}
      {dlg?.kind === 'task' && t && <TaskDialog today={t.today} onClose={close} />}
      {dlg?.kind === 'meeting' && t && <TaskDialog person={dlg.person} meeting today={t.today} onClose={close} />}
      {dlg?.kind === 'log' && t && <LogContactDialog person={dlg.person} today={t.today} onClose={close} />}
    </div>
  )
}
