import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { IntroductionsScreen } from '../../src/renderer/src/features/introductions'
import { LocaleScope } from '../../src/renderer/src/ui/i18n'
import { APP_INFO, Fail, ME, P1, P2, listItem, mockApi, person, renderWithClient } from './mockApi'

const navigate = () => {}
const people = [listItem(ME, 'Sam Rivera'), listItem(P1, 'Ava Chen', { company: 'Chen & Co' }), listItem(P2, 'Ben Silva')]

const H_NEW = '0190a000-0000-7000-8000-0000000000b1'
const H_WON = '0190a000-0000-7000-8000-0000000000b2'

function intro(i: Record<string, unknown>) {
  return {
    id: '0190a000-0000-7000-8000-0000000000aa',
    referrerId: P1,
    receiverId: ME,
    prospectId: P2,
    referrerName: 'Ava Chen',
    receiverName: 'Sam Rivera',
    prospectName: 'Ben Silva',
    date: '2026-03-02',
    kind: 'referral',
    origin: 'outbound',
    warmth: null,
    needsService: null,
    fitsProfile: null,
    accepted: null,
    status: 'won',
    statusDate: '2026-03-20',
    value: 1200,
    currency: 'EUR',
    notes: null,
    history: [
      { id: H_NEW, status: 'new', date: '2026-03-02' },
      { id: H_WON, status: 'won', date: '2026-03-20' },
    ],
    createdAt: '2026-03-02T00:00:00.000Z',
    updatedAt: '2026-03-02T00:00:00.000Z',
    ...i,
  }
}

function handlers(extra: Record<string, (i: unknown) => unknown> = {}) {
  return {
    'app:info': () => APP_INFO,
    'settings:get': () => ({ general: { currency: 'EUR', timeZone: 'UTC', timeZoneIsDefault: false, language: null, region: null } }),
    'people:get': (q: unknown) => {
      const id = (q as { id: string }).id
      return person(id, people.find((p) => p.id === id)?.name ?? 'Someone')
    },
    'people:list': (q: unknown) => {
      const s = ((q as { search?: string }).search ?? '').toLowerCase()
      const items = people.filter((p) => p.name.toLowerCase().includes(s))
      return { items, total: items.length, offset: 0, limit: 8 }
    },
    'introductions:list': () => ({ items: [], total: 0, offset: 0, limit: 50 }),
    ...extra,
  }
}

async function openForm() {
  renderWithClient(<IntroductionsScreen navigate={navigate} />)
  await screen.findByText('No introductions yet')
  await userEvent.click(screen.getAllByRole('button', { name: 'Record introduction' })[0]!)
  const form = screen.getByRole('form', { name: 'Record introduction' })
  // The receiver defaults to you once "you" is known.
  await waitFor(() => expect(within(form).queryByRole('combobox', { name: 'Receiver' })).toBeNull())
  expect(within(form).getByRole('button', { name: 'Change receiver' }).parentElement).toHaveTextContent('Sam Rivera')
  return form
}

async function pick(form: HTMLElement, label: string, text: string, option: string | RegExp) {
  await userEvent.type(within(form).getByRole('combobox', { name: label }), text)
  await userEvent.click(await screen.findByRole('option', { name: option }))
  await waitFor(() => expect(within(form).queryByRole('combobox', { name: label })).toBeNull())
}

