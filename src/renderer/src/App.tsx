import { useEffect, useState } from 'react'
import type { NavTarget, Route } from './ui/nav'
import { NetworkScreen } from './features/graph'
import { PeopleScreen } from './features/people'
import { IntroductionsScreen } from './features/introductions'
import { FollowUpScreen } from './features/thanks'
import { ReportsScreen } from './features/reports'
import { FilesScreen } from './features/import'
import { SettingsScreen } from './features/settings'

const NAV: { route: Route; label: string }[] = [
  { route: 'network', label: 'Network' },
  { route: 'people', label: 'People' },
  { route: 'introductions', label: 'Introductions' },
  { route: 'followup', label: 'Thank & follow up' },
  { route: 'reports', label: 'Reports' },
  { route: 'files', label: 'Import/Export' },
  { route: 'settings', label: 'Settings' },
]

const SCREENS = {
  network: NetworkScreen,
  people: PeopleScreen,
  introductions: IntroductionsScreen,
  followup: FollowUpScreen,
  reports: ReportsScreen,
  files: FilesScreen,
  settings: SettingsScreen,
} as const

export function App() {
  const [target, setTarget] = useState<NavTarget>({ route: 'people' })
  useEffect(
    () =>
      window.platform?.onMenu?.((cmd) => {
        if (cmd.startsWith('navigate:')) setTarget({ route: cmd.slice(9) as Route })
      }),
    [],
  )
  const Screen = SCREENS[target.route]
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Referral Map</div>
        {NAV.map((n) => (
          <button key={n.route} aria-current={target.route === n.route ? 'page' : undefined} onClick={() => setTarget({ route: n.route })}>
            {n.label}
          </button>
        ))}
      </nav>
      <main className="content">
        <Screen navigate={setTarget} target={target} />
      </main>
    </div>
  )
}
