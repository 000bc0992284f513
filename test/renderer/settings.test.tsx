import { describe, expect, it, vi, beforeEach } from 'vitest'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { SettingsScreen } from '../../src/renderer/src/features/settings'
import { DEFAULT_TEMPLATES } from '../../src/core/templates/defaults'
import type { Settings } from '../../src/shared/settings'
import { IntroForm } from '../../src/renderer/src/features/introductions/IntroForm'
import { LocaleScope } from '../../src/renderer/src/ui/i18n'
import { discardUnsavedChanges, hasUnsavedChanges } from '../../src/renderer/src/ui/unsaved'
import { APP_INFO, ME, mockApi, person, renderWithClient } from './mockApi'
import { App } from '../../src/renderer/src/App'
import { ToastProvider } from '../../src/renderer/src/ui'

// These screens render whole forms with user-event typing: give them room when the suite runs in parallel.
vi.setConfig({ testTimeout: 20_000 })

let saved: unknown[]
let refuseZone: string | null
const settings: Settings = {
  general: { currency: 'EUR', timeZone: 'UTC', timeZoneIsDefault: false, language: null, region: null },
  profile: { peopleLikeMe: null, idealClient: 'Owner-run firms', profession: null, company: null },
  followup: { templates: DEFAULT_TEMPLATES, askFollowUpDays: 7, defaultCadenceDays: null },
  files: { keepBackups: 20 },
}

