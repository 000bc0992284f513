export type Route = 'network' | 'people' | 'introductions' | 'followup' | 'reports' | 'files' | 'settings'

/** Where to go: a screen, optionally with a person or introduction opened. */
export interface NavTarget {
  route: Route
  personId?: string
  introductionId?: string
}

export interface ScreenProps {
  navigate: (to: NavTarget) => void
  /** The person/introduction to open, when navigated to with one. */
  target?: NavTarget
}
