import { describe, expect, it, vi, beforeEach } from 'vitest'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { FollowUpScreen, MakeIntroductionDialog, PersonInteractions, TaskDialog } from '../../src/renderer/src/features/followup'
import { LocaleScope } from '../../src/renderer/src/ui/i18n'
import { DEFAULT_TEMPLATES } from '../../src/core/templates/defaults'
import { Composer } from '../../src/renderer/src/features/followup/Composer'
import type { DraftContext, Today } from '../../src/shared/channels/followup'
import type { Settings } from '../../src/shared/settings'
import { APP_INFO } from './mockApi'

type Handler = (input: unknown) => unknown
let handlers: Record<string, Handler>
let calls: { channel: string; input: unknown }[]

function installApi() {
  calls = []
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
}

function wrap(ui: ReactNode) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return render(<QueryClientProvider client={qc}>{ui}</QueryClientProvider>)
}

const ANA = { id: '01900000-0000-7000-8000-00000000000a', name: 'Ana Ruiz', company: 'Ruiz & Co', profession: 'accountant', email: 'ana@ruiz.example', idealClient: 'Family firms with 10 staff.', howMet: 'the breakfast club' }
const BEN = { id: '01900000-0000-7000-8000-00000000000b', name: 'Ben Oduya', company: 'Oduya Ltd', profession: 'the founder', email: 'ben@example.com', idealClient: null, howMet: null }
const ME = { id: '01900000-0000-7000-8000-00000000000c', name: 'Sam Reed', company: null, profession: null, email: null, idealClient: 'Owner-run firms', howMet: null, peopleLikeMe: 'owners of small firms' }
const INTRO = '01900000-0000-7000-8000-0000000000f1'

const settings: Settings = {
  general: { currency: 'EUR', timeZone: 'UTC', timeZoneIsDefault: false, language: null, region: null },
  profile: { peopleLikeMe: 'owners of small firms', idealClient: 'Owner-run firms', profession: null, company: null },
  followup: { templates: DEFAULT_TEMPLATES, askFollowUpDays: 7, defaultCadenceDays: null },
  files: { keepBackups: 20 },
}

const today: Today = {
  today: '2026-06-15',
  meId: ME.id,
  thankWon: [
    { introductionId: INTRO, referrerId: ANA.id, referrerName: ANA.name, prospectId: BEN.id, prospectName: BEN.name, status: 'won', since: '2026-06-10', daysWaiting: 5, value: 1250.5, currency: 'EUR' },
  ],
  thankReceived: [],
  askNow: [],
  openAsks: [],
  tasks: [
    { id: '01900000-0000-7000-8000-0000000000e1', kind: 'manual', title: 'Send the deck', personId: null, personName: null, introductionId: null, interactionId: null, dueDate: '2026-06-10', daysOverdue: 5, notes: null },
  ],
  keepInTouch: [],
  lapsing: [],
  created: 0,
  totals: { thankWon: 1, thankReceived: 0, askNow: 0, keepInTouch: 0, lapsing: 0 },
}

beforeEach(() => {
  handlers = {
    'followup:today': () => today,
    'settings:get': () => settings,
    'app:info': () => APP_INFO,
    'followup:context': (input) => {
      const i = input as { introductionId?: string; partnerId?: string; prospectId?: string }
      const ctx: DraftContext = {
        me: ME,
        partner: i.introductionId || i.partnerId ? ANA : null,
        prospect: i.introductionId || i.prospectId ? BEN : null,
        introduction: i.introductionId ? { id: INTRO, date: '2026-06-01', value: 1250.5, currency: 'EUR' } : null,
      }
      return ctx
    },
    'followup:thank': (input) => ({ id: 'x', ...(input as object) }),
    'tasks:done': () => today.tasks[0],
    'people:get': (input) => ((input as { id: string }).id === ANA.id ? { ...ANA, tags: [], groupIds: [] } : { ...BEN, tags: [], groupIds: [] }),
    'people:list': () => ({ items: [], total: 0, offset: 0, limit: 8 }),
    'followup:makeIntroduction': () => ({ introduction: { id: 'i' }, interaction: { id: 'j' } }),
    'followup:saveLead': () => ({ id: 'l' }),
  }
  installApi()
})

