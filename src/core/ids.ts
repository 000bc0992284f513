import { V7Generator } from 'uuidv7'

/**
 * Ids are UUIDv7 (RFC 9562) from the maintained `uuidv7` package: 48-bit Unix
 * milliseconds, then a 42-bit counter that is monotonic within a millisecond,
 * then random bits. They sort by creation time, which keeps every table's
 * b-tree append-mostly.
 *
 * Each random source has its own generator (and counter), so a seeded source
 * (the sample generator) gives the same ids whatever else made ids before it.
 * The rollback allowance is 0: an id always carries the time it was asked for
 * (the sample dates its rows in the past, in any order), and only ids asked for
 * in the same millisecond share a counter.
 */
const generators = new WeakMap<object, V7Generator>()
const defaultSource = {}

function generatorFor(rand?: (n: number) => Uint8Array): V7Generator {
  const key = rand ?? defaultSource
  let g = generators.get(key)
  if (!g) {
    g = rand
      ? new V7Generator({
          nextUint32: () => {
            const b = rand(4)
            return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0
          },
        })
      : new V7Generator()
    g.setRollbackAllowance(0)
    generators.set(key, g)
  }
  return g
}

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0))
/** Where each of the 16 bytes goes in the 36-character text form. */
const BYTE_POS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34]

/**
 * The text form, built as one flat string: the package's toString() joins
 * pieces, and millions of such rope strings (a bench network, a large import)
 * cost several times the memory of flat ones.
 */
function text(bytes: Readonly<Uint8Array>): string {
  const chars = new Array<number>(36).fill(45)
  for (let i = 0; i < 16; i++) {
    const v = bytes[i]!
    const at = BYTE_POS[i]!
    chars[at] = HEX_CODES[v >> 4]!
    chars[at + 1] = HEX_CODES[v & 15]!
  }
  return String.fromCharCode(...chars)
}

export function uuidv7(nowMs: number = Date.now(), rand?: (n: number) => Uint8Array): string {
  return text(generatorFor(rand).generateOrResetWithTs(nowMs).bytes)
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Time (ms) encoded in a UUIDv7. */
export function uuidv7Time(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16)
}
