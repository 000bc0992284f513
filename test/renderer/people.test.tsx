import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { PeopleScreen } from '../../src/renderer/src/features/people'
import { APP_INFO, Fail, ME, P1, listItem, mockApi, person, renderWithClient } from './mockApi'

const navigate = () => {}

function baseHandlers(items: ReturnType<typeof listItem>[]) {
  return {
    'app:info': () => APP_INFO,
    'groups:list': () => [],
    'people:tags': () => [],
    'people:list': (q: unknown) => {
      const input = q as { offset: number; limit: number }
      return { items, total: items.length, offset: input.offset, limit: input.limit }
    },
    'people:get': (q: unknown) => person((q as { id: string }).id, 'Someone'),
  }
}

describe('people list', () => {
  it('sorts in SQL: clicking a header sets aria-sort and asks people:list for that sort, then flips it', async () => {
    const api = mockApi(baseHandlers([listItem(ME, 'Sam Rivera', { company: 'Rivera Law' }), listItem(P1, 'Ava Chen', { company: 'Chen & Co' })]))
    renderWithClient(<PeopleScreen navigate={navigate} />)
    const table = await screen.findByRole('table', { name: 'People' })
    await within(table).findByText('Ava Chen')
    const nameTh = within(table).getByRole('columnheader', { name: /Name/ })
    const companyTh = within(table).getByRole('columnheader', { name: /Company/ })
    expect(nameTh).toHaveAttribute('aria-sort', 'ascending')
    expect(companyTh).toHaveAttribute('aria-sort', 'none')

    await userEvent.click(within(companyTh).getByRole('button'))
    expect(companyTh).toHaveAttribute('aria-sort', 'ascending')
    expect(nameTh).toHaveAttribute('aria-sort', 'none')
    await waitFor(() => expect(api.callsTo('people:list')).toContainEqual(expect.objectContaining({ sort: 'company', dir: 'asc', offset: 0 })))

    await userEvent.click(within(companyTh).getByRole('button'))
    expect(companyTh).toHaveAttribute('aria-sort', 'descending')
    await waitFor(() => expect(api.callsTo('people:list')).toContainEqual(expect.objectContaining({ sort: 'company', dir: 'desc' })))

    // Numeric columns start with the largest first.
    const receivedTh = within(table).getByRole('columnheader', { name: /Received/ })
    await userEvent.click(within(receivedTh).getByRole('button'))
    expect(receivedTh).toHaveAttribute('aria-sort', 'descending')
    await waitFor(() => expect(api.callsTo('people:list')).toContainEqual(expect.objectContaining({ sort: 'received', dir: 'desc' })))
  })

  it('shows the paging label and an empty state', async () => {
    mockApi(baseHandlers([]))
    renderWithClient(<PeopleScreen navigate={navigate} />)
    expect(await screen.findByText('No people yet')).toBeInTheDocument()
    expect(screen.queryByText(/of 0/)).not.toBeInTheDocument()
  })

  it('searches as you type, through people:list', async () => {
    const api = mockApi(baseHandlers([listItem(P1, 'Ava Chen')]))
    renderWithClient(<PeopleScreen navigate={navigate} />)
    await screen.findByText('Ava Chen')
    expect(screen.getByText('1–1 of 1')).toBeInTheDocument()
    await userEvent.type(screen.getByLabelText('Search'), 'chen')
    await waitFor(() => expect(api.callsTo('people:list')).toContainEqual(expect.objectContaining({ search: 'chen', offset: 0 })))
  })
})