describe('FollowUpScreen', () => {
  it('shows who to thank and records a thank-you with the chosen method', async () => {
    const user = userEvent.setup()
    wrap(<FollowUpScreen navigate={() => {}} />)
    const table = await screen.findByRole('table', { name: 'Won business to thank for' })
    const row = within(table).getByRole('row', { name: /Ana Ruiz/ })
    expect(row).toHaveTextContent('Ben Oduya')
    expect(row).toHaveTextContent('€1,250.50')
    expect(row).toHaveTextContent('Jun 10, 2026')
    expect(row).toHaveTextContent('5 days')
    expect(screen.getByText('5 days overdue')).toBeInTheDocument()

    await user.click(within(row).getByRole('button', { name: 'Thank Ana Ruiz for Ben Oduya' }))
    const dialog = await screen.findByRole('dialog')
    const message = await within(dialog).findByLabelText('Message')
    expect((message as HTMLTextAreaElement).value).toContain('Ben Oduya (Oduya Ltd) is now a client')
    expect(within(dialog).getByText(/To: ana@ruiz.example/)).toBeInTheDocument()
    await user.selectOptions(within(dialog).getByLabelText('How'), 'gift')
    await user.click(within(dialog).getByRole('button', { name: 'Record thank-you' }))
    await waitFor(() => expect(calls.find((c) => c.channel === 'followup:thank')?.input).toEqual({ introductionId: INTRO, date: '2026-06-15', method: 'gift', notes: null }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })

  it('says why each lapsing partner is listed', async () => {
    const lapsing: Today['lapsing'] = [
      { personId: ANA.id, name: ANA.name, company: ANA.company, introductions: 6, usualGapDays: 30.4, reason: 'silence', recent: 0, before: 0, lastIntroduction: '2026-02-01', daysSinceLast: 134, lastContact: null, plannedMeeting: null },
      { personId: BEN.id, name: BEN.name, company: BEN.company, introductions: 8, usualGapDays: 20, reason: 'falling', recent: 1, before: 6, lastIntroduction: '2026-06-01', daysSinceLast: 14, lastContact: '2026-05-01', plannedMeeting: null },
    ]
    handlers['followup:today'] = () => ({ ...today, lapsing, totals: { ...today.totals, lapsing: 2 } })
    wrap(<FollowUpScreen navigate={() => {}} />)
    const table = await screen.findByRole('table', { name: 'Lapsing partners' })
    const ana = within(table).getByRole('row', { name: /Ana Ruiz/ })
    expect(ana).toHaveTextContent('30 d')
    expect(ana).toHaveTextContent('134 d')
    expect(ana).toHaveTextContent('gone quiet')
    expect(within(ana).getByText('gone quiet')).toHaveAttribute('title', 'Quiet for more than 60 days and more than 2 times their usual gap.')
    expect(ana).toHaveTextContent('never')
    const ben = within(table).getByRole('row', { name: /Ben Oduya/ })
    expect(ben).toHaveTextContent('falling: 1 in 90 d, 6 before')
  })

  it('marks a task done', async () => {
    const user = userEvent.setup()
    wrap(<FollowUpScreen navigate={() => {}} />)
    await user.click(await screen.findByRole('button', { name: 'Done: Send the deck' }))
    await waitFor(() => expect(calls.some((c) => c.channel === 'tasks:done')).toBe(true))
  })
})

describe('MakeIntroductionDialog', () => {
  it('only continues to the email with three yeses, otherwise offers a lead', async () => {
    const user = userEvent.setup()
    wrap(<MakeIntroductionDialog partnerId={ANA.id} prospectId={BEN.id} onClose={() => {}} />)
    const dialog = await screen.findByRole('dialog')
    await within(dialog).findByText('Family firms with 10 staff.')
    const next = within(dialog).getByRole('button', { name: 'Continue to the email' })
    const groups = within(dialog).getAllByRole('radiogroup')
    expect(groups).toHaveLength(3)
    await user.click(within(groups[0]!).getByLabelText('Yes'))
    await user.click(within(groups[1]!).getByLabelText('Yes'))
    await user.click(within(groups[2]!).getByLabelText('No'))
    expect(next).toBeDisabled()
    expect(within(dialog).queryByLabelText('Message')).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Save as a lead (not an introduction)' }))
    await waitFor(() =>
      expect(calls.find((c) => c.channel === 'followup:saveLead')?.input).toEqual({ partnerId: ANA.id, prospectId: BEN.id, needsService: true, fitsProfile: true, accepted: false }),
    )
    expect(await screen.findByText('Saved Ben Oduya as a lead for Ana Ruiz (not an introduction).')).toBeInTheDocument()
  })

  it('drafts the email to both and records the introduction', async () => {
    const user = userEvent.setup()
    wrap(<MakeIntroductionDialog partnerId={ANA.id} prospectId={BEN.id} onClose={() => {}} />)
    const dialog = await screen.findByRole('dialog')
    await within(dialog).findByText('Family firms with 10 staff.')
    for (const g of within(dialog).getAllByRole('radiogroup')) await user.click(within(g).getByLabelText('Yes'))
    await user.click(within(dialog).getByRole('button', { name: 'Continue to the email' }))
    const message = (await within(dialog).findByLabelText('Message')) as HTMLTextAreaElement
    expect(message.value).toContain('This email is an introduction')
    // The one value missing is said, the draft cannot go out with the bracket, and filling it in updates the draft.
    const missing = within(dialog).getByRole('region', { name: 'Missing values' })
    expect(missing).toHaveTextContent('This message is missing a value: What the two have in common')
    expect(message.value).toContain('What you have in common: [introduction.common]')
    expect(within(dialog).getByRole('button', { name: 'Open in mail app' })).toBeDisabled()
    expect(within(dialog).getByRole('button', { name: 'Copy' })).toBeDisabled()
    await user.type(within(missing).getByLabelText('What the two have in common'), 'both bake bread')
    await user.click(within(missing).getByRole('button', { name: 'Use' }))
    await waitFor(() => expect(message.value).toContain('What you have in common: both bake bread'))
    expect(message.value).not.toMatch(/\[[a-z]+\.[A-Za-z]+\]/)
    expect(within(dialog).queryByRole('region', { name: 'Missing values' })).not.toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Open in mail app' })).toBeEnabled()
    expect(within(dialog).getByText(/To: ben@example.com, ana@ruiz.example/)).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Record the introduction' }))
    await waitFor(() => {
      const input = calls.find((c) => c.channel === 'followup:makeIntroduction')?.input as Record<string, unknown> | undefined
      expect(input).toMatchObject({ partnerId: ANA.id, prospectId: BEN.id, needsService: true, fitsProfile: true, accepted: true, subject: 'Introduction: Ben Oduya, meet Ana Ruiz' })
    })
  })
})

describe('Open in mail app', () => {
  async function openComposer() {
    const user = userEvent.setup()
    wrap(<FollowUpScreen navigate={() => {}} />)
    const table = await screen.findByRole('table', { name: 'Won business to thank for' })
    await user.click(within(table).getByRole('button', { name: 'Thank Ana Ruiz for Ben Oduya' }))
    const dialog = await screen.findByRole('dialog')
    const subject = await within(dialog).findByLabelText('Subject')
    await user.clear(subject)
    await user.type(subject, 'Merci, "Ana", & thanks')
    return { user, dialog }
  }

  it('in a browser, follows a properly encoded mailto: link', async () => {
    const hrefs: string[] = []
    const spy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      hrefs.push(this.href)
    })
    try {
      const { user, dialog } = await openComposer()
      await user.click(within(dialog).getByRole('button', { name: 'Open in mail app' }))
      await waitFor(() => expect(hrefs).toHaveLength(1))
      expect(hrefs[0]).toMatch(/^mailto:ana@ruiz\.example\?subject=Merci%2C%20%22Ana%22%2C%20%26%20thanks&body=Hi%20Ana%2C%0D%0A%0D%0AI%20wanted/)
      expect(calls.some((c) => c.channel === 'shell:openMailto')).toBe(false)
    } finally {
      spy.mockRestore()
    }
  })

  it('in Electron, asks the main process to open it', async () => {
    Object.assign(window, { platform: { transport: 'ipc', os: 'linux' } })
    handlers['shell:openMailto'] = () => ({ opened: true })
    const { user, dialog } = await openComposer()
    await user.click(within(dialog).getByRole('button', { name: 'Open in mail app' }))
    await waitFor(() => expect(calls.find((c) => c.channel === 'shell:openMailto')).toBeDefined())
    const url = (calls.find((c) => c.channel === 'shell:openMailto')!.input as { url: string }).url
    expect(url.startsWith('mailto:ana@ruiz.example?subject=Merci%2C%20%22Ana%22')).toBe(true)
    expect(await within(dialog).findByText('Handed to your mail app.')).toBeInTheDocument()
  })
})

