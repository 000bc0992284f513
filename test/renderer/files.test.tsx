import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FilesScreen } from '../../src/renderer/src/features/files'
import { Fail, mockApi, renderWithClient } from './mockApi'
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
