import { describe, expect, it } from 'vitest'
import { decimalInputText, formatDay, formatMonth, formatNumber, formatPercent, monthNames, parseDecimal, separators } from '../../src/core/locale'
import { formatMoney, formatMoneyList } from '../../src/core/money'
import { resolveLanguage, resolveRegion } from '../../src/shared/i18n'
import { isValidRegion } from '../../src/shared/settings'

describe('money in the user region (screens) and in codes (files)', () => {
  it('writes the issue’s three examples with the currency symbol in the region’s order', () => {
    expect(formatMoney(125_050, 'EUR', { locale: 'en-US', display: 'symbol' })).toBe('€1,250.50')
    expect(formatMoney(125_050, 'EUR', { locale: 'de-DE', display: 'symbol' })).toBe('1.250,50 €')
    expect(formatMoney(240_000, 'GBP', { locale: 'en-GB', display: 'symbol' })).toBe('£2,400')
  })
  it('keeps the currency code by default (files, drafts, the printable report)', () => {
    expect(formatMoney(125_050, 'EUR', { locale: 'en-US' })).toBe('EUR 1,250.50')
  })
  it('lists several currencies in the region', () => {
    expect(
      formatMoneyList(
        [
          { currency: 'EUR', minor: 100_000 },
          { currency: 'GBP', minor: 240_000 },
        ],
        { locale: 'de-DE', display: 'symbol' },
      ),
    ).toBe('1.000 € · 2.400 £')
  })
})

describe('dates and months from Intl', () => {
  it('writes a calendar day in the region’s format and never shifts it by the time zone', () => {
    expect(formatDay('2026-12-02', 'en-US')).toBe('Dec 2, 2026')
    expect(formatDay('2026-12-02', 'en-GB')).toBe('2 Dec 2026')
    expect(formatDay('2026-12-02', 'de-DE')).toBe('02.12.2026')
    expect(formatDay('2026-01-01', 'de-DE', 'long')).toBe('1. Januar 2026')
  })
  it('shows what is not a day as it is, and nothing as a dash', () => {
    expect(formatDay('soon', 'en-US')).toBe('soon')
    expect(formatDay(null, 'en-US')).toBe('—')
  })
  it('names months in the region’s language', () => {
    expect(formatMonth('2026-03', 'de-DE', true)).toBe('März 2026')
    expect(formatMonth('2026-03-17', 'en-US')).toBe('Mar 2026')
    expect(monthNames('de-DE')[2]).toBe('März')
    expect(monthNames('en-GB')).toHaveLength(12)
  })
  it('numbers and percentages use the region’s separators', () => {
    expect(formatNumber(1234.5, 'de-DE')).toBe('1.234,5')
    expect(formatPercent(0.425, 'de-DE', 1)).toBe('42,5\u00a0%')
    expect(formatPercent(0.425, 'en-US')).toBe('43%')
    expect(separators('de-CH')).toEqual({ decimal: '.', group: "'" })
  })
})

describe('number inputs read the region’s decimal separator', () => {
  it.each([
    ['1.250,50', 'de-DE', 1250.5],
    ['1250,5', 'de-DE', 1250.5],
    ['1.250', 'de-DE', 1250],
    ['12.5', 'de-DE', 12.5],
    ['1 250,50', 'fr-FR', 1250.5],
    ['1,250.50', 'en-US', 1250.5],
    ['1250.5', 'en-US', 1250.5],
    ['12,5', 'en-US', 12.5],
    ['-3,25', 'de-DE', -3.25],
    ['  ', 'de-DE', null],
  ] as const)('“%s” in %s is %s', (text, region, value) => {
    expect(parseDecimal(text, region)).toBe(value)
  })
  it.each([['abc'], ['1,2,3,4.5.6'], ['1.2.3'], ['12€'], ['1..2']])('“%s” is not a number', (text) => {
    expect(parseDecimal(text, 'en-US')).toBeNaN()
  })
  it('writes a number back as the region types it, so it reads the same', () => {
    expect(decimalInputText(1250.5, 'de-DE')).toBe('1250,5')
    expect(parseDecimal(decimalInputText(1250.5, 'de-DE'), 'de-DE')).toBe(1250.5)
    expect(decimalInputText(null, 'de-DE')).toBe('')
  })
})

describe('language and region settings', () => {
  it('uses the chosen language, else the first system language the catalogue has, else English', () => {
    expect(resolveLanguage('de', ['en-US'])).toBe('de')
    expect(resolveLanguage(null, ['fr-FR', 'de-AT'])).toBe('de')
    expect(resolveLanguage(null, ['fr-FR'])).toBe('en')
    expect(resolveLanguage('en-XA', ['de-DE'])).toBe('en-XA')
    expect(resolveLanguage('klingon', ['de-DE'])).toBe('de')
  })
  it('uses the chosen region, else the system’s', () => {
    expect(resolveRegion('de-CH', ['en-US'])).toBe('de-CH')
    expect(resolveRegion(null, ['en-GB'])).toBe('en-GB')
    expect(resolveRegion('not a tag!', [])).toBe('en-US')
  })
  it('accepts BCP 47 regions and refuses other text', () => {
    expect(isValidRegion('de-DE')).toBe(true)
    expect(isValidRegion('en-GB')).toBe(true)
    expect(isValidRegion('de_DE!')).toBe(false)
    expect(isValidRegion('')).toBe(false)
  })
})
