/**
 * `mailto:` URLs per RFC 6068: recipients are bare addresses separated by commas,
 * every header value is percent-encoded as UTF-8 (encodeURIComponent), and line
 * breaks in the body are sent as CRLF (%0D%0A).
 */
import { isEmail } from '../shared/schemas'

export interface MailtoParts {
  to: string[]
  cc?: string[]
  subject?: string
  body?: string
}

/** A recipient a mailto: can carry: the app's one email rule (shared/schemas.ts), which excludes commas, quotes and brackets. */
export function isPlainAddress(a: string): boolean {
  return isEmail(a)
}

/** Percent-encodes an address but keeps '@' readable, as RFC 6068 allows. */
function encodeAddress(a: string): string {
  return encodeURIComponent(a).replace(/%40/g, '@')
}

export function normalizeLineBreaks(s: string): string {
  return s.replace(/\r\n|\r|\n/g, '\r\n')
}

export function buildMailto(parts: MailtoParts): string {
  const to = parts.to.map((a) => a.trim()).filter((a) => a !== '')
  for (const a of [...to, ...(parts.cc ?? [])])
    if (!isPlainAddress(a.trim())) throw new Error(`Not an email address: ${a}`)
  const query: string[] = []
  const cc = (parts.cc ?? []).map((a) => a.trim()).filter((a) => a !== '')
  if (cc.length) query.push(`cc=${cc.map(encodeAddress).join(',')}`)
  if (parts.subject) query.push(`subject=${encodeURIComponent(parts.subject.replace(/[\r\n]+/g, ' '))}`)
  if (parts.body) query.push(`body=${encodeURIComponent(normalizeLineBreaks(parts.body))}`)
  return `mailto:${to.map(encodeAddress).join(',')}${query.length ? `?${query.join('&')}` : ''}`
}

/** Parses a mailto: URL back into its parts; null when it is not a well-formed mailto:. */
export function parseMailto(url: string): MailtoParts | null {
  if (!url.startsWith('mailto:')) return null
  const rest = url.slice('mailto:'.length)
  const q = rest.indexOf('?')
  const toPart = q === -1 ? rest : rest.slice(0, q)
  const query = q === -1 ? '' : rest.slice(q + 1)
  try {
    const to = toPart === '' ? [] : toPart.split(',').map((a) => decodeURIComponent(a))
    const out: MailtoParts = { to }
    if (query !== '') {
      for (const pair of query.split('&')) {
        const eq = pair.indexOf('=')
        if (eq === -1) return null
        const key = pair.slice(0, eq).toLowerCase()
        const value = decodeURIComponent(pair.slice(eq + 1))
        if (key === 'subject') out.subject = value
        else if (key === 'body') out.body = value
        else if (key === 'cc') out.cc = value.split(',')
        else return null
      }
    }
    if ([...out.to, ...(out.cc ?? [])].some((a) => !isPlainAddress(a))) return null
    return out
  } catch {
    return null
  }
}

/** True when `url` is exactly what buildMailto produces for its own parts (the only mailto: the app opens). */
export function isBuiltMailto(url: string): boolean {
  const p = parseMailto(url)
  if (!p) return false
  try {
    return buildMailto(p) === url
  } catch {
    return false
  }
}
