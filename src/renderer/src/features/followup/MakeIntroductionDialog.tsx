import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { z } from 'zod'
import { useApi, useApiMutation, ApiError } from '../../ui/api'
import { Dialog } from '../../ui/Dialog'
import { TextField } from '../../ui/fields'
import { useMessage, useTranslation } from '../../ui/i18n'
import { useZodForm } from '../../ui/form'
import { MessageEditor } from './Composer'
import { PersonPicker, type ExistingPerson as PickedPerson } from '../../ui/PersonPicker'
import { followupChannels } from '../../../../shared/channels/followup'
import { OptText } from '../../../../shared/schemas'
import { usableAddresses, type Draft } from './mail'
import { useDraft } from './useDraft'
import { MissingValues } from './MissingValues'

const CHECKS = ['needsService', 'fitsProfile', 'accepted'] as const
type CheckKey = (typeof CHECKS)[number]

function usePicked(id: string | undefined): PickedPerson | null {
  const q = useApi('people:get', { id: id ?? '' }, { enabled: !!id })
  return useMemo(() => (q.data ? { id: q.data.id, name: q.data.name, company: q.data.company } : null), [q.data])
}

/** The check form: the two people (from the contract's ids) and a yes or no to each of the three checks. */
function checksSchema(t: (k: 'intro.pickPartner' | 'intro.pickProspect' | 'intro.answer') => string) {
  const ids = followupChannels['followup:saveLead'].input.shape
  const person = (error: string) => z.object({ id: ids.partnerId, name: z.string(), company: z.string().nullish() }, { error })
  const answer = z.enum(['yes', 'no'], { error: t('intro.answer') })
  return z.object({
    partner: person(t('intro.pickPartner')),
    prospect: person(t('intro.pickProspect')),
    needsService: answer,
    fitsProfile: answer,
    accepted: answer,
    common: OptText,
  })
}

type Answer = 'yes' | 'no' | null
interface FormValues {
  partner: PickedPerson | null
  prospect: PickedPerson | null
  needsService: Answer
  fitsProfile: Answer
  accepted: Answer
  common: string
}

/**
 * Giving a referral: the three checks first (only three yeses continue), then the
 * introduction email drafted from the template, sent via the mail app or copied,
 * and recorded as an introduction you gave to the partner.
 */
