import { describe, expect, it, vi, beforeEach } from 'vitest'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { SettingsScreen } from '../../src/renderer/src/features/settings'
import { DEFAULT_TEMPLATES } from '../../src/core/templates/defaults'
import type { Settings } from '../../src/shared/settings'
import { IntroForm } from '../../src/renderer/src/features/introductions/IntroForm'
import { APP_INFO, ME, mockApi, person, renderWithClient } from './mockApi'

let saved: unknown[]
const settings: Settings = {
  general: { currency: 'EUR', timeZone: 'UTC', timeZoneIsDefault: false, language: null, region: null },
  profile: { peopleLikeMe: null, idealClient: 'Owner-run firms', profession: null, company: null },
  followup: { templates: DEFAULT_TEMPLATES, askFollowUpDays: 7, defaultCadenceDays: null },
  files: { keepBackups: 20 },
}

beforeEach(() => {
  saved = []
  const handlers: Record<string, (i: unknown) => unknown> = {
    'settings:get': () => settings,
    'settings:save': (i) => {
      saved.push(i)
      if ((i as { group: string; values: { timeZone?: string } }).values.timeZone === 'Moon/Base')
        return { __error: { code: 'VALIDATION', message: 'Time zone: Not a time zone (for example Europe/Paris).', field: 'values.timeZone' } }
      return settings
    },
    'followup:context': () => ({ me: { id: 'm', name: 'Sam Reed', company: null, profession: null, email: null, idealClient: null, howMet: null, peopleLikeMe: null }, partner: null, prospect: null, introduction: null }),
    'people:list': () => ({ items: [], total: 0, offset: 0, limit: 8 }),
  }
  const api = new Proxy(
    {},
    {
      get: (_t, ch: string) =>
        vi.fn(async (i: unknown) => {
          const data = handlers[ch]?.(i) as { __error?: unknown } | undefined
          return data && data.__error ? { ok: false, error: data.__error } : { ok: true, data }
        }),
    },
  )
  Object.assign(window, { api, platform: { transport: 'web', os: 'linux' } })
})

describe('SettingsScreen', () => {
  it('flags unknown placeholders while editing and previews the rendered text', async () => {
    const user = userEvent.setup()
    render(
      <QueryClientProvider client={new QueryClient()}>
        <SettingsScreen navigate={() => {}} />
      </QueryClientProvider>,
    )
    const body = await screen.findByLabelText('Message')
    await user.clear(body)
    await user.type(body, 'Thanks {{partner.compny}, from {{me.name}')
    expect(screen.getByRole('alert')).toHaveTextContent('Unknown placeholder: {partner.compny}')
    expect(body).toHaveAttribute('aria-invalid', 'true')
    expect(await screen.findByRole('region', { name: 'Preview' })).toHaveTextContent('Thanks {partner.compny}, from Sam Reed')
    await user.clear(body)
    await user.type(body, 'Thanks {{partner.company}')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(screen.getByRole('region', { name: 'Preview' })).toHaveTextContent('Thanks [partner.company]')
  })

  it('saves your profile (only what changed), and the ask delay with the templates, one group per save', async () => {
    const user = userEvent.setup()
    render(
      <QueryClientProvider client={new QueryClient()}>
        <SettingsScreen navigate={() => {}} />
      </QueryClientProvider>,
    )
    await user.type(await screen.findByLabelText('People like you (who a good introduction for you is)'), 'owners of small firms')
    await user.type(screen.getByLabelText('What you do (your profession)'), 'Accountant')
    await user.click(screen.getByRole('button', { name: 'Save your profile' }))
    await waitFor(() => expect(saved).toHaveLength(1))
    expect(saved[0]).toEqual({ group: 'profile', values: { peopleLikeMe: 'owners of small firms', profession: 'Accountant' } })
    expect(await screen.findByText('Saved.')).toBeInTheDocument()

    const delay = screen.getByLabelText('Follow up an unanswered ask after (days)')
    await user.clear(delay)
    await user.type(delay, '10')
    await user.click(screen.getByRole('button', { name: 'Save follow-up settings' }))
    await waitFor(() => expect(saved).toHaveLength(2))
    expect(saved[1]).toEqual({ group: 'followup', values: { askFollowUpDays: 10, defaultCadenceDays: null, templates: DEFAULT_TEMPLATES } })
  })

  it('shows a refused value next to its field', async () => {
    const user = userEvent.setup()
    render(
      <QueryClientProvider client={new QueryClient()}>
        <SettingsScreen navigate={() => {}} />
      </QueryClientProvider>,
    )
    const tz = await screen.findByLabelText('Time zone (days start at midnight here)')
    await user.clear(tz)
    await user.type(tz, 'Moon/Base')
    await user.click(screen.getByRole('button', { name: 'Save days and money' }))
    expect(await screen.findByText('Time zone: Not a time zone (for example Europe/Paris).')).toBeInTheDocument()
    expect(tz).toHaveAttribute('aria-invalid', 'true')
    expect(saved).toEqual([{ group: 'general', values: { currency: 'EUR', timeZone: 'Moon/Base' } }])
  })
})

describe('forms default to the Settings and the backend, not to fixed values or the local clock', () => {
  it("a new introduction's date is the backend's today and its currency the Settings currency", async () => {
    mockApi({
      'app:info': () => ({ ...APP_INFO, today: '2031-01-02' }),
      'settings:get': () => ({ ...settings, general: { ...settings.general, currency: 'GBP' } }),
      'people:list': () => ({ items: [], total: 0, offset: 0, limit: 8 }),
      'people:get': () => person(ME, 'Sam Reed'),
    })
    renderWithClient(<IntroForm onClose={() => {}} onSaved={() => {}} />)
    await waitFor(() => expect(screen.getByLabelText('Date')).toHaveValue('2031-01-02'))
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'won')
    await waitFor(() => expect(screen.getByLabelText('Currency')).toHaveValue('GBP'))
  })
})
