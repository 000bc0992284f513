/** Text encodings the importer recognises (and the user may pick). */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'macintosh'
/** Encodings the user can choose in the preview (a BOM'd UTF-8 is read as UTF-8). */
export const CHOOSABLE_ENCODINGS = ['utf-8', 'windows-1252', 'macintosh', 'utf-16le', 'utf-16be'] as const
export type ChoosableEncoding = (typeof CHOOSABLE_ENCODINGS)[number]

/** A byte that is not valid in the encoding the file was read with: which line, and what it was read as. */
export interface BadByte {
  line: number
  /** The byte, read as Windows-1252 (the most likely source of a stray byte in a UTF-8 file). */
  char: string
}

export interface DecodedText {
  text: string
  encoding: TextEncodingName
  /** Stray bytes in a file read as UTF-8 (each kept as its Windows-1252 character and flagged). At most 1,000. */
  badBytes: BadByte[]
  /** For a file read in a legacy (one byte) encoding: the first line with a non-ASCII character, as decoded. */
  example: { line: number; text: string } | null
}

const decodeUtf16 = (bytes: Uint8Array, le: boolean): string => new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes)

/**
 * Decodes a file's bytes, on evidence:
 * - a BOM wins (UTF-8, UTF-16 LE/BE); without one, NUL bytes on every other position mean UTF-16;
 * - text that is UTF-8 apart from a few stray bytes (fewer stray bytes than valid multi-byte characters) is UTF-8:
 *   each stray byte is kept as its Windows-1252 character and its line reported in `badBytes`;
 * - anything else is a one-byte encoding: Windows-1252 or Mac Roman, whichever reads as more plausible text
 *   (accented letters inside words, in the case of their neighbours), with an example line to show the user.
 * `forced` reads the bytes as the user chose instead (a BOM is still skipped).
 */
export function decodeBytes(bytes: Uint8Array, forced?: ChoosableEncoding): DecodedText {
  const b0 = bytes[0]
  const b1 = bytes[1]
  const b2 = bytes[2]
  const utf8Bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf
  const le = b0 === 0xff && b1 === 0xfe
  const be = b0 === 0xfe && b1 === 0xff
  if (forced) {
    const body = utf8Bom && forced === 'utf-8' ? bytes.subarray(3) : (le && forced === 'utf-16le') || (be && forced === 'utf-16be') ? bytes.subarray(2) : bytes
    if (forced === 'utf-16le' || forced === 'utf-16be') return plain(decodeUtf16(body, forced === 'utf-16le'), forced)
    if (forced === 'utf-8') return decodeUtf8Lenient(body, 'utf-8')
    return legacy(body, forced)
  }
  if (utf8Bom) return decodeUtf8Lenient(bytes.subarray(3), 'utf-8-bom')
  if (le) return plain(decodeUtf16(bytes.subarray(2), true), 'utf-16le')
  if (be) return plain(decodeUtf16(bytes.subarray(2), false), 'utf-16be')
  const n = Math.min(bytes.length - (bytes.length % 2), 2000)
  if (n >= 4) {
    let evenZeros = 0
    let oddZeros = 0
    for (let i = 0; i < n; i += 2) {
      if (bytes[i] === 0) evenZeros++
      if (bytes[i + 1] === 0) oddZeros++
    }
    const half = n / 2
    if (oddZeros > half * 0.3 && evenZeros < half * 0.05) return plain(decodeUtf16(bytes, true), 'utf-16le')
    if (evenZeros > half * 0.3 && oddZeros < half * 0.05) return plain(decodeUtf16(bytes, false), 'utf-16be')
  }
  try {
    return plain(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8')
  } catch {
    // Not strict UTF-8: weigh the evidence below.
  }
  const { valid, invalid } = utf8Evidence(bytes)
  if (valid > 0 && invalid < valid) return decodeUtf8Lenient(bytes, 'utf-8')
  const cp = scoreText(decodeWindows1252(bytes))
  const mac = scoreText(decodeMacRoman(bytes))
  // A file with UTF-8 lines and many lines from a one-byte source: UTF-8 with the stray bytes flagged, when that reads
  // as more plausible text than either one-byte reading (an accidental sequence in Windows-1252 text, like "ß…",
  // decodes to an unlikely character and loses).
  if (valid > 0) {
    const mixed = decodeUtf8Lenient(bytes, 'utf-8')
    if (scoreText(mixed.text) > Math.max(cp, mac)) return mixed
  }
  return legacy(bytes, cp >= mac ? 'windows-1252' : 'macintosh')
}

const plain = (text: string, encoding: TextEncodingName): DecodedText => ({ text, encoding, badBytes: [], example: null })

function legacy(bytes: Uint8Array, encoding: 'windows-1252' | 'macintosh'): DecodedText {
  const text = encoding === 'windows-1252' ? decodeWindows1252(bytes) : decodeMacRoman(bytes)
  return { text, encoding, badBytes: [], example: exampleLine(text) }
}

/** The first line holding a non-ASCII character (what the user checks to see the encoding is right). */
export function exampleLine(text: string): { line: number; text: string } | null {
  const at = text.search(/[^\p{ASCII}]/u)
  if (at < 0) return null
  const before = text.slice(0, at).split(/\r\n?|\n/)
  const rest = /^[^\r\n]*/.exec(text.slice(at))![0]
  return { line: before.length, text: (before[before.length - 1]! + rest).slice(0, 200) }
}

/** Length of the valid UTF-8 sequence starting at i (0 when the byte does not start one). */
function utf8SeqLen(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!
  const cont = (k: number) => {
    const c = bytes[i + k]
    return c !== undefined && (c & 0xc0) === 0x80
  }
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0
  if (b >= 0xe0 && b <= 0xef) {
    const c1 = bytes[i + 1] ?? 0
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 >= 0xa0)) return 0
    return cont(1) && cont(2) ? 3 : 0
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const c1 = bytes[i + 1] ?? 0
    if ((b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 >= 0x90)) return 0
    return cont(1) && cont(2) && cont(3) ? 4 : 0
  }
  return 0
}