describe('record introduction', () => {
  it('creates a new prospect by name, with you as the default receiver', async () => {
    const api = mockApi(handlers({ 'introductions:create': () => intro({ prospectName: 'Priya Castellano' }), 'introductions:get': () => intro({}) }))
    const form = await openForm()
    await pick(form, 'Referrer', 'ava', /Ava Chen/)
    await pick(form, 'Prospect', 'Priya Castellano', 'Create new: Priya Castellano')
    expect(within(form).getByText('(new person)')).toBeInTheDocument()
    // The value only appears for won/proposal.
    expect(within(form).queryByLabelText('Value')).not.toBeInTheDocument()
    await userEvent.selectOptions(within(form).getByLabelText('Status'), 'won')
    await userEvent.type(within(form).getByLabelText('Value'), '1250.50')
    await userEvent.selectOptions(within(form).getByLabelText('Kind'), 'lead')
    expect(within(form).getByText(/Lead: a name and a need/)).toBeInTheDocument()
    await userEvent.click(within(form).getByRole('button', { name: 'Record introduction' }))
    await waitFor(() => expect(api.callsTo('introductions:create')).toHaveLength(1))
    expect(api.callsTo('introductions:create')[0]).toMatchObject({
      referrerId: P1,
      receiverId: ME,
      prospect: { new: { name: 'Priya Castellano' } },
      kind: 'lead',
      status: 'won',
      value: 1250.5,
      currency: 'EUR',
    })
    // Then the new introduction's detail opens.
    expect(await screen.findByRole('dialog', { name: 'Introduction' })).toBeInTheDocument()
  }, 15_000)

  it('places a service error next to the field it is about', async () => {
    mockApi(
      handlers({
        'introductions:create': () => {
          throw new Fail({ code: 'VALIDATION', message: 'The referrer and the receiver must be different people.', field: 'receiverId' })
        },
      }),
    )
    const form = await openForm()
    await pick(form, 'Referrer', 'sam', /Sam Rivera/)
    await pick(form, 'Prospect', 'ben', /Ben Silva/)
    await userEvent.click(within(form).getByRole('button', { name: 'Record introduction' }))
    const msg = await within(form).findByText('The referrer and the receiver must be different people.')
    // Inside the Receiver field, not the Referrer's.
    const field = msg.closest('.field')!
    expect(field).toHaveTextContent('Receiver')
    expect(field).not.toHaveTextContent('Referrer')
    expect(screen.getAllByRole('alert')).toHaveLength(1)
  })

  it('asks for the referrer and prospect before calling the service', async () => {
    const api = mockApi(handlers())
    const form = await openForm()
    await userEvent.click(within(form).getByRole('button', { name: 'Record introduction' }))
    expect(within(form).getByRole('combobox', { name: 'Referrer' })).toHaveAccessibleDescription('Choose who made the introduction.')
    expect(within(form).getByRole('combobox', { name: 'Prospect' })).toHaveAccessibleDescription('Choose the person introduced, or type a new name.')
    expect(api.callsTo('introductions:create')).toHaveLength(0)
  })
})

