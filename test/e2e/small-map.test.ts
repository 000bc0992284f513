import { resolve } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startE2E, type E2EApp } from './harness'

/** A five-person network: you, three partners who introduce, and one partner with no introductions yet. */
let app: E2EApp
const ids: Record<string, string> = {}
beforeAll(async () => {
  app = await startE2E({ now: '2026-06-15T10:00:00.000Z' })
  const info = await app.api<{ meId: string }>('app:startEmpty', { meName: 'Sam Rivera' })
  ids.me = info.meId
  for (const name of ['Ann Lee', 'Bob Ito', 'Cara Diaz', 'Eve Stone'])
    ids[name.split(' ')[0]!] = (await app.api<{ id: string }>('people:create', { name })).id
  const intro = (referrerId: string, receiverId: string, prospect: string, status: string, value?: number) =>
    app.api('introductions:create', {
      referrerId, receiverId, prospect: { new: { name: prospect } }, date: '2026-05-01', status, kind: 'referral', origin: 'outbound',
      ...(value ? { value } : {}),
    })
  await intro(ids.Ann!, ids.me, 'Pia Prospect', 'won', 4000)
  await intro(ids.Ann!, ids.me, 'Quinn Client', 'lost')
  await intro(ids.Bob!, ids.me, 'Rui Buyer', 'won', 900)
  await intro(ids.me, ids.Cara!, 'Sol Lead', 'new')
  await intro(ids.Cara!, ids.Bob!, 'Tao Contact', 'contacted')
  await app.reload()
})
afterAll(async () => {
  await app?.close()
})

interface NodeView {
  id: string
  classes: string[]
  label: string
  /** On screen (CSS pixels, relative to the canvas), with the label. */
  box: { x1: number; y1: number; x2: number; y2: number }
  width: number
  fontPx: number
}
async function view(page: Page): Promise<{ zoom: number; nodes: NodeView[]; w: number; h: number }> {
  return page.evaluate(() => {
    const el = document.querySelector('[data-testid=graph-canvas]') as HTMLElement & { cy: import('cytoscape').Core }
    const cy = el.cy
    const nodes = cy.nodes().map((n) => {
      const b = n.renderedBoundingBox({ includeLabels: true })
      return {
        id: n.id(),
        classes: n.classes() as unknown as string[],
        label: String(n.style('label') ?? ''),
        box: { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 },
        width: n.renderedWidth(),
        fontPx: parseFloat(String(n.style('font-size'))) * cy.zoom(),
      }
    })
    return { zoom: cy.zoom(), nodes, w: cy.width(), h: cy.height() }
  })
}

/** The legend's rectangle relative to the canvas. */
async function legendBox(page: Page) {
  const canvas = (await page.getByTestId('graph-canvas').boundingBox())!
  const l = (await page.getByRole('complementary', { name: 'Legend' }).boundingBox())!
  return { x1: l.x - canvas.x, y1: l.y - canvas.y, x2: l.x - canvas.x + l.width, y2: l.y - canvas.y + l.height }
}
const overlaps = (a: NodeView['box'], b: NodeView['box']) => a.x1 < b.x2 && a.x2 > b.x1 && a.y1 < b.y2 && a.y2 > b.y1