describe('PersonInteractions', () => {
  it('shows the log with last contacted, adds, marks an ask answered and deletes', async () => {
    const user = userEvent.setup()
    const ask = { id: '01900000-0000-7000-8000-0000000000a1', personId: ANA.id, kind: 'ask', date: '2026-06-02', method: 'email', introductionId: null, notes: null, answeredAt: null, about: null, createdAt: 'x' }
    const thanks = { id: '01900000-0000-7000-8000-0000000000a2', personId: ANA.id, kind: 'thank_you', date: '2026-06-01', method: 'card', introductionId: INTRO, notes: 'Sent flowers', answeredAt: null, about: 'Ben Oduya', createdAt: 'x' }
    handlers['interactions:list'] = () => ({ items: [ask, thanks], lastContacted: '2026-05-20' })
    handlers['interactions:create'] = (i) => ({ ...ask, ...(i as object) })
    handlers['interactions:delete'] = (i) => i
    handlers['followup:askAnswered'] = () => ({ ...ask, answeredAt: '2026-06-15' })
    wrap(<PersonInteractions personId={ANA.id} />)
    const log = await screen.findByRole('list', { name: 'Interactions' })
    expect(screen.getByTestId('last-contacted')).toHaveTextContent('May 20, 2026')
    expect(log).toHaveTextContent('Jun 2, 2026')
    expect(log).toHaveTextContent('Thank-you · Card · re Ben Oduya · Sent flowers')
    expect(log).toHaveTextContent('Ask for an introduction · Email')
    await user.click(within(log).getByRole('button', { name: 'Mark answered' }))
    await waitFor(() => expect(calls.find((c) => c.channel === 'followup:askAnswered')?.input).toEqual({ interactionId: ask.id, answered: true }))
    await user.click(within(log).getByRole('button', { name: 'Delete Thank-you of Jun 1, 2026' }))
    const confirm = await screen.findByRole('dialog', { name: 'Delete' })
    expect(confirm).toHaveTextContent('Delete this interaction (Thank-you, Jun 1, 2026)?')
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(calls.find((c) => c.channel === 'interactions:delete')?.input).toEqual({ id: thanks.id }))
    await user.click(screen.getByRole('button', { name: 'Add interaction' }))
    await user.selectOptions(screen.getByLabelText('Kind'), 'call')
    const date = screen.getByLabelText('Date')
    await user.clear(date)
    await user.type(date, '2026-06-14')
    await user.type(screen.getByLabelText('Notes'), 'Quick catch-up')
    await user.click(screen.getByRole('button', { name: 'Save interaction' }))
    await waitFor(() =>
      expect(calls.find((c) => c.channel === 'interactions:create')?.input).toEqual({ personId: ANA.id, kind: 'call', date: '2026-06-14', notes: 'Quick catch-up' }),
    )
  })
})

