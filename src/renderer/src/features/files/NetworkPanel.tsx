import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { MergeResult } from '../../../../shared/channels/files'
import { ApiError, Button, Card, ConfirmDialog, TextField, Trans, call, fieldError, useApi, useFormat, useMessage, useToast, useTranslation } from '../../ui'
import { readFileBase64 } from './util'
import { MergeConflicts, type MergeChoices } from './MergeConflicts'

/** A save-a-copy name that already exists: replaced only after the user says so. */
interface Replace {
  name: string
  file: string
}

export function NetworkPanel() {
  const { t } = useTranslation('files')
  const msg = useMessage()
  const fmt = useFormat()
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
      toast.success(t('network.copied', { path: r.path }))
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

  const errorOf = (key: string) => (err && err.key === key && busy === null ? msg(fieldError(err.error, 'name')) : undefined)

  return (
    <div className="stack">
      <Card title={t('network.title')}>
        <p>
          <Trans t={t} i18nKey="network.open" values={{ name: info.data?.name ?? '', file: info.data?.file ?? '' }} components={{ b: <strong />, muted: <span className="muted" /> }} />
        </p>
        <p className="muted files-hint">
          {dialogs ? t('network.hintDialogs') : t('network.hintFolder')}
        </p>
        {dialogs && (
          <div className="row files-network-dialogs">
            <Button busy={busy === 'open-dialog'} onClick={() => void act('open-dialog', async () => t('network.opened', { name: (await call('files:openNetwork', {})).name }))}>
              {t('network.openDialog')}
            </Button>
            <Button busy={busy === 'new-dialog'} onClick={() => void act('new-dialog', async () => t('network.created', { name: (await call('files:newNetwork', {})).name }))}>
              {t('network.newDialog')}
            </Button>
            <Button busy={busy === 'copy-dialog'} onClick={() => void act('copy-dialog', async () => t('network.copied', { path: (await call('files:saveCopy', {})).path }))}>
              {t('network.copyDialog')}
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
                      <span className="muted">{t('network.isOpen')}</span>
                    ) : (
                      <Button small busy={busy === `open:${f}`} onClick={() => void act(`open:${f}`, async () => t('network.opened', { name: (await call('files:openNetwork', { name: f })).name }))}>
                        {t('network.openButton')}
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
                void act('new', async () => t('network.created', { name: (await call('files:newNetwork', { name: newName.trim() })).name }))
              }}
            >
              <TextField label={t('network.newNetwork')} placeholder={t('network.name')} value={newName} onChange={(e) => setNewName(e.target.value)} error={errorOf('new')} />
              <Button type="submit" busy={busy === 'new'} disabled={!newName.trim()}>
                {t('network.create')}
              </Button>
            </form>
            <form
              className="toolbar"
              onSubmit={(e) => {
                e.preventDefault()
                void saveCopy(copyName.trim())
              }}
            >
              <TextField label={t('network.saveCopyAs')} placeholder={t('network.name')} value={copyName} onChange={(e) => setCopyName(e.target.value)} error={errorOf('copy')} />
              <Button type="submit" busy={busy === 'copy'} disabled={!copyName.trim()}>
                {t('network.saveCopy')}
              </Button>
            </form>
          </div>
      </Card>
      {replace && (
        <ConfirmDialog
          title={t('network.replaceTitle', { file: replace.file })}
          message={
            <p>
              <Trans t={t} i18nKey="network.replaceText" values={{ file: replace.file }} components={{ b: <strong /> }} />
            </p>
          }
          confirmLabel={t('network.replace')}
          busy={busy === 'replace'}
          onCancel={() => setReplace(null)}
          onConfirm={() =>
            void act('replace', async () => {
              const r = await call('files:saveCopy', { name: replace.name, overwrite: true })
              setReplace(null)
              return t('network.replaced', { name: r.name })
            })
          }
        />
      )}

      <Card title={t('network.mergeTitle')}>
        <p className="muted files-hint">{t('network.mergeHint')}</p>
        <div className="field">
          <label className="field-label" htmlFor="files-merge-input">
            {t('network.mergeFile')}
          </label>
          <input
            id="files-merge-input"
            type="file"
            accept=".json,.referralmap,application/json"
            onChange={async (e) => {
              const f = e.target.files?.[0]
              if (!f) return
              const data = await readFileBase64(f, t('readError'))
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
              <Trans
                t={t}
                i18nKey="network.mergeSummary"
                values={{
                  name: merge.name,
                  peopleAdded: fmt.number(merge.result.peopleAdded),
                  peopleMatched: fmt.number(merge.result.peopleMatched),
                  introductionsAdded: fmt.number(merge.result.introductionsAdded),
                  already: fmt.number(merge.result.introductionsAlreadyThere),
                  groupsAdded: fmt.number(merge.result.groupsAdded),
                  interactionsAdded: fmt.number(merge.result.interactionsAdded),
                }}
                components={{ b: <strong /> }}
              />
            </p>
            {merge.result.conflicts.length > 0 && (
              <>
                <p>{t('network.conflicts', { count: merge.result.conflicts.length })}</p>
                <MergeConflicts conflicts={merge.result.conflicts} choices={mergeChoices} onChange={setMergeChoices} />
              </>
            )}
            <div className="row">
              <Button onClick={() => setMerge(null)}>{t('network.cancel')}</Button>
              <Button
                variant="primary"
                busy={busy === 'merge'}
                onClick={() =>
                  void act('merge', async () => {
                    const r = await call('files:mergeNetwork', { data: merge.data, fileName: merge.name, onConflict: 'keepMine', choices: mergeChoices })
                    setMerge(null)
                    return t('network.merged', { people: fmt.number(r.peopleAdded), introductions: fmt.number(r.introductionsAdded) })
                  })
                }
              >
                {Object.values(mergeChoices).some((f) => Object.values(f).some((v) => v !== 'mine')) ? t('network.mergeChoices') : t('network.mergeKeepMine')}
              </Button>
              {merge.result.conflicts.length > 0 && (
                <Button
                  busy={busy === 'merge-theirs'}
                  onClick={() =>
                    void act('merge-theirs', async () => {
                      const r = await call('files:mergeNetwork', { data: merge.data, fileName: merge.name, onConflict: 'takeTheirs' })
                      setMerge(null)
                      return t('network.mergedTheirs', { people: fmt.number(r.peopleAdded), introductions: fmt.number(r.introductionsAdded) })
                    })
                  }
                >
                  {t('network.mergeTakeTheirs')}
                </Button>
              )}
            </div>
          </div>
        )}
      </Card>
    </div>
  )
}
