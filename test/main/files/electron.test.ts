import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestApp, type TestApp } from '../../helpers/ctx'

// Electron's dialog module stands in for the user: what it was asked, and the path the "user" picks.
const asked: { kind: 'open' | 'save'; opts: Record<string, unknown> }[] = []
let pick: string | null = null
vi.mock('electron', () => ({
  BrowserWindow: class {},
  Menu: { buildFromTemplate: () => ({}), setApplicationMenu: () => {} },
  dialog: {
    showOpenDialog: async (...a: unknown[]) => {
      asked.push({ kind: 'open', opts: a[a.length - 1] as Record<string, unknown> })
      return { canceled: pick === null, filePaths: pick ? [pick] : [] }
    },
    showSaveDialog: async (...a: unknown[]) => {
      asked.push({ kind: 'save', opts: a[a.length - 1] as Record<string, unknown> })
      return { canceled: pick === null, filePath: pick ?? '' }
    },
    showMessageBox: async () => ({ response: 0 }),
    showErrorBox: () => {},
  },
}))

const { askNetworkFile } = await import('../../../src/main/files/electron')

let app: TestApp
beforeEach(() => {
  app = createTestApp()
  asked.length = 0
  pick = null
  // What src/main/index.ts injects on the desktop.
  app.ctx.chooseNetworkFile = (purpose, suggested) => askNetworkFile(null, purpose, suggested, app.dir)
})
afterEach(() => app.close())

describe('desktop network files go through the system dialog (issue 10, item 13)', () => {
  it('Save a copy shows a save dialog that itself asks before replacing, in the network folder, and writes where the user picked', async () => {
    pick = join(app.dir, 'picked.referralmap')
    const r = await app.call('files:saveCopy', {})
    expect(r.path).toBe(pick)
    expect(existsSync(pick)).toBe(true)
    expect(asked).toHaveLength(1)
    expect(asked[0]!.kind).toBe('save')
    expect(asked[0]!.opts.defaultPath).toBe(join(app.dir, 'network-copy.referralmap'))
    expect(asked[0]!.opts.properties).toContain('showOverwriteConfirmation')
    expect(asked[0]!.opts.filters).toEqual([{ name: 'Referral Map network', extensions: ['referralmap'] }])
  })

  it('Open shows an open dialog for one file; a cancelled dialog changes nothing', async () => {
    expect((await app.fail('files:openNetwork', {})).code).toBe('CANCELLED')
    expect(asked.map((a) => a.kind)).toEqual(['open'])
    expect(asked[0]!.opts.properties).toEqual(['openFile'])
    expect((await app.call('files:network')).file).toBe(app.ctx.store.file)
  })
})
