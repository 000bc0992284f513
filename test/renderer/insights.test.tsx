import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { i18n, LocaleScope } from '../../src/renderer/src/ui/i18n'
import { InsightsScreen } from '../../src/renderer/src/features/insights'
import { askDraft } from '../../src/renderer/src/features/insights/Introducers'
import { monthSteps, TimeSlider } from '../../src/renderer/src/features/insights/MapOptions'
import type { PredictorRow, PredictorsResult } from '../../src/shared/channels/insights'
import { mockApi, renderWithClient } from './mockApi'

const row = (r: Partial<PredictorRow> & Pick<PredictorRow, 'factor' | 'value' | 'label'>): PredictorRow => ({
  won: 0,
  decided: 0,
  restWon: 0,
  restDecided: 0,
  enough: false,
  conversion: null,
  low: null,
  high: null,
  restConversion: null,
  difference: null,
  differenceLow: null,
  differenceHigh: null,
  ...r,
})

describe('insights screen', () => {
  it('the ask names the target and the chain', () => {
    const d = askDraft({ path: ['me', 'a', 'b', 't'], names: ['Me', 'Anna Berg', 'Bob Chen', 'Tia Diaz'], score: 0.2, askId: 'a', why: '', explain: { hops: [], record: null, prior: 0.4 } }, 'Tia Diaz')
    expect(d.subject).toBe('Could you introduce me to Tia Diaz?')
    expect(d.body).toMatch(/^Hi Anna,/)
    expect(d.body).toContain('You know Bob Chen, who knows Tia Diaz.')
  })

  it('time steps are month ends from the first introduction to today', () => {
    expect(monthSteps('2026-01-20', '2026-03-10')).toEqual(['2026-01-31', '2026-02-28', '2026-03-10'])
    expect(monthSteps('2026-03-01', '2026-03-01')).toEqual(['2026-03-01'])
  })

  it('what predicts a close: rate with its band, the difference, and "not enough data yet"', async () => {
    const result: PredictorsResult = {
      period: { preset: 'all', from: null, to: null, label: 'All time' },
      minDecided: 10,
      won: 12,
      decided: 26,
      rows: [
        row({ factor: 'warmth', value: '5', label: '5 of 5', won: 8, decided: 12, enough: true, conversion: 0.6667, low: 0.39, high: 0.86, difference: 0.381, differenceLow: 0.0012, differenceHigh: 0.639 }),
        row({ factor: 'warmth', value: 'unknown', label: 'not recorded', won: 1, decided: 4 }),
      ],
    }
    const api = mockApi({ 'insights:predictors': () => result })
    renderWithClient(<InsightsScreen navigate={() => {}} />)
    await userEvent.click(screen.getByRole('tab', { name: 'What predicts a close' }))
    const table = await screen.findByRole('table', { name: 'Predictors' })
    const rows = within(table).getAllByRole('row')
    expect(rows[1]!.textContent).toContain('67% (39%–86%)')
    expect(rows[1]!.textContent).toContain('+38 pts (±0 to +64)')
    expect(rows[2]!.textContent).toContain('not enough data yet')
    await userEvent.selectOptions(screen.getByLabelText('Period'), 'last12')
    await waitFor(() => expect(api.callsTo('insights:predictors').at(-1)).toEqual({ period: { preset: 'last12' } }))
  })

  it('in German: tabs, the predictors table with region percentages, and the ask drafted in German', async () => {
    const result: PredictorsResult = {
      period: { preset: 'year', from: '2026-01-01', to: '2026-12-31', label: 'This year' },
      minDecided: 10,
      won: 12,
      decided: 26,
      rows: [
        row({ factor: 'warmth', value: '5', label: '5 of 5', won: 8, decided: 12, enough: true, conversion: 0.6667, low: 0.39, high: 0.86, difference: 0.381, differenceLow: 0.0012, differenceHigh: 0.639 }),
        row({ factor: 'needsService', value: 'unknown', label: 'not recorded', won: 1, decided: 4 }),
      ],
    }
    mockApi({ 'insights:predictors': () => result })
    renderWithClient(
      <LocaleScope language="de" region="de-DE">
        <InsightsScreen navigate={() => {}} />
      </LocaleScope>,
    )
    expect(screen.getByRole('heading', { name: 'Einblicke' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('tab', { name: 'Was einen Abschluss vorhersagt' }))
    const table = await screen.findByRole('table', { name: 'Einflussgrößen' })
    // Intl puts a (narrow) no-break space before % in German.
    const rows = within(table).getAllByRole('row').map((r) => ({ textContent: r.textContent!.replace(/[\u00a0\u202f]/g, ' ') }))
    expect(rows[0]!.textContent).toBe('FaktorWertEntschiedenGewonnenAbschlussquote (95 %)gegenüber dem Rest (95 %)')
    expect(rows[1]!.textContent).toMatch(/^Wärme5 von 5128/)
    expect(rows[1]!.textContent).toContain('67 % (39 %–86 %)')
    expect(rows[1]!.textContent).toContain('+38 Pkt. (±0 bis +64)')
    expect(rows[2]!.textContent).toBe('Braucht die Leistungnicht erfasst41noch nicht genug Daten')
    expect(screen.getByText(/^01\.01\.2026 – 31\.12\.2026: 26 entschieden, 12 gewonnen \(46\s%\)\.$/)).toBeInTheDocument()
    const d = askDraft(
      { path: ['me', 'a', 'b', 't'], names: ['Me', 'Anna Berg', 'Bob Chen', 'Tia Diaz'], score: 0.2, askId: 'a', why: '', explain: { hops: [], record: null, prior: 0.4 } },
      'Tia Diaz',
      i18n.getFixedT('de', 'insights'),
    )
    expect(d.subject).toBe('Könnten Sie mich Tia Diaz vorstellen?')
    expect(d.body).toMatch(/^Hallo Anna,/)
    expect(d.body).toContain('Sie kennen Bob Chen, und darüber Tia Diaz.')
  })

  it('the time slider names months through Intl in the region (German: "Stand Ende März 2026")', async () => {
    mockApi({
      'app:info': () => ({ today: '2026-05-10', meId: null }),
      'introductions:list': () => ({ items: [{ id: 'i', date: '2026-01-20' }], total: 1, offset: 0, limit: 1 }),
    })
    const onChange = vi.fn()
    const { rerender } = renderWithClient(
      <LocaleScope language="de" region="de-DE">
        <TimeSlider asOf="2026-03-31" onChange={onChange} />
      </LocaleScope>,
    )
    const slider = await screen.findByRole('slider', { name: 'Das Netzwerk zeigen, wie es war am' })
    expect(slider).toHaveAttribute('aria-valuetext', 'Stand Ende März 2026')
    expect(screen.getByRole('group', { name: 'Zeit auf der Karte' })).toHaveTextContent('Stand Ende März 2026')
    expect(screen.getByRole('button', { name: 'Das Netzwerk vorwärts abspielen' })).toBeInTheDocument()
    rerender(
      <QueryClientProvider client={new QueryClient()}>
        <LocaleScope language="en" region="en-US">
          <TimeSlider asOf="2026-02-28" onChange={onChange} />
        </LocaleScope>
      </QueryClientProvider>,
    )
    expect(await screen.findByText('As of the end of February 2026')).toBeInTheDocument()
  })
})
