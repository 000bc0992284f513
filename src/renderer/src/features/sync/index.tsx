import { useEffect, useRef, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { ConflictItem, DuplicateIntro, SyncStatus } from '../../../../shared/channels/sync'
import { INTRO_STATUSES, type IntroStatus } from '../../../../shared/schemas'
import { syncChannels } from '../../../../shared/channels/sync'
import en from '../../../../shared/i18n/en/sync'
import { Button, Dialog, TextArea, call, errorMessage, useApi, useToast, EmptyState } from '../../ui'
import { useStatusLabel } from '../../ui/bits'
import { Trans, useFormat, useMessage, useTranslation, type Format } from '../../ui/i18n'
import { serverErrorToForm, useZodForm } from '../../ui/form'
import './sync.css'

export { ChapterReport } from './ChapterReport'
export { PrivateNote } from './PrivateNote'

/** How long ago a sync was: never, just now, minutes, hours, or (older) the date and time. */
export type Ago = { kind: 'never' | 'now' } | { kind: 'minutes' | 'hours'; count: number } | { kind: 'moment'; iso: string }

export function ago(iso: string | null, now = Date.now()): Ago {
  if (!iso) return { kind: 'never' }
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000))
  if (s < 45) return { kind: 'now' }
  if (s < 3600) return { kind: 'minutes', count: Math.max(1, Math.round(s / 60)) }
  if (s < 86_400) return { kind: 'hours', count: Math.round(s / 3600) }
  return { kind: 'moment', iso }
}

/** "just now", "5 min ago", "3 h ago", or the date, in the user's language and region. */
export function useAgoText(): (iso: string | null, now?: number) => string {
  const { t } = useTranslation('sync')
  const fmt = useFormat()
  return (iso, now) => agoText(ago(iso, now), t, fmt)
}

function agoText(a: Ago, t: ReturnType<typeof useTranslation<'sync'>>['t'], fmt: Format): string {
  switch (a.kind) {
    case 'never':
      return t('ago.never')
    case 'now':
      return t('ago.justNow')
    case 'minutes':
      return t('ago.minutes', { count: a.count })
    case 'hours':
      return t('ago.hours', { count: a.count })
    case 'moment':
      return fmt.moment(a.iso)
  }
}

/** The chapter's status, polled; when changes from other members arrive, every screen's data is refreshed. */
export function useSyncStatus() {
  const status = useApi('sync:status', {}, { refetchInterval: 2000 })
  const qc = useQueryClient()
  const cursor = useRef<number | null>(null)
  const c = status.data?.cursor ?? null
  useEffect(() => {
    if (c === null) return
    if (cursor.current !== null && cursor.current !== c)
      void qc.invalidateQueries({ predicate: (q) => !String(q.queryKey[0]).startsWith('sync:status') })
    cursor.current = c
  }, [c, qc])
  return status
}

function StatusLine({ s }: { s: SyncStatus }) {
  const { t } = useTranslation('sync')
  const agoText = useAgoText()
  if (s.readOnly) return <>{t('sidebar.readOnly')}</>
  const parts: string[] = [s.offline ? t('sidebar.offline') : t('sidebar.synced', { ago: agoText(s.lastSyncAt) })]
  if (s.pending > 0) parts.push(t('sidebar.pending', { count: s.pending }))
  return <>{parts.join(' · ')}</>
}

