import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FilesScreen } from '../../src/renderer/src/features/files'
import { mockApi, renderWithClient } from './mockApi'
import type { ImportPreview } from '../../src/shared/channels/files'

/** The import screen's reading options (issue 13): what the user picks is previewed and sent with the import. */

const base: ImportPreview = {
  kind: 'people',
  encoding: 'windows-1252',
  encodingExample: { line: 3, text: 'Bob Stone,"Acme" Ltd,CafŽ' },
  warnings: [],
  quoteProblems: 1,
  layout: 'Outlook (classic desktop export)',
  dateOrderDetected: null,
  decimalDetected: null,
  delimiter: ',',
  header: ['Name', 'Company', 'City'],
  skippedLines: 0,
  fields: ['name', 'company', 'city'],
  mapping: { name: 'Name', company: 'Company', city: 'City', '@layout': 'outlook-classic' },
  totalRows: 2,
  validRows: 1,
  sample: [
    { line: 2, cells: ['Ann Lee', 'Beta', 'Rome'], problems: [], warnings: [] },
    {
      line: 3, cells: ['Bob Stone', '"Acme" Ltd', 'CafŽ'], warnings: [],
      problems: [{ line: 3, column: 'Company', field: '(quotes)', reason: 'A quote inside an unquoted cell: the row is left out, or read the stray quotes as text.' }],
    },
  ],
  problems: [{ line: 3, column: 'Company', field: '(quotes)', reason: 'A quote inside an unquoted cell: the row is left out, or read the stray quotes as text.' }],
  duplicates: [],
  unknownPeople: [],
}

describe('ImportPanel reading options', () => {
  it('names the layout and the encoding with its example line; the encoding and stray-quote choices are previewed and sent with the import', async () => {
    const user = userEvent.setup()
    const api = mockApi({
      'files:previewImport': (i) => {
        const input = i as { encoding?: string; quotes?: string }
        const text = input.quotes === 'text'
        return {
          ...base,
          encoding: input.encoding ?? base.encoding,
          ...(text ? { validRows: 2, problems: [], sample: base.sample.map((r) => ({ ...r, problems: [] })) } : {}),
        }
      },
      'files:commitImport': () => ({ created: 2, merged: 0, skipped: 0, duplicates: 0, introductionsCreated: 0, peopleCreatedForIntroductions: 0, invalidRows: 0, backup: 'b' }),
      'files:importStatus': () => null,
    })
    renderWithClient(<FilesScreen navigate={() => {}} />)
    await user.upload(screen.getByLabelText('File'), new File(['x'], 'outlook.csv', { type: 'text/csv' }))
    await screen.findByText('Recognised: Outlook (classic desktop export)')
    expect(screen.getByTestId('encoding-example')).toHaveTextContent('Read as Windows-1252; line 3 reads: Bob Stone,"Acme" Ltd,CafŽ.')
    expect(screen.getByRole('button', { name: 'Import the 1 valid row' })).toBeInTheDocument()

    await user.selectOptions(screen.getByLabelText('Encoding'), 'macintosh')
    await waitFor(() => expect(api.callsTo('files:previewImport')).toHaveLength(2))
    expect(api.callsTo('files:previewImport')[1]).toMatchObject({ encoding: 'macintosh', mapping: { name: 'Name' } })

    await user.click(screen.getByLabelText('Read stray quotes as text (1 cell)'))
    await waitFor(() => expect(api.callsTo('files:previewImport')).toHaveLength(3))
    expect(api.callsTo('files:previewImport')[2]).toMatchObject({ encoding: 'macintosh', quotes: 'text' })
    await user.click(await screen.findByRole('button', { name: 'Import 2 rows' }))
    await screen.findByText('Import finished.')
    expect(api.callsTo('files:commitImport')[0]).toMatchObject({ encoding: 'macintosh', quotes: 'text', mode: 'strict', mapping: { '@layout': 'outlook-classic' } })
  })

  it('an unmapped name column: no import button that would import nothing', async () => {
    const user = userEvent.setup()
    mockApi({
      'files:previewImport': () => ({
        ...base, quoteProblems: 0, validRows: 0, mapping: { name: null },
        problems: [{ line: 2, column: '(mapping)', field: 'name', reason: 'Choose the column that holds the name.' }],
      }),
      'files:importStatus': () => null,
    })
    renderWithClient(<FilesScreen navigate={() => {}} />)
    await user.upload(screen.getByLabelText('File'), new File(['x'], 'p.csv'))
    expect(await screen.findByRole('button', { name: 'Choose the columns first' })).toBeDisabled()
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull()
  })
})
