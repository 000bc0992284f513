import { PrivateNote } from '../sync'
import { useState, type ReactNode } from 'react'
import type { Introduction } from '../../../../shared/types'
import { INTRO_STATUSES, type IntroStatus } from '../../../../shared/schemas'
import type { NavTarget } from '../../ui/nav'
import { Button, ConfirmDialog, Dialog, Select, StatusBadge, TextField, Trans, fieldError, toMinor, useApi, useApiMutation, useFormat, useMessage, useToast, useToday, useTranslation, useUndoAction } from '../../ui'
import { IntroForm, isDecided, useFutureHint } from './IntroForm'

function StatusChanger({ intro }: { intro: Introduction }) {
  const { t } = useTranslation(['introductions', 'common'])
  const fmt = useFormat()
  const msg = useMessage()
  const futureHint = useFutureHint()
  const [status, setStatus] = useState<IntroStatus>(intro.status)
  const todayKnown = useToday()
  const today = todayKnown ?? intro.date
  const [date, setDate] = useState(() => (today < intro.date ? intro.date : today))
  const m = useApiMutation('introductions:setStatus')
  const toast = useToast()
  const undo = useUndoAction()
  return (
    <form
      className="status-changer"
      aria-label={t('detail.changeStatus')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        m.mutate({ id: intro.id, status, date }, { onSuccess: (r) => toast.success(t('detail.statusChanged', { status: t(`common:status.${r.status}`), date: fmt.day(r.statusDate) }), undo) })
      }}
    >
      <Select
        label={t('detail.newStatus')}
        value={status}
        onChange={(e) => setStatus(e.target.value as IntroStatus)}
        options={INTRO_STATUSES.map((s) => ({ value: s, label: t(`common:status.${s}`) }))}
        error={msg(fieldError(m.error, 'status'))}
      />
      <TextField
        label={t('detail.on')}
        type="date"
        value={date}
        onChange={(e) => setDate(e.target.value)}
        error={msg(fieldError(m.error, 'date'))}
        hint={futureHint(date, todayKnown, isDecided(status))}
      />
      <Button type="submit" variant="primary" busy={m.isPending} disabled={status === intro.status}>
        {t('detail.changeStatus')}
      </Button>
      {m.error && !m.error.field && <p className="field-error">{msg(m.error.message)}</p>}
    </form>
  )
}

/**
 * The status history, oldest first. Each change after the first (which is the
 * introduction's own date, changed with Edit) can have its date corrected.
 */
function StatusHistory({ intro }: { intro: Introduction }) {
  const { t } = useTranslation(['introductions', 'common'])
  const fmt = useFormat()
  const msg = useMessage()
  const futureHint = useFutureHint()
  const today = useToday()
  const [editing, setEditing] = useState<{ id: string; date: string } | null>(null)
  const m = useApiMutation('introductions:editStatusDate')
  const toast = useToast()
  const undo = useUndoAction()
  return (
    <ol className="timeline" aria-label={t('detail.history')}>
      {intro.history.map((h, n) => (
        <li key={h.id}>
          {editing?.id === h.id ? (
            <form
              className="status-date-editor"
              aria-label={t('detail.correctForm', { status: t(`common:status.${h.status}`) })}
              noValidate
              onSubmit={(e) => {
                e.preventDefault()
                m.mutate(
                  { id: intro.id, historyId: h.id, date: editing.date },
                  {
                    onSuccess: () => {
                      toast.success(t('detail.dateCorrected', { status: t(`common:status.${h.status}`), date: fmt.day(editing.date) }), undo)
                      setEditing(null)
                    },
                  },
                )
              }}
            >
              <TextField
                label={t(`statusDate.${h.status}`)}
                type="date"
                value={editing.date}
                onChange={(e) => {
                  if (m.error) m.reset()
                  setEditing({ id: h.id, date: e.target.value })
                }}
                error={msg(fieldError(m.error, 'date') ?? fieldError(m.error, 'historyId'))}
                hint={futureHint(editing.date, today, isDecided(h.status))}
              />
              <Button type="submit" small variant="primary" busy={m.isPending}>
                {t('detail.saveDate')}
              </Button>
              <Button
                small
                onClick={() => {
                  m.reset()
                  setEditing(null)
                }}
              >
                {t('detail.cancel')}
              </Button>
              {m.error && !m.error.field && <p className="field-error">{msg(m.error.message)}</p>}
            </form>
          ) : (
            <>
              <span className="date">{fmt.day(h.date)}</span>
              <StatusBadge status={h.status} />
              {n > 0 && (
                <Button
                  small
                  variant="ghost"
                  aria-label={t('detail.correctLabel', { status: t(`common:status.${h.status}`), date: fmt.day(h.date) })}
                  onClick={() => {
                    m.reset()
                    setEditing({ id: h.id, date: h.date })
                  }}
                >
                  {t('detail.correct')}
                </Button>
              )}
            </>
          )}
        </li>
      ))}
    </ol>
  )
}

