import { afterAll, beforeAll, expect, it } from 'vitest'
import { REGIONS, pseudoize } from '../../src/shared/i18n'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FIXTURES, startE2E, type E2EApp } from './harness'

/**
 * The pseudo-locale run: the app in `en-XA`, where every catalogue message is
 * accented and bracketed (⟦Ṕéóþĺé⟧). On every screen, each text node and each
 * aria-label, title, placeholder and alt is read; a plain ASCII word left outside
 * the brackets did not come from the catalogue, unless it is the user's own data
 * (every word of the network's JSON export), a name that is not translated
 * (file formats, key names, the product), or the region's own Intl words. The region is
 * ja-JP, so dates and months are written without English month names.
 */
let app: E2EApp
let dataWords: Set<string>
const P = (english: string) => pseudoize(english)

/** Words that are the same in every language: formats, keys, services, currency codes, the language names. */
const KEEP = new Set(
  `Referral Map CSV JSON GraphML GEXF PNG SVG PDF HTML vCard vcf csv json graphml gexf png svg pdf LinkedIn Outlook Google Apple Android iCloud Gmail
  Ctrl Alt Shift Cmd Esc Enter Tab F10 EUR GBP USD CHF JPY BHD CAD AUD UTC ISO UTF Windows Mac Roman Latin English Deutsch PostgreSQL postgres postgresql
  referralmap Wilson BNI Louvain IANA Intl mailto`.split(/\s+/),
)

interface Found {
  word: string
  text: string
  where: string
}

beforeAll(async () => {
  app = await startE2E({ now: '2026-06-15T10:00:00.000Z' })
  await app.api('settings:save', { group: 'general', values: { language: 'en-XA', region: 'ja-JP' } })
  await app.reload()
  // Region and language names from Intl (the Settings selects list them in the region's words).
  const names = new Set<string>()
  for (const lang of ['en', 'ja']) {
    const regions = new Intl.DisplayNames([lang], { type: 'region' })
    const languages = new Intl.DisplayNames([lang], { type: 'language' })
    for (const r of REGIONS) for (const part of [languages.of(r), languages.of(r.split('-')[0]!), regions.of(r.split('-')[1]!)]) for (const w of (part ?? '').match(/[A-Za-z]{2,}/g) ?? []) names.add(w)
  }
  dataWords = names
})
afterAll(async () => {
  await app?.close()
})

/** Every string value in a JSON value (so escapes such as \n do not glue words together). */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v)
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out)
  return out
}

async function addDataWords() {
  const exported = await app.api<{ text: string }>('files:export', { format: 'json' })
  const settings = await app.api<{ general: { timeZone: string }; followup: { templates: Record<string, { subject: string; body: string }> } }>('settings:get')
  const info = await app.api<{ dataFile: string; networkName: string }>('app:info')
  // The user's data, the file's path and name, and the message templates (text the user edits; the built-in ones are
  // written per language, as data, not as catalogue messages).
  const text = [...strings(JSON.parse(exported.text)), settings.general.timeZone, ...strings(settings.followup.templates), info.dataFile, info.networkName].join(' ')
  for (const w of text.match(/[A-Za-z]{2,}/g) ?? []) dataWords.add(w)
}

