import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { NETWORK_EXT } from '../../src/backend/paths'

/** electron-builder cannot run here (no Electron binary, no signing); this checks its configuration. */
const root = resolve(__dirname, '../..')
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as Record<string, unknown> & {
  asarUnpack: string[]
  files: string[]
  electronFuses: Record<string, boolean>
  fileAssociations: { ext: string }[]
  linux: { target: string[]; icon: string }
  mac: { target: string[]; entitlements: string; entitlementsInherit: string; hardenedRuntime: boolean }
  win: { target: string[] }
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> }

describe('packaging configuration', () => {
  it('is valid against the installed electron-builder schema', async () => {
    const req = createRequire(join(root, 'node_modules/app-builder-lib/package.json'))
    const { validateConfiguration } = req('./out/util/config/config.js') as {
      validateConfiguration: (c: unknown, log: unknown) => Promise<void>
    }
    const { DebugLogger } = req('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    // The validator does reject nonsense (so the pass above means something).
    await expect(validateConfiguration({ ...config, notAnOption: true }, new DebugLogger(false))).rejects.toThrow()
  })

  it('builds AppImage + deb, dmg and nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.win.target).toEqual(['nsis'])
  })

  it('unpacks better-sqlite3\'s native module from the asar', () => {
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node')
    expect(config.files).toContain('out/**')
    expect(config.files).toContain('resources/**')
    expect(config.asarUnpack).toContain('resources/**')
  })

  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      // The app is served from app://, so file:// pages need no privileges beyond a browser's.
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('associates the network file extension', () => {
    expect(config.fileAssociations.map((f) => f.ext)).toEqual([NETWORK_EXT])
  })

  it('has its icon and macOS entitlements', () => {
    const png = readFileSync(join(root, config.linux.icon))
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512])
    expect(config.mac.hardenedRuntime).toBe(true)
    const plist = readFileSync(join(root, config.mac.entitlements), 'utf8')
    expect(plist).toContain('com.apple.security.cs.allow-jit')
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements)
  })

  it('points package.json main at the bundle electron-vite builds', () => {
    expect(pkg.main).toBe('./out/main/index.cjs')
    if (existsSync(join(root, 'out/main'))) expect(existsSync(join(root, pkg.main))).toBe(true)
    expect(pkg.scripts.dist).toMatch(/electron-builder/)
  })
})
