import { afterEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/ctx'
import { createHandlers } from '../../src/backend/services'
import { dispatch } from '../../src/backend/dispatch'
import { followHistoryInMenu } from '../../src/main/editMenu'
import { buildMenuTemplate } from '../../src/main/menu'
import type { MenuItemConstructorOptions } from 'electron'

let t: TestApp | undefined
afterEach(() => t?.close())

function editItems(sent: string[]): MenuItemConstructorOptions[] {
  const edit = buildMenuTemplate(false, (c) => sent.push(c)).find((m) => m.label === '&Edit')
  return edit!.submenu as MenuItemConstructorOptions[]
}

describe('Edit menu follows the history', () => {
  it('names the action Undo and Redo would revert, rebuilds only when that changes, and sends the command', async () => {
    t = createTestApp()
    let rebuilt = 0
    const h = followHistoryInMenu(createHandlers(t.ctx), () => rebuilt++)
    await dispatch(h, 'app:startEmpty', { meName: 'Sam Rivera' })
    const ben = await dispatch(h, 'people:create', { name: 'Ben Brooks' })
    expect(ben.ok).toBe(true)
    const id = (ben as { data: { id: string } }).data.id
    await dispatch(h, 'people:archive', { id, archived: true })
    const sent: string[] = []
    let items = editItems(sent)
    expect(items[0]!.label).toBe('Undo Archive Ben Brooks')
    expect(items[1]!.label).toBe('Redo')
    const before = rebuilt
    await dispatch(h, 'people:list', {})
    expect(rebuilt).toBe(before)

    await dispatch(h, 'history:undo', {})
    items = editItems(sent)
    expect(items[0]!.label).toBe('Undo Add Ben Brooks')
    expect(items[1]!.label).toBe('Redo Archive Ben Brooks')
    expect(rebuilt).toBe(before + 1)
    ;(items[0]!.click as () => void)()
    ;(items[1]!.click as () => void)()
    expect(sent).toEqual(['undo', 'redo'])
    expect(items[0]!.accelerator).toBe('CmdOrCtrl+Z')
  })
})