describe('drafts with missing values', () => {
  it('an ask draft says what is missing about you, saves it to your profile, and then has no brackets', async () => {
    const user = userEvent.setup()
    let me: DraftContext['me'] = { ...ME, peopleLikeMe: null, idealClient: null }
    handlers['followup:context'] = () => ({ me, partner: ANA, prospect: BEN, introduction: { id: INTRO, date: '2026-06-01', value: 1250.5, currency: 'EUR' } })
    handlers['settings:save'] = (i) => {
      const v = (i as { values: { peopleLikeMe?: string; idealClient?: string } }).values
      me = { ...me!, ...(v.peopleLikeMe ? { peopleLikeMe: v.peopleLikeMe } : {}), ...(v.idealClient ? { idealClient: v.idealClient } : {}) }
      return settings
    }
    wrap(<Composer kind="ask" introductionId={INTRO} today="2026-06-15" onClose={() => {}} />)
    const dialog = await screen.findByRole('dialog')
    const missing = await within(dialog).findByRole('region', { name: 'Missing values' })
    expect(missing).toHaveTextContent('This message is missing 2 values: People like you (who a good introduction for you is); Your ideal client')
    const message = within(dialog).getByLabelText('Message') as HTMLTextAreaElement
    expect(message.value).toContain('[me.peopleLikeMe]')
    expect(within(dialog).getByText('Still in the text: [me.peopleLikeMe], [me.idealClient].')).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Open in mail app' })).toBeDisabled()

    await user.type(within(missing).getByLabelText('People like you (who a good introduction for you is)'), 'owners of small firms')
    await user.click(within(missing).getAllByRole('button', { name: 'Save' })[0]!)
    await waitFor(() => expect(calls.find((c) => c.channel === 'settings:save')?.input).toEqual({ group: 'profile', values: { peopleLikeMe: 'owners of small firms' } }))
    await user.type(within(dialog).getByLabelText('Your ideal client'), 'firms of 10 to 50 people')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(message.value).toContain('The people I help best are owners of small firms. In short, my ideal client is: firms of 10 to 50 people'))
    expect(message.value).not.toMatch(/\[[a-z]+\.[A-Za-z]+\]/)
    expect(within(dialog).queryByRole('region', { name: 'Missing values' })).not.toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Open in mail app' })).toBeEnabled()
  })

  it("a partner's missing value is saved to their record", async () => {
    const user = userEvent.setup()
    handlers['followup:context'] = () => ({ me: ME, partner: { ...ANA, howMet: null }, prospect: BEN, introduction: null })
    handlers['people:update'] = (i) => ({ ...ANA, ...(i as object) })
    wrap(<MakeIntroductionDialog partnerId={ANA.id} prospectId={BEN.id} onClose={() => {}} />)
    const dialog = await screen.findByRole('dialog')
    await within(dialog).findByText('Family firms with 10 staff.')
    for (const g of within(dialog).getAllByRole('radiogroup')) await user.click(within(g).getByLabelText('Yes'))
    await user.click(within(dialog).getByRole('button', { name: 'Continue to the email' }))
    const missing = await within(dialog).findByRole('region', { name: 'Missing values' })
    expect(missing).toHaveTextContent('Ana Ruiz: how you know them')
    await user.type(within(missing).getByLabelText('Ana Ruiz: how you know them'), 'the breakfast club')
    await user.click(within(missing).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(calls.find((c) => c.channel === 'people:update')?.input).toEqual({ id: ANA.id, howMet: 'the breakfast club' }))
  })
})

