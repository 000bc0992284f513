import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  PLACEHOLDERS,
  findPlaceholders,
  leftoverMarkers,
  missingPlaceholders,
  renderMessage,
  renderTemplate,
  unknownPlaceholders,
} from '../../../src/core/templates/render'
import { DEFAULT_TEMPLATES } from '../../../src/core/templates/defaults'
import { templateValues } from '../../../src/core/templates/values'
import { formatMoney } from '../../../src/core/money'

const noPlaceholder = fc.string().filter((s) => findPlaceholders(s).length === 0)

describe('renderTemplate', () => {
  it('fills known placeholders', () => {
    expect(renderTemplate('Hi {partner.firstName} of {partner.company}', { 'partner.firstName': 'Ana', 'partner.company': 'Acme' })).toBe(
      'Hi Ana of Acme',
    )
  })

  it('renders a missing value visibly, never as undefined', () => {
    const out = renderTemplate('At {partner.company}, {prospect.name}', { 'partner.company': null, 'prospect.name': '  ' })
    expect(out).toBe('At [partner.company], [prospect.name]')
  })

  it('leaves unknown placeholders and non-placeholder braces as written', () => {
    expect(renderTemplate('{partner.nmae} { x } {1} {}', {})).toBe('{partner.nmae} { x } {1} {}')
    expect(unknownPlaceholders('{partner.nmae} {me.name} {foo} {foo}')).toEqual(['partner.nmae', 'foo'])
  })

  it('property: text without placeholders renders unchanged', () => {
    fc.assert(
      fc.property(noPlaceholder, fc.dictionary(fc.constantFrom(...PLACEHOLDERS.map((p) => p.name)), fc.string()), (text, values) => {
        expect(renderTemplate(text, values)).toBe(text)
      }),
    )
  })

  it('property: known placeholders never render as "undefined" or "null"', () => {
    const name = fc.constantFrom(...PLACEHOLDERS.map((p) => p.name))
    fc.assert(
      fc.property(fc.array(fc.tuple(noPlaceholder, name)), fc.dictionary(name, fc.option(fc.constantFrom('', 'x', 'Zoë'))), (parts, values) => {
        const text = parts.map(([t, n]) => `${t}{${n}}`).join('')
        const out = renderTemplate(text, values)
        for (const [, n] of parts) {
          const v = values[n]
          if (v === null || v === undefined || v.trim() === '') expect(out).toContain(`[${n}]`)
        }
        expect(findPlaceholders(out).filter((p) => p.known)).toEqual([])
        if (!parts.some(([t]) => /undefined|null/.test(t))) expect(out).not.toMatch(/undefined|null/)
      }),
    )
  })

  it('default templates use only known placeholders', () => {
    for (const t of Object.values(DEFAULT_TEMPLATES)) {
      expect(unknownPlaceholders(t.subject + t.body)).toEqual([])
    }
  })

  it('renders the introduction template for real people, keeping the subject on one line', () => {
    const values = templateValues({
      me: { name: 'Sam Reed', peopleLikeMe: 'owners of small firms' },
      partner: { name: 'Ana Ruiz', company: 'Ruiz & Co', profession: 'accountant', howMet: 'our breakfast group', idealClient: 'firms with 10 staff.' },
      prospect: { name: 'Zoë Ünal', company: 'Ünal Ltd', profession: 'the founder' },
      introduction: { common: 'both run family firms', value: 1250.5, currency: 'EUR' },
    })
    const m = renderMessage(DEFAULT_TEMPLATES.introduction, values)
    expect(m.subject).toBe('Introduction: Zoë Ünal, meet Ana Ruiz')
    expect(m.body).toContain('Hi Zoë and Ana,')
    expect(m.body).toContain('I know Ana through our breakfast group')
    expect(m.body).toContain('both run family firms')
    expect(m.body).toContain('Sam Reed')
    expect(values['introduction.value']).toBe('EUR 1,250.50')
    expect(renderMessage({ subject: 'a\n{me.name}', body: '' }, values).subject).toBe('a Sam Reed')
  })

  it('formats money deterministically', () => {
    expect(formatMoney(123456700, 'USD', { locale: 'en-US' })).toBe('USD 1,234,567')
    expect(formatMoney(50, null, { locale: 'en-US' })).toBe('0.50')
  })
})

describe('missingPlaceholders', () => {
  const ctx = {
    me: { name: 'Sam Reed', company: null, profession: 'Accountant', peopleLikeMe: null, idealClient: '  ' },
    partner: { name: 'Ana Ruiz', company: 'Ruiz & Co', howMet: null, idealClient: 'Family firms', profession: 'Lawyer' },
    prospect: { name: 'Ben Oduya', company: null, profession: 'Baker' },
    introduction: { common: null },
  }
  const values = templateValues(ctx)

  it('lists the known placeholders with no value, once each, subject first, in order', () => {
    expect(missingPlaceholders({ subject: 'For {prospect.company}', body: '{me.company} {me.name} {me.company} {foo.bar} {prospect.company}' }, values)).toEqual([
      'prospect.company',
      'me.company',
    ])
    expect(missingPlaceholders('{me.idealClient}', values)).toEqual(['me.idealClient']) // blank counts as missing
  })

  it('is exactly what renders as [name] in the default templates', () => {
    expect(missingPlaceholders(DEFAULT_TEMPLATES.ask, values)).toEqual(['me.peopleLikeMe', 'me.idealClient'])
    expect(missingPlaceholders(DEFAULT_TEMPLATES.introduction, values)).toEqual(['partner.howMet', 'prospect.company', 'introduction.common'])
    expect(missingPlaceholders(DEFAULT_TEMPLATES.thank, values)).toEqual(['prospect.company'])
    for (const k of ['thank', 'ask', 'introduction'] as const) {
      const out = renderMessage(DEFAULT_TEMPLATES[k], values)
      const missing = missingPlaceholders(DEFAULT_TEMPLATES[k], values)
      expect(leftoverMarkers(out, missing)).toEqual(missing)
      for (const p of PLACEHOLDERS) if (!missing.includes(p.name)) expect(out.body + out.subject).not.toContain(`[${p.name}]`)
    }
  })

  it('is empty when every value is there, and the rendered draft has no brackets', () => {
    const full = templateValues({
      me: { name: 'Sam Reed', company: 'Reed & Co', profession: 'Accountant', peopleLikeMe: 'founders', idealClient: 'firms of 10-50' },
      partner: { name: 'Ana Ruiz', company: 'Ruiz & Co', howMet: 'the Thursday chapter', idealClient: 'Family firms', profession: 'Lawyer' },
      prospect: { name: 'Ben Oduya', company: 'Oduya Bakes', profession: 'Baker' },
      introduction: { common: 'both love bread' },
    })
    for (const k of ['thank', 'ask', 'introduction'] as const) {
      expect(missingPlaceholders(DEFAULT_TEMPLATES[k], full)).toEqual([])
      const out = renderMessage(DEFAULT_TEMPLATES[k], full)
      expect(out.body).not.toMatch(/\[[a-z]+\.[A-Za-z]+\]/)
    }
  })

  it('leftoverMarkers: a marker the user deleted or filled by hand no longer counts', () => {
    expect(leftoverMarkers('Hi [me.company] and [prospect.company]', ['me.company', 'prospect.company', 'me.idealClient'])).toEqual([
      'me.company',
      'prospect.company',
    ])
    expect(leftoverMarkers({ subject: 'x', body: 'done' }, ['me.company'])).toEqual([])
  })
})
