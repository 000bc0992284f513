import { createContext, useContext, useLayoutEffect, useMemo, type ReactNode } from 'react'
import { I18nextProvider, initReactI18next, useTranslation } from 'react-i18next'
import { createI18n, resolveLanguage, resolveRegion, type Catalogue, type UiLanguage } from '../../../shared/i18n'
import { translateMessage } from '../../../shared/i18n/messages'
import { formatMoney, formatMoneyList, type FormatMoneyOptions, type Money } from '../../../core/money'
import { decimalInputText, formatDay, formatMoment, formatMonth, formatNumber, formatPercent, monthNames, parseDecimal, separators, type DateStyle } from '../../../core/locale'
import { useApi } from './api'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    resources: Catalogue
  }
}

/**
 * The renderer's side of the one message catalogue (src/shared/i18n) and of region
 * formats. `useTranslation(ns)` (react-i18next) gives `t` for screens' text;
 * `useFormat()` gives money, dates, months and numbers in the user's region;
 * `useMessage()` shows a backend/zod message in the user's language.
 */

const STORAGE_KEY = 'referral-map.locale'

function systemLocales(): string[] {
  if (typeof navigator === 'undefined') return []
  return [...(navigator.languages ?? []), navigator.language].filter((l): l is string => typeof l === 'string' && l.length > 0)
}

interface LocaleState {
  language: UiLanguage
  region: string
}

function remembered(): LocaleState | null {
  try {
    const v = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<LocaleState> | null
    if (v && typeof v.language === 'string' && typeof v.region === 'string') return { language: resolveLanguage(v.language, []), region: resolveRegion(v.region, []) }
  } catch {
    // No storage: the computer's language until the settings are read.
  }
  return null
}

const start: LocaleState = (typeof window !== 'undefined' && remembered()) || {
  language: resolveLanguage(null, systemLocales()),
  region: resolveRegion(null, systemLocales()),
}

/** The app's i18next instance; also the global one for react-i18next (tests render screens without the provider). */
export const i18n = createI18n(start.language, [initReactI18next])

const LocaleContext = createContext<LocaleState>(start)

/**
 * Reads the language and region settings (null: the computer's) and applies them
 * before the screen paints; remembers them so the next start paints in the same
 * language before the settings are read.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const settings = useApi('settings:get', {})
  const general = settings.data?.general
  const language = general ? resolveLanguage(general.language, systemLocales()) : start.language
  const region = general ? resolveRegion(general.region, systemLocales()) : start.region
  useLayoutEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language)
    document.documentElement.lang = language === 'en-XA' ? 'en' : language
    if (!general) return
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ language, region }))
    } catch {
      // Storage disabled: the next start shows the computer's language until the settings are read.
    }
  }, [language, region, general])
  const value = useMemo(() => ({ language, region }), [language, region])
  return (
    <I18nextProvider i18n={i18n}>
      <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>
    </I18nextProvider>
  )
}

/**
 * A fixed language and region for what it wraps (renderer tests: `<LocaleScope language="de" region="de-DE">`).
 * The app itself uses LocaleProvider, which reads them from the settings.
 */
export function LocaleScope({ language, region, children }: LocaleState & { children: ReactNode }) {
  if (i18n.language !== language) void i18n.changeLanguage(language)
  const value = useMemo(() => ({ language, region }), [language, region])
  return (
    <I18nextProvider i18n={i18n}>
      <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>
    </I18nextProvider>
  )
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext)
}

/** Formats for screens, in one region (files never use these: they stay ISO 8601 and plain decimals). */
export function makeFormat(region: string) {
  const money = (minor: number | null | undefined, currency: string | null | undefined, opts: Omit<FormatMoneyOptions, 'locale' | 'display'> = {}) =>
    formatMoney(minor, currency, { ...opts, locale: region, display: 'symbol' })
  return {
    region,
    /** "€1,250.50", "1.250,50 €", "£2,400". */
    money,
    moneyList: (list: readonly Money[], opts: Omit<FormatMoneyOptions, 'locale' | 'display'> & { empty?: string; separator?: string } = {}) =>
      formatMoneyList(list, { ...opts, locale: region, display: 'symbol' }),
    /** A calendar day (YYYY-MM-DD): "Dec 2, 2026", "02.12.2026". */
    day: (iso: string | null | undefined, style?: DateStyle) => formatDay(iso, region, style),
    /** A timestamp as date and time. */
    moment: (iso: string | null | undefined, timeZone?: string) => formatMoment(iso, region, timeZone),
    /** A month (YYYY-MM): "Nov 2026", "Nov. 2026". */
    month: (iso: string | null | undefined, long?: boolean) => formatMonth(iso, region, long),
    monthNames: (long?: boolean) => monthNames(region, long),
    number: (n: number | null | undefined, opts?: Intl.NumberFormatOptions) => formatNumber(n, region, opts),
    percent: (share: number | null | undefined, digits?: number) => formatPercent(share, region, digits),
    /** Reads what the user typed in a number field ("1.250,50" in de-DE); null when blank, NaN when not a number. */
    parseDecimal: (text: string | null | undefined) => parseDecimal(text, region),
    /** A number as the region writes it in an input field (no group separators). */
    decimalText: (n: number | null | undefined) => decimalInputText(n, region),
    decimalSeparator: separators(region).decimal,
  }
}
export type Format = ReturnType<typeof makeFormat>

export function useFormat(): Format {
  const { region } = useLocale()
  return useMemo(() => makeFormat(region), [region])
}

/** A message written in English by the backend or a shared zod schema, in the user's language when the catalogue knows it. */
export function useMessage(): (msg: string | undefined | null) => string | undefined {
  const { language } = useLocale()
  // Re-render with the language: i18n.language follows the provider.
  useTranslation()
  return (msg) => (msg ? translateMessage(msg, language) : undefined)
}

export { useTranslation } from 'react-i18next'
export { Trans } from 'react-i18next'