function utf8Evidence(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0
  let invalid = 0
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i]! < 0x80) {
      i++
      continue
    }
    const len = utf8SeqLen(bytes, i)
    if (len === 0) {
      invalid++
      i++
    } else {
      valid++
      i += len
    }
  }
  return { valid, invalid }
}

/** UTF-8 where each byte that does not belong to a valid sequence is read as Windows-1252 and reported by line. */
function decodeUtf8Lenient(bytes: Uint8Array, encoding: 'utf-8' | 'utf-8-bom'): DecodedText {
  try {
    return plain(new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding)
  } catch {
    // Stray bytes: decode the valid runs, keep the rest as Windows-1252 characters.
  }
  const dec = new TextDecoder('utf-8')
  const badBytes: BadByte[] = []
  let out = ''
  let line = 1
  let runStart = 0
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!
    if (b < 0x80) {
      if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++
      i++
      continue
    }
    const len = utf8SeqLen(bytes, i)
    if (len > 0) {
      i += len
      continue
    }
    out += dec.decode(bytes.subarray(runStart, i))
    const char = decodeWindows1252(bytes.subarray(i, i + 1))
    out += char
    if (badBytes.length < 1000) badBytes.push({ line, char })
    i++
    runStart = i
  }
  out += dec.decode(bytes.subarray(runStart))
  return { text: out, encoding, badBytes, example: null }
}

/** Letters people write in Western European names and words, and the punctuation of word processors. */
const COMMON = new Set('àáâäãåæçèéêëìíîïñòóôöõøùúûüÿßœÀÁÂÄÃÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÖÕØÙÚÛÜŒ€–—‘’“”…•°«»£§©®'.split(''))
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
const isLower = (ch: string) => ch !== ch.toUpperCase() && ch === ch.toLowerCase()
const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase()

/** How plausible a decoding is: common characters score, rare ones and capitals inside lower-case words cost. */
function scoreText(text: string): number {
  let score = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) continue
    const ch = text[i]!
    score += COMMON.has(ch) ? 2 : -1
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0
    // A capital right after a lower-case letter ("CafÈ"), or a symbol between two letters ("M¸ller"), is unlikely.
    if (isUpper(ch) && prev >= 97 && prev <= 122) score -= 2
    if (!/\p{L}/u.test(ch) && !COMMON.has(ch) && isAsciiLetter(prev) && isAsciiLetter(next)) score -= 2
    if (isLower(ch) && isAsciiLetter(prev)) score += 1
  }
  return score
}

/** 0x80-0xFF of Mac OS Roman. */
const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ'

export function decodeMacRoman(bytes: Uint8Array): string {
  let out = ''
  const CHUNK = 8192
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const part = bytes.subarray(i, i + CHUNK)
    const codes = new Array<number>(part.length)
    for (let j = 0; j < part.length; j++) {
      const b = part[j]!
      codes[j] = b >= 0x80 ? MAC_ROMAN_HIGH.charCodeAt(b - 0x80) : b
    }
    out += String.fromCharCode(...codes)
  }
  return out
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
