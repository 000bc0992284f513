import { channels, type Api } from '../../shared/contract'
import type { Result } from '../../shared/errors'

/**
 * Installs the browser bridge's `window.api`: the same functions, over
 * `POST /api/<channel>` with the per-run token from the page URL.
 */
const params = new URLSearchParams(location.search)
const token = params.get('token') ?? sessionStorage.getItem('referral-map-token') ?? ''
if (token) sessionStorage.setItem('referral-map-token', token)

async function call(channel: string, input: unknown): Promise<Result<unknown>> {
  try {
    const res = await fetch(`/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(input ?? null),
    })
    const body = (await res.json()) as Result<unknown>
    return body
  } catch (e) {
    return { ok: false, error: { code: 'INTERNAL', message: `The app's service did not answer: ${(e as Error).message}` } }
  }
}

const api = Object.fromEntries(channels.map((ch) => [ch, (input?: unknown) => call(ch, input)])) as unknown as Api
Object.assign(window, { api, platform: { transport: 'web', os: 'web' } })