/** The sidebar's chapter line: status, Sync now, Conflicts; "Join a chapter…" when the network is not a chapter's. */
export function SyncSidebar() {
  const { t } = useTranslation('sync')
  const msg = useMessage()
  const status = useSyncStatus()
  const qc = useQueryClient()
  const toast = useToast()
  const [joining, setJoining] = useState(false)
  const [conflicts, setConflicts] = useState(false)
  const [duplicates, setDuplicates] = useState(false)
  const [busy, setBusy] = useState(false)
  useEffect(
    () =>
      window.platform?.onMenu?.((cmd) => {
        if (cmd === 'join-chapter') setJoining(true)
      }),
    [],
  )
  const s = status.data
  async function syncNow() {
    setBusy(true)
    try {
      const r = await call('sync:now', {})
      toast.success(
        r.conflicts
          ? t('sidebar.syncedConflicts', { pushed: r.pushed, pulled: r.pulled, count: r.conflicts })
          : t('sidebar.syncedToast', { pushed: r.pushed, pulled: r.pulled }),
      )
      await qc.invalidateQueries()
    } catch (e) {
      toast.error(e)
      await qc.invalidateQueries({ queryKey: ['sync:status'] })
    } finally {
      setBusy(false)
    }
  }
  const readOnly = msg(s?.readOnly)
  return (
    <div className="sync-sidebar" data-testid="sync-sidebar">
      {s?.joined ? (
        <>
          <div className="sync-chapter" title={msg(s.lastError)}>
            <Trans t={t} i18nKey="sidebar.chapter" values={{ chapter: s.chapter ?? '' }} components={{ b: <strong /> }} />
          </div>
          <div className={`sync-line${s.offline ? ' sync-offline' : ''}${s.readOnly ? ' sync-readonly' : ''}`} data-testid="sync-status" title={readOnly ?? msg(s.lastError)}>
            <StatusLine s={s} />
          </div>
          {readOnly && <div className="sync-reason">{readOnly}</div>}
          <div className="sync-actions">
            {!s.readOnly && (
              <Button small variant="ghost" busy={busy} onClick={() => void syncNow()}>
                {t('sidebar.syncNow')}
              </Button>
            )}
            {s.conflicts > 0 && (
              <Button small variant="ghost" onClick={() => setConflicts(true)} data-testid="sync-conflicts">
                {t('sidebar.conflicts', { count: s.conflicts })}
              </Button>
            )}
            {s.duplicates > 0 && (
              <Button small variant="ghost" onClick={() => setDuplicates(true)} data-testid="sync-duplicates">
                {t('sidebar.duplicates', { count: s.duplicates })}
              </Button>
            )}
          </div>
        </>
      ) : (
        <button className="sync-join-link" onClick={() => setJoining(true)}>
          {t('sidebar.join')}
        </button>
      )}
      {joining && <JoinChapterDialog onClose={() => setJoining(false)} />}
      {conflicts && <ConflictsDialog onClose={() => setConflicts(false)} />}
      {duplicates && <DuplicatesDialog onClose={() => setDuplicates(false)} />}
    </div>
  )
}

/** The first-run screen's third way in: join your chapter's shared network. */
export function JoinChapterCard() {
  const { t } = useTranslation('sync')
  const [open, setOpen] = useState(false)
  useEffect(
    () =>
      window.platform?.onMenu?.((cmd) => {
        if (cmd === 'join-chapter') setOpen(true)
      }),
    [],
  )
  return (
    <section className="card">
      <h2>{t('card.title')}</h2>
      <p className="muted">{t('card.text')}</p>
      <div>
        <Button variant="primary" onClick={() => setOpen(true)}>
          {t('card.join')}
        </Button>
      </div>
      {open && <JoinChapterDialog onClose={() => setOpen(false)} />}
    </section>
  )
}

const joinSchema = syncChannels['sync:join'].input

