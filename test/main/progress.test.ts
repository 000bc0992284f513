import { describe, expect, it } from 'vitest'
import { installTaskbarProgress, progressBarValue } from '../../src/main/progress'

describe('taskbar progress in the desktop window', () => {
  it('turns the renderer’s report into what setProgressBar takes', () => {
    expect(progressBarValue(0.25)).toBe(0.25)
    expect(progressBarValue(7)).toBe(1)
    expect(progressBarValue(-2)).toBe(0)
    expect(progressBarValue('busy')).toBe(2)
    expect(progressBarValue(null)).toBe(-1)
    expect(progressBarValue('rm -rf')).toBe(-1)
    expect(progressBarValue(Number.NaN)).toBe(-1)
  })

  it('sets the bar only for the app’s own page and only while the window exists', () => {
    let listener: ((e: { senderFrame?: unknown }, v: unknown) => void) | undefined
    const bar: number[] = []
    let destroyed = false
    installTaskbarProgress(
      { on: (_c, l) => void (listener = l) },
      ((frame: { url: string }) => frame?.url === 'app://renderer/index.html') as never,
      () => ({ isDestroyed: () => destroyed, setProgressBar: (v) => bar.push(v) }),
    )
    listener!({ senderFrame: { url: 'app://renderer/index.html' } }, 'busy')
    listener!({ senderFrame: { url: 'https://evil.example/' } }, 0.5)
    listener!({ senderFrame: { url: 'app://renderer/index.html' } }, 0.5)
    destroyed = true
    listener!({ senderFrame: { url: 'app://renderer/index.html' } }, null)
    expect(bar).toEqual([2, 0.5])
  })
})
