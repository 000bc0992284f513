import { useMemo, useRef, useState } from 'react'
import { z } from 'zod'
import type { NetworkCounts } from '../../../../shared/channels/files'
import { SETTINGS } from '../../../../shared/settings'
import {
  Button, Card, ConfirmDialog, TextField, useApi, useApiMutation, useToast, call, useTranslation, useFormat, useMessage, useZodForm, serverErrorToForm,
  useTaskbarProgress, type Format,
} from '../../ui'
import { formatBytes } from './util'

const REASONS = { manual: 'manual', 'before-import': 'beforeImport', 'before-merge': 'beforeMerge', 'before-restore': 'beforeRestore' } as const

/** "Backups to keep": a whole number typed the region's way, checked by the setting's own schema. */
function keepSchema(fmt: { current: Format }) {
  return z.object({
    keep: z
      .string()
      .transform((s) => fmt.current.parseDecimal(s))
      .pipe(SETTINGS['files.keepBackups'].schema),
  })
}

export function BackupsPanel() {
  const { t } = useTranslation('files')
  const fmt = useFormat()
  const fmtRef = useRef(fmt)
  fmtRef.current = fmt
  const msg = useMessage()
  const toast = useToast()
  const list = useApi('files:listBackups', {})
  const backup = useApiMutation('files:backupNow')
  const setKeep = useApiMutation('files:setKeepBackups')
  const restore = useApiMutation('files:restoreBackup')
  const [confirm, setConfirm] = useState<{ name: string; current: NetworkCounts; inBackup: NetworkCounts; createdAt: string } | null>(null)
  useTaskbarProgress('files:restore', restore.isPending)
  const schema = useMemo(() => keepSchema(fmtRef), [])
  const form = useZodForm(schema, { values: { keep: list.data ? fmt.decimalText(list.data.keep) : '' } })
  const counts = (c: NetworkCounts) =>
    t('backups.counts', { people: fmt.number(c.people), introductions: fmt.number(c.introductions), interactions: fmt.number(c.interactions), groups: fmt.number(c.groups) })
  const reason = (r: string) => (r in REASONS ? t(`backups.reasons.${REASONS[r as keyof typeof REASONS]}`) : r)

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
      title={t('backups.title')}
      actions={
        <Button variant="primary" busy={backup.isPending} onClick={() => backup.mutate({}, { onSuccess: (b) => toast.success(t('backups.saved', { name: b.name })), onError: (e) => toast.error(e) })}>
          {t('backups.now')}
        </Button>
      }
    >
      <p className="muted files-hint">
        {t('backups.hint')} {list.data && t('backups.dir', { dir: list.data.dir })}
      </p>
      <form
        className="toolbar"
        noValidate
        onSubmit={form.handleSubmit(({ keep }) =>
          setKeep.mutate(
            { keep },
            {
              onSuccess: () => toast.success(t('backups.keeping', { count: keep })),
              onError: (e) => {
                if (!serverErrorToForm(form, e)) toast.error(e)
              },
            },
          ),
        )}
      >
        <TextField label={t('backups.keep')} inputMode="numeric" {...form.register('keep')} error={msg(form.formState.errors.keep?.message)} />
        <Button type="submit" busy={setKeep.isPending}>
          {t('backups.save')}
        </Button>
      </form>
      {list.data && list.data.backups.length === 0 && <p className="muted">{t('backups.none')}</p>}
      {list.data && list.data.backups.length > 0 && (
        <table className="files-backups">
          <thead>
            <tr>
              <th>{t('backups.taken')}</th>
              <th>{t('backups.why')}</th>
              <th className="num">{t('backups.size')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.backups.map((b) => (
              <tr key={b.name}>
                <td title={b.name}>{fmt.moment(b.createdAt)}</td>
                <td>{reason(b.reason)}</td>
                <td className="num">{formatBytes(b.size, t, fmt)}</td>
                <td>
                  <Button small onClick={() => void askRestore(b.name)}>
                    {t('backups.restore')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirm && (
        <ConfirmDialog
          title={t('backups.confirmTitle')}
          message={
            <div className="stack">
              <p>{t('backups.confirmText', { when: fmt.moment(confirm.createdAt) })}</p>
              <p>
                <strong>{t('backups.now_label')}</strong> {counts(confirm.current)}
                <br />
                <strong>{t('backups.inBackup')}</strong> {counts(confirm.inBackup)}
              </p>
              <p className="muted">{t('backups.undoable')}</p>
            </div>
          }
          confirmLabel={t('backups.replace')}
          busy={restore.isPending}
          onCancel={() => setConfirm(null)}
          onConfirm={() =>
            restore.mutate(
              { name: confirm.name, confirm: true },
              {
                onSuccess: (r) => {
                  toast.success(t('backups.restored', { counts: counts(r.restored) }))
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
