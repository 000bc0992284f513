import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { mockApi, renderWithClient } from './mockApi'
import { useApi, useApiMutation } from '../../src/renderer/src/ui'
import type { Channel } from '../../src/shared/contract'

function Screen({ mutation }: { mutation: Channel }) {
  useApi('people:list', {})
  useApi('followup:today', {})
  const m = useApiMutation(mutation)
  return <button onClick={() => m.mutate({ id: 'x', archived: true } as never)}>Go</button>
}

function setup(mutation: Channel) {
  const api = mockApi({
    'people:list': () => ({ items: [], total: 0, offset: 0, limit: 50 }),
    'followup:today': () => ({}),
    'tasks:done': () => ({}),
    'people:archive': () => ({}),
  })
  renderWithClient(<Screen mutation={mutation} />)
  return api
}

describe('a write refreshes only the queries its channel declares stale', () => {
  it('marking a follow-up done refetches the Today view but not the people list', async () => {
    const api = setup('tasks:done')
    await waitFor(() => expect(api.callsTo('followup:today')).toHaveLength(1))
    fireEvent.click(screen.getByText('Go'))
    await waitFor(() => expect(api.callsTo('followup:today')).toHaveLength(2))
    await new Promise((r) => setTimeout(r, 30))
    expect(api.callsTo('people:list')).toHaveLength(1)
  })

  it('a channel that declares nothing (archiving a person) refetches everything', async () => {
    const api = setup('people:archive')
    await waitFor(() => expect(api.callsTo('people:list')).toHaveLength(1))
    fireEvent.click(screen.getByText('Go'))
    await waitFor(() => expect(api.callsTo('people:list')).toHaveLength(2))
    expect(api.callsTo('followup:today')).toHaveLength(2)
  })
})
