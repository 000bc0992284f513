import { useState } from 'react'
import type { Introduction } from '../../../../shared/types'
import { INTRO_STATUSES, type IntroStatus } from '../../../../shared/schemas'
import type { NavTarget } from '../../ui/nav'
import { Button, ConfirmDialog, Dialog, STATUS_LABELS, Select, StatusBadge, TextField, fieldError, formatMoney, useApi, useApiMutation, useToast, useToday } from '../../ui'
import { IntroForm } from './IntroForm'
import { KIND_LABELS, ORIGIN_LABELS } from './IntroTable'

const yesNo = (b: boolean | null) => (b === true ? 'Yes' : b === false ? 'No' : 'Not known')

function StatusChanger({ intro }: { intro: Introduction }) {
  const [status, setStatus] = useState<IntroStatus>(intro.status)
  const today = useToday() ?? intro.date
  const [date, setDate] = useState(() => (today < intro.date ? intro.date : today))
  const m = useApiMutation('introductions:setStatus')
  const toast = useToast()
  return (
    <form
      className="status-changer"
      aria-label="Change status"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        m.mutate({ id: intro.id, status, date }, { onSuccess: (r) => toast.success(`Status: ${STATUS_LABELS[r.status]} on ${r.statusDate}.`) })
      }}
    >
      <Select label="New status" value={status} onChange={(e) => setStatus(e.target.value as IntroStatus)} options={INTRO_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} error={fieldError(m.error, 'status')} />
      <TextField label="On" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={fieldError(m.error, 'date')} />
      <Button type="submit" variant="primary" busy={m.isPending} disabled={status === intro.status}>
        Change status
      </Button>
      {m.error && !m.error.field && <p className="field-error">{m.error.message}</p>}
    </form>
  )
}

/** One introduction: its fields, its status history, status change, edit and delete. */
export function IntroDetail({ id, onClose, navigate, me }: { id: string; onClose: () => void; navigate: (t: NavTarget) => void; me?: { id: string; name: string } | undefined }) {
  const q = useApi('introductions:get', { id })
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view')
  const del = useApiMutation('introductions:delete')
  const toast = useToast()
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
                toast.success('Introduction deleted.')
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
                  <dd>{formatMoney(i.value, i.currency)}</dd>
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
              <ol className="timeline" aria-label="Status history">
                {i.history.map((h, n) => (
                  <li key={`${h.status}-${h.date}-${n}`}>
                    <span className="date">{h.date}</span>
                    <StatusBadge status={h.status} />
                  </li>
                ))}
              </ol>
            </div>
          </div>
          <StatusChanger key={`${i.status}-${i.statusDate}`} intro={i} />
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
