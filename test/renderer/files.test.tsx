import { describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FilesScreen } from '../../src/renderer/src/features/files'
import { Fail, mockApi, renderWithClient } from './mockApi'
import { LocaleScope } from '../../src/renderer/src/ui/i18n'
import { SettingsScreen } from '../../src/renderer/src/features/settings'
import { DEFAULT_TEMPLATES } from '../../src/core/templates/defaults'
import type { ImportPreview } from '../../src/shared/channels/files'

// These screens render whole forms with user-event typing: give them room when the suite runs in parallel.
vi.setConfig({ testTimeout: 20_000 })

const preview: ImportPreview = {
  kind: 'people',
  encoding: 'utf-8-bom',
  encodingExample: null,
  warnings: [],
  quoteProblems: 0,
  layout: null,
  dateOrderDetected: null,
  decimalDetected: null,
  delimiter: ';',
  header: ['Naam', 'E-mail'],
  skippedLines: 0,
  fields: ['name', 'email'],
  mapping: { name: 'Naam', email: 'E-mail' },
  totalRows: 2,
  validRows: 1,
  sample: [
    { line: 2, cells: ['Ann', 'ann@x.example'], problems: [], warnings: [] },
    { line: 3, cells: ['Bob', 'nope'], problems: [{ line: 3, column: 'E-mail', field: 'email', reason: 'Not an email address.' }], warnings: [] },
  ],
  problems: [{ line: 3, column: 'E-mail', field: 'email', reason: 'Not an email address.' }],
  duplicates: [{ line: 2, name: 'Ann', existingId: 'x', existingName: 'Ann Old', existingCompany: 'Acme', matchedOn: 'email' }],
  unknownPeople: [],
}

