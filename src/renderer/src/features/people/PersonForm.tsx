import { useRef, useState, type FormEvent } from 'react'
import type { Person } from '../../../../shared/types'
import type { PersonFields } from '../../../../shared/channels/foundation'
import { Button, Checkbox, Dialog, PersonPicker, TextArea, TextField, fieldError, useApi, useDebounced, useFocusFirstInvalid, useApiMutation, useToast, type PickedPerson } from '../../ui'

interface FormState {
  name: string
  company: string
  profession: string
  email: string
  phone: string
  website: string
  city: string
  tags: string
  groupIds: string[]
  idealClient: string
  howMet: string
  introducedBy: PickedPerson
  notes: string
  cadenceDays: string
}

function initial(p?: Person, introducedByName?: string): FormState {
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
    introducedBy: p?.introducedById ? { id: p.introducedById, name: introducedByName ?? 'Selected person' } : null,
    notes: p?.notes ?? '',
    cadenceDays: p?.cadenceDays != null ? String(p.cadenceDays) : '',
  }
}

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
        <ul className="notice warning" aria-label="Possible duplicates">
          {items.map((d) => (
            <li key={d.id}>
              {d.name}
              {d.company ? `, ${d.company}` : ''} already exists
              {d.matchedOn === 'email' ? ` with the email ${d.email}` : ''}
              {d.archived ? ' (archived)' : ''}.{' '}
              {onOpen && (
                <button type="button" className="link-button" onClick={() => onOpen(d.id)}>
                  Open {d.name}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** Create or edit a person: every field, with the service's errors shown next to the field they are about. */
export function PersonForm({ person, introducedByName, onClose, onSaved, onOpenPerson }: PersonFormProps) {
  const [f, setF] = useState<FormState>(() => initial(person, introducedByName))
  const [cadenceError, setCadenceError] = useState<string>()
  const create = useApiMutation('people:create')
  const update = useApiMutation('people:update')
  const groups = useApi('groups:list', {})
  const toast = useToast()
  const m = person ? update : create
  const err = m.error
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstInvalid(formRef, err ?? cadenceError)
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setF((s) => ({ ...s, [k]: v }))
  const text = (k: Exclude<keyof FormState, 'groupIds' | 'introducedBy'>) => ({
    value: f[k],
    onChange: (e: { target: { value: string } }) => set(k, e.target.value),
    error: fieldError(err, k),
  })

  function submit(e: FormEvent) {
    e.preventDefault()
    let cadenceDays: number | null = null
    if (f.cadenceDays.trim() !== '') {
      const n = Number(f.cadenceDays)
      if (!Number.isInteger(n) || n < 1 || n > 3650) {
        setCadenceError('Enter a whole number of days from 1 to 3650, or leave it empty.')
        return
      }
      cadenceDays = n
    }
    setCadenceError(undefined)
    const fields: PersonFields = {
      name: f.name,
      company: f.company,
      profession: f.profession,
      email: f.email,
      phone: f.phone,
      website: f.website,
      city: f.city,
      tags: parseTags(f.tags),
      groupIds: f.groupIds,
      idealClient: f.idealClient,
      howMet: f.howMet,
      introducedById: f.introducedBy && 'id' in f.introducedBy ? f.introducedBy.id : null,
      notes: f.notes,
      cadenceDays,
    }
    const done = {
      onSuccess: (p: Person) => {
        toast.success(person ? `Saved ${p.name}.` : `Added ${p.name}.`)
        onSaved(p)
      },
    }
    if (person) update.mutate({ id: person.id, ...fields }, done)
    else create.mutate(fields, done)
  }

  const unplaced = err && !err.field ? err.message : err?.field && !FIELD_NAMES.has(err.field.split('.')[0]!) ? err.message : undefined

  return (
    <Dialog title={person ? `Edit ${person.name}` : 'New person'} onClose={onClose} wide>
      <form ref={formRef} onSubmit={submit} noValidate aria-label={person ? 'Edit person' : 'New person'}>
        {unplaced && (
          <div className="form-error" role="alert">
            {unplaced}
          </div>
        )}
        <div className="grid-2">
          <TextField label="Name" required {...text('name')} className="span-2" />
          <TextField label="Company" {...text('company')} />
          <TextField label="Profession (contact sphere)" hint="What they do, e.g. Estate agent, Accountant" {...text('profession')} />
          <TextField label="Email" type="email" {...text('email')} />
          <DuplicateWarning name={f.name} company={f.company} email={f.email} excludeId={person?.id} onOpen={onOpenPerson} />
          <TextField label="Phone" type="tel" {...text('phone')} />
          <TextField label="Website" {...text('website')} />
          <TextField label="City" {...text('city')} />
          <TextField label="Tags" hint="Separated by commas" {...text('tags')} />
          <TextField
            label="Keep in touch every (days)"
            type="number"
            min={1}
            max={3650}
            value={f.cadenceDays}
            onChange={(e) => set('cadenceDays', e.target.value)}
            error={cadenceError ?? fieldError(err, 'cadenceDays')}
          />
          <TextArea label="What a good referral looks like for them" hint="Their ideal client" rows={2} {...text('idealClient')} className="span-2" />
          <TextArea label="How you met" rows={2} {...text('howMet')} />
          <PersonPicker
            label="Introduced by"
            value={f.introducedBy}
            onChange={(v) => set('introducedBy', v)}
            error={fieldError(err, 'introducedById')}
          />
          <TextArea label="Notes" rows={3} {...text('notes')} className="span-2" />
          {(groups.data?.length ?? 0) > 0 && (
            <fieldset className="span-2">
              <legend>Groups</legend>
              <div className="row">
                {groups.data?.map((g) => (
                  <Checkbox
                    key={g.id}
                    label={g.name}
                    checked={f.groupIds.includes(g.id)}
                    onChange={(e) =>
                      set('groupIds', e.target.checked ? [...f.groupIds, g.id] : f.groupIds.filter((x) => x !== g.id))
                    }
                  />
                ))}
              </div>
              {fieldError(err, 'groupIds') && <span className="field-error">{fieldError(err, 'groupIds')}</span>}
            </fieldset>
          )}
        </div>
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={m.isPending}>
            {person ? 'Save' : 'Add person'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

const FIELD_NAMES = new Set([
  'name',
  'company',
  'profession',
  'email',
  'phone',
  'website',
  'city',
  'tags',
  'groupIds',
  'idealClient',
  'howMet',
  'introducedById',
  'notes',
  'cadenceDays',
])
