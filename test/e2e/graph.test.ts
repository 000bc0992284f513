import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startE2E, type E2EApp } from './harness'
import type { GraphData } from '../../src/shared/channels/graph'

let app: E2EApp
const workers: string[] = []
beforeAll(async () => {
  app = await startE2E({ now: '2026-10-31T10:00:00.000Z' })
  await app.api('app:loadSample', {})
  app.page.on('worker', (w) => workers.push(w.url()))
  await app.reload()
})
afterAll(async () => {
  await app?.close()
})

/** Reads the Cytoscape instance the canvas exposes on its container. */
type CyInfo = { zoom: number; nodes: number; faded: number; pos: Record<string, { x: number; y: number }>; rendered: Record<string, { x: number; y: number }> }
async function cyInfo(page: Page, ids: string[] = []): Promise<CyInfo> {
  return page.evaluate((ids) => {
    const el = document.querySelector('[data-testid=graph-canvas]') as HTMLElement & { cy: import('cytoscape').Core }
    const cy = el.cy
    const pos: CyInfo['pos'] = {}
    const rendered: CyInfo['rendered'] = {}
    for (const id of ids) {
      const n = cy.getElementById(id)
      pos[id] = { ...n.position() }
      rendered[id] = { ...n.renderedPosition() }
    }
    return { zoom: cy.zoom(), nodes: cy.nodes().length, faded: cy.nodes('.faded').length, pos, rendered }
  }, ids)
}

async function openNetwork(page: Page, expected: number) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Network', exact: true }).click()
  await expect.poll(async () => (await cyInfo(page)).nodes, { timeout: 20_000 }).toBe(expected)
}

async function canvasPoint(page: Page, id: string) {
  const box = (await page.getByTestId('graph-canvas').boundingBox())!
  const r = (await cyInfo(page, [id])).rendered[id]!
  return { x: box.x + r.x, y: box.y + r.y }
}

