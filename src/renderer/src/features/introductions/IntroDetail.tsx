import { PrivateNote } from '../sync'
import { useState } from 'react'
import type { Introduction } from '../../../../shared/types'
import { INTRO_STATUSES, type IntroStatus } from '../../../../shared/schemas'
import type { NavTarget } from '../../ui/nav'
import { Button, ConfirmDialog, Dialog, STATUS_LABELS, Select, StatusBadge, TextField, fieldError, formatMoney, toMinor, useApi, useApiMutation, useToast, useToday, useUndoAction } from '../../ui'
import { IntroForm, STATUS_DATE_LABELS, futureHint, isDecided } from './IntroForm'
import { KIND_LABELS, ORIGIN_LABELS } from './IntroTable'

const yesNo = (b: boolean | null) => (b === true ? 'Yes' : b === false ? 'No' : 'Not known')

function StatusChanger({ intro }: { intro: Introduction }) {
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
      aria-label="Change status"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        m.mutate({ id: intro.id, status, date }, { onSuccess: (r) => toast.success(`Status: ${STATUS_LABELS[r.status]} on ${r.statusDate}.`, undo) })
      }}
    >
      <Select label="New status" value={status} onChange={(e) => setStatus(e.target.value as IntroStatus)} options={INTRO_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} error={fieldError(m.error, 'status')} />
      <TextField
        label="On"
        type="date"
        value={date}
        onChange={(e) => setDate(e.target.value)}
        error={fieldError(m.error, 'date')}
        hint={futureHint(date, todayKnown, isDecided(status))}
      />
      <Button type="submit" variant="primary" busy={m.isPending} disabled={status === intro.status}>
        Change status
      </Button>
      {m.error && !m.error.field && <p className="field-error">{m.error.message}</p>}
    </form>
  )
}

/**
 * The status history, oldest first. Each change after the first (which is the
 * introduction's own date, changed with Edit) can have its date corrected.
 */
function StatusHistory({ intro }: { intro: Introduction }) {
  const today = useToday()
  const [editing, setEditing] = useState<{ id: string; date: string } | null>(null)
  const m = useApiMutation('introductions:editStatusDate')
  const toast = useToast()
  const undo = useUndoAction()
  return (
    <ol className="timeline" aria-label="Status history">
      {intro.history.map((h, n) => (
        <li key={h.id}>
          {editing?.id === h.id ? (
            <form
              className="status-date-editor"
              aria-label={`Correct the date of ${STATUS_LABELS[h.status]}`}
              noValidate
              onSubmit={(e) => {
                e.preventDefault()
                m.mutate(
                  { id: intro.id, historyId: h.id, date: editing.date },
                  {
                    onSuccess: () => {
                      toast.success(`${STATUS_LABELS[h.status]}: now dated ${editing.date}.`, undo)
                      setEditing(null)
                    },
                  },
                )
              }}
            >
              <TextField
                label={STATUS_DATE_LABELS[h.status]}
                type="date"
                value={editing.date}
                onChange={(e) => {
                  if (m.error) m.reset()
                  setEditing({ id: h.id, date: e.target.value })
                }}
                error={fieldError(m.error, 'date') ?? fieldError(m.error, 'historyId')}
                hint={futureHint(editing.date, today, isDecided(h.status))}
              />
              <Button type="submit" small variant="primary" busy={m.isPending}>
                Save date
              </Button>
              <Button
                small
                onClick={() => {
                  m.reset()
                  setEditing(null)
                }}
              >
                Cancel
              </Button>
              {m.error && !m.error.field && <p className="field-error">{m.error.message}</p>}
            </form>
          ) : (
            <>
              <span className="date">{h.date}</span>
              <StatusBadge status={h.status} />
              {n > 0 && (
                <Button
                  small
                  variant="ghost"
                  aria-label={`Correct the date of ${STATUS_LABELS[h.status]} (${h.date})`}
                  onClick={() => {
                    m.reset()
                    setEditing({ id: h.id, date: h.date })
                  }}
                >
                  Correct date
                </Button>
              )}
            </>
          )}
        </li>
      ))}
    </ol>
  )
}

/** One introduction: its fields, its status history, status change, edit and delete. */
export function IntroDetail({ id, onClose, navigate, me }: { id: string; onClose: () => void; navigate: (t: NavTarget) => void; me?: { id: string; name: string } | undefined }) {
  const q = useApi('introductions:get', { id })
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view')
  const del = useApiMutation('introductions:delete')
  const toast = useToast()
  const undo = useUndoAction()
  const i = q.data
  if (mode === 'edit' && i) return <IntroForm intro={i} me={me} onClose={() => setMode('view')} onSaved={() => setMode('view')} />
  if (mode === 'delete' && i)
    return (
      <ConfirmDialog
        title="Delete this introduction?"
        message={`${i.referrerName} → ${i.receiverName}: ${i.prospectName}, ${i.date}. Its status history goes with it. The people stay.`}
        confirmLabel="Delete introduction"
        busy={del.isPending}
        onCancel={() => setMode('view')}
        onConfirm={() =>
          del.mutate(
            { id: i.id },
            {
              onSuccess: () => {
                toast.success('Introduction deleted.', undo)
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
  return (
    <Dialog title="Introduction" onClose={onClose} wide>
      {q.isError && <p role="alert">{q.error.message}</p>}
      {!i ? (
        !q.isError && <p className="muted">Loading…</p>
      ) : (
        <div className="intro-detail">
          <p className="intro-headline">
            {person(i.referrerId, i.referrerName)} introduced {person(i.prospectId, i.prospectName)} to {person(i.receiverId, i.receiverName)}{' '}
            <StatusBadge status={i.status} />
          </p>
          <div className="intro-detail-grid">
            <dl className="props">
              <dt>Date</dt>
              <dd>{i.date}</dd>
              <dt>Kind</dt>
              <dd>{KIND_LABELS[i.kind]}</dd>
              <dt>Origin</dt>
              <dd>{ORIGIN_LABELS[i.origin]}</dd>
              <dt>Warmth</dt>
              <dd>{i.warmth ?? 'Not rated'}</dd>
              <dt>Needs the service</dt>
              <dd>{yesNo(i.needsService)}</dd>
              <dt>Fits the profile</dt>
              <dd>{yesNo(i.fitsProfile)}</dd>
              <dt>Accepted</dt>
              <dd>{yesNo(i.accepted)}</dd>
              {i.value !== null && (
                <>
                  <dt>Value</dt>
                  <dd>{formatMoney(toMinor(i.value), i.currency)}</dd>
                </>
              )}
              {i.notes && (
                <>
                  <dt>Notes</dt>
                  <dd>{i.notes}</dd>
                </>
              )}
            </dl>
            <div>
              <h3 className="section-title">Status history</h3>
              <StatusHistory intro={i} />
            </div>
          </div>
          <StatusChanger key={`${i.status}-${i.statusDate}`} intro={i} />
          <PrivateNote table="introductions" id={i.id} />
          <div className="form-actions">
            <Button variant="danger" onClick={() => setMode('delete')}>
              Delete
            </Button>
            <Button onClick={() => setMode('edit')}>Edit</Button>
            <Button variant="primary" onClick={onClose}>
              Done
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  )
}
