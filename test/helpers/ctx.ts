import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHandlers, NetworkStore, type ServiceContext } from '../../src/backend/services'
import { dispatch } from '../../src/backend/dispatch'
import type { Channel, Input, Output } from '../../src/shared/contract'
import type { AppErrorShape } from '../../src/shared/errors'
import { defaultNetworkFile } from '../../src/backend/paths'

export interface TestApp {
  ctx: ServiceContext
  dir: string
  /** Calls a channel through the same dispatch path IPC and the web bridge use; throws the typed error. */
  call<K extends Channel>(channel: K, input?: Input<K>): Promise<Output<K>>
  /** Calls a channel and returns the typed error (fails the test if the call succeeded). */
  fail<K extends Channel>(channel: K, input?: unknown): Promise<AppErrorShape>
  setNow(iso: string): void
  close(): void
}

/** A real network file in a fresh temp dir, with a settable clock. */
export function createTestApp(nowIso = '2026-06-15T10:00:00.000Z'): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'referral-map-test-'))
  let now = new Date(nowIso)
  const ctx: ServiceContext = {
    store: new NetworkStore(defaultNetworkFile(dir)),
    dataDir: dir,
    now: () => new Date(now.getTime()),
    transport: 'ipc',
    version: '0.0.0-test',
  }
  const handlers = createHandlers(ctx)
  return {
    ctx,
    dir,
    async call(channel, input) {
      const r = await dispatch(handlers, channel, input)
      if (!r.ok) throw Object.assign(new Error(`${channel}: ${r.error.code} ${r.error.message}`), r.error)
      return r.data as never
    },
    async fail(channel, input) {
      const r = await dispatch(handlers, channel, input)
      if (r.ok) throw new Error(`${channel} unexpectedly succeeded`)
      return r.error
    },
    setNow(iso) {
      now = new Date(iso)
    },
    close() {
      ctx.store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
