import { useState } from 'react'
import type { Person } from '../../../../shared/types'
import { Button, Dialog, PersonPicker, useApi, useApiMutation, useFormat, useMessage, useToast, useTranslation, useUndoAction, type PickedPerson } from '../../ui'

function Summary({ p, role }: { p: Person; role: string }) {
  const { t } = useTranslation('people')
  const lines = [p.company, p.profession, p.email, p.phone, p.city].filter((x): x is string => !!x)
  return (
    <div className="merge-person" aria-label={t('merge.summary', { role, name: p.name })}>
      <div className="muted">{role}</div>
      <strong>{p.name}</strong>
      {p.isMe && <span className="muted"> {t('merge.you')}</span>}
      {lines.map((l) => (
        <div key={l}>{l}</div>
      ))}
      {p.tags.length > 0 && <div className="muted">{t('merge.tags', { tags: p.tags.join(', ') })}</div>}
    </div>
  )
}

export interface MergeDialogProps {
  /** The person whose page the merge starts from. */
  person: Person
  onClose: () => void
  /** After a merge: the id of the person kept. */
  onMerged: (keptId: string) => void
}

/**
 * Merge two people: pick the duplicate, see both and what moves, confirm.
 * "You" are always the one kept; otherwise the page's person is kept unless
 * the user swaps. The merge takes a backup first (undo comes later).
 */
export function MergeDialog({ person, onClose, onMerged }: MergeDialogProps) {
  const { t } = useTranslation('people')
  const fmt = useFormat()
  const msg = useMessage()
  const [other, setOther] = useState<PickedPerson>(null)
  const [swap, setSwap] = useState(false)
  const otherId = other && 'id' in other ? other.id : null
  const otherPerson = useApi('people:get', { id: otherId ?? '' }, { enabled: otherId !== null })
  // "You" can only be kept: when the other one is you, they are kept whatever the swap says.
  const otherIsMe = otherPerson.data?.isMe ?? false
  const keepOther = otherId !== null && !person.isMe && (otherIsMe || swap)
  const keepId = keepOther ? otherId : person.id
  const mergeId = keepOther ? person.id : otherId
  const preview = useApi('people:mergePreview', { keepId: keepId ?? '', mergeId: mergeId ?? '' }, { enabled: otherId !== null && mergeId !== null })
  const merge = useApiMutation('people:merge')
  const toast = useToast()
  const undo = useUndoAction()
  const plan = preview.data
  const problem = msg(preview.error?.message ?? merge.error?.message)

  return (
    <Dialog title={t('merge.title', { name: person.name })} onClose={onClose} wide>
      <div className="merge-dialog">
        <PersonPicker
          label={t('merge.other')}
          hint={t('merge.otherHint')}
          value={other}
          onChange={(v) => {
            setOther(v)
            setSwap(false)
            merge.reset()
          }}
        />
        {otherId !== null && otherPerson.data && !person.isMe && !otherIsMe && (
          <fieldset className="merge-keep">
            <legend>{t('merge.keep')}</legend>
            <label>
              <input type="radio" name="keep" checked={!swap} onChange={() => setSwap(false)} /> {person.name}
            </label>
            <label>
              <input type="radio" name="keep" checked={swap} onChange={() => setSwap(true)} /> {otherPerson.data.name}
            </label>
          </fieldset>
        )}
        {(person.isMe || otherIsMe) && otherId !== null && (
          <p className="muted">{t('merge.youAlwaysKept')}</p>
        )}
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        {plan && !preview.isError && (
          <section aria-label={t('merge.plan')}>
            <div className="grid-2">
              <Summary p={plan.keep} role={t('merge.kept')} />
              <Summary p={plan.merge} role={t('merge.merged')} />
            </div>
            <h3 className="section-title">{t('merge.movesTo', { name: plan.keep.name })}</h3>
            {plan.moves.length === 0 ? (
              <p className="muted">{t('merge.nothingMoves', { name: plan.merge.name })}</p>
            ) : (
              <ul aria-label={t('merge.moves')}>
                {plan.moves.map((m) => (
                  <li key={m.what}>
                    {t('merge.move', { n: fmt.number(m.count), what: msg(m.what) ?? m.what })}
                  </li>
                ))}
              </ul>
            )}
            {(plan.fills.length > 0 || plan.appendsNotes) && (
              <>
                <h3 className="section-title">{t('merge.filledFrom', { name: plan.merge.name })}</h3>
                <ul aria-label={t('merge.filled')}>
                  {plan.fills.map((f) => (
                    <li key={f.field}>
                      {t('merge.fill', { label: msg(f.label) ?? f.label, value: f.value })}
                    </li>
                  ))}
                  {plan.appendsNotes && <li>{t('merge.notesAppended', { name: plan.keep.name })}</li>}
                </ul>
              </>
            )}
            <p className="muted">
              {t('merge.backupNote', { name: plan.merge.name })}
            </p>
          </section>
        )}
        <div className="form-actions">
          <Button onClick={onClose}>{t('merge.cancel')}</Button>
          <Button
            variant="danger"
            disabled={!plan || preview.isError || keepId === null || mergeId === null}
            busy={merge.isPending}
            onClick={() => {
              if (!plan || keepId === null || mergeId === null) return
              merge.mutate(
                { keepId, mergeId },
                {
                  onSuccess: (r) => {
                    toast.success(t('merge.done', { merged: r.merge.name, kept: r.keep.name, backup: r.backup }), undo)
                    onMerged(r.keep.id)
                  },
                },
              )
            }}
          >
            {plan ? t('merge.mergeInto', { name: plan.keep.name }) : t('merge.merge')}
          </Button>
        </div>
      </div>
    </Dialog>
  )
}
