import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Card, Checkbox, TextArea, call, fieldError, useApi, useToast } from '../../ui'

type Table = 'people' | 'introductions' | 'interactions'

/**
 * In a chapter network: a note on this record that never reaches another
 * member, and "keep this record private" (the whole record stays with you and
 * your own laptops). Nothing is shown in a personal network.
 */
export function PrivateNote({ table, id }: { table: Table; id: string }) {
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
      if (patch.isPrivate !== undefined) toast.success(patch.isPrivate ? 'Private: other members no longer see this record.' : 'Shared with the chapter again.')
    } catch (e) {
      setError(e)
    }
  }
  const what = table === 'people' ? 'person' : table === 'introductions' ? 'introduction' : 'interaction'
  return (
    <Card title="Private to you" className="sync-private">
      <TextArea
        label="Private note (never sent to other members)"
        rows={3}
        value={text}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (draft !== null && draft !== (note.data.notes ?? '')) void save({ notes: draft })
        }}
        error={fieldError(error, 'notes')}
      />
      <Checkbox
        label={`Keep this ${what} private (only you and your own laptops)`}
        checked={note.data.isPrivate}
        onChange={(e) => void save({ isPrivate: e.target.checked })}
      />
    </Card>
  )
}
