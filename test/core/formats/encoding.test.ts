import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { base64ToBytes, bytesToBase64, decodeBytes } from '../../../src/core/formats/encoding'

const fixture = (n: string) => new Uint8Array(readFileSync(join(__dirname, '../../fixtures', n)))

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
    expect(decodeBytes(u8)).toMatchObject({ text, encoding: 'utf-8', badBytes: [] })
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...u8]))).toMatchObject({ text, encoding: 'utf-8-bom', badBytes: [] })
  })
  it('reads UTF-16 LE/BE with a BOM, and without one from the NUL bytes', () => {
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, ...utf16(text, true)]))).toMatchObject({ text, encoding: 'utf-16le' })
    expect(decodeBytes(new Uint8Array([0xfe, 0xff, ...utf16(text, false)]))).toMatchObject({ text, encoding: 'utf-16be' })
    expect(decodeBytes(utf16(text, true))).toMatchObject({ text, encoding: 'utf-16le' })
    expect(decodeBytes(utf16(text, false))).toMatchObject({ text, encoding: 'utf-16be' })
  })
  it('falls back to Windows-1252 for bytes that are not UTF-8, including the 0x80-0x9F range', () => {
    const bytes = new Uint8Array([0x52, 0x65, 0x6e, 0xe9, 0x20, 0x80, 0x35, 0x20, 0x93, 0x71, 0x94, 0x20, 0x92])
    expect(decodeBytes(bytes)).toMatchObject({ text: 'René €5 “q” ’', encoding: 'windows-1252' })
  })
  it('keeps a UTF-8 file with one stray Windows-1252 byte as UTF-8, and flags the line of the stray byte', () => {
    const d = decodeBytes(fixture('people-utf8-stray-byte.csv'))
    expect(d.encoding).toBe('utf-8')
    expect(d.text).toContain('Zoë Ångström,Nordic Ltd,Malmö')
    expect(d.text).toContain('山本 花子,Yamamoto KK,東京')
    expect(d.text).toContain('René Dubois,Café Dubois,Lyon')
    expect(d.badBytes).toEqual([{ line: 3, char: 'é' }])
  })
  it('a Windows-1252 file is not forced into UTF-8 by an accidental valid sequence ("ß…" is also valid UTF-8)', () => {
    const cp = (t: string) => new Uint8Array([...t].map((ch) => (ch === '…' ? 0x85 : ch.charCodeAt(0))))
    const d = decodeBytes(cp('Name,Notes\nRené,Fuß… und Café\nZoë,Müller\n'))
    expect(d).toMatchObject({ encoding: 'windows-1252', text: 'Name,Notes\nRené,Fuß… und Café\nZoë,Müller\n' })
  })
  it('UTF-8 lines mixed with more Windows-1252 bytes than UTF-8 characters: read as UTF-8, every stray byte flagged', () => {
    const utf8 = new TextEncoder().encode('Name,City\nZoë,Malmö\n')
    const cp = new Uint8Array([...'René,Orléans\nFrançois,Besançon\nAndré,Nîmes\n'].map((ch) => ch.charCodeAt(0)))
    const d = decodeBytes(new Uint8Array([...utf8, ...cp]))
    expect(d.encoding).toBe('utf-8')
    expect(d.text).toBe('Name,City\nZoë,Malmö\nRené,Orléans\nFrançois,Besançon\nAndré,Nîmes\n')
    expect(d.badBytes.map((b) => b.line)).toEqual([3, 3, 4, 4, 5, 5])
  })
  it('tells Mac Roman from Windows-1252 and names an example line', () => {
    const d = decodeBytes(fixture('people-macroman.csv'))
    expect(d.encoding).toBe('macintosh')
    expect(d.text).toContain('Zoë Ångström,Café Müller,Malmö,Señor Müller’s café')
    expect(d.example).toEqual({ line: 2, text: 'Zoë Ångström,Café Müller,Malmö,Señor Müller’s café' })
    const w = decodeBytes(fixture('people-cp1252.csv'))
    expect(w.encoding).toBe('windows-1252')
    expect(w.text).toContain('René Müller,Café Müller')
    expect(w.example?.line).toBe(2)
  })
  it('reads the bytes as the encoding the user picks', () => {
    const bytes = fixture('people-macroman.csv')
    expect(decodeBytes(bytes, 'windows-1252')).toMatchObject({ encoding: 'windows-1252' })
    expect(decodeBytes(bytes, 'windows-1252').text).toContain('CafŽ')
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'utf-8')).toMatchObject({ text: 'A', encoding: 'utf-8' })
  })
  it('property: Western European text written as Windows-1252 or Mac Roman is read back in the right one', () => {
    const words = ['Zoë', 'Müller', 'Café', 'Noël', 'Françoise', 'Ångström', 'Señor', 'Orléans', 'crème brûlée', 'Øre']
    // Encoders from the platform's own decoders (Node's ICU), so the test does not share the app's tables.
    const inverse = (label: string) => {
      const m = new Map<string, number>()
      const all = new TextDecoder(label).decode(new Uint8Array(256).map((_, i) => i))
      ;[...all].forEach((ch, i) => m.set(ch, i))
      return (s: string) => new Uint8Array([...s].map((ch) => m.get(ch)!))
    }
    const mac = inverse('macintosh')
    const cp = inverse('windows-1252')
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }), (ws) => {
        const line = `Name,Notes\n${ws.join(' ')},x\n`
        expect(decodeBytes(cp(line))).toMatchObject({ text: line, encoding: 'windows-1252' })
        expect(decodeBytes(mac(line))).toMatchObject({ text: line, encoding: 'macintosh' })
      }),
    )
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
