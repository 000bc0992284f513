import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { Introduction } from '../../../../shared/types'
import { DECIDED_STATUSES, INTRO_STATUSES, type IntroKind, type IntroOrigin, type IntroStatus } from '../../../../shared/schemas'
import { Button, Dialog, PersonPicker, STATUS_LABELS, Select, TextArea, TextField, fieldError, useApi, useFocusFirstInvalid, useApiMutation, useToast, useToday, type PickedPerson } from '../../ui'

export const KIND_HELP: Record<IntroKind, string> = {
  referral: 'Referral: the prospect knows about you and expects your call.',
  introduction: 'Introduction: the referrer connected you both, e.g. by email or in person.',
  lead: 'Lead: a name and a need, the prospect has not been told about you yet.',
}
export const ORIGIN_HELP: Record<IntroOrigin, string> = {
  inbound: 'Inbound: the prospect came to the receiver.',
  outbound: 'Outbound: the receiver asked for it and reached out.',
}

type Tri = 'unknown' | 'yes' | 'no'
const triOf = (b: boolean | null | undefined): Tri => (b === true ? 'yes' : b === false ? 'no' : 'unknown')
const boolOf = (t: Tri): boolean | null => (t === 'yes' ? true : t === 'no' ? false : null)

interface FormState {
  referrer: PickedPerson
  receiver: PickedPerson
  prospect: PickedPerson
  date: string
  kind: IntroKind
  origin: IntroOrigin
  warmth: string
  needsService: Tri
  fitsProfile: Tri
  accepted: Tri
  status: IntroStatus
  /** When the status was reached (recording an introduction that is already won, lost...). */
  statusDate: string
  value: string
  currency: string
  notes: string
}

export interface IntroFormProps {
  intro?: Introduction
  /** Prefill for a new introduction (e.g. the referrer from a person's page). */
  defaults?: { referrer?: { id: string; name: string } }
  me?: { id: string; name: string } | undefined
  onClose: () => void
  onSaved: (i: Introduction) => void
}

/** The label of the date a status was reached on. */
export const STATUS_DATE_LABELS: Record<IntroStatus, string> = {
  new: 'Since',
  contacted: 'Contacted on',
  meeting: 'Meeting on',
  proposal: 'Proposal on',
  won: 'Won on',
  lost: 'Lost on',
  not_a_fit: 'Found not a fit on',
}

export const isDecided = (s: IntroStatus): boolean => (DECIDED_STATUSES as readonly IntroStatus[]).includes(s)

/**
 * A non-blocking hint for a date after today. For something that has already
 * happened (a decision) it says it will be refused; otherwise it asks to check.
 */
export function futureHint(date: string, today: string | undefined, happened = false): string | undefined {
  if (!today || !date || date <= today) return undefined
  return happened
    ? `After today (${today}): a decision can only be recorded once it has happened.`
    : `After today (${today}): is this date right?`
}

