import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { useEffect, useRef } from 'react'
import { Fail, mockApi, renderWithClient } from './mockApi'
import { HistoryKeys, StatusBadge, ToastProvider, useToast, useUndoAction } from '../../src/renderer/src/ui'
import { LocaleScope } from '../../src/renderer/src/ui/i18n'

const state = { undo: null, redo: null, items: [] }

function ArchiveToast() {
  const toast = useToast()
  const undo = useUndoAction()
  const shown = useRef(false)
  useEffect(() => {
    if (shown.current) return
    shown.current = true
    toast.success('Ben Brooks archived.', undo)
  })
  return <input aria-label="Name" />
}

function setup(handlers: Record<string, (i: unknown) => unknown> = {}) {
  const api = mockApi({
    'history:undo': () => ({ ...state, done: 'Undone: Archive Ben Brooks' }),
    'history:redo': () => ({ ...state, done: 'Redone: Archive Ben Brooks' }),
    ...handlers,
  })
  renderWithClient(
    <ToastProvider>
      <HistoryKeys />
      <ArchiveToast />
    </ToastProvider>,
  )
  return api
}

describe('undo and redo in the window', () => {
  it('Ctrl+Z undoes the last action and says what was undone; Ctrl+Shift+Z and Ctrl+Y redo', async () => {
    const api = setup()
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true })
    expect(await screen.findByText('Undone: Archive Ben Brooks')).toBeInTheDocument()
    fireEvent.keyDown(window, { key: 'Z', ctrlKey: true, shiftKey: true })
    fireEvent.keyDown(window, { key: 'y', ctrlKey: true })
    await waitFor(() => expect(api.callsTo('history:redo')).toHaveLength(2))
    expect(api.callsTo('history:undo')).toHaveLength(1)
  })

  it('leaves Ctrl+Z to a text field that has the focus (it undoes typing there)', async () => {
    const api = setup()
    const input = screen.getByLabelText('Name')
    input.focus()
    fireEvent.keyDown(input, { key: 'z', ctrlKey: true })
    await new Promise((r) => setTimeout(r, 20))
    expect(api.callsTo('history:undo')).toHaveLength(0)
  })

  it('the toast after an action has an Undo button', async () => {
    const api = setup()
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }))
    await waitFor(() => expect(api.callsTo('history:undo')).toHaveLength(1))
    expect(await screen.findByText('Undone: Archive Ben Brooks')).toBeInTheDocument()
  })

  it('shows why an undo was refused', async () => {
    setup({
      'history:undo': () => {
        throw new Fail({ code: 'CONFLICT', message: 'Cannot undo “Edit Ben Brooks”: a person was changed since. Nothing was changed.' })
      },
    })
    fireEvent.keyDown(window, { key: 'z', metaKey: true })
    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot undo “Edit Ben Brooks”')
  })
})

describe('undo and redo in German', () => {
  function setupDe(handlers: Record<string, (i: unknown) => unknown> = {}) {
    const api = mockApi({
      'history:undo': () => ({ ...state, done: 'Undone: Archive Ben Brooks' }),
      'history:redo': () => ({ ...state, done: 'Redone: Mark introduction of Ada Park from Ben Brooks won' }),
      ...handlers,
    })
    renderWithClient(
      <LocaleScope language="de" region="de-DE">
        <ToastProvider>
          <HistoryKeys />
          <ArchiveToast />
          <StatusBadge status="not_a_fit" />
        </ToastProvider>
      </LocaleScope>,
    )
    return api
  }

  it('the stored English labels show in German in the toasts; the Undo button and status badge are German', async () => {
    setupDe()
    expect(screen.getByText('Passt nicht')).toBeInTheDocument()
    fireEvent.click(await screen.findByRole('button', { name: 'Rückgängig' }))
    expect(await screen.findByText('Rückgängig gemacht: Ben Brooks archivieren')).toBeInTheDocument()
    fireEvent.keyDown(window, { key: 'y', ctrlKey: true })
    expect(await screen.findByText('Wiederholt: Empfehlung von Ada Park durch Ben Brooks als gewonnen markieren')).toBeInTheDocument()
  })

  it('an error toast shows the backend message in German, with the quoted label as stored', async () => {
    setupDe({
      'history:undo': () => {
        throw new Fail({ code: 'CONFLICT', message: 'Cannot undo “Edit Ben Brooks”: other records now depend on it. Nothing was changed.' })
      },
    })
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('“Edit Ben Brooks” kann nicht rückgängig gemacht werden')
    expect(within(alert).getByRole('button', { name: 'Ausblenden' })).toBeInTheDocument()
  })
})
