/**
 * What a key is: NFKD, combining marks dropped, lower case, whitespace runs collapsed to one space, trimmed.
 * normalizeKey gives the same result faster; this is its reference (and the property test's).
 */
export function keyDefinition(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Below U+0300 every character is a starter, so NFKD, dropping combining marks and lower-casing work one
 * character at a time: FOLD[c] is keyDefinition's text for c before whitespace is collapsed ('É' -> 'e', '½' -> '1⁄2').
 */
const FOLD = Array.from({ length: 0x300 }, (_, c) => String.fromCharCode(c).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase())
/** c -> the one character it folds to when that is not whitespace (most of them), else 0. */
const FOLD1 = Uint16Array.from(FOLD, (f) => (f.length === 1 && !/\s/.test(f) ? f.charCodeAt(0) : 0))
const isSpace = (d: number) => d < 0x300 && FOLD1[d] === 0 && /\s/.test(String.fromCharCode(d))
const SPACE = Uint8Array.from(FOLD, (_, c) => (isSpace(c) ? 1 : 0))

/** keyDefinition of text below U+0300 by table (no allocation when the text is its own key); null for other text. */
function latinKey(s: string): string | null {
  const n = s.length
  let clean = s.charCodeAt(0) !== 32 && s.charCodeAt(n - 1) !== 32
  for (let i = 0; clean && i < n; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0x300) return null
    if (c === 32) clean = s.charCodeAt(i + 1) !== 32
    else clean = FOLD1[c] === c
  }
  if (clean) return s
  let out = ''
  let space = false
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0x300) return null
    const one = FOLD1[c]!
    if (one !== 0) {
      if (space && out !== '') out += ' '
      space = false
      out += String.fromCharCode(one)
      continue
    }
    const f = FOLD[c]!
    for (let j = 0; j < f.length; j++) {
      if (SPACE[f.charCodeAt(j)] === 1) space = true
      else {
        if (space && out !== '') out += ' '
        space = false
        out += f[j]!
      }
    }
  }
  return out
}

/** Keys of other text already computed (Unicode normalisation is the slow part); bounded, dropped when full. */
const keyMemo = new Map<string, string>()
const KEY_MEMO_MAX = 50_000

/**
 * Case- and accent-insensitive key used for search, sorting and duplicate matching: exactly keyDefinition(s),
 * with Latin text read by table and other text memoised (imports ask for the keys of 100k names at a time).
 */
export function normalizeKey(s: string | null | undefined): string {
  if (!s) return ''
  const latin = latinKey(s)
  if (latin !== null) return latin
  let k = keyMemo.get(s)
  if (k === undefined) {
    if (keyMemo.size >= KEY_MEMO_MAX) keyMemo.clear()
    keyMemo.set(s, (k = keyDefinition(s)))
  }
  return k
}


export function normalizeEmail(s: string | null | undefined): string {
  return (s ?? '').trim().toLowerCase()
}
