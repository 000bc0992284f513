import type { MergeChoice, MergeConflict } from '../../../../shared/channels/files'
import { FIELD_LABELS } from './util'

/** Per conflicting record id, per field. */
export type MergeChoices = Record<string, Record<string, MergeChoice>>

const COLUMN_LABELS: Record<string, string> = {
  ideal_client: FIELD_LABELS.idealClient!, how_met: FIELD_LABELS.howMet!, cadence_days: 'Follow-up every (days)', referrer_id: 'Referrer',
  receiver_id: 'Receiver', prospect_id: 'Prospect', status_date: 'Status date', value_minor: 'Value (cents)',
}
const label = (field: string) => COLUMN_LABELS[field] ?? FIELD_LABELS[field] ?? field.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())

/**
 * What differs between the user's records and the merged file's, both values side by side, with a choice per field:
 * keep mine (the default), take theirs, or (notes only) keep both.
 */
export function MergeConflicts({ conflicts, choices, onChange }: { conflicts: MergeConflict[]; choices: MergeChoices; onChange: (next: MergeChoices) => void }) {
  const rows = conflicts.filter((c) => c.values.length > 0)
  const unplaced = conflicts.filter((c) => c.values.length === 0)
  const set = (id: string, field: string, v: MergeChoice) => onChange({ ...choices, [id]: { ...choices[id], [field]: v } })
  return (
    <div className="stack">
      <table className="files-merge-table" aria-label="Differences">
        <thead>
          <tr>
            <th>Record</th>
            <th>Field</th>
            <th>Yours</th>
            <th>In the file</th>
            <th>Keep</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 100).flatMap((c) =>
            c.values.map((v, i) => (
              <tr key={`${c.id}:${v.field}`}>
                <td>{i === 0 ? <strong>{c.label}</strong> : null}</td>
                <td>{label(v.field)}</td>
                <td className="files-merge-value">{v.mine ?? <span className="muted">empty</span>}</td>
                <td className="files-merge-value">{v.theirs ?? <span className="muted">empty</span>}</td>
                <td>
                  <select
                    className="input"
                    aria-label={`Keep for ${c.label}, ${label(v.field)}`}
                    value={choices[c.id]?.[v.field] ?? 'mine'}
                    onChange={(e) => set(c.id, v.field, e.target.value as MergeChoice)}
                  >
                    <option value="mine">Mine</option>
                    <option value="theirs">Theirs</option>
                    {v.field === 'notes' && <option value="both">Both (theirs below mine)</option>}
                  </select>
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      {rows.length > 100 && <p className="muted">Showing the first 100 records that differ; the others keep yours.</p>}
      {unplaced.length > 0 && (
        <p className="muted">
          {unplaced.length} {unplaced.length === 1 ? 'introduction refers' : 'introductions refer'} to people missing from the file and will not be
          added.
        </p>
      )}
    </div>
  )
}
