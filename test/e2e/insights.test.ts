import { join, resolve } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { startE2E, type E2EApp } from './harness'
import { pseudoize } from '../../src/shared/i18n'
import { generateNetwork } from '../../src/core/sample/generator'
import { openDatabase, tx } from '../../src/backend/db/connection'
import { insertNetwork } from '../../src/backend/db/bulk'
import { defaultNetworkFile } from '../../src/backend/paths'

let app: E2EApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const DOCS = resolve(__dirname, '../../docs')

it('opens every Insights view on the sample network (screenshots for the README)', async () => {
  app = await startE2E({ now: '2026-06-15T10:00:00.000Z', viewport: { width: 1360, height: 900 } })
  const { page } = app
  await app.api('app:loadSample', {})
  const brokers = await app.api<{ items: { personId: string; name: string }[] }>('insights:brokers', { limit: 25 })
  // Someone you do not know directly, with several people who could introduce you.
  const people = await app.api<{ items: { id: string; name: string }[] }>('people:list', { sort: 'name', dir: 'asc', offset: 0, limit: 500 })
  let target: { personId: string; name: string } | undefined
  for (const p of people.items) {
    const r = await app.api<{ paths: { path: string[] }[] }>('insights:introducers', { targetId: p.id }).catch(() => ({ paths: [] }))
    if (r.paths.length > 2 && r.paths[0]!.path.length > 2 && people.items.filter((x) => x.name === p.name).length === 1) {
      target = { personId: p.id, name: p.name }
      break
    }
  }
  expect(target).toBeDefined()

  await app.reload()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Insights' }).click()
  await page.getByRole('heading', { name: 'Insights', exact: true }).waitFor()

  // Who can introduce me: pick the person, see ranked paths with their sentence.
  await page.getByLabel('Who do you want to meet?').fill(target!.name)
  await page.getByRole('option', { name: new RegExp(target!.name) }).first().click()
  const paths = page.getByRole('list', { name: 'Paths' })
  await paths.locator('li').first().waitFor()
  expect(await paths.locator('li').count()).toBeGreaterThan(1)
  await expect.poll(() => paths.locator('li').first().innerText()).toMatch(/Ask .+ who knows/)
  await app.screenshot('insights-introducers')
  await page.screenshot({ path: join(DOCS, 'insights-introducers.png') })

  // Draft the ask: the email to the first person on the best path.
  await paths.getByRole('button', { name: /^Draft the ask/ }).first().click()
  const dialog = page.getByRole('dialog')
  await expect.poll(() => dialog.getByLabel('Subject').inputValue()).toBe(`Could you introduce me to ${target!.name}?`)
  await app.screenshot('insights-ask')
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click()

  // A company typed in.
  await page.getByRole('radio', { name: 'A profession' }).check()
  await page.getByLabel('Profession', { exact: true }).fill('account')
  await page.getByRole('button', { name: 'Find paths' }).click()
  await expect.poll(() => page.getByText(/people match:/).count()).toBe(1)

  // Brokers and communities.
  await page.getByRole('tab', { name: 'Brokers & communities' }).click()
  const table = page.getByRole('table', { name: 'Brokers' })
  await table.locator('tbody tr').nth(4).waitFor()
  await page.getByRole('list', { name: 'Communities' }).locator('li').first().waitFor()
  const first = (await table.locator('tbody tr').first().locator('td').allInnerTexts()).map((s) => s.trim())
  expect(first[1]!.split('\n')[0]).toBe(brokers.items[0]!.name)
  await app.screenshot('insights-brokers')
  await page.screenshot({ path: join(DOCS, 'insights-brokers.png') })

  // Power teams.
  await page.getByRole('tab', { name: 'Power teams' }).click()
  await page.getByRole('table', { name: 'Profession flow' }).locator('tbody tr').first().waitFor()
  await app.screenshot('insights-power-teams')
  await page.screenshot({ path: join(DOCS, 'insights-power-teams.png') })

  // Who should meet whom, and "Make an introduction" with both people filled in.
  await page.getByRole('tab', { name: 'Who should meet whom' }).click()
  const meet = page.getByRole('list', { name: 'Suggested introductions' })
  await meet.locator('li').first().waitFor()
  await app.screenshot('insights-meet')
  await page.screenshot({ path: join(DOCS, 'insights-meet.png') })
  const suggestions = await app.api<{ items: { aName: string; bName: string }[] }>('insights:suggestMeetings', {})
  await meet.getByRole('button', { name: /^Introduce / }).first().click()
  const mk = page.getByRole('dialog')
  await expect.poll(() => mk.innerText()).toContain(suggestions.items[0]!.aName)
  await expect.poll(() => mk.innerText()).toContain(suggestions.items[0]!.bName)
  await app.screenshot('insights-make-introduction')
  await mk.getByRole('button', { name: 'Cancel' }).click()

  // What predicts a close.
  await page.getByRole('tab', { name: 'What predicts a close' }).click()
  const pred = page.getByRole('table', { name: 'Predictors' })
  await pred.locator('tbody tr').first().waitFor()
  await expect.poll(() => pred.innerText()).toMatch(/Warmth/)
  await expect.poll(() => pred.innerText()).toMatch(/\d+%/)
  await app.screenshot('insights-predictors')
  await page.screenshot({ path: join(DOCS, 'insights-predictors.png'), fullPage: true })
})

