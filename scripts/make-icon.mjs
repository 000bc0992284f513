#!/usr/bin/env node
/**
 * Renders build/icon.svg to build/icon.png (512x512, transparent corners) with
 * headless Chromium through playwright-core. electron-builder derives the
 * .icns/.ico from the PNG. Run after changing the SVG: node scripts/make-icon.mjs
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const exe = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (p) => p && existsSync(p),
)
if (!exe) {
  console.error('make-icon needs Chromium (set CHROMIUM_PATH).')
  process.exit(1)
}
const svg = readFileSync(join(root, 'build/icon.svg'), 'utf8')
const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox'] })
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 })
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
  await page.locator('svg').screenshot({ path: join(root, 'build/icon.png'), omitBackground: true })
} finally {
  await browser.close()
}
console.log('build/icon.png written')