describe('date defaults come from the backend', () => {
  it("a new interaction is dated the backend's today, not the computer's clock", async () => {
    const user = userEvent.setup()
    handlers['app:info'] = () => ({ ...APP_INFO, today: '2031-01-02', timeZone: 'Pacific/Auckland' })
    handlers['interactions:list'] = () => ({ items: [], lastContacted: null })
    wrap(<PersonInteractions personId={ANA.id} />)
    await user.click(await screen.findByRole('button', { name: 'Add interaction' }))
    await waitFor(() => expect(screen.getByLabelText('Date')).toHaveValue('2031-01-02'))
  })
})

describe('in German', () => {
  it('the follow-up screen shows German headings, amounts and dates in the region format, and German day counts', async () => {
    wrap(
      <LocaleScope language="de" region="de-DE">
        <FollowUpScreen navigate={() => {}} />
      </LocaleScope>,
    )
    expect(await screen.findByRole('heading', { level: 1, name: 'Danken & nachfassen' })).toBeInTheDocument()
    expect(await screen.findByRole('heading', { name: /Wem danken/ })).toBeInTheDocument()
    expect(screen.getByText('Heute ist der 15.06.2026')).toBeInTheDocument()
    const table = screen.getByRole('table', { name: 'Gewonnene Aufträge, für die zu danken ist' })
    const row = within(table).getByRole('row', { name: /Ana Ruiz/ })
    expect(row).toHaveTextContent('1.250,50 €')
    expect(row).toHaveTextContent('10.06.2026')
    expect(row).toHaveTextContent('5 Tage')
    expect(within(table).getByRole('columnheader', { name: 'Empfehlungsgeber' })).toBeInTheDocument()
    expect(screen.getByText('5 Tage überfällig')).toBeInTheDocument()
    expect(screen.getByText('fällig am 10.06.2026')).toBeInTheDocument()
    expect(within(row).getByRole('button', { name: 'Ana Ruiz für Ben Oduya danken' })).toHaveTextContent('Danken')
  })

  it('a day count in English is singular for one day', async () => {
    handlers['followup:today'] = () => ({ ...today, tasks: [{ ...today.tasks[0]!, daysOverdue: 1 }] })
    wrap(<FollowUpScreen navigate={() => {}} />)
    expect(await screen.findByText('1 day overdue')).toBeInTheDocument()
  })
})

