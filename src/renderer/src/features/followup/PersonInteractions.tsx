import { useEffect, useId, useState } from 'react'
import { INTERACTION_KINDS, THANK_METHODS, type InteractionKind } from '../../../../shared/schemas'
import { followupChannels } from '../../../../shared/channels/followup'
import { useApi, useApiMutation } from '../../ui/api'
import { useToday } from '../../ui/today'
import { Select, TextField } from '../../ui/fields'
import { ConfirmDialog } from '../../ui/Dialog'
import { Trans, useFormat, useMessage, useTranslation } from '../../ui/i18n'
import { useFormAction, useZodForm } from '../../ui/form'
import { MakeIntroductionDialog } from './MakeIntroductionDialog'
import './followup.css'

const addSchema = followupChannels['interactions:create'].input.pick({ kind: true, date: true, notes: true })

function AddInteraction(props: { personId: string; today: string; onDone: () => void }) {
  const { t } = useTranslation(['followup', 'common'])
  const msg = useMessage()
  const create = useApiMutation('interactions:create')
  const form = useZodForm(addSchema, { defaultValues: { kind: 'one_to_one', date: props.today, notes: '' } })
  const errors = form.formState.errors
  const { submit, error: serverError } = useFormAction(form, async (v) => {
    await create.mutateAsync({ personId: props.personId, ...v })
    form.reset({ kind: 'one_to_one', date: props.today, notes: '' })
    props.onDone()
  })
  return (
    <form className="fu-add" noValidate onSubmit={(e) => void submit(e)}>
      <div className="row">
        <Select
          label={t('interactions.kind')}
          {...form.register('kind')}
          error={msg(errors.kind?.message)}
          options={INTERACTION_KINDS.map((x) => ({ value: x, label: t(`kind.${x}`) }))}
        />
        <TextField label={t('interactions.date')} type="date" {...form.register('date')} error={msg(errors.date?.message)} />
        <TextField className="fu-grow" label={t('interactions.notes')} {...form.register('notes')} error={msg(errors.notes?.message)} />
      </div>
      {serverError && <div className="form-error">{msg(serverError)}</div>}
      <div className="row">
        <button type="submit" className="btn btn-primary btn-small" disabled={form.formState.isSubmitting}>
          {t('interactions.save')}
        </button>
        <button type="button" className="btn btn-small" onClick={props.onDone}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  )
}

/** The interactions log of one person (one-to-ones, calls, thank-yous, asks); mounted in the person's detail. */
export function PersonInteractions(props: { personId: string }) {
  const { t } = useTranslation(['followup', 'common'])
  const fmt = useFormat()
  const msg = useMessage()
  const q = useApi('interactions:list', { personId: props.personId })
  const del = useApiMutation('interactions:delete')
  const answered = useApiMutation('followup:askAnswered')
  const [adding, setAdding] = useState(false)
  const [introducing, setIntroducing] = useState(false)
  const [deleting, setDeleting] = useState<{ id: string; kind: InteractionKind; date: string } | null>(null)
  // Today from the backend (in the user's time zone); the form opens once it is known.
  const today = useToday()
  const h = useId()
  useEffect(() => setAdding(false), [props.personId])
  const last = q.data?.lastContacted
  return (
    <section className="fu-log" aria-labelledby={h}>
      <div className="card-title">
        <h3 id={h}>{t('interactions.title')}</h3>
        <span className="muted">
          <Trans
            t={t}
            i18nKey="interactions.lastContacted"
            values={{ date: last ? fmt.day(last) : t('never') }}
            components={{ b: <strong data-testid="last-contacted" /> }}
          />
        </span>
        {!adding && (
          <button type="button" className="btn btn-small" onClick={() => setAdding(true)}>
            {t('interactions.add')}
          </button>
        )}
        <button type="button" className="btn btn-small" onClick={() => setIntroducing(true)}>
          {t('interactions.introduce')}
        </button>
      </div>
      {adding && today && <AddInteraction personId={props.personId} today={today} onDone={() => setAdding(false)} />}
      {q.error && <div className="form-error">{msg(q.error.message)}</div>}
      {q.data && q.data.items.length === 0 && <p className="muted">{t('interactions.empty')}</p>}
      {q.data && q.data.items.length > 0 && (
        <ul className="timeline fu-timeline" aria-label={t('interactions.list')}>
          {q.data.items.map((i) => (
            <li key={i.id}>
              <span className="date">{fmt.day(i.date)}</span>
              <span className="fu-grow">
                <strong>{t(`kind.${i.kind}`)}</strong>
                {i.method && <span className="muted"> · {isMethod(i.method) ? t(`method.${i.method}`) : i.method}</span>}
                {i.about && <span className="muted">{t('interactions.re', { about: i.about })}</span>}
                {i.kind === 'ask' && (
                  <span className={`badge fu-gap ${i.answeredAt ? 'badge-success' : 'badge-warning'}`}>
                    {i.answeredAt ? t('interactions.answered') : t('interactions.waiting')}
                  </span>
                )}
                {i.notes && <span> · {i.notes}</span>}
              </span>
              {i.kind === 'ask' && (
                <button type="button" className="btn btn-ghost btn-small" onClick={() => answered.mutate({ interactionId: i.id, answered: !i.answeredAt })}>
                  {i.answeredAt ? t('interactions.markUnanswered') : t('interactions.markAnswered')}
                </button>
              )}
              <button
                type="button"
                className="btn btn-ghost btn-small"
                aria-label={t('interactions.deleteLabel', { kind: t(`kind.${i.kind}`), date: fmt.day(i.date) })}
                onClick={() => setDeleting({ id: i.id, kind: i.kind, date: i.date })}
              >
                {t('interactions.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('interactions.delete')}
          message={t('interactions.confirmDelete', { kind: t(`kind.${deleting.kind}`), date: fmt.day(deleting.date) })}
          confirmLabel={t('interactions.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            del.mutate({ id: deleting.id })
            setDeleting(null)
          }}
        />
      )}
      {introducing && <MakeIntroductionDialog partnerId={props.personId} onClose={() => setIntroducing(false)} />}
    </section>
  )
}

function isMethod(m: string): m is (typeof THANK_METHODS)[number] {
  return (THANK_METHODS as readonly string[]).includes(m)
}
