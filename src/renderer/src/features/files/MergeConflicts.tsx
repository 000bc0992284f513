import type { MergeChoice, MergeConflict } from '../../../../shared/channels/files'
import type { TFunction } from 'i18next'
import { useTranslation } from '../../ui'
import { fieldLabel } from './util'

/** Per conflicting record id, per field. */
export type MergeChoices = Record<string, Record<string, MergeChoice>>

const COLUMN_FIELDS: Record<string, string> = { ideal_client: 'idealClient', how_met: 'howMet' }
const COLUMNS = ['cadence_days', 'referrer_id', 'receiver_id', 'prospect_id', 'status_date', 'value_minor'] as const
type Column = (typeof COLUMNS)[number]

/** A stored column's name for people: the catalogue's, else the column with spaces ("first_seen" -> "First seen"). */
function label(t: TFunction<'files'>, field: string): string {
  if ((COLUMNS as readonly string[]).includes(field)) return t(`merge.columns.${field as Column}`)
  const asField = COLUMN_FIELDS[field] ?? field
  const known = fieldLabel(t, asField)
  return known !== asField ? known : field.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())
}

/**
 * What differs between the user's records and the merged file's, both values side by side, with a choice per field:
 * keep mine (the default), take theirs, or (notes only) keep both.
 */
export function MergeConflicts({ conflicts, choices, onChange }: { conflicts: MergeConflict[]; choices: MergeChoices; onChange: (next: MergeChoices) => void }) {
  const { t } = useTranslation('files')
  const rows = conflicts.filter((c) => c.values.length > 0)
  const unplaced = conflicts.filter((c) => c.values.length === 0)
  const set = (id: string, field: string, v: MergeChoice) => onChange({ ...choices, [id]: { ...choices[id], [field]: v } })
  return (
    <div className="stack">
      <table className="files-merge-table" aria-label={t('merge.differences')}>
        <thead>
          <tr>
            <th>{t('merge.record')}</th>
            <th>{t('merge.field')}</th>
            <th>{t('merge.yours')}</th>
            <th>{t('merge.inFile')}</th>
            <th>{t('merge.keep')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 100).flatMap((c) =>
            c.values.map((v, i) => (
              <tr key={`${c.id}:${v.field}`}>
                <td>{i === 0 ? <strong>{c.label}</strong> : null}</td>
                <td>{label(t, v.field)}</td>
                <td className="files-merge-value">{v.mine ?? <span className="muted">{t('merge.empty')}</span>}</td>
                <td className="files-merge-value">{v.theirs ?? <span className="muted">{t('merge.empty')}</span>}</td>
                <td>
                  <select
                    className="input"
                    aria-label={t('merge.keepFor', { record: c.label, field: label(t, v.field) })}
                    value={choices[c.id]?.[v.field] ?? 'mine'}
                    onChange={(e) => set(c.id, v.field, e.target.value as MergeChoice)}
                  >
                    <option value="mine">{t('merge.mine')}</option>
                    <option value="theirs">{t('merge.theirs')}</option>
                    {v.field === 'notes' && <option value="both">{t('merge.both')}</option>}
                  </select>
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      {rows.length > 100 && <p className="muted">{t('merge.first100')}</p>}
      {unplaced.length > 0 && (
        <p className="muted">{t('merge.unplaced', { count: unplaced.length })}</p>
      )}
    </div>
  )
}
