import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_WINDOW, fitToDisplays, loadWindowState, saveWindowState } from '../../src/main/windowState'

describe('window state', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'referral-map-win-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('round-trips size, position and maximized', () => {
    const f = join(dir, 'w.json')
    saveWindowState(f, { x: 40, y: 30, width: 1000, height: 700, maximized: true })
    expect(loadWindowState(f)).toEqual({ x: 40, y: 30, width: 1000, height: 700, maximized: true })
  })

  it('falls back to the default for a missing, corrupt or odd file, and enforces a minimum size', () => {
    expect(loadWindowState(join(dir, 'none.json'))).toEqual(DEFAULT_WINDOW)
    const f = join(dir, 'bad.json')
    writeFileSync(f, '{not json')
    expect(loadWindowState(f)).toEqual(DEFAULT_WINDOW)
    writeFileSync(f, JSON.stringify({ width: 'wide', height: 3 }))
    expect(loadWindowState(f)).toEqual(DEFAULT_WINDOW)
    writeFileSync(f, JSON.stringify({ width: 10, height: 10, maximized: false }))
    expect(loadWindowState(f)).toEqual({ width: 640, height: 480, maximized: false })
  })

  it('never places the window on a display that is gone', () => {
    const laptop = { x: 0, y: 0, width: 1440, height: 900 }
    const external = { x: 1440, y: 0, width: 2560, height: 1440 }
    const s = { x: 2000, y: 100, width: 1800, height: 1200, maximized: false }
    expect(fitToDisplays(s, [laptop, external])).toEqual(s)
    // The external monitor was unplugged: centre it on what is left, at a size that fits.
    expect(fitToDisplays(s, [laptop])).toEqual({ width: 1440, height: 900, maximized: false })
    // A window hanging mostly off the left edge, with its title bar still reachable, stays.
    expect(fitToDisplays({ x: -500, y: 10, width: 800, height: 600, maximized: false }, [laptop])).toMatchObject({ x: -500 })
    expect(fitToDisplays({ x: -790, y: 10, width: 800, height: 600, maximized: false }, [laptop])).not.toHaveProperty('x')
    expect(fitToDisplays(s, [])).toEqual(s)
  })
})
