import { useLayoutEffect, useRef } from 'react'
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query'
import type { Channel, Input, Output } from '../../../shared/contract'
import type { AppErrorShape } from '../../../shared/errors'
import { invalidates } from '../../../shared/invalidation'

/** A failed call, carrying the typed error (code, message, field) from the main process. */
export class ApiError extends Error implements AppErrorShape {
  code: AppErrorShape['code']
  field?: string
  details?: unknown
  constructor(e: AppErrorShape) {
    super(e.message)
    this.code = e.code
    if (e.field !== undefined) this.field = e.field
    if (e.details !== undefined) this.details = e.details
  }
}

/** Calls one channel and unwraps the result; failures throw ApiError. */
export async function call<K extends Channel>(channel: K, input?: Input<K>): Promise<Output<K>> {
  const fn = window.api[channel] as (input?: Input<K>) => Promise<{ ok: true; data: Output<K> } | { ok: false; error: AppErrorShape }>
  const res = await fn(input)
  if (!res.ok) throw new ApiError(res.error)
  return res.data
}

/** The query for one channel call: the key is the channel plus its input. */
const apiQuery = <K extends Channel>(channel: K, input?: Input<K>) => ({
  queryKey: [channel, input ?? null] as const,
  queryFn: () => call(channel, input),
})

/** Query over a channel; the key is the channel plus its input. */
export function useApi<K extends Channel>(
  channel: K,
  input?: Input<K>,
  opts: Omit<UseQueryOptions<Output<K>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Output<K>, ApiError>({ ...apiQuery(channel, input), ...opts })
}

/**
 * useApi whose request leaves before the screen's children run their effects
 * (a layout effect runs before any passive one), so a heavy child set up in an
 * effect (the graph's Cytoscape instance) is built while the answer is on its way.
 */
export function useApiEarly<K extends Channel>(channel: K, input?: Input<K>) {
  const qc = useQueryClient()
  const query = apiQuery(channel, input)
  const latest = useRef(query)
  latest.current = query
  // Runs again only when the key's content changes (a new but equal input object does not count).
  const key = JSON.stringify(query.queryKey)
  useLayoutEffect(() => void qc.prefetchQuery(latest.current), [qc, key])
  return useApi(channel, input)
}

/**
 * Mutation over a channel. On success the queries the channel declares stale
 * (src/shared/invalidation.ts; everything when it declares nothing) are refetched.
 */
export function useApiMutation<K extends Channel>(channel: K) {
  const qc = useQueryClient()
  return useMutation<Output<K>, ApiError, Input<K>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: () => qc.invalidateQueries({ predicate: (q) => invalidates(channel, String(q.queryKey[0])) }),
  })
}

/** The message to show next to a field, if the error is about that field. */
export function fieldError(err: unknown, field: string): string | undefined {
  if (err instanceof ApiError && err.field !== undefined && (err.field === field || err.field.startsWith(`${field}.`)))
    return err.message
  return undefined
}
