/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Graph bench: synthetic networks whose map has N people and about 3N
 * aggregated edges (2,000 people -> ~6,000 edges), measured three ways:
 * - the graph query (SQL aggregates) and the layout in Node;
 * - in headless Chromium through the web bridge: first picture from opening
 *   the Network screen with saved positions, frame rate during a scripted
 *   mouse pan and wheel zoom (requestAnimationFrame frame times), and the
 *   layout run in the web worker (with the UI's longest frame meanwhile).
 * Needs the web renderer built (out/web); builds it when missing.
 */
import { execSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { buildModel } from '../src/core/graph/model'
import { layoutInput, runLayout } from '../src/core/graph/layout'
import { openDatabase, tx } from '../src/backend/db/connection'
import { upsertPositions } from '../src/backend/db/graph'
import { defaultNetworkFile } from '../src/backend/paths'
import { graphData } from '../src/backend/services/graph'
import { startWebBridge } from '../src/web/server'
import { buildSynthetic } from './synthetic'

interface Env {
  tmpDir: string
  quick: boolean
  log: (s: string) => void
}
type Row = { case: string; size: string; value: string; note?: string }

const ROOT = resolve(import.meta.dirname, '..')
const NOW = '2026-10-31T12:00:00.000Z'

const fmt = (msv: number) => (msv >= 1000 ? `${(msv / 1000).toFixed(2)} s` : `${Math.round(msv)} ms`)

/**
 * Opens the Network screen. Returns ms until
 * - `painted`: the first frame Cytoscape drew with every person (and, on big maps, the edge layer in the same frame;
 *   stamped by the app as `data-drawn-at`) has been put on screen, i.e. the next animation frame has started;
 * - `settled`: two more animation frames after that (Cytoscape draws a second frame for the styles it worked out
 *   during the first one; it shows the same picture).
 */
async function openNetwork(page: Page, expected: number, timeout = 60_000): Promise<{ painted: number; settled: number }> {
  return page.evaluate(
    async ({ expected, timeout }) => {
      const raf = () => new Promise<number>((r) => requestAnimationFrame(r))
      const btn = [...document.querySelectorAll('nav[aria-label=Main] button')].find((b) => b.textContent?.startsWith('Network')) as HTMLButtonElement
      const t0 = performance.now()
      btn.click()
      const el = () => document.querySelector('[data-testid=graph-canvas]') as (HTMLElement & { cy?: { nodes(): { length: number } } }) | null
      for (;;) {
        const c = el()
        if (c?.cy && c.cy.nodes().length === expected && c.getAttribute('data-drawn-at')) break
        if (performance.now() - t0 > timeout) throw new Error('the map did not appear')
        await raf()
      }
      // The frame that drew the map is painted before this next frame's callbacks run.
      await raf()
      const painted = performance.now() - t0
      await raf()
      await raf()
      return { painted, settled: performance.now() - t0 }
    },
    { expected, timeout },
  )
}

/** Starts recording rAF frame times in the page. */
async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __rec: boolean }
    w.__frames = []
    w.__rec = true
    let last = performance.now()
    const tick = (t: number) => {
      w.__frames.push(t - last)
      last = t
      if (w.__rec) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
}
async function stopFrames(page: Page): Promise<{ fps: number; p95: number; max: number }> {
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __rec: boolean }
    w.__rec = false
    return w.__frames.slice(1)
  })
  const total = frames.reduce((a, b) => a + b, 0)
  const sorted = [...frames].sort((a, b) => a - b)
  return {
    fps: frames.length / (total / 1000),
    p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
  }
}

async function panAndZoom(page: Page): Promise<{ fps: number; p95: number; max: number }> {
  const box = (await page.getByTestId('graph-canvas').boundingBox())!
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  await startFrames(page)
  // Drag the background around (a real pan: it starts in an empty corner, so no person is grabbed and moved),
  // then wheel-zoom in and out over the middle.
  const x0 = box.x + 10
  const y0 = box.y + 10
  await page.mouse.move(x0, y0)
  await page.mouse.down()
  for (let i = 0; i < 90; i++) await page.mouse.move(x0 + 200 * (1 - Math.cos(i / 14)), y0 + 120 * (1 - Math.cos(i / 11)))
  await page.mouse.up()
  await page.mouse.move(cx, cy)
  for (let i = 0; i < 30; i++) await page.mouse.wheel(0, i < 15 ? -120 : 120)
  await page.waitForTimeout(300)
  return stopFrames(page)
}

