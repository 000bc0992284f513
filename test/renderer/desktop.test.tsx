import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { DataTable } from '../../src/renderer/src/ui/DataTable'
import { Dialog } from '../../src/renderer/src/ui/Dialog'
import { TextField } from '../../src/renderer/src/ui/fields'
import { useZodForm } from '../../src/renderer/src/ui/form'
import { LocaleScope, useMessage } from '../../src/renderer/src/ui/i18n'
import { currentProgress, reportProgress, useTaskbarProgress } from '../../src/renderer/src/ui/progress'
import { hasUnsavedChanges } from '../../src/renderer/src/ui/unsaved'
import { PersonFields } from '../../src/shared/channels/foundation'
import { OptEmail } from '../../src/shared/schemas'

interface Row {
  id: string
  name: string
}
const ROWS: Row[] = [
  { id: 'a', name: 'Ada Lovelace' },
  { id: 'b', name: 'Ben Brooks' },
]

function Table({ onPick }: { onPick: (what: string, row: Row) => void }) {
  return (
    <DataTable
      label="People"
      columns={[{ key: 'name', header: 'Name', cell: (r: Row) => r.name }]}
      rows={ROWS}
      rowKey={(r) => r.id}
      onRowClick={(r) => onPick('click', r)}
      rowMenu={(r) => [
        { label: 'Open', onSelect: () => onPick('open', r) },
        { label: 'Edit', onSelect: () => onPick('edit', r) },
        { label: 'Archive', danger: true, onSelect: () => onPick('archive', r) },
      ]}
    />
  )
}

describe('right-click menus on table rows', () => {
  it('opens on right-click with the row’s actions, moves with the arrow keys, and runs the chosen one', async () => {
    const onPick = vi.fn()
    render(<Table onPick={onPick} />)
    fireEvent.contextMenu(screen.getByText('Ben Brooks'), { clientX: 40, clientY: 60 })
    const menu = screen.getByRole('menu', { name: 'Row actions' })
    const items = within(menu).getAllByRole('menuitem')
    expect(items.map((i) => i.textContent)).toEqual(['Open', 'Edit', 'Archive'])
    await waitFor(() => expect(items[0]).toHaveFocus())
    fireEvent.keyDown(menu, { key: 'ArrowDown' })
    expect(items[1]).toHaveFocus()
    fireEvent.keyDown(menu, { key: 'ArrowUp' })
    fireEvent.keyDown(menu, { key: 'ArrowUp' })
    expect(items[2]).toHaveFocus()
    await userEvent.click(items[1]!)
    expect(onPick).toHaveBeenCalledWith('edit', ROWS[1])
    expect(screen.queryByRole('menu')).toBeNull()
  })

  it('opens from the keyboard on a focused row (Shift+F10) and Escape closes it with focus back on the row', async () => {
    const onPick = vi.fn()
    render(<Table onPick={onPick} />)
    const row = screen.getByText('Ada Lovelace').closest('tr')!
    row.focus()
    fireEvent.keyDown(row, { key: 'F10', shiftKey: true })
    const menu = screen.getByRole('menu')
    fireEvent.keyDown(menu, { key: 'Escape' })
    expect(screen.queryByRole('menu')).toBeNull()
    expect(row).toHaveFocus()
    expect(onPick).not.toHaveBeenCalled()
  })

  it('closes when the user clicks elsewhere, without running anything', () => {
    const onPick = vi.fn()
    render(<Table onPick={onPick} />)
    fireEvent.contextMenu(screen.getByText('Ada Lovelace'))
    fireEvent.mouseDown(document.body)
    expect(screen.queryByRole('menu')).toBeNull()
    expect(onPick).not.toHaveBeenCalled()
  })
})

