import { runLayout, type LayoutInput, type LayoutKind } from '../../../../core/graph/layout'
import type { LayoutReply, LayoutRequest } from './layout.worker'

let worker: Worker | null = null
let seq = 0

function getWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null
  if (!worker) {
    try {
      worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' })
    } catch {
      return null
    }
  }
  return worker
}

/**
 * Lays the graph out in a web worker (the UI stays responsive), reporting
 * progress; where workers are unavailable (tests) it runs in place.
 */
export function layoutInWorker(kind: LayoutKind, input: LayoutInput, onProgress: (done: number) => void): Promise<{ pos: Float64Array; ms: number }> {
  const w = getWorker()
  if (!w) {
    const t0 = performance.now()
    const pos = runLayout(kind, input, { onProgress })
    return Promise.resolve({ pos, ms: performance.now() - t0 })
  }
  const id = ++seq
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent<LayoutReply>) => {
      const m = e.data
      if (m.id !== id) return
      if (m.type === 'progress') onProgress(m.done)
      else {
        w.removeEventListener('message', onMessage)
        w.removeEventListener('error', onError)
        resolve({ pos: m.pos, ms: m.ms })
      }
    }
    const onError = (e: ErrorEvent) => {
      w.removeEventListener('message', onMessage)
      w.removeEventListener('error', onError)
      reject(new Error(e.message || 'The layout failed.'))
    }
    w.addEventListener('message', onMessage)
    w.addEventListener('error', onError)
    w.postMessage({ id, kind, input } satisfies LayoutRequest)
  })
}
