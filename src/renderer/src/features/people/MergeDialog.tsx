import { useState } from 'react'
import type { Person } from '../../../../shared/types'
import { Button, Dialog, PersonPicker, useApi, useApiMutation, useToast, useUndoAction, type PickedPerson } from '../../ui'

function Summary({ p, role }: { p: Person; role: string }) {
  const lines = [p.company, p.profession, p.email, p.phone, p.city].filter((x): x is string => !!x)
  return (
    <div className="merge-person" aria-label={`${role}: ${p.name}`}>
      <div className="muted">{role}</div>
      <strong>{p.name}</strong>
      {p.isMe && <span className="muted"> (you)</span>}
      {lines.map((l) => (
        <div key={l}>{l}</div>
      ))}
      {p.tags.length > 0 && <div className="muted">Tags: {p.tags.join(', ')}</div>}
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
  const problem = preview.error?.message ?? merge.error?.message

  return (
    <Dialog title={`Merge ${person.name} with…`} onClose={onClose} wide>
      <div className="merge-dialog">
        <PersonPicker
          label="The other person"
          hint="The duplicate to merge with (search by name, company or email)"
          value={other}
          onChange={(v) => {
            setOther(v)
            setSwap(false)
            merge.reset()
          }}
        />
        {otherId !== null && otherPerson.data && !person.isMe && !otherIsMe && (
          <fieldset className="merge-keep">
            <legend>Keep</legend>
            <label>
              <input type="radio" name="keep" checked={!swap} onChange={() => setSwap(false)} /> {person.name}
            </label>
            <label>
              <input type="radio" name="keep" checked={swap} onChange={() => setSwap(true)} /> {otherPerson.data.name}
            </label>
          </fieldset>
        )}
        {(person.isMe || otherIsMe) && otherId !== null && (
          <p className="muted">&ldquo;You&rdquo; are always the person kept.</p>
        )}
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        {plan && !preview.isError && (
          <section aria-label="What the merge does">
            <div className="grid-2">
              <Summary p={plan.keep} role="Kept" />
              <Summary p={plan.merge} role="Merged into them, then removed" />
            </div>
            <h3 className="section-title">Moves to {plan.keep.name}</h3>
            {plan.moves.length === 0 ? (
              <p className="muted">Nothing refers to {plan.merge.name}.</p>
            ) : (
              <ul aria-label="What moves">
                {plan.moves.map((m) => (
                  <li key={m.what}>
                    {m.count} {m.what}
                  </li>
                ))}
              </ul>
            )}
            {(plan.fills.length > 0 || plan.appendsNotes) && (
              <>
                <h3 className="section-title">Filled in from {plan.merge.name}</h3>
                <ul aria-label="Filled in">
                  {plan.fills.map((f) => (
                    <li key={f.field}>
                      {f.label}: {f.value}
                    </li>
                  ))}
                  {plan.appendsNotes && <li>Their notes, added below {plan.keep.name}&rsquo;s</li>}
                </ul>
              </>
            )}
            <p className="muted">
              A backup of the network is taken first, and Undo reverts the merge. {plan.merge.name} no longer appears anywhere.
            </p>
          </section>
        )}
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
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
                    toast.success(`Merged ${r.merge.name} into ${r.keep.name}. A backup was taken first (${r.backup}).`, undo)
                    onMerged(r.keep.id)
                  },
                },
              )
            }}
          >
            {plan ? `Merge into ${plan.keep.name}` : 'Merge'}
          </Button>
        </div>
      </div>
    </Dialog>
  )
}
