import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { buildMenuTemplate } from '../../src/main/menu'

const ROUTES = ['graph', 'people', 'introductions', 'followup', 'reports', 'files', 'settings']

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])])
}

describe('application menu', () => {
  for (const isMac of [true, false]) {
    it(`${isMac ? 'macOS' : 'Windows/Linux'}: usual menus, unique shortcuts, commands the shell understands`, () => {
      const sent: string[] = []
      const template = buildMenuTemplate(isMac, (c) => sent.push(c))
      const top = template.map((m) => m.label ?? m.role)
      expect(top).toEqual([...(isMac ? ['Referral Map'] : []), '&File', '&Edit', '&View', '&Window', '&Help'])
      // Edit: Undo/Redo of the network's actions (sent to the shell), then the usual clipboard roles.
      const edit = template.find((m) => m.label === '&Edit')!.submenu as MenuItemConstructorOptions[]
      expect(edit.slice(0, 2).map((i) => i.label)).toEqual(['Undo', 'Redo'])
      expect(edit.map((i) => i.role).filter(Boolean)).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']))
      const items = flatten(template)
      const accels = items.map((i) => i.accelerator).filter((a): a is string => typeof a === 'string')
      expect(new Set(accels).size).toBe(accels.length)
      expect(accels).toEqual(expect.arrayContaining(['CmdOrCtrl+N', 'CmdOrCtrl+Shift+N', 'CmdOrCtrl+F', 'CmdOrCtrl+1', 'CmdOrCtrl+6']))
      for (const i of items) if (typeof i.click === 'function') (i.click as () => void)()
      for (const c of sent.filter((s) => s.startsWith('navigate:'))) expect(ROUTES).toContain(c.slice('navigate:'.length))
      expect(sent).toEqual(expect.arrayContaining(['new-person', 'new-introduction', 'find', 'navigate:people', 'undo', 'redo']))
      // View: Settings is Ctrl/Cmd+7; Back and Forward go to the shell's history (issue 15).
      const view = template.find((m) => m.label === '&View')!.submenu as MenuItemConstructorOptions[]
      const byLabel = (l: string) => view.find((i) => i.label === l)!
      expect(byLabel('Settings').accelerator).toBe('CmdOrCtrl+7')
      expect(byLabel('Back').accelerator).toBe(isMac ? 'Cmd+[' : 'Alt+Left')
      expect(byLabel('Forward').accelerator).toBe(isMac ? 'Cmd+]' : 'Alt+Right')
      sent.length = 0
      for (const l of ['Back', 'Forward', 'Settings']) (byLabel(l).click as () => void)()
      expect(sent).toEqual(['back', 'forward', 'navigate:settings'])
      // Help > About on every platform: the shell shows its About dialog.
      const help = template.find((m) => m.label === '&Help')!.submenu as MenuItemConstructorOptions[]
      ;(help.find((i) => i.label === 'About Referral Map')!.click as () => void)()
      expect(sent).toContain('about')
      const fileMenu = template.find((m) => m.label === '&File')!.submenu as MenuItemConstructorOptions[]
      expect(fileMenu.some((i) => i.role === (isMac ? 'close' : 'quit'))).toBe(true)
    })
  }
})
