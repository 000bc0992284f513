import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 is compiled for one ABI at a time. node_modules keeps the
 * Node build (vitest, the web bridge, the bench); `scripts/native-electron.mjs`
 * builds a second copy for Electron into `.native/electron/`. In development the
 * app loads that copy through better-sqlite3's `nativeBinding` option; the
 * packaged app's node_modules is rebuilt for Electron by electron-builder, so
 * the default binding is right there.
 */
export function electronNativeBinding(appPath: string, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined
  const file = join(appPath, '.native', 'electron', 'better_sqlite3.node')
  return existsSync(file) ? file : undefined
}
