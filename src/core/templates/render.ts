/**
 * Message templates with `{placeholder}` fields, rendered as pure functions.
 *
 * Syntax: a placeholder is `{` + a dotted name + `}`, e.g. `{partner.name}`. Names are
 * letters and digits in dot-separated parts starting with a letter. Anything else in
 * braces (`{ }`, `{1}`, `{a b}`) is ordinary text, so text without placeholders renders
 * unchanged. A known placeholder whose value is missing renders as `[name]` so the gap
 * is visible (never "undefined"); an unknown placeholder stays as written and is
 * reported by `unknownPlaceholders` so an editor can flag it.
 */

export type TemplateKind = 'thank' | 'ask' | 'introduction'
export const TEMPLATE_KINDS: readonly TemplateKind[] = ['thank', 'ask', 'introduction']

export interface MessageTemplate {
  subject: string
  body: string
}

export type Templates = Record<TemplateKind, MessageTemplate>

export type TemplateValues = Record<string, string | null | undefined>

export interface PlaceholderInfo {
  name: string
  help: string
}

/** Every placeholder the app fills, with what it stands for. */
export const PLACEHOLDERS: readonly PlaceholderInfo[] = [
  { name: 'me.name', help: 'Your name' },
  { name: 'me.firstName', help: 'Your first name' },
  { name: 'me.company', help: 'Your company' },
  { name: 'me.profession', help: 'What you do' },
  { name: 'me.email', help: 'Your email' },
  { name: 'me.idealClient', help: 'Your ideal client, in your words (Settings)' },
  { name: 'me.peopleLikeMe', help: '"People like you": who a good introduction for you is (Settings)' },
  { name: 'partner.name', help: 'The partner (the referrer you thank, or the partner you introduce someone to)' },
  { name: 'partner.firstName', help: "The partner's first name" },
  { name: 'partner.company', help: "The partner's company" },
  { name: 'partner.profession', help: 'What the partner does' },
  { name: 'partner.email', help: "The partner's email" },
  { name: 'partner.idealClient', help: "The partner's ideal client, from their record" },
  { name: 'partner.howMet', help: 'How you know the partner, from their record' },
  { name: 'prospect.name', help: 'The client or person being introduced' },
  { name: 'prospect.firstName', help: "The client's first name" },
  { name: 'prospect.company', help: "The client's company" },
  { name: 'prospect.profession', help: 'What the client does' },
  { name: 'prospect.email', help: "The client's email" },
  { name: 'introduction.date', help: 'Date of the introduction' },
  { name: 'introduction.value', help: 'Value of the business, with currency' },
  { name: 'introduction.common', help: 'What the two people have in common (asked for in the introduction dialog)' },
]

const KNOWN = new Set(PLACEHOLDERS.map((p) => p.name))

const PLACEHOLDER_RE = /\{([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\}/g

export function isKnownPlaceholder(name: string): boolean {
  return KNOWN.has(name)
}

export interface FoundPlaceholder {
  name: string
  /** Offset of the opening brace. */
  index: number
  known: boolean
}

export function findPlaceholders(text: string): FoundPlaceholder[] {
  const out: FoundPlaceholder[] = []
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    const name = m[1] ?? ''
    out.push({ name, index: m.index, known: KNOWN.has(name) })
  }
  return out
}

/** Distinct unknown placeholder names, in order of first appearance. */
export function unknownPlaceholders(text: string): string[] {
  const seen: string[] = []
  for (const p of findPlaceholders(text)) if (!p.known && !seen.includes(p.name)) seen.push(p.name)
  return seen
}

/** The value of a placeholder, or null when it is missing or blank. */
function valueOf(values: TemplateValues, name: string): string | null {
  const v = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined
  return v === null || v === undefined || v.trim() === '' ? null : v
}

/** How a missing value shows in a rendered message. */
export const missingMarker = (name: string): string => `[${name}]`

/** Fills known placeholders; a missing or blank value renders as `[name]`; unknown ones stay as written. */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER_RE, (whole, name: string) => {
    if (!KNOWN.has(name)) return whole
    return valueOf(values, name) ?? missingMarker(name)
  })
}

/**
 * The known placeholders a template uses whose value is missing or blank for
 * these records (what would render as `[name]`), distinct, subject first.
 */
export function missingPlaceholders(t: MessageTemplate | string, values: TemplateValues): string[] {
  const text = typeof t === 'string' ? t : `${t.subject}\n${t.body}`
  const out: string[] = []
  for (const p of findPlaceholders(text)) if (p.known && valueOf(values, p.name) === null && !out.includes(p.name)) out.push(p.name)
  return out
}

/** Which of these placeholders still show as `[name]` in a (possibly edited) message. */
export function leftoverMarkers(m: MessageTemplate | string, names: readonly string[]): string[] {
  const text = typeof m === 'string' ? m : `${m.subject}\n${m.body}`
  return names.filter((n) => text.includes(missingMarker(n)))
}

export function renderMessage(t: MessageTemplate, values: TemplateValues): MessageTemplate {
  return { subject: renderTemplate(t.subject, values).replace(/\s*[\r\n]+\s*/g, ' '), body: renderTemplate(t.body, values) }
}
