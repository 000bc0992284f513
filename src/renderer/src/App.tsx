import { useCallback, useEffect, useRef, useState } from 'react'
import { goBack, goForward, goTo, restorePlace, savePlace, startHistory, type NavHistory, type NavTarget, type Route } from './ui/nav'
import { useApi } from './ui/api'
import { Trans, useMessage, useTranslation } from './ui/i18n'
import { Welcome } from './ui/Welcome'
import { DropTarget } from './ui/DropTarget'
import { HistoryKeys, inEditable } from './ui/history'
import { AboutDialog } from './ui/About'
import { ConfirmDialog } from './ui/Dialog'
import { discardUnsavedChanges, hasUnsavedChanges } from './ui/unsaved'
import { NetworkScreen } from './features/graph'
import { PeopleScreen } from './features/people'
import { IntroductionsScreen } from './features/introductions'
import { FollowUpScreen } from './features/followup'
import { ReportsScreen } from './features/reports'
import { FilesScreen } from './features/files'
import { SettingsScreen } from './features/settings'
import { InsightsScreen } from './features/insights'
import { JoinChapterCard, SyncSidebar } from './features/sync'

/** The sidebar, in order; `key` is the Ctrl/Cmd+digit shortcut (Insights has none). */
/** The label is `shell:nav.<route>`. */
const NAV: { route: Route; key?: string }[] = [
  { route: 'graph', key: '1' },
  { route: 'people', key: '2' },
  { route: 'introductions', key: '3' },
  { route: 'followup', key: '4' },
  { route: 'reports', key: '5' },
  { route: 'files', key: '6' },
  { route: 'insights' },
  { route: 'settings', key: '7' },
]

const SCREENS = {
  graph: NetworkScreen,
  people: PeopleScreen,
  introductions: IntroductionsScreen,
  followup: FollowUpScreen,
  reports: ReportsScreen,
  files: FilesScreen,
  insights: InsightsScreen,
  settings: SettingsScreen,
} as const

const ROUTES = new Set<string>(NAV.map((n) => n.route))
const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform)

/** Turns an application-menu command into a navigation, or null when it is not one of ours. */
export function menuTarget(cmd: string): NavTarget | null {
  if (cmd.startsWith('navigate:')) {
    const r = cmd.slice(9)
    return ROUTES.has(r) ? { route: r as Route } : null
  }
  if (cmd === 'new-person') return { route: 'people', action: 'new' }
  if (cmd === 'new-introduction') return { route: 'introductions', action: 'new' }
  return null
}

/** Ctrl/Cmd+1..7 sections, Ctrl/Cmd+N new person, Ctrl/Cmd+Shift+N record introduction, Ctrl/Cmd+F find. */
export function shortcutTarget(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, current: Route): NavTarget | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null
  const digit = /^Digit([1-9])$/.exec(e.code)?.[1] ?? (/^[1-9]$/.test(e.key) ? e.key : undefined)
  const section = digit && !e.shiftKey ? NAV.find((n) => n.key === digit) : undefined
  if (section) return { route: section.route }
  if (e.key.toLowerCase() === 'n') return e.shiftKey ? { route: 'introductions', action: 'new' } : { route: 'people', action: 'new' }
  if (e.key.toLowerCase() === 'f' && !e.shiftKey && (current === 'people' || current === 'introductions')) return { route: current, action: 'find' }
  return null
}

/**
 * Back and forward: Alt+Left / Alt+Right (⌘[ / ⌘] on macOS too), outside text
 * fields, where Alt+arrow moves the caret by word.
 */
export function historyKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, mac = isMac): 'back' | 'forward' | null {
  if (e.shiftKey) return null
  if (e.altKey && !e.ctrlKey && !e.metaKey) return e.key === 'ArrowLeft' ? 'back' : e.key === 'ArrowRight' ? 'forward' : null
  if (mac && e.metaKey && !e.ctrlKey && !e.altKey) return e.key === '[' ? 'back' : e.key === ']' ? 'forward' : null
  return null
}

/** The mouse's back (button 3) and forward (button 4) buttons. */
export function mouseHistoryButton(button: number): 'back' | 'forward' | null {
  return button === 3 ? 'back' : button === 4 ? 'forward' : null
}

function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

