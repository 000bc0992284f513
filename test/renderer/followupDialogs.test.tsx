import { describe, expect, it, vi, beforeEach } from 'vitest'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { MakeIntroductionDialog } from '../../src/renderer/src/features/followup'

/**
 * The follow-up screens use the app's one Dialog and one PersonPicker
 * (src/renderer/src/ui): focus stays inside the dialog, Escape closes a
 * picker's list before the dialog, and the picker works from the keyboard.
 */
const ANA = { id: '01900000-0000-7000-8000-00000000000a', name: 'Ana Ruiz', company: 'Ruiz & Co', profession: 'accountant', isMe: false }
const BEN = { id: '01900000-0000-7000-8000-00000000000b', name: 'Ben Oduya', company: 'Oduya Ltd', profession: 'founder', isMe: false }
const ME = { id: '01900000-0000-7000-8000-00000000000c', name: 'Sam Reed', company: null, profession: null, isMe: true }

let calls: { channel: string; input: unknown }[]

beforeEach(() => {
  calls = []
  const handlers: Record<string, (input: unknown) => unknown> = {
    'people:list': () => ({ items: [ANA, BEN, ME], total: 3, offset: 0, limit: 8 }),
    'followup:context': () => ({ partner: null, prospect: null, me: null, settings: null }),
  }
  const api = new Proxy(
    {},
    {
      get: (_t, channel: string) =>
        vi.fn(async (input: unknown) => {
          calls.push({ channel, input })
          const h = handlers[channel]
          if (!h) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `unmocked ${channel}` } }
          return { ok: true, data: h(input) }
        }),
    },
  )
  Object.assign(window, { api, platform: { transport: 'web', os: 'linux' } })
})

function wrap(ui: ReactNode) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return render(<QueryClientProvider client={qc}>{ui}</QueryClientProvider>)
}

describe('Make an introduction: the shared dialog and person picker', () => {
  it('keeps Tab and Shift+Tab inside the dialog', async () => {
    const user = userEvent.setup()
    wrap(<MakeIntroductionDialog onClose={() => {}} />)
    const dialog = await screen.findByRole('dialog')
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true))
    for (let i = 0; i < 12; i++) {
      await user.tab()
      expect(dialog.contains(document.activeElement), `after ${i + 1} Tab`).toBe(true)
    }
    for (let i = 0; i < 12; i++) {
      await user.tab({ shift: true })
      expect(dialog.contains(document.activeElement), `after ${i + 1} Shift+Tab`).toBe(true)
    }
  })

  it('picks people with the arrow keys and Enter, leaves "you" and the other pick out, and Escape closes the list first', async () => {
    const user = userEvent.setup()
    const onClose = vi.fn()
    wrap(<MakeIntroductionDialog onClose={onClose} />)
    const dialog = await screen.findByRole('dialog')
    const partner = within(dialog).getByRole('combobox', { name: 'Partner (who gets the referral)' })
    await user.type(partner, 'a')
    const list = await within(dialog).findByRole('listbox', { name: 'Partner (who gets the referral)' })
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(2))
    expect(within(list).queryByRole('option', { name: /Sam Reed/ })).toBeNull()
    // Escape closes the list, not the dialog.
    await user.keyboard('{Escape}')
    expect(within(dialog).queryByRole('listbox')).toBeNull()
    expect(onClose).not.toHaveBeenCalled()
    // Arrow down to the second person, Enter picks.
    await user.type(partner, 'o')
    await within(dialog).findByRole('listbox')
    await user.keyboard('{ArrowDown}{Enter}')
    await waitFor(() => expect(within(dialog).queryByRole('combobox', { name: 'Partner (who gets the referral)' })).toBeNull())
    expect(within(dialog).getByText('Ben Oduya')).toBeInTheDocument()
    expect(within(dialog).getByText('· Oduya Ltd')).toBeInTheDocument()
    // The other picker does not offer the partner again.
    await user.type(within(dialog).getByRole('combobox', { name: 'Person to introduce' }), 'a')
    const other = await within(dialog).findByRole('listbox', { name: 'Person to introduce' })
    await waitFor(() => expect(within(other).getAllByRole('option').map((o) => o.textContent)).toEqual([expect.stringContaining('Ana Ruiz')]))
    await user.keyboard('{Escape}{Escape}')
    // A partner was picked: closing asks before the pick is lost.
    const ask = await screen.findByRole('dialog', { name: 'Unsaved changes' })
    expect(onClose).not.toHaveBeenCalled()
    await user.click(within(ask).getByRole('button', { name: 'Discard changes' }))
    expect(onClose).toHaveBeenCalledTimes(1)
  })
})