it('shows the sample network, lays it out in a worker, and supports highlight, search, focus, drag, reload and export', async () => {
  const page = app.page
  const data = await app.api<GraphData>('graph:get', {})
  await openNetwork(page, data.nodes.length)
  await expect.poll(() => page.getByText(/Laid out \d+ people/).count()).toBe(1)
  expect(workers.some((u) => u.includes('layout.worker'))).toBe(true)
  // The layout was saved: every node now has a position in the database.
  await expect.poll(async () => (await app.api<GraphData>('graph:get', {})).nodes.every((n) => n.x !== null)).toBe(true)

  // Highlight converters: everyone below the threshold fades; the count shown matches.
  await page.getByRole('checkbox', { name: 'Highlight converters' }).check()
  await page.getByRole('slider', { name: 'Quality threshold' }).fill('50')
  const shown = Number((await page.getByText(/^\d+ partners?$/).textContent())!.split(' ')[0])
  expect(shown).toBeGreaterThan(0)
  const info = await cyInfo(page)
  expect(info.faded).toBe(data.nodes.length - 1 - shown)

  // Search (Ctrl+F) and jump: the side panel opens on the best partner.
  const top = [...data.nodes].filter((n) => !n.isMe).sort((a, b) => b.closedValueMinor - a.closedValueMinor)[0]!
  await page.keyboard.press('Control+f')
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Find a person')
  await page.keyboard.type(top.name.slice(0, 6))
  await page.getByRole('option', { name: new RegExp(top.name) }).first().click()
  const panel = page.getByRole('complementary', { name: `About ${top.name}` })
  await expect.poll(() => panel.count()).toBe(1)
  await expect.poll(() => panel.getByText('Quality score').count()).toBe(1)
  await page.waitForTimeout(400) // the jump animates
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('f') // fit the whole map for the picture
  await page.waitForTimeout(200)
  await page.screenshot({ path: resolve(__dirname, '../../docs/network.png') })
  await page.getByRole('checkbox', { name: 'Highlight converters' }).uncheck()

  // Double-click focuses the neighbourhood; more steps fade fewer; Escape clears.
  const me = data.meId!
  const pt = await canvasPoint(page, top.id)
  await page.mouse.dblclick(pt.x, pt.y)
  await expect.poll(() => page.getByText(/^Focused on/).count()).toBe(1)
  const f1 = (await cyInfo(page)).faded
  expect(f1).toBeGreaterThan(0)
  await page.getByRole('combobox', { name: 'Focus steps' }).selectOption('2')
  await expect.poll(async () => (await cyInfo(page)).faded).toBeLessThan(f1)
  await page.mouse.click(5, 400) // away from inputs
  await page.keyboard.press('Escape')
  await expect.poll(async () => (await cyInfo(page)).faded).toBe(0)
  await app.screenshot('graph-focus-cleared')

  // Keyboard: + and - zoom, F fits again (once the focus's re-frame has finished moving the view).
  await expect
    .poll(() => page.evaluate(() => (document.querySelector('[data-testid=graph-canvas]') as HTMLElement & { cy: import('cytoscape').Core }).cy.animated()))
    .toBe(false)
  await page.keyboard.press('f')
  await page.waitForTimeout(100)
  const z0 = (await cyInfo(page)).zoom
  await page.keyboard.press('+')
  await expect.poll(async () => (await cyInfo(page)).zoom).toBeGreaterThan(z0 * 1.2)
  await page.keyboard.press('-')
  await page.keyboard.press('-')
  await expect.poll(async () => (await cyInfo(page)).zoom).toBeLessThan(z0)
  await page.keyboard.press('f')
  await expect.poll(async () => (await cyInfo(page)).zoom).toBeCloseTo(z0, 2)

  // Drag a node; the new position is saved and restored after a reload.
  const someone = data.nodes.find((n) => !n.isMe && n.id !== top.id && n.sent > 2)!
  const before = (await cyInfo(page, [someone.id])).pos[someone.id]!
  const start = await canvasPoint(page, someone.id)
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  for (let i = 1; i <= 10; i++) await page.mouse.move(start.x + i * 12, start.y + i * 8)
  await page.mouse.up()
  const after = (await cyInfo(page, [someone.id])).pos[someone.id]!
  expect(Math.hypot(after.x - before.x, after.y - before.y)).toBeGreaterThan(20)
  await expect
    .poll(async () => {
      const n = (await app.api<GraphData>('graph:get', {})).nodes.find((x) => x.id === someone.id)!
      return Math.round(n.x!) === Math.round(after.x) && Math.round(n.y!) === Math.round(after.y)
    })
    .toBe(true)
  await app.reload()
  await openNetwork(page, data.nodes.length)
  const restored = (await cyInfo(page, [someone.id, me])).pos
  expect(restored[someone.id]!.x).toBeCloseTo(after.x, 3)
  expect(restored[someone.id]!.y).toBeCloseTo(after.y, 3)
  expect(restored[me]).toEqual({ x: 0, y: 0 })
  expect(await page.getByText(/Laid out \d+ people/).count()).toBe(0) // no new layout: positions were restored

  // Someone new appears next to their neighbour; nobody else moves, no new layout.
  const newcomer = await app.api<{ id: string }>('people:create', { name: 'Nora Newcomer' })
  await app.api('introductions:create', { referrerId: newcomer.id, receiverId: top.id, prospect: { new: { name: 'Pia Prospect' } }, date: '2026-10-30' })
  const topPos = (await cyInfo(page, [top.id])).pos[top.id]!
  await app.reload()
  await openNetwork(page, data.nodes.length + 1)
  const now = (await cyInfo(page, [newcomer.id, someone.id, top.id])).pos
  expect(Math.hypot(now[newcomer.id]!.x - topPos.x, now[newcomer.id]!.y - topPos.y)).toBeLessThan(150)
  expect(now[someone.id]!.x).toBeCloseTo(after.x, 3)
  expect(now[top.id]!.x).toBeCloseTo(topPos.x, 3)
  expect(await page.getByText(/Laid out \d+ people/).count()).toBe(0)
  await expect.poll(async () => (await app.api<GraphData>('graph:get', {})).nodes.find((n) => n.id === newcomer.id)?.x ?? null).not.toBeNull()

  // Showing prospects adds them next to their referrers; partners stay put.
  const withProspects = await app.api<GraphData>('graph:get', { prospects: true })
  await page.getByRole('checkbox', { name: 'Show prospects' }).check()
  await expect.poll(async () => (await cyInfo(page)).nodes, { timeout: 20_000 }).toBe(withProspects.nodes.length)
  expect((await cyInfo(page, [someone.id])).pos[someone.id]!.x).toBeCloseTo(after.x, 3)
  expect(await page.getByText(/Laid out \d+ people/).count()).toBe(0)
  await app.screenshot('graph-prospects')
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.waitForTimeout(300)
  await app.screenshot('graph-dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await page.getByRole('checkbox', { name: 'Show prospects' }).uncheck()
  await expect.poll(async () => (await cyInfo(page)).nodes).toBe(data.nodes.length + 1)

  // Export PNG and SVG as downloads.
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()])
  const pngBytes = readFileSync((await png.path())!)
  expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(pngBytes.length).toBeGreaterThan(20_000)
  expect(png.suggestedFilename()).toMatch(/\.png$/)
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()])
  const svgText = readFileSync((await svg.path())!, 'utf8')
  expect(XMLValidator.validate(svgText)).toBe(true)
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svgText)
  const groups = (doc.svg.g as { class: string; g?: { 'data-id': string }[] }[]).find((g) => g.class === 'nodes')!.g!
  expect(groups).toHaveLength(data.nodes.length + 1)
  expect(new Set(groups.map((g) => g['data-id']))).toEqual(new Set([...data.nodes.map((n) => n.id), newcomer.id]))
})
