import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { useState } from 'react'
import type { NavTarget } from '../../src/renderer/src/ui/nav'
import { PeopleScreen } from '../../src/renderer/src/features/people'
import { ToastProvider } from '../../src/renderer/src/ui'
import { LocaleScope } from '../../src/renderer/src/ui/i18n'
import { APP_INFO, Fail, ME, P1, P2, listItem, mockApi, person, renderWithClient } from './mockApi'

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
  it('shows the service VALIDATION message next to the field it is about and keeps the dialog open', async () => {
    const api = mockApi({
      ...baseHandlers([listItem(P1, 'Ava Chen')]),
      'people:create': () => {
        throw new Fail({ code: 'VALIDATION', message: 'At most 200 characters.', field: 'name' })
      },
    })
    renderWithClient(<PeopleScreen navigate={navigate} />)
    await screen.findByText('Ava Chen')
    await userEvent.click(screen.getByRole('button', { name: 'New person' }))
    const form = screen.getByRole('form', { name: 'New person' })
    await userEvent.type(within(form).getByLabelText(/^Name/), 'Ava')
    await userEvent.type(within(form).getByLabelText('Company'), 'Acme')
    await userEvent.click(within(form).getByRole('button', { name: 'Add person' }))
    const name = within(form).getByLabelText(/^Name/)
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'))
    expect(name).toHaveAccessibleDescription('At most 200 characters.')
    // Focus moves to the field with the error, so it is in view on a long form.
    await waitFor(() => expect(name).toHaveFocus())
    // Only the name field is marked.
    expect(within(form).getByLabelText('Company')).not.toHaveAttribute('aria-invalid')
    expect(api.callsTo('people:create')[0]).toMatchObject({ name: 'Ava', company: 'Acme', tags: [], cadenceDays: null })
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

describe('sidebar while a person is open', () => {
  it('asking for the People section itself goes back to the list', async () => {
    mockApi({
      ...baseHandlers([listItem(P1, 'Ava Chen')]),
      'people:get': (q) => person((q as { id: string }).id, 'Ava Chen'),
      'introductions:list': () => ({ items: [], total: 0, offset: 0, limit: 20 }),
    })
    function Shell() {
      const [target, setTarget] = useState<NavTarget>({ route: 'people', personId: P1 })
      return (
        <>
          <button onClick={() => setTarget({ route: 'people' })}>Sidebar: People</button>
          <PeopleScreen navigate={navigate} target={target} />
        </>
      )
    }
    renderWithClient(<Shell />)
    expect(await screen.findByRole('heading', { name: /Ava Chen/ })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Sidebar: People' }))
    expect(await screen.findByRole('table', { name: 'People' })).toBeInTheDocument()
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

describe('duplicate people', () => {
  it('warns while typing that the person already exists, links to them, and does not block saving', async () => {
    const api = mockApi({
      ...baseHandlers([]),
      'people:get': (q: unknown) => person((q as { id: string }).id, 'Ben Brooks', { company: 'Brooks & Co' }),
      'introductions:list': () => ({ items: [], total: 0, offset: 0, limit: 20 }),
      'people:findDuplicates': (q: unknown) => {
        const { name, company } = q as { name: string; company: string | null }
        return name.toLowerCase() === 'ben brooks' && company?.toLowerCase() === 'brooks & co'
          ? [{ id: P1, name: 'Ben Brooks', company: 'Brooks & Co', email: null, isMe: false, archived: false, matchedOn: 'nameCompany' }]
          : []
      },
      'people:create': (i: unknown) => person(P2, (i as { name: string }).name),
    })
    renderWithClient(<PeopleScreen navigate={navigate} />)
    await userEvent.click(await screen.findByRole('button', { name: 'New person' }))
    const form = screen.getByRole('form', { name: 'New person' })
    await userEvent.type(within(form).getByLabelText(/^Name/), 'Ben Brooks')
    await new Promise((r) => setTimeout(r, 400))
    expect(within(form).queryByRole('list', { name: 'Possible duplicates' })).not.toBeInTheDocument()
    await userEvent.type(within(form).getByLabelText('Company'), 'brooks & co')
    const warning = await within(form).findByRole('list', { name: 'Possible duplicates' })
    expect(warning).toHaveTextContent('Ben Brooks, Brooks & Co already exists.')
    expect(api.callsTo('people:findDuplicates')).toContainEqual({ name: 'Ben Brooks', company: 'brooks & co', email: null })
    // The link opens the existing person.
    await userEvent.click(within(warning).getByRole('button', { name: 'Open Ben Brooks' }))
    expect(await screen.findByRole('heading', { name: /Ben Brooks/ })).toBeInTheDocument()
    expect(screen.queryByRole('form', { name: 'New person' })).not.toBeInTheDocument()
    expect(api.callsTo('people:create')).toHaveLength(0)
  })

  it('the warning never blocks: Add person still saves', async () => {
    const api = mockApi({
      ...baseHandlers([]),
      'introductions:list': () => ({ items: [], total: 0, offset: 0, limit: 20 }),
      'people:findDuplicates': () => [{ id: P1, name: 'Ben Brooks', company: null, email: 'ben@brooks.example', isMe: false, archived: true, matchedOn: 'email' }],
      'people:create': (i: unknown) => person(P2, (i as { name: string }).name),
    })
    renderWithClient(<PeopleScreen navigate={navigate} />)
    await userEvent.click(await screen.findByRole('button', { name: 'New person' }))
    const form = screen.getByRole('form', { name: 'New person' })
    await userEvent.type(within(form).getByLabelText('Email'), 'ben@brooks.example')
    expect(await within(form).findByRole('list', { name: 'Possible duplicates' })).toHaveTextContent(
      'Ben Brooks already exists with the email ben@brooks.example (archived).',
    )
    await userEvent.type(within(form).getByLabelText(/^Name/), 'Benjamin Brooks')
    await userEvent.click(within(form).getByRole('button', { name: 'Add person' }))
    await waitFor(() => expect(api.callsTo('people:create')).toHaveLength(1))
  })
})

describe('merge two people', () => {
  const ann = person(P1, 'Ann Adams', { company: 'Adams & Co' })
  const dup = person(P2, 'ann adams', { email: 'ann@adams.example' })
  function handlers(extra: Record<string, (q: unknown) => unknown> = {}) {
    return {
      ...baseHandlers([listItem(P2, 'ann adams'), listItem(ME, 'Sam Rivera')]),
      'people:get': (q: unknown) => {
        const id = (q as { id: string }).id
        return id === P1 ? ann : id === P2 ? dup : person(ME, 'Sam Rivera')
      },
      'introductions:list': () => ({ items: [], total: 0, offset: 0, limit: 20 }),
      'people:mergePreview': (q: unknown) => {
        const { keepId } = q as { keepId: string }
        const [keep, merge] = keepId === P1 ? [ann, dup] : [dup, ann]
        return {
          keep,
          merge,
          moves: [
            { what: 'introductions they made', count: 3 },
            { what: 'tags', count: 1 },
          ],
          fills: keepId === P1 ? [{ field: 'email', label: 'Email', value: 'ann@adams.example' }] : [{ field: 'company', label: 'Company', value: 'Adams & Co' }],
          appendsNotes: false,
        }
      },
      'people:merge': (q: unknown) => {
        const { keepId } = q as { keepId: string }
        return { keep: keepId === P1 ? ann : dup, merge: keepId === P1 ? dup : ann, moves: [], fills: [], appendsNotes: false, backup: 'net-20260615T100000000Z-before-person-merge.referralmap' }
      },
      ...extra,
    }
  }

  async function openMerge() {
    renderWithClient(
      <ToastProvider>
        <PeopleScreen navigate={navigate} target={{ route: 'people', personId: P1 }} />
      </ToastProvider>,
    )
    await screen.findByRole('heading', { name: /Ann Adams/ })
    await userEvent.click(screen.getByRole('button', { name: 'Merge with…' }))
    const dialog = screen.getByRole('dialog', { name: 'Merge Ann Adams with…' })
    await userEvent.type(within(dialog).getByRole('combobox', { name: 'The other person' }), 'ann')
    await userEvent.click(await screen.findByRole('option', { name: /ann adams/ }))
    return dialog
  }

  it('shows both people and what moves, and merges only on confirmation', async () => {
    const api = mockApi(handlers())
    const dialog = await openMerge()
    const plan = await within(dialog).findByRole('region', { name: 'What the merge does' })
    expect(within(plan).getByLabelText('Kept: Ann Adams')).toHaveTextContent('Adams & Co')
    expect(within(plan).getByLabelText('Merged into them, then removed: ann adams')).toHaveTextContent('ann@adams.example')
    expect(within(plan).getByRole('list', { name: 'What moves' })).toHaveTextContent('3 introductions they made')
    expect(within(plan).getByRole('list', { name: 'Filled in' })).toHaveTextContent('Email: ann@adams.example')
    expect(plan).toHaveTextContent('A backup of the network is taken first, and Undo reverts the merge.')
    expect(api.callsTo('people:merge')).toHaveLength(0)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Merge into Ann Adams' }))
    await waitFor(() => expect(api.callsTo('people:merge')).toEqual([{ keepId: P1, mergeId: P2 }]))
    const toast = (await screen.findByText(/Merged ann adams into Ann Adams\. A backup was taken first/)).closest('.toast') as HTMLElement
    // The merge is one action of the change log: the toast offers Undo.
    expect(within(toast).getByRole('button', { name: 'Undo' })).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })

  it('can keep the other person instead', async () => {
    const api = mockApi(handlers())
    const dialog = await openMerge()
    await userEvent.click(await within(dialog).findByRole('radio', { name: 'ann adams' }))
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Merge into ann adams' }))
    await waitFor(() => expect(api.callsTo('people:merge')).toEqual([{ keepId: P2, mergeId: P1 }]))
  })

  it('always keeps "you": merging with yourself offers no choice and keeps you', async () => {
    const me = person(ME, 'Sam Rivera')
    const api = mockApi(
      handlers({
        'people:mergePreview': (q) => ({ keep: (q as { keepId: string }).keepId === ME ? me : ann, merge: ann, moves: [], fills: [], appendsNotes: false }),
        'people:merge': () => ({ keep: me, merge: ann, moves: [], fills: [], appendsNotes: false, backup: 'b.referralmap' }),
      }),
    )
    renderWithClient(<PeopleScreen navigate={navigate} target={{ route: 'people', personId: P1 }} />)
    await screen.findByRole('heading', { name: /Ann Adams/ })
    await userEvent.click(screen.getByRole('button', { name: 'Merge with…' }))
    const dialog = screen.getByRole('dialog', { name: 'Merge Ann Adams with…' })
    await userEvent.type(within(dialog).getByRole('combobox', { name: 'The other person' }), 'sam')
    await userEvent.click(await screen.findByRole('option', { name: /Sam Rivera/ }))
    expect(await within(dialog).findByText(/are always the person kept/)).toBeInTheDocument()
    expect(within(dialog).queryByRole('radio')).not.toBeInTheDocument()
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Merge into Sam Rivera' }))
    await waitFor(() => expect(api.callsTo('people:merge')).toEqual([{ keepId: ME, mergeId: P1 }]))
  })

  it('shows why a merge is refused and does not offer it', async () => {
    mockApi(
      handlers({
        'people:mergePreview': () => {
          throw new Fail({ code: 'CONFLICT', message: '1 introduction would join Ann Adams to themselves. Change or delete them first.', field: 'mergeId' })
        },
      }),
    )
    const dialog = await openMerge()
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('would join Ann Adams to themselves')
    expect(within(dialog).getByRole('button', { name: 'Merge' })).toBeDisabled()
  })
})

function introItem(extra: Record<string, unknown> = {}) {
  return {
    id: '0190a000-0000-7000-8000-0000000000aa',
    referrerId: P1,
    receiverId: ME,
    prospectId: P2,
    referrerName: 'Ava Chen',
    receiverName: 'Sam Rivera',
    prospectName: 'Ben Silva',
    date: '2026-12-02',
    kind: 'referral',
    origin: 'outbound',
    status: 'won',
    statusDate: '2026-12-02',
    value: 1250.5,
    currency: 'EUR',
    ...extra,
  }
}

describe('in German (de, de-DE)', () => {
  it('shows the list with German labels, and a person with region dates and "1.250,50 €"', async () => {
    mockApi({
      ...baseHandlers([listItem(P1, 'Ava Chen', { company: 'Chen & Co' })]),
      'people:get': (q) => person((q as { id: string }).id, 'Ava Chen', { cadenceDays: 30 }),
      'introductions:list': () => ({ items: [introItem()], total: 1, offset: 0, limit: 20 }),
    })
    const { unmount } = renderWithClient(
      <LocaleScope language="de" region="de-DE">
        <PeopleScreen navigate={navigate} />
      </LocaleScope>,
    )
    expect(await screen.findByRole('heading', { name: 'Personen' })).toBeInTheDocument()
    const table = await screen.findByRole('table', { name: 'Personen' })
    expect(within(table).getByRole('columnheader', { name: /Firma/ })).toBeInTheDocument()
    expect(within(table).getByRole('columnheader', { name: /Erhalten/ })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Neue Person' })).toBeInTheDocument()
    expect(screen.getByLabelText('Archivierte anzeigen')).toBeInTheDocument()
    unmount()

    renderWithClient(
      <LocaleScope language="de" region="de-DE">
        <PeopleScreen navigate={navigate} target={{ route: 'people', personId: P1 }} />
      </LocaleScope>,
    )
    expect(await screen.findByRole('heading', { name: /Ava Chen/ })).toBeInTheDocument()
    expect(screen.getByText('alle 30 Tage')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Als mich festlegen' })).toBeInTheDocument()
    const intros = await screen.findByRole('table', { name: 'Empfehlungen mit Ava Chen' })
    const row = await within(intros).findByRole('row', { name: /Ben Silva/ })
    expect(row).toHaveTextContent('1.250,50 €')
    expect(row).toHaveTextContent('02.12.2026')
    expect(row).toHaveTextContent('Gewonnen')
  })

  it('shows the form\'s field errors in German', async () => {
    mockApi(baseHandlers([]))
    renderWithClient(
      <LocaleScope language="de" region="de-DE">
        <PeopleScreen navigate={navigate} />
      </LocaleScope>,
    )
    await userEvent.click((await screen.findAllByRole('button', { name: 'Neue Person' }))[0]!)
    const form = screen.getByRole('form', { name: 'Neue Person' })
    await userEvent.type(within(form).getByLabelText('E-Mail'), 'nope')
    await userEvent.click(within(form).getByRole('button', { name: 'Person hinzufügen' }))
    await waitFor(() => expect(within(form).getByLabelText(/^Name/)).toHaveAccessibleDescription('Geben Sie einen Namen ein.'))
    expect(within(form).getByLabelText('E-Mail')).toHaveAccessibleDescription('Keine E-Mail-Adresse.')
  })
})

describe('person form: every error at once, and unsaved edits', () => {
  it('shows all field errors together on submit and does not call the service', async () => {
    const api = mockApi(baseHandlers([]))
    renderWithClient(<PeopleScreen navigate={navigate} />)
    await userEvent.click(await screen.findByRole('button', { name: 'New person' }))
    const form = screen.getByRole('form', { name: 'New person' })
    await userEvent.type(within(form).getByLabelText('Email'), 'not-an-email')
    await userEvent.type(within(form).getByLabelText('Website'), 'not a site')
    await userEvent.type(within(form).getByLabelText('Keep in touch every (days)'), '0')
    await userEvent.click(within(form).getByRole('button', { name: 'Add person' }))
    const name = within(form).getByLabelText(/^Name/)
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'))
    expect(name).toHaveAccessibleDescription('Enter a name.')
    expect(within(form).getByLabelText('Email')).toHaveAccessibleDescription('Not an email address.')
    expect(within(form).getByLabelText('Website')).toHaveAccessibleDescription('Not a web address.')
    expect(within(form).getByLabelText('Keep in touch every (days)')).toHaveAccessibleDescription('Enter a whole number of days from 1 to 3650, or leave it empty.')
    expect(within(form).getAllByRole('alert')).toHaveLength(4)
    // The first field with an error gets the focus.
    await waitFor(() => expect(name).toHaveFocus())
    expect(api.callsTo('people:create')).toHaveLength(0)
    // Fixing a field clears its error as the user types.
    await userEvent.type(name, 'Ava')
    await waitFor(() => expect(name).not.toHaveAttribute('aria-invalid'))
  })

  it('closing with edits asks first: Keep editing keeps them, Discard closes', async () => {
    mockApi(baseHandlers([]))
    renderWithClient(<PeopleScreen navigate={navigate} />)
    await userEvent.click(await screen.findByRole('button', { name: 'New person' }))
    const form = screen.getByRole('form', { name: 'New person' })
    await userEvent.type(within(form).getByLabelText(/^Name/), 'Ava Chen')
    fireEvent.keyDown(screen.getByRole('dialog', { name: 'New person' }), { key: 'Escape' })
    const ask = await screen.findByRole('dialog', { name: 'Unsaved changes' })
    await userEvent.click(within(ask).getByRole('button', { name: 'Keep editing' }))
    expect(screen.queryByRole('dialog', { name: 'Unsaved changes' })).not.toBeInTheDocument()
    expect(within(screen.getByRole('form', { name: 'New person' })).getByLabelText(/^Name/)).toHaveValue('Ava Chen')
    // Cancel asks too.
    await userEvent.click(within(screen.getByRole('form', { name: 'New person' })).getByRole('button', { name: 'Cancel' }))
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Unsaved changes' })).getByRole('button', { name: 'Discard changes' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })

  it('closes at once when nothing was changed', async () => {
    mockApi(baseHandlers([]))
    renderWithClient(<PeopleScreen navigate={navigate} />)
    await userEvent.click(await screen.findByRole('button', { name: 'New person' }))
    await userEvent.click(within(screen.getByRole('form', { name: 'New person' })).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
})

describe('people row menu', () => {
  function handlers() {
    return {
      ...baseHandlers([listItem(ME, 'Sam Rivera', { isMe: true }), listItem(P1, 'Ava Chen', { company: 'Chen & Co' })]),
      'settings:get': () => ({ general: { currency: 'EUR', timeZone: 'UTC', timeZoneIsDefault: false, language: null, region: null } }),
      'people:get': (q: unknown) => {
        const id = (q as { id: string }).id
        return id === ME ? person(ME, 'Sam Rivera', { isMe: true }) : person(id, 'Ava Chen', { company: 'Chen & Co' })
      },
      'people:update': (q: unknown) => person(P1, (q as { name: string }).name),
      'people:archive': (q: unknown) => person(P1, 'Ava Chen', { archivedAt: (q as { archived: boolean }).archived ? '2026-01-02T00:00:00Z' : null }),
    }
  }
  async function menuOf(name: string) {
    const table = await screen.findByRole('table', { name: 'People' })
    const row = await within(table).findByRole('row', { name: new RegExp(name) })
    fireEvent.contextMenu(row, { clientX: 40, clientY: 60 })
    return screen.findByRole('menu', { name: 'Row actions' })
  }

  it('right-click a row, Edit: the form opens with that person', async () => {
    const api = mockApi(handlers())
    renderWithClient(<PeopleScreen navigate={navigate} />)
    const menu = await menuOf('Ava Chen')
    expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Open', 'Edit', 'Record introduction from Ava…', 'Archive…'])
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Edit' }))
    const form = await screen.findByRole('form', { name: 'Edit person' })
    expect(within(form).getByLabelText(/^Name/)).toHaveValue('Ava Chen')
    expect(within(form).getByLabelText('Company')).toHaveValue('Chen & Co')
    await userEvent.clear(within(form).getByLabelText(/^Name/))
    await userEvent.type(within(form).getByLabelText(/^Name/), 'Ava Chen-Li')
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(api.callsTo('people:update')).toContainEqual(expect.objectContaining({ id: P1, name: 'Ava Chen-Li' })))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })

  it('Record introduction from…: the introduction form opens with that person as the referrer', async () => {
    mockApi(handlers())
    renderWithClient(<PeopleScreen navigate={navigate} />)
    const menu = await menuOf('Ava Chen')
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Record introduction from Ava…' }))
    const form = await screen.findByRole('form', { name: 'Record introduction' })
    expect(within(form).queryByRole('combobox', { name: 'Referrer' })).not.toBeInTheDocument()
    expect(within(form).getByRole('button', { name: 'Change referrer' }).parentElement).toHaveTextContent('Ava Chen')
  })

  it('Archive asks first (the same confirmation as the person page), and "you" have no Archive or Record', async () => {
    const api = mockApi(handlers())
    renderWithClient(
      <ToastProvider>
        <PeopleScreen navigate={navigate} />
      </ToastProvider>,
    )
    let menu = await menuOf('Sam Rivera')
    expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Open', 'Edit'])
    fireEvent.keyDown(menu, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument())
    menu = await menuOf('Ava Chen')
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Archive…' }))
    const confirm = await screen.findByRole('dialog', { name: 'Archive Ava Chen?' })
    expect(api.callsTo('people:archive')).toHaveLength(0)
    await userEvent.click(within(confirm).getByRole('button', { name: 'Archive' }))
    await waitFor(() => expect(api.callsTo('people:archive')).toEqual([{ id: P1, archived: true }]))
    const toast = (await screen.findByText('Archived Ava Chen.')).closest('.toast') as HTMLElement
    expect(within(toast).getByRole('button', { name: 'Undo' })).toBeInTheDocument()
  })
})

describe("a person's introductions: row menu", () => {
  it('right-click an introduction on the person page: Edit opens its form there', async () => {
    const full = {
      ...introItem({ value: 1200 }),
      warmth: null,
      needsService: null,
      fitsProfile: null,
      accepted: null,
      notes: null,
      history: [{ id: '0190a000-0000-7000-8000-0000000000b1', status: 'won', date: '2026-12-02' }],
      createdAt: '2026-12-02T00:00:00.000Z',
      updatedAt: '2026-12-02T00:00:00.000Z',
    }
    mockApi({
      ...baseHandlers([]),
      'settings:get': () => ({ general: { currency: 'EUR', timeZone: 'UTC', timeZoneIsDefault: false, language: null, region: null } }),
      'people:get': (q) => person((q as { id: string }).id, 'Ava Chen'),
      'introductions:list': () => ({ items: [introItem()], total: 1, offset: 0, limit: 20 }),
      'introductions:get': () => full,
    })
    renderWithClient(<PeopleScreen navigate={navigate} target={{ route: 'people', personId: P1 }} />)
    const table = await screen.findByRole('table', { name: 'Introductions involving Ava Chen' })
    fireEvent.contextMenu(await within(table).findByRole('row', { name: /Ben Silva/ }), { clientX: 40, clientY: 60 })
    const menu = await screen.findByRole('menu', { name: 'Row actions' })
    expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Open', 'Edit', 'Delete…'])
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Edit' }))
    const form = await screen.findByRole('form', { name: 'Edit introduction' })
    expect(within(form).getByLabelText('Value')).toHaveValue('1200')
  })
})
