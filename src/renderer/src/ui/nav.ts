export type Route = 'graph' | 'people' | 'introductions' | 'followup' | 'reports' | 'files' | 'insights' | 'settings'

/** Where to go: a screen, optionally with a person or introduction opened. */
export interface NavTarget {
  route: Route
  personId?: string
  introductionId?: string
  /** Ask the screen to start an action: 'new' opens its create dialog, 'find' focuses its search. */
  action?: 'new' | 'find'
}

export interface ScreenProps {
  navigate: (to: NavTarget) => void
  /** The person/introduction to open, when navigated to with one. A new object each navigation. */
  target?: NavTarget
}
