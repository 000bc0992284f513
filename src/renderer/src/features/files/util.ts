import type { TFunction } from 'i18next'
import type { Format } from '../../ui/i18n'

type T = TFunction<'files'>

/** Reads a picked file as base64 (what the files channels take). */
export function readFileBase64(file: File, message = 'Could not read the file.'): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onerror = () => reject(r.error ?? new Error(message))
    r.onload = () => {
      const url = String(r.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    r.readAsDataURL(file)
  })
}

/** A file size in the region's numbers: "512 B", "12 KB", "3,4 MB". */
export function formatBytes(n: number, t: T, fmt: Format): string {
  if (n < 1024) return t('bytes', { n: fmt.number(n) })
  if (n < 1024 * 1024) return t('kilobytes', { n: fmt.number(Math.round(n / 1024)) })
  return t('megabytes', { n: fmt.number(n / 1024 / 1024, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })
}

const FIELDS = [
  'name', 'firstName', 'lastName', 'company', 'profession', 'email', 'phone', 'website', 'city', 'tags', 'notes', 'howMet', 'idealClient', 'date',
  'referrer', 'receiver', 'prospect', 'prospectEmail', 'prospectCompany', 'kind', 'origin', 'status', 'statusDate', 'value', 'currency', 'warmth',
] as const
type Field = (typeof FIELDS)[number]
const isField = (f: string): f is Field => (FIELDS as readonly string[]).includes(f)

/** An import/merge field's name for people ("firstName" -> "First name"); an unknown one as it is. */
export function fieldLabel(t: T, field: string): string {
  return isField(field) ? t(`fields.${field}`) : field
}

const ENCODINGS = { 'utf-8': 'utf8', 'utf-8-bom': 'utf8bom', 'utf-16le': 'utf16le', 'utf-16be': 'utf16be', 'windows-1252': 'windows1252', macintosh: 'macintosh' } as const

export function encodingLabel(t: T, encoding: string): string {
  const k = ENCODINGS[encoding as keyof typeof ENCODINGS]
  return k ? t(`encodings.${k}`) : encoding
}

export const DELIMITERS = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' } as const

export function delimiterLabel(t: T, delimiter: string): string {
  const k = DELIMITERS[delimiter as keyof typeof DELIMITERS]
  return k ? t(`delimiters.${k}`) : delimiter
}
