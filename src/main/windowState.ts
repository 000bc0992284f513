import { existsSync, readFileSync, writeFileSync } from 'node:fs'

export interface WindowState {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export const DEFAULT_WINDOW: WindowState = { width: 1280, height: 820, maximized: false }

export function loadWindowState(file: string): WindowState {
  try {
    if (!existsSync(file)) return DEFAULT_WINDOW
    const s = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowState>
    if (typeof s.width !== 'number' || typeof s.height !== 'number') return DEFAULT_WINDOW
    return {
      width: Math.max(640, s.width),
      height: Math.max(480, s.height),
      maximized: !!s.maximized,
      ...(typeof s.x === 'number' && typeof s.y === 'number' ? { x: s.x, y: s.y } : {}),
    }
  } catch {
    return DEFAULT_WINDOW
  }
}

export function saveWindowState(file: string, s: WindowState): void {
  try {
    writeFileSync(file, JSON.stringify(s))
  } catch {
    // Not being able to remember the window is never worth an error dialog.
  }
}

export interface Area {
  x: number
  y: number
  width: number
  height: number
}

/**
 * Keeps a remembered position only if enough of the window (100x50 px of its
 * top edge) is on one of today's displays: a monitor unplugged since last time
 * must not leave the window off-screen. Size is clamped to the largest display.
 */
export function fitToDisplays(s: WindowState, displays: Area[]): WindowState {
  if (displays.length === 0) return s
  const maxW = Math.max(...displays.map((d) => d.width))
  const maxH = Math.max(...displays.map((d) => d.height))
  const width = Math.min(s.width, maxW)
  const height = Math.min(s.height, maxH)
  const base: WindowState = { width, height, maximized: s.maximized }
  if (s.x === undefined || s.y === undefined) return base
  const { x, y } = s
  const visible = displays.some((d) => {
    const w = Math.min(x + width, d.x + d.width) - Math.max(x, d.x)
    const h = Math.min(y + 50, d.y + d.height) - Math.max(y, d.y)
    return w >= 100 && h >= 50
  })
  return visible ? { ...base, x, y } : base
}
