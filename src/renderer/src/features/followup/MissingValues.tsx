import { useMemo } from 'react'
import type { TFunction } from 'i18next'
import { z } from 'zod'
import type { DraftContext } from '../../../../shared/channels/followup'
import { useApiMutation } from '../../ui/api'
import { TextArea, TextField } from '../../ui/fields'
import { useMessage, useTranslation } from '../../ui/i18n'
import { useZodForm } from '../../ui/form'

type T = TFunction<'followup'>
const PERSON_FIELDS = ['company', 'profession', 'email', 'idealClient', 'howMet'] as const
const ME_FIELDS = ['company', 'profession', 'email', 'idealClient', 'peopleLikeMe'] as const
const isOneOf = <K extends string>(list: readonly K[], v: string): v is K => (list as readonly string[]).includes(v)

const LONG = new Set(['idealClient', 'howMet', 'peopleLikeMe', 'common'])

type Target =
  | { kind: 'profile'; field: 'profession' | 'company' | 'idealClient' | 'peopleLikeMe' }
  | { kind: 'person'; id: string; field: 'company' | 'profession' | 'email' | 'idealClient' | 'howMet' }
  | { kind: 'common' }
  | { kind: 'none'; why: string }

export interface MissingItem {
  name: string
  label: string
  target: Target
}

/** What a missing placeholder is, in words, and where a value for it is kept. */
export function describeMissing(name: string, ctx: DraftContext | null, t: T): MissingItem {
  const [prefix, field = ''] = name.split('.') as [string, string | undefined]
  if (prefix === 'me') {
    const label = isOneOf(ME_FIELDS, field) ? t(`missing.me.${field}`) : t('missing.me.other', { field })
    if (field === 'profession' || field === 'company' || field === 'idealClient' || field === 'peopleLikeMe')
      return { name, label, target: { kind: 'profile', field } }
    if (field === 'email' && ctx?.me) return { name, label, target: { kind: 'person', id: ctx.me.id, field: 'email' } }
    return { name, label, target: { kind: 'none', why: t('missing.sayWhoFirst') } }
  }
  if (prefix === 'partner' || prefix === 'prospect') {
    const p = prefix === 'partner' ? ctx?.partner : ctx?.prospect
    const who = p?.name ?? (prefix === 'partner' ? t('missing.thePartner') : t('missing.thePerson'))
    const label = t('missing.personField', { who, field: isOneOf(PERSON_FIELDS, field) ? t(`missing.field.${field}`) : field })
    if (p && isOneOf(PERSON_FIELDS, field)) return { name, label, target: { kind: 'person', id: p.id, field } }
    const why = p ? t('missing.pickFirst', { who }) : prefix === 'partner' ? t('missing.pickPartnerFirst') : t('missing.pickProspectFirst')
    return { name, label, target: { kind: 'none', why } }
  }
  if (name === 'introduction.common') return { name, label: t('missing.common'), target: { kind: 'common' } }
  return { name, label: name === 'introduction.value' ? t('missing.value') : t('missing.date'), target: { kind: 'none', why: t('missing.recordOnIntro') } }
}

function MissingRow(props: { item: MissingItem; onCommon?: ((v: string) => void) | undefined }) {
  const { t } = useTranslation('followup')
  const msg = useMessage()
  const schema = useMemo(() => z.object({ value: z.string().trim().min(1, t('missing.enter')).max(10_000, 'At most 10000 characters.') }), [t])
  const form = useZodForm(schema, { defaultValues: { value: '' }, guard: false })
  const profile = useApiMutation('settings:save')
  const person = useApiMutation('people:update')
  const target = props.item.target
  if (target.kind === 'none' || (target.kind === 'common' && !props.onCommon))
    return (
      <li className="fu-missing-row">
        <span>{props.item.label}</span>
        <span className="muted"> {target.kind === 'none' ? target.why : ''}</span>
      </li>
    )
  const save = form.handleSubmit(async ({ value }) => {
    try {
      if (target.kind === 'profile') await profile.mutateAsync({ group: 'profile', values: { [target.field]: value } })
      else if (target.kind === 'person') await person.mutateAsync({ id: target.id, [target.field]: value })
      else props.onCommon?.(value)
    } catch (e) {
      form.setError('value', { type: 'server', message: e instanceof Error ? e.message : String(e) })
    }
  })
  const long = LONG.has(target.kind === 'common' ? 'common' : target.field)
  const error = msg(form.formState.errors.value?.message)
  return (
    <li className="fu-missing-row">
      <form className="row" noValidate onSubmit={(e) => void save(e)}>
        {long ? (
          <TextArea className="fu-grow" label={props.item.label} rows={2} {...form.register('value')} error={error} />
        ) : (
          <TextField className="fu-grow" label={props.item.label} {...form.register('value')} error={error} />
        )}
        <button type="submit" className="btn btn-small" disabled={form.formState.isSubmitting}>
          {target.kind === 'common' ? t('missing.use') : t('missing.save')}
        </button>
      </form>
    </li>
  )
}

/**
 * Before a draft goes out: says which values it is missing (they would be sent as
 * `[name]`) and offers to fill each one where it is kept: your profile (Settings),
 * the person's record, or the dialog's own "in common" field. Saving refreshes the draft.
 */
export function MissingValues(props: { missing: string[]; context: DraftContext | null; onCommon?: (v: string) => void }) {
  const { t } = useTranslation('followup')
  if (props.missing.length === 0) return null
  const items = props.missing.map((n) => describeMissing(n, props.context, t))
  return (
    <section className="fu-missing" role="region" aria-label={t('missing.region')}>
      <p className="fu-warning">{t('missing.intro', { count: items.length, list: items.map((i) => i.label).join('; ') })}</p>
      <ul className="fu-missing-list">
        {items.map((i) => (
          <MissingRow key={i.name} item={i} onCommon={props.onCommon} />
        ))}
      </ul>
    </section>
  )
}
