import { useRef, useState } from 'react'
import { z } from 'zod'
import type { Person } from '../../../../shared/types'
import { PersonFields } from '../../../../shared/channels/foundation'
import {
  ApiError,
  Button,
  Checkbox,
  Dialog,
  PersonPicker,
  TextArea,
  TextField,
  useApi,
  useApiMutation,
  useDebounced,
  useFocusFirstInvalid,
  useMessage,
  useToast,
  useTranslation,
  useZodForm,
  type PickedPerson,
} from '../../ui'
import { DiscardConfirm } from '../introductions/IntroForm'

/** Splits "a, b,  c" into tags, dropping empties and repeats (case-insensitive). */
export function parseTags(s: string): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of s.split(',')) {
    const t = raw.trim()
    if (t && !seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase())
      out.push(t)
    }
  }
  return out
}

const CADENCE_ERROR = 'Enter a whole number of days from 1 to 3650, or leave it empty.'

/** The form's schema, built from the contract's (PersonFields): text inputs become its types. */
export const personFormSchema = (() => {
  const f = PersonFields.shape
  return z.object({
    name: z.string().pipe(f.name),
    company: f.company,
    profession: f.profession,
    email: f.email,
    phone: f.phone,
    website: f.website,
    city: f.city,
    tags: z.string().transform(parseTags).pipe(f.tags.unwrap()),
    groupIds: f.groupIds.unwrap(),
    idealClient: f.idealClient,
    howMet: f.howMet,
    introducedBy: z.custom<PickedPerson>(() => true),
    notes: f.notes,
    cadenceDays: z
      .string()
      .transform((s) => (s.trim() === '' ? null : Number(s.trim())))
      .pipe(z.number({ error: CADENCE_ERROR }).int(CADENCE_ERROR).min(1, CADENCE_ERROR).max(3650, CADENCE_ERROR).nullable()),
  })
})()
type FormValues = z.input<typeof personFormSchema>
type FormOutput = z.output<typeof personFormSchema>
type TextKey = Exclude<keyof FormValues, 'groupIds' | 'introducedBy'>

function initial(p: Person | undefined, introducedByName: string): FormValues {
  return {
    name: p?.name ?? '',
    company: p?.company ?? '',
    profession: p?.profession ?? '',
    email: p?.email ?? '',
    phone: p?.phone ?? '',
    website: p?.website ?? '',
    city: p?.city ?? '',
    tags: p?.tags.join(', ') ?? '',
    groupIds: p?.groupIds ?? [],
    idealClient: p?.idealClient ?? '',
    howMet: p?.howMet ?? '',
    introducedBy: p?.introducedById ? { id: p.introducedById, name: introducedByName } : null,
    notes: p?.notes ?? '',
    cadenceDays: p?.cadenceDays != null ? String(p.cadenceDays) : '',
  }
}

export interface PersonFormProps {
  /** The person to edit; absent = create a new one. */
  person?: Person
  introducedByName?: string
  onClose: () => void
  onSaved: (p: Person) => void
  /** Opens another person (from the "already exists" warning). */
  onOpenPerson?: (id: string) => void
}

/**
 * Warns while typing when the person looks like someone already recorded (the
 * same email, or the same name and company), with a way to open them. Never
 * blocks saving: two people may share a name.
 */
