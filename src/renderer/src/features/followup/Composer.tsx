import { useId, useState } from 'react'
import { THANK_METHODS } from '../../../../shared/schemas'
import { followupChannels } from '../../../../shared/channels/followup'
import { useApiMutation } from '../../ui/api'
import { Dialog } from '../../ui/Dialog'
import { Select, TextField } from '../../ui/fields'
import { useMessage, useTranslation } from '../../ui/i18n'
import { useFormAction, useZodForm } from '../../ui/form'
import { copyDraft, mailtoFor, openInMailApp, usableAddresses, type Draft } from './mail'
import { useDraft } from './useDraft'
import { MissingValues } from './MissingValues'
import { leftoverMarkers } from '../../../../core/templates/render'

/** The methods a thank-you (or an ask) is recorded with; labels in the catalogue (followup:method.*). */
export type Method = (typeof THANK_METHODS)[number]

/**
 * The editable message with "Open in mail app" and "Copy". While a missing value
 * still shows as `[name]` in the text, neither is offered: fill it in or edit it out.
 */
export function MessageEditor(props: { to: string[]; missingTo: string[]; draft: Draft; missing?: string[]; onChange: (d: Draft) => void }) {
  const { t } = useTranslation(['followup', 'common'])
  const msg = useMessage()
  const sid = useId()
  const bid = useId()
  const [note, setNote] = useState<string | null>(null)
  const holes = leftoverMarkers(props.draft, props.missing ?? [])
  const url = props.to.length && holes.length === 0 ? mailtoFor(props.to, props.draft) : null
  return (
    <div className="fu-editor">
      <div className="fu-to muted">
        {props.to.length ? t('editor.to', { to: props.to.join(', ') }) : t('editor.noAddress')}
        {props.missingTo.length > 0 && <span>{t('editor.noEmailFor', { names: props.missingTo.join(', ') })}</span>}
      </div>
      <div className="field">
        <label htmlFor={sid}>{t('editor.subject')}</label>
        <input id={sid} value={props.draft.subject} onChange={(e) => props.onChange({ ...props.draft, subject: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={bid}>{t('editor.message')}</label>
        <textarea id={bid} rows={12} value={props.draft.body} onChange={(e) => props.onChange({ ...props.draft, body: e.target.value })} />
      </div>
      <div className="row">
        <button
          type="button"
          className="btn"
          disabled={!url}
          title={url ? undefined : holes.length ? t('editor.fillFirst') : t('editor.addEmailFirst')}
          onClick={() => {
            if (url)
              void openInMailApp(url).then(
                () => setNote(t('editor.handed')),
                (e: unknown) => setNote((e instanceof Error && msg(e.message)) || t('editor.openFailed')),
              )
          }}
        >
          {t('editor.openMail')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={holes.length > 0}
          onClick={() => void copyDraft(props.draft).then((ok) => setNote(ok ? t('editor.copied') : t('editor.copyFailed')))}
        >
          {t('editor.copy')}
        </button>
        {note && (
          <span className="muted" role="status">
            {note}
          </span>
        )}
      </div>
      {holes.length > 0 && (
        <p className="field-hint" role="status">
          {t('editor.stillInText', { list: holes.map((h) => `[${h}]`).join(', ') })}
        </p>
      )}
    </div>
  )
}

const recordSchema = followupChannels['followup:thank'].input.pick({ date: true, method: true, notes: true })

/** Drafts a thank-you (to the referrer) or an ask (to the client), and records it. */
export function Composer(props: { kind: 'thank' | 'ask'; introductionId: string; clientId?: string; today: string; onClose: () => void }) {
  const { t } = useTranslation(['followup', 'common'])
  const msg = useMessage()
  const [common, setCommon] = useState<string | undefined>(undefined)
  const { draft, context, error, missing } = useDraft(props.kind, { introductionId: props.introductionId }, common)
  const [edit, setEdit] = useState<Draft | null>(null)
  const form = useZodForm(recordSchema, { defaultValues: { date: props.today, method: 'email', notes: '' }, guard: false })
  const errors = form.formState.errors
  const thank = useApiMutation('followup:thank')
  const ask = useApiMutation('followup:ask')
  const recipient = props.kind === 'thank' ? context?.partner : context?.prospect
  const to = usableAddresses([recipient?.email])
  const current = edit ?? draft
  const title =
    props.kind === 'thank'
      ? context?.prospect
        ? t('composer.thankForTitle', { partner: context?.partner?.name ?? '…', prospect: context.prospect.name })
        : t('composer.thankTitle', { partner: context?.partner?.name ?? '…' })
      : t('composer.askTitle', { prospect: context?.prospect?.name ?? '…' })
  const { submit: record, error: serverError } = useFormAction(form, async (v) => {
    if (props.kind === 'thank') await thank.mutateAsync({ introductionId: props.introductionId, ...v })
    else if (context?.prospect) await ask.mutateAsync({ personId: context.prospect.id, introductionId: props.introductionId, ...v })
    else return
    props.onClose()
  })
  const methods: readonly Method[] = props.kind === 'thank' ? THANK_METHODS : (['email', 'call', 'in_person'] as const)
  return (
    <Dialog title={title} onClose={props.onClose} wide dirty={form.formState.isDirty || edit !== null}>
      {error && <div className="form-error">{msg(error.message)}</div>}
      {!edit && <MissingValues missing={missing} context={context} onCommon={setCommon} />}
      {current ? (
        <MessageEditor to={to} missingTo={to.length ? [] : recipient ? [recipient.name] : []} draft={current} missing={missing} onChange={setEdit} />
      ) : (
        <p className="muted">{t('drafting')}</p>
      )}
      <form noValidate onSubmit={(e) => void record(e)}>
        <fieldset className="fu-record">
          <legend>{props.kind === 'thank' ? t('composer.recordThankLegend') : t('composer.recordAskLegend')}</legend>
          <div className="row">
            <TextField label={t('composer.date')} type="date" {...form.register('date')} error={msg(errors.date?.message)} />
            <Select
              label={t('composer.how')}
              {...form.register('method')}
              error={msg(errors.method?.message)}
              options={methods.map((k) => ({ value: k, label: t(`method.${k}`) }))}
            />
            <TextField className="fu-grow" label={t('composer.noteOptional')} {...form.register('notes')} error={msg(errors.notes?.message)} />
          </div>
        </fieldset>
        {serverError && <div className="form-error">{msg(serverError)}</div>}
        <div className="form-actions">
          <button type="button" className="btn" onClick={props.onClose}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting || !context}>
            {props.kind === 'thank' ? t('composer.recordThank') : t('composer.recordAsk')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
