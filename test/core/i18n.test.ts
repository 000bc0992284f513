import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createI18n, de, en, pseudoize, resolveLanguage, PSEUDO } from '../../src/shared/i18n'
import { messageShape, translateMessage } from '../../src/shared/i18n/messages'
import deMessages from '../../src/shared/i18n/de/messages'
import { translateLabel } from '../../src/shared/historyLabels'
import { reportHtml } from '../../src/core/formats/report'

type Tree = { [k: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv)
  }
  return out
}

const EN = leaves(en as unknown as Tree)
const DE = leaves(de as unknown as Tree)

/** {{placeholders}}, <tags>/<0> and $t(nesting), sorted: what a translation must keep. */
const tokens = (s: string) => [...s.matchAll(/\{\{\s*([^}\s]+)\s*\}\}|<\/?[a-z0-9]+\s*\/?>|\$t\([^)]*\)/gi)].map((m) => m[1] ?? m[0]).sort()

/** Same words in German and English, allowed even when they read like a sentence. */
const SAME = new Set(['Referral Map'])

/**
 * Placeholders a German text may use differently, with the reason.
 * people.picker.changeLabel: German capitalises nouns, so it takes {{label}} where English takes {{lower}} (both are passed).
 */
const PLACEHOLDER_EXCEPTIONS = new Set(['people.picker.changeLabel'])

/** Looks like an English sentence: two or more words, at least one of them all lower case (single words, names and codes are often the same). */
const sentenceLike = (v: string): boolean => {
  const words = v.replace(/\{\{[^}]*\}\}|<[^>]*>|\$t\([^)]*\)/g, ' ').match(/[A-Za-z]+/g) ?? []
  return words.length >= 2 && words.some((w) => /^[a-z]{3,}$/.test(w))
}

describe('message catalogue', () => {
  it('German has every English key and no other', () => {
    const missing = [...EN.keys()].filter((k) => !DE.has(k))
    const extra = [...DE.keys()].filter((k) => !EN.has(k))
    expect(missing).toEqual([])
    expect(extra).toEqual([])
  })

  it('German keeps every placeholder and tag of the English text', () => {
    const wrong = [...EN].filter(([k, v]) => DE.has(k) && !PLACEHOLDER_EXCEPTIONS.has(k) && JSON.stringify(tokens(v)) !== JSON.stringify(tokens(DE.get(k)!))).map(([k, v]) => `${k}: ${v} | ${DE.get(k)}`)
    expect(wrong).toEqual([])
  })

  it('no German text is empty, and none is the English text left untranslated', () => {
    const empty = [...DE].filter(([, v]) => v.trim() === '').map(([k]) => k)
    expect(empty).toEqual([])
    const untranslated = [...EN].filter(([k, v]) => DE.get(k) === v && sentenceLike(v) && !SAME.has(v)).map(([k, v]) => `${k}: ${v}`)
    expect(untranslated).toEqual([])
  })

  it('the shell, reports and menu namespaces are German in a German i18next instance', () => {
    const i = createI18n('de')
    expect(i.t('shell:nav.reports')).toBe('Berichte')
    expect(i.t('common:status.not_a_fit')).toBe('Passt nicht')
    expect(i.t('reports:leaderboard.titleCount', { count: 1 })).toBe('Rangliste · 1 Partner')
    expect(i.t('reports:figures.days', { count: 1, days: '1' })).toBe('1 Tag')
    expect(i.t('reports:figures.days', { count: 3, days: '3' })).toBe('3 Tage')
    expect(i.t('menu:edit.undoAction', { action: 'X' })).toBe('Rückgängig: X')
    expect(createI18n('en').t('menu:edit.undoAction', { action: 'X' })).toBe('Undo X')
    expect(resolveLanguage(null, ['de-AT', 'en-US'])).toBe('de')
    expect(resolveLanguage('en', ['de-AT'])).toBe('en')
  })

  it('pseudoize accents the letters and keeps placeholders, tags and nesting', () => {
    const p = pseudoize('Hello {{name}}, <b>you</b> have <1>{{count}}</1> $t(common:save)')
    expect(p.startsWith('⟦') && p.endsWith('⟧')).toBe(true)
    expect(tokens(p)).toEqual(tokens('Hello {{name}}, <b>you</b> have <1>{{count}}</1> $t(common:save)'))
    expect(p).not.toMatch(/Hello|you|have/)
    expect(createI18n(PSEUDO).t('shell:you', { name: 'Ada' })).toContain('Ada')
  })
})

