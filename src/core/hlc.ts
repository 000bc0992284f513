/**
 * Hybrid logical clock (Kulkarni et al.): a stamp is (wall milliseconds, counter,
 * node). A node's stamps never go backwards, even when its wall clock does, and a
 * stamp received from another node moves the local clock past it, so "later" is
 * consistent across laptops whose clocks disagree a little. Every change in the
 * change log carries one; chapter sharing decides per cell by comparing them.
 *
 * The text form sorts like the stamp: 15 decimal digits of milliseconds, 6 of
 * counter, then the node id (`000001767225600000-000000-9f3a…`).
 */
export interface Hlc {
  ms: number
  counter: number
  node: string
}

export const HLC_COUNTER_MAX = 999_999

/** The next local stamp after `prev`, at wall time `nowMs`. */
export function hlcTick(prev: Hlc, nowMs: number): Hlc {
  if (nowMs > prev.ms) return { ms: nowMs, counter: 0, node: prev.node }
  if (prev.counter >= HLC_COUNTER_MAX) return { ms: prev.ms + 1, counter: 0, node: prev.node }
  return { ms: prev.ms, counter: prev.counter + 1, node: prev.node }
}

/** The local clock after receiving `remote`: past both it and the local stamp. */
export function hlcReceive(local: Hlc, remote: Hlc, nowMs: number): Hlc {
  const ms = Math.max(local.ms, remote.ms, nowMs)
  let counter: number
  if (ms === local.ms && ms === remote.ms) counter = Math.max(local.counter, remote.counter) + 1
  else if (ms === local.ms) counter = local.counter + 1
  else if (ms === remote.ms) counter = remote.counter + 1
  else counter = 0
  if (counter > HLC_COUNTER_MAX) return { ms: ms + 1, counter: 0, node: local.node }
  return { ms, counter, node: local.node }
}

export function hlcToString(h: Hlc): string {
  return `${String(h.ms).padStart(15, '0')}-${String(h.counter).padStart(6, '0')}-${h.node}`
}

const HLC_RE = /^(\d{15})-(\d{6})-([0-9a-z]{1,32})$/

export function hlcParse(s: string): Hlc | null {
  const m = HLC_RE.exec(s)
  if (!m) return null
  return { ms: Number(m[1]), counter: Number(m[2]), node: m[3]! }
}

/** Orders two stamps: negative when a is earlier (the node id breaks ties). */
export function hlcCompare(a: Hlc, b: Hlc): number {
  return a.ms - b.ms || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0)
}
