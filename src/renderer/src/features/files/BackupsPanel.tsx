import { useState } from 'react'
import type { NetworkCounts } from '../../../../shared/channels/files'
import { Button, Card, ConfirmDialog, TextField, useApi, useApiMutation, useToast, call, fieldError } from '../../ui'
import { formatBytes } from './util'

const REASONS: Record<string, string> = {
  manual: 'Backup now',
  'before-import': 'Before an import',
  'before-merge': 'Before a merge',
  'before-restore': 'Before a restore',
}

function counts(c: NetworkCounts): string {
  return `${c.people} people, ${c.introductions} introductions, ${c.interactions} interactions, ${c.groups} groups`
}

export function BackupsPanel() {
  const toast = useToast()
  const list = useApi('files:listBackups', {})
  const backup = useApiMutation('files:backupNow')
  const setKeep = useApiMutation('files:setKeepBackups')
  const restore = useApiMutation('files:restoreBackup')
  const [keep, setKeepText] = useState<string | null>(null)
  const [confirm, setConfirm] = useState<{ name: string; current: NetworkCounts; inBackup: NetworkCounts; createdAt: string } | null>(null)

  async function askRestore(name: string) {
    try {
      const p = await call('files:restorePreview', { name })
      setConfirm({ name, current: p.current, inBackup: p.inBackup, createdAt: p.backup.createdAt })
    } catch (e) {
      toast.error(e)
    }
  }

  return (
    <Card
      title="Backups"
      actions={
        <Button variant="primary" busy={backup.isPending} onClick={() => backup.mutate({}, { onSuccess: (b) => toast.success(`Backup saved: ${b.name}`), onError: (e) => toast.error(e) })}>
          Back up now
        </Button>
      }
    >
      <p className="muted files-hint">
        A backup is a full copy of the network taken with SQLite&apos;s online backup. One is taken automatically before every import, merge and
        restore: those cannot be undone with Undo, so the backup is the way back (when one of those fails, nothing changed and its backup is
        removed again). The list shows this network&apos;s backups; &quot;backups to keep&quot; counts them for this network only, so work in one
        network never removes another&apos;s. {list.data && <>Backups are kept in {list.data.dir}.</>}
      </p>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault()
          const n = Number(keep ?? list.data?.keep)
          setKeep.mutate({ keep: n }, { onSuccess: () => toast.success(`Keeping the newest ${n} backups`) })
        }}
      >
        <TextField
          label="Backups to keep"
          type="number"
          min={1}
          max={500}
          value={keep ?? String(list.data?.keep ?? '')}
          onChange={(e) => setKeepText(e.target.value)}
          error={fieldError(setKeep.error, 'keep')}
        />
        <Button type="submit" busy={setKeep.isPending}>
          Save
        </Button>
      </form>
      {list.data && list.data.backups.length === 0 && <p className="muted">No backups yet.</p>}
      {list.data && list.data.backups.length > 0 && (
        <table className="files-backups">
          <thead>
            <tr>
              <th>Taken</th>
              <th>Why</th>
              <th className="num">Size</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.backups.map((b) => (
              <tr key={b.name}>
                <td title={b.name}>{new Date(b.createdAt).toLocaleString()}</td>
                <td>{REASONS[b.reason] ?? b.reason}</td>
                <td className="num">{formatBytes(b.size)}</td>
                <td>
                  <Button small onClick={() => void askRestore(b.name)}>
                    Restore…
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirm && (
        <ConfirmDialog
          title="Restore this backup?"
          message={
            <div className="stack">
              <p>
                Everything in the open network will be replaced by the backup from {new Date(confirm.createdAt).toLocaleString()}.
              </p>
              <p>
                <strong>Now:</strong> {counts(confirm.current)}
                <br />
                <strong>In the backup:</strong> {counts(confirm.inBackup)}
              </p>
              <p className="muted">The current state is backed up first, so this can be undone.</p>
            </div>
          }
          confirmLabel="Replace with backup"
          busy={restore.isPending}
          onCancel={() => setConfirm(null)}
          onConfirm={() =>
            restore.mutate(
              { name: confirm.name, confirm: true },
              {
                onSuccess: (r) => {
                  toast.success(`Restored: ${counts(r.restored)}`)
                  setConfirm(null)
                },
                onError: (e) => toast.error(e),
              },
            )
          }
        />
      )}
    </Card>
  )
}
