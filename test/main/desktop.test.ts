import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createHandlers } from '../../src/backend/services'
import { dispatch } from '../../src/backend/dispatch'
import { windowBackground, WINDOW_BACKGROUND } from '../../src/main/theme'
import { createTestApp, type TestApp } from '../helpers/ctx'

// Electron's app module stands in for the OS: the documents it was told were opened.
const osRecent: string[] = []
vi.mock('electron', () => ({
  app: { addRecentDocument: (p: string) => void osRecent.push(p) },
  BrowserWindow: class {},
  Menu: { buildFromTemplate: () => ({}), setApplicationMenu: () => {} },
  dialog: {},
}))

const { addRecentNetwork, followOpenedNetworks } = await import('../../src/main/files/electron')

describe('window background before the page paints (issue 15)', () => {
  it('follows the OS: the page’s own light and dark --bg from styles.css', () => {
    const css = readFileSync(join(__dirname, '../../src/renderer/src/styles.css'), 'utf8')
    const bgs = [...css.matchAll(/--bg:\s*(#[0-9a-f]{6})/gi)].map((m) => m[1]!.toLowerCase())
    expect(bgs).toEqual([WINDOW_BACKGROUND.light, WINDOW_BACKGROUND.dark])
    expect(windowBackground(false)).toBe('#f6f7f9')
    expect(windowBackground(true)).toBe('#15181d')
  })
})

describe('opened networks go to the OS recent documents (issue 15)', () => {
  let app: TestApp
  beforeEach(() => {
    app = createTestApp()
    osRecent.length = 0
  })
  afterEach(() => app.close())

  it('addRecentNetwork tells the OS, and a failing OS list does not break the open', () => {
    addRecentNetwork('/home/sam/chapter.referralmap')
    expect(osRecent).toEqual(['/home/sam/chapter.referralmap'])
    expect(() =>
      addRecentNetwork('/x.referralmap', () => {
        throw new Error('no recent list here')
      }),
    ).not.toThrow()
  })

  it('a network created or opened from the Import/Export screen joins the list; other calls add nothing', async () => {
    const first = app.ctx.store.file
    const handlers = followOpenedNetworks(createHandlers(app.ctx), () => app.ctx.store.file)
    const ok = async (channel: string, input: unknown) => {
      const r = await dispatch(handlers, channel as never, input)
      expect(r.ok ? null : r.error).toBeNull()
    }
    await ok('files:network', {})
    await ok('people:list', {})
    expect(osRecent).toEqual([])
    await ok('files:newNetwork', { name: 'second' })
    expect(osRecent.map((f) => basename(f))).toEqual(['second.referralmap'])
    expect(osRecent[0]).toBe(app.ctx.store.file)
    await ok('files:newNetwork', { name: 'third' })
    await ok('files:openNetwork', { name: 'second.referralmap' })
    const second = join(app.dir, 'second.referralmap')
    expect(osRecent).toEqual([second, join(app.dir, 'third.referralmap'), second])
    expect(first).not.toBe(second)
    // A refused open leaves the network and the list as they were.
    const r = await dispatch(handlers, 'files:openNetwork', { name: 'missing' })
    expect(r.ok).toBe(false)
    expect(osRecent).toHaveLength(3)
  })
})