export default async function run(env: Env): Promise<Row[]> {
  const rows: Row[] = []
  const sizes = env.quick ? [500] : [2000, 5000, 10_000]
  const staticDir = join(ROOT, 'out/web')
  if (!existsSync(join(staticDir, 'index.html'))) {
    env.log('building out/web…')
    execSync('npx vite build --config vite.web.config.ts', { cwd: ROOT, stdio: 'ignore' })
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    for (const n of sizes) {
      const size = `${n} people`
      const dataDir = join(env.tmpDir, `g${n}`)
      mkdirSync(dataDir, { recursive: true })
      const db = openDatabase(defaultNetworkFile(dataDir))
      env.log(`building a map of ${n} people…`)
      const { edges, intros } = buildSynthetic(db, n)
      let t = performance.now()
      const data = graphData(db, { prospects: false })
      const qms = performance.now() - t
      rows.push({ case: 'graph:get (SQL aggregates)', size, value: fmt(qms), note: `${data.nodes.length} nodes, ${edges} edges from ${intros} introductions` })
      const model = buildModel(data, { sizeBy: 'value' })
      const input = layoutInput(model.nodes.map((x) => ({ id: x.id, isMe: x.isMe, value: x.value })), model.edges)
      t = performance.now()
      const pos = runLayout('radial', input)
      rows.push({ case: 'layout "you in the centre" (Node)', size, value: fmt(performance.now() - t), note: 'core/graph/layout, same code as the worker' })
      tx(db, () => upsertPositions(db, input.ids.map((id, i) => ({ id, x: pos[2 * i]!, y: pos[2 * i + 1]! })), NOW))
      db.close()

      const bridge = await startWebBridge({ dataDir, staticDir, version: 'bench' })
      const context = await browser.newContext({ viewport: { width: 1360, height: 860 } })
      // tsx keeps function names with a __name helper, which page.evaluate'd functions then call.
      await context.addInitScript({ content: 'globalThis.__name = (f) => f' })
      const page = await context.newPage()
      try {
        await page.goto(bridge.url)
        await page.waitForSelector('nav[aria-label=Main]')
        const reduced = n > 2500
        const shown = reduced ? 401 : n
        // Three opens, each in a freshly loaded page (as when the app starts on this screen); the median is reported.
        const opens: { painted: number; settled: number }[] = []
        for (let k = 0; k < 3; k++) {
          if (k > 0) {
            await page.reload()
            await page.waitForSelector('nav[aria-label=Main]')
          }
          opens.push(await openNetwork(page, shown))
        }
        const painted = opens.map((o) => o.painted).sort((a, b) => a - b)
        const settled = opens.map((o) => o.settled).sort((a, b) => a - b)
        const edgeMode = await page.getByTestId('graph-canvas').getAttribute('data-edges')
        rows.push({
          case: 'first picture, saved positions (Chromium)',
          size,
          value: fmt(painted[1]!),
          note: `median of 3 (${fmt(painted[0]!)}–${fmt(painted[2]!)}); ${reduced ? 'reduced view: you + top 400 by won value' : 'full map'}, people and edges (${edgeMode === 'layer' ? 'edge layer' : 'Cytoscape edges'}); settled ${fmt(settled[1]!)}`,
        })
        if (reduced) {
          const f = await panAndZoom(page)
          rows.push({ case: 'pan/zoom, reduced view', size, value: `${f.fps.toFixed(0)} fps`, note: `p95 frame ${f.p95.toFixed(0)} ms, worst ${f.max.toFixed(0)} ms` })
          t = performance.now()
          await page.getByRole('button', { name: 'Show everyone' }).click()
          await page.waitForFunction(
            (n) => (document.querySelector('[data-testid=graph-canvas]') as HTMLElement & { cy?: { nodes(): { length: number } } })?.cy?.nodes().length === n,
            n,
            { timeout: 120_000 },
          )
          rows.push({ case: 'show everyone (full map drawn)', size, value: fmt(performance.now() - t) })
        }
        const f = await panAndZoom(page)
        rows.push({ case: 'pan/zoom, full map (Chromium)', size, value: `${f.fps.toFixed(0)} fps`, note: `p95 frame ${f.p95.toFixed(0)} ms, worst ${f.max.toFixed(0)} ms` })
        // Layout in the web worker; the UI's frames are recorded meanwhile.
        await startFrames(page)
        await page.getByRole('button', { name: 'Lay out again' }).click()
        const msg = page.getByText(/^Laid out \d+ people in/)
        await msg.waitFor({ timeout: 120_000 })
        const frames = await stopFrames(page)
        const secs = /in ([\d.]+) s/.exec((await msg.textContent()) ?? '')?.[1]
        rows.push({
          case: 'layout in the web worker (Chromium)',
          size,
          value: secs ? `${secs} s` : '?',
          note: `UI meanwhile: worst frame ${frames.max.toFixed(0)} ms (includes drawing the result)`,
        })
      } finally {
        await page.context().close()
        await bridge.close()
      }
    }
  } finally {
    await browser.close()
  }
  return rows
}
