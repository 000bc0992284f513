import { describe, expect, it, vi } from 'vitest'
import { act, createEvent, fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { FilesScreen } from '../../src/renderer/src/features/files'
import { DropTarget } from '../../src/renderer/src/ui/DropTarget'
import { ToastProvider } from '../../src/renderer/src/ui'
import type { NavTarget } from '../../src/renderer/src/ui/nav'
import type { ImportPreview } from '../../src/shared/channels/files'
import { mockApi, renderWithClient } from './mockApi'
import { LocaleScope } from '../../src/renderer/src/ui/i18n'

const preview = (kind: ImportPreview['kind']): ImportPreview => ({
  kind,
  encoding: 'utf-8',
  encodingExample: null,
  warnings: [],
  quoteProblems: 0,
  layout: null,
  dateOrderDetected: null,
  decimalDetected: null,
  delimiter: kind === 'vcard' ? null : ',',
  header: ['Name'],
  skippedLines: 0,
  fields: ['name'],
  mapping: { name: 'Name' },
  totalRows: 1,
  validRows: 1,
  sample: [{ line: 2, cells: ['Ann'], problems: [], warnings: [] }],
  problems: [],
  duplicates: [],
  unknownPeople: [],
})

/** The app's shell in small: the drop target always there, the Import/Export screen once navigated to. */
function Shell({ start, onNavigate }: { start: NavTarget['route']; onNavigate: (to: NavTarget) => void }) {
  const [route, setRoute] = useState(start)
  const navigate = (to: NavTarget) => {
    onNavigate(to)
    setRoute(to.route)
  }
  return (
    <ToastProvider>
      <DropTarget navigate={navigate} />
      {route === 'files' ? <FilesScreen navigate={navigate} /> : <p>People screen</p>}
    </ToastProvider>
  )
}

function setup(start: NavTarget['route'], transport: 'web' | 'ipc' = 'web') {
  const api = mockApi({
    'files:previewImport': (i) => preview((i as { kind: ImportPreview['kind'] }).kind),
    'files:openNetwork': () => ({ name: 'Chapter', file: '/x/Chapter.referralmap' }),
    'files:networkInfo': () => ({ name: 'Mine', file: '/x/Mine.referralmap', available: [] }),
    'files:listBackups': () => [],
  })
  window.platform.transport = transport
  const onNavigate = vi.fn()
  renderWithClient(<Shell start={start} onNavigate={onNavigate} />)
  return { api, onNavigate }
}

function drop(...files: File[]) {
  const ev = createEvent.drop(window, { dataTransfer: { files, types: ['Files'] } })
  act(() => {
    fireEvent(window, ev)
  })
  return ev
}

describe('DropTarget', () => {
  it('a CSV dropped on another screen opens Import/Export with the preview of that file', async () => {
    const { api, onNavigate } = setup('people')
    const ev = drop(new File(['Name\nAnn\n'], 'people.csv', { type: 'text/csv' }))
    expect(ev.defaultPrevented).toBe(true)
    expect(onNavigate).toHaveBeenCalledWith({ route: 'files' })
    await screen.findByText('Preview: people.csv')
    const sent = api.callsTo('files:previewImport') as { kind: string; fileName: string; data: string }[]
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ kind: 'people', fileName: 'people.csv' })
    expect(atob(sent[0]!.data)).toBe('Name\nAnn\n')
    expect(screen.getByRole('tab', { name: 'Import' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByLabelText('File')).toHaveAccessibleDescription('Dropped on the window: people.csv')
  })

  it('a vCard dropped while the Export tab is open switches to Import, as contacts', async () => {
    const user = userEvent.setup()
    const { api } = setup('files')
    await user.click(screen.getByRole('tab', { name: 'Export' }))
    drop(new File(['BEGIN:VCARD\nFN:Ann\nEND:VCARD\n'], 'ann.vcf'))
    await screen.findByText('Preview: ann.vcf')
    expect(screen.getByRole('tab', { name: 'Import' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByLabelText('What is in the file')).toHaveValue('vcard')
    expect(api.callsTo('files:previewImport')).toEqual([expect.objectContaining({ kind: 'vcard', fileName: 'ann.vcf' })])
  })

  it('dragover is prevented at window level, so the window never navigates to a dropped file', () => {
    setup('people')
    const ev = createEvent.dragOver(window, { dataTransfer: { files: [], types: ['Files'], dropEffect: 'none' } })
    fireEvent(window, ev)
    expect(ev.defaultPrevented).toBe(true)
  })

  it('a file of another type is refused with a message naming it; nothing is read', async () => {
    const { api, onNavigate } = setup('people')
    drop(new File(['%PDF'], 'scan.pdf'))
    expect(await screen.findByRole('alert')).toHaveTextContent('scan.pdf cannot be imported: drop a CSV file, a vCard (.vcf) or a network file (.referralmap).')
    expect(onNavigate).not.toHaveBeenCalled()
    expect(api.callsTo('files:previewImport')).toHaveLength(0)
  })

  it('in the browser, a .referralmap asks and says to merge it from Network files', async () => {
    const user = userEvent.setup()
    const { api, onNavigate } = setup('people')
    drop(new File(['x'], 'Chapter.referralmap'))
    const dialog = await screen.findByRole('dialog', { name: 'Open this network?' })
    expect(dialog).toHaveTextContent('use Merge a network under Import/Export › Network files and pick Chapter.referralmap there')
    expect(screen.queryByRole('button', { name: 'Open network…' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Go to Network files' }))
    expect(onNavigate).toHaveBeenCalledWith({ route: 'files' })
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Network files' })).toHaveAttribute('aria-selected', 'true'))
    expect(api.callsTo('files:openNetwork')).toHaveLength(0)
  })

  it('on the desktop, a .referralmap offers Open network…, which opens through the main process', async () => {
    const user = userEvent.setup()
    const { api } = setup('people', 'ipc')
    drop(new File(['x'], 'Chapter.referralmap'))
    const dialog = await screen.findByRole('dialog', { name: 'Open this network?' })
    expect(dialog).toHaveTextContent('The app cannot open a dropped file directly: press Open network… and pick Chapter.referralmap')
    await user.click(screen.getByRole('button', { name: 'Open network…' }))
    await waitFor(() => expect(api.callsTo('files:openNetwork')).toEqual([{}]))
    expect(await screen.findByText('Opened Chapter')).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('while a dialog is open, a dropped file is refused, so a half-filled form is not closed', async () => {
    const { api, onNavigate } = setup('people')
    drop(new File(['x'], 'Chapter.referralmap'))
    await screen.findByRole('dialog', { name: 'Open this network?' })
    drop(new File(['Name\nAnn\n'], 'people.csv'))
    expect(await screen.findByRole('alert')).toHaveTextContent('people.csv was not opened: finish or close the open dialog first, then drop the file again.')
    expect(onNavigate).not.toHaveBeenCalled()
    expect(api.callsTo('files:previewImport')).toHaveLength(0)
  })

  it('while an import is running, a dropped file is not swapped in', async () => {
    const user = userEvent.setup()
    const api = mockApi({
      'files:previewImport': (i) => preview((i as { kind: ImportPreview['kind'] }).kind),
      'files:commitImport': () => new Promise(() => {}),
      'files:importStatus': () => null,
    })
    renderWithClient(<Shell start="files" onNavigate={() => {}} />)
    await user.upload(screen.getByLabelText('File'), new File(['Name\nAnn\n'], 'first.csv'))
    await user.click(await screen.findByRole('button', { name: 'Import 1 row' }))
    drop(new File(['Name\nBob\n'], 'second.csv'))
    expect(await screen.findByRole('alert')).toHaveTextContent('second.csv was not opened: an import is running. Drop it again when it has finished.')
    expect(screen.getByText('Preview: first.csv')).toBeInTheDocument()
    expect(api.callsTo('files:previewImport')).toHaveLength(1)
  })
})

describe('DropTarget in German', () => {
  it('refuses another kind of file, and asks about a network file, in German', async () => {
    mockApi({ 'files:listBackups': () => [] })
    window.platform.transport = 'ipc'
    renderWithClient(
      <LocaleScope language="de" region="de-DE">
        <ToastProvider>
          <DropTarget navigate={() => {}} />
        </ToastProvider>
      </LocaleScope>,
    )
    drop(new File(['%PDF'], 'scan.pdf'))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'scan.pdf kann nicht importiert werden: ziehen Sie eine CSV-Datei, eine vCard (.vcf) oder eine Netzwerkdatei (.referralmap) hierher.',
    )
    drop(new File(['x'], 'Chapter.referralmap'))
    const dialog = await screen.findByRole('dialog', { name: 'Dieses Netzwerk öffnen?' })
    expect(dialog).toHaveTextContent('Chapter.referralmap ist eine Netzwerkdatei.')
    expect(screen.getByRole('button', { name: 'Netzwerk öffnen…' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Zu den Netzwerkdateien' })).toBeInTheDocument()
  })
})