/** File > Join a chapter…: paste the invitation; a new chapter network is created and filled from the server. */
export function JoinChapterDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['sync', 'common'])
  const msg = useMessage()
  const [error, setError] = useState<unknown>(null)
  const form = useZodForm(joinSchema, { defaultValues: { invitation: '' }, guard: false })
  const qc = useQueryClient()
  const toast = useToast()
  const join = form.handleSubmit(async (v) => {
    setError(null)
    try {
      const s = await call('sync:join', v)
      await qc.invalidateQueries()
      toast.success(
        s.lastError
          ? t('join.joinedFirstSyncFailed', { chapter: s.chapter ?? '', error: msg(s.lastError) ?? '' })
          : t('join.joined', { chapter: s.chapter ?? '', count: s.members.length }),
      )
      onClose()
    } catch (err) {
      if (!serverErrorToForm(form, err)) setError(err)
    }
  })
  return (
    <Dialog title={t('join.title')} onClose={onClose} dirty={form.formState.isDirty}>
      <form onSubmit={(e) => void join(e)} className="sync-join" noValidate>
        <p className="muted">{t('join.text')}</p>
        <TextArea
          label={t('join.invitation')}
          rows={4}
          {...form.register('invitation')}
          error={msg(form.formState.errors.invitation?.message)}
          placeholder={t('join.placeholder')}
          spellCheck={false}
        />
        {error !== null && (
          <p role="alert" className="sync-error">
            {msg(errorMessage(error))}
          </p>
        )}
        <div className="form-actions">
          <Button type="button" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button type="submit" variant="primary" busy={form.formState.isSubmitting}>
            {t('join.join')}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

const COLUMNS = en.column

function show(v: unknown, empty: string): string {
  if (v === null || v === undefined || v === '') return empty
  return String(v)
}

/** Values that lost a concurrent edit: restore one in one click, or keep what won. */
export function ConflictsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('sync')
  const list = useApi('sync:conflicts', {})
  const qc = useQueryClient()
  const toast = useToast()
  const [busy, setBusy] = useState<number | null>(null)
  // A column the catalogue names reads in the user's language; any other shows as its name.
  const field = (c: ConflictItem) => (c.column in COLUMNS ? t(`column.${c.column as keyof typeof COLUMNS}`) : c.column.replace(/_/g, ' '))
  const empty = t('conflicts.empty_value')
  async function resolve(c: ConflictItem, action: 'restore' | 'dismiss') {
    setBusy(c.id)
    try {
      await call('sync:resolve', { id: c.id, action })
      await qc.invalidateQueries()
      toast.success(action === 'restore' ? t('conflicts.restored', { field: field(c), what: c.what }) : t('conflicts.kept'))
    } catch (e) {
      toast.error(e)
    } finally {
      setBusy(null)
    }
  }
  const items = list.data?.items ?? []
  return (
    <Dialog title={t('conflicts.title')} onClose={onClose} wide>
      {items.length === 0 ? (
        <EmptyState title={t('conflicts.emptyTitle')}>{t('conflicts.empty')}</EmptyState>
      ) : (
        <ul className="sync-conflicts" aria-label={t('conflicts.list')}>
          {items.map((c) => (
            <li key={c.id}>
              <div>
                <Trans
                  t={t}
                  i18nKey="conflicts.line"
                  values={{ what: c.what, field: field(c), current: show(c.current, empty), winner: c.winnerAuthor, lost: show(c.value, empty), author: c.author }}
                  components={{ b: <strong />, q: <q /> }}
                />
              </div>
              <div className="sync-conflict-actions">
                <Button small busy={busy === c.id} onClick={() => void resolve(c, 'restore')}>
                  {t('conflicts.restore', { value: show(c.value, empty) })}
                </Button>
                <Button small variant="ghost" disabled={busy === c.id} onClick={() => void resolve(c, 'dismiss')}>
                  {t('conflicts.keep')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  )
}

function Slip({ i }: { i: DuplicateIntro }) {
  const { t } = useTranslation('sync')
  const fmt = useFormat()
  const status = useStatusLabel()
  const known = (INTRO_STATUSES as readonly string[]).includes(i.status)
  return (
    <span>
      {t('duplicates.slip', { date: fmt.day(i.date), referrer: i.referrer, receiver: i.receiver, prospect: i.prospect })}{' '}
      <span className="muted">({known ? status(i.status as IntroStatus, 'word') : i.status})</span>
    </span>
  )
}

/** The same slip recorded twice (two members, or offline): keep one, or say they are different. */
export function DuplicatesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('sync')
  const list = useApi('sync:duplicates', {})
  const qc = useQueryClient()
  const toast = useToast()
  const [busy, setBusy] = useState<string | null>(null)
  async function resolve(keepId: string, dropId: string, action: 'merge' | 'different') {
    setBusy(`${keepId}/${dropId}`)
    try {
      await call('sync:resolveDuplicate', { keepId, dropId, action })
      await qc.invalidateQueries()
      toast.success(action === 'merge' ? t('duplicates.merged') : t('duplicates.marked'))
    } catch (e) {
      toast.error(e)
    } finally {
      setBusy(null)
    }
  }
  const items = list.data?.items ?? []
  return (
    <Dialog title={t('duplicates.title')} onClose={onClose} wide>
      {items.length === 0 ? (
        <EmptyState title={t('duplicates.emptyTitle')}>{t('duplicates.empty')}</EmptyState>
      ) : (
        <ul className="sync-conflicts" aria-label={t('duplicates.list')}>
          {items.map(({ a, b }) => (
            <li key={`${a.id}/${b.id}`}>
              <div>
                <Slip i={a} />
              </div>
              <div>
                <Slip i={b} />
              </div>
              <div className="sync-conflict-actions">
                <Button small busy={busy === `${a.id}/${b.id}`} onClick={() => void resolve(a.id, b.id, 'merge')}>
                  {t('duplicates.keepFirst')}
                </Button>
                <Button small disabled={busy !== null} onClick={() => void resolve(b.id, a.id, 'merge')}>
                  {t('duplicates.keepSecond')}
                </Button>
                <Button small variant="ghost" disabled={busy !== null} onClick={() => void resolve(a.id, b.id, 'different')}>
                  {t('duplicates.different')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  )
}