it('draws a five-person network at a readable size, clear of the legend, with the lone partner faint and findable', async () => {
  const page = app.page
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Network', exact: true }).click()
  await expect.poll(async () => (await view(page)).nodes.length, { timeout: 20_000 }).toBe(5)
  await expect.poll(() => page.getByText(/Laid out 5 people/).count(), { timeout: 20_000 }).toBe(1)
  await page.waitForTimeout(300)

  const v = await view(page)
  // Not huge: the biggest node (you) stays well under a tenth of the canvas width; labels readable.
  expect(v.zoom).toBeLessThanOrEqual(1.25)
  for (const n of v.nodes) {
    expect(n.width, n.id).toBeLessThan(60)
    expect(n.width, n.id).toBeGreaterThan(10)
    expect(n.fontPx, n.id).toBeGreaterThanOrEqual(11)
    expect(n.label, n.id).not.toBe('')
  }
  // Nothing under the legend, and everyone inside the canvas.
  const legend = await legendBox(page)
  for (const n of v.nodes) {
    expect(overlaps(n.box, legend), `${n.label} under the legend`).toBe(false)
    expect(n.box.x1).toBeGreaterThanOrEqual(0)
    expect(n.box.y1).toBeGreaterThanOrEqual(0)
    expect(n.box.x2).toBeLessThanOrEqual(v.w)
    expect(n.box.y2).toBeLessThanOrEqual(v.h)
  }
  // Eve has no introductions: on the map, faint, explained in the legend.
  const eve = v.nodes.find((n) => n.id === ids.Eve)!
  expect(eve.classes).toContain('isolated')
  expect(await page.evaluate((id) => (document.querySelector('[data-testid=graph-canvas]') as HTMLElement & { cy: import('cytoscape').Core }).cy.getElementById(id).style('opacity'), ids.Eve!)).toBe('0.45')
  await expect.poll(() => page.getByRole('complementary', { name: 'Legend' }).getByText('faint: no introductions yet').count()).toBe(1)
  await page.screenshot({ path: resolve(__dirname, '../../docs/network-small.png') })

  // Search finds her.
  await page.getByRole('searchbox', { name: 'Find a person' }).fill('stone')
  await page.getByRole('option', { name: /Eve Stone/ }).click()
  await expect.poll(() => page.getByRole('complementary', { name: 'About Eve Stone' }).count()).toBe(1)
  // ...and centres her in the stage the side panel has narrowed.
  await page.waitForTimeout(500)
  const canvas = (await page.getByTestId('graph-canvas').boundingBox())!
  const after = await view(page)
  expect(after.w).toBeCloseTo(canvas.width, 0)
  const e = after.nodes.find((n) => n.id === ids.Eve)!
  expect(Math.abs((e.box.x1 + e.box.x2) / 2 - canvas.width / 2)).toBeLessThan(40)
  await page.getByRole('button', { name: 'Close' }).click()
})

it('focus re-frames the view on the focused people', async () => {
  const page = app.page
  // Pan the map far away, then focus on Cara from the side panel: her neighbours come back into view, clear of the legend.
  await page.evaluate(() => {
    const cy = (document.querySelector('[data-testid=graph-canvas]') as HTMLElement & { cy: import('cytoscape').Core }).cy
    cy.viewport({ zoom: 0.3, pan: { x: -2000, y: -2000 } })
  })
  await page.getByRole('searchbox', { name: 'Find a person' }).fill('cara')
  await page.getByRole('option', { name: /Cara Diaz/ }).click()
  await page.getByRole('button', { name: 'Focus on direct links' }).click()
  await expect.poll(() => page.getByText(/Focused on Cara Diaz/).count()).toBe(1)
  await page.waitForTimeout(600) // the re-frame animates
  const v = await view(page)
  const legend = await legendBox(page)
  const kept = [ids.Cara!, ids.me!, ids.Bob!]
  for (const id of kept) {
    const n = v.nodes.find((x) => x.id === id)!
    expect(n.classes, n.label).not.toContain('faded')
    expect(n.box.x1, n.label).toBeGreaterThanOrEqual(0)
    expect(n.box.y1, n.label).toBeGreaterThanOrEqual(0)
    expect(n.box.x2, n.label).toBeLessThanOrEqual(v.w)
    expect(n.box.y2, n.label).toBeLessThanOrEqual(v.h)
    expect(overlaps(n.box, legend), `${n.label} under the legend`).toBe(false)
  }
  expect(v.zoom).toBeGreaterThan(0.5)
  await app.screenshot('small-map-focus')
  await page.keyboard.press('Escape')
})

it('the legend can be hidden (remembered), leaving only its button, which fits keep clear of too', async () => {
  const page = app.page
  await page.getByRole('button', { name: 'Hide legend' }).click()
  expect(await page.getByRole('complementary', { name: 'Legend' }).count()).toBe(0)
  await page.reload()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Network', exact: true }).click()
  await expect.poll(async () => (await view(page)).nodes.length, { timeout: 20_000 }).toBe(5)
  const toggle = page.getByRole('button', { name: 'Show legend' })
  await expect.poll(() => toggle.count()).toBe(1)
  expect(await page.getByRole('complementary', { name: 'Legend' }).count()).toBe(0)
  await page.keyboard.press('f')
  await page.waitForTimeout(200)
  const canvas = (await page.getByTestId('graph-canvas').boundingBox())!
  const b = (await toggle.boundingBox())!
  const chip = { x1: b.x - canvas.x, y1: b.y - canvas.y, x2: b.x - canvas.x + b.width, y2: b.y - canvas.y + b.height }
  for (const n of (await view(page)).nodes) expect(overlaps(n.box, chip), n.label).toBe(false)
  await toggle.click()
  await expect.poll(() => page.getByRole('complementary', { name: 'Legend' }).count()).toBe(1)
})