describe('introduction detail', () => {
  it('shows the status history and changes the status with a date', async () => {
    const api = mockApi(
      handlers({
        'introductions:list': () => ({ items: [intro({})], total: 1, offset: 0, limit: 50 }),
        'introductions:get': () => intro({}),
        'introductions:setStatus': () => intro({ status: 'lost' }),
      }),
    )
    renderWithClient(<IntroductionsScreen navigate={navigate} />)
    const row = await screen.findByRole('row', { name: /Ava Chen/ })
    expect(row).toHaveTextContent('€1,200')
    expect(row).toHaveTextContent('Mar 2, 2026')
    await userEvent.click(row)
    const dialog = await screen.findByRole('dialog', { name: 'Introduction' })
    const history = await within(dialog).findByRole('list', { name: 'Status history' })
    // Each change after the first can have its date corrected (the first is the introduction's date).
    expect(within(history).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Mar 2, 2026New', 'Mar 20, 2026WonCorrect date'])
    await userEvent.selectOptions(within(dialog).getByLabelText('New status'), 'lost')
    const date = within(dialog).getByLabelText('On')
    await userEvent.clear(date)
    await userEvent.type(date, '2026-04-01')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Change status' }))
    await waitFor(() => expect(api.callsTo('introductions:setStatus')).toEqual([{ id: intro({}).id, status: 'lost', date: '2026-04-01' }]))
  })
})

describe('introduction detail actions', () => {
  it('deletes only after confirmation, and shows a failed list load', async () => {
    let failList = false
    const api = mockApi(
      handlers({
        'introductions:list': () => {
          if (failList) throw new Fail({ code: 'INTERNAL', message: 'The database is busy.' })
          return { items: [intro({})], total: 1, offset: 0, limit: 50 }
        },
        'introductions:get': () => intro({}),
        'introductions:delete': () => {
          failList = true
          return { id: intro({}).id }
        },
      }),
    )
    renderWithClient(<IntroductionsScreen navigate={navigate} />)
    await userEvent.click(await screen.findByRole('row', { name: /Ava Chen/ }))
    const dialog = await screen.findByRole('dialog', { name: 'Introduction' })
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Delete' }))
    const confirm = screen.getByRole('dialog', { name: 'Delete this introduction?' })
    expect(confirm).toHaveTextContent('Ava Chen → Sam Rivera: Ben Silva, Mar 2, 2026')
    await userEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(api.callsTo('introductions:delete')).toHaveLength(0)
    await userEvent.click(within(screen.getByRole('dialog', { name: 'Introduction' })).getByRole('button', { name: 'Delete' }))
    await userEvent.click(screen.getByRole('button', { name: 'Delete introduction' }))
    await waitFor(() => expect(api.callsTo('introductions:delete')).toEqual([{ id: intro({}).id }]))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    // The list reloads after the write; a failure is shown in place of the rows.
    expect(await screen.findByRole('alert')).toHaveTextContent('The database is busy.')
  })
})

describe('edit introduction', () => {
  it('sends the changed fields to introductions:update, without status or a new prospect', async () => {
    const api = mockApi(
      handlers({
        'introductions:list': () => ({ items: [intro({})], total: 1, offset: 0, limit: 50 }),
        'introductions:get': () => intro({}),
        'introductions:update': () => intro({ warmth: 5 }),
      }),
    )
    renderWithClient(<IntroductionsScreen navigate={navigate} />)
    await userEvent.click(await screen.findByRole('row', { name: /Ava Chen/ }))
    await userEvent.click(await within(await screen.findByRole('dialog', { name: 'Introduction' })).findByRole('button', { name: 'Edit' }))
    const form = screen.getByRole('form', { name: 'Edit introduction' })
    expect(within(form).queryByLabelText('Status')).not.toBeInTheDocument()
    expect(within(form).getByLabelText('Value')).toHaveValue('1200')
    await userEvent.selectOptions(within(form).getByLabelText('Warmth'), '5')
    await userEvent.selectOptions(within(form).getByLabelText('Accepted the introduction'), 'yes')
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(api.callsTo('introductions:update')).toHaveLength(1))
    const sent = api.callsTo('introductions:update')[0] as Record<string, unknown>
    expect(sent).toMatchObject({ id: intro({}).id, referrerId: P1, receiverId: ME, prospectId: P2, warmth: 5, accepted: true, value: 1200, currency: 'EUR' })
    expect(sent).not.toHaveProperty('status')
    expect(sent).not.toHaveProperty('prospect')
    // Back to the detail view.
    expect(await screen.findByRole('dialog', { name: 'Introduction' })).toBeInTheDocument()
  })
})

