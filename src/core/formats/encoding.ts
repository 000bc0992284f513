/** Text encodings the importer recognises. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export interface DecodedText {
  text: string
  encoding: TextEncodingName
}

/**
 * Decodes a file's bytes: a BOM wins (UTF-8, UTF-16 LE/BE); without one, NUL
 * bytes on every other position mean UTF-16 (spreadsheet "Unicode text"
 * exports); then strict UTF-8; anything that is not valid UTF-8 is read as
 * Windows-1252 (what older Excel writes on Windows).
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const b0 = bytes[0]
  const b1 = bytes[1]
  const b2 = bytes[2]
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' }
  if (b0 === 0xff && b1 === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  if (b0 === 0xfe && b1 === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  const n = Math.min(bytes.length - (bytes.length % 2), 2000)
  if (n >= 4) {
    let evenZeros = 0
    let oddZeros = 0
    for (let i = 0; i < n; i += 2) {
      if (bytes[i] === 0) evenZeros++
      if (bytes[i + 1] === 0) oddZeros++
    }
    const half = n / 2
    if (oddZeros > half * 0.3 && evenZeros < half * 0.05) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' }
    if (evenZeros > half * 0.3 && oddZeros < half * 0.05) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' }
  }
}

/** 0x80-0x9F of Windows-1252 (some runtimes decode "windows-1252" as Latin-1, which leaves these as C1 controls). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  const CHUNK = 8192
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const part = bytes.subarray(i, i + CHUNK)
    const codes = new Array<number>(part.length)
    for (let j = 0; j < part.length; j++) {
      const b = part[j]!
      codes[j] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b
    }
    out += String.fromCharCode(...codes)
  }
  return out
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 -> bytes without node's Buffer (core stays runtime-neutral). */
export function base64ToBytes(s: string): Uint8Array {
  if (typeof globalThis.atob === 'function') {
    try {
      const bin = globalThis.atob(s)
      const out = new Uint8Array(bin.length)
      for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
      return out
    } catch {
      // Not strict base64 (line breaks, URL-safe alphabet): the tolerant decoder below.
    }
  }
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '')
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4))
  const lookup = new Int16Array(128).fill(-1)
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i
  let o = 0
  let acc = 0
  let bits = 0
  for (let i = 0; i < clean.length; i++) {
    acc = (acc << 6) | (lookup[clean.charCodeAt(i)] ?? 0)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >> bits) & 0xff
    }
  }
  return out.subarray(0, o)
}

export function bytesToBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0
    const b = bytes[i + 1] ?? 0
    const c = bytes[i + 2] ?? 0
    const n = (a << 16) | (b << 8) | c
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '='
    out += i + 2 < bytes.length ? B64[n & 63]! : '='
  }
  return out
}
