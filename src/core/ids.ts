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

export function uuidv7(nowMs: number = Date.now(), rand?: (n: number) => Uint8Array): string {
  return generatorFor(rand).generateOrResetWithTs(nowMs).toString()
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Time (ms) encoded in a UUIDv7. */
export function uuidv7Time(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16)
}
