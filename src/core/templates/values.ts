import type { TemplateValues } from './render'
import { formatMoney, toMinor } from '../money'

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
    // Drafts are English text: the amount reads the same on every machine (en-US digits, the currency's decimals).
    out['introduction.value'] = i.value === null || i.value === undefined ? null : formatMoney(toMinor(i.value), i.currency, { locale: 'en-US' })
    out['introduction.common'] = i.common ?? null
  }
  return out
}