it('the map: who can introduce me in the side panel, community colours, and the network as it was at a date', async () => {
  app = await startE2E({ now: '2026-06-15T10:00:00.000Z', viewport: { width: 1360, height: 900 } })
  const { page } = app
  await app.api('app:loadSample', {})
  const data = await app.api<{ nodes: { id: string; name: string; isMe: boolean }[]; edges: unknown[] }>('graph:get', {})
  let target: { id: string; name: string } | undefined
  for (const n of data.nodes.filter((x) => !x.isMe)) {
    const r = await app.api<{ paths: { path: string[] }[] }>('insights:introducers', { targetId: n.id, limit: 3 })
    if (r.paths.length === 3 && r.paths.some((p) => p.path.length > 2) && data.nodes.filter((x) => x.name === n.name).length === 1) {
      target = n
      break
    }
  }
  expect(target).toBeDefined()
  await app.reload()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Network' }).click()
  await page.getByRole('searchbox', { name: 'Find a person' }).waitFor()
  await expect.poll(() => page.getByText(/Laid out \d+ people/).count(), { timeout: 30_000 }).toBe(1)

  // Colour by community: the legend lists the communities.
  await page.getByLabel('Colour by').selectOption('community')
  const legend = page.getByRole('complementary', { name: 'Community legend' })
  await expect.poll(() => legend.innerText()).toMatch(/\(\d+\)/)

  // The side panel answers "who can introduce me" for the selected person.
  await page.getByRole('searchbox', { name: 'Find a person' }).fill(target!.name)
  await page.getByRole('option', { name: new RegExp(target!.name) }).first().click()
  const panel = page.getByRole('complementary', { name: `About ${target!.name}` })
  const section = panel.getByRole('region', { name: 'Who can introduce me' })
  await expect.poll(() => section.getByRole('list', { name: 'Paths' }).locator('li').count()).toBe(3)
  await page.waitForTimeout(400)
  await app.screenshot('insights-map-communities')
  await page.screenshot({ path: join(DOCS, 'insights-map.png') })
  await panel.getByRole('button', { name: 'Close' }).click()

  // Time on the map: back to the first months, fewer people; play steps forward.
  const slider = page.getByRole('slider', { name: 'Show the network as it was on' })
  await slider.fill('3')
  // The slider names the month (Intl, en-US): "As of the end of March 2026".
  await expect.poll(() => page.getByRole('group', { name: 'Time on the map' }).innerText()).toMatch(/As of the end of [A-Z][a-z]+ \d{4}/)
  const shownAs = await page.getByRole('group', { name: 'Time on the map' }).locator('output').innerText()
  expect(await slider.getAttribute('aria-valuetext')).toBe(shownAs)
  const [, monthName, year] = /As of the end of ([A-Za-z]+) (\d{4})/.exec(shownAs)!
  const month = Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, i, 1))).indexOf(monthName!)
  expect(month).toBeGreaterThanOrEqual(0)
  const asOf = new Date(Date.UTC(Number(year), month + 1, 0)).toISOString().slice(0, 10)
  const then = await app.api<{ nodes: unknown[] }>('graph:get', { asOf })
  expect(then.nodes.length).toBeLessThan(data.nodes.length)
  // The map redraws with the people of that date.
  const drawn = () => page.evaluate(() => (document.querySelector('[data-testid=graph-canvas]') as HTMLElement & { cy: { nodes(): { length: number } } }).cy.nodes().length)
  await expect.poll(drawn).toBe(then.nodes.length)
  await page.waitForTimeout(600)
  await app.screenshot('insights-map-time')
  await page.screenshot({ path: join(DOCS, 'insights-map-time.png') })
  await page.getByRole('button', { name: 'Play the network forward' }).click()
  await expect.poll(() => page.getByRole('group', { name: 'Time on the map' }).locator('output').innerText(), { timeout: 10_000 }).not.toBe(shownAs)
  await page.getByRole('button', { name: 'Pause' }).click()
})

