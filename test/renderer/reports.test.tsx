import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ReportsScreen } from '../../src/renderer/src/features/reports'
import { PartnerScorecard } from '../../src/renderer/src/features/reports/PartnerScorecard'
import { ToastProvider } from '../../src/renderer/src/ui'
import { LocaleScope } from '../../src/renderer/src/ui/i18n'
import type { NetworkFigures, Scorecard } from '../../src/shared/channels/analytics'
import { Fail, P1, P2, mockApi, renderWithClient } from './mockApi'

const P3 = '0190a000-0000-7000-8000-000000000004'
const PERIOD = { preset: 'last12' as const, from: '2025-07-01', to: '2026-06-30', label: 'Jul 2025 – Jun 2026' }

function card(personId: string, name: string, x: Partial<Scorecard>): Scorecard {
  return {
    personId,
    name,
    company: null,
    received: 0,
    byKind: { referral: 0, introduction: 0, lead: 0 },
    byOrigin: { inbound: 0, outbound: 0 },
    open: 0,
    won: 0,
    lost: 0,
    notAFit: 0,
    decided: 0,
    conversion: null,
    winRate: null,
    rank: null,
    quality: null,
    qualityLow: null,
    qualityHigh: null,
    closedValue: [],
    avgDaysToWon: null,
    medianDaysToWon: null,
    given: 0,
    givenWon: 0,
    givenValue: [],
    balance: 0,
    valueBalance: [],
    lastReceived: null,
    lastGiven: null,
    lapsing: false,
    lapsingReason: null,
    spinOffValue: [],
    spinOffWon: 0,
    ...x,
  }
}

const EUR = (minor: number) => ({ currency: 'EUR', minor })
const GBP = (minor: number) => ({ currency: 'GBP', minor })
// Ranks are the low ends of the Wilson bands: 2 of 3 (0.2077) above 1 of 1 (0.2065), though 1 of 1 has the higher quality score.
const CARDS = [
  card(P1, 'Ann Accountant', { received: 4, won: 2, decided: 3, conversion: 2 / 3, rank: 0.2077, quality: 0.6, qualityLow: 0.21, qualityHigh: 0.94, closedValue: [EUR(200_000)], balance: 4, lastReceived: '2026-04-01' }),
  card(P2, 'Bob Builder', { received: 1, won: 1, decided: 1, conversion: 1, rank: 0.2065, quality: 0.7, qualityLow: 0.21, qualityHigh: 1, closedValue: [EUR(500_000), GBP(240_000)], given: 2, balance: -1, lapsing: true, lapsingReason: 'silence', lastReceived: '2026-01-01' }),
  card(P3, 'Cleo Coach', { received: 2, open: 2, balance: 2 }),
]

const rate = (won: number, decided: number) => ({ won, decided, conversion: decided ? won / decided : null })
function network(empty: boolean): NetworkFigures {
  return {
    period: PERIOD,
    currency: 'EUR',
    currencies: empty ? ['EUR'] : ['EUR', 'GBP'],
    prior: { mean: 0.75, weight: 5 },
    partners: empty ? 0 : 3,
    introductions: empty ? 0 : 9,
    received: empty ? 0 : 7,
    given: empty ? 0 : 2,
    open: 0,
    won: empty ? 0 : 3,
    decided: empty ? 0 : 4,
    conversion: empty ? null : 0.75,
    winRate: null,
    closedValue: empty ? [] : [EUR(700_000), GBP(240_000)],
    givenWon: 0,
    givenDecided: 0,
    givenConversion: null,
    givenValue: [],
    byOrigin: { inbound: rate(1, 1), outbound: rate(2, 3) },
    byKind: { referral: rate(3, 4), introduction: rate(0, 0), lead: rate(0, 0) },
    avgDaysToWon: null,
    medianDaysToWon: empty ? null : 20,
    byMonth: empty ? [] : [{ month: '2026-01', received: 2, given: 0, won: 1, closedValue: [EUR(120_000)] }, { month: '2026-02', received: 1, given: 0, won: 1, closedValue: [GBP(240_000)] }],
    topByQuality: [],
    topByValue: [],
    topByReciprocityGap: [],
  }
}

