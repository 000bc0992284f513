/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, 74 random bits.
 * Sorts by creation time, which keeps the b-tree of every table append-mostly.
 */
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0))
/** Where each of the 16 bytes goes in the 36-character text form. */
const BYTE_POS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34]
/**
 * The within-a-millisecond counter is kept per random source, so a seeded source
 * (the sample generator) gives the same ids whatever else made ids before it.
 */
const counters = new WeakMap<object, { lastMs: number; seq: number }>()

function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n)
  globalThis.crypto.getRandomValues(out)
  return out
}

export function uuidv7(nowMs: number = Date.now(), rand: (n: number) => Uint8Array = randomBytes): string {
  const b = rand(16)
  let c = counters.get(rand)
  if (!c) {
    c = { lastMs: -1, seq: 0 }
    counters.set(rand, c)
  }
  // Monotonic within one millisecond: a 12-bit counter in rand_a.
  if (nowMs === c.lastMs) {
    c.seq = (c.seq + 1) & 0xfff
  } else {
    c.lastMs = nowMs
    c.seq = ((b[6] ?? 0) << 4) & 0x7ff
  }
  const seq = c.seq
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
  // One flat 36-character string (no concatenation ropes): millions of ids stay small in memory.
  const chars = new Array<number>(36).fill(45)
  for (let i = 0; i < 16; i++) {
    const v = b[i]!
    const at = BYTE_POS[i]!
    chars[at] = HEX_CODES[v >> 4]!
    chars[at + 1] = HEX_CODES[v & 15]!
  }
  return String.fromCharCode(...chars)
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Time (ms) encoded in a UUIDv7. */
export function uuidv7Time(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16)
}
