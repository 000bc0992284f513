import { useId, useMemo, useRef, useState } from 'react'
import { useWatch, type FieldValues, type UseFormReturn } from 'react-hook-form'
import { z } from 'zod'
import type { ScreenProps } from '../../ui/nav'
import { useApi, useApiMutation } from '../../ui/api'
import { Select, TextArea, TextField } from '../../ui/fields'
import { useZodForm, serverErrorToForm } from '../../ui/form'
import { makeFormat, useFormat, useLocale, useMessage, useTranslation, type Format } from '../../ui/i18n'
import { MessageTemplate, SETTINGS, ProfileValues, TimeZone, type FollowupSettings, type GeneralSettings, type ProfileSettings, type SettingsSaveInput } from '../../../../shared/settings'
import { Currency } from '../../../../shared/schemas'
import { LANGUAGE_NAMES, REGIONS, resolveLanguage, resolveRegion, type Language } from '../../../../shared/i18n'
import { PLACEHOLDERS, TEMPLATE_KINDS, unknownPlaceholders, type TemplateKind } from '../../../../core/templates/render'
import { defaultTemplates } from '../../../../core/templates/defaults'
import { PersonPicker, type ExistingPerson as PickedPerson } from '../../ui/PersonPicker'
import { renderDraft } from '../followup/useDraft'
import './settings.css'

type Template = { subject: string; body: string }

/** The computer's languages, in order (what "System default" means). */
function systemLocales(): string[] {
  if (typeof navigator === 'undefined') return []
  return [...(navigator.languages ?? []), navigator.language].filter((l): l is string => typeof l === 'string' && l.length > 0)
}

/** A whole number typed the region's way ("7", "1.000" in de-DE); blank is null, anything else NaN (the schema says why). */
function wholeNumberText<S extends z.ZodType<unknown, number | null>>(fmt: { current: Format }, schema: S) {
  return z
    .string()
    .transform((s) => fmt.current.parseDecimal(s))
    .pipe(schema)
}

function TemplatePreview(props: { kind: TemplateKind; tpl: Template }) {
  const { t } = useTranslation('settings')
  const [partner, setPartner] = useState<PickedPerson | null>(null)
  const [prospect, setProspect] = useState<PickedPerson | null>(null)
  const input = { ...(partner ? { partnerId: partner.id } : {}), ...(prospect ? { prospectId: prospect.id } : {}) }
  const ctx = useApi('followup:context', input)
  const out = ctx.data ? renderDraft(props.kind, props.tpl, ctx.data) : null
  return (
    <div className="st-preview">
      <div className="grid-2">
        <PersonPicker
          label={props.kind === 'ask' ? t('template.previewReferrer') : t('template.previewPartner')}
          value={partner}
          onChange={setPartner}
          exclude={[prospect?.id]}
          excludeMe
        />
        <PersonPicker
          label={props.kind === 'introduction' ? t('template.previewIntroduced') : t('template.previewClient')}
          value={prospect}
          onChange={setProspect}
          exclude={[partner?.id]}
          excludeMe
        />
      </div>
      {out && (
        <div className="st-rendered" aria-label={t('template.preview')} role="region">
          <div className="st-subject">{out.subject}</div>
          <pre>{out.body}</pre>
        </div>
      )}
    </div>
  )
}

