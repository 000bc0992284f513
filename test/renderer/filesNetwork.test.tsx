import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { NetworkPanel } from '../../src/renderer/src/features/files/NetworkPanel'
import { ToastProvider, downloadText } from '../../src/renderer/src/ui'
import { Fail, mockApi, renderWithClient } from './mockApi'

const info = (dialogs: boolean) => ({
  file: '/data/network.referralmap',
  name: 'network',
  recent: [],
  available: ['network.referralmap', 'other.referralmap'],
  dialogs,
})

describe('NetworkPanel: save a copy never replaces a file without asking', () => {
  it('an existing name asks first; Cancel sends nothing more, Replace sends overwrite: true', async () => {
    const user = userEvent.setup()
    const api = mockApi({
      'files:network': () => info(false),
      'files:saveCopy': (i) => {
        const input = i as { name: string; overwrite?: boolean }
        if (!input.overwrite) throw new Fail({ code: 'CONFLICT', message: 'other.referralmap already exists.', field: 'name', details: { exists: 'other.referralmap' } })
        return { path: '/data/other.referralmap', name: 'other.referralmap', replaced: true }
      },
    })
    renderWithClient(
      <ToastProvider>
        <NetworkPanel />
      </ToastProvider>,
    )
    await user.type(await screen.findByLabelText('Save a copy as'), 'other')
    await user.click(screen.getByRole('button', { name: 'Save copy' }))
    const dialog = await screen.findByRole('dialog')
    expect(dialog).toHaveTextContent('Replace other.referralmap?')
    expect(dialog).toHaveTextContent('what that file holds now is lost')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(api.callsTo('files:saveCopy')).toEqual([{ name: 'other' }])

    await user.click(screen.getByRole('button', { name: 'Save copy' }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Replace' }))
    await waitFor(() => expect(api.callsTo('files:saveCopy')).toHaveLength(3))
    expect(api.callsTo('files:saveCopy')[2]).toEqual({ name: 'other', overwrite: true })
    await screen.findByText('Replaced other.referralmap with a copy of this network')
  })

  it('a bad name shows the error under its own field', async () => {
    const user = userEvent.setup()
    mockApi({
      'files:network': () => info(false),
      'files:newNetwork': () => {
        throw new Fail({ code: 'VALIDATION', message: 'That file name contains a folder separator (/ or \\); give a name only.', field: 'name' })
      },
    })
    renderWithClient(<NetworkPanel />)
    await user.type(await screen.findByLabelText('New network'), 'a/b')
    await user.click(screen.getByRole('button', { name: 'Create' }))
    expect(await screen.findByLabelText('New network')).toHaveAccessibleDescription(/folder separator/)
    expect(screen.getByLabelText('Save a copy as')).not.toHaveAccessibleDescription(/folder separator/)
  })

  it('on the desktop the "…" buttons ask the main process to show its dialog (no path is sent); a closed dialog is silent', async () => {
    const user = userEvent.setup()
    const api = mockApi({
      'files:network': () => info(true),
      'files:openNetwork': () => {
        throw new Fail({ code: 'CANCELLED', message: 'Cancelled; no file was opened or written.' })
      },
      'files:saveCopy': () => ({ path: '/home/me/copy.referralmap', name: 'copy.referralmap', replaced: false }),
    })
    renderWithClient(
      <ToastProvider>
        <NetworkPanel />
      </ToastProvider>,
    )
    await user.click(await screen.findByRole('button', { name: 'Open network…' }))
    await waitFor(() => expect(api.callsTo('files:openNetwork')).toEqual([{}]))
    expect(screen.queryByText(/Cancelled/)).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Save a copy as…' }))
    await screen.findByText('Saved a copy as /home/me/copy.referralmap')
    expect(api.callsTo('files:saveCopy')).toEqual([{}])
  })

  it('the web bridge shows no dialog buttons', async () => {
    mockApi({ 'files:network': () => info(false) })
    renderWithClient(<NetworkPanel />)
    await screen.findByText('other.referralmap')
    expect(screen.queryByRole('button', { name: 'Open network…' })).not.toBeInTheDocument()
  })
})

describe('downloadText (the one download helper)', () => {
  afterEach(() => vi.restoreAllMocks())

  it('downloads the text as a UTF-8 file with the given name and type, and frees the URL later', async () => {
    vi.useFakeTimers()
    const blobs: Blob[] = []
    Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:x'), revokeObjectURL: () => {} })
    const revoke = vi.spyOn(URL, 'revokeObjectURL')
    const clicked: { name: string; href: string; inDocument: boolean }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ name: this.download, href: this.href, inDocument: document.body.contains(this) })
    })
    downloadText('scores.csv', '\uFEFFa,b\r\n1,é\r\n', 'text/csv')
    expect(clicked).toEqual([{ name: 'scores.csv', href: 'blob:x', inDocument: true }])
    expect(document.querySelectorAll('a[download]')).toHaveLength(0)
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8')
    expect(revoke).not.toHaveBeenCalled()
    vi.advanceTimersByTime(10_000)
    expect(revoke).toHaveBeenCalledWith('blob:x')
    vi.useRealTimers()
    const bytes = await new Promise<Uint8Array>((res) => {
      const r = new FileReader()
      r.onload = () => res(new Uint8Array(r.result as ArrayBuffer))
      r.readAsArrayBuffer(blobs[0]!)
    })
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes)).toBe('a,b\r\n1,é\r\n')
  })
})