describe('backend messages and history labels', () => {
  it('translateMessage fills numbers and quoted text back in, and leaves unknown messages in English', () => {
    expect(messageShape('At most 500 characters.')).toBe('At most # characters.')
    expect(translateMessage('At most 500 characters.', 'de')).toBe('Höchstens 500 Zeichen.')
    expect(translateMessage('At most 500 characters.', 'en')).toBe('At most 500 characters.')
    expect(translateMessage('Cannot undo “Archive Ben”: other records now depend on it. Nothing was changed.', 'de')).toBe(
      '“Archive Ben” kann nicht rückgängig gemacht werden: andere Einträge hängen jetzt davon ab. Es wurde nichts geändert.',
    )
    expect(translateMessage('Not a date: use YYYY-MM-DD (for example 2026-03-31).', 'de')).toBe('Kein Datum: verwenden Sie JJJJ-MM-TT (zum Beispiel 2026-03-31).')
    expect(translateMessage('Something nobody wrote down.', 'de')).toBe('Something nobody wrote down.')
    expect(translateMessage('At most 500 characters.', PSEUDO)).toBe(pseudoize('At most 500 characters.'))
  })

  it('history labels (stored in English, names not quoted) show in German, parts of labels too', () => {
    expect(translateLabel('Archive Ben Brooks', 'de')).toBe('Ben Brooks archivieren')
    expect(translateLabel('Add Ben Brooks to BNI Mitte', 'de')).toBe('Ben Brooks zu BNI Mitte hinzufügen')
    expect(translateLabel('Add Ben Brooks', 'de')).toBe('Ben Brooks hinzufügen')
    expect(translateLabel('Mark introduction of Ada Park from Ben Brooks not a fit', 'de')).toBe('Empfehlung von Ada Park durch Ben Brooks als unpassend markieren')
    expect(translateLabel('Edit introduction', 'de')).toBe('Empfehlung bearbeiten')
    expect(translateLabel('Add follow-up “Call Ada”', 'de')).toBe('Nachfassen “Call Ada” hinzufügen')
    expect(translateLabel('Change settings', 'de')).toBe('Einstellungen ändern')
    expect(translateLabel('No person with id 0190a000-0000-7000-8000-000000000004.', 'de')).toBe('Keine Person mit der ID 0190a000-0000-7000-8000-000000000004.')
    expect(translateLabel('Archive Ben Brooks', 'en')).toBe('Archive Ben Brooks')
    expect(translateLabel('Something else entirely', 'de')).toBe('Something else entirely')
  })

  it('every German message key is made of words the English sources write (no typo-shaped keys)', () => {
    const root = resolve(__dirname, '../../src')
    const files: string[] = []
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f)
        if (statSync(p).isDirectory()) {
          if (!p.endsWith(join('shared', 'i18n'))) walk(p)
        } else if (/\.(ts|tsx)$/.test(f)) files.push(p)
      }
    }
    walk(root)
    const words = new Set(files.flatMap((f) => readFileSync(f, 'utf8').match(/[A-Za-z][a-z]*(?:'[a-z]+)?/g) ?? []).map((w) => w.toLowerCase()))
    const typos = Object.keys(deMessages)
      .map((key) => ({ key, unknown: (key.replace(/“…”|#/g, ' ').match(/[A-Za-z][a-z]*(?:'[a-z]+)?/g) ?? []).filter((w) => !words.has(w.toLowerCase())) }))
      .filter((x) => x.unknown.length > 0)
      .map((x) => `${x.key} (${x.unknown.join(', ')})`)
    expect(typos).toEqual([])
    // Every key is a shape: a number written in a key would never match (messages are looked up with numbers as #).
    expect(Object.keys(deMessages).filter((k) => messageShape(k) !== k)).toEqual([])
  })
})

describe('the printable report', () => {
  const data = {
    networkName: 'Mein Netzwerk',
    generatedOn: '2026-12-02',
    currency: 'EUR',
    periodLabel: 'Gesamter Zeitraum',
    figures: [],
    leaderboard: [{ rank: 1, name: 'Ada Park', company: null, received: 3, won: 2, decided: 3, conversion: 2 / 3, closedValue: [{ currency: 'EUR', minor: 125_050 }] }],
    rankingRule: '',
    toThank: [{ partner: 'Ada Park', prospect: 'Ben Brooks', date: '2026-11-30', value: { currency: 'EUR', minor: 125_050 } }],
  }
  it('is German with German formats when asked, English with ISO dates by default', () => {
    const html = reportHtml(data, { language: 'de', region: 'de-DE' })
    expect(html).toContain('<html lang="de">')
    expect(html).toContain('Empfehlungsbericht, 02.12.2026 · Gesamter Zeitraum')
    expect(html).toContain('<h2>Rangliste der Partner</h2>')
    expect(html).toContain('<h2>Wem Sie danken sollten</h2>')
    expect(html).toMatch(/1\.251\s€/)
    expect(html).toMatch(/1\.250,50\s€/)
    expect(html).toMatch(/67\s%/)
    expect(html).toContain('30.11.2026')
    const en = reportHtml(data)
    expect(en).toContain('Referral report, 2026-12-02')
    expect(en).toContain('EUR 1,251')
    expect(en).toContain('2026-11-30')
  })
})
