import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { AxeResults, ImpactValue } from 'axe-core'
import { startWebBridge, type WebBridge } from '../../src/web/server'

const ROOT = resolve(__dirname, '../..')
export const SCREENSHOTS = join(ROOT, 'test/e2e/screenshots')

/** Debian's chromium first; then the usual Chrome/Chromium/Edge locations on a developer's machine. */
export function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ]
  const found = candidates.find((c): c is string => !!c && existsSync(c))
  if (!found)
    throw new Error(
      'End-to-end tests need Chromium or Chrome: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.',
    )
  return found
}

export interface E2EApp {
  bridge: WebBridge
  browser: Browser
  page: Page
  dataDir: string
  /** Reloads the page (same data dir, same server). */
  reload(): Promise<void>
  /** Calls a channel directly over the bridge (for arranging data). */
  api<T = unknown>(channel: string, input?: unknown): Promise<T>
  /** Moves the bridge's clock (the bridge runs with testClock on). */
  setClock(iso: string): Promise<void>
  screenshot(name: string): Promise<string>
  /** Runs axe-core on the page as it is now (injected on first use after each load) and returns its violations. */
  axe(): Promise<AxeViolation[]>
  close(): Promise<void>
}

/** One axe-core rule broken on the page, with the elements that break it. */
export interface AxeViolation {
  id: string
  impact: ImpactValue | null
  help: string
  nodes: { target: string; html: string; summary: string }[]
}

const AXE_SOURCE = join(ROOT, 'node_modules/axe-core/axe.min.js')

/**
 * Starts the real web bridge (real services, real SQLite in a temp data dir)
 * over the built renderer (`out/web`, from `npm run build:web`), and opens it in
 * headless Chromium.
 */
export async function startE2E(opts: { now?: string; viewport?: { width: number; height: number } } = {}): Promise<E2EApp> {
  const staticDir = join(ROOT, process.env.RM_WEB_OUT ?? 'out/web')
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error('Build the web renderer first: npm run build:web')
  const dataDir = mkdtempSync(join(tmpdir(), 'referral-map-e2e-'))
  const bridge = await startWebBridge({
    dataDir,
    staticDir,
    testClock: true,
    version: '0.0.0-e2e',
    ...(opts.now ? { now: new Date(opts.now) } : {}),
  })
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1360, height: 860 }, acceptDownloads: true })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(bridge.url)
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`http://127.0.0.1:${bridge.port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bridge.token}` },
      body: JSON.stringify(body ?? null),
    })
    const json = (await res.json()) as { ok: boolean; data?: T; error?: { message: string } }
    if (!json.ok) throw new Error(`${path}: ${json.error?.message}`)
    return json.data as T
  }
  return {
    bridge,
    browser,
    page,
    dataDir,
    reload: async () => {
      await page.reload()
    },
    api: (channel, input) => post(`/api/${channel}`, input),
    setClock: async (iso) => {
      await post('/__test/clock', { now: iso })
    },
    screenshot: async (name) => {
      mkdirSync(SCREENSHOTS, { recursive: true })
      const file = join(SCREENSHOTS, `${name}.png`)
      await page.screenshot({ path: file, fullPage: false })
      return file
    },
    axe: async () => {
      // Evaluated over the DevTools protocol rather than as a <script> tag, so the page's Content-Security-Policy does not block it.
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE_SOURCE, 'utf8'))
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe
        const r = await axe.run(document, { resultTypes: ['violations'] })
        return r.violations.map((v) => ({
          id: v.id,
          impact: v.impact ?? null,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 240), summary: n.failureSummary ?? '' })),
        }))
      })
      return violations
    },
    close: async () => {
      await browser.close()
      await bridge.close()
      rmSync(dataDir, { recursive: true, force: true })
      if (errors.length) throw new Error(`Uncaught errors in the page:\n${errors.join('\n')}`)
    },
  }
}

/** The fixtures folder the import tests read. */
export const FIXTURES = join(ROOT, 'test/fixtures')

/** A fresh network with only "you", opened on Import/Export: where the file tests start. */
export async function startOnImport(): Promise<E2EApp> {
  const app = await startE2E({ now: '2026-06-15T10:00:00.000Z' })
  await app.api('app:startEmpty', { meName: 'Me Myself' })
  await app.reload()
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import/Export', exact: true }).click()
  await app.page.getByRole('heading', { name: 'Import/Export' }).waitFor()
  return app
}

/** Picks a fixture in the import panel as `kind` and waits for its preview. */
export async function pickImportFile(app: E2EApp, kind: string, file: string): Promise<void> {
  await app.page.getByLabel('What is in the file').selectOption(kind)
  await app.page.locator('#files-import-input').setInputFiles(join(FIXTURES, file))
  await app.page.getByText(/rows, \d+ valid/).waitFor()
}