describe('leaving a form with unsaved changes', () => {
  function Host({ dirty, onClose }: { dirty: boolean; onClose: () => void }) {
    return (
      <Dialog title="Edit person" dirty={dirty} onClose={onClose}>
        <input aria-label="Name" defaultValue="Ada" />
      </Dialog>
    )
  }

  it('a dialog with edits asks before Escape closes it: Keep editing stays, Discard changes closes', async () => {
    const onClose = vi.fn()
    render(<Host dirty onClose={onClose} />)
    expect(hasUnsavedChanges()).toBe(true)
    fireEvent.keyDown(screen.getByLabelText('Name'), { key: 'Escape' })
    const ask = screen.getByRole('dialog', { name: 'Unsaved changes' })
    expect(ask).toHaveTextContent('not saved')
    await userEvent.click(within(ask).getByRole('button', { name: 'Keep editing' }))
    expect(onClose).not.toHaveBeenCalled()
    expect(screen.getByRole('dialog', { name: 'Edit person' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    await userEvent.click(screen.getByRole('button', { name: 'Discard changes' }))
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('a dialog without edits closes at once and registers nothing', () => {
    const onClose = vi.fn()
    render(<Host dirty={false} onClose={onClose} />)
    expect(hasUnsavedChanges()).toBe(false)
    fireEvent.keyDown(screen.getByLabelText('Name'), { key: 'Escape' })
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('dialog', { name: 'Unsaved changes' })).toBeNull()
  })
})

describe('forms checked by the contract’s zod schemas', () => {
  const Schema = z.object({ name: PersonFields.shape.name, email: OptEmail })
  function PersonLike({ onSave }: { onSave: (v: unknown) => void }) {
    const form = useZodForm(Schema, { defaultValues: { name: '', email: '' } })
    const msg = useMessage()
    const { errors } = form.formState
    return (
      <form onSubmit={form.handleSubmit(onSave)} noValidate>
        <TextField label="Name" {...form.register('name')} error={msg(errors.name?.message)} />
        <TextField label="Email" {...form.register('email')} error={msg(errors.email?.message)} />
        <button type="submit">Save</button>
      </form>
    )
  }

  it('shows every field’s error at once on submit, and saves nothing', async () => {
    const onSave = vi.fn()
    render(<PersonLike onSave={onSave} />)
    await userEvent.type(screen.getByLabelText('Email'), 'not-an-address')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    const alerts = await screen.findAllByRole('alert')
    expect(alerts).toHaveLength(2)
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true')
    expect(onSave).not.toHaveBeenCalled()
  })

  it('registers unsaved changes while the form has edits', async () => {
    render(<PersonLike onSave={vi.fn()} />)
    expect(hasUnsavedChanges()).toBe(false)
    await userEvent.type(screen.getByLabelText('Name'), 'Ada')
    expect(hasUnsavedChanges()).toBe(true)
  })
})

describe('German through the catalogue', () => {
  it('the table pager reads in German with German numbers', () => {
    const many = Array.from({ length: 3 }, (_, i) => ({ id: String(i), name: `P${i}` }))
    render(
      <LocaleScope language="de" region="de-DE">
        <DataTable
          label="Personen"
          columns={[{ key: 'name', header: 'Name', cell: (r: Row) => r.name }]}
          rows={many}
          rowKey={(r) => r.id}
          paging={{ offset: 1000, limit: 50, total: 1312, onPage: () => {} }}
        />
      </LocaleScope>,
    )
    expect(screen.getByText('1.001–1.050 von 1.312')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Weiter' })).toBeInTheDocument()
  })
})

describe('taskbar progress', () => {
  it('sends the least advanced task, busy when none has a fraction, and clears when all end', () => {
    const setProgress = vi.fn()
    Object.defineProperty(window, 'platform', { value: { transport: 'ipc', os: 'linux', setProgress }, configurable: true, writable: true })
    reportProgress('import', 'busy')
    expect(setProgress).toHaveBeenLastCalledWith('busy')
    reportProgress('layout', 0.8)
    reportProgress('import', 0.3)
    expect(setProgress).toHaveBeenLastCalledWith(0.3)
    reportProgress('import', null)
    expect(setProgress).toHaveBeenLastCalledWith(0.8)
    reportProgress('layout', null)
    expect(setProgress).toHaveBeenLastCalledWith(null)
  })

  it('useTaskbarProgress shows while active and clears on unmount', async () => {
    const setProgress = vi.fn()
    Object.defineProperty(window, 'platform', { value: { transport: 'ipc', os: 'linux', setProgress }, configurable: true, writable: true })
    function Work() {
      const [on, setOn] = useState(true)
      useTaskbarProgress('import', on)
      return <button onClick={() => setOn(false)}>Stop</button>
    }
    render(<Work />)
    expect(setProgress).toHaveBeenLastCalledWith('busy')
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }))
    expect(setProgress).toHaveBeenLastCalledWith(null)
    expect(currentProgress().size).toBe(0)
  })
})
