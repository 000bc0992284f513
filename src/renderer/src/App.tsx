import { useEffect, useState } from 'react'

export type Route = 'network' | 'people' | 'introductions' | 'followup' | 'reports' | 'files'

const NAV: { route: Route; label: string }[] = [
  { route: 'network', label: 'Network' },
  { route: 'people', label: 'People' },
  { route: 'introductions', label: 'Introductions' },
  { route: 'followup', label: 'Thank & follow up' },
  { route: 'reports', label: 'Reports' },
  { route: 'files', label: 'Import/Export' },
]

export function App() {
  const [route, setRoute] = useState<Route>('people')
  useEffect(() => window.platform?.onMenu?.((cmd) => {
    if (cmd.startsWith('navigate:')) setRoute(cmd.slice(9) as Route)
  }), [])
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Referral Map</div>
        {NAV.map((n) => (
          <button key={n.route} aria-current={route === n.route ? 'page' : undefined} onClick={() => setRoute(n.route)}>
            {n.label}
          </button>
        ))}
      </nav>
      <main className="content">
        <h1>{NAV.find((n) => n.route === route)?.label}</h1>
      </main>
    </div>
  )
}