export function MakeIntroductionDialog(props: { partnerId?: string; prospectId?: string; onClose: () => void; onDone?: () => void }) {
  const { t } = useTranslation(['followup', 'common'])
  const msg = useMessage()
  const initPartner = usePicked(props.partnerId)
  const initProspect = usePicked(props.prospectId)
  const schema = useMemo(() => checksSchema((k) => t(k)), [t])
  const form = useZodForm(schema, {
    defaultValues: { partner: null, prospect: null, needsService: null, fitsProfile: null, accepted: null, common: '' } satisfies FormValues as never,
    guard: false,
  })
  const errors = form.formState.errors
  const v = form.watch() as unknown as FormValues
  // The people given by the caller, once loaded (not a user's edit: the form stays clean).
  const applied = useRef({ partner: false, prospect: false })
  useEffect(() => {
    const given: Partial<FormValues> = {}
    if (initPartner && !applied.current.partner) {
      applied.current.partner = true
      given.partner = initPartner
    }
    if (initProspect && !applied.current.prospect) {
      applied.current.prospect = true
      given.prospect = initProspect
    }
    if (Object.keys(given).length) form.reset({ ...(form.formState.defaultValues as FormValues), ...given } as never, { keepDirtyValues: true })
  }, [initPartner, initProspect, form])
  const [step, setStep] = useState<1 | 2>(1)
  const [edit, setEdit] = useState<Draft | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [serverError, setServerError] = useState<string | null>(null)
  const baseId = useId()
  const partner = v.partner
  const prospect = v.prospect
  const pair = partner && prospect ? { partnerId: partner.id, prospectId: prospect.id } : partner ? { partnerId: partner.id } : null
  const { draft, context, missing } = useDraft('introduction', pair, v.common ?? '')
  const make = useApiMutation('followup:makeIntroduction')
  const lead = useApiMutation('followup:saveLead')

  const allYes = CHECKS.every((c) => v[c] === 'yes')
  const anyNo = CHECKS.some((c) => v[c] === 'no')
  const checks = { needsService: v.needsService === 'yes', fitsProfile: v.fitsProfile === 'yes', accepted: v.accepted === 'yes' }
  const to = usableAddresses([context?.prospect?.email, context?.partner?.email])
  const noEmail = [context?.prospect, context?.partner].filter((p) => p && !usableAddresses([p.email]).length).map((p) => p!.name)
  const current = edit ?? draft
  const question = (c: CheckKey) => (partner ? t(`intro.${c}`, { partner: partner.name }) : t(`intro.${c}None`))

  const finish = (text: string) => {
    setSaved(text)
    props.onDone?.()
  }
  const failed = (e: unknown) => {
    if (e instanceof ApiError && (e.field === 'partnerId' || e.field === 'prospectId'))
      form.setError(e.field === 'partnerId' ? 'partner' : 'prospect', { type: 'server', message: e.message })
    else setServerError(e instanceof Error ? e.message : String(e))
  }

  const onContinue = form.handleSubmit((values) => {
    if (CHECKS.every((c) => values[c] === 'yes')) setStep(2)
  })
  const onSaveLead = form.handleSubmit(async (values) => {
    setServerError(null)
    try {
      await lead.mutateAsync({ partnerId: values.partner.id, prospectId: values.prospect.id, ...checks })
      finish(t('intro.savedLead', { prospect: values.prospect.name, partner: values.partner.name }))
    } catch (e) {
      failed(e)
    }
  })

  if (saved)
    return (
      <Dialog title={t('intro.title')} onClose={props.onClose}>
        <p role="status">{saved}</p>
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={props.onClose}>
            {t('common:close')}
          </button>
        </div>
      </Dialog>
    )

  return (
    <Dialog title={step === 1 ? t('intro.checkTitle') : t('intro.emailTitle')} onClose={props.onClose} wide dirty={form.formState.isDirty || edit !== null}>
      {step === 1 ? (
        <form className="stack" noValidate onSubmit={(e) => void onContinue(e)}>
          <div className="grid-2">
            <PersonPicker
              label={t('intro.partner')}
              value={partner}
              onChange={(p) => form.setValue('partner', p as never, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })}
              exclude={[prospect?.id]}
              excludeMe
              error={msg(errors.partner?.message)}
            />
            <PersonPicker
              label={t('intro.prospect')}
              value={prospect}
              onChange={(p) => form.setValue('prospect', p as never, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })}
              exclude={[partner?.id]}
              excludeMe
              error={msg(errors.prospect?.message)}
            />
          </div>
          {context?.partner && (
            <div className="fu-partner card">
              <strong>{context.partner.name}</strong>
              <span className="muted">{[context.partner.profession, context.partner.company].filter(Boolean).join(' · ') || t('intro.noProfession')}</span>
              <div>
                <span className="field-label">{t('intro.idealClient')}</span>
                {context.partner.idealClient ?? <em className="muted">{t('intro.noIdealClient', { name: context.partner.name })}</em>}
              </div>
            </div>
          )}
          <fieldset>
            <legend>{t('intro.checks')}</legend>
            {CHECKS.map((c) => {
              const err = msg(errors[c]?.message)
              return (
                <div className="fu-check" key={c} role="radiogroup" aria-label={question(c)} aria-invalid={err ? true : undefined} aria-describedby={err ? `${baseId}-${c}-error` : undefined}>
                  <span>{question(c)}</span>
                  {(['yes', 'no'] as const).map((val) => (
                    <label className="checkbox" key={val}>
                      <input type="radio" value={val} {...form.register(c)} />
                      {val === 'yes' ? t('intro.yes') : t('intro.no')}
                    </label>
                  ))}
                  {err && (
                    <span className="field-error" id={`${baseId}-${c}-error`} role="alert">
                      {err}
                    </span>
                  )}
                </div>
              )
            })}
          </fieldset>
          <TextField label={t('intro.common')} {...form.register('common')} error={msg(errors.common?.message)} />
          {anyNo ? (
            <div className="fu-warning" role="status">
              {partner ? t('intro.notYet', { partner: partner.name }) : t('intro.notYetNone')}
            </div>
          ) : !allYes ? (
            <p className="muted" role="status">
              {t('intro.answerAll')}
            </p>
          ) : null}
          {serverError && <div className="form-error">{msg(serverError)}</div>}
          <div className="form-actions">
            <button type="button" className="btn" onClick={props.onClose}>
              {t('common:cancel')}
            </button>
            {anyNo && (
              <button type="button" className="btn" disabled={form.formState.isSubmitting} onClick={() => void onSaveLead()}>
                {t('intro.saveLead')}
              </button>
            )}
            <button type="submit" className="btn btn-primary" disabled={anyNo}>
              {t('intro.continue')}
            </button>
          </div>
        </form>
      ) : (
        <div className="stack">
          {!edit && <MissingValues missing={missing} context={context} onCommon={(c) => form.setValue('common', c, { shouldDirty: true })} />}
          {current ? <MessageEditor to={to} missingTo={noEmail} draft={current} missing={missing} onChange={setEdit} /> : <p className="muted">{t('drafting')}</p>}
          {make.error && <div className="form-error">{msg(make.error.message)}</div>}
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => setStep(1)}>
              {t('intro.back')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={!current || make.isPending}
              onClick={() =>
                partner &&
                prospect &&
                current &&
                make.mutate(
                  { partnerId: partner.id, prospectId: prospect.id, ...checks, subject: current.subject, body: current.body },
                  { onSuccess: () => finish(t('intro.recorded', { prospect: prospect.name, partner: partner.name })) },
                )
              }
            >
              {t('intro.record')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  )
}
