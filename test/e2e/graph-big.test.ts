import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { buildSynthetic } from '../../bench/synthetic'
import { openDatabase } from '../../src/backend/db/connection'
import { defaultNetworkFile } from '../../src/backend/paths'
import { startE2E, type E2EApp } from './harness'

/**
 * A map big enough (people + pairs above BIG in GraphCanvas) that its edges are
 * drawn by the edge layer under Cytoscape: they must be on screen, follow a pan,
 * fade with "Highlight converters", and be in the exported PNG.
 */
const PEOPLE = 700

let app: E2EApp
let edges = 0
beforeAll(async () => {
  app = await startE2E({ now: '2026-10-31T10:00:00.000Z' })
  const db = openDatabase(defaultNetworkFile(app.dataDir))
  edges = buildSynthetic(db, PEOPLE).edges
  db.close()
  await app.reload()
})
afterAll(async () => {
  await app?.close()
})

type Cy = import('cytoscape').Core

/** What the edge layer's canvas holds: how many pixels have ink, their total alpha, its CSS transform. */
async function layer(page: Page, probe?: { x: number; y: number }): Promise<{ inked: number; alpha: number; transform: string; probe: number }> {
  return page.evaluate((probe) => {
    const c = document.querySelector('.graph-edge-layer') as HTMLCanvasElement
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
    let inked = 0
    let alpha = 0
    for (let i = 3; i < px.length; i += 4)
      if (px[i]! > 0) {
        inked++
        alpha += px[i]!
      }
    // The strongest alpha in the 5 x 5 pixels around the probe point.
    let best = 0
    if (probe)
      for (let dy = -2; dy <= 2; dy++)
        for (let dx = -2; dx <= 2; dx++) {
          const x = Math.round(probe.x) + dx
          const y = Math.round(probe.y) + dy
          if (x >= 0 && y >= 0 && x < c.width && y < c.height) best = Math.max(best, px[(y * c.width + x) * 4 + 3]!)
        }
    return { inked, alpha, transform: c.style.transform, probe: best }
  }, probe ?? null)
}

/** The on-screen midpoint of the first partner -> you pair (where the edge layer must have drawn it). */
async function midpoint(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const cy = (document.querySelector('[data-testid=graph-canvas]') as HTMLElement & { cy: Cy }).cy
    const me = cy.nodes('.me')[0]!
    const other = cy.nodes('.partner').filter((n) => n.renderedPosition().x > 0)[5]!
    const a = me.renderedPosition()
    const b = other.renderedPosition()
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }
  })
}

it('draws a big map’s edges under the people, keeps them with a pan, fades them and exports them', async () => {
  const page = app.page
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Network', exact: true }).click()
  const canvas = page.getByTestId('graph-canvas')
  await expect.poll(() => page.evaluate(() => (document.querySelector('[data-testid=graph-canvas]') as HTMLElement & { cy?: Cy }).cy?.nodes().length ?? 0), { timeout: 30_000 }).toBe(PEOPLE)
  await expect.poll(() => page.getByText(/Laid out \d+ people/).count(), { timeout: 30_000 }).toBe(1)
  await expect.poll(() => canvas.getAttribute('data-edges')).toBe('layer')
  // Cytoscape holds the people only; the pairs are in the layer.
  expect(await page.evaluate(() => (document.querySelector('[data-testid=graph-canvas]') as HTMLElement & { cy: Cy }).cy.edges().length)).toBe(0)
  expect(edges).toBeGreaterThan(1500)

  // Drawn: plenty of ink, and ink where a partner's line to you runs.
  await expect.poll(async () => (await layer(page, await midpoint(page))).probe).toBeGreaterThan(0)
  const before = await layer(page)
  expect(before.inked).toBeGreaterThan(5000)

  // Pan by dragging an empty corner: while the button is down the layer moves as a picture with Cytoscape's...
  const box = (await canvas.boundingBox())!
  await page.mouse.move(box.x + 8, box.y + 8)
  await page.mouse.down()
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 8 + 12 * i, box.y + 8 + 6 * i)
  await expect.poll(async () => (await layer(page)).transform).toMatch(/^translate\(/)
  await page.mouse.up()
  // ...and when it ends it is drawn sharp again at the new place, still under the same pair.
  await expect.poll(async () => (await layer(page)).transform).toBe('')
  await expect.poll(async () => (await layer(page, await midpoint(page))).probe).toBeGreaterThan(0)

  // Highlight converters: most pairs fade, so the layer holds much less ink.
  await page.getByRole('checkbox', { name: 'Highlight converters' }).check()
  await expect.poll(async () => (await layer(page)).alpha).toBeLessThan(before.alpha * 0.8)
  await page.screenshot({ path: resolve(__dirname, '../../docs/network-large.png') })

  // The PNG export carries the edges: it has clearly more ink than Cytoscape's picture of the people alone.
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()])
  const bytes = readFileSync((await png.path())!)
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const ink = await page.evaluate(async (b64) => {
    const count = async (blob: Blob) => {
      const img = await createImageBitmap(blob)
      const c = new OffscreenCanvas(img.width, img.height)
      const g = c.getContext('2d')!
      g.drawImage(img, 0, 0)
      const px = g.getImageData(0, 0, img.width, img.height).data
      let n = 0
      for (let i = 0; i < px.length; i += 4) if (px[i]! < 240 || px[i + 1]! < 240 || px[i + 2]! < 240) n++
      return { n, w: img.width, h: img.height }
    }
    const exported = await count(new Blob([Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0))], { type: 'image/png' }))
    const cy = (document.querySelector('[data-testid=graph-canvas]') as HTMLElement & { cy: Cy }).cy
    const people = await count(await cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' }))
    return { exported, people }
  }, bytes.toString('base64'))
  expect(ink.exported.w).toBe(ink.people.w)
  expect(ink.exported.h).toBe(ink.people.h)
  expect(ink.exported.n).toBeGreaterThan(ink.people.n * 1.3)
})
