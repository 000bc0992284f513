import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App, menuTarget, shortcutTarget } from '../../src/renderer/src/App'
import { ToastProvider } from '../../src/renderer/src/ui'
import { APP_INFO, ME, Fail, mockApi, person, renderWithClient } from './mockApi'

const key = (k: Partial<KeyboardEvent>) => ({ key: '', code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...k })

describe('shortcuts and menu commands', () => {
  it('maps Ctrl/Cmd+1..6, Ctrl/Cmd+N and Ctrl/Cmd+Shift+N', () => {
    expect(shortcutTarget(key({ key: '1', code: 'Digit1', ctrlKey: true }), 'people')).toEqual({ route: 'graph' })
    expect(shortcutTarget(key({ key: '6', code: 'Digit6', metaKey: true }), 'people')).toEqual({ route: 'files' })
    expect(shortcutTarget(key({ key: '7', code: 'Digit7', ctrlKey: true }), 'people')).toBeNull()
    expect(shortcutTarget(key({ key: '3', code: 'Digit3' }), 'people')).toBeNull()
    expect(shortcutTarget(key({ key: 'n', ctrlKey: true }), 'reports')).toEqual({ route: 'people', action: 'new' })
    expect(shortcutTarget(key({ key: 'N', ctrlKey: true, shiftKey: true }), 'reports')).toEqual({ route: 'introductions', action: 'new' })
    expect(shortcutTarget(key({ key: 'f', ctrlKey: true }), 'introductions')).toEqual({ route: 'introductions', action: 'find' })
    expect(shortcutTarget(key({ key: 'f', ctrlKey: true }), 'reports')).toBeNull()
  })
  it('maps application-menu commands', () => {
    expect(menuTarget('navigate:reports')).toEqual({ route: 'reports' })
    expect(menuTarget('navigate:nowhere')).toBeNull()
    expect(menuTarget('new-person')).toEqual({ route: 'people', action: 'new' })
    expect(menuTarget('new-introduction')).toEqual({ route: 'introductions', action: 'new' })
  })
})

function shellHandlers(isEmpty: boolean) {
  let empty = isEmpty
  return {
    'app:info': () => ({ ...APP_INFO, isEmpty: empty, meId: empty ? null : ME }),
    'app:startEmpty': (i: unknown) => {
      const name = (i as { meName: string }).meName
      if (!name.trim()) throw new Fail({ code: 'VALIDATION', message: 'Enter a name.', field: 'meName' })
      empty = false
      return { ...APP_INFO, isEmpty: false }
    },
    'people:get': () => person(ME, 'Sam Rivera'),
    'people:list': () => ({ items: [], total: 0, offset: 0, limit: 50 }),
    'people:tags': () => [],
    'groups:list': () => [],
    'introductions:list': () => ({ items: [], total: 0, offset: 0, limit: 50 }),
  }
}

describe('app shell', () => {
  it('first run: asks for your name, shows the error next to it, then opens People', async () => {
    const api = mockApi(shellHandlers(true))
    renderWithClient(
      <ToastProvider>
        <App />
      </ToastProvider>,
    )
    await userEvent.click(await screen.findByRole('button', { name: 'Start empty' }))
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    expect(await screen.findByLabelText('Your name')).toHaveAccessibleDescription('Enter a name.')
    await userEvent.type(screen.getByLabelText('Your name'), 'Sam Rivera')
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    expect(await screen.findByRole('heading', { name: 'People' })).toBeInTheDocument()
    expect(api.callsTo('app:startEmpty')).toEqual([{ meName: '' }, { meName: 'Sam Rivera' }])
    await waitFor(() => expect(screen.getByTestId('me-name')).toHaveTextContent('Sam Rivera'))
    expect(screen.getByText('My network')).toBeInTheDocument()
  })

  it('first run: asks what you do, your company, ideal client and people like you (optional) and sends only what was filled', async () => {
    const api = mockApi(shellHandlers(true))
    renderWithClient(
      <ToastProvider>
        <App />
      </ToastProvider>,
    )
    await userEvent.click(await screen.findByRole('button', { name: 'Start empty' }))
    const about = screen.getByRole('group', { name: 'About you (optional)' })
    await userEvent.type(screen.getByLabelText('Your name'), 'Sam Rivera')
    await userEvent.type(within(about).getByLabelText('What you do (your profession)'), 'Accountant')
    await userEvent.type(within(about).getByLabelText('People like you (who a good introduction for you is)'), 'owners of small firms')
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    expect(await screen.findByRole('heading', { name: 'People' })).toBeInTheDocument()
    expect(api.callsTo('app:startEmpty')).toEqual([{ meName: 'Sam Rivera', profile: { profession: 'Accountant', peopleLikeMe: 'owners of small firms' } }])
  })

  it('keyboard: Ctrl+3 opens Introductions, Ctrl+N opens the new-person dialog', async () => {
    mockApi(shellHandlers(false))
    renderWithClient(<App />)
    const nav = await screen.findByRole('navigation', { name: 'Main' })
    expect(within(nav).getByRole('button', { name: /^People/ })).toHaveAttribute('aria-current', 'page')
    act(() => {
      fireEvent.keyDown(window, { key: '3', code: 'Digit3', ctrlKey: true })
    })
    expect(within(nav).getByRole('button', { name: /^Introductions/ })).toHaveAttribute('aria-current', 'page')
    expect(await screen.findByRole('heading', { name: 'Introductions' })).toBeInTheDocument()
    act(() => {
      fireEvent.keyDown(window, { key: 'n', code: 'KeyN', ctrlKey: true })
    })
    expect(await screen.findByRole('dialog', { name: 'New person' })).toBeInTheDocument()
    expect(within(nav).getByRole('button', { name: /^People/ })).toHaveAttribute('aria-current', 'page')
  })
})

describe('application menu', () => {
  it('navigate:<route>, find and new-introduction commands drive the app', async () => {
    mockApi(shellHandlers(false))
    // Every part of the app that listens to the menu (the shell, undo/redo) gets each command, as in preload.
    const listeners = new Set<(cmd: string) => void>()
    const send = (cmd: string) => listeners.forEach((l) => l(cmd))
    window.platform.onMenu = (cb) => {
      listeners.add(cb)
      return () => listeners.delete(cb)
    }
    renderWithClient(<App />)
    const nav = await screen.findByRole('navigation', { name: 'Main' })
    act(() => send('navigate:introductions'))
    expect(within(nav).getByRole('button', { name: /^Introductions/ })).toHaveAttribute('aria-current', 'page')
    act(() => send('find'))
    await waitFor(() => expect(screen.getByLabelText('Search')).toHaveFocus())
    act(() => send('new-introduction'))
    expect(await screen.findByRole('dialog', { name: 'Record introduction' })).toBeInTheDocument()
  })
})
