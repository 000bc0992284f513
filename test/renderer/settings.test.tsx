import { describe, expect, it, vi, beforeEach } from 'vitest'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { SettingsScreen } from '../../src/renderer/src/features/settings'
import { DEFAULT_TEMPLATES } from '../../src/core/templates/defaults'
import type { LoopSettings } from '../../src/shared/channels/followup'

let saved: unknown[]
const settings: LoopSettings = {
  templates: DEFAULT_TEMPLATES,
  peopleLikeMe: null,
  idealClient: 'Owner-run firms',
  currency: 'EUR',
  askFollowUpDays: 7,
  defaultCadenceDays: null,
  timeZone: 'UTC',
}

beforeEach(() => {
  saved = []
  const handlers: Record<string, (i: unknown) => unknown> = {
    'followup:settings': () => settings,
    'followup:saveSettings': (i) => {
      saved.push(i)
      return settings
    },
    'followup:context': () => ({ me: { id: 'm', name: 'Sam Reed', company: null, profession: null, email: null, idealClient: null, howMet: null, peopleLikeMe: null }, partner: null, prospect: null, introduction: null }),
    'people:list': () => ({ items: [], total: 0, offset: 0, limit: 8 }),
  }
  const api = new Proxy({}, { get: (_t, ch: string) => vi.fn(async (i: unknown) => ({ ok: true, data: handlers[ch]?.(i) })) })
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

  it('saves people like you, the ask delay and the templates', async () => {
    const user = userEvent.setup()
    render(
      <QueryClientProvider client={new QueryClient()}>
        <SettingsScreen navigate={() => {}} />
      </QueryClientProvider>,
    )
    await user.type(await screen.findByLabelText('People like you (who a good introduction for you is)'), 'owners of small firms')
    const delay = screen.getByLabelText('Follow up an unanswered ask after (days)')
    await user.clear(delay)
    await user.type(delay, '10')
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    await waitFor(() => expect(saved).toHaveLength(1))
    expect(saved[0]).toMatchObject({ peopleLikeMe: 'owners of small firms', askFollowUpDays: 10, idealClient: 'Owner-run firms', templates: DEFAULT_TEMPLATES })
    expect(await screen.findByText('Saved.')).toBeInTheDocument()
  })
})