describe('FilesScreen import', () => {
  it('previews a picked file, marks the bad cell, and imports the valid rows with the duplicate choice', async () => {
    const user = userEvent.setup()
    const api = mockApi({
      'files:previewImport': () => preview,
      'files:commitImport': () => ({ created: 0, merged: 0, skipped: 1, duplicates: 1, introductionsCreated: 0, peopleCreatedForIntroductions: 0, invalidRows: 1, backup: 'b.referralmap' }),
      'files:importStatus': () => null,
    })
    renderWithClient(<FilesScreen navigate={() => {}} />)
    await user.upload(screen.getByLabelText('File'), new File(['Naam;E-mail\nAnn;ann@x.example\nBob;nope\n'], 'people.csv', { type: 'text/csv' }))
    await screen.findByText('UTF-8 with BOM')
    expect(screen.getByText('semicolon separated')).toBeInTheDocument()
    const bad = screen.getAllByText('Not an email address.')[0]!.closest('td')!
    expect(bad).toHaveClass('files-cell-bad')
    expect(within(bad).getByText('nope')).toBeInTheDocument()
    const sent = api.callsTo('files:previewImport')[0] as { kind: string; data: string }
    expect(sent.kind).toBe('people')
    expect(atob(sent.data)).toContain('Bob;nope')
    await user.selectOptions(screen.getByLabelText('Choice for line 2'), 'skip')
    await user.click(screen.getByRole('button', { name: 'Import the 1 valid row' }))
    await screen.findByText('Import finished.')
    const commit = api.callsTo('files:commitImport')[0] as Record<string, unknown>
    expect(commit).toMatchObject({ kind: 'people', mode: 'valid', decisions: { '2': 'skip' }, defaultDecision: 'merge', mapping: { name: 'Naam', email: 'E-mail' } })
    expect(screen.getByRole('status')).toHaveTextContent('0 people added, 0 merged, 1 skipped')
  })

  it('re-previews with the edited column mapping and shows an import failure with its rows', async () => {
    const user = userEvent.setup()
    const api = mockApi({
      'files:previewImport': (i) => ({ ...preview, mapping: (i as { mapping?: Record<string, string | null> }).mapping ?? preview.mapping }),
      'files:commitImport': () => {
        throw new Fail({ code: 'VALIDATION', message: '1 row has problems; nothing was imported.', field: 'rows', details: { problems: [{ line: 3, column: 'E-mail', field: 'email', reason: 'Not an email address.' }] } })
      },
      'files:importStatus': () => null,
    })
    renderWithClient(<FilesScreen navigate={() => {}} />)
    await user.upload(screen.getByLabelText('File'), new File(['x'], 'p.csv'))
    await screen.findByText('UTF-8 with BOM')
    await user.selectOptions(screen.getByLabelText('Email'), '')
    await waitFor(() => expect(api.callsTo('files:previewImport')).toHaveLength(2))
    expect(api.callsTo('files:previewImport')[1]).toMatchObject({ mapping: { name: 'Naam', email: null } })
    await user.click(screen.getByRole('button', { name: 'Import the 1 valid row' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('1 row has problems; nothing was imported.')
    expect(alert).toHaveTextContent('Line 3, E-mail: Not an email address.')
  })
})

describe('FilesScreen taskbar progress', () => {
  it('the taskbar shows busy while the preview is read and while the import runs, and nothing after', async () => {
    const user = userEvent.setup()
    let finish: (v: unknown) => void = () => {}
    mockApi({
      // Reading takes a moment, as it does with a real file.
      'files:previewImport': () => new Promise((resolve) => setTimeout(() => resolve(preview), 30)),
      'files:commitImport': () => new Promise((resolve) => (finish = resolve)),
      'files:importStatus': () => null,
    })
    const setProgress = vi.fn()
    Object.assign(window.platform, { setProgress })
    renderWithClient(<FilesScreen navigate={() => {}} />)
    await user.upload(screen.getByLabelText('File'), new File(['Naam;E-mail\nAnn;ann@x.example\n'], 'people.csv', { type: 'text/csv' }))
    await screen.findByText('UTF-8 with BOM')
    expect(setProgress).toHaveBeenCalledWith('busy')
    expect(setProgress).toHaveBeenLastCalledWith(null)
    setProgress.mockClear()
    await user.click(screen.getByRole('button', { name: 'Import the 1 valid row' }))
    await waitFor(() => expect(setProgress).toHaveBeenCalledWith('busy'))
    expect(setProgress).not.toHaveBeenCalledWith(null)
    finish({ created: 1, merged: 0, skipped: 0, duplicates: 0, introductionsCreated: 0, peopleCreatedForIntroductions: 0, invalidRows: 1, backup: null })
    await screen.findByText('Import finished.')
    expect(setProgress).toHaveBeenLastCalledWith(null)
  })
})

describe('FilesScreen in German', () => {
  it('shows the import preview and the backups in German, with the region\'s numbers and dates', async () => {
    const user = userEvent.setup()
    mockApi({
      'files:previewImport': () => ({ ...preview, totalRows: 1234, validRows: 1233 }),
      'files:importStatus': () => null,
      'files:listBackups': () => ({
        dir: '/data/backups',
        keep: 20,
        backups: [{ name: 'net-2026-12-02.referralmap', createdAt: '2026-12-02T12:30:00.000Z', reason: 'before-import', size: 1572864 }],
      }),
    })
    renderWithClient(
      <LocaleScope language="de" region="de-DE">
        <FilesScreen navigate={() => {}} />
      </LocaleScope>,
    )
    expect(screen.getByRole('heading', { name: 'Import/Export', level: 1 })).toBeInTheDocument()
    expect(screen.getByRole('tab', { name: 'Netzwerkdateien' })).toBeInTheDocument()
    await user.upload(screen.getByLabelText('Datei'), new File(['Naam;E-mail\nAnn;ann@x.example\n'], 'people.csv', { type: 'text/csv' }))
    expect(await screen.findByText('UTF-8 mit BOM')).toBeInTheDocument()
    expect(screen.getByText('getrennt durch Semikolon')).toBeInTheDocument()
    expect(screen.getByText(/Zeilen,/).closest('span')).toHaveTextContent('1.234 Zeilen, 1.233 gültig, 1 mit Problemen')
    expect(screen.getAllByText('Keine E-Mail-Adresse.').length).toBeGreaterThan(0)
    expect(screen.getByRole('button', { name: 'Die 1.233 gültigen Zeilen importieren' })).toBeInTheDocument()
    expect(screen.getByLabelText('Auswahl für Zeile 2')).toHaveDisplayValue('Zusammenführen (Lücken füllen)')

    await user.click(screen.getByRole('tab', { name: 'Sicherungen' }))
    const row = (await screen.findByText('Vor einem Import')).closest('tr')!
    expect(row).toHaveTextContent('02.12.2026')
    expect(row).toHaveTextContent('1,5 MB')
    expect(within(row).getByRole('button', { name: 'Wiederherstellen…' })).toBeInTheDocument()
    expect(screen.getByLabelText('Zu behaltende Sicherungen')).toHaveValue('20')
  })
})

/** Text left on screen in the pseudo-locale that is not in ⟦brackets⟧: either the user's data or a string outside the catalogue. */
function leftovers(): string[] {
  const out: string[] = []
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      const s = (n.textContent ?? '').replace(/⟦[^⟧]*⟧/g, '').trim()
      if (/[A-Za-z]{3,}/.test(s)) out.push(s)
    } else if (n instanceof Element) {
      // A template rendered for the preview is the user's own text.
      if (n.classList.contains('st-rendered')) return
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = n.getAttribute(a)
        if (v && /[A-Za-z]{3,}/.test(v.replace(/⟦[^⟧]*⟧/g, ''))) out.push(`@${a}=${v}`)
      }
      n.childNodes.forEach(walk)
    }
  }
  walk(document.body)
  return out
}

