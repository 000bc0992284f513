import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { hlcCompare, hlcParse, hlcReceive, hlcTick, hlcToString, type Hlc } from '../../src/core/hlc'

const stamp = fc.record({
  ms: fc.integer({ min: 0, max: 2 ** 47 }),
  counter: fc.integer({ min: 0, max: 999_999 }),
  node: fc.stringMatching(/^[0-9a-f]{1,16}$/),
})

describe('hybrid logical clock', () => {
  it('never goes backwards, whatever the wall clock does', () => {
    fc.assert(
      fc.property(stamp, fc.array(fc.integer({ min: 0, max: 2 ** 47 }), { maxLength: 50 }), (start, walls) => {
        let h: Hlc = start
        for (const w of walls) {
          const next = hlcTick(h, w)
          expect(hlcCompare(next, h)).toBeGreaterThan(0)
          expect(next.ms).toBeGreaterThanOrEqual(w)
          h = next
        }
      }),
    )
  })

  it('moves past a received stamp and past its own', () => {
    fc.assert(
      fc.property(stamp, stamp, fc.integer({ min: 0, max: 2 ** 47 }), (local, remote, now) => {
        const next = hlcReceive(local, { ...remote, node: 'remote' }, now)
        expect(hlcCompare(next, local)).toBeGreaterThan(0)
        expect(next.ms > remote.ms || (next.ms === remote.ms && next.counter > remote.counter)).toBe(true)
        expect(next.node).toBe(local.node)
      }),
    )
  })

  it('text form sorts like the stamp and parses back', () => {
    fc.assert(
      fc.property(stamp, stamp, (a, b) => {
        expect(hlcParse(hlcToString(a))).toEqual(a)
        const byText = hlcToString(a) < hlcToString(b) ? -1 : hlcToString(a) > hlcToString(b) ? 1 : 0
        expect(Math.sign(hlcCompare(a, b))).toBe(byText)
      }),
    )
    expect(hlcToString({ ms: 1767225600000, counter: 3, node: 'ab12' })).toBe('001767225600000-000003-ab12')
    expect(hlcParse('nonsense')).toBeNull()
  })

  it('a counter at its limit rolls into the next millisecond', () => {
    expect(hlcTick({ ms: 10, counter: 999_999, node: 'a' }, 5)).toEqual({ ms: 11, counter: 0, node: 'a' })
  })
})