function setup(opts: { empty?: boolean } = {}) {
  const navigate = vi.fn()
  const api = mockApi({
    'groups:list': () => [],
    'people:tags': () => [{ tag: 'BNI', count: 2 }],
    'analytics:network': (i) => {
      const p = (i as { period: { preset: string; from?: string; to?: string } }).period
      if (p.preset === 'custom' && p.from! > p.to!) throw new Fail({ code: 'VALIDATION', message: 'The end date cannot be before the start date.', field: 'period.to' })
      return network(opts.empty === true || p.preset === 'custom')
    },
    'analytics:scorecards': (i) => {
      const p = (i as { period: { preset: string; from?: string; to?: string } }).period
      if (p.preset === 'custom' && p.from! > p.to!) throw new Fail({ code: 'VALIDATION', message: 'The end date cannot be before the start date.', field: 'period.to' })
      const items = opts.empty === true || p.preset === 'custom' ? [] : CARDS
      return { period: PERIOD, prior: { mean: 0.75, weight: 5 }, currency: 'EUR', currencies: ['EUR', 'GBP'], items, total: items.length, offset: 0, limit: 1000 }
    },
  })
  renderWithClient(
    <ToastProvider>
      <ReportsScreen navigate={navigate} />
    </ToastProvider>,
  )
  return { api, navigate }
}

const inTable = async (text: string) => within(await screen.findByRole('table', { name: 'Partner leaderboard' })).findByText(text)

