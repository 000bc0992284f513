#!/usr/bin/env node
/**
 * Gives Electron its own copy of better-sqlite3's native module, so one
 * node_modules serves both runtimes with no manual rebuild:
 *   - node_modules/better-sqlite3/build/Release  -> Node ABI (vitest, web bridge, bench)
 *   - .native/electron/better_sqlite3.node       -> Electron ABI (npm start), loaded via `nativeBinding`
 * Runs after `npm install` and before `npm start`. It copies better-sqlite3 into
 * a scratch folder and there fetches the prebuilt binary for this Electron
 * version (prebuild-install), or compiles it against Electron's headers
 * (node-gyp). Where Electron itself was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD,
 * as on CI) there is nothing to build for and it says so.
 *
 * Flags: --postinstall (never fail the install), --force (rebuild even if up to
 * date or Electron's binary is missing), --dry-run (print the plan as JSON, build nothing).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const postinstall = process.argv.includes('--postinstall')
const force = process.argv.includes('--force')
const dryRun = process.argv.includes('--dry-run')
const outDir = join(root, '.native', 'electron')
const outFile = join(outDir, 'better_sqlite3.node')
const stamp = join(outDir, 'version.json')

function log(msg) {
  console.log(`[native-electron] ${msg}`)
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
  } catch {
    return null
  }
}

function electronBinaryPresent() {
  try {
    const p = join(dirname(require.resolve('electron/package.json')), 'path.txt')
    return existsSync(p)
  } catch {
    return false
  }
}

const version = electronVersion()
const sqlitePkgDir = dirname(require.resolve('better-sqlite3/package.json'))
const sqliteVersion = JSON.parse(readFileSync(join(sqlitePkgDir, 'package.json'), 'utf8')).version
const wanted = { electron: version, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch }

const upToDate = existsSync(outFile) && existsSync(stamp) && readFileSync(stamp, 'utf8') === JSON.stringify(wanted)
const sqliteRequire = createRequire(join(sqlitePkgDir, 'package.json'))
const bin = (name) => {
  // better-sqlite3's own prebuild-install first (it may not be hoisted), then the project's.
  for (const r of [sqliteRequire, require]) {
    try {
      return r.resolve(name)
    } catch {
      // try the next
    }
  }
  return null
}

if (dryRun) {
  const action = !version
    ? 'none: electron not installed'
    : upToDate && !force
      ? 'none: up to date'
      : !electronBinaryPresent() && !force
        ? 'skip: electron binary not downloaded'
        : 'build'
  console.log(
    JSON.stringify({
      ...wanted,
      runtime: 'electron',
      target: version,
      output: outFile,
      upToDate,
      electronBinary: electronBinaryPresent(),
      prebuildInstall: bin('prebuild-install/bin.js'),
      nodeGyp: bin('node-gyp/bin/node-gyp.js'),
      action,
    }),
  )
  process.exit(0)
}
if (!version) {
  log('Electron is not installed; nothing to do.')
  process.exit(0)
}
if (!force && upToDate) {
  process.exit(0)
}
if (!electronBinaryPresent() && !force) {
  log(`Electron ${version}'s binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD?): skipping its better-sqlite3 build. Tests and the web bridge use the Node build.`)
  process.exit(0)
}

const scratch = join(root, '.native', 'build-electron')
rmSync(scratch, { recursive: true, force: true })
mkdirSync(scratch, { recursive: true })
cpSync(sqlitePkgDir, scratch, { recursive: true, filter: (src) => !src.includes(`${join('build', 'Release')}`) })
const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: version, npm_config_disturl: 'https://electronjs.org/headers' }

let built = false
const prebuild = bin('prebuild-install/bin.js')
if (prebuild) {
  log(`fetching better-sqlite3 ${sqliteVersion} prebuilt for Electron ${version}…`)
  const r = spawnSync(process.execPath, [prebuild, '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`, `--platform=${process.platform}`], { cwd: scratch, stdio: 'inherit', env })
  built = r.status === 0 && existsSync(join(scratch, 'build', 'Release', 'better_sqlite3.node'))
}
if (!built) {
  const gyp = bin('node-gyp/bin/node-gyp.js')
  if (gyp) {
    log(`compiling better-sqlite3 against Electron ${version} headers…`)
    const r = spawnSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'], { cwd: scratch, stdio: 'inherit', env })
    built = r.status === 0 && existsSync(join(scratch, 'build', 'Release', 'better_sqlite3.node'))
  }
}
if (!built) {
  const msg = `could not build better-sqlite3 for Electron ${version}. Check your network and C++ toolchain, then run: node scripts/native-electron.mjs --force`
  if (postinstall) {
    log(msg)
    process.exit(0)
  }
  console.error(`[native-electron] ${msg}`)
  process.exit(1)
}
mkdirSync(outDir, { recursive: true })
cpSync(join(scratch, 'build', 'Release', 'better_sqlite3.node'), outFile)
writeFileSync(stamp, JSON.stringify(wanted))
rmSync(scratch, { recursive: true, force: true })
log(`ready: ${outFile}`)