describe('forms show every field error at once', () => {
  it('make an introduction: both people and all three checks are asked for on Continue', async () => {
    const user = userEvent.setup()
    wrap(<MakeIntroductionDialog onClose={() => {}} />)
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: 'Continue to the email' }))
    expect(await within(dialog).findByText('Pick the partner.')).toBeInTheDocument()
    expect(within(dialog).getByText('Pick the person to introduce.')).toBeInTheDocument()
    expect(within(dialog).getAllByText('Answer this question.')).toHaveLength(3)
    expect(within(dialog).queryByLabelText('Message')).not.toBeInTheDocument()
  })

  it('a follow-up without a title and a due date shows both errors, in German too', async () => {
    const user = userEvent.setup()
    wrap(
      <LocaleScope language="de" region="de-DE">
        <TaskDialog today="2026-06-15" onClose={() => {}} />
      </LocaleScope>,
    )
    const dialog = await screen.findByRole('dialog', { name: 'Wiedervorlage hinzufügen' })
    await user.clear(within(dialog).getByLabelText('Fällig'))
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }))
    expect(await within(dialog).findByText('Geben Sie einen Titel ein.')).toBeInTheDocument()
    expect(within(dialog).getByLabelText('Fällig')).toHaveAttribute('aria-invalid', 'true')
    expect(within(dialog).getByLabelText('Was')).toHaveAttribute('aria-invalid', 'true')
    expect(calls.some((c) => c.channel === 'tasks:create')).toBe(false)
  })

  it('closing a dialog with edits asks first', async () => {
    const user = userEvent.setup()
    const onClose = vi.fn()
    wrap(<TaskDialog today="2026-06-15" onClose={onClose} />)
    const dialog = await screen.findByRole('dialog', { name: 'Add a follow-up' })
    await user.type(within(dialog).getByLabelText('What'), 'Call Ana')
    await user.keyboard('{Escape}')
    const ask = await screen.findByRole('dialog', { name: 'Unsaved changes' })
    expect(onClose).not.toHaveBeenCalled()
    await user.click(within(ask).getByRole('button', { name: 'Discard changes' }))
    expect(onClose).toHaveBeenCalledTimes(1)
  })
})
