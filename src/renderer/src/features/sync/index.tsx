import { useEffect, useRef, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { ConflictItem, DuplicateIntro, SyncStatus } from '../../../../shared/channels/sync'
import { Button, Dialog, TextArea, call, errorMessage, fieldError, useApi, useToast, EmptyState } from '../../ui'
import './sync.css'

export { ChapterReport } from './ChapterReport'
export { PrivateNote } from './PrivateNote'

/** "just now", "5 min ago", "3 h ago", or the date. */
export function ago(iso: string | null, now = Date.now()): string {
  if (!iso) return 'never'
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000))
  if (s < 45) return 'just now'
  if (s < 3600) return `${Math.round(s / 60)} min ago`
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`
  return new Date(iso).toLocaleDateString()
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

function statusLine(s: SyncStatus): string {
  if (s.readOnly) return 'Read-only'
  const parts = [s.offline ? 'Offline' : `Synced ${ago(s.lastSyncAt)}`]
  if (s.pending > 0) parts.push(`${s.pending} pending`)
  return parts.join(' · ')
}

/** The sidebar's chapter line: status, Sync now, Conflicts; "Join a chapter…" when the network is not a chapter's. */
export function SyncSidebar() {
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
      toast.success(`Synced: ${r.pushed} sent, ${r.pulled} received${r.conflicts ? `, ${r.conflicts} new conflict${r.conflicts === 1 ? '' : 's'}` : ''}.`)
      await qc.invalidateQueries()
    } catch (e) {
      toast.error(e)
      await qc.invalidateQueries({ queryKey: ['sync:status'] })
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="sync-sidebar" data-testid="sync-sidebar">
      {s?.joined ? (
        <>
          <div className="sync-chapter" title={s.lastError ?? undefined}>
            Chapter: <strong>{s.chapter}</strong>
          </div>
          <div className={`sync-line${s.offline ? ' sync-offline' : ''}${s.readOnly ? ' sync-readonly' : ''}`} data-testid="sync-status" title={s.readOnly ?? s.lastError ?? undefined}>
            {statusLine(s)}
          </div>
          {s.readOnly && <div className="sync-reason">{s.readOnly}</div>}
          <div className="sync-actions">
            {!s.readOnly && (
              <Button small variant="ghost" busy={busy} onClick={() => void syncNow()}>
                Sync now
              </Button>
            )}
            {s.conflicts > 0 && (
              <Button small variant="ghost" onClick={() => setConflicts(true)} data-testid="sync-conflicts">
                {s.conflicts} conflict{s.conflicts === 1 ? '' : 's'}
              </Button>
            )}
            {s.duplicates > 0 && (
              <Button small variant="ghost" onClick={() => setDuplicates(true)} data-testid="sync-duplicates">
                {s.duplicates} possible duplicate{s.duplicates === 1 ? '' : 's'}
              </Button>
            )}
          </div>
        </>
      ) : (
        <button className="sync-join-link" onClick={() => setJoining(true)}>
          Join a chapter…
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
      <h2>Join your chapter</h2>
      <p className="muted">Your chapter admin sent you an invitation: share the chapter's network with the other members. It is kept in its own file.</p>
      <div>
        <Button variant="primary" onClick={() => setOpen(true)}>
          Join a chapter…
        </Button>
      </div>
      {open && <JoinChapterDialog onClose={() => setOpen(false)} />}
    </section>
  )
}

/** File > Join a chapter…: paste the invitation; a new chapter network is created and filled from the server. */
export function JoinChapterDialog({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const qc = useQueryClient()
  const toast = useToast()
  async function join(e: React.FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const s = await call('sync:join', { invitation: text })
      await qc.invalidateQueries()
      toast.success(
        s.lastError ? `Joined ${s.chapter}; the first sync did not finish: ${s.lastError}` : `Joined ${s.chapter}: ${s.members.length} members. Your personal network stays as it was.`,
      )
      onClose()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  const fieldMsg = fieldError(error, 'invitation')
  return (
    <Dialog title="Join a chapter" onClose={onClose}>
      <form onSubmit={(e) => void join(e)} className="sync-join">
        <p className="muted">
          Paste the invitation your chapter admin sent you. A new network file is made for the chapter and filled from its server; your personal
          network stays a separate file.
        </p>
        <TextArea label="Invitation" rows={4} value={text} onChange={(e) => setText(e.target.value)} error={fieldMsg} placeholder="rmchapter1.…" spellCheck={false} />
        {error !== null && !fieldMsg && (
          <p role="alert" className="sync-error">
            {errorMessage(error)}
          </p>
        )}
        <div className="form-actions">
          <Button type="button" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy} disabled={text.trim() === ''}>
            Join
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(empty)'
  return String(v)
}

/** Values that lost a concurrent edit: restore one in one click, or keep what won. */
export function ConflictsDialog({ onClose }: { onClose: () => void }) {
  const list = useApi('sync:conflicts', {})
  const qc = useQueryClient()
  const toast = useToast()
  const [busy, setBusy] = useState<number | null>(null)
  async function resolve(c: ConflictItem, action: 'restore' | 'dismiss') {
    setBusy(c.id)
    try {
      await call('sync:resolve', { id: c.id, action })
      await qc.invalidateQueries()
      toast.success(action === 'restore' ? `Restored ${c.column.replace(/_/g, ' ')} of ${c.what}.` : 'Kept the current value.')
    } catch (e) {
      toast.error(e)
    } finally {
      setBusy(null)
    }
  }
  const items = list.data?.items ?? []
  return (
    <Dialog title="Conflicts" onClose={onClose} wide>
      {items.length === 0 ? (
        <EmptyState title="No conflicts">When two members change the same field at the same time, the value that lost is listed here.</EmptyState>
      ) : (
        <ul className="sync-conflicts" aria-label="Conflicts">
          {items.map((c) => (
            <li key={c.id}>
              <div>
                <strong>{c.what}</strong>, {c.column.replace(/_/g, ' ')}: now <q>{show(c.current)}</q> ({c.winnerAuthor}); lost: <q>{show(c.value)}</q> ({c.author})
              </div>
              <div className="sync-conflict-actions">
                <Button small busy={busy === c.id} onClick={() => void resolve(c, 'restore')}>
                  Restore “{show(c.value)}”
                </Button>
                <Button small variant="ghost" disabled={busy === c.id} onClick={() => void resolve(c, 'dismiss')}>
                  Keep current
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
  return (
    <span>
      {i.date}: {i.referrer} → {i.receiver}, {i.prospect} <span className="muted">({i.status.replace(/_/g, ' ')})</span>
    </span>
  )
}

/** The same slip recorded twice (two members, or offline): keep one, or say they are different. */
export function DuplicatesDialog({ onClose }: { onClose: () => void }) {
  const list = useApi('sync:duplicates', {})
  const qc = useQueryClient()
  const toast = useToast()
  const [busy, setBusy] = useState<string | null>(null)
  async function resolve(keepId: string, dropId: string, action: 'merge' | 'different') {
    setBusy(`${keepId}/${dropId}`)
    try {
      await call('sync:resolveDuplicate', { keepId, dropId, action })
      await qc.invalidateQueries()
      toast.success(action === 'merge' ? 'Kept one introduction; the other was removed.' : 'Marked as two different introductions.')
    } catch (e) {
      toast.error(e)
    } finally {
      setBusy(null)
    }
  }
  const items = list.data?.items ?? []
  return (
    <Dialog title="Possible duplicates" onClose={onClose} wide>
      {items.length === 0 ? (
        <EmptyState title="No possible duplicates">Introductions that look like one slip recorded twice are listed here.</EmptyState>
      ) : (
        <ul className="sync-conflicts" aria-label="Possible duplicates">
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
                  Keep the first
                </Button>
                <Button small disabled={busy !== null} onClick={() => void resolve(b.id, a.id, 'merge')}>
                  Keep the second
                </Button>
                <Button small variant="ghost" disabled={busy !== null} onClick={() => void resolve(a.id, b.id, 'different')}>
                  Not the same
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  )
}
