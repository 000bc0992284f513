import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { electronNativeBinding } from '../../src/main/native'

const root = resolve(__dirname, '../..')
const script = join(root, 'scripts/native-electron.mjs')
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version

function runScript(...args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' })
}

describe('better-sqlite3 for both runtimes', () => {
  it('node_modules keeps the Node build: tests and the web bridge load it directly', () => {
    const db = new Database(':memory:')
    expect((db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v).toMatch(/^3\./)
    db.close()
  })

  it('the Electron build targets the installed Electron version (dry run)', () => {
    const r = runScript('--dry-run')
    expect(r.status).toBe(0)
    const plan = JSON.parse(r.stdout) as Record<string, unknown>
    expect(plan).toMatchObject({
      runtime: 'electron',
      target: electronVersion,
      electron: electronVersion,
      platform: process.platform,
      arch: process.arch,
      output: join(root, '.native', 'electron', 'better_sqlite3.node'),
    })
    // Both ways of getting the binary are resolvable from a plain `npm install`.
    expect(plan.prebuildInstall).toEqual(expect.stringContaining('prebuild-install'))
    expect(plan.nodeGyp).toEqual(expect.stringContaining('node-gyp'))
  })

  it('skips cleanly (exit 0, clear message) where Electron\'s binary was not downloaded', () => {
    const plan = JSON.parse(runScript('--dry-run').stdout) as { electronBinary: boolean; upToDate: boolean }
    if (plan.electronBinary || plan.upToDate) return // a developer machine with Electron: nothing to skip
    const hadNative = existsSync(join(root, '.native'))
    const r = runScript('--postinstall')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/binary was not downloaded.*skipping/)
    if (!hadNative) expect(existsSync(join(root, '.native'))).toBe(false)
  })

  it('npm scripts: the Electron build runs after install and before start, never for tests', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
      devDependencies: Record<string, string>
    }
    expect(pkg.scripts.postinstall).toBe('node scripts/native-electron.mjs --postinstall')
    expect(pkg.scripts.prestart).toBe('node scripts/native-electron.mjs')
    expect(pkg.scripts.test).not.toMatch(/native-electron|electron-rebuild|electron-builder/)
    expect(pkg.scripts.postdist).toMatch(/npm rebuild better-sqlite3/)
    expect(pkg.devDependencies['node-gyp']).toBeDefined()
  })

  it('the app loads the Electron copy in development only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'referral-map-native-'))
    try {
      expect(electronNativeBinding(dir, false)).toBeUndefined()
      mkdirSync(join(dir, '.native', 'electron'), { recursive: true })
      writeFileSync(join(dir, '.native', 'electron', 'better_sqlite3.node'), '')
      expect(electronNativeBinding(dir, false)).toBe(join(dir, '.native', 'electron', 'better_sqlite3.node'))
      // Packaged: node_modules was rebuilt for Electron by electron-builder.
      expect(electronNativeBinding(dir, true)).toBeUndefined()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
