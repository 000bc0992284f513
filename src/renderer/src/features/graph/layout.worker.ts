/// <reference lib="webworker" />
import { runLayout, type LayoutInput, type LayoutKind } from '../../../../core/graph/layout'

/** Runs a layout off the UI thread, reporting progress (0..1) as it goes. */
export interface LayoutRequest {
  id: number
  kind: LayoutKind
  input: LayoutInput
}
export type LayoutReply = { id: number; type: 'progress'; done: number } | { id: number; type: 'done'; pos: Float64Array; ms: number }

const ctx = self as unknown as DedicatedWorkerGlobalScope
ctx.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const { id, kind, input } = e.data
  const t0 = performance.now()
  const pos = runLayout(kind, input, { onProgress: (done) => ctx.postMessage({ id, type: 'progress', done } satisfies LayoutReply) })
  ctx.postMessage({ id, type: 'done', pos, ms: performance.now() - t0 } satisfies LayoutReply, [pos.buffer])
}
