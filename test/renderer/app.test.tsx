import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { App, historyKey, menuTarget, mouseHistoryButton, shortcutTarget } from '../../src/renderer/src/App'
import { goBack, goForward, goTo, NAV_STORAGE_KEY, restorePlace, savePlace, startHistory } from '../../src/renderer/src/ui/nav'
import { ToastProvider } from '../../src/renderer/src/ui'
import { LocaleScope } from '../../src/renderer/src/ui/i18n'
import { APP_INFO, ME, Fail, listItem, mockApi, person, renderWithClient } from './mockApi'

// The place is kept in localStorage between runs; every test starts without one.
beforeEach(() => localStorage.clear())

const key = (k: Partial<KeyboardEvent>) => ({ key: '', code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...k })

describe('shortcuts and menu commands', () => {
  it('maps Ctrl/Cmd+1..6, Ctrl/Cmd+N and Ctrl/Cmd+Shift+N', () => {
    expect(shortcutTarget(key({ key: '1', code: 'Digit1', ctrlKey: true }), 'people')).toEqual({ route: 'graph' })
    expect(shortcutTarget(key({ key: '6', code: 'Digit6', metaKey: true }), 'people')).toEqual({ route: 'files' })
    expect(shortcutTarget(key({ key: '7', code: 'Digit7', ctrlKey: true }), 'people')).toEqual({ route: 'settings' })
    expect(shortcutTarget(key({ key: '7', code: 'Digit7', metaKey: true }), 'people')).toEqual({ route: 'settings' })
    expect(shortcutTarget(key({ key: '8', code: 'Digit8', ctrlKey: true }), 'people')).toBeNull()
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

describe('back and forward (issue 15)', () => {
  it('history: a navigation joins the back list and clears forward; back and forward step through places without actions', () => {
    let h = startHistory({ route: 'people' })
    h = goTo(h, { route: 'people', personId: 'p1' })
    h = goTo(h, { route: 'introductions', action: 'new' })
    expect(h.back).toEqual([{ route: 'people' }, { route: 'people', personId: 'p1' }])
    h = goBack(h)
    expect(h.current).toEqual({ route: 'people', personId: 'p1' })
    // Going forward returns to the screen, not to its "new" dialog.
    expect(h.forward).toEqual([{ route: 'introductions' }])
    h = goBack(h)
    expect(h.current).toEqual({ route: 'people' })
    expect(goBack(h)).toBe(h)
    h = goForward(h)
    expect(h.current).toEqual({ route: 'people', personId: 'p1' })
    h = goTo(h, { route: 'reports' })
    expect(h.forward).toEqual([])
    expect(goForward(h)).toBe(h)
    // The same place again is not a new step.
    expect(goTo(h, { route: 'reports' }).back).toEqual(h.back)
  })

  it('keys and mouse buttons: Alt+Left/Right, ⌘[ and ⌘] on macOS, mouse buttons 3 and 4', () => {
    expect(historyKey(key({ key: 'ArrowLeft', altKey: true }), false)).toBe('back')
    expect(historyKey(key({ key: 'ArrowRight', altKey: true }), false)).toBe('forward')
    expect(historyKey(key({ key: 'ArrowLeft', altKey: true, shiftKey: true }), false)).toBeNull()
    expect(historyKey(key({ key: 'ArrowLeft', ctrlKey: true, altKey: true }), false)).toBeNull()
    expect(historyKey(key({ key: '[', metaKey: true }), true)).toBe('back')
    expect(historyKey(key({ key: ']', metaKey: true }), true)).toBe('forward')
    expect(historyKey(key({ key: '[', metaKey: true }), false)).toBeNull()
    expect(mouseHistoryButton(3)).toBe('back')
    expect(mouseHistoryButton(4)).toBe('forward')
    expect(mouseHistoryButton(1)).toBeNull()
  })

  it('Alt+Left, the mouse back button and the menu go back; Alt+Right forward; not while typing in a field', async () => {
    mockApi(shellHandlers(false))
    const listeners = new Set<(cmd: string) => void>()
    window.platform.onMenu = (cb) => {
      listeners.add(cb)
      return () => listeners.delete(cb)
    }
    const send = (cmd: string) => listeners.forEach((l) => l(cmd))
    renderWithClient(<App />)
    const nav = await screen.findByRole('navigation', { name: 'Main' })
    const current = () => within(nav).getByRole('button', { current: 'page' }).textContent
    act(() => void fireEvent.keyDown(window, { key: '3', code: 'Digit3', ctrlKey: true }))
    act(() => void fireEvent.keyDown(window, { key: '7', code: 'Digit7', ctrlKey: true }))
    expect(current()).toMatch(/^Settings/)
    act(() => void fireEvent.keyDown(window, { key: 'ArrowLeft', altKey: true }))
    expect(current()).toMatch(/^Introductions/)
    expect(await screen.findByRole('heading', { name: 'Introductions' })).toBeInTheDocument()
    // Alt+Left in the search field moves the caret, as everywhere.
    const search = screen.getByLabelText('Search')
    search.focus()
    act(() => void fireEvent.keyDown(search, { key: 'ArrowLeft', altKey: true }))
    expect(current()).toMatch(/^Introductions/)
    search.blur()
    act(() => void fireEvent.mouseUp(window, { button: 3 }))
    expect(current()).toMatch(/^People/)
    act(() => void fireEvent.keyDown(window, { key: 'ArrowRight', altKey: true }))
    expect(current()).toMatch(/^Introductions/)
    act(() => void fireEvent.mouseUp(window, { button: 4 }))
    expect(current()).toMatch(/^Settings/)
    act(() => send('back'))
    expect(current()).toMatch(/^Introductions/)
    act(() => send('forward'))
    expect(current()).toMatch(/^Settings/)
  })
})

describe('back and forward on the desktop (issue 15)', () => {
  it('the View menu does it there (its accelerators are Alt+Left/Right), never while typing in a field', async () => {
    mockApi(shellHandlers(false))
    const listeners = new Set<(cmd: string) => void>()
    window.platform = { transport: 'ipc', os: 'linux', onMenu: (cb) => (listeners.add(cb), () => listeners.delete(cb)) }
    const send = (cmd: string) => listeners.forEach((l) => l(cmd))
    renderWithClient(<App />)
    const nav = await screen.findByRole('navigation', { name: 'Main' })
    const current = () => within(nav).getByRole('button', { current: 'page' }).textContent
    act(() => send('navigate:introductions'))
    // The key itself reaches the menu, which sends 'back': the page does not step a second time.
    act(() => void fireEvent.keyDown(window, { key: 'ArrowLeft', altKey: true }))
    expect(current()).toMatch(/^Introductions/)
    const search = await screen.findByLabelText('Search')
    search.focus()
    act(() => send('back'))
    expect(current()).toMatch(/^Introductions/)
    search.blur()
    act(() => send('back'))
    expect(current()).toMatch(/^People/)
    // The desktop has Help > About; the sidebar entry is for the browser.
    expect(screen.queryByRole('button', { name: 'About Referral Map' })).toBeNull()
  })
})

describe('back and forward through records (issue 15)', () => {
  it('a person opened from the list is a step: Alt+Left returns to the list, Alt+Right reopens them', async () => {
    const AVA = '00000000-0000-4000-8000-0000000000a1'
    mockApi({
      ...shellHandlers(false),
      'people:list': () => ({ items: [listItem(AVA, 'Ava Chen')], total: 1, offset: 0, limit: 50 }),
      'people:get': (q: unknown) => ((q as { id: string }).id === AVA ? person(AVA, 'Ava Chen') : person(ME, 'Sam Rivera')),
    })
    renderWithClient(<App />)
    const table = await screen.findByRole('table', { name: 'People' })
    await userEvent.click(await within(table).findByText('Ava Chen'))
    expect(await screen.findByRole('heading', { name: /Ava Chen/ })).toBeInTheDocument()
    act(() => void fireEvent.keyDown(window, { key: 'ArrowLeft', altKey: true }))
    expect(await screen.findByRole('table', { name: 'People' })).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: /Ava Chen/ })).toBeNull()
    act(() => void fireEvent.keyDown(window, { key: 'ArrowRight', altKey: true }))
    expect(await screen.findByRole('heading', { name: /Ava Chen/ })).toBeInTheDocument()
  })
})

describe('reload and restart return to the same place (issue 15)', () => {
  const mem = () => {
    const m = new Map<string, string>()
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) }
  }
  it('restorePlace: the saved screen; its record only for the same network; unknown or broken entries fall back to People', () => {
    const s = mem()
    expect(restorePlace(s, '/a.referralmap')).toEqual({ route: 'people' })
    savePlace(s, { route: 'people', personId: 'p1', action: 'new' }, '/a.referralmap')
    expect(restorePlace(s, '/a.referralmap')).toEqual({ route: 'people', personId: 'p1' })
    expect(restorePlace(s, '/b.referralmap')).toEqual({ route: 'people' })
    s.setItem(NAV_STORAGE_KEY, JSON.stringify({ route: 'nowhere', dataFile: '/a.referralmap' }))
    expect(restorePlace(s, '/a.referralmap')).toEqual({ route: 'people' })
    s.setItem(NAV_STORAGE_KEY, '{not json')
    expect(restorePlace(s, '/a.referralmap')).toEqual({ route: 'people' })
  })

  it('the app opens on the screen it showed before the reload', async () => {
    mockApi(shellHandlers(false))
    const first = renderWithClient(<App />)
    const nav = await screen.findByRole('navigation', { name: 'Main' })
    act(() => void fireEvent.keyDown(window, { key: '3', code: 'Digit3', ctrlKey: true }))
    expect(await screen.findByRole('heading', { name: 'Introductions' })).toBeInTheDocument()
    expect(within(nav).getByRole('button', { current: 'page' })).toHaveTextContent(/^Introductions/)
    first.unmount()
    mockApi(shellHandlers(false))
    renderWithClient(<App />)
    const again = await screen.findByRole('navigation', { name: 'Main' })
    expect(within(again).getByRole('button', { current: 'page' })).toHaveTextContent(/^Introductions/)
    expect(await screen.findByRole('heading', { name: 'Introductions' })).toBeInTheDocument()
  })
})