const names = () =>
  within(screen.getByRole('table', { name: 'Partner leaderboard' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[1]!.textContent)

describe('Reports leaderboard', () => {
  it('lists scorecards by rank (evidence first, no decided last) with the rule under the table, and sorts by any column both ways', async () => {
    setup()
    await inTable('Ann Accountant')
    expect(names()).toEqual(['Ann Accountant', 'Bob Builder', 'Cleo Coach'])
    expect(screen.getByText(/Ranked by the low end of the 95% confidence band of won ÷ decided/)).toBeTruthy()
    const table = screen.getByRole('table', { name: 'Partner leaderboard' })
    expect(within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['1', '2', '—'])
    const received = within(table).getByRole('columnheader', { name: 'Received' })
    await userEvent.click(within(received).getByRole('button'))
    expect(received.getAttribute('aria-sort')).toBe('descending')
    expect(names()).toEqual(['Ann Accountant', 'Cleo Coach', 'Bob Builder'])
    await userEvent.click(within(received).getByRole('button'))
    expect(received.getAttribute('aria-sort')).toBe('ascending')
    expect(names()).toEqual(['Bob Builder', 'Cleo Coach', 'Ann Accountant'])
    const partner = within(table).getByRole('columnheader', { name: 'Partner' })
    await userEvent.click(within(partner).getByRole('button'))
    expect(names()).toEqual(['Ann Accountant', 'Bob Builder', 'Cleo Coach'])
    // Quality ascending still puts "no decided" last.
    const quality = within(table).getByRole('columnheader', { name: /Quality/ })
    await userEvent.click(within(quality).getByRole('button'))
    await userEvent.click(within(quality).getByRole('button'))
    expect(quality.getAttribute('aria-sort')).toBe('ascending')
    expect(names()).toEqual(['Ann Accountant', 'Bob Builder', 'Cleo Coach'])
  })

  it('shows the figures, the quality band with its decided count, and a lapsing badge', async () => {
    setup()
    const row = (await inTable('Bob Builder')).closest('tr')!
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent)
    expect(cells.slice(2, 6)).toEqual(['1', '1', '1', '100%'])
    expect(cells[6]).toContain('70%')
    expect(cells[6]).toContain('21%–100% · n=1')
    expect(cells[7]).toBe('€5,000 · £2,400')
    expect(cells[11]).toBe('-1')
    expect(within(row).getByText('lapsing').getAttribute('title')).toBe('Quiet for more than 60 days and more than 2 times their usual gap.')
    const conv = screen.getByRole('group', { name: 'Conversion' })
    expect(conv.textContent).toContain('75%')
    expect(conv.textContent).toContain('3 won of 4 decided')
    // Money per currency, never added: one figure per currency, one chart per currency.
    expect(screen.getByRole('group', { name: 'Closed value' }).textContent).toContain('€7,000£2,400')
    expect(screen.getByRole('img', { name: 'Closed value by month (EUR)' })).toBeTruthy()
    expect(screen.getByRole('img', { name: 'Closed value by month (GBP)' })).toBeTruthy()
  })

  it('empty network: an empty state instead of a table body, and dashes for rates', async () => {
    setup({ empty: true })
    await screen.findByText('No introductions in this period')
    expect(screen.getByRole('group', { name: 'Conversion' }).textContent).toContain('—')
    expect(screen.getAllByText('No introductions in this period.').length).toBeGreaterThan(0) // the charts say so too
  })

  it('a period with no data: choosing a custom range asks the service and shows the empty state', async () => {
    const { api } = setup()
    await inTable('Ann Accountant')
    await userEvent.selectOptions(screen.getByLabelText('Period'), 'custom')
    expect(screen.getByText('Choose a start and an end date.')).toBeTruthy()
    await userEvent.type(screen.getByLabelText('From'), '2023-01-01')
    await userEvent.type(screen.getByLabelText('To'), '2023-12-31')
    await screen.findByText('No introductions in this period')
    expect(api.callsTo('analytics:scorecards').at(-1)).toMatchObject({ period: { preset: 'custom', from: '2023-01-01', to: '2023-12-31' } })
  })

  it('a reversed custom range shows the error next to the end date', async () => {
    setup()
    await inTable('Ann Accountant')
    await userEvent.selectOptions(screen.getByLabelText('Period'), 'custom')
    await userEvent.type(screen.getByLabelText('From'), '2026-03-01')
    await userEvent.type(screen.getByLabelText('To'), '2026-01-01')
    await screen.findByText('The end date cannot be before the start date.')
  })

  it('clicking a partner opens their detail; filters reach the service', async () => {
    const { api, navigate } = setup()
    await userEvent.click(await inTable('Ann Accountant'))
    expect(navigate).toHaveBeenCalledWith({ route: 'people', personId: P1 })
    await userEvent.selectOptions(screen.getByLabelText('Tag'), 'BNI')
    await waitFor(() => expect(api.callsTo('analytics:network').at(-1)).toMatchObject({ tag: 'BNI' }))
  })
})

describe('PartnerScorecard', () => {
  it("shows one partner's scorecard and changes period", async () => {
    const api = mockApi({
      'analytics:partner': () => ({
        period: PERIOD,
        prior: { mean: 0.75, weight: 5 },
        currency: 'EUR',
        scorecard: card(P1, 'Ann Accountant', { received: 4, won: 2, lost: 1, decided: 3, conversion: 2 / 3, quality: 0.6, qualityLow: 0.2, qualityHigh: 0.94, closedValue: [EUR(200_000)], spinOffValue: [EUR(70_000)], spinOffWon: 1 }),
      }),
    })
    renderWithClient(<PartnerScorecard personId={P1} />)
    await screen.findByText('€700 from 1 won via people they introduced')
    expect(screen.getByText(/2 won · 1 lost · 0 not a fit · 0 open/)).toBeTruthy()
    expect(screen.getByText(/67% of decided/)).toBeTruthy()
    await userEvent.selectOptions(screen.getByLabelText('Scorecard period'), 'all')
    await waitFor(() => expect(api.callsTo('analytics:partner').at(-1)).toEqual({ personId: P1, period: { preset: 'all' } }))
  })
})

describe('chart tables', () => {
  it('each chart can be shown as a table with the same figures, and back', async () => {
    const user = userEvent.setup()
    setup()
    const toggle = await screen.findByRole('button', { name: 'Closed value by month (EUR): show as table' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(screen.getByRole('img', { name: 'Closed value by month (EUR)' })).toBeInTheDocument()
    await user.click(toggle)
    const monthly = screen.getByRole('table', { name: 'Closed value by month (EUR)' })
    expect(within(monthly).getAllByRole('row').map((r) => r.textContent)).toEqual(['MonthClosed value (EUR)Won', 'Jan 2026€1,2001', 'Feb 2026€01'])
    expect(screen.queryByRole('img', { name: 'Closed value by month (EUR)' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Closed value by month (EUR): show as chart' })).toHaveAttribute('aria-expanded', 'true')

    await user.click(screen.getByRole('button', { name: 'By kind: show as table' }))
    const kinds = screen.getByRole('table', { name: 'By kind' })
    expect(within(kinds).getAllByRole('row').map((r) => r.textContent)).toEqual(['By kindConversionWonDecided', 'Referral75%34', 'Introduction—00', 'Lead—00'])

    await user.click(screen.getByRole('button', { name: 'Given vs received (busiest partners): show as table' }))
    const given = screen.getByRole('table', { name: 'Given vs received (busiest partners)' })
    expect(within(given).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'PartnerGiven by youReceived from them',
      'Ann Accountant04',
      'Bob Builder21',
      'Cleo Coach02',
    ])

    await user.click(screen.getByRole('button', { name: 'Closed value by month (EUR): show as chart' }))
    expect(screen.getByRole('img', { name: 'Closed value by month (EUR)' })).toBeInTheDocument()
    expect(screen.queryByRole('table', { name: 'Closed value by month (EUR)' })).toBeNull()
  })
})

/** Spaces as plain spaces (Intl puts no-break spaces in "100 %" and "5.000 €"). */
const sp = (s: string | null) => (s ?? '').replace(/\s/g, ' ')

describe('Reports in German', () => {
  it('shows the screen in German with amounts, percentages, months and dates in the German format', async () => {
    mockApi({
      'groups:list': () => [],
      'people:tags': () => [{ tag: 'BNI', count: 2 }],
      'analytics:network': () => network(false),
      'analytics:scorecards': () => {
        const items = CARDS
        return { period: PERIOD, prior: { mean: 0.75, weight: 5 }, currency: 'EUR', currencies: ['EUR', 'GBP'], items, total: items.length, offset: 0, limit: 1000 }
      },
    })
    renderWithClient(
      <LocaleScope language="de" region="de-DE">
        <ReportsScreen navigate={vi.fn()} />
      </LocaleScope>,
    )
    expect(await screen.findByRole('heading', { name: 'Berichte' })).toBeTruthy()
    const table = await screen.findByRole('table', { name: 'Rangliste der Partner' })
    const row = (await within(table).findByText('Bob Builder')).closest('tr')!
    const cells = within(row).getAllByRole('cell').map((c) => sp(c.textContent))
    expect(cells[5]).toBe('100 %')
    expect(cells[7]).toBe('5.000 € · 2.400 £')
    expect(cells[13]).toContain('01.01.2026')
    expect(within(row).getByText('lässt nach').getAttribute('title')).toBe('Seit mehr als 60 Tagen still und mehr als 2-mal länger als üblich.')
    expect(screen.getByRole('group', { name: 'Abschlussquote' }).textContent).toContain('3 gewonnen von 4 entschieden')
    expect(screen.getByText('Juli 2025 – Juni 2026')).toBeTruthy()
    const toggle = screen.getByRole('button', { name: 'Abschlusswert nach Monat (EUR): als Tabelle zeigen' })
    await userEvent.click(toggle)
    const monthly = screen.getByRole('table', { name: 'Abschlusswert nach Monat (EUR)' })
    expect(within(monthly).getAllByRole('row').map((r) => sp(r.textContent))).toEqual(['MonatAbschlusswert (EUR)Gewonnen', 'Jan. 20261.200 €1', 'Feb. 20260 €1'])
  })
})
