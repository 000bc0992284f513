/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, 74 random bits.
 * Sorts by creation time, which keeps the b-tree of every table append-mostly.
 */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
let lastMs = -1
let seq = 0

function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n)
  globalThis.crypto.getRandomValues(out)
  return out
}

export function uuidv7(nowMs: number = Date.now(), rand: (n: number) => Uint8Array = randomBytes): string {
  const b = rand(16)
  // Monotonic within one millisecond: a 12-bit counter in rand_a.
  if (nowMs === lastMs) {
    seq = (seq + 1) & 0xfff
  } else {
    lastMs = nowMs
    seq = ((b[6] ?? 0) << 4) & 0x7ff
  }
  const hi = Math.floor(nowMs / 0x10000)
  b[0] = (hi >>> 24) & 0xff
  b[1] = (hi >>> 16) & 0xff
  b[2] = (hi >>> 8) & 0xff
  b[3] = hi & 0xff
  b[4] = (nowMs >>> 8) & 0xff
  b[5] = nowMs & 0xff
  b[6] = 0x70 | ((seq >> 8) & 0x0f)
  b[7] = seq & 0xff
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  let hex = ''
  for (let i = 0; i < 16; i++) hex += HEX[b[i]!]
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Time (ms) encoded in a UUIDv7. */
export function uuidv7Time(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16)
}
