import type { TemplateValues } from './render'

/** The fields of a person a template can use. */
export interface TemplatePerson {
  name: string
  company?: string | null
  profession?: string | null
  email?: string | null
  idealClient?: string | null
  howMet?: string | null
}

export interface TemplateInput {
  me?: (TemplatePerson & { peopleLikeMe?: string | null }) | null
  partner?: TemplatePerson | null
  prospect?: TemplatePerson | null
  introduction?: { date?: string | null; value?: number | null; currency?: string | null; common?: string | null } | null
}

export function firstName(name: string): string {
  const t = name.trim().split(/\s+/)[0]
  return t ?? ''
}

/** Formats major units with the currency code, e.g. 1250.5 EUR -> "EUR 1,250.50" (locale-free, deterministic). */
export function formatMoney(value: number, currency: string | null | undefined): string {
  const cents = Math.round(value * 100)
  const whole = Math.floor(cents / 100)
  const frac = cents % 100
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const amount = frac === 0 ? grouped : `${grouped}.${String(frac).padStart(2, '0')}`
  return currency ? `${currency} ${amount}` : amount
}

function person(prefix: string, p: TemplatePerson | null | undefined, out: TemplateValues): void {
  if (!p) return
  out[`${prefix}.name`] = p.name
  out[`${prefix}.firstName`] = firstName(p.name)
  out[`${prefix}.company`] = p.company ?? null
  out[`${prefix}.profession`] = p.profession ?? null
  out[`${prefix}.email`] = p.email ?? null
  out[`${prefix}.idealClient`] = p.idealClient ?? null
  out[`${prefix}.howMet`] = p.howMet ?? null
}

/** Flattens people and the introduction into placeholder values. */
export function templateValues(input: TemplateInput): TemplateValues {
  const out: TemplateValues = {}
  person('me', input.me, out)
  if (input.me) out['me.peopleLikeMe'] = input.me.peopleLikeMe ?? null
  person('partner', input.partner, out)
  person('prospect', input.prospect, out)
  const i = input.introduction
  if (i) {
    out['introduction.date'] = i.date ?? null
    out['introduction.value'] = i.value === null || i.value === undefined ? null : formatMoney(i.value, i.currency)
    out['introduction.common'] = i.common ?? null
  }
  return out
}
