/**
 * History labels ("Archive Ben Brooks", "Mark introduction of Ada from Ben won")
 * are written in English by the backend and stored so; the Edit menu and the
 * undo/redo toasts show them in the user's language.
 *
 * A label is matched against the German message table (src/shared/i18n/de/messages)
 * whose keys have the names as `“…”` ("Archive “…”" -> "“…” archivieren"): each
 * `“…”` matches any text (the names, which are not quoted in a label) and a `#`
 * a number. Keys that start in lower case ("introduction of “…” from “…”") are
 * parts of a label: they translate the text a `“…”` matched. A label the table
 * does not know stays in English.
 */
import { PSEUDO, pseudoize, type UiLanguage } from './i18n'
import { translateMessage } from './i18n/messages'
import deMessages from './i18n/de/messages'

interface Pattern {
  re: RegExp
  de: string
  /** Literal characters in the key: the more, the more specific ("Add “…” to “…”" before "Add “…”"). */
  weight: number
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

let compiled: { whole: Pattern[]; parts: Pattern[] } | null = null
function patterns() {
  if (compiled) return compiled
  const whole: Pattern[] = []
  const parts: Pattern[] = []
  for (const [key, de] of Object.entries(deMessages)) {
    if (!key.includes('“…”') && !key.includes('#') && !/^[a-z]/.test(key)) continue
    const source = key
      .split(/(“…”|#)/)
      .map((piece) => (piece === '“…”' ? '(.+?)' : piece === '#' ? '(-?\\d+(?:[.,]\\d+)*)' : escape(piece)))
      .join('')
    const p = { re: new RegExp(`^${source}$`), de, weight: key.replace(/“…”|#/g, '').length }
    ;(/^[a-z]/.test(key) ? parts : whole).push(p)
  }
  const byWeight = (a: Pattern, b: Pattern) => b.weight - a.weight
  compiled = { whole: whole.sort(byWeight), parts: parts.sort(byWeight) }
  return compiled
}

function apply(list: Pattern[], text: string): string | null {
  for (const p of list) {
    const m = p.re.exec(text)
    if (!m) continue
    const caps = m.slice(1)
    let i = 0
    return p.de.replace(/“…”|#/g, (tok) => {
      const c = caps[i++] ?? tok
      return tok === '#' ? c : (apply(patterns().parts, c) ?? c)
    })
  }
  return null
}

/** A history label (or any backend message) in `lang`; English when the table does not know it. */
export function translateLabel(label: string, lang: UiLanguage): string {
  if (lang === 'en' || !label) return label
  const direct = translateMessage(label, lang)
  if (direct !== label) return direct
  const de = apply(patterns().whole, label)
  if (de === null) return label
  return lang === PSEUDO ? pseudoize(label) : de
}