function TemplateEditor(props: { kind: TemplateKind; value: Template; onChange: (v: Template) => void; error?: string | undefined }) {
  const { t } = useTranslation('settings')
  // "Restore default" restores the built-in template in the language the app speaks.
  const { language } = useLocale()
  const sid = useId()
  const bid = useId()
  const body = useRef<HTMLTextAreaElement>(null)
  const unknown = unknownPlaceholders(`${props.value.subject}\n${props.value.body}`)
  const insert = (name: string) => {
    const el = body.current
    const text = `{${name}}`
    const at = el ? el.selectionStart : props.value.body.length
    const end = el ? el.selectionEnd : at
    props.onChange({ ...props.value, body: props.value.body.slice(0, at) + text + props.value.body.slice(end) })
  }
  return (
    <div className="st-template">
      <div className="st-edit">
        <div className="field">
          <label htmlFor={sid}>{t('template.subject')}</label>
          <input id={sid} value={props.value.subject} onChange={(e) => props.onChange({ ...props.value, subject: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={bid}>{t('template.message')}</label>
          <textarea
            id={bid}
            ref={body}
            rows={14}
            value={props.value.body}
            aria-invalid={unknown.length || props.error ? true : undefined}
            aria-describedby={unknown.length ? `${bid}-unknown` : undefined}
            onChange={(e) => props.onChange({ ...props.value, body: e.target.value })}
          />
          {unknown.length > 0 && (
            <div className="field-error" id={`${bid}-unknown`} role="alert">
              {t('template.unknown', { count: unknown.length, list: unknown.map((u) => `{${u}}`).join(', ') })}
            </div>
          )}
          {props.error && (
            <div className="field-error" role="alert">
              {props.error}
            </div>
          )}
        </div>
        <div className="row">
          <button type="button" className="btn btn-small" onClick={() => props.onChange(defaultTemplates(language)[props.kind])}>
            {t('template.reset')}
          </button>
        </div>
        <TemplatePreview kind={props.kind} tpl={props.value} />
      </div>
      <aside className="st-help" aria-label={t('template.placeholders')}>
        <h3>{t('template.placeholders')}</h3>
        <p className="faint">{t('template.placeholdersHelp')}</p>
        <ul>
          {PLACEHOLDERS.map((p) => (
            <li key={p.name}>
              <button type="button" className="link-button" onClick={() => insert(p.name)}>
                {`{${p.name}}`}
              </button>
              <span className="faint"> {t(`placeholders.${p.name}` as 'placeholders.me.name', { defaultValue: p.help })}</span>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  )
}

function SaveRow(props: { label: string; pending: boolean; saved: boolean; error: string | null | undefined; sticky?: boolean }) {
  const { t } = useTranslation('settings')
  return (
    <>
      {props.error && <div className="form-error">{props.error}</div>}
      <div className={props.sticky ? 'form-actions st-actions' : 'form-actions'}>
        {props.saved && (
          <span className="muted" role="status">
            {t('saved')}
          </span>
        )}
        <button type="submit" className="btn btn-primary" disabled={props.pending}>
          {props.label}
        </button>
      </div>
    </>
  )
}

/** One group's save: "Saved." when done, a service's field error on its field, any other error under the form. */
/**
 * Saving one settings group from its form: `submit(form, input)` sends it; a field error from the service goes on
 * its field, any other under the form; once saved, what the form holds becomes its defaults (no longer unsaved).
 */
function useGroupSave() {
  const save = useApiMutation('settings:save')
  const msg = useMessage()
  const [saved, setSaved] = useState(false)
  const [other, setOther] = useState<string | null>(null)
  const submit = <T extends FieldValues>(form: Pick<UseFormReturn<T>, 'getValues' | 'reset' | 'setError'>, input: SettingsSaveInput) => {
    setOther(null)
    const raw = form.getValues()
    save.mutate(input, {
      onSuccess: () => {
        setSaved(true)
        form.reset(raw)
      },
      onError: (e) => {
        if (!serverErrorToForm(form, e, 'values.')) setOther(msg(e.message) ?? null)
      },
    })
  }
  return { save, saved, setSaved, other, setOther, submit }
}

const PROFILE_FIELDS = ['profession', 'company', 'idealClient', 'peopleLikeMe'] as const

/** You, in your words: what you do, your company, your ideal client, people like you (first run asks the same). */
function ProfileForm(props: { initial: ProfileSettings }) {
  const { t } = useTranslation('settings')
  const msg = useMessage()
  const g = useGroupSave()
  const schema = useMemo(() => ProfileValues.required(), [])
  const defaults = { profession: props.initial.profession ?? '', company: props.initial.company ?? '', idealClient: props.initial.idealClient ?? '', peopleLikeMe: props.initial.peopleLikeMe ?? '' }
  const form = useZodForm(schema, { defaultValues: defaults })
  const { errors } = form.formState
  const onChange = () => g.setSaved(false)
  return (
    <form
      className="card stack"
      aria-label={t('profile.title')}
      noValidate
      onChange={onChange}
      onSubmit={form.handleSubmit((out) => {
        // Only what changed: profession, company and ideal client live on your own person record.
        const values = Object.fromEntries(PROFILE_FIELDS.filter((k) => (out[k] ?? '') !== (props.initial[k] ?? '')).map((k) => [k, out[k] ?? null]))
        g.submit(form, { group: 'profile', values })
      })}
    >
      <div className="card-title">
        <h2>{t('profile.title')}</h2>
      </div>
      <p className="muted">{t('profile.intro')}</p>
      <div className="grid-2">
        <TextField label={t('profile.profession')} {...form.register('profession')} error={msg(errors.profession?.message)} />
        <TextField label={t('profile.company')} {...form.register('company')} error={msg(errors.company?.message)} />
        <TextArea
          label={t('profile.peopleLikeMe')}
          placeholder={t('profile.peopleLikeMePlaceholder')}
          {...form.register('peopleLikeMe')}
          error={msg(errors.peopleLikeMe?.message)}
        />
        <TextArea label={t('profile.idealClient')} {...form.register('idealClient')} error={msg(errors.idealClient?.message)} />
      </div>
      <SaveRow label={t('profile.save')} pending={g.save.isPending} saved={g.saved} error={g.other} />
    </form>
  )
}

/** The zones this runtime knows, offered as suggestions (the schema checks the value). */
const ZONES: readonly string[] = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? []

const GeneralSchema = z.object({ timeZone: TimeZone, currency: Currency })

/** Days and money: the time zone "today" is computed in, and the default currency. */
function GeneralForm(props: { initial: GeneralSettings }) {
  const { t } = useTranslation('settings')
  const msg = useMessage()
  const g = useGroupSave()
  const form = useZodForm(GeneralSchema, { defaultValues: { timeZone: props.initial.timeZone, currency: props.initial.currency } })
  const { errors } = form.formState
  const zones = useId()
  return (
    <form
      className="card stack"
      aria-label={t('general.title')}
      noValidate
      onChange={() => g.setSaved(false)}
      onSubmit={form.handleSubmit((values) => {
        g.submit(form, { group: 'general', values })
      })}
    >
      <div className="card-title">
        <h2>{t('general.title')}</h2>
      </div>
      <div className="st-prefs">
        <TextField
          label={t('general.timeZone')}
          list={zones}
          {...form.register('timeZone')}
          hint={props.initial.timeZoneIsDefault ? t('general.timeZoneHintDefault') : t('general.timeZoneHint')}
          error={msg(errors.timeZone?.message)}
        />
        <datalist id={zones}>
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <TextField label={t('general.currency')} maxLength={3} {...form.register('currency')} error={msg(errors.currency?.message)} />
      </div>
      <SaveRow label={t('general.save')} pending={g.save.isPending} saved={g.saved} error={g.other} />
    </form>
  )
}

const blankIsNull = z.string().transform((s) => s.trim() || null)
const LocaleSchema = z.object({
  language: blankIsNull.pipe(SETTINGS.language.schema),
  region: blankIsNull.pipe(SETTINGS.region.schema),
})

/** A region's name in the UI language ("German (Germany)", "Deutsch (Deutschland)"); the tag itself when Intl does not know it. */
function regionName(tag: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage === 'en-XA' ? 'en' : uiLanguage], { type: 'language' }).of(tag) ?? tag
  } catch {
    return tag
  }
}

/** Language of the app and region of formats; null (System default) follows the computer. Saving switches the whole app. */
function LocaleForm(props: { initial: GeneralSettings }) {
  const { t } = useTranslation('settings')
  const msg = useMessage()
  const { language: uiLanguage } = useLocale()
  const g = useGroupSave()
  const form = useZodForm(LocaleSchema, { defaultValues: { language: props.initial.language ?? '', region: props.initial.region ?? '' } })
  const { errors } = form.formState
  const system = systemLocales()
  const systemLanguage = resolveLanguage(null, system)
  const systemRegion = resolveRegion(null, system)
  const chosenRegion = useWatch({ control: form.control, name: 'region' })
  const example = useMemo(() => {
    const f = makeFormat(resolveRegion(chosenRegion || null, system))
    return `${f.money(125050, props.initial.currency || 'EUR')} · ${f.day('2026-12-02')}`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosenRegion, props.initial.currency])
  const languages = [
    { value: '', label: t('locale.systemLanguage', { name: systemLanguage === 'en-XA' ? systemLanguage : LANGUAGE_NAMES[systemLanguage] }) },
    ...(Object.keys(LANGUAGE_NAMES) as Language[]).map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })),
    // The pseudo-locale is set by tests only; offered when it is the current choice so the select shows it.
    ...(props.initial.language === 'en-XA' ? [{ value: 'en-XA', label: 'en-XA' }] : []),
  ]
  const regionTags: string[] = [...REGIONS]
  if (props.initial.region && !regionTags.includes(props.initial.region)) regionTags.push(props.initial.region)
  const regions = [
    { value: '', label: t('locale.systemRegion', { name: regionName(systemRegion, uiLanguage) }) },
    ...regionTags.map((r) => ({ value: r, label: t('locale.regionOption', { name: regionName(r, uiLanguage), tag: r }) })),
  ]
  return (
    <form
      className="card stack"
      aria-label={t('locale.title')}
      noValidate
      onChange={() => g.setSaved(false)}
      onSubmit={form.handleSubmit((values) => {
        g.submit(form, { group: 'general', values })
      })}
    >
      <div className="card-title">
        <h2>{t('locale.title')}</h2>
      </div>
      <p className="muted">{t('locale.intro')}</p>
      <div className="st-prefs">
        <Select label={t('locale.language')} options={languages} {...form.register('language')} error={msg(errors.language?.message)} />
        <Select label={t('locale.region')} options={regions} {...form.register('region')} error={msg(errors.region?.message)} />
      </div>
      <p className="st-example" data-testid="locale-example">
        {t('locale.example', { example })}
      </p>
      <SaveRow label={t('locale.save')} pending={g.save.isPending} saved={g.saved} error={g.other} />
    </form>
  )
}