beforeEach(() => {
  saved = []
  refuseZone = null
  discardUnsavedChanges()
  const handlers: Record<string, (i: unknown) => unknown> = {
    'settings:get': () => settings,
    'settings:save': (i) => {
      saved.push(i)
      if ((i as { group: string; values: { timeZone?: string } }).values.timeZone === refuseZone)
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

  it('shows every field error at once, before asking the service, and a refused value next to its field', async () => {
    const user = userEvent.setup()
    render(
      <QueryClientProvider client={new QueryClient()}>
        <SettingsScreen navigate={() => {}} />
      </QueryClientProvider>,
    )
    const tz = await screen.findByLabelText('Time zone (days start at midnight here)')
    const cur = screen.getByLabelText('Default currency')
    await user.clear(tz)
    await user.type(tz, 'Moon/Base')
    await user.clear(cur)
    await user.type(cur, 'E1')
    await user.click(screen.getByRole('button', { name: 'Save days and money' }))
    expect(await screen.findByText('Not a time zone (for example Europe/Paris).')).toBeInTheDocument()
    expect(screen.getByText('Use a three-letter currency code such as EUR or USD.')).toBeInTheDocument()
    expect(tz).toHaveAttribute('aria-invalid', 'true')
    expect(cur).toHaveAttribute('aria-invalid', 'true')
    expect(saved).toEqual([])

    // The service's own refusal lands on its field too.
    await user.clear(tz)
    await user.type(tz, 'Europe/Vatican')
    await user.clear(cur)
    await user.type(cur, 'EUR')
    refuseZone = 'Europe/Vatican'
    await user.click(screen.getByRole('button', { name: 'Save days and money' }))
    expect(await screen.findByText('Time zone: Not a time zone (for example Europe/Paris).')).toBeInTheDocument()
    expect(tz).toHaveAttribute('aria-invalid', 'true')
    expect(saved).toEqual([{ group: 'general', values: { currency: 'EUR', timeZone: 'Europe/Vatican' } }])
  })

  it('days take whole numbers only, and every wrong one is named at once', async () => {
    const user = userEvent.setup()
    render(
      <QueryClientProvider client={new QueryClient()}>
        <SettingsScreen navigate={() => {}} />
      </QueryClientProvider>,
    )
    const delay = await screen.findByLabelText('Follow up an unanswered ask after (days)')
    const cadence = screen.getByLabelText('Default keep-in-touch cadence (days)')
    await user.clear(delay)
    await user.type(delay, '2.5')
    await user.type(cadence, 'soon')
    await user.click(screen.getByRole('button', { name: 'Save follow-up settings' }))
    expect(await screen.findByText('Enter a whole number of days.')).toBeInTheDocument()
    expect(screen.getByText('Enter a number of days.')).toBeInTheDocument()
    expect(saved).toEqual([])
  })

  it('chooses the language and region, with a live example of money and dates', async () => {
    const user = userEvent.setup()
    render(
      <QueryClientProvider client={new QueryClient()}>
        <SettingsScreen navigate={() => {}} />
      </QueryClientProvider>,
    )
    const language = await screen.findByLabelText('Language')
    expect(within(language).getByRole('option', { name: 'Deutsch' })).toBeInTheDocument()
    expect(within(language).getByRole('option', { name: /^System default \((English|Deutsch)\)$/ })).toBeInTheDocument()
    const region = screen.getByLabelText('Region (money, dates and numbers)')
    expect(within(region).getByRole('option', { name: 'German (Germany) (de-DE)' })).toBeInTheDocument()
    await user.selectOptions(region, 'en-US')
    expect(screen.getByTestId('locale-example')).toHaveTextContent('€1,250.50 · Dec 2, 2026')
    await user.selectOptions(region, 'de-DE')
    expect(screen.getByTestId('locale-example')).toHaveTextContent('1.250,50 € · 02.12.2026')
    await user.selectOptions(language, 'de')
    await user.click(screen.getByRole('button', { name: 'Save language and region' }))
    await waitFor(() => expect(saved).toEqual([{ group: 'general', values: { language: 'de', region: 'de-DE' } }]))
    await user.selectOptions(language, '')
    await user.selectOptions(region, '')
    await user.click(screen.getByRole('button', { name: 'Save language and region' }))
    await waitFor(() => expect(saved[1]).toEqual({ group: 'general', values: { language: null, region: null } }))
  })

  it('registers unsaved template edits (so leaving asks first) and forgets them once saved', async () => {
    const user = userEvent.setup()
    render(
      <QueryClientProvider client={new QueryClient()}>
        <SettingsScreen navigate={() => {}} />
      </QueryClientProvider>,
    )
    const body = await screen.findByLabelText('Message')
    expect(hasUnsavedChanges()).toBe(false)
    await user.type(body, ' See you soon.')
    await waitFor(() => expect(hasUnsavedChanges()).toBe(true))
    await user.click(screen.getByRole('tab', { name: 'Asking for an introduction' }))
    await user.click(screen.getByRole('tab', { name: 'Thank-you note' }))
    expect(screen.getByLabelText('Message')).toHaveValue(`${DEFAULT_TEMPLATES.thank.body} See you soon.`)
    await user.click(screen.getByRole('button', { name: 'Save follow-up settings' }))
    await waitFor(() => expect(saved).toHaveLength(1))
    expect((saved[0] as { values: Settings['followup'] }).values.templates.thank.body).toBe(`${DEFAULT_TEMPLATES.thank.body} See you soon.`)
    await waitFor(() => expect(hasUnsavedChanges()).toBe(false))
  })

  it('reads in German, with the region\'s formats and German field errors', async () => {
    const user = userEvent.setup()
    render(
      <QueryClientProvider client={new QueryClient()}>
        <LocaleScope language="de" region="de-DE">
          <SettingsScreen navigate={() => {}} />
        </LocaleScope>
      </QueryClientProvider>,
    )
    expect(await screen.findByRole('heading', { name: 'Einstellungen', level: 1 })).toBeInTheDocument()
    expect(await screen.findByRole('heading', { name: 'Sprache und Region' })).toBeInTheDocument()
    expect(screen.getByRole('tab', { name: 'Dankesnachricht' })).toBeInTheDocument()
    const region = screen.getByLabelText('Region (Geld, Daten und Zahlen)')
    expect(within(region).getByRole('option', { name: 'Deutsch (Deutschland) (de-DE)' })).toBeInTheDocument()
    await user.selectOptions(region, 'de-DE')
    expect(screen.getByTestId('locale-example')).toHaveTextContent('So sehen Geldbeträge und Daten aus: 1.250,50 € · 02.12.2026')
    const delay = screen.getByLabelText('Bei unbeantworteter Bitte nachfassen nach (Tagen)')
    await user.clear(delay)
    await user.type(delay, '2,5')
    await user.click(screen.getByRole('button', { name: 'Einstellungen zum Nachfassen speichern' }))
    expect(await screen.findByText('Geben Sie eine ganze Zahl von Tagen ein.')).toBeInTheDocument()
    await user.clear(delay)
    await user.type(delay, '1.000')
    await user.click(screen.getByRole('button', { name: 'Einstellungen zum Nachfassen speichern' }))
    expect(await screen.findByText('Höchstens 365 Tage.')).toBeInTheDocument()
    expect(saved).toEqual([])
  })
})

describe('leaving Settings with unsaved template edits (App)', () => {
  it('asks first: Keep editing keeps the text, Discard leaves for People', async () => {
    localStorage.clear()
    const user = userEvent.setup()
    mockApi({
      'app:info': () => ({ ...APP_INFO, isEmpty: false, meId: ME }),
      'people:get': () => person(ME, 'Sam Reed'),
      'people:list': () => ({ items: [], total: 0, offset: 0, limit: 50 }),
      'people:tags': () => [],
      'groups:list': () => [],
      'introductions:list': () => ({ items: [], total: 0, offset: 0, limit: 50 }),
      'settings:get': () => settings,
      'followup:context': () => ({ me: { id: ME, name: 'Sam Reed', company: null, profession: null, email: null, idealClient: null, howMet: null, peopleLikeMe: null }, partner: null, prospect: null, introduction: null }),
    })
    renderWithClient(
      <ToastProvider>
        <App />
      </ToastProvider>,
    )
    const nav = await screen.findByRole('navigation', { name: 'Main' })
    await user.click(within(nav).getByRole('button', { name: 'Settings' }))
    const body = await screen.findByLabelText('Message')
    await user.type(body, ' Cheers!')
    await user.click(within(nav).getByRole('button', { name: 'People' }))
    const dialog = await screen.findByRole('dialog', { name: 'Unsaved changes' })
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Unsaved changes' })).not.toBeInTheDocument())
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument()
    expect(screen.getByLabelText('Message')).toHaveValue(`${DEFAULT_TEMPLATES.thank.body} Cheers!`)
    await user.click(within(nav).getByRole('button', { name: 'People' }))
    await user.click(within(await screen.findByRole('dialog', { name: 'Unsaved changes' })).getByRole('button', { name: 'Discard changes' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'People' })).toBeInTheDocument()
    expect(saved).toEqual([])
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
