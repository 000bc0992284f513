import { describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FilesScreen } from '../../src/renderer/src/features/files'
import { Fail, mockApi, renderWithClient } from './mockApi'
import { LocaleScope } from '../../src/renderer/src/ui/i18n'
import type { ImportPreview } from '../../src/shared/channels/files'

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
