import { useEffect, useMemo, useRef, useState } from 'react'
import { z } from 'zod'
import type { Introduction } from '../../../../shared/types'
import { IntroductionFields } from '../../../../shared/channels/foundation'
import { DECIDED_STATUSES, INTRO_KINDS, INTRO_STATUSES, IntroKind, IntroOrigin, IntroStatus } from '../../../../shared/schemas'
import {
  ApiError,
  Button,
  ConfirmDialog,
  Dialog,
  PersonPicker,
  Select,
  TextArea,
  TextField,
  useApi,
  useApiMutation,
  useFocusFirstInvalid,
  useFormat,
  useMessage,
  useToast,
  useToday,
  useTranslation,
  useZodForm,
  type Format,
  type PickedPerson,
} from '../../ui'

type Tri = 'unknown' | 'yes' | 'no'
const Tri = z.enum(['unknown', 'yes', 'no'])
const triOf = (b: boolean | null | undefined): Tri => (b === true ? 'yes' : b === false ? 'no' : 'unknown')
const boolOf = (t: Tri): boolean | null => (t === 'yes' ? true : t === 'no' ? false : null)

const Picked = z.custom<PickedPerson>(() => true)
const existing = (message: string) => Picked.refine((v) => v !== null && 'id' in v, { message })

/**
 * The form's schema, built from the contract's (IntroductionFields): pickers hold
 * a person, selects and inputs hold text that is turned into the contract's types.
 * The value is read in the region's format ("1.250,50" in Germany).
 */
export function introFormSchema(fmt: Format) {
  const f = IntroductionFields.shape
  return z.object({
    referrer: existing('Choose who made the introduction.'),
    receiver: existing('Choose who received it.'),
    prospect: Picked.refine((v) => v !== null, { message: 'Choose the person introduced, or type a new name.' }),
    date: f.date,
    kind: IntroKind,
    origin: IntroOrigin,
    warmth: z
      .string()
      .transform((s) => (s === '' ? null : Number(s)))
      .pipe(f.warmth.unwrap()),
    needsService: Tri,
    fitsProfile: Tri,
    accepted: Tri,
    status: IntroStatus,
    /** Only while shown (a status other than new). */
    statusDate: f.statusDate,
    /** Only while shown (won or proposal). */
    value: z
      .string()
      .optional()
      .transform((s, ctx) => {
        const n = fmt.parseDecimal(s)
        if (n !== null && Number.isNaN(n)) {
          ctx.addIssue({ code: 'custom', message: `Enter an amount, e.g. ${fmt.decimalText(1250)} or ${fmt.decimalText(1250.5)}0.` })
          return z.NEVER
        }
        return n
      })
      .pipe(f.value.unwrap()),
    currency: z
      .string()
      .optional()
      .transform((s) => (s ?? '').trim().toUpperCase())
      .pipe(z.union([z.literal(''), f.currency.unwrap().unwrap()])),
    notes: z.string(),
  })
}
type FormValues = z.input<ReturnType<typeof introFormSchema>>
type FormOutput = z.output<ReturnType<typeof introFormSchema>>

/** Where a service error about a field of the contract goes in this form. */
const SERVER_FIELDS: Record<string, keyof FormValues> = {
  referrerId: 'referrer',
  receiverId: 'receiver',
  prospect: 'prospect',
  prospectId: 'prospect',
  date: 'date',
  kind: 'kind',
  origin: 'origin',
  warmth: 'warmth',
  needsService: 'needsService',
  fitsProfile: 'fitsProfile',
  accepted: 'accepted',
  status: 'status',
  statusDate: 'statusDate',
  value: 'value',
  currency: 'currency',
  notes: 'notes',
}

export interface IntroFormProps {
  intro?: Introduction
  /** Prefill for a new introduction (e.g. the referrer from a person's page). */
  defaults?: { referrer?: { id: string; name: string } }
  me?: { id: string; name: string } | undefined
  onClose: () => void
  onSaved: (i: Introduction) => void
}

export const isDecided = (s: IntroStatus): boolean => (DECIDED_STATUSES as readonly IntroStatus[]).includes(s)

/**
 * A non-blocking hint for a date after today. For something that has already
 * happened (a decision) it says it will be refused; otherwise it asks to check.
 */
export function useFutureHint(): (date: string, today: string | undefined, happened?: boolean) => string | undefined {
  const { t } = useTranslation(['introductions', 'common'])
  const fmt = useFormat()
  return (date, today, happened = false) => {
    if (!today || !date || date <= today) return undefined
    return happened ? t('futureDecided', { today: fmt.day(today) }) : t('futureCheck', { today: fmt.day(today) })
  }
}

