import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { InsightsScreen } from '../../src/renderer/src/features/insights'
import { askDraft } from '../../src/renderer/src/features/insights/Introducers'
import { monthSteps } from '../../src/renderer/src/features/insights/MapOptions'
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
    const d = askDraft({ path: ['me', 'a', 'b', 't'], names: ['Me', 'Anna Berg', 'Bob Chen', 'Tia Diaz'], score: 0.2, askId: 'a', why: '' }, 'Tia Diaz')
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
})