/** Follow-up rules and the message templates. */
function FollowupForm(props: { initial: FollowupSettings }) {
  const { t } = useTranslation('settings')
  const msg = useMessage()
  const fmt = useFormat()
  // The schema reads numbers in the region in effect when the user saves (the region can change while the form is open).
  const fmtRef = useRef(fmt)
  fmtRef.current = fmt
  const [tab, setTab] = useState<TemplateKind>('thank')
  const g = useGroupSave()
  const schema = useMemo(
    () =>
      z.object({
        askFollowUpDays: wholeNumberText(fmtRef, SETTINGS['followup.askFollowUpDays'].schema),
        defaultCadenceDays: wholeNumberText(fmtRef, SETTINGS['followup.defaultCadenceDays'].schema),
        templates: z.object({ thank: MessageTemplate, ask: MessageTemplate, introduction: MessageTemplate }),
      }),
    [],
  )
  const form = useZodForm(schema, {
    defaultValues: {
      askFollowUpDays: fmt.decimalText(props.initial.askFollowUpDays),
      defaultCadenceDays: fmt.decimalText(props.initial.defaultCadenceDays),
      templates: props.initial.templates,
    },
  })
  const { errors } = form.formState
  const templates = useWatch({ control: form.control, name: 'templates' }) as FollowupSettings['templates']
  const templateError = (k: TemplateKind) => msg(errors.templates?.[k]?.subject?.message ?? errors.templates?.[k]?.body?.message ?? errors.templates?.message)
  return (
    <form
      className="stack"
      aria-label={t('followup.rules')}
      noValidate
      onChange={() => g.setSaved(false)}
      onSubmit={form.handleSubmit((values) => {
        g.submit(form, { group: 'followup', values })
      })}
    >
      <section className="card">
        <div className="card-title">
          <h2>{t('followup.rules')}</h2>
        </div>
        <div className="st-prefs">
          <TextField label={t('followup.askDays')} inputMode="numeric" {...form.register('askFollowUpDays')} error={msg(errors.askFollowUpDays?.message)} />
          <TextField
            label={t('followup.cadenceDays')}
            inputMode="numeric"
            placeholder={t('followup.cadenceOff')}
            hint={t('followup.cadenceHint')}
            {...form.register('defaultCadenceDays')}
            error={msg(errors.defaultCadenceDays?.message)}
          />
        </div>
      </section>

      <section className="card">
        <div className="card-title">
          <h2>{t('followup.templates')}</h2>
        </div>
        <div className="tabs" role="tablist">
          {TEMPLATE_KINDS.map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)}>
              {t(`kinds.${k}`)}
              {(unknownPlaceholders(templates[k].subject + templates[k].body).length > 0 || templateError(k)) && (
                <span className="badge badge-danger st-flag" title={t('template.unknownFlag')}>
                  !
                </span>
              )}
            </button>
          ))}
        </div>
        <TemplateEditor
          key={tab}
          kind={tab}
          value={templates[tab]}
          error={templateError(tab)}
          onChange={(v) => {
            g.setSaved(false)
            form.setValue(`templates.${tab}`, v, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })
          }}
        />
      </section>
      <SaveRow sticky label={t('followup.save')} pending={g.save.isPending} saved={g.saved} error={g.other} />
    </form>
  )
}

export function SettingsScreen(_props: ScreenProps) {
  const { t } = useTranslation('settings')
  const msg = useMessage()
  const q = useApi('settings:get')
  return (
    <div className="st stack">
      <div className="page-header">
        <h1>{t('title')}</h1>
      </div>
      {q.error && <div className="form-error">{msg(q.error.message)}</div>}
      {q.data ? (
        <>
          <ProfileForm initial={q.data.profile} />
          <LocaleForm initial={q.data.general} />
          <GeneralForm initial={q.data.general} />
          <FollowupForm initial={q.data.followup} />
        </>
      ) : (
        <p className="muted">{t('loading')}</p>
      )}
    </div>
  )
}
