import type { MenuItemConstructorOptions } from 'electron'
import type { TFunction } from 'i18next'
import { textIn, type UiLanguage } from '../shared/i18n'
import { translateLabel } from '../shared/historyLabels'

/** Sends a menu command to the renderer (`menu:<command>` is handled by the app shell). */
export type MenuSend = (command: string) => void

/** What Edit > Undo and Redo would do ("Archive Ben Brooks"), kept current by the main process after every call. */
export interface EditLabels {
  undo: string | null
  redo: string | null
}
let editLabels: EditLabels = { undo: null, redo: null }

/**
 * The menus' language: the network's language setting, or the computer's when it
 * is not set (see src/main/index.ts). The labels come from the catalogue's `menu`
 * namespace (textIn).
 */
let menuLanguage: UiLanguage = 'en'

/** Sets the menus' language; true when it changed (the caller then rebuilds the menu). */
export function setMenuLanguage(lang: UiLanguage): boolean {
  if (lang === menuLanguage) return false
  menuLanguage = lang
  return true
}

export function getMenuLanguage(): UiLanguage {
  return menuLanguage
}

/** A menu text in the menus' language: `menuText('file.newPerson')`. */
export function menuText(key: string, options?: Record<string, unknown>): string {
  const t = textIn(menuLanguage) as unknown as TFunction
  return t(`menu:${key}`, options ?? {}) as string
}

/** Sets the Edit menu's labels; true when they changed (the caller then rebuilds the menu). */
export function setEditLabels(next: EditLabels): boolean {
  if (next.undo === editLabels.undo && next.redo === editLabels.redo) return false
  editLabels = next
  return true
}

/**
 * Edit > Undo/Redo name the network action they would revert. They go to the
 * renderer, which undoes typing when a text field has the focus and the
 * network's last action otherwise.
 */
export function editMenu(isMac: boolean, send: MenuSend, labels: EditLabels = editLabels): MenuItemConstructorOptions {
  const t = menuText
  // The history's labels are stored in English ("Archive Ben Brooks"); shown in the menus' language.
  const action = (label: string) => translateLabel(label, menuLanguage)
  return {
    id: 'edit',
    label: t('edit.title'),
    submenu: [
      { label: labels.undo ? t('edit.undoAction', { action: action(labels.undo) }) : t('edit.undo'), accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
      { label: labels.redo ? t('edit.redoAction', { action: action(labels.redo) }) : t('edit.redo'), accelerator: isMac ? 'Shift+Cmd+Z' : 'Ctrl+Shift+Z', click: () => send('redo') },
      { type: 'separator' },
      { role: 'cut', label: t('edit.cut') },
      { role: 'copy', label: t('edit.copy') },
      { role: 'paste', label: t('edit.paste') },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' as const, label: t('edit.pasteAndMatchStyle') }] : []),
      { role: 'delete', label: t('edit.delete') },
      { role: 'selectAll', label: t('edit.selectAll') },
    ],
  }
}

/** The application menu in the menus' language (setMenuLanguage). Menus and items the files feature looks for have an `id`. */
export function buildMenuTemplate(isMac: boolean, send: MenuSend, appName = 'Referral Map'): MenuItemConstructorOptions[] {
  const t = menuText
  const nav = (route: string, key: string): MenuItemConstructorOptions => ({
    id: `navigate:${route}`,
    label: t(`view.${route}`),
    accelerator: `CmdOrCtrl+${key}`,
    click: () => send(`navigate:${route}`),
  })
  return [
    ...(isMac ? [{ label: appName, role: 'appMenu' as const }] : []),
    {
      id: 'file',
      label: t('file.title'),
      submenu: [
        { id: 'new-person', label: t('file.newPerson'), accelerator: 'CmdOrCtrl+N', click: () => send('new-person') },
        { id: 'new-introduction', label: t('file.recordIntroduction'), accelerator: 'CmdOrCtrl+Shift+N', click: () => send('new-introduction') },
        { type: 'separator' },
        { id: 'import-export', label: t('file.importExport'), click: () => send('navigate:files') },
        { id: 'join-chapter', label: t('file.joinChapter'), click: () => send('join-chapter') },
        { type: 'separator' },
        isMac ? { role: 'close', label: t('file.close') } : { role: 'quit', label: t('file.quit') },
      ],
    },
    editMenu(isMac, send),
    {
      id: 'view',
      label: t('view.title'),
      submenu: [
        nav('graph', '1'),
        nav('people', '2'),
        nav('introductions', '3'),
        nav('followup', '4'),
        nav('reports', '5'),
        nav('files', '6'),
        nav('settings', '7'),
        { type: 'separator' },
        // Back and forward between screens and the records opened on them (the renderer keeps the history).
        { label: t('view.back'), accelerator: isMac ? 'Cmd+[' : 'Alt+Left', click: () => send('back') },
        { label: t('view.forward'), accelerator: isMac ? 'Cmd+]' : 'Alt+Right', click: () => send('forward') },
        { type: 'separator' },
        { label: t('view.find'), accelerator: 'CmdOrCtrl+F', click: () => send('find') },
        { type: 'separator' },
        { role: 'reload', label: t('view.reload') },
        { role: 'toggleDevTools', label: t('view.devTools') },
        { type: 'separator' },
        { role: 'resetZoom', label: t('view.resetZoom') },
        { role: 'zoomIn', label: t('view.zoomIn') },
        { role: 'zoomOut', label: t('view.zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('view.fullScreen') },
      ],
    },
    { id: 'window', label: t('window.title'), role: 'windowMenu' },
    {
      id: 'help',
      label: t('help.title'),
      role: 'help',
      submenu: [{ label: t('help.about'), click: () => send('about') }],
    },
  ]
}