describe('person form', () => {
  it('shows the service VALIDATION message next to the name field and keeps the dialog open', async () => {
    const api = mockApi({
      ...baseHandlers([listItem(P1, 'Ava Chen')]),
      'people:create': () => {
        throw new Fail({ code: 'VALIDATION', message: 'Enter a name.', field: 'name' })
      },
    })
    renderWithClient(<PeopleScreen navigate={navigate} />)
    await screen.findByText('Ava Chen')
    await userEvent.click(screen.getByRole('button', { name: 'New person' }))
    const form = screen.getByRole('form', { name: 'New person' })
    await userEvent.type(within(form).getByLabelText('Company'), 'Acme')
    await userEvent.click(within(form).getByRole('button', { name: 'Add person' }))
    const name = within(form).getByLabelText(/^Name/)
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'))
    expect(name).toHaveAccessibleDescription('Enter a name.')
    // Focus moves to the field with the error, so it is in view on a long form.
    await waitFor(() => expect(name).toHaveFocus())
    // Only the name field is marked.
    expect(within(form).getByLabelText('Company')).not.toHaveAttribute('aria-invalid')
    expect(api.callsTo('people:create')[0]).toMatchObject({ name: '', company: 'Acme', tags: [], cadenceDays: null })
    expect(screen.getByRole('dialog')).toBeInTheDocument()
  })

  it('sends every field, with tags split on commas, and closes on Escape', async () => {
    const api = mockApi({
      ...baseHandlers([]),
      'people:create': (i) => person(P1, (i as { name: string }).name),
    })
    renderWithClient(<PeopleScreen navigate={navigate} />)
    await userEvent.click(await screen.findByRole('button', { name: 'New person' }))
    const form = screen.getByRole('form', { name: 'New person' })
    await userEvent.type(within(form).getByLabelText(/^Name/), 'Ava Chen')
    await userEvent.type(within(form).getByLabelText('Tags'), 'bni, accountant, BNI')
    await userEvent.type(within(form).getByLabelText('Keep in touch every (days)'), '30')
    await userEvent.type(within(form).getByLabelText('What a good referral looks like for them'), 'Owner-managed firms')
    await userEvent.click(within(form).getByRole('button', { name: 'Add person' }))
    await waitFor(() => expect(api.callsTo('people:create')).toHaveLength(1))
    expect(api.callsTo('people:create')[0]).toMatchObject({ name: 'Ava Chen', tags: ['bni', 'accountant'], cadenceDays: 30, idealClient: 'Owner-managed firms' })

    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }))
    expect(screen.getByRole('dialog')).toBeInTheDocument()
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' })
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
})

describe('person detail', () => {
  it('opens from navigate({ personId }), lists their introductions in every role, and archives after confirmation', async () => {
    const api = mockApi({
      ...baseHandlers([]),
      'people:get': (q) => person((q as { id: string }).id, 'Ava Chen', { company: 'Chen & Co', idealClient: 'Owner-managed firms', tags: ['bni'] }),
      'introductions:list': () => ({ items: [], total: 0, offset: 0, limit: 20 }),
      'people:archive': (q) => person(P1, 'Ava Chen', { archivedAt: (q as { archived: boolean }).archived ? '2026-01-02T00:00:00Z' : null }),
    })
    renderWithClient(<PeopleScreen navigate={navigate} target={{ route: 'people', personId: P1 }} />)
    expect(await screen.findByRole('heading', { name: /Ava Chen/ })).toBeInTheDocument()
    expect(screen.getByText('Owner-managed firms')).toBeInTheDocument()
    await waitFor(() => expect(api.callsTo('introductions:list')).toContainEqual(expect.objectContaining({ personId: P1, sort: 'date', dir: 'desc' })))
    expect(await screen.findByText('No introductions with Ava Chen yet.')).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Archive' }))
    expect(api.callsTo('people:archive')).toHaveLength(0)
    await userEvent.click(within(screen.getByRole('dialog', { name: 'Archive Ava Chen?' })).getByRole('button', { name: 'Archive' }))
    await waitFor(() => expect(api.callsTo('people:archive')).toEqual([{ id: P1, archived: true }]))
  })
})

describe('set as me', () => {
  function handlers() {
    return {
      ...baseHandlers([]),
      'people:get': (q: unknown) => {
        const id = (q as { id: string }).id
        return id === ME ? person(ME, 'Sam Rivera') : person(id, 'Ava Chen')
      },
      'introductions:list': () => ({ items: [], total: 0, offset: 0, limit: 20 }),
      'people:setMe': (q: unknown) => person((q as { id: string }).id, 'Ava Chen', { isMe: true }),
    }
  }

  it('asks first, says what changes, and does nothing on Cancel', async () => {
    const api = mockApi(handlers())
    renderWithClient(<PeopleScreen navigate={navigate} target={{ route: 'people', personId: P1 }} />)
    await screen.findByRole('heading', { name: /Ava Chen/ })
    await userEvent.click(screen.getByRole('button', { name: 'Set as me' }))
    const dialog = screen.getByRole('dialog', { name: 'Make Ava Chen "you"?' })
    expect(dialog).toHaveTextContent('Every figure is recomputed from Ava Chen’s point of view')
    await waitFor(() => expect(dialog).toHaveTextContent('Sam Rivera stops being "you"'))
    // Cancel has the focus: Enter does not switch by accident.
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(api.callsTo('people:setMe')).toHaveLength(0)
  })

  it('switches only after the confirmation', async () => {
    const api = mockApi(handlers())
    renderWithClient(<PeopleScreen navigate={navigate} target={{ route: 'people', personId: P1 }} />)
    await screen.findByRole('heading', { name: /Ava Chen/ })
    await userEvent.click(screen.getByRole('button', { name: 'Set as me' }))
    expect(api.callsTo('people:setMe')).toHaveLength(0)
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Make Ava Chen "you"' }))
    await waitFor(() => expect(api.callsTo('people:setMe')).toEqual([{ id: P1 }]))
  })
})
