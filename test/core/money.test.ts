import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import {
  amountIn,
  currencyDigits,
  formatMoney,
  formatMoneyList,
  fromMinor,
  orderCurrencies,
  subtractMoney,
  sumByCurrency,
  toMinor,
} from '../../src/core/money'

const en = { locale: 'en-US' }
/** The formatter already puts a plain space between code and number; this also checks that. */
const plain = (s: string) => s

describe('formatMoney (one formatter, Intl, the currency and its decimals)', () => {
  test('whole amounts without decimals, others with the currency\'s own', () => {
    expect(plain(formatMoney(240000, 'EUR', en))).toBe('EUR 2,400')
    expect(plain(formatMoney(240050, 'EUR', en))).toBe('EUR 2,400.50')
    expect(plain(formatMoney(240000, 'GBP', en))).toBe('GBP 2,400')
  })
  test('JPY has no decimals', () => {
    expect(currencyDigits('JPY')).toBe(0)
    expect(plain(formatMoney(123450, 'JPY', en))).toBe('JPY 1,235')
    expect(plain(formatMoney(123449, 'JPY', en))).toBe('JPY 1,234')
    expect(plain(formatMoney(50, 'JPY', en))).toBe('JPY 1')
  })
  test('BHD has three decimals', () => {
    expect(currencyDigits('BHD')).toBe(3)
    expect(plain(formatMoney(125, 'BHD', en))).toBe('BHD 1.250')
    expect(plain(formatMoney(100, 'BHD', en))).toBe('BHD 1')
  })
  test('negative amounts', () => {
    expect(plain(formatMoney(-1230, 'GBP', en))).toBe('-GBP 12.30')
    expect(plain(formatMoney(-500000, 'EUR', en))).toBe('-EUR 5,000')
  })
  test('null, undefined and non-finite are a dash; a missing or malformed currency gives the number alone', () => {
    expect(formatMoney(null, 'EUR')).toBe('—')
    expect(formatMoney(undefined, 'EUR')).toBe('—')
    expect(formatMoney(Number.NaN, 'EUR')).toBe('—')
    expect(formatMoney(125050, null, en)).toBe('1,250.50')
    expect(formatMoney(125000, 'euro', en)).toBe('1,250')
  })
  test('whole: rounded to major units for summaries', () => {
    expect(plain(formatMoney(240050, 'EUR', { ...en, whole: true }))).toBe('EUR 2,401')
  })
  test('another locale formats in its own way, still with the code', () => {
    expect(plain(formatMoney(240050, 'EUR', { locale: 'de-DE' }))).toBe('2.400,50 EUR')
  })
  test('property: the label always carries the code and reads back to the amount at the currency\'s precision', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom('EUR', 'GBP', 'USD', 'JPY', 'BHD', 'CHF'), (minor, cur) => {
        const s = plain(formatMoney(minor, cur, en))
        expect(s).toContain(cur)
        const n = Number(s.replace(cur, '').replace(/[,\s]/g, ''))
        const digits = currencyDigits(cur)
        // hundredths, shown at the currency's precision (JPY rounds half away from zero to whole yen)
        expect(Math.abs(n - minor / 100)).toBeLessThanOrEqual(digits === 0 ? 0.5 : 1e-6)
        if (minor < 0 && Math.abs(n) > 0) expect(s.startsWith('-')).toBe(true)
      }),
    )
  })
})

describe('money lists: never added across currencies', () => {
  test('sums per currency, main currency first, zero sums left out', () => {
    const list = sumByCurrency(
      [
        { currency: 'GBP', minor: 240000 },
        { currency: 'EUR', minor: 100000 },
        { currency: 'USD', minor: 5 },
        { currency: 'EUR', minor: 50000 },
        { currency: 'CHF', minor: 0 },
      ],
      'EUR',
    )
    expect(list).toEqual([
      { currency: 'EUR', minor: 150000 },
      { currency: 'GBP', minor: 240000 },
      { currency: 'USD', minor: 5 },
    ])
    expect(amountIn(list, 'GBP')).toBe(240000)
    expect(amountIn(list, 'JPY')).toBe(0)
    expect(plain(formatMoneyList(list, en))).toBe('EUR 1,500 · GBP 2,400 · USD 0.05')
    expect(formatMoneyList([])).toBe('—')
  })
  test('subtraction per currency', () => {
    expect(subtractMoney([{ currency: 'EUR', minor: 100 }, { currency: 'GBP', minor: 50 }], [{ currency: 'GBP', minor: 80 }], 'EUR')).toEqual([
      { currency: 'EUR', minor: 100 },
      { currency: 'GBP', minor: -30 },
    ])
  })
  test('order: main first, then alphabetical', () => {
    expect(orderCurrencies(['USD', 'GBP', 'EUR', 'GBP'], 'EUR')).toEqual(['EUR', 'GBP', 'USD'])
    expect(orderCurrencies(['USD', 'GBP'], 'EUR')).toEqual(['GBP', 'USD'])
  })
  test('major/minor conversion', () => {
    expect(toMinor(12.5)).toBe(1250)
    expect(toMinor(null)).toBeNull()
    expect(fromMinor(1250)).toBe(12.5)
    expect(fromMinor(null)).toBeNull()
  })
})