function DuplicateWarning({ name, company, email, excludeId, onOpen }: { name: string; company: string; email: string; excludeId?: string | undefined; onOpen?: ((id: string) => void) | undefined }) {
  const { t } = useTranslation('people')
  // Debounce one string (an object would be new on every render and never settle).
  const key = useDebounced(JSON.stringify([name.trim(), company.trim(), email.trim()]), 300)
  const [qName, qCompany, qEmail] = JSON.parse(key) as [string, string, string]
  const q = { name: qName, company: qCompany, email: qEmail }
  const dups = useApi(
    'people:findDuplicates',
    { name: q.name, company: q.company || null, email: q.email || null, ...(excludeId ? { excludeId } : {}) },
    { enabled: q.name !== '' || q.email !== '', placeholderData: (prev) => prev },
  )
  const items = q.name === '' && q.email === '' ? [] : (dups.data ?? [])
  return (
    <div className="span-2 duplicate-warning" role="status" aria-live="polite">
      {items.length > 0 && (
        <ul className="notice warning" aria-label={t('form.duplicates')}>
          {items.map((d) => {
            const withEmail = d.matchedOn === 'email'
            const key = `form.duplicate${d.company ? 'Company' : ''}${withEmail ? 'Email' : ''}${d.archived ? 'Archived' : ''}` as 'form.duplicate'
            return (
              <li key={d.id}>
                {t(key, { name: d.name, company: d.company, email: d.email })}{' '}
                {onOpen && (
                  <button type="button" className="link-button" onClick={() => onOpen(d.id)}>
                    {t('form.openDuplicate', { name: d.name })}
                  </button>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}

/** Create or edit a person: every field error at once on submit; the service's errors next to the field they are about. */
export function PersonForm({ person, introducedByName, onClose, onSaved, onOpenPerson }: PersonFormProps) {
  const { t } = useTranslation('people')
  const msg = useMessage()
  const form = useZodForm(personFormSchema, { guard: false, defaultValues: initial(person, introducedByName ?? t('form.selectedPerson')) })
  const { errors, isSubmitted, isDirty, submitCount } = form.formState
  const v = form.watch()
  const [unplaced, setUnplaced] = useState<string>()
  const [asking, setAsking] = useState(false)
  const create = useApiMutation('people:create')
  const update = useApiMutation('people:update')
  const groups = useApi('groups:list', {})
  const toast = useToast()
  const m = person ? update : create
  const formRef = useRef<HTMLFormElement>(null)
  const errorKeys = Object.keys(errors).join(',')
  useFocusFirstInvalid(formRef, errorKeys ? `${submitCount}:${errorKeys}` : null)
  function set<K extends keyof FormValues>(k: K, value: FormValues[K]) {
    form.setValue(k, value as never, { shouldDirty: true, shouldValidate: isSubmitted })
  }
  const text = (k: TextKey) => ({
    name: k,
    value: v[k] ?? '',
    onChange: (e: { target: { value: string } }) => set(k, e.target.value),
    error: msg(errors[k]?.message),
  })

  function onServerError(e: ApiError) {
    const top = e.field?.split('.')[0]
    const target = top === 'introducedById' ? 'introducedBy' : top
    if (target && target in v) {
      setUnplaced(undefined)
      form.setError(target as keyof FormValues, { type: 'server', message: e.message })
    } else setUnplaced(e.message)
  }

  function save(out: FormOutput) {
    const fields = {
      name: out.name,
      company: out.company ?? null,
      profession: out.profession ?? null,
      email: out.email ?? null,
      phone: out.phone ?? null,
      website: out.website ?? null,
      city: out.city ?? null,
      tags: out.tags,
      groupIds: out.groupIds,
      idealClient: out.idealClient ?? null,
      howMet: out.howMet ?? null,
      introducedById: out.introducedBy && 'id' in out.introducedBy ? out.introducedBy.id : null,
      notes: out.notes ?? null,
      cadenceDays: out.cadenceDays,
    }
    const done = {
      onSuccess: (p: Person) => {
        toast.success(person ? t('form.saved', { name: p.name }) : t('form.added', { name: p.name }))
        onSaved(p)
      },
      onError: onServerError,
    }
    setUnplaced(undefined)
    if (person) update.mutate({ id: person.id, ...fields }, done)
    else create.mutate(fields, done)
  }

  return (
    <Dialog title={person ? t('form.editTitle', { name: person.name }) : t('form.newTitle')} onClose={onClose} wide dirty={isDirty}>
      <form ref={formRef} onSubmit={form.handleSubmit(save)} noValidate aria-label={person ? t('form.editLabel') : t('form.newLabel')}>
        {unplaced && (
          <div className="form-error" role="alert">
            {msg(unplaced)}
          </div>
        )}
        <div className="grid-2">
          <TextField label={t('form.name')} required {...text('name')} className="span-2" />
          <TextField label={t('form.company')} {...text('company')} />
          <TextField label={t('form.profession')} hint={t('form.professionHint')} {...text('profession')} />
          <TextField label={t('form.email')} type="email" {...text('email')} />
          <DuplicateWarning name={v.name} company={v.company ?? ''} email={v.email ?? ''} excludeId={person?.id} onOpen={onOpenPerson} />
          <TextField label={t('form.phone')} type="tel" {...text('phone')} />
          <TextField label={t('form.website')} {...text('website')} />
          <TextField label={t('form.city')} {...text('city')} />
          <TextField label={t('form.tags')} hint={t('form.tagsHint')} {...text('tags')} />
          <TextField label={t('form.cadence')} type="text" inputMode="numeric" {...text('cadenceDays')} />
          <TextArea label={t('form.idealClient')} hint={t('form.idealClientHint')} rows={2} {...text('idealClient')} className="span-2" />
          <TextArea label={t('form.howMet')} rows={2} {...text('howMet')} />
          <PersonPicker label={t('form.introducedBy')} value={v.introducedBy ?? null} onChange={(p) => set('introducedBy', p)} error={msg(errors.introducedBy?.message)} />
          <TextArea label={t('form.notes')} rows={3} {...text('notes')} className="span-2" />
          {(groups.data?.length ?? 0) > 0 && (
            <fieldset className="span-2">
              <legend>{t('form.groups')}</legend>
              <div className="row">
                {groups.data?.map((g) => (
                  <Checkbox
                    key={g.id}
                    label={g.name}
                    checked={v.groupIds.includes(g.id)}
                    onChange={(e) => set('groupIds', e.target.checked ? [...v.groupIds, g.id] : v.groupIds.filter((x) => x !== g.id))}
                  />
                ))}
              </div>
              {errors.groupIds && <span className="field-error">{msg(errors.groupIds.message)}</span>}
            </fieldset>
          )}
        </div>
        <div className="form-actions">
          <Button onClick={() => (isDirty ? setAsking(true) : onClose())}>{t('form.cancel')}</Button>
          <Button type="submit" variant="primary" busy={m.isPending}>
            {person ? t('form.save') : t('form.add')}
          </Button>
        </div>
      </form>
      {asking && <DiscardConfirm onDiscard={onClose} onKeep={() => setAsking(false)} />}
    </Dialog>
  )
}

/** Edit a person known only by id (from a row's menu): loads them, then the form. */
export function EditPersonById({ id, onClose, onOpenPerson }: { id: string; onClose: () => void; onOpenPerson?: (id: string) => void }) {
  const person = useApi('people:get', { id })
  const p = person.data
  const introducer = useApi('people:get', { id: p?.introducedById ?? '' }, { enabled: !!p?.introducedById })
  if (!p || (p.introducedById && !introducer.data && !introducer.isError)) return null
  return (
    <PersonForm
      person={p}
      {...(introducer.data ? { introducedByName: introducer.data.name } : {})}
      onClose={onClose}
      onSaved={onClose}
      {...(onOpenPerson ? { onOpenPerson } : {})}
    />
  )
}
