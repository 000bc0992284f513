import { afterEach, describe, expect, test } from 'vitest'
import Papa from 'papaparse'
import { createTestApp, type TestApp } from '../../helpers/ctx'
import { REPORT_ROWS } from '../../../src/backend/services/analytics'

let t: TestApp
afterEach(() => t.close())

describe('ranking a user would accept', () => {
  test('on a made network, 10 won of 20 ranks above 1 won of 1 (the quality score alone put 1 of 1 first)', async () => {
    t = createTestApp('2026-06-15T10:00:00.000Z')
    const me = (await t.call('app:startEmpty', { meName: 'Sam' })).meId!
    const pat = (await t.call('people:create', { name: 'Pat Steady' })).id
    const lucky = [] as string[]
    for (const n of ['Ada Lucky', 'Bo Lucky', 'Cy Lucky']) lucky.push((await t.call('people:create', { name: n })).id)
    for (let i = 0; i < 20; i++)
      await t.call('introductions:create', {
        referrerId: pat,
        receiverId: me,
        prospect: { new: { name: `P${i}` } },
        date: `2026-0${1 + (i % 5)}-${String(1 + i).padStart(2, '0')}`,
        status: i < 10 ? 'won' : 'lost',
        value: 100,
      })
    for (const id of lucky)
      await t.call('introductions:create', { referrerId: id, receiverId: me, prospect: { new: { name: `L ${id}` } }, date: '2026-05-01', status: 'won', value: 100 })

    const page = await t.call('analytics:scorecards', { period: { preset: 'last12' } })
    expect(page.items.map((s) => s.name)).toEqual(['Pat Steady', 'Ada Lucky', 'Bo Lucky', 'Cy Lucky'])
    // The rule: the low end of the 95% Wilson band of won ÷ decided.
    expect(page.items[0]!.rank).toBeCloseTo(0.2993, 4) // Wilson(10, 20) = [0.2993, 0.7007]
    expect(page.items[1]!.rank).toBeCloseTo(0.2065, 4) // Wilson(1, 1) = [0.2065, 1]
    // What the old default did: the shrunk rate puts every 1 of 1 above 10 of 20.
    const byQuality = await t.call('analytics:scorecards', { period: { preset: 'last12' }, sort: 'quality' })
    expect(byQuality.items.at(-1)!.name).toBe('Pat Steady')
    // The CSV and the report use the same order.
    const { csv } = await t.call('analytics:exportCsv', { period: { preset: 'last12' } })
    expect(csv.split('\r\n')[1]).toMatch(/^1,Pat Steady,/)
  })
})

describe('one source for the scorecard', () => {
  test('on the sample network: report rows == scorecards channel rows == CSV rows (both CSV exports)', async () => {
    t = createTestApp('2026-06-15T10:00:00.000Z')
    await t.call('app:loadSample', {})
    const all = { period: { preset: 'all' as const } }
    const page = await t.call('analytics:scorecards', { ...all, limit: 1000 })
    expect(page.total).toBeGreaterThan(REPORT_ROWS)
    const fromChannel = page.items.map((s) => [s.name, s.received, s.won, s.decided])

    const csvRows = (csv: string) => {
      const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').trimEnd(), { newline: '\r\n' }).data
      const head = parsed[0]!
      const at = (h: string) => head.indexOf(h)
      return parsed.slice(1).map((r) => [r[at('Partner')]!.replace(/^'/, ''), Number(r[at('Received')]), Number(r[at('Won')]), Number(r[at('Decided')])])
    }
    const channelCsv = csvRows((await t.call('analytics:exportCsv', all)).csv)
    const filesCsv = csvRows((await t.call('files:export', { format: 'scorecards-csv' })).text)
    expect(channelCsv).toEqual(fromChannel)
    expect(filesCsv).toEqual(fromChannel)

    const html = (await t.call('files:export', { format: 'report-html' })).text
    const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;|&#39;/g, "'").replace(/&amp;/g, '&')
    const board = html.slice(html.indexOf('Partner leaderboard'), html.indexOf('Who to thank'))
    const reportRows = [...board.matchAll(/<tr><td>(\d+)<\/td><td>([^<]*)<\/td><td>[^<]*<\/td><td class="n">(\d+)<\/td><td class="n">(\d+)<\/td><td class="n">(\d+)<\/td>/g)].map(
      (m) => [unescape(m[2]!), Number(m[3]), Number(m[4]), Number(m[5])],
    )
    expect(reportRows).toEqual(fromChannel.slice(0, REPORT_ROWS))
    expect(board).toContain('Ranked by the low end of the 95% confidence band')
  })
})
