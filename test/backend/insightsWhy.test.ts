import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/ctx'
import { createI18n } from '../../src/shared/i18n'
import { formatDay, formatNumber, formatPercent } from '../../src/core/locale'
import { meetingReason, pathWhy, type Format } from '../../src/shared/i18n/insightsText'

/**
 * The Insights sentences are written by the screen in the user's language from the parts the
 * backend sends. In English they must say what the backend's own English sentence says (the one
 * files and logs keep), for every path and suggestion of the sample network; in German they are German.
 */
let app: TestApp
beforeEach(async () => {
  app = createTestApp()
  await app.call('app:loadSample', {})
})
afterEach(() => app.close())

const format = (region: string) =>
  ({
    day: (iso: string) => formatDay(iso, region),
    percent: (x: number) => formatPercent(x, region),
    number: (n: number) => formatNumber(n, region),
  }) satisfies Format
const en = createI18n('en').getFixedT('en', 'insights')
const de = createI18n('de').getFixedT('de', 'insights')
/** The backend writes days as ISO; the screen in the region's format. */
const isoDaysAsUs = (s: string) => s.replace(/\d{4}-\d{2}-\d{2}/g, (d) => formatDay(d, 'en-US'))

async function allPaths() {
  const people = await app.call('people:list', { limit: 200, offset: 0 })
  const paths = []
  for (const p of people.items.slice(0, 40)) {
    try {
      paths.push(...(await app.call('insights:introducers', { targetId: p.id })).paths)
    } catch {
      // You, or someone no path reaches.
    }
  }
  return paths
}

describe('Insights sentences in the user’s language', () => {
  it('every path’s explanation in English reads as the backend’s sentence, and in German has none of its English', async () => {
    const paths = await allPaths()
    expect(paths.length).toBeGreaterThan(10)
    expect(paths.some((p) => p.path.length > 2)).toBe(true)
    for (const p of paths) {
      expect(pathWhy(p, en, format('en-US'))).toBe(isoDaysAsUs(p.why))
      const german = pathWhy(p, de, format('de-DE'))
      expect(german).not.toMatch(/\b(introductions?|contacts?|directly|who knows|last|Ask)\b/)
      expect(german).toMatch(/Empfehlung|Kontakt|kennen/)
    }
  })

  it('every meeting suggestion’s reason in English reads as the backend’s, and in German is German', async () => {
    const r = await app.call('insights:suggestMeetings', {})
    expect(r.items.length).toBeGreaterThan(0)
    for (const s of r.items) {
      expect(meetingReason(s, en, format('en-US'))).toBe(s.reason)
      expect(meetingReason(s, de, format('de-DE'))).toMatch(/^Anderswo in Ihrem Netzwerk haben .* kennen sich noch nicht\.$/)
    }
  })
})
