import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { vi } from 'vitest'
import type { AppErrorShape } from '../../src/shared/errors'

export type Handler = (input: unknown) => unknown
/** Thrown from a handler to make the call fail with a typed error, like the main process does. */
export class Fail {
  constructor(public error: AppErrorShape) {}
}

/**
 * Installs a fake `window.api` (the transport boundary): every channel resolves through `handlers`,
 * and every call is recorded as [channel, input].
 */
export function mockApi(handlers: Record<string, Handler>) {
  const calls: [string, unknown][] = []
  const api = new Proxy(
    {},
    {
      get: (_t, channel: string) =>
        vi.fn(async (input: unknown) => {
          calls.push([channel, input])
          const h = handlers[channel]
          if (!h) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `No mock for ${channel}` } }
          try {
            return { ok: true, data: await h(input) }
          } catch (e) {
            if (e instanceof Fail) return { ok: false, error: e.error }
            throw e
          }
        }),
    },
  )
  Object.defineProperty(window, 'api', { value: api, configurable: true, writable: true })
  Object.defineProperty(window, 'platform', { value: { transport: 'web', os: 'linux' }, configurable: true, writable: true })
  return {
    calls,
    callsTo: (channel: string) => calls.filter(([c]) => c === channel).map(([, i]) => i),
  }
}

export function renderWithClient(ui: ReactElement) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 0 } } })
  return render(<QueryClientProvider client={qc}>{ui}</QueryClientProvider>)
}

export const ME = '0190a000-0000-7000-8000-000000000001'
export const P1 = '0190a000-0000-7000-8000-000000000002'
export const P2 = '0190a000-0000-7000-8000-000000000003'

export function person(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name,
    company: null,
    profession: null,
    email: null,
    phone: null,
    website: null,
    city: null,
    tags: [],
    groupIds: [],
    idealClient: null,
    howMet: null,
    introducedById: null,
    notes: null,
    isMe: id === ME,
    cadenceDays: null,
    archivedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  }
}

export function listItem(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name,
    company: null,
    profession: null,
    email: null,
    city: null,
    tags: [],
    isMe: id === ME,
    archived: false,
    introsReceivedFrom: 0,
    introsGivenTo: 0,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  }
}

export const APP_INFO = {
  version: '0.0.0',
  dataFile: '/tmp/x/network.sqlite',
  transport: 'web',
  schemaVersion: 10,
  isEmpty: false,
  meId: ME,
  networkName: 'My network',
  today: '2026-06-15',
  timeZone: 'UTC',
}
