import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createTestApp, type TestApp } from '../../helpers/ctx'

/**
 * A network with EUR and GBP wins (the default currency is EUR). Every figure is
 * per currency and never summed; hand-computed below. Before the fix GBP 2,400
 * showed as "EUR 2,400" and was added to the euros (EUR 3,900 for Ann).
 */
let t: TestApp
let me: string
let ann: string
let gus: string

const EUR = (minor: number) => ({ currency: 'EUR', minor })
const GBP = (minor: number) => ({ currency: 'GBP', minor })

async function intro(referrerId: string, receiverId: string, date: string, more: Record<string, unknown> = {}) {
  return t.call('introductions:create', { referrerId, receiverId, prospect: { new: { name: `Prospect ${date}` } }, date, ...more } as never)
}

beforeEach(async () => {
  t = createTestApp('2026-06-15T10:00:00.000Z')
  me = (await t.call('app:startEmpty', { meName: 'Sam' })).meId!
  ann = (await t.call('people:create', { name: 'Ann' })).id
  gus = (await t.call('people:create', { name: 'Gus' })).id
  await intro(ann, me, '2026-03-01', { status: 'won', statusDate: '2026-03-11', value: 1000, currency: 'EUR' })
  await intro(ann, me, '2026-04-01', { status: 'won', statusDate: '2026-04-21', value: 2400, currency: 'GBP' })
  await intro(ann, me, '2026-04-05', { status: 'lost' })
  await intro(gus, me, '2026-04-10', { status: 'won', statusDate: '2026-04-20', value: 500, currency: 'GBP' })
  await intro(me, ann, '2026-05-01', { status: 'won', statusDate: '2026-05-02', value: 300, currency: 'GBP' })
  await intro(ann, gus, '2026-05-03', { status: 'won', statusDate: '2026-05-04', value: 9999, currency: 'EUR' }) // not yours
})
afterEach(() => t.close())

describe('money of different currencies is never added', () => {
  test('scorecards: closed, given and balance per currency, main currency first', async () => {
    const page = await t.call('analytics:scorecards', { period: { preset: 'last12' } })
    expect(page.currency).toBe('EUR')
    expect(page.currencies).toEqual(['EUR', 'GBP'])
    const a = page.items.find((s) => s.personId === ann)!
    expect(a).toMatchObject({
      received: 3,
      won: 2,
      decided: 3,
      closedValue: [EUR(100_000), GBP(240_000)],
      givenValue: [GBP(30_000)],
      valueBalance: [EUR(100_000), GBP(210_000)],
    })
    expect(page.items.find((s) => s.personId === gus)).toMatchObject({ closedValue: [GBP(50_000)], givenValue: [] })
    // Sorting by closed value compares the main currency only: Ann (EUR 1,000) before Gus (EUR 0).
    const byValue = await t.call('analytics:scorecards', { period: { preset: 'last12' }, sort: 'closedValue' })
    expect(byValue.items.map((s) => s.name)).toEqual(['Ann', 'Gus'])
  })

  test('network figures, months and the top list', async () => {
    const n = await t.call('analytics:network', { period: { preset: 'last12' } })
    expect(n.currency).toBe('EUR')
    expect(n.currencies).toEqual(['EUR', 'GBP'])
    expect(n.closedValue).toEqual([EUR(100_000), GBP(290_000)])
    expect(n.givenValue).toEqual([GBP(30_000)])
    expect(n.byMonth.map((m) => [m.month, m.closedValue])).toEqual([
      ['2026-03', [EUR(100_000)]],
      ['2026-04', [GBP(290_000)]],
      ['2026-05', []],
    ])
    // The top list by value ranks by the main currency and names the others.
    expect(n.topByValue).toEqual([{ personId: ann, name: 'Ann', value: 100_000, detail: '2 won · also GBP 2,400' }])
  })

  test('one partner: analytics:partner', async () => {
    const s = (await t.call('analytics:partner', { personId: ann, period: { preset: 'all' } })).scorecard
    expect(s.closedValue).toEqual([EUR(100_000), GBP(240_000)])
  })

  test('the CSV has a money column per currency', async () => {
    const { csv } = await t.call('analytics:exportCsv', { period: { preset: 'last12' } })
    const [head, ...rows] = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(','))
    const col = (h: string) => head!.indexOf(h)
    expect(col('Closed value (EUR)')).toBeGreaterThan(0)
    expect(col('Closed value (GBP)')).toBe(col('Closed value (EUR)') + 1)
    expect(head).not.toContain('Closed value')
    const annRow = rows.find((r) => r[1] === 'Ann')!
    expect([annRow[col('Closed value (EUR)')], annRow[col('Closed value (GBP)')]]).toEqual(['1000', '2400'])
    expect([annRow[col('Given value (EUR)')], annRow[col('Given value (GBP)')]]).toEqual(['0', '300'])
    const gusRow = rows.find((r) => r[1] === 'Gus')!
    expect([gusRow[col('Closed value (EUR)')], gusRow[col('Closed value (GBP)')]]).toEqual(['0', '500'])
  })

  test('the graph: node size by won value counts the main currency only; the panel gets every currency', async () => {
    const g = await t.call('graph:get', {})
    expect(g.currency).toBe('EUR')
    const a = g.nodes.find((n) => n.id === ann)!
    // Ann made EUR 1,000 + EUR 9,999 (to Gus) and GBP 2,400 of won introductions.
    expect(a.closedValueMinor).toBe(1_099_900)
    expect(a.closedValue).toEqual([EUR(1_099_900), GBP(240_000)])
    expect(g.nodes.find((n) => n.id === gus)).toMatchObject({ closedValueMinor: 0, closedValue: [GBP(50_000)] })
    expect(g.edges.find((e) => e.source === ann && e.target === me)!.valueMinor).toBe(100_000)
  })

  test('the printable report labels every amount with its own currency', async () => {
    const { text } = await t.call('files:export', { format: 'report-html' })
    const annRow = text.split('\n').find((l) => l.includes('<td>Ann</td>'))!
    expect(annRow).toContain('EUR 1,000<br>GBP 2,400')
    expect(text).toContain('<b>EUR 1,000 · GBP 2,900</b>Won value')
    expect(text).not.toMatch(/EUR 3,9|EUR 2,400|EUR 4,2/)
    // Who to thank: the GBP win with its currency.
    expect(text).toMatch(/<td>Ann<\/td><td>Prospect 2026-04-01<\/td><td>2026-04-21<\/td><td class="n">GBP 2,400<\/td>/)
  })
})
