import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Card, Checkbox, TextArea, call, fieldError, useApi, useMessage, useToast, useTranslation } from '../../ui'

type Table = 'people' | 'introductions' | 'interactions'

/**
 * In a chapter network: a note on this record that never reaches another
 * member, and "keep this record private" (the whole record stays with you and
 * your own laptops). Nothing is shown in a personal network.
 */
export function PrivateNote({ table, id }: { table: Table; id: string }) {
  const { t } = useTranslation('sync')
  const msg = useMessage()
  const status = useApi('sync:status', {})
  const joined = status.data?.joined === true
  const note = useApi('sync:privateNote', { table, id }, { enabled: joined })
  const qc = useQueryClient()
  const toast = useToast()
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  if (!joined || !note.data) return null
  const text = draft ?? note.data.notes ?? ''
  async function save(patch: { notes?: string | null; isPrivate?: boolean }) {
    setError(null)
    try {
      await call('sync:setPrivateNote', { table, id, ...patch })
      setDraft(null)
      await qc.invalidateQueries({ queryKey: ['sync:privateNote'] })
      await qc.invalidateQueries({ queryKey: ['sync:status'] })
      if (patch.isPrivate !== undefined) toast.success(patch.isPrivate ? t('private.madePrivate') : t('private.shared'))
    } catch (e) {
      setError(e)
    }
  }
  return (
    <Card title={t('private.title')} className="sync-private">
      <TextArea
        label={t('private.note')}
        rows={3}
        value={text}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (draft !== null && draft !== (note.data.notes ?? '')) void save({ notes: draft })
        }}
        error={msg(fieldError(error, 'notes'))}
      />
      <Checkbox
        label={t(`private.keep.${table}`)}
        checked={note.data.isPrivate}
        onChange={(e) => void save({ isPrivate: e.target.checked })}
      />
    </Card>
  )
}
