import { afterEach, describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { createTestApp, type TestApp } from '../helpers/ctx'
import { createHandlers } from '../../src/backend/services'
import { dispatch } from '../../src/backend/dispatch'
import { followHistoryInMenu, followLanguageInMenu, menuLanguageOf } from '../../src/main/editMenu'
import { buildMenuTemplate, getMenuLanguage, setMenuLanguage } from '../../src/main/menu'

let t: TestApp | undefined
afterEach(() => {
  t?.close()
  t = undefined
  setMenuLanguage('en')
})

const sub = (template: MenuItemConstructorOptions[], id: string) => template.find((m) => m.id === id)!.submenu as MenuItemConstructorOptions[]

describe('menus in the user language', () => {
  for (const isMac of [true, false]) {
    it(`${isMac ? 'macOS' : 'Windows/Linux'}: the whole menu in German, with the same shortcuts and commands`, () => {
      const en = buildMenuTemplate(isMac, () => {})
      expect(setMenuLanguage('de')).toBe(true)
      expect(setMenuLanguage('de')).toBe(false)
      const sent: string[] = []
      const de = buildMenuTemplate(isMac, (c) => sent.push(c))
      expect(de.map((m) => m.label)).toEqual([...(isMac ? ['Referral Map'] : []), '&Datei', '&Bearbeiten', '&Ansicht', '&Fenster', '&Hilfe'])
      expect(sub(de, 'file').map((i) => i.label).filter(Boolean)).toEqual([
        'Neue Person…',
        'Empfehlung erfassen…',
        'Import / Export…',
        'Einem Chapter beitreten…',
        isMac ? 'Fenster schließen' : 'Beenden',
      ])
      const edit = sub(de, 'edit')
      expect(edit.map((i) => i.label).filter(Boolean)).toEqual([
        'Rückgängig',
        'Wiederholen',
        'Ausschneiden',
        'Kopieren',
        'Einfügen',
        ...(isMac ? ['Einfügen und Stil anpassen'] : []),
        'Löschen',
        'Alles auswählen',
      ])
      const view = sub(de, 'view')
      expect(view.slice(0, 7).map((i) => i.label)).toEqual(['Netzwerk', 'Personen', 'Empfehlungen', 'Danken && nachfassen', 'Berichte', 'Import / Export', 'Einstellungen'])
      expect(view.map((i) => i.label)).toEqual(expect.arrayContaining(['Zurück', 'Vorwärts', 'Suchen…', 'Neu laden', 'Vergrößern', 'Verkleinern']))
      expect(sub(de, 'help')[0]!.label).toBe('Über Referral Map')
      // Every item that has a label has one in German (a role item without a label would show Electron's English).
      const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
        items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])])
      for (const i of flat(de)) if (i.type !== 'separator' && i.role !== 'appMenu') expect(i.label, JSON.stringify(i.role)).toBeTruthy()
      // Same accelerators and commands as in English.
      const accels = (tpl: MenuItemConstructorOptions[]) => flat(tpl).map((i) => i.accelerator ?? null)
      expect(accels(de)).toEqual(accels(en))
      ;(view.find((i) => i.label === 'Einstellungen')!.click as () => void)()
      expect(sent).toEqual(['navigate:settings'])
    })
  }

  it('Edit > Undo names the action in German; the menu language follows the network setting and rebuilds on a change', async () => {
    t = createTestApp()
    let rebuilt = 0
    const raw = createHandlers(t.ctx)
    const system = ['en-US']
    const h = followHistoryInMenu(followLanguageInMenu(raw, () => system, () => rebuilt++), () => rebuilt++)
    await dispatch(h, 'app:startEmpty', { meName: 'Sam Rivera' })
    expect(getMenuLanguage()).toBe('en')
    const ben = await dispatch(h, 'people:create', { name: 'Ben Brooks' })
    const id = (ben as { data: { id: string } }).data.id
    await dispatch(h, 'people:archive', { id, archived: true })
    expect(sub(buildMenuTemplate(false, () => {}), 'edit')[0]!.label).toBe('Undo Archive Ben Brooks')

    const before = rebuilt
    const saved = await dispatch(h, 'settings:save', { group: 'general', values: { language: 'de' } })
    expect(saved.ok).toBe(true)
    expect(getMenuLanguage()).toBe('de')
    expect(rebuilt).toBeGreaterThan(before)
    let edit = sub(buildMenuTemplate(false, () => {}), 'edit')
    // The settings change is now the last action; undo it, then the archive is next.
    expect(edit[0]!.label).toBe('Rückgängig: Einstellungen ändern')
    await dispatch(h, 'people:update', { id, name: 'Ben Brooks', notes: 'x' })
    edit = sub(buildMenuTemplate(false, () => {}), 'edit')
    expect(edit[0]!.label).toBe('Rückgängig: Ben Brooks bearbeiten')

    // Back to the computer's language (null): German computer -> German, English computer -> English.
    system.splice(0, 1, 'de-AT')
    await dispatch(h, 'settings:save', { group: 'general', values: { language: null } })
    expect(getMenuLanguage()).toBe('de')
    system.splice(0, 1, 'en-GB')
    expect(await menuLanguageOf(raw, system)).toBe('en')
  })
})