it('every Insights view answers on a 10,000-person network', async () => {
  app = await startE2E({ now: '2026-10-31T10:00:00.000Z', viewport: { width: 1360, height: 900 } })
  const { page } = app
  const db = openDatabase(defaultNetworkFile(app.dataDir))
  const net = generateNetwork({ seed: 42, people: 10_000, introsPerPerson: 2, today: '2026-10-31' })
  tx(db, () => insertNetwork(db, net, '2026-10-31T10:00:00.000Z'))
  db.close()
  await app.reload()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Insights' }).click()
  await page.getByRole('radio', { name: 'A company' }).check()
  const company = net.people.find((p) => !p.isMe && p.company)!.company!
  await page.getByLabel('Company', { exact: true }).fill(company)
  await page.getByRole('button', { name: 'Find paths' }).click()
  await page.getByRole('list', { name: 'Paths' }).locator('li').first().waitFor({ timeout: 60_000 })
  await page.getByRole('tab', { name: 'Brokers & communities' }).click()
  await page.getByRole('table', { name: 'Brokers' }).locator('tbody tr').nth(9).waitFor({ timeout: 60_000 })
  await expect.poll(() => page.getByText(/Estimated from 200 sampled people of 9,999\./).count()).toBe(1)
  await page.getByRole('list', { name: 'Communities' }).locator('li').first().waitFor()
  await app.screenshot('insights-10k-brokers')
  await page.getByRole('tab', { name: 'Power teams' }).click()
  await page.getByRole('table', { name: 'Profession flow' }).locator('tbody tr').first().waitFor()
  await page.getByRole('tab', { name: 'Who should meet whom' }).click()
  await page.getByRole('list', { name: 'Suggested introductions' }).locator('li').first().waitFor()
  await page.getByRole('tab', { name: 'What predicts a close' }).click()
  await expect.poll(() => page.getByRole('table', { name: 'Predictors' }).innerText()).toMatch(/\d+%/)

  // The big map coloured by community: the people drawn take their community's colour.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Network' }).click()
  await expect.poll(() => page.getByText(/Laid out \d+ people/).count(), { timeout: 60_000 }).toBe(1)
  await page.getByLabel('Colour by').selectOption('community')
  await page.getByRole('complementary', { name: 'Community legend' }).waitFor()
  const communities = await app.api<{ communities: { colour: string; memberIds: string[] }[] }>('insights:communities', {})
  const colourOf = new Map(communities.communities.flatMap((c) => c.memberIds.map((id) => [id, c.colour] as const)))
  const drawn = await page.evaluate(() =>
    (document.querySelector('[data-testid=graph-canvas]') as HTMLElement & { cy: import('cytoscape').Core }).cy
      .nodes()
      .map((n) => [n.id(), n.data('colour') as string] as const),
  )
  const coloured = drawn.filter(([id, c]) => colourOf.get(id) === c).length
  expect(coloured).toBeGreaterThan(drawn.length / 2)
  await page.waitForTimeout(500)
  await app.screenshot('insights-10k-map-communities')
})

