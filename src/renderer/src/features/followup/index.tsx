import { useId, useState, type ReactNode } from 'react'
import type { ScreenProps } from '../../ui/nav'
import { useApi, useApiMutation } from '../../ui/api'
import { useHistoryLabel } from '../../ui/history'
import { followupChannels, type KeepInTouchItem, type LapsingItem, type TaskItem, type ThankItem } from '../../../../shared/channels/followup'
import { toMinor } from '../../../../core/money'
import { LAPSE } from '../../../../core/analytics/scorecard'
import { Composer } from './Composer'
import { Dialog } from '../../ui/Dialog'
import { Select, TextArea, TextField } from '../../ui/fields'
import { useFormat, useMessage, useTranslation } from '../../ui/i18n'
import { useFormAction, useZodForm } from '../../ui/form'
import { MakeIntroductionDialog } from './MakeIntroductionDialog'
import './followup.css'

export { MakeIntroductionDialog } from './MakeIntroductionDialog'
export { PersonInteractions } from './PersonInteractions'

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
  const { t } = useTranslation(['followup', 'common'])
  const [all, setAll] = useState(false)
  const n = props.initial ?? 6
  if (props.items.length === 0) return <p className="muted fu-empty">{props.empty}</p>
  return (
    <>
      {props.render(all ? props.items : props.items.slice(0, n))}
      {props.items.length > n && (
        <button type="button" className="link-button fu-more" onClick={() => setAll(!all)}>
          {all ? t('showFewer') : t('showAll', { count: props.items.length })}
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
  const { t } = useTranslation(['followup', 'common'])
  const fmt = useFormat()
  return (
    <div className="table-wrap">
      <table className="data" aria-label={props.label}>
        <thead>
          <tr>
            <th>{t('thank.referrer')}</th>
            <th>{t('thank.client')}</th>
            <th className="num">{t('thank.value')}</th>
            <th>{props.sinceLabel}</th>
            <th className="num">{t('thank.waiting')}</th>
            <th>
              <span className="sr-only">{t('actions')}</span>
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
              <td className="num">{fmt.money(toMinor(i.value), i.currency)}</td>
              <td>{fmt.day(i.since)}</td>
              <td className="num">{t('days', { count: i.daysWaiting })}</td>
              <td className="fu-actions">
                <button
                  type="button"
                  className="btn btn-primary btn-small"
                  aria-label={t('thank.buttonLabel', { referrer: i.referrerName, client: i.prospectName })}
                  onClick={() => props.onThank(i)}
                >
                  {t('thank.button')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

const logSchema = followupChannels['interactions:create'].input.pick({ kind: true, date: true, notes: true })
const taskSchema = followupChannels['tasks:create'].input.pick({ title: true, dueDate: true, notes: true })

/** Shows a service error on its field when the form has one, else returns it for the form's own line. */
function LogContactDialog(props: { person: { id: string; name: string }; today: string; onClose: () => void }) {
  const { t } = useTranslation(['followup', 'common'])
  const msg = useMessage()
  const m = useApiMutation('interactions:create')
  const form = useZodForm(logSchema, { defaultValues: { kind: 'one_to_one', date: props.today, notes: '' }, guard: false })
  const errors = form.formState.errors
  const { submit, error } = useFormAction(form, async (v) => {
    await m.mutateAsync({ personId: props.person.id, ...v })
    props.onClose()
  })
  return (
    <Dialog title={t('log.title', { name: props.person.name })} onClose={props.onClose} dirty={form.formState.isDirty}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <div className="row">
          <TextField label={t('log.date')} type="date" {...form.register('date')} error={msg(errors.date?.message)} />
          <Select
            label={t('log.kind')}
            {...form.register('kind')}
            error={msg(errors.kind?.message)}
            options={(['one_to_one', 'call', 'meeting'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
        </div>
        <TextArea label={t('log.notesOptional')} {...form.register('notes')} error={msg(errors.notes?.message)} />
        {error && <div className="form-error">{msg(error)}</div>}
        <div className="form-actions">
          <button type="button" className="btn" onClick={props.onClose}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
            {t('common:save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

export function TaskDialog(props: { person?: { id: string; name: string }; today: string; meeting?: boolean; onClose: () => void }) {
  const { t } = useTranslation(['followup', 'common'])
  const msg = useMessage()
  const m = useApiMutation('tasks:create')
  const form = useZodForm(taskSchema, {
    defaultValues: { title: props.person && props.meeting ? t('task.meetDefault', { name: props.person.name }) : '', dueDate: props.today, notes: '' },
    guard: false,
  })
  const errors = form.formState.errors
  const { submit, error } = useFormAction(form, async (v) => {
    await m.mutateAsync({ ...v, kind: props.meeting ? 'meeting' : 'manual', personId: props.person?.id ?? null })
    props.onClose()
  })
  return (
    <Dialog
      title={props.meeting && props.person ? t('task.meetingTitle', { name: props.person.name }) : t('task.title')}
      onClose={props.onClose}
      dirty={form.formState.isDirty}
    >
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextField label={t('task.what')} {...form.register('title')} error={msg(errors.title?.message)} />
        <TextField label={t('task.due')} type="date" {...form.register('dueDate')} error={msg(errors.dueDate?.message)} />
        <TextArea label={t('log.notesOptional')} {...form.register('notes')} error={msg(errors.notes?.message)} />
        {error && <div className="form-error">{msg(error)}</div>}
        <div className="form-actions">
          <button type="button" className="btn" onClick={props.onClose}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
            {t('common:save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

function TaskRow(props: { t: TaskItem; navigate: ScreenProps['navigate'] }) {
  const { t } = useTranslation(['followup', 'common'])
  const fmt = useFormat()
  const [days, setDays] = useState(7)
  const done = useApiMutation('tasks:done')
  const dismiss = useApiMutation('tasks:dismiss')
  const snooze = useApiMutation('tasks:snooze')
  // Titles the app wrote ("Follow up your ask to Ada") read in the user's language; typed ones stay as typed.
  const label = useHistoryLabel()
  const task = { ...props.t, title: label(props.t.title) }
  return (
    <li className={task.daysOverdue > 0 ? 'fu-overdue' : undefined}>
      <div className="fu-task">
        <span className="fu-title">{task.title}</span>
        <span className="muted">
          {t('dueOn', { date: fmt.day(task.dueDate) })}
          {task.personId && (
            <>
              {' · '}
              <PersonLink id={task.personId} name={task.personName} navigate={props.navigate} />
            </>
          )}
        </span>
        {task.daysOverdue > 0 ? (
          <span className="badge badge-danger">{t('daysOverdue', { count: task.daysOverdue })}</span>
        ) : task.daysOverdue === 0 ? (
          <span className="badge badge-warning">{t('dueToday')}</span>
        ) : null}
      </div>
      <div className="fu-actions">
        <button type="button" className="btn btn-small" onClick={() => done.mutate({ id: task.id })} aria-label={t('tasks.doneLabel', { title: task.title })}>
          {t('tasks.done')}
        </button>
        <select className="input fu-days" aria-label={t('tasks.snoozeDays', { title: task.title })} value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {[1, 3, 7, 14, 30].map((d) => (
            <option key={d} value={d}>
              {t('days', { count: d })}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small" onClick={() => snooze.mutate({ id: task.id, days })} aria-label={t('tasks.snoozeLabel', { title: task.title })}>
          {t('tasks.snooze')}
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => dismiss.mutate({ id: task.id })} aria-label={t('tasks.dismissLabel', { title: task.title })}>
          {t('tasks.dismiss')}
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
  const { t } = useTranslation(['followup', 'common'])
  const person = { id: props.p.personId, name: props.p.name }
  return (
    <td className="fu-actions">
      <button type="button" className="btn btn-small" onClick={() => props.setDlg({ kind: 'log', person })} aria-label={t('keep.logLabel', { name: person.name })}>
        {t('keep.logOneToOne')}
      </button>
      <button type="button" className="btn btn-small" onClick={() => props.setDlg({ kind: 'meeting', person })} aria-label={t('keep.planLabel', { name: person.name })}>
        {t('keep.planMeeting')}
      </button>
    </td>
  )
}

function LastContact(props: { day: string | null }) {
  const { t } = useTranslation(['followup', 'common'])
  const fmt = useFormat()
  return <td>{props.day ? fmt.day(props.day) : <span className="muted">{t('never')}</span>}</td>
}

function KeepTable(props: { items: KeepInTouchItem[]; setDlg: (d: Dlg) => void; navigate: ScreenProps['navigate'] }) {
  const { t } = useTranslation(['followup', 'common'])
  const fmt = useFormat()
  return (
    <div className="table-wrap">
      <table className="data" aria-label={t('keep.table')}>
        <thead>
          <tr>
            <th>{t('keep.partner')}</th>
            <th className="num">{t('keep.every')}</th>
            <th>{t('keep.lastContact')}</th>
            <th className="num">{t('keep.overdue')}</th>
            <th>
              <span className="sr-only">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((k) => (
            <tr key={k.personId}>
              <td>
                <PersonLink id={k.personId} name={k.name} navigate={props.navigate} />
                {k.plannedMeeting && <span className="badge badge-info fu-gap">{t('keep.meeting', { date: fmt.day(k.plannedMeeting) })}</span>}
              </td>
              <td className="num">
                {t('shortDays', { count: k.cadenceDays })}
                {k.defaultCadence ? <span className="faint">{t('keep.defaultCadence')}</span> : null}
              </td>
              <LastContact day={k.lastContact} />
              <td className="num">{t('days', { count: k.daysOverdue })}</td>
              <ContactButtons p={k} setDlg={props.setDlg} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function LapsingTable(props: { items: LapsingItem[]; setDlg: (d: Dlg) => void; navigate: ScreenProps['navigate'] }) {
  const { t } = useTranslation(['followup', 'common'])
  const fmt = useFormat()
  return (
    <div className="table-wrap">
      <table className="data" aria-label={t('keep.lapsingTable')}>
        <thead>
          <tr>
            <th>{t('keep.partner')}</th>
            <th className="num">{t('keep.sentYou')}</th>
            <th className="num">{t('keep.usually')}</th>
            <th className="num">{t('keep.sinceLast')}</th>
            <th>{t('keep.why')}</th>
            <th>{t('keep.lastContact')}</th>
            <th>
              <span className="sr-only">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((k) => (
            <tr key={k.personId}>
              <td>
                <PersonLink id={k.personId} name={k.name} navigate={props.navigate} />
                {k.plannedMeeting && <span className="badge badge-info fu-gap">{t('keep.meeting', { date: fmt.day(k.plannedMeeting) })}</span>}
              </td>
              <td className="num">{fmt.number(k.introductions)}</td>
              <td className="num">{t('shortDays', { count: Math.round(k.usualGapDays) })}</td>
              <td className="num">{t('shortDays', { count: k.daysSinceLast })}</td>
              <td
                title={
                  k.reason === 'silence'
                    ? t('keep.silenceTitle', { days: LAPSE.minDays, factor: LAPSE.factor })
                    : t('keep.fallingTitle', { window: LAPSE.windowDays })
                }
              >
                {k.reason === 'silence' ? t('keep.silence') : t('keep.falling', { recent: k.recent, window: LAPSE.windowDays, before: k.before })}
              </td>
              <LastContact day={k.lastContact} />
              <ContactButtons p={k} setDlg={props.setDlg} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function FollowUpScreen(props: ScreenProps) {
  const { t: tr } = useTranslation(['followup', 'common'])
  const fmt = useFormat()
  const msg = useMessage()
  const q = useApi('followup:today')
  const answered = useApiMutation('followup:askAnswered')
  const [dlg, setDlg] = useState<Dlg>(null)
  const close = () => setDlg(null)
  const t = q.data
  const nav = props.navigate
  return (
    <div className="fu">
      <div className="page-header">
        <h1>{tr('title')}</h1>
        {t && <span className="muted">{tr('today', { date: fmt.day(t.today) })}</span>}
        <button type="button" className="btn" onClick={() => setDlg({ kind: 'task' })}>
          {tr('addFollowUp')}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => setDlg({ kind: 'introduce' })}>
          {tr('makeIntroduction')}
        </button>
      </div>
      {q.error && <div className="form-error">{msg(q.error.message)}</div>}
      {!t ? (
        <p className="muted">{tr('loading')}</p>
      ) : (
        <>
          {!t.meId && <div className="fu-warning">{tr('setMe')}</div>}
          <div className="fu-stack">
            <Section title={tr('thank.section')} count={t.totals.thankWon + t.totals.thankReceived}>
              <h3 className="fu-sub">{tr('thank.won')}</h3>
              <Limited
                items={t.thankWon}
                empty={tr('thank.wonEmpty')}
                render={(items) => (
                  <ThankTable
                    items={items}
                    sinceLabel={tr('thank.wonSince')}
                    label={tr('thank.wonLabel')}
                    onThank={(i) => setDlg({ kind: 'thank', introductionId: i.introductionId })}
                    navigate={nav}
                  />
                )}
              />
              <h3 className="fu-sub">{tr('thank.received')}</h3>
              <Limited
                items={t.thankReceived}
                empty={tr('thank.receivedEmpty')}
                render={(items) => (
                  <ThankTable
                    items={items}
                    sinceLabel={tr('thank.receivedSince')}
                    label={tr('thank.receivedLabel')}
                    onThank={(i) => setDlg({ kind: 'thank', introductionId: i.introductionId })}
                    navigate={nav}
                  />
                )}
              />
            </Section>

            <div className="fu-pair">
              <Section title={tr('tasks.section')} count={t.tasks.length}>
                <Limited
                  items={t.tasks}
                  initial={8}
                  empty={tr('tasks.empty')}
                  render={(items) => (
                    <ul className="fu-list" aria-label={tr('tasks.list')}>
                      {items.map((x) => (
                        <TaskRow key={x.id} t={x} navigate={nav} />
                      ))}
                    </ul>
                  )}
                />
              </Section>

              <Section title={tr('ask.section')} count={t.totals.askNow}>
                <p className="muted fu-hint">{tr('ask.hint')}</p>
                <Limited
                  items={t.askNow}
                  empty={tr('ask.empty')}
                  render={(items) => (
                    <ul className="fu-list" aria-label={tr('ask.list')}>
                      {items.map((a) => (
                        <li key={a.introductionId}>
                          <div>
                            <PersonLink id={a.clientId} name={a.clientName} navigate={nav} />
                            <span className="muted">
                              {tr('ask.line', { date: fmt.day(a.wonDate), value: fmt.money(toMinor(a.value), a.currency), referrer: a.referrerName })}
                            </span>
                          </div>
                          <button
                            type="button"
                            className="btn btn-small btn-primary"
                            aria-label={tr('ask.buttonLabel', { name: a.clientName })}
                            onClick={() => setDlg({ kind: 'ask', introductionId: a.introductionId })}
                          >
                            {tr('ask.button')}
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                />
                {t.openAsks.length > 0 && (
                  <>
                    <h3 className="fu-sub">{tr('ask.waiting')}</h3>
                    <Limited
                      items={t.openAsks}
                      empty=""
                      render={(items) => (
                        <ul className="fu-list" aria-label={tr('ask.waitingList')}>
                          {items.map((a) => (
                            <li key={a.interactionId}>
                              <div>
                                <PersonLink id={a.clientId} name={a.clientName} navigate={nav} />
                                <span className="muted">{tr('ask.waitingLine', { date: fmt.day(a.date), followUp: fmt.day(a.followUpDate) })}</span>
                              </div>
                              <button
                                type="button"
                                className="btn btn-small"
                                aria-label={tr('ask.markAnsweredLabel', { name: a.clientName })}
                                onClick={() => answered.mutate({ interactionId: a.interactionId, answered: true })}
                              >
                                {tr('ask.markAnswered')}
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

            <Section title={tr('keep.section')} count={t.totals.keepInTouch + t.totals.lapsing}>
              <h3 className="fu-sub">{tr('keep.due')}</h3>
              <Limited items={t.keepInTouch} empty={tr('keep.dueEmpty')} render={(items) => <KeepTable items={items} setDlg={setDlg} navigate={nav} />} />
              <h3 className="fu-sub">{tr('keep.lapsing')}</h3>
              <Limited items={t.lapsing} empty={tr('keep.lapsingEmpty')} render={(items) => <LapsingTable items={items} setDlg={setDlg} navigate={nav} />} />
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
