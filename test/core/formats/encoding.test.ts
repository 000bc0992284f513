import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { base64ToBytes, bytesToBase64, decodeBytes } from '../../../src/core/formats/encoding'

const utf16 = (s: string, le: boolean): Uint8Array => {
  const out = new Uint8Array(s.length * 2)
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    out[i * 2 + (le ? 0 : 1)] = c & 0xff
    out[i * 2 + (le ? 1 : 0)] = c >> 8
  }
  return out
}

describe('decodeBytes', () => {
  const text = 'Name,City\nZoë,Kraków\n'
  it('reads UTF-8 with and without a BOM', () => {
    const u8 = new TextEncoder().encode(text)
    expect(decodeBytes(u8)).toEqual({ text, encoding: 'utf-8' })
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...u8]))).toEqual({ text, encoding: 'utf-8-bom' })
  })
  it('reads UTF-16 LE/BE with a BOM, and without one from the NUL bytes', () => {
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, ...utf16(text, true)]))).toEqual({ text, encoding: 'utf-16le' })
    expect(decodeBytes(new Uint8Array([0xfe, 0xff, ...utf16(text, false)]))).toEqual({ text, encoding: 'utf-16be' })
    expect(decodeBytes(utf16(text, true))).toEqual({ text, encoding: 'utf-16le' })
    expect(decodeBytes(utf16(text, false))).toEqual({ text, encoding: 'utf-16be' })
  })
  it('falls back to Windows-1252 for bytes that are not UTF-8, including the 0x80-0x9F range', () => {
    const bytes = new Uint8Array([0x52, 0x65, 0x6e, 0xe9, 0x20, 0x80, 0x35, 0x20, 0x93, 0x71, 0x94, 0x20, 0x92])
    expect(decodeBytes(bytes)).toEqual({ text: 'René €5 “q” ’', encoding: 'windows-1252' })
  })
})

describe('base64', () => {
  it('property: bytes survive base64 both ways and match the platform encoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        const s = bytesToBase64(b)
        expect(s).toBe(Buffer.from(b).toString('base64'))
        expect([...base64ToBytes(s)]).toEqual([...b])
      }),
    )
  })
})
