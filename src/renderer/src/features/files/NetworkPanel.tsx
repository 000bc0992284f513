import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { MergeResult } from '../../../../shared/channels/files'
import { ApiError, Button, Card, ConfirmDialog, TextField, call, fieldError, useApi, useToast } from '../../ui'
import { readFileBase64 } from './util'
import { MergeConflicts, type MergeChoices } from './MergeConflicts'

/** A save-a-copy name that already exists: replaced only after the user says so. */
interface Replace {
  name: string
  file: string
}

export function NetworkPanel() {
  const qc = useQueryClient()
  const toast = useToast()
  const info = useApi('files:network', {})
  const [newName, setNewName] = useState('')
  const [copyName, setCopyName] = useState('')
  const [err, setErr] = useState<{ key: string; error: unknown } | null>(null)
  const [replace, setReplace] = useState<Replace | null>(null)
  const [merge, setMerge] = useState<{ name: string; data: string; result: MergeResult } | null>(null)
  const [mergeChoices, setMergeChoices] = useState<MergeChoices>({})
  const [busy, setBusy] = useState<string | null>(null)
  const dialogs = info.data?.dialogs ?? false

  async function act(key: string, fn: () => Promise<string>) {
    setBusy(key)
    setErr(null)
    try {
      toast.success(await fn())
      await qc.invalidateQueries()
    } catch (e) {
      // A dialog the user closed is not an error.
      if (e instanceof ApiError && e.code === 'CANCELLED') return
      setErr({ key, error: e })
      toast.error(e)
    } finally {
      setBusy(null)
    }
  }

  async function saveCopy(name: string) {
    setBusy('copy')
    setErr(null)
    try {
      const r = await call('files:saveCopy', { name })
      toast.success(`Saved a copy as ${r.path}`)
      await qc.invalidateQueries()
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT' && typeof (e.details as { exists?: unknown } | undefined)?.exists === 'string') {
        setReplace({ name, file: (e.details as { exists: string }).exists })
      } else {
        setErr({ key: 'copy', error: e })
        toast.error(e)
      }
    } finally {
      setBusy(null)
    }
  }

  const errorOf = (key: string) => (err && err.key === key && busy === null ? fieldError(err.error, 'name') : undefined)

  return (
    <div className="stack">
      <Card title="Network files">
        <p>
          Open network: <strong>{info.data?.name}</strong> <span className="muted">({info.data?.file})</span>
        </p>
        <p className="muted files-hint">
          A network is one file (.referralmap).{' '}
          {dialogs
            ? 'Pick a file anywhere with the buttons below (or File › New network, Open network…, Save a copy as…), or use a name in the app\u2019s data folder.'
            : 'Here you can use networks in the app\u2019s data folder, by name.'}
        </p>
        {dialogs && (
          <div className="row files-network-dialogs">
            <Button busy={busy === 'open-dialog'} onClick={() => void act('open-dialog', async () => `Opened ${(await call('files:openNetwork', {})).name}`)}>
              Open network…
            </Button>
            <Button busy={busy === 'new-dialog'} onClick={() => void act('new-dialog', async () => `Created and opened ${(await call('files:newNetwork', {})).name}`)}>
              New network…
            </Button>
            <Button busy={busy === 'copy-dialog'} onClick={() => void act('copy-dialog', async () => `Saved a copy as ${(await call('files:saveCopy', {})).path}`)}>
              Save a copy as…
            </Button>
          </div>
        )}
        {info.data && info.data.available.length > 0 && (
          <table className="files-networks">
            <tbody>
              {info.data.available.map((f) => (
                <tr key={f}>
                  <td>{f}</td>
                  <td>
                    {info.data.file.endsWith(f) ? (
                      <span className="muted">open</span>
                    ) : (
                      <Button small busy={busy === `open:${f}`} onClick={() => void act(`open:${f}`, async () => `Opened ${(await call('files:openNetwork', { name: f })).name}`)}>
                        Open
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
          <div className="files-network-forms">
            <form
              className="toolbar"
              onSubmit={(e) => {
                e.preventDefault()
                void act('new', async () => `Created and opened ${(await call('files:newNetwork', { name: newName.trim() })).name}`)
              }}
            >
              <TextField label="New network" placeholder="name" value={newName} onChange={(e) => setNewName(e.target.value)} error={errorOf('new')} />
              <Button type="submit" busy={busy === 'new'} disabled={!newName.trim()}>
                Create
              </Button>
            </form>
            <form
              className="toolbar"
              onSubmit={(e) => {
                e.preventDefault()
                void saveCopy(copyName.trim())
              }}
            >
              <TextField label="Save a copy as" placeholder="name" value={copyName} onChange={(e) => setCopyName(e.target.value)} error={errorOf('copy')} />
              <Button type="submit" busy={busy === 'copy'} disabled={!copyName.trim()}>
                Save copy
              </Button>
            </form>
          </div>
      </Card>
      {replace && (
        <ConfirmDialog
          title={`Replace ${replace.file}?`}
          message={
            <p>
              <strong>{replace.file}</strong> already exists in the data folder. Replacing it puts a copy of this network in its place; what that file
              holds now is lost.
            </p>
          }
          confirmLabel="Replace"
          busy={busy === 'replace'}
          onCancel={() => setReplace(null)}
          onConfirm={() =>
            void act('replace', async () => {
              const r = await call('files:saveCopy', { name: replace.name, overwrite: true })
              setReplace(null)
              return `Replaced ${r.name} with a copy of this network`
            })
          }
        />
      )}

      <Card title="Merge a network">
        <p className="muted files-hint">
          Bring in a network someone else exported (the JSON export or a .referralmap file). People are matched on email or name and company;
          introductions already here are recognised by id. Nothing of yours is overwritten unless you say so.
        </p>
        <div className="field">
          <label className="field-label" htmlFor="files-merge-input">
            Network file
          </label>
          <input
            id="files-merge-input"
            type="file"
            accept=".json,.referralmap,application/json"
            onChange={async (e) => {
              const f = e.target.files?.[0]
              if (!f) return
              const data = await readFileBase64(f)
              try {
                const result = await call('files:mergeNetwork', { data, fileName: f.name, dryRun: true })
                setMerge({ name: f.name, data, result })
                setMergeChoices({})
              } catch (x) {
                toast.error(x)
                setMerge(null)
              }
            }}
          />
        </div>
        {merge && (
          <div className="stack files-merge">
            <p>
              <strong>{merge.name}</strong>: {merge.result.peopleAdded} new people, {merge.result.peopleMatched} matched to people you have,{' '}
              {merge.result.introductionsAdded} new introductions ({merge.result.introductionsAlreadyThere} already here), {merge.result.groupsAdded} new
              groups, {merge.result.interactionsAdded} interactions.
            </p>
            {merge.result.conflicts.length > 0 && (
              <>
                <p>
                  {merge.result.conflicts.length} {merge.result.conflicts.length === 1 ? 'record differs' : 'records differ'} from what you have.
                  Yours are kept unless you choose otherwise, field by field. (Taking theirs on all conflicts keeps your names and puts
                  their notes below yours.)
                </p>
                <MergeConflicts conflicts={merge.result.conflicts} choices={mergeChoices} onChange={setMergeChoices} />
              </>
            )}
            <div className="row">
              <Button onClick={() => setMerge(null)}>Cancel</Button>
              <Button
                variant="primary"
                busy={busy === 'merge'}
                onClick={() =>
                  void act('merge', async () => {
                    const r = await call('files:mergeNetwork', { data: merge.data, fileName: merge.name, onConflict: 'keepMine', choices: mergeChoices })
                    setMerge(null)
                    return `Merged: ${r.peopleAdded} people and ${r.introductionsAdded} introductions added`
                  })
                }
              >
                {Object.values(mergeChoices).some((f) => Object.values(f).some((v) => v !== 'mine')) ? 'Merge with my choices' : 'Merge, keep mine'}
              </Button>
              {merge.result.conflicts.length > 0 && (
                <Button
                  busy={busy === 'merge-theirs'}
                  onClick={() =>
                    void act('merge-theirs', async () => {
                      const r = await call('files:mergeNetwork', { data: merge.data, fileName: merge.name, onConflict: 'takeTheirs' })
                      setMerge(null)
                      return `Merged (theirs on conflicts): ${r.peopleAdded} people and ${r.introductionsAdded} introductions added`
                    })
                  }
                >
                  Merge, take theirs on conflicts
                </Button>
              )}
            </div>
          </div>
        )}
      </Card>
    </div>
  )
}