export function App() {
  const { t } = useTranslation()
  const { t: ts } = useTranslation('shell')
  const info = useApi('app:info', {})
  // Until the first navigation, the place saved by the last run (for this network file), else People.
  const dataFile = info.data?.dataFile
  const [moved, setHistory] = useState<NavHistory | null>(null)
  const startRef = useRef<NavHistory>(startHistory({ route: 'people' }))
  const startFor = useRef<string | undefined>(undefined)
  if (dataFile !== undefined && startFor.current !== dataFile) {
    startFor.current = dataFile
    const s = storage()
    startRef.current = startHistory(s ? restorePlace(s, dataFile) : { route: 'people' })
  }
  const history = moved ?? startRef.current
  const target = history.current
  // A form with unsaved edits (Settings templates, a person being edited) asks before the screen changes.
  const [pending, setPending] = useState<{ step: (h: NavHistory) => NavHistory } | null>(null)
  // A navigation is decided after the commit it was asked in, so a dialog closed by the same action (a form
  // saved, then "open the new introduction") has dropped its unsaved-changes registration by then.
  const [asked, setAsked] = useState<((h: NavHistory) => NavHistory)[]>([])
  const update = useCallback((step: (h: NavHistory) => NavHistory) => setAsked((q) => [...q, step]), [])
  useEffect(() => {
    if (asked.length === 0) return
    setAsked([])
    const step = (h0: NavHistory) => asked.reduce((h, s) => s(h), h0)
    if (hasUnsavedChanges()) setPending({ step })
    else setHistory((h) => step(h ?? startRef.current))
  }, [asked])
  const setTarget = useCallback((to: NavTarget | ((t: NavTarget) => NavTarget)) => update((h) => goTo(h, typeof to === 'function' ? to(h.current) : to)), [update])
  const navigate = useCallback((to: NavTarget) => setTarget(to), [setTarget])
  const back = useCallback(() => update(goBack), [update])
  const forward = useCallback(() => update(goForward), [update])
  const [about, setAbout] = useState(false)
  const route = target.route

  useEffect(() => {
    const s = storage()
    if (s && dataFile !== undefined && info.data && !info.data.isEmpty) savePlace(s, target, dataFile)
  }, [target, dataFile, info.data])

  useEffect(
    () =>
      window.platform?.onMenu?.((cmd) => {
        if (cmd === 'find') {
          setTarget((t) => ({ route: t.route === 'introductions' ? 'introductions' : 'people', action: 'find' }))
          return
        }
        // Not while typing: a form (or its dialog) would be left with its edits.
        if (cmd === 'back' || cmd === 'forward') return inEditable(document.activeElement) ? undefined : cmd === 'back' ? back() : forward()
        if (cmd === 'about') return setAbout(true)
        const to = menuTarget(cmd)
        if (to) setTarget(to)
      }),
    [setTarget, back, forward],
  )
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // On the desktop the View menu's Back/Forward accelerators are these keys, and they come as menu commands.
      const step = window.platform?.transport === 'ipc' || inEditable(document.activeElement) ? null : historyKey(e)
      if (step) {
        e.preventDefault()
        if (step === 'back') back()
        else forward()
        return
      }
      const to = shortcutTarget(e, route)
      if (!to) return
      e.preventDefault()
      setTarget(to)
    }
    const onMouse = (e: MouseEvent) => {
      const step = mouseHistoryButton(e.button)
      if (!step) return
      e.preventDefault()
      if (step === 'back') back()
      else forward()
    }
    window.addEventListener('keydown', onKey)
    window.addEventListener('mouseup', onMouse)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('mouseup', onMouse)
    }
  }, [route, setTarget, back, forward])

  const meId = info.data?.meId ?? null
  const me = useApi('people:get', { id: meId ?? '' }, { enabled: meId !== null })
  const msg = useMessage()

  if (info.isPending) return <div className="welcome muted">{ts('opening')}</div>
  if (info.isError)
    return (
      <div className="welcome">
        <div className="card" role="alert">
          <h2>{ts('openFailed')}</h2>
          <p>{msg(info.error.message)}</p>
        </div>
      </div>
    )
  if (info.data.isEmpty) return <Welcome onDone={() => setTarget({ route: 'people' })} extra={<JoinChapterCard />} />

  const Screen = SCREENS[route]
  return (
    <div className="shell">
      <HistoryKeys />
      <DropTarget navigate={navigate} />
      <nav className="sidebar" aria-label={ts('nav.label')}>
        <div className="brand">{ts('brand')}</div>
        <div className="sidebar-network" title={info.data.dataFile}>
          {info.data.networkName}
        </div>
        <div className="sidebar-me">
          <Trans
            t={ts}
            i18nKey="you"
            values={{ name: me.data?.name ?? (meId ? '…' : ts('meNotSet')) }}
            components={{ b: <strong data-testid="me-name" /> }}
          />
        </div>
        <SyncSidebar />
        {NAV.map((n) => {
          const label = ts(`nav.${n.route}`)
          // German keyboards say Strg.
          const MOD = isMac ? '⌘' : ts('nav.ctrl')
          return (
          <button
            key={n.route}
            aria-current={route === n.route ? 'page' : undefined}
            onClick={() => setTarget({ route: n.route })}
            title={n.key ? ts('nav.withKey', { label, key: `${MOD}${n.key}` }) : label}
          >
            {label}
            {n.key && (
              <span className="kbd" aria-hidden="true">
                {MOD}
                {n.key}
              </span>
            )}
          </button>
          )
        })}
        {/* The desktop app has Help > About in its menu; in the browser this is the way in. */}
        {window.platform?.transport !== 'ipc' && (
          <button className="sidebar-about" onClick={() => setAbout(true)}>
            {ts('nav.about')}
          </button>
        )}
      </nav>
      <main className="content">
        <Screen navigate={navigate} target={target} />
      </main>
      {about && <AboutDialog info={info.data} onClose={() => setAbout(false)} />}
      {pending && (
        <ConfirmDialog
          title={t('unsaved.title')}
          message={t('unsaved.leave')}
          confirmLabel={t('unsaved.discard')}
          cancelLabel={t('unsaved.keepEditing')}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            discardUnsavedChanges()
            setPending(null)
            setHistory((h) => pending.step(h ?? startRef.current))
          }}
        />
      )}
    </div>
  )
}