describe('About (issue 15)', () => {
  it('Help > About (the menu) and the sidebar entry show the version, the data file and the schema version', async () => {
    mockApi(shellHandlers(false))
    const listeners = new Set<(cmd: string) => void>()
    window.platform.onMenu = (cb) => {
      listeners.add(cb)
      return () => listeners.delete(cb)
    }
    renderWithClient(<App />)
    await screen.findByRole('navigation', { name: 'Main' })
    act(() => listeners.forEach((l) => l('about')))
    const dialog = await screen.findByRole('dialog', { name: 'About Referral Map' })
    const facts = within(dialog).getByTestId('about-facts')
    expect(facts).toHaveTextContent('Version0.0.0')
    expect(facts).toHaveTextContent('Data file/tmp/x/network.sqlite')
    expect(facts).toHaveTextContent('Schema version10')
    // The footer's Close (the header's ✕ is the other one).
    await userEvent.click(within(dialog).getAllByRole('button', { name: 'Close' })[1]!)
    expect(screen.queryByRole('dialog')).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'About Referral Map' }))
    expect(await screen.findByRole('dialog', { name: 'About Referral Map' })).toBeInTheDocument()
  })
})

describe('app shell in German', () => {
  it('first run, sidebar, status badge and About in German; a backend message shown in German next to the field', async () => {
    const handlers = shellHandlers(true)
    mockApi({
      ...handlers,
      'app:startEmpty': (i: unknown) => {
        const name = (i as { meName: string }).meName
        if (!name.trim()) throw new Fail({ code: 'VALIDATION', message: 'Enter text.', field: 'meName' })
        return handlers['app:startEmpty'](i)
      },
    })
    const listeners = new Set<(cmd: string) => void>()
    window.platform.onMenu = (cb) => {
      listeners.add(cb)
      return () => listeners.delete(cb)
    }
    renderWithClient(
      <LocaleScope language="de" region="de-DE">
        <ToastProvider>
          <App />
        </ToastProvider>
      </LocaleScope>,
    )
    expect(await screen.findByRole('heading', { name: 'Willkommen bei Referral Map' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Leer beginnen' }))
    await userEvent.click(screen.getByRole('button', { name: 'Beginnen' }))
    expect(await screen.findByLabelText('Ihr Name')).toHaveAccessibleDescription('Text eingeben.')
    await userEvent.type(screen.getByLabelText('Ihr Name'), 'Sam Rivera')
    await userEvent.click(screen.getByRole('button', { name: 'Beginnen' }))
    const nav = await screen.findByRole('navigation', { name: 'Hauptmenü' })
    for (const label of ['Netzwerk', 'Personen', 'Empfehlungen', 'Danken & nachfassen', 'Berichte', 'Import/Export', 'Einblicke', 'Einstellungen'])
      expect(within(nav).getByRole('button', { name: label })).toBeInTheDocument()
    expect(within(nav).getByRole('button', { name: 'Berichte' })).toHaveAttribute('title', 'Berichte (Strg+5)')
    await waitFor(() => expect(screen.getByTestId('me-name')).toHaveTextContent('Sam Rivera'))
    expect(screen.getByTestId('me-name').parentElement).toHaveTextContent('Sie: Sam Rivera')
    act(() => listeners.forEach((l) => l('about')))
    const dialog = await screen.findByRole('dialog', { name: 'Über Referral Map' })
    expect(within(dialog).getByTestId('about-facts')).toHaveTextContent('Datendatei/tmp/x/network.sqlite')
    expect(within(dialog).getByTestId('about-facts')).toHaveTextContent('Schemaversion10')
    await userEvent.click(within(dialog).getAllByRole('button', { name: 'Schließen' })[1]!)
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})