/** Record or edit an introduction: every field error at once on submit; the service's errors next to their field. */
export function IntroForm({ intro, defaults, me, onClose, onSaved }: IntroFormProps) {
  const { t } = useTranslation(['introductions', 'common'])
  const fmt = useFormat()
  const msg = useMessage()
  const futureHint = useFutureHint()
  const today = useToday()
  const schema = useMemo(() => introFormSchema(fmt), [fmt])
  const form = useZodForm(schema, {
    guard: false,
    shouldUnregister: false,
    defaultValues: {
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
      value: intro?.value != null ? fmt.decimalText(intro.value) : '',
      // The default currency is the Settings one (filled in below once known), not a fixed EUR.
      currency: intro?.currency ?? '',
      notes: intro?.notes ?? '',
    },
  })
  const { errors, isSubmitted, isDirty, submitCount } = form.formState
  const v = form.watch()
  const [unplaced, setUnplaced] = useState<string>()
  const [asking, setAsking] = useState(false)
  const create = useApiMutation('introductions:create')
  const update = useApiMutation('introductions:update')
  const m = intro ? update : create
  const formRef = useRef<HTMLFormElement>(null)
  const errorKeys = Object.keys(errors).join(',')
  useFocusFirstInvalid(formRef, errorKeys ? `${submitCount}:${errorKeys}` : null)
  const toast = useToast()
  const showValue = intro ? intro.status === 'won' || intro.status === 'proposal' || intro.value !== null : v.status === 'won' || v.status === 'proposal'
  const showStatusDate = !intro && v.status !== 'new'

  // Defaults known only after the first render: today (from the backend, in the user's time zone), the Settings currency, "you".
  // They become the form's defaults (so they do not count as edits); what the user already changed stays.
  // Several can arrive in one commit, so the defaults so far are kept here (formState's copy updates only on the next render).
  const defaultsRef = useRef<FormValues | null>(null)
  defaultsRef.current ??= form.formState.defaultValues as FormValues
  const setDefaults = (patch: Partial<FormValues>) => {
    defaultsRef.current = { ...defaultsRef.current!, ...patch }
    form.reset(defaultsRef.current, { keepDirtyValues: true, keepErrors: true, keepSubmitCount: true, keepIsSubmitted: true })
  }
  useEffect(() => {
    if (!today) return
    const d = defaultsRef.current
    if (d?.date === '' || d?.statusDate === '') setDefaults({ ...(d.date === '' ? { date: today } : {}), ...(d.statusDate === '' ? { statusDate: today } : {}) })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [today])
  const defaultCurrency = useApi('settings:get').data?.general.currency
  useEffect(() => {
    if (defaultCurrency && defaultsRef.current?.currency === '') setDefaults({ currency: defaultCurrency })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [defaultCurrency])
  useEffect(() => {
    if (!intro && me && defaultsRef.current?.receiver === null) setDefaults({ receiver: me })
    // Only when "you" first becomes known.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [me?.id])

  function set<K extends keyof FormValues>(k: K, value: FormValues[K]) {
    form.setValue(k, value as never, { shouldDirty: true, shouldValidate: isSubmitted })
  }
  const err = (k: keyof FormValues) => msg(errors[k]?.message)
  const text = (k: 'date' | 'statusDate' | 'value' | 'currency' | 'notes') => ({
    value: (v[k] as string | undefined) ?? '',
    onChange: (e: { target: { value: string } }) => set(k, k === 'currency' ? e.target.value.toUpperCase() : e.target.value),
    error: err(k),
  })
  const select = <K extends 'kind' | 'origin' | 'warmth' | 'needsService' | 'fitsProfile' | 'accepted' | 'status'>(k: K) => ({
    value: v[k] as string,
    onChange: (e: { target: { value: string } }) => set(k, e.target.value as FormValues[K]),
    error: err(k),
  })

  function onServerError(e: ApiError) {
    const top = e.field?.split('.')[0]
    const target = top ? SERVER_FIELDS[top] : undefined
    if (target && (target !== 'value' || showValue) && (target !== 'statusDate' || showStatusDate)) {
      setUnplaced(undefined)
      form.setError(target, { type: 'server', message: e.message })
    } else setUnplaced(e.message)
  }

  function save(out: FormOutput) {
    const referrer = out.referrer as { id: string; name: string }
    const receiver = out.receiver as { id: string; name: string }
    const prospect = out.prospect as NonNullable<PickedPerson>
    const value = showValue ? (out.value ?? null) : null
    const common = {
      referrerId: referrer.id,
      receiverId: receiver.id,
      date: out.date,
      kind: out.kind,
      origin: out.origin,
      warmth: out.warmth ?? null,
      needsService: boolOf(out.needsService),
      fitsProfile: boolOf(out.fitsProfile),
      accepted: boolOf(out.accepted),
      value,
      currency: value === null || out.currency === '' ? null : out.currency,
      notes: out.notes,
    }
    const done = {
      onSuccess: (i: Introduction) => {
        toast.success(intro ? t('form.saved') : t('form.recorded', { referrer: i.referrerName, prospect: i.prospectName, receiver: i.receiverName }))
        onSaved(i)
      },
      onError: onServerError,
    }
    setUnplaced(undefined)
    if (intro) {
      if (!('id' in prospect)) return
      update.mutate({ id: intro.id, ...common, prospectId: prospect.id }, done)
    } else {
      const p = 'id' in prospect ? { id: prospect.id } : { new: { name: prospect.newName } }
      const statusDate = out.status !== 'new' && out.statusDate ? { statusDate: out.statusDate } : {}
      create.mutate({ ...common, prospect: p, status: out.status, ...statusDate }, done)
    }
  }

  const triOptions = [
    { value: 'unknown', label: t('form.unknown') },
    { value: 'yes', label: t('form.yes') },
    { value: 'no', label: t('form.no') },
  ]
  const title = intro ? t('form.editTitle') : t('form.newTitle')
  const cancel = () => (isDirty ? setAsking(true) : onClose())

  return (
    <Dialog title={title} onClose={onClose} wide dirty={isDirty}>
      <form ref={formRef} onSubmit={form.handleSubmit(save)} noValidate aria-label={title}>
        {unplaced && (
          <div className="form-error" role="alert">
            {msg(unplaced)}
          </div>
        )}
        <div className="grid-2">
          <PersonPicker label={t('form.referrer')} hint={t('form.referrerHint')} value={v.referrer ?? null} onChange={(p) => set('referrer', p)} error={err('referrer')} />
          <PersonPicker label={t('form.receiver')} hint={t('form.receiverHint')} value={v.receiver ?? null} onChange={(p) => set('receiver', p)} error={err('receiver')} />
          <PersonPicker
            label={t('form.prospect')}
            hint={intro ? t('form.prospectHint') : t('form.prospectHintNew')}
            allowNew={!intro}
            value={v.prospect ?? null}
            onChange={(p) => set('prospect', p)}
            error={err('prospect')}
          />
          <TextField label={t('form.date')} type="date" {...text('date')} hint={futureHint(v.date, today)} />
          <Select
            label={t('form.kind')}
            {...select('kind')}
            hint={t(`kindHelp.${v.kind}`)}
            options={INTRO_KINDS.map((k) => ({ value: k, label: t(`common:kind.${k}`) }))}
          />
          <Select
            label={t('form.origin')}
            {...select('origin')}
            hint={t(`originHelp.${v.origin}`)}
            options={[
              { value: 'outbound', label: t('common:origin.outbound') },
              { value: 'inbound', label: t('common:origin.inbound') },
            ]}
          />
          <Select
            label={t('form.warmth')}
            {...select('warmth')}
            hint={t('form.warmthHint')}
            options={[{ value: '', label: t('form.notRated') }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: fmt.number(n) }))]}
          />
          {!intro && <Select label={t('form.status')} {...select('status')} options={INTRO_STATUSES.map((s) => ({ value: s, label: t(`common:status.${s}`) }))} />}
          {showStatusDate && (
            <TextField
              label={t(`statusDate.${v.status}`)}
              type="date"
              {...text('statusDate')}
              hint={futureHint(v.statusDate ?? '', today, isDecided(v.status)) ?? (v.status === 'won' ? t('form.wonHint') : undefined)}
            />
          )}
          <fieldset className="span-2">
            <legend>{t('form.qualification')}</legend>
            <div className="grid-3">
              <Select label={t('form.needsService')} {...select('needsService')} options={triOptions} />
              <Select label={t('form.fitsProfile')} {...select('fitsProfile')} options={triOptions} />
              <Select label={t('form.accepted')} {...select('accepted')} options={triOptions} />
            </div>
          </fieldset>
          {showValue && (
            <>
              <TextField
                label={t('form.value')}
                hint={(intro?.status ?? v.status) === 'won' ? t('form.valueHintWon') : t('form.valueHintProposal')}
                type="text"
                inputMode="decimal"
                {...text('value')}
              />
              <TextField label={t('form.currency')} maxLength={3} {...text('currency')} />
            </>
          )}
          <TextArea label={t('form.notes')} rows={3} {...text('notes')} className="span-2" />
        </div>
        <div className="form-actions">
          <Button onClick={cancel}>{t('form.cancel')}</Button>
          <Button type="submit" variant="primary" busy={m.isPending}>
            {intro ? t('form.save') : t('form.record')}
          </Button>
        </div>
      </form>
      {asking && <DiscardConfirm onDiscard={onClose} onKeep={() => setAsking(false)} />}
    </Dialog>
  )
}

/** Asks before Cancel throws away a form's unsaved edits (the Dialog asks for Escape, ✕ and a click outside). */
export function DiscardConfirm({ onDiscard, onKeep }: { onDiscard: () => void; onKeep: () => void }) {
  const { t } = useTranslation()
  return (
    <ConfirmDialog
      title={t('unsaved.title')}
      message={t('unsaved.dialog')}
      confirmLabel={t('unsaved.discard')}
      cancelLabel={t('unsaved.keepEditing')}
      onConfirm={onDiscard}
      onCancel={onKeep}
    />
  )
}

/** The current "you", for defaulting the receiver. */
export function useMe(): { id: string; name: string } | undefined {
  const info = useApi('app:info', {})
  const meId = info.data?.meId ?? null
  const me = useApi('people:get', { id: meId ?? '' }, { enabled: meId !== null })
  return me.data ? { id: me.data.id, name: me.data.name } : undefined
}