describe('dates (today is 2026-06-15, from app:info)', () => {
  it('records an introduction that is already won with its win date', async () => {
    const api = mockApi(handlers({ 'introductions:create': () => intro({}), 'introductions:get': () => intro({}) }))
    const form = await openForm()
    await pick(form, 'Referrer', 'ava', /Ava Chen/)
    await pick(form, 'Prospect', 'ben', /Ben Silva/)
    expect(within(form).queryByLabelText('Won on')).not.toBeInTheDocument()
    await userEvent.selectOptions(within(form).getByLabelText('Status'), 'won')
    const wonOn = within(form).getByLabelText('Won on')
    expect(wonOn).toHaveValue('2026-06-15')
    expect(wonOn).toHaveAccessibleDescription(/days to won/)
    await userEvent.clear(within(form).getByLabelText('Date'))
    await userEvent.type(within(form).getByLabelText('Date'), '2026-04-01')
    await userEvent.clear(wonOn)
    await userEvent.type(wonOn, '2026-05-31')
    await userEvent.click(within(form).getByRole('button', { name: 'Record introduction' }))
    await waitFor(() => expect(api.callsTo('introductions:create')).toHaveLength(1))
    expect(api.callsTo('introductions:create')[0]).toMatchObject({ date: '2026-04-01', status: 'won', statusDate: '2026-05-31' })
  })

  it('a new introduction sends no status date; a future date is a hint that does not block', async () => {
    const api = mockApi(handlers({ 'introductions:create': () => intro({}), 'introductions:get': () => intro({}) }))
    const form = await openForm()
    await pick(form, 'Referrer', 'ava', /Ava Chen/)
    await pick(form, 'Prospect', 'ben', /Ben Silva/)
    const date = within(form).getByLabelText('Date')
    expect(date).toHaveValue('2026-06-15')
    expect(date).not.toHaveAccessibleDescription(/After today/)
    await userEvent.clear(date)
    await userEvent.type(date, '2026-07-01')
    expect(date).toHaveAccessibleDescription('After today (Jun 15, 2026): is this date right?')
    expect(date).not.toHaveAttribute('aria-invalid')
    await userEvent.click(within(form).getByRole('button', { name: 'Record introduction' }))
    await waitFor(() => expect(api.callsTo('introductions:create')).toHaveLength(1))
    const sent = api.callsTo('introductions:create')[0] as Record<string, unknown>
    expect(sent).toMatchObject({ date: '2026-07-01', status: 'new' })
    expect(sent).not.toHaveProperty('statusDate')
  })

  it('shows the service refusing a future win date next to the win date', async () => {
    mockApi(
      handlers({
        'introductions:create': () => {
          throw new Fail({ code: 'VALIDATION', message: 'The "won" date cannot be after today (2026-06-15): record it once it has happened.', field: 'statusDate' })
        },
      }),
    )
    const form = await openForm()
    await pick(form, 'Referrer', 'ava', /Ava Chen/)
    await pick(form, 'Prospect', 'ben', /Ben Silva/)
    await userEvent.selectOptions(within(form).getByLabelText('Status'), 'won')
    const wonOn = within(form).getByLabelText('Won on')
    await userEvent.clear(wonOn)
    await userEvent.type(wonOn, '2030-01-01')
    expect(wonOn).toHaveAccessibleDescription('After today (Jun 15, 2026): a decision can only be recorded once it has happened.')
    await userEvent.click(within(form).getByRole('button', { name: 'Record introduction' }))
    await waitFor(() => expect(wonOn).toHaveAttribute('aria-invalid', 'true'))
    expect(wonOn).toHaveAccessibleDescription(/cannot be after today/)
  })

  it('corrects the date of a status change from the history', async () => {
    let current = intro({})
    const api = mockApi(
      handlers({
        'introductions:list': () => ({ items: [current], total: 1, offset: 0, limit: 50 }),
        'introductions:get': () => current,
        'introductions:editStatusDate': (q) => {
          const { date } = q as { date: string }
          if (date > '2026-06-15') throw new Fail({ code: 'VALIDATION', message: 'The "won" date cannot be after today (2026-06-15).', field: 'date' })
          current = intro({ statusDate: date, history: [{ id: H_NEW, status: 'new', date: '2026-03-02' }, { id: H_WON, status: 'won', date }] })
          return current
        },
      }),
    )
    renderWithClient(<IntroductionsScreen navigate={navigate} />)
    await userEvent.click(await screen.findByRole('row', { name: /Ava Chen/ }))
    const dialog = await screen.findByRole('dialog', { name: 'Introduction' })
    const history = await within(dialog).findByRole('list', { name: 'Status history' })
    // The first entry is the introduction's own date: no correction there.
    expect(within(history).getAllByRole('button')).toHaveLength(1)
    await userEvent.click(within(history).getByRole('button', { name: 'Correct the date of Won (Mar 20, 2026)' }))
    const editor = within(history).getByRole('form', { name: 'Correct the date of Won' })
    const field = within(editor).getByLabelText('Won on')
    expect(field).toHaveValue('2026-03-20')
    await userEvent.clear(field)
    await userEvent.type(field, '2026-07-01')
    expect(field).toHaveAccessibleDescription(/a decision can only be recorded once it has happened/)
    await userEvent.click(within(editor).getByRole('button', { name: 'Save date' }))
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'))
    await userEvent.clear(field)
    await userEvent.type(field, '2026-03-12')
    await userEvent.click(within(editor).getByRole('button', { name: 'Save date' }))
    await waitFor(() => expect(api.callsTo('introductions:editStatusDate')).toContainEqual({ id: intro({}).id, historyId: H_WON, date: '2026-03-12' }))
    await waitFor(() => expect(within(history).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Mar 2, 2026New', 'Mar 12, 2026WonCorrect date']))
  })

  it('warns in the status changer when a decision is dated after today', async () => {
    mockApi(handlers({ 'introductions:list': () => ({ items: [intro({ status: 'meeting' })], total: 1, offset: 0, limit: 50 }), 'introductions:get': () => intro({ status: 'meeting' }) }))
    renderWithClient(<IntroductionsScreen navigate={navigate} />)
    await userEvent.click(await screen.findByRole('row', { name: /Ava Chen/ }))
    const dialog = await screen.findByRole('dialog', { name: 'Introduction' })
    await userEvent.selectOptions(within(dialog).getByLabelText('New status'), 'won')
    const on = within(dialog).getByLabelText('On')
    expect(on).toHaveValue('2026-06-15')
    await userEvent.clear(on)
    await userEvent.type(on, '2026-06-20')
    expect(on).toHaveAccessibleDescription(/After today \(Jun 15, 2026\): a decision/)
  })
})

describe('in German (de, de-DE)', () => {
  it('shows the list and detail in German with "1.250,50 €" and German dates, and reads "1.250,50" typed as a value', async () => {
    const api = mockApi(
      handlers({
        'introductions:list': () => ({ items: [intro({ value: 1250.5 })], total: 1, offset: 0, limit: 50 }),
        'introductions:get': () => intro({ value: 1250.5 }),
        'introductions:update': () => intro({ value: 2400.75 }),
      }),
    )
    renderWithClient(
      <LocaleScope language="de" region="de-DE">
        <IntroductionsScreen navigate={navigate} />
      </LocaleScope>,
    )
    expect(await screen.findByRole('heading', { name: 'Empfehlungen' })).toBeInTheDocument()
    const table = screen.getByRole('table', { name: 'Empfehlungen' })
    expect(within(table).getByRole('columnheader', { name: /Empfehlungsgeber/ })).toBeInTheDocument()
    const row = await within(table).findByRole('row', { name: /Ava Chen/ })
    expect(row).toHaveTextContent('1.250,50 €')
    expect(row).toHaveTextContent('02.03.2026')
    expect(row).toHaveTextContent('Empfehlung')
    await userEvent.click(row)
    const dialog = await screen.findByRole('dialog', { name: 'Empfehlung' })
    expect(await within(dialog).findByText('Ava Chen', { selector: 'button' })).toBeInTheDocument()
    expect(within(dialog).getByText(/hat/)).toHaveTextContent('Ava Chen hat Ben Silva an Sam Rivera empfohlen')
    expect(within(dialog).getByRole('list', { name: 'Statusverlauf' })).toHaveTextContent('20.03.2026')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Bearbeiten' }))
    const form = screen.getByRole('form', { name: 'Empfehlung bearbeiten' })
    const value = within(form).getByLabelText('Wert')
    // The stored value shown with the region's decimal comma; what the user types is read the same way.
    expect(value).toHaveValue('1250,5')
    await userEvent.clear(value)
    await userEvent.type(value, '2.400,75')
    await userEvent.click(within(form).getByRole('button', { name: 'Speichern' }))
    await waitFor(() => expect(api.callsTo('introductions:update')).toHaveLength(1))
    expect(api.callsTo('introductions:update')[0]).toMatchObject({ value: 2400.75, currency: 'EUR' })
  })
})

describe('introduction form: every error at once, and unsaved edits', () => {
  it('shows every field error together on submit (pickers and an amount that is not one)', async () => {
    const api = mockApi(handlers())
    const form = await openForm()
    await userEvent.selectOptions(within(form).getByLabelText('Status'), 'won')
    await userEvent.type(within(form).getByLabelText('Value'), '12abc')
    await userEvent.clear(within(form).getByLabelText('Won on'))
    await userEvent.click(within(form).getByRole('button', { name: 'Record introduction' }))
    await waitFor(() => expect(within(form).getByRole('combobox', { name: 'Referrer' })).toHaveAccessibleDescription('Choose who made the introduction.'))
    expect(within(form).getByRole('combobox', { name: 'Prospect' })).toHaveAccessibleDescription('Choose the person introduced, or type a new name.')
    expect(within(form).getByLabelText('Value')).toHaveAccessibleDescription('Enter an amount, e.g. 1250 or 1250.50.')
    expect(within(form).getByLabelText('Won on')).toHaveAttribute('aria-invalid', 'true')
    expect(within(form).getAllByRole('alert')).toHaveLength(4)
    expect(api.callsTo('introductions:create')).toHaveLength(0)
  })

  it('closing with edits asks first', async () => {
    mockApi(handlers())
    const form = await openForm()
    await userEvent.type(within(form).getByLabelText('Notes'), 'Met at the chamber lunch')
    fireEvent.keyDown(screen.getByRole('dialog', { name: 'Record introduction' }), { key: 'Escape' })
    const ask = await screen.findByRole('dialog', { name: 'Unsaved changes' })
    await userEvent.click(within(ask).getByRole('button', { name: 'Keep editing' }))
    expect(within(screen.getByRole('form', { name: 'Record introduction' })).getByLabelText('Notes')).toHaveValue('Met at the chamber lunch')
    fireEvent.keyDown(screen.getByRole('dialog', { name: 'Record introduction' }), { key: 'Escape' })
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Unsaved changes' })).getByRole('button', { name: 'Discard changes' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })

  it('defaults filled in later (today, currency, you) are not edits: closing an untouched form does not ask', async () => {
    mockApi(handlers())
    const form = await openForm()
    await userEvent.click(within(form).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
})

describe('introductions row menu', () => {
  it('right-click a row: Edit opens the form, Delete… asks first', async () => {
    const api = mockApi(
      handlers({
        'introductions:list': () => ({ items: [intro({})], total: 1, offset: 0, limit: 50 }),
        'introductions:get': () => intro({}),
        'introductions:delete': () => ({ id: intro({}).id }),
      }),
    )
    renderWithClient(<IntroductionsScreen navigate={navigate} />)
    const row = await screen.findByRole('row', { name: /Ava Chen/ })
    fireEvent.contextMenu(row, { clientX: 40, clientY: 60 })
    let menu = await screen.findByRole('menu', { name: 'Row actions' })
    expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Open', 'Edit', 'Delete…'])
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Edit' }))
    const form = await screen.findByRole('form', { name: 'Edit introduction' })
    expect(within(form).getByLabelText('Value')).toHaveValue('1200')
    await userEvent.click(within(form).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())

    fireEvent.contextMenu(screen.getByRole('row', { name: /Ava Chen/ }), { clientX: 40, clientY: 60 })
    menu = await screen.findByRole('menu', { name: 'Row actions' })
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Delete…' }))
    const confirm = await screen.findByRole('dialog', { name: 'Delete this introduction?' })
    expect(api.callsTo('introductions:delete')).toHaveLength(0)
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete introduction' }))
    await waitFor(() => expect(api.callsTo('introductions:delete')).toEqual([{ id: intro({}).id }]))
  })
})