export interface IntroDetailProps {
  id: string
  onClose: () => void
  navigate: (t: NavTarget) => void
  me?: { id: string; name: string } | undefined
  /** Open straight into Edit or the delete confirmation (from a row's menu); closing those closes it all. */
  start?: 'view' | 'edit' | 'delete'
}

/** One introduction: its fields, its status history, status change, edit and delete. */
export function IntroDetail({ id, onClose, navigate, me, start = 'view' }: IntroDetailProps) {
  const { t } = useTranslation(['introductions', 'common'])
  const fmt = useFormat()
  const msg = useMessage()
  const q = useApi('introductions:get', { id })
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>(start)
  const del = useApiMutation('introductions:delete')
  const toast = useToast()
  const undo = useUndoAction()
  const i = q.data
  // Back from Edit or the confirmation: to the detail, or away when the menu opened them directly.
  const back = () => (start === 'view' ? setMode('view') : onClose())
  if (mode === 'edit' && i) return <IntroForm intro={i} me={me} onClose={back} onSaved={back} />
  if (mode === 'delete' && i)
    return (
      <ConfirmDialog
        title={t('detail.deleteTitle')}
        message={t('detail.deleteBody', { referrer: i.referrerName, receiver: i.receiverName, prospect: i.prospectName, date: fmt.day(i.date) })}
        confirmLabel={t('detail.deleteConfirm')}
        busy={del.isPending}
        onCancel={back}
        onConfirm={() =>
          del.mutate(
            { id: i.id },
            {
              onSuccess: () => {
                toast.success(t('detail.deleted'), undo)
                onClose()
              },
              onError: (e) => toast.error(e),
            },
          )
        }
      />
    )
  const person = (pid: string, name: string) => (
    <button className="link-button" onClick={() => navigate({ route: 'people', personId: pid })}>
      {name}
    </button>
  )
  const yesNo = (b: boolean | null) => (b === true ? t('detail.yes') : b === false ? t('detail.no') : t('detail.notKnown'))
  const prop = (label: string, value: ReactNode) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  )
  return (
    <Dialog title={t('detail.title')} onClose={onClose} wide>
      {q.isError && <p role="alert">{msg(q.error.message)}</p>}
      {!i ? (
        !q.isError && <p className="muted">{t('detail.loading')}</p>
      ) : (
        <div className="intro-detail">
          <p className="intro-headline">
            <Trans
              t={t}
              i18nKey="detail.headline"
              components={{ referrer: person(i.referrerId, i.referrerName), prospect: person(i.prospectId, i.prospectName), receiver: person(i.receiverId, i.receiverName) }}
            />{' '}
            <StatusBadge status={i.status} />
          </p>
          <div className="intro-detail-grid">
            <dl className="props">
              {prop(t('detail.date'), fmt.day(i.date))}
              {prop(t('detail.kind'), t(`common:kind.${i.kind}`))}
              {prop(t('detail.origin'), t(`common:origin.${i.origin}`))}
              {prop(t('detail.warmth'), i.warmth !== null ? fmt.number(i.warmth) : t('detail.notRated'))}
              {prop(t('detail.needsService'), yesNo(i.needsService))}
              {prop(t('detail.fitsProfile'), yesNo(i.fitsProfile))}
              {prop(t('detail.accepted'), yesNo(i.accepted))}
              {i.value !== null && prop(t('detail.value'), fmt.money(toMinor(i.value), i.currency))}
              {i.notes && prop(t('detail.notes'), i.notes)}
            </dl>
            <div>
              <h3 className="section-title">{t('detail.history')}</h3>
              <StatusHistory intro={i} />
            </div>
          </div>
          <StatusChanger key={`${i.status}-${i.statusDate}`} intro={i} />
          <PrivateNote table="introductions" id={i.id} />
          <div className="form-actions">
            <Button variant="danger" onClick={() => setMode('delete')}>
              {t('detail.delete')}
            </Button>
            <Button onClick={() => setMode('edit')}>{t('detail.edit')}</Button>
            <Button variant="primary" onClick={onClose}>
              {t('detail.done')}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  )
}