it('labels prospects when they are shown', async () => {
  const page = app.page
  await page.getByRole('checkbox', { name: 'Show prospects' }).check()
  await expect.poll(async () => (await view(page)).nodes.length, { timeout: 20_000 }).toBe(10)
  const v = await view(page)
  const prospects = v.nodes.filter((n) => n.classes.includes('prospect'))
  expect(prospects.map((p) => p.label).sort()).toEqual(['Pia Prospect', 'Quinn Client', 'Rui Buyer', 'Sol Lead', 'Tao Contact'])
  await page.keyboard.press('f')
  await page.waitForTimeout(300)
  await app.screenshot('small-map-prospects')
})

it('right-click a person on the map: their menu at the person; Open shows their page', async () => {
  const page = app.page
  await page.getByRole('checkbox', { name: 'Show prospects' }).uncheck()
  await expect.poll(async () => (await view(page)).nodes.length, { timeout: 20_000 }).toBe(5)
  await page.keyboard.press('f')
  await page.waitForTimeout(300)
  // A real right-click at Ann's rendered position.
  const canvas = (await page.getByTestId('graph-canvas').boundingBox())!
  const at = await page.evaluate((id) => {
    const cy = (document.querySelector('[data-testid=graph-canvas]') as HTMLElement & { cy: import('cytoscape').Core }).cy
    return cy.getElementById(id).renderedPosition()
  }, ids.Ann!)
  await page.mouse.click(canvas.x + at.x, canvas.y + at.y, { button: 'right' })
  const menu = page.getByRole('menu', { name: 'Actions for Ann Lee' })
  await menu.waitFor()
  expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual(['Open', 'Edit', 'Record introduction from…', 'Archive'])
  // The menu opens where the person is.
  const m = (await menu.boundingBox())!
  expect(Math.abs(m.x - (canvas.x + at.x))).toBeLessThan(30)
  expect(Math.abs(m.y - (canvas.y + at.y))).toBeLessThan(30)
  await app.screenshot('small-map-node-menu')
  // Escape closes it; the keyboard's menu key opens it again for the selected person (the right-click selected Ann).
  await page.keyboard.press('Escape')
  expect(await menu.count()).toBe(0)
  await page.keyboard.press('Shift+F10')
  await menu.waitFor()
  await menu.getByRole('menuitem', { name: 'Open' }).click()
  await page.getByRole('heading', { name: /^Ann Lee/ }).waitFor()
  expect(await page.getByRole('heading', { level: 1 }).first().innerText()).toMatch(/^Ann Lee/)
})

it('in German, the map and its menu read in German', async () => {
  const page = app.page
  await app.api('settings:save', { group: 'general', values: { language: 'de', region: 'de-DE' } })
  await app.reload()
  await page.locator('nav.sidebar').getByRole('button', { name: 'Netzwerk', exact: false }).first().click()
  await expect.poll(async () => (await view(page)).nodes.length, { timeout: 20_000 }).toBe(5)
  await page.getByRole('heading', { name: 'Netzwerk' }).waitFor()
  await page.getByRole('complementary', { name: 'Legende' }).getByText(/Netzwerkdurchschnitt \d+\s%/).waitFor()
  await page.getByRole('button', { name: 'Neu anordnen' }).waitFor()
  await page.evaluate((id) => {
    const cy = (document.querySelector('[data-testid=graph-canvas]') as HTMLElement & { cy: import('cytoscape').Core }).cy
    cy.getElementById(id).emit('cxttap')
  }, ids.Ann!)
  const menu = page.getByRole('menu', { name: 'Aktionen für Ann Lee' })
  await menu.waitFor()
  expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual(['Öffnen', 'Bearbeiten', 'Empfehlung erfassen von…', 'Archivieren'])
  // The side panel (opened by the right-click's selection) shows money in the region's format.
  await page.getByRole('complementary', { name: 'Über Ann Lee' }).getByText(/4\.000 €/).first().waitFor()
  await app.screenshot('small-map-de')
  await page.screenshot({ path: '/tmp/graph/small-map-de.png' })
  await page.keyboard.press('Escape')
  await app.api('settings:save', { group: 'general', values: { language: null, region: null } })
})
