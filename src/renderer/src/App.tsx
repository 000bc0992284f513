import { useCallback, useEffect, useState } from 'react'
import type { NavTarget, Route } from './ui/nav'
import { useApi } from './ui/api'
import { Welcome } from './ui/Welcome'
import { DropTarget } from './ui/DropTarget'
import { HistoryKeys } from './ui/history'
import { NetworkScreen } from './features/graph'
import { PeopleScreen } from './features/people'
import { IntroductionsScreen } from './features/introductions'
import { FollowUpScreen } from './features/followup'
import { ReportsScreen } from './features/reports'
import { FilesScreen } from './features/files'
import { SettingsScreen } from './features/settings'
import { InsightsScreen } from './features/insights'
import { JoinChapterCard, SyncSidebar } from './features/sync'

const NAV: { route: Route; label: string }[] = [
  { route: 'graph', label: 'Network' },
  { route: 'people', label: 'People' },
  { route: 'introductions', label: 'Introductions' },
  { route: 'followup', label: 'Thank & follow up' },
  { route: 'reports', label: 'Reports' },
  { route: 'files', label: 'Import/Export' },
  { route: 'insights', label: 'Insights' },
  { route: 'settings', label: 'Settings' },
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
const MOD = isMac ? '⌘' : 'Ctrl+'

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

/** Ctrl/Cmd+1..6 sections, Ctrl/Cmd+N new person, Ctrl/Cmd+Shift+N record introduction, Ctrl/Cmd+F find. */
export function shortcutTarget(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, current: Route): NavTarget | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null
  const digit = /^Digit([1-6])$/.exec(e.code)?.[1] ?? (/^[1-6]$/.test(e.key) ? e.key : undefined)
  if (digit && !e.shiftKey) return { route: NAV[Number(digit) - 1]!.route }
  if (e.key.toLowerCase() === 'n') return e.shiftKey ? { route: 'introductions', action: 'new' } : { route: 'people', action: 'new' }
  if (e.key.toLowerCase() === 'f' && !e.shiftKey && (current === 'people' || current === 'introductions')) return { route: current, action: 'find' }
  return null
}

export function App() {
  const info = useApi('app:info', {})
  const [target, setTarget] = useState<NavTarget>({ route: 'people' })
  const navigate = useCallback((to: NavTarget) => setTarget({ ...to }), [])
  const route = target.route

  useEffect(
    () =>
      window.platform?.onMenu?.((cmd) => {
        if (cmd === 'find') {
          setTarget((t) => ({ route: t.route === 'introductions' ? 'introductions' : 'people', action: 'find' }))
          return
        }
        const to = menuTarget(cmd)
        if (to) setTarget(to)
      }),
    [],
  )
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const to = shortcutTarget(e, route)
      if (!to) return
      e.preventDefault()
      setTarget(to)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [route])

  const meId = info.data?.meId ?? null
  const me = useApi('people:get', { id: meId ?? '' }, { enabled: meId !== null })

  if (info.isPending) return <div className="welcome muted">Opening your network…</div>
  if (info.isError)
    return (
      <div className="welcome">
        <div className="card" role="alert">
          <h2>The network could not be opened</h2>
          <p>{info.error.message}</p>
        </div>
      </div>
    )
  if (info.data.isEmpty) return <Welcome onDone={() => setTarget({ route: 'people' })} extra={<JoinChapterCard />} />

  const Screen = SCREENS[route]
  return (
    <div className="shell">
      <HistoryKeys />
      <DropTarget navigate={navigate} />
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Referral Map</div>
        <div className="sidebar-network" title={info.data.dataFile}>
          {info.data.networkName}
        </div>
        <div className="sidebar-me">
          You: <strong data-testid="me-name">{me.data?.name ?? (meId ? '…' : 'not set')}</strong>
        </div>
        <SyncSidebar />
        {NAV.map((n, i) => (
          <button
            key={n.route}
            aria-current={route === n.route ? 'page' : undefined}
            onClick={() => setTarget({ route: n.route })}
            title={i < 6 ? `${n.label} (${MOD}${i + 1})` : n.label}
          >
            {n.label}
            {i < 6 && (
              <span className="kbd" aria-hidden="true">
                {MOD}
                {i + 1}
              </span>
            )}
          </button>
        ))}
      </nav>
      <main className="content">
        <Screen navigate={navigate} target={target} />
      </main>
    </div>
  )
}
