import { useId, useState } from 'react'
import { fieldError, useApi, useApiMutation } from '../../ui/api'
import { Dialog } from '../../ui/Dialog'
import { MessageEditor } from './Composer'
import { PersonPicker, type ExistingPerson as PickedPerson } from '../../ui/PersonPicker'
import { usableAddresses, type Draft } from './mail'
import { useDraft } from './useDraft'
import { MissingValues } from './MissingValues'

type Answer = 'yes' | 'no' | null

const CHECKS = [
  { key: 'needsService', question: (p: string) => `Does this person need what ${p} offers?` },
  { key: 'fitsProfile', question: (p: string) => `Do they fit ${p}'s ideal client?` },
  { key: 'accepted', question: () => 'Did they agree to be introduced?' },
] as const
type CheckKey = (typeof CHECKS)[number]['key']

function usePicked(id: string | undefined): PickedPerson | null {
  const q = useApi('people:get', { id: id ?? '' }, { enabled: !!id })
  return q.data ? { id: q.data.id, name: q.data.name, company: q.data.company } : null
}

/**
 * Giving a referral: the three checks first (only three yeses continue), then the
 * introduction email drafted from the template, sent via the mail app or copied,
 * and recorded as an introduction you gave to the partner.
 */
export function MakeIntroductionDialog(props: { partnerId?: string; prospectId?: string; onClose: () => void; onDone?: () => void }) {
  const initPartner = usePicked(props.partnerId)
  const initProspect = usePicked(props.prospectId)
  const [partnerSel, setPartner] = useState<PickedPerson | null | undefined>(undefined)
  const [prospectSel, setProspect] = useState<PickedPerson | null | undefined>(undefined)
  const partner = partnerSel === undefined ? initPartner : partnerSel
  const prospect = prospectSel === undefined ? initProspect : prospectSel
  const [answers, setAnswers] = useState<Record<CheckKey, Answer>>({ needsService: null, fitsProfile: null, accepted: null })
  const [common, setCommon] = useState('')
  const [step, setStep] = useState<1 | 2>(1)
  const [edit, setEdit] = useState<Draft | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const commonId = useId()
  const baseId = useId()
  const pair = partner && prospect ? { partnerId: partner.id, prospectId: prospect.id } : partner ? { partnerId: partner.id } : null
  const { draft, context, missing } = useDraft('introduction', pair, common)
  const make = useApiMutation('followup:makeIntroduction')
  const lead = useApiMutation('followup:saveLead')

  const allYes = CHECKS.every((c) => answers[c.key] === 'yes')
  const anyNo = CHECKS.some((c) => answers[c.key] === 'no')
  const ready = !!partner && !!prospect
  const pName = partner?.name ?? 'the partner'
  const checks = { needsService: answers.needsService === 'yes', fitsProfile: answers.fitsProfile === 'yes', accepted: answers.accepted === 'yes' }
  const to = usableAddresses([context?.prospect?.email, context?.partner?.email])
  const noEmail = [context?.prospect, context?.partner].filter((p) => p && !usableAddresses([p.email]).length).map((p) => p!.name)
  const current = edit ?? draft

  const finish = (msg: string) => {
    setSaved(msg)
    props.onDone?.()
  }

  if (saved)
    return (
      <Dialog title="Make an introduction" onClose={props.onClose}>
        <p role="status">{saved}</p>
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={props.onClose}>
            Close
          </button>
        </div>
      </Dialog>
    )

  return (
    <Dialog title={step === 1 ? 'Make an introduction: check first' : 'Make an introduction: the email'} onClose={props.onClose} wide>
      {step === 1 ? (
        <div className="stack">
          <div className="grid-2">
            <PersonPicker label="Partner (who gets the referral)" value={partner} onChange={(p) => setPartner(p)} exclude={[prospect?.id]} excludeMe error={fieldError(lead.error, 'partnerId')} />
            <PersonPicker label="Person to introduce" value={prospect} onChange={(p) => setProspect(p)} exclude={[partner?.id]} excludeMe error={fieldError(lead.error, 'prospectId')} />
          </div>
          {context?.partner && (
            <div className="fu-partner card">
              <strong>{context.partner.name}</strong>
              <span className="muted">
                {[context.partner.profession, context.partner.company].filter(Boolean).join(' · ') || 'No profession or company on record'}
              </span>
              <div>
                <span className="field-label">Ideal client: </span>
                {context.partner.idealClient ?? <em className="muted">not on record; ask {context.partner.name} who they want to meet</em>}
              </div>
            </div>
          )}
          <fieldset>
            <legend>The three checks</legend>
            {CHECKS.map((c) => (
              <div className="fu-check" key={c.key} role="radiogroup" aria-label={c.question(pName)}>
                <span>{c.question(pName)}</span>
                {(['yes', 'no'] as const).map((v) => (
                  <label className="checkbox" key={v}>
                    <input
                      type="radio"
                      name={`${baseId}-${c.key}`}
                      value={v}
                      checked={answers[c.key] === v}
                      onChange={() => setAnswers({ ...answers, [c.key]: v })}
                    />
                    {v === 'yes' ? 'Yes' : 'No'}
                  </label>
                ))}
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={commonId}>What they have in common (optional, goes into the email)</label>
            <input id={commonId} value={common} onChange={(e) => setCommon(e.target.value)} />
          </div>
          {anyNo ? (
            <div className="fu-warning" role="status">
              Not an introduction yet: an introduction is only worth making when all three answers are yes. You can keep this person as a lead for{' '}
              {pName} and come back when things change.
            </div>
          ) : !allYes ? (
            <p className="muted" role="status">
              Answer the three questions to continue.
            </p>
          ) : null}
          {lead.error && !fieldError(lead.error, 'partnerId') && !fieldError(lead.error, 'prospectId') && <div className="form-error">{lead.error.message}</div>}
          <div className="form-actions">
            <button type="button" className="btn" onClick={props.onClose}>
              Cancel
            </button>
            {anyNo && (
              <button
                type="button"
                className="btn"
                disabled={!ready || lead.isPending}
                onClick={() =>
                  partner &&
                  prospect &&
                  lead.mutate(
                    { partnerId: partner.id, prospectId: prospect.id, ...checks },
                    { onSuccess: () => finish(`Saved ${prospect.name} as a lead for ${partner.name} (not an introduction).`) },
                  )
                }
              >
                Save as a lead (not an introduction)
              </button>
            )}
            <button type="button" className="btn btn-primary" disabled={!ready || !allYes} onClick={() => setStep(2)}>
              Continue to the email
            </button>
          </div>
        </div>
      ) : (
        <div className="stack">
          {!edit && <MissingValues missing={missing} context={context} onCommon={setCommon} />}
          {current ? <MessageEditor to={to} missingTo={noEmail} draft={current} missing={missing} onChange={setEdit} /> : <p className="muted">Drafting…</p>}
          {make.error && <div className="form-error">{make.error.message}</div>}
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => setStep(1)}>
              Back
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
                  { onSuccess: () => finish(`Recorded: you introduced ${prospect.name} to ${partner.name}.`) },
                )
              }
            >
              Record the introduction
            </button>
          </div>
        </div>
      )}
    </Dialog>
  )
}