/**
 * The pseudo-locale (en-XA, region ja-JP) over the map's parts and every Insights tab: each text node and label must come
 * from the catalogue (⟦bracketed⟧) or be the user's data, including the sentences explaining a path or a suggestion
 * (written by the screen from the parts the backend sends).
 */
it('the map (side panel, menu, legend, time slider) and every Insights tab show only catalogue text in the pseudo-locale', async () => {
  app = await startE2E({ now: '2026-06-15T10:00:00.000Z', viewport: { width: 1360, height: 900 } })
  const { page } = app
  await app.api('app:loadSample', {})
  await app.api('settings:save', { group: 'general', values: { language: 'en-XA', region: 'ja-JP' } })
  const exported = await app.api<{ text: string }>('files:export', { format: 'json' })
  const dataWords = new Set(exported.text.match(/[A-Za-z]{2,}/g) ?? [])
  const KEEP = new Set('PNG SVG Ctrl Esc Shift EUR GBP USD Louvain Wilson Newcombe'.split(' '))
  await app.reload()
  // The shortcuts listen once the shell is there.
  await page.locator('nav.sidebar').waitFor()
  const found: string[] = []
  const check = async (where: string) => {
    const texts = await page.evaluate(() => {
      const out: string[] = []
      const main = document.querySelector('main') ?? document.body
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const p = n.parentElement
        if (!p || p.closest('script, style, textarea')) continue
        if (n.nodeValue?.trim()) out.push(n.nodeValue)
      }
      for (const el of main.querySelectorAll('[aria-label], [title], [placeholder], [aria-valuetext]'))
        for (const a of ['aria-label', 'title', 'placeholder', 'aria-valuetext']) {
          const v = el.getAttribute(a)
          if (v?.trim()) out.push(v)
        }
      return out
    })
    for (const text of texts)
      for (const word of text.replace(/⟦[^⟧]*⟧/g, ' ').match(/[A-Za-z]{2,}/g) ?? [])
        if (!KEEP.has(word) && !dataWords.has(word)) found.push(`${where}: "${text.slice(0, 100)}" (${word})`)
  }
  await page.keyboard.press('Control+1')
  await page.locator('[data-drawn-at]').first().waitFor({ timeout: 30_000 })
  await page.waitForTimeout(600)
  await check('Network')
  // A person's side panel and right-click menu.
  const who = await page.evaluate(() => {
    const cy = (document.querySelector('[data-testid=graph-canvas]') as HTMLElement & { cy: import('cytoscape').Core }).cy
    const n = cy.nodes('.partner').first()
    n.emit('cxttap')
    return n.id()
  })
  await page.getByRole('menu').waitFor()
  await page.waitForTimeout(1500)
  await check('Network, person menu and side panel')
  await app.screenshot('pseudo-network-menu')
  await page.keyboard.press('Escape')
  expect(who).toBeTruthy()
  // The time slider at an earlier month, and the community legend.
  await page.locator('.graph-time input[type=range]').fill('2')
  await page.waitForTimeout(800)
  await page.locator('.graph-view-controls select').first().selectOption('community')
  await page.waitForTimeout(1500)
  await check('Network, time and communities')
  await page.locator('nav.sidebar > button').filter({ hasText: pseudoize('Insights') }).click()
  for (let i = 0; i < 5; i++) {
    await page.getByRole('tab').nth(i).click()
    await page.waitForTimeout(1500)
    await check(`Insights, tab ${i + 1}`)
  }
  await app.screenshot('pseudo-insights-predict')
  expect([...new Set(found)].join('\n')).toBe('')
})
