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

export const ROUTES: readonly Route[] = ['graph', 'people', 'introductions', 'followup', 'reports', 'files', 'insights', 'settings']

/** Back and forward between screens and the records opened on them (newest last in `back`, next first in `forward`). */
export interface NavHistory {
  current: NavTarget
  back: NavTarget[]
  forward: NavTarget[]
}

const MAX_HISTORY = 50

/** The place itself, without a one-off action (going back never reopens a dialog). */
export function place(t: NavTarget): NavTarget {
  return { route: t.route, ...(t.personId ? { personId: t.personId } : {}), ...(t.introductionId ? { introductionId: t.introductionId } : {}) }
}

function samePlace(a: NavTarget, b: NavTarget): boolean {
  return a.route === b.route && a.personId === b.personId && a.introductionId === b.introductionId
}

export function startHistory(current: NavTarget): NavHistory {
  return { current, back: [], forward: [] }
}

/** A navigation: the old place joins the back list (unless it is the same place) and forward is cleared. */
export function goTo(h: NavHistory, to: NavTarget): NavHistory {
  const target = { ...to }
  if (samePlace(h.current, to)) return { ...h, current: target }
  return { current: target, back: [...h.back, place(h.current)].slice(-MAX_HISTORY), forward: [] }
}

export function goBack(h: NavHistory): NavHistory {
  const prev = h.back[h.back.length - 1]
  if (!prev) return h
  return { current: { ...prev }, back: h.back.slice(0, -1), forward: [place(h.current), ...h.forward] }
}

export function goForward(h: NavHistory): NavHistory {
  const next = h.forward[0]
  if (!next) return h
  return { current: { ...next }, back: [...h.back, place(h.current)].slice(-MAX_HISTORY), forward: h.forward.slice(1) }
}

/** What is kept so a reload or restart returns to the same screen: the place, for the network it belongs to. */
export interface SavedPlace extends NavTarget {
  dataFile: string
}

export const NAV_STORAGE_KEY = 'referral-map.place'

export function savePlace(storage: Pick<Storage, 'setItem'>, t: NavTarget, dataFile: string): void {
  try {
    storage.setItem(NAV_STORAGE_KEY, JSON.stringify({ ...place(t), dataFile }))
  } catch {
    // Storage full or disabled: the next start opens People, as before.
  }
}

/**
 * The place to start on: the saved one when its screen exists; the opened
 * person or introduction only when the same network is open again.
 */
export function restorePlace(storage: Pick<Storage, 'getItem'>, dataFile: string, fallback: NavTarget = { route: 'people' }): NavTarget {
  let saved: Partial<SavedPlace> | null = null
  try {
    saved = JSON.parse(storage.getItem(NAV_STORAGE_KEY) ?? 'null') as Partial<SavedPlace> | null
  } catch {
    return fallback
  }
  if (!saved || typeof saved !== 'object' || !ROUTES.includes(saved.route as Route)) return fallback
  const route = saved.route as Route
  if (saved.dataFile !== dataFile) return { route }
  const id = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length < 100 ? v : undefined)
  const personId = route === 'people' ? id(saved.personId) : undefined
  const introductionId = route === 'introductions' ? id(saved.introductionId) : undefined
  return { route, ...(personId ? { personId } : {}), ...(introductionId ? { introductionId } : {}) }
}
