/**
 * The one message catalogue: every string a user reads in the app comes from here
 * (renderer screens through react-i18next, the desktop menus through `menuText`).
 *
 * - English (`en/`) is the source: one module per namespace. German (`de/`) has
 *   the same keys, which the type `Catalog<typeof en>` checks at compile time, so a
 *   key missing in German is a type error, not a silent English fallback.
 * - `en-XA` is a pseudo-locale made from English at run time (accented letters in
 *   ⟦brackets⟧). Tests run the app in it: any plain ASCII word left on screen that
 *   is not the user's own data was not taken from the catalogue.
 * - Plurals use i18next's `_one`/`_other` suffixes (Intl.PluralRules underneath).
 * - Messages the backend and the shared zod schemas write (field errors, error
 *   messages) are English sentences; `translateMessage` maps the known ones (see
 *   ./messages) and leaves the rest as they are.
 */
import { createInstance, type i18n as I18n, type Resource } from 'i18next'
import en from './en'
import de from './de'

export type Catalogue = typeof en
export const NAMESPACES = Object.keys(en) as (keyof Catalogue)[]
export type Namespace = keyof Catalogue

/** Languages a user can choose, with their own names (not translated: a German speaker looks for "Deutsch"). */
export const LANGUAGE_NAMES = { en: 'English', de: 'Deutsch' } as const
export type Language = keyof typeof LANGUAGE_NAMES
/** The pseudo-locale: English with every letter accented and each message in ⟦brackets⟧. */
export const PSEUDO = 'en-XA'
export type UiLanguage = Language | typeof PSEUDO

/** Regions offered in Settings (any valid BCP 47 tag is accepted; these are the common ones). */
export const REGIONS = ['en-US', 'en-GB', 'en-IE', 'en-AU', 'en-CA', 'de-DE', 'de-AT', 'de-CH', 'fr-FR', 'nl-NL', 'es-ES', 'it-IT', 'pl-PL', 'sv-SE'] as const

/** The language to show: the chosen one, else the first of the computer's languages that the catalogue has, else English. */
export function resolveLanguage(chosen: string | null | undefined, systemLocales: readonly string[]): UiLanguage {
  if (chosen === PSEUDO) return PSEUDO
  if (chosen && chosen in LANGUAGE_NAMES) return chosen as Language
  for (const l of systemLocales) {
    const base = l.toLowerCase().split(/[-_]/)[0]
    if (base && base in LANGUAGE_NAMES) return base as Language
  }
  return 'en'
}

/** The region for formats: the chosen one, else the computer's first locale, else en-US. */
export function resolveRegion(chosen: string | null | undefined, systemLocales: readonly string[]): string {
  for (const tag of [chosen, ...systemLocales]) {
    if (!tag) continue
    try {
      const [canon] = Intl.getCanonicalLocales(tag)
      if (canon) return canon
    } catch {
      // Not a locale: try the next.
    }
  }
  return 'en-US'
}

const ACCENTS: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ĺ', m: 'ɱ',
  n: 'ñ', o: 'ó', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ĺ', M: 'Ṁ',
  N: 'Ñ', O: 'Ó', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
}

/** English text in the pseudo-locale: letters accented, {{placeholders}}, <tags> and $t(nesting) kept, the whole in ⟦brackets⟧. */
export function pseudoize(text: string): string {
  const out = text.replace(/(\{\{[^}]*\}\}|<\/?\d+>|<\/?[a-z]+\s*\/?>|\$t\([^)]*\))|([A-Za-z])/g, (_m, keep: string | undefined, ch: string | undefined) =>
    keep ?? ACCENTS[ch!] ?? ch!,
  )
  return `⟦${out}⟧`
}

function mapLeaves<T>(obj: T, f: (s: string) => string): T {
  if (typeof obj === 'string') return f(obj) as T
  return Object.fromEntries(Object.entries(obj as Record<string, unknown>).map(([k, v]) => [k, mapLeaves(v, f)])) as T
}

let pseudoCatalogue: Catalogue | null = null
export function catalogueFor(lang: UiLanguage): Catalogue {
  if (lang === 'de') return de as unknown as Catalogue
  if (lang === PSEUDO) return (pseudoCatalogue ??= mapLeaves(en, pseudoize))
  return en
}

export function resources(): Resource {
  return { en, de, [PSEUDO]: catalogueFor(PSEUDO) } as unknown as Resource
}

/** A ready i18next instance (synchronous: the catalogue is bundled). */
export function createI18n(lang: UiLanguage, plugins: Parameters<I18n['use']>[0][] = []): I18n {
  const i = createInstance()
  for (const p of plugins) i.use(p)
  void i.init({
    lng: lang,
    // Pseudo has no fallback, so a key missing from the catalogue shows as the raw key (and a test finds it).
    fallbackLng: lang === PSEUDO ? false : 'en',
    supportedLngs: ['en', 'de', PSEUDO],
    ns: NAMESPACES,
    defaultNS: 'common',
    resources: resources(),
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return i
}

let textInstance: I18n | null = null
/**
 * `t` in one language for text built outside React (the printable report, the desktop menus): one
 * i18next instance, made on first use, serves every language (the catalogue is bundled).
 */
export function textIn(lang: UiLanguage): I18n['t'] {
  textInstance ??= createI18n('en')
  return textInstance.getFixedT(lang)
}

export { en, de }