/** Record or edit an introduction; the service's errors appear next to the field they are about. */
export function IntroForm({ intro, defaults, me, onClose, onSaved }: IntroFormProps) {
  const today = useToday()
  const [f, setF] = useState<FormState>(() => ({
    referrer: intro ? { id: intro.referrerId, name: intro.referrerName } : (defaults?.referrer ?? null),
    receiver: intro ? { id: intro.receiverId, name: intro.receiverName } : (me ?? null),
    prospect: intro ? { id: intro.prospectId, name: intro.prospectName } : null,
    date: intro?.date ?? today ?? '',
    kind: intro?.kind ?? 'referral',
    origin: intro?.origin ?? 'outbound',
    warmth: intro?.warmth != null ? String(intro.warmth) : '',
    needsService: triOf(intro?.needsService),
    fitsProfile: triOf(intro?.fitsProfile),
    accepted: triOf(intro?.accepted),
    status: intro?.status ?? 'new',
    statusDate: today ?? '',
    value: intro?.value != null ? String(intro.value) : '',
    // The default currency is the Settings one (filled in below once known), not a fixed EUR.
    currency: intro?.currency ?? '',
    notes: intro?.notes ?? '',
  }))
  const [local, setLocal] = useState<Record<string, string>>({})
  const create = useApiMutation('introductions:create')
  const update = useApiMutation('introductions:update')
  const m = intro ? update : create
  const err = m.error
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstInvalid(formRef, err ?? (Object.keys(local).length ? local : null))
  const toast = useToast()
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setF((s) => ({ ...s, [k]: v }))
  const errOf = (field: string) => local[field] ?? fieldError(err, field)
  const showValue = intro
    ? intro.status === 'won' || intro.status === 'proposal' || intro.value !== null
    : f.status === 'won' || f.status === 'proposal'
  // The date defaults to today (from the backend, in the user's time zone) once it is known.
  useEffect(() => {
    if (today) setF((s) => (s.date === '' || s.statusDate === '' ? { ...s, date: s.date || today, statusDate: s.statusDate || today } : s))
  }, [today])
  const defaultCurrency = useApi('settings:get').data?.general.currency
  useEffect(() => {
    if (defaultCurrency) setF((s) => (s.currency === '' ? { ...s, currency: defaultCurrency } : s))
  }, [defaultCurrency])
  useEffect(() => {
    if (!intro && me) setF((s) => (s.receiver === null ? { ...s, receiver: me } : s))
    // Only when "you" first becomes known.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [me?.id])

  function submit(e: FormEvent) {
    e.preventDefault()
    const l: Record<string, string> = {}
    if (!f.referrer || !('id' in f.referrer)) l.referrerId = 'Choose who made the introduction.'
    if (!f.receiver || !('id' in f.receiver)) l.receiverId = 'Choose who received it.'
    if (!f.prospect) l.prospect = 'Choose the person introduced, or type a new name.'
    let value: number | null = null
    if (showValue && f.value.trim() !== '') {
      value = Number(f.value)
      if (!Number.isFinite(value)) l.value = 'Enter an amount, e.g. 1250 or 1250.50.'
    }
    setLocal(l)
    if (Object.keys(l).length > 0 || !f.referrer || !f.receiver || !f.prospect || !('id' in f.referrer) || !('id' in f.receiver)) return
    const common = {
      referrerId: f.referrer.id,
      receiverId: f.receiver.id,
      date: f.date,
      kind: f.kind,
      origin: f.origin,
      warmth: f.warmth === '' ? null : Number(f.warmth),
      needsService: boolOf(f.needsService),
      fitsProfile: boolOf(f.fitsProfile),
      accepted: boolOf(f.accepted),
      value,
      currency: value === null || f.currency === '' ? null : f.currency,
      notes: f.notes,
    }
    const done = {
      onSuccess: (i: Introduction) => {
        toast.success(intro ? 'Introduction saved.' : `Recorded: ${i.referrerName} introduced ${i.prospectName} to ${i.receiverName}.`)
        onSaved(i)
      },
    }
    if (intro) {
      if (!('id' in f.prospect)) return
      update.mutate({ id: intro.id, ...common, prospectId: f.prospect.id }, done)
    } else {
      const prospect = 'id' in f.prospect ? { id: f.prospect.id } : { new: { name: f.prospect.newName } }
      const statusDate = f.status !== 'new' && f.statusDate !== '' ? { statusDate: f.statusDate } : {}
      create.mutate({ ...common, prospect, status: f.status, ...statusDate }, done)
    }
  }

  const known = new Set(['referrerId', 'receiverId', 'prospect', 'prospectId', 'date', 'kind', 'origin', 'warmth', 'needsService', 'fitsProfile', 'accepted', 'status', 'statusDate', 'value', 'currency', 'notes'])
  const unplaced = err && (!err.field || !known.has(err.field.split('.')[0]!)) ? err.message : undefined
  const triOptions = [
    { value: 'unknown', label: 'Not known yet' },
    { value: 'yes', label: 'Yes' },
    { value: 'no', label: 'No' },
  ]

  return (
    <Dialog title={intro ? 'Edit introduction' : 'Record introduction'} onClose={onClose} wide>
      <form ref={formRef} onSubmit={submit} noValidate aria-label={intro ? 'Edit introduction' : 'Record introduction'}>
        {unplaced && (
          <div className="form-error" role="alert">
            {unplaced}
          </div>
        )}
        <div className="grid-2">
          <PersonPicker label="Referrer" hint="Who made the introduction" value={f.referrer} onChange={(v) => set('referrer', v)} error={errOf('referrerId')} />
          <PersonPicker label="Receiver" hint="Who received it: you or another partner" value={f.receiver} onChange={(v) => set('receiver', v)} error={errOf('receiverId')} />
          <PersonPicker
            label="Prospect"
            hint={intro ? 'The person introduced' : 'The person introduced: pick someone or type a new name'}
            allowNew={!intro}
            value={f.prospect}
            onChange={(v) => set('prospect', v)}
            error={errOf('prospect') ?? errOf('prospectId')}
          />
          <TextField
            label="Date"
            type="date"
            value={f.date}
            onChange={(e) => set('date', e.target.value)}
            error={errOf('date')}
            hint={futureHint(f.date, today)}
          />
          <Select
            label="Kind"
            value={f.kind}
            onChange={(e) => set('kind', e.target.value as IntroKind)}
            hint={KIND_HELP[f.kind]}
            error={errOf('kind')}
            options={[
              { value: 'referral', label: 'Referral' },
              { value: 'introduction', label: 'Introduction' },
              { value: 'lead', label: 'Lead' },
            ]}
          />
          <Select
            label="Origin"
            value={f.origin}
            onChange={(e) => set('origin', e.target.value as IntroOrigin)}
            hint={ORIGIN_HELP[f.origin]}
            error={errOf('origin')}
            options={[
              { value: 'outbound', label: 'Outbound' },
              { value: 'inbound', label: 'Inbound' },
            ]}
          />
          <Select
            label="Warmth"
            value={f.warmth}
            onChange={(e) => set('warmth', e.target.value)}
            hint="1 = a name only, 5 = expecting your call"
            error={errOf('warmth')}
            options={[{ value: '', label: 'Not rated' }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))]}
          />
          {!intro && (
            <Select
              label="Status"
              value={f.status}
              onChange={(e) => set('status', e.target.value as IntroStatus)}
              error={errOf('status')}
              options={INTRO_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            />
          )}
          {!intro && f.status !== 'new' && (
            <TextField
              label={STATUS_DATE_LABELS[f.status]}
              type="date"
              value={f.statusDate}
              onChange={(e) => set('statusDate', e.target.value)}
              error={errOf('statusDate')}
              hint={
                futureHint(f.statusDate, today, isDecided(f.status)) ??
                (f.status === 'won' ? 'The day it was won: days to won are counted from the introduction date.' : undefined)
              }
            />
          )}
          <fieldset className="span-2">
            <legend>Qualification</legend>
            <div className="grid-3">
              <Select label="Needs the service" value={f.needsService} onChange={(e) => set('needsService', e.target.value as Tri)} options={triOptions} error={errOf('needsService')} />
              <Select label="Fits the ideal-client profile" value={f.fitsProfile} onChange={(e) => set('fitsProfile', e.target.value as Tri)} options={triOptions} error={errOf('fitsProfile')} />
              <Select label="Accepted the introduction" value={f.accepted} onChange={(e) => set('accepted', e.target.value as Tri)} options={triOptions} error={errOf('accepted')} />
            </div>
          </fieldset>
          {showValue && (
            <>
              <TextField
                label="Value"
                hint={f.status === 'won' ? 'Business closed, in major units' : 'Expected value of the proposal'}
                inputMode="decimal"
                value={f.value}
                onChange={(e) => set('value', e.target.value)}
                error={errOf('value')}
              />
              <TextField label="Currency" maxLength={3} value={f.currency} onChange={(e) => set('currency', e.target.value.toUpperCase())} error={errOf('currency')} />
            </>
          )}
          <TextArea label="Notes" rows={3} value={f.notes} onChange={(e) => set('notes', e.target.value)} error={errOf('notes')} className="span-2" />
        </div>
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={m.isPending}>
            {intro ? 'Save' : 'Record introduction'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

/** The current "you", for defaulting the receiver. */
export function useMe(): { id: string; name: string } | undefined {
  const info = useApi('app:info', {})
  const meId = info.data?.meId ?? null
  const me = useApi('people:get', { id: meId ?? '' }, { enabled: meId !== null })
  return me.data ? { id: me.data.id, name: me.data.name } : undefined
}
