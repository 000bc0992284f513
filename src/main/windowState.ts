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
