import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { Fail, mockApi, renderWithClient } from './mockApi'
import { ToastProvider } from '../../src/renderer/src/ui'
import { ChapterReport, JoinChapterCard, PrivateNote, SyncSidebar, ago } from '../../src/renderer/src/features/sync'
import { LocaleScope } from '../../src/renderer/src/ui/i18n'

const notJoined = { joined: false, chapter: null, member: null, personId: null, lastSyncAt: null, pending: 0, offline: false, lastError: null, conflicts: 0, duplicates: 0, readOnly: null, parked: 0, live: false, cursor: 0, members: [] }
const joined = { ...notJoined, joined: true, chapter: 'North', member: 'Ann', lastSyncAt: new Date().toISOString(), pending: 2, conflicts: 1, cursor: 5 }
const conflict = { id: 7, table: 'people', rowId: '["p"]', column: 'profession', what: 'Quinn Quill', value: 'Lawyer', current: 'Notary', author: 'Ann', winnerAuthor: 'Ben', at: '2026-06-15T10:00:00Z' }

const show = () =>
  renderWithClient(
    <ToastProvider>
      <SyncSidebar />
    </ToastProvider>,
  )

describe('chapter sharing in the window', () => {
  it('Join a chapter…: the invitation is sent, and a wrong one is shown at the field', async () => {
    let tries = 0
    const api = mockApi({
      'sync:status': () => notJoined,
      'sync:join': () => {
        tries++
        if (tries === 1) throw new Fail({ code: 'VALIDATION', message: 'That is not a chapter invitation (it is cut short).', field: 'invitation' })
        return { ...joined, members: [{ name: 'Ann', personId: 'p', removed: false }] }
      },
    })
    show()
    fireEvent.click(await screen.findByRole('button', { name: 'Join a chapter…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Join a chapter' })
    fireEvent.change(within(dialog).getByLabelText('Invitation'), { target: { value: 'rmchapter1.abc' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Join' }))
    expect(await within(dialog).findByText(/not a chapter invitation/)).toBeInTheDocument()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Join' }))
    expect(await screen.findByText(/Joined North: 1 member\. /)).toBeInTheDocument()
    expect(api.callsTo('sync:join')).toEqual([{ invitation: 'rmchapter1.abc' }, { invitation: 'rmchapter1.abc' }])
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('shows the chapter, last sync, pending changes and conflicts; a conflict restores in one click', async () => {
    let items = [conflict]
    const api = mockApi({
      'sync:status': () => ({ ...joined, conflicts: items.length }),
      'sync:conflicts': () => ({ items }),
      'sync:resolve': () => {
        items = []
        return { items }
      },
    })
    show()
    expect(await screen.findByText('North')).toBeInTheDocument()
    expect(screen.getByTestId('sync-status')).toHaveTextContent('Synced just now · 2 pending')
    fireEvent.click(screen.getByRole('button', { name: '1 conflict' }))
    const dialog = await screen.findByRole('dialog', { name: 'Conflicts' })
    expect(await within(dialog).findByText("Quinn Quill")).toBeInTheDocument()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore “Lawyer”' }))
    await waitFor(() => expect(api.callsTo('sync:resolve')).toEqual([{ id: 7, action: 'restore' }]))
    expect(await within(dialog).findByText('No conflicts')).toBeInTheDocument()
  })

  it('possible duplicates: keep one of the two slips, or say they are different', async () => {
    const slip = (id: string, date: string) => ({ id, date, status: 'new', referrer: 'Ben', receiver: 'Ann', prospect: 'Sol Same', createdAt: '2026-06-15T10:00:00Z' })
    let items = [{ a: slip('0190a000-0000-7000-8000-00000000000a', '2026-06-10'), b: slip('0190a000-0000-7000-8000-00000000000b', '2026-06-11') }]
    const api = mockApi({
      'sync:status': () => ({ ...joined, conflicts: 0, duplicates: items.length }),
      'sync:duplicates': () => ({ items }),
      'sync:resolveDuplicate': () => {
        items = []
        return { items }
      },
    })
    show()
    fireEvent.click(await screen.findByRole('button', { name: '1 possible duplicate' }))
    const dialog = await screen.findByRole('dialog', { name: 'Possible duplicates' })
    expect(await within(dialog).findByText(/Jun 11, 2026: Ben → Ann, Sol Same/)).toBeInTheDocument()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep the second' }))
    await waitFor(() =>
      expect(api.callsTo('sync:resolveDuplicate')).toEqual([
        { keepId: '0190a000-0000-7000-8000-00000000000b', dropId: '0190a000-0000-7000-8000-00000000000a', action: 'merge' },
      ]),
    )
    expect(await within(dialog).findByText('No possible duplicates')).toBeInTheDocument()
  })

  it('a removed member sees why the copy is read-only, and no Sync now', async () => {
    mockApi({ 'sync:status': () => ({ ...joined, conflicts: 0, readOnly: 'The chapter admin removed you from the chapter: this copy is read-only.' }) })
    show()
    expect(await screen.findByText(/removed you from the chapter/)).toBeInTheDocument()
    expect(screen.getByTestId('sync-status')).toHaveTextContent('Read-only')
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull()
  })

  it('a private note is saved when the field is left, and a record can be kept private; nothing shows outside a chapter', async () => {
    let saved: unknown[] = []
    const api = mockApi({
      'sync:status': () => joined,
      'sync:privateNote': () => ({ notes: null, isPrivate: false }),
      'sync:setPrivateNote': (i) => {
        saved = [...saved, i]
        return { notes: 'x', isPrivate: false }
      },
    })
    renderWithClient(
      <ToastProvider>
        <PrivateNote table="people" id="0190a000-0000-7000-8000-000000000002" />
      </ToastProvider>,
    )
    const field = await screen.findByLabelText('Private note (never sent to other members)')
    fireEvent.change(field, { target: { value: 'Going through a divorce' } })
    fireEvent.blur(field)
    await waitFor(() => expect(api.callsTo('sync:setPrivateNote')).toEqual([{ table: 'people', id: '0190a000-0000-7000-8000-000000000002', notes: 'Going through a divorce' }]))
    fireEvent.click(screen.getByLabelText(/Keep this person private/))
    await waitFor(() => expect(api.callsTo('sync:setPrivateNote')[1]).toEqual({ table: 'people', id: '0190a000-0000-7000-8000-000000000002', isPrivate: true }))
  })

  it('no private-note card in a personal network', async () => {
    const api = mockApi({ 'sync:status': () => notJoined, 'sync:privateNote': () => ({ notes: null, isPrivate: false }) })
    renderWithClient(<PrivateNote table="people" id="0190a000-0000-7000-8000-000000000002" />)
    await waitFor(() => expect(api.callsTo('sync:status').length).toBeGreaterThan(0))
    expect(screen.queryByText('Private to you')).toBeNull()
    expect(api.callsTo('sync:privateNote')).toEqual([])
  })

  it('says how long ago the last sync was', () => {
    const now = Date.parse('2026-06-15T10:00:00Z')
    expect(ago(null, now)).toEqual({ kind: 'never' })
    expect(ago('2026-06-15T09:59:50Z', now)).toEqual({ kind: 'now' })
    expect(ago('2026-06-15T09:55:00Z', now)).toEqual({ kind: 'minutes', count: 5 })
    expect(ago('2026-06-15T07:00:00Z', now)).toEqual({ kind: 'hours', count: 3 })
    expect(ago('2026-06-10T07:00:00Z', now)).toEqual({ kind: 'moment', iso: '2026-06-10T07:00:00Z' })
  })

  it('an empty invitation is asked for at the field, without calling the server', async () => {
    const api = mockApi({ 'sync:status': () => notJoined })
    show()
    fireEvent.click(await screen.findByRole('button', { name: 'Join a chapter…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Join a chapter' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Join' }))
    expect(await within(dialog).findByText('Paste the invitation.')).toBeInTheDocument()
    expect(within(dialog).getByLabelText('Invitation')).toHaveAttribute('aria-invalid', 'true')
    expect(api.callsTo('sync:join')).toEqual([])
  })

  it('in German: the sidebar status, its buttons and a conflict', async () => {
    mockApi({ 'sync:status': () => ({ ...joined, conflicts: 2, duplicates: 1 }), 'sync:conflicts': () => ({ items: [conflict] }) })
    renderWithClient(
      <LocaleScope language="de" region="de-DE">
        <ToastProvider>
          <SyncSidebar />
        </ToastProvider>
      </LocaleScope>,
    )
    expect(await screen.findByText('North')).toBeInTheDocument()
    expect(screen.getByTestId('sync-status')).toHaveTextContent('Synchronisiert gerade eben · 2 ausstehend')
    expect(screen.getByRole('button', { name: 'Jetzt synchronisieren' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '2 Konflikte' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '1 mögliches Duplikat' })).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '2 Konflikte' }))
    const dialog = await screen.findByRole('dialog', { name: 'Konflikte' })
    expect(await within(dialog).findByText('Quinn Quill')).toBeInTheDocument()
    expect(within(dialog).getByRole('listitem')).toHaveTextContent('Quinn Quill, Beruf: jetzt Notary (Ben); unterlegen: Lawyer (Ann)')
    expect(within(dialog).getByRole('button', { name: '„Lawyer“ wiederherstellen' })).toBeInTheDocument()
  })

  it('in German: the join card opens the dialog, and a missing invitation is said in German', async () => {
    mockApi({ 'sync:status': () => notJoined })
    renderWithClient(
      <LocaleScope language="de" region="de-DE">
        <ToastProvider>
          <JoinChapterCard />
        </ToastProvider>
      </LocaleScope>,
    )
    expect(screen.getByRole('heading', { name: 'Ihrem Chapter beitreten' })).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: 'Einem Chapter beitreten…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Einem Chapter beitreten' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Beitreten' }))
    expect(await within(dialog).findByText('Fügen Sie die Einladung ein.')).toBeInTheDocument()
    expect(within(dialog).getByLabelText('Einladung')).toBeInTheDocument()
  })

  it('in German: the chapter report shows amounts in the region format', async () => {
    mockApi({
      'sync:status': () => joined,
      'sync:report': () => ({ chapter: 'North', rows: [{ personId: 'p', name: 'Ann', given: 3, received: 2, won: 1, wonValueMinor: 240000 }] }),
    })
    renderWithClient(
      <LocaleScope language="de" region="de-DE">
        <ChapterReport currency="EUR" />
      </LocaleScope>,
    )
    const table = await screen.findByRole('table', { name: 'Chapter-Mitglieder' })
    expect(within(table).getByRole('columnheader', { name: 'Abgeschlossener Wert' })).toBeInTheDocument()
    expect(within(table).getByRole('row', { name: /Ann/ })).toHaveTextContent('2.400 €')
  })
})
