import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { PeopleScreen } from '../../src/renderer/src/features/people'
import { APP_INFO, Fail, P1, P2, listItem, mockApi, renderWithClient } from './mockApi'

const G1 = '0190a000-0000-7000-8000-0000000000b1'
const group = (name: string, memberCount = 1) => ({ id: G1, name, kind: 'chapter', memberCount, createdAt: '', updatedAt: '' })

function handlers(extra: Record<string, (i: unknown) => unknown> = {}) {
  return {
    'app:info': () => APP_INFO,
    'people:tags': () => [],
    'groups:list': () => [group('Riverside Chapter')],
    'groups:members': () => [listItem(P1, 'Ava Chen')],
    'people:list': () => ({ items: [listItem(P2, 'Ben Silva')], total: 1, offset: 0, limit: 8 }),
    ...extra,
  }
}

async function openGroups() {
  renderWithClient(<PeopleScreen navigate={() => {}} />)
  await userEvent.click(await screen.findByRole('tab', { name: 'Groups' }))
  return screen.findByRole('table', { name: 'Members of Riverside Chapter' })
}

describe('groups', () => {
  it('adds and removes members', async () => {
    const api = mockApi(handlers({ 'groups:addMember': () => group('Riverside Chapter', 2), 'groups:removeMember': () => group('Riverside Chapter', 0) }))
    const members = await openGroups()
    await within(members).findByText('Ava Chen')
    await userEvent.type(screen.getByRole('combobox', { name: 'Add a member' }), 'ben')
    await userEvent.click(await screen.findByRole('option', { name: /Ben Silva/ }))
    await userEvent.click(screen.getByRole('button', { name: 'Add' }))
    await waitFor(() => expect(api.callsTo('groups:addMember')).toEqual([{ groupId: G1, personId: P2 }]))
    await userEvent.click(within(members).getByRole('button', { name: 'Remove Ava Chen from Riverside Chapter' }))
    await waitFor(() => expect(api.callsTo('groups:removeMember')).toEqual([{ groupId: G1, personId: P1 }]))
  })

  it('renames with the error next to the name, and deletes only after confirmation', async () => {
    let renames = 0
    const api = mockApi(
      handlers({
        'groups:rename': (i) => {
          renames++
          if (renames === 1) throw new Fail({ code: 'VALIDATION', message: 'Enter a name.', field: 'name' })
          return group((i as { name: string }).name)
        },
        'groups:delete': () => ({ id: G1 }),
      }),
    )
    await openGroups()
    await userEvent.click(screen.getByRole('button', { name: 'Rename' }))
    const dialog = screen.getByRole('dialog', { name: 'Rename Riverside Chapter' })
    const name = within(dialog).getByLabelText('Group name')
    await userEvent.clear(name)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Rename' }))
    await waitFor(() => expect(name).toHaveAccessibleDescription('Enter a name.'))
    await userEvent.type(name, 'Riverside Thursday')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Rename' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(api.callsTo('groups:rename')).toEqual([
      { id: G1, name: '' },
      { id: G1, name: 'Riverside Thursday' },
    ])

    await userEvent.click(screen.getByRole('button', { name: 'Delete' }))
    const confirm = screen.getByRole('dialog', { name: 'Delete Riverside Chapter?' })
    // Cancel has the focus, so Enter does not delete by accident.
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await userEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(api.callsTo('groups:delete')).toHaveLength(0)
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }))
    await userEvent.click(screen.getByRole('button', { name: 'Delete group' }))
    await waitFor(() => expect(api.callsTo('groups:delete')).toEqual([{ id: G1 }]))
  })
})