const DATA = new Set(['Naam', 'E-mail', 'Bob', 'nope', 'Ann', 'Ann Old', 'Acme', 'Zed', 'English', 'Deutsch', 'net', '(/d/net.referralmap)', 'net.referralmap', 'b.referralmap'])

describe('Import/Export and Settings in the pseudo-locale', () => {
  it('leaves no text outside the catalogue on Import (a full preview), Export, Backups, Network files and Settings', async () => {
    const user = userEvent.setup()
    mockApi({
      'files:listBackups': () => ({ dir: '/d', keep: 20, backups: [{ name: 'x', createdAt: '2026-12-02T12:30:00.000Z', reason: 'manual', size: 2000 }] }),
      'files:network': () => ({ name: 'net', file: '/d/net.referralmap', available: ['net.referralmap', 'b.referralmap'], dialogs: true }),
      'settings:get': () => ({ general: { currency: 'EUR', timeZone: 'UTC', timeZoneIsDefault: true, language: null, region: null }, profile: { peopleLikeMe: null, idealClient: null, profession: null, company: null }, followup: { templates: DEFAULT_TEMPLATES, askFollowUpDays: 7, defaultCadenceDays: null }, files: { keepBackups: 20 } }),
      'followup:context': () => ({ me: { id: 'm', name: 'Sam', company: null, profession: null, email: null, idealClient: null, howMet: null, peopleLikeMe: null }, partner: null, prospect: null, introduction: null }),
      'people:list': () => ({ items: [], total: 0, offset: 0, limit: 8 }),
      'files:previewImport': () => ({
        kind: 'introductions', encoding: 'windows-1252', encodingExample: { line: 2, text: 'Zoë' }, warnings: [{ line: 2, column: 'Naam', field: 'name', reason: 'Not an email address.' }],
        quoteProblems: 2, layout: 'Outlook (classic desktop export)', dateOrderDetected: 'ambiguous', decimalDetected: ',', delimiter: ';', header: ['Naam', 'E-mail'], skippedLines: 2,
        fields: ['referrer', 'value'], mapping: { referrer: 'Naam', value: 'E-mail' }, totalRows: 30, validRows: 29,
        sample: [{ line: 3, cells: ['Bob', 'nope'], problems: [{ line: 3, column: 'E-mail', field: 'email', reason: 'Not an email address.' }], warnings: [] }],
        problems: [{ line: 3, column: 'E-mail', field: 'email', reason: 'Not an email address.' }],
        duplicates: [{ line: 2, name: 'Ann', existingId: 'x', existingName: 'Ann Old', existingCompany: 'Acme', matchedOn: 'email' }],
        unknownPeople: ['Zed'],
      }),
    })
    renderWithClient(
      <LocaleScope language="en-XA" region="en-US">
        <FilesScreen navigate={() => {}} />
        <SettingsScreen navigate={() => {}} />
      </LocaleScope>,
    )
    await waitFor(() => expect(screen.getAllByRole('tab')).toHaveLength(7))
    await user.selectOptions(screen.getAllByRole('combobox')[0]!, 'introductions')
    await user.upload(document.querySelector('#files-import-input') as HTMLInputElement, new File(['a'], 'intros.csv', { type: 'text/csv' }))
    await screen.findByText('Zoë', { exact: false })
    // What may stay as it is: the user's own data (file headers and cells, names, file names, templates), the language names, dates.
    const allowed = (s: string) => DATA.has(s) || s.startsWith('Hi {partner.firstName}') || /^\{[a-z]+\.[A-Za-z]+\}$/.test(s) || /^\w{3} \d+, \d{4}/.test(s)
    expect(leftovers().filter((s) => !allowed(s))).toEqual([])
    for (const tab of screen.getAllByRole('tab').slice(0, 4)) {
      await user.click(tab)
      await new Promise((r) => setTimeout(r, 100))
      expect(leftovers().filter((s) => !allowed(s))).toEqual([])
    }
  }, 20_000)
  })