/** Plain ASCII words on the page now that are neither in ⟦pseudo⟧ text nor the user's data. */
async function untranslated(screen: string): Promise<Found[]> {
  const items = await app.page.evaluate(() => {
    const out: { text: string; where: string }[] = []
    const where = (el: Element) => {
      const parts: string[] = []
      for (let e: Element | null = el; e && parts.length < 4; e = e.parentElement) {
        parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${typeof e.className === 'string' && e.className ? `.${e.className.split(' ')[0]}` : ''}`)
      }
      return parts.join(' > ')
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const p = n.parentElement
      if (!p || p.closest('script, style, noscript')) continue
      // What the user typed into a field is theirs.
      if (p.closest('textarea')) continue
      if (n.nodeValue && n.nodeValue.trim()) out.push({ text: n.nodeValue, where: where(p) })
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-valuetext]')) {
      for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext']) {
        const v = el.getAttribute(a)
        if (v && v.trim()) out.push({ text: v, where: `${where(el)}[${a}]` })
      }
    }
    out.push({ text: document.title, where: 'title' })
    return out
  })
  const found: Found[] = []
  for (const { text, where } of items) {
    // Template placeholders ({prospect.name}, [partner.firstName]) are syntax the user types, the same in every language.
    const outside = text.replace(/⟦[^⟧]*⟧/g, ' ').replace(/[{[][a-zA-Z]+(?:\.[a-zA-Z]+)*[}\]]/g, ' ')
    for (const word of outside.match(/[A-Za-z]{2,}/g) ?? []) {
      if (KEEP.has(word) || dataWords.has(word)) continue
      found.push({ word, text: text.slice(0, 120), where: `${screen}: ${where}` })
    }
  }
  return found
}

const report = (fs: Found[]) => [...new Map(fs.map((f) => [`${f.where}|${f.text}`, f])).values()].map((f) => `${f.where}\n    "${f.text}" (${f.word})`).join('\n')

async function key(combo: string) {
  await app.page.keyboard.press(combo)
  await app.page.waitForTimeout(900)
}

it('the first-run screen shows only catalogue text in the pseudo-locale', async () => {
  await app.page.locator('.welcome h2').first().waitFor()
  await app.page.waitForTimeout(500)
  expect(await app.page.locator('html').getAttribute('lang')).toBe('en')
  const found = await untranslated('first run')
  await app.screenshot('pseudo-first-run')
  expect(report(found)).toBe('')
})

it('every screen, dialog and menu shows only catalogue text or the user’s data in the pseudo-locale', async () => {
  await app.api('app:loadSample', {})
  await app.api('settings:save', { group: 'general', values: { language: 'en-XA', region: 'ja-JP' } })
  await addDataWords()
  await app.reload()
  const page = app.page
  await page.locator('nav.sidebar').waitFor()
  const found: Found[] = []
  const check = async (screen: string) => found.push(...(await untranslated(screen)))

  await key('Control+1')
  await page.locator('[data-drawn-at]').first().waitFor({ timeout: 30_000 })
  await check('Network')
  await app.screenshot('pseudo-network')

  await key('Control+2')
  const peopleRows = page.locator('table.data tbody tr')
  await peopleRows.first().waitFor()
  await check('People')
  await app.screenshot('pseudo-people')
  // A row's right-click menu.
  await peopleRows.nth(2).click({ button: 'right' })
  await page.getByRole('menu').waitFor()
  await check('People, row menu')
  // Archive from the row menu asks first.
  await page.getByRole('menu').getByRole('menuitem').last().click()
  await page.getByRole('dialog').waitFor()
  await check('People, archive confirmation')
  await page.keyboard.press('Escape')
  await page.getByRole('dialog').waitFor({ state: 'detached' })
  await peopleRows.nth(3).click()
  await page.waitForTimeout(900)
  await check('a person')
  await app.screenshot('pseudo-person')
  // New person (Ctrl+N) and its errors: submit empty.
  await key('Control+n')
  const dialog = page.getByRole('dialog')
  await dialog.waitFor()
  await dialog.locator('button[type="submit"]').first().click()
  await page.waitForTimeout(400)
  await check('new person, with errors')
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'detached' })

  await key('Control+3')
  await page.locator('table.data tbody tr').first().waitFor()
  await check('Introductions')
  await page.locator('table.data tbody tr').first().click()
  await page.getByRole('dialog').waitFor()
  await page.waitForTimeout(400)
  await check('an introduction')
  await page.keyboard.press('Escape')
  await key('Control+Shift+n')
  await page.getByRole('dialog').waitFor()
  await check('record an introduction')
  await page.keyboard.press('Escape')

  await key('Control+4')
  await check('Thank & follow up')
  await app.screenshot('pseudo-followup')

  await key('Control+5')
  await page.locator('main svg, main table').first().waitFor()
  await page.waitForTimeout(600)
  await check('Reports')
  await app.screenshot('pseudo-reports')

  // Each chart as a table.
  const toTable = page.locator('main button[aria-pressed="false"], main button').filter({ hasText: P('Show as table') })
  for (let n = await toTable.count(); n > 0; n--) await toTable.first().click()
  await page.waitForTimeout(300)
  await check('Reports as tables')

  await key('Control+6')
  await check('Import/Export')
  // The file's own column names and cells are the user's data too.
  for (const w of readFileSync(join(FIXTURES, 'people-bad-rows.csv'), 'utf8').match(/[A-Za-z]{2,}/g) ?? []) dataWords.add(w)
  await page.locator('#files-import-input').setInputFiles(join(FIXTURES, 'people-bad-rows.csv'))
  await page.locator('main table').first().waitFor()
  await page.waitForTimeout(600)
  await check('Import/Export, a preview with problems')
  await app.screenshot('pseudo-import')

  await key('Control+7')
  await check('Settings')
  await app.screenshot('pseudo-settings')

  await page.locator('nav.sidebar > button').filter({ hasText: P('Insights') }).click()
  await page.waitForTimeout(1200)
  await check('Insights')
  await app.screenshot('pseudo-insights')

  // About (the sidebar's link in the browser).
  await page.locator('nav.sidebar .sidebar-about').click()
  await page.getByRole('dialog').waitFor()
  await check('About')
  await page.keyboard.press('Escape')

  // About (the sidebar's link in the browser).
  await page.locator('nav.sidebar .sidebar-about').click()
  await page.getByRole('dialog').waitFor()
  await check('About')
  await page.keyboard.press('Escape')

  expect(report(found)).toBe('')
})
