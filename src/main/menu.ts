import type { MenuItemConstructorOptions } from 'electron'

/** Sends a menu command to the renderer (`menu:<command>` is handled by the app shell). */
export type MenuSend = (command: string) => void

/** What Edit > Undo and Redo would do ("Archive Ben Brooks"), kept current by the main process after every call. */
export interface EditLabels {
  undo: string | null
  redo: string | null
}
let editLabels: EditLabels = { undo: null, redo: null }

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
  return {
    label: '&Edit',
    submenu: [
      { label: labels.undo ? `Undo ${labels.undo}` : 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
      { label: labels.redo ? `Redo ${labels.redo}` : 'Redo', accelerator: isMac ? 'Shift+Cmd+Z' : 'Ctrl+Shift+Z', click: () => send('redo') },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' as const }] : []),
      { role: 'delete' },
      { role: 'selectAll' },
    ],
  }
}

export function buildMenuTemplate(isMac: boolean, send: MenuSend, appName = 'Referral Map'): MenuItemConstructorOptions[] {
  const nav = (label: string, route: string, key: string): MenuItemConstructorOptions => ({
    label,
    accelerator: `CmdOrCtrl+${key}`,
    click: () => send(`navigate:${route}`),
  })
  return [
    ...(isMac ? [{ label: appName, role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Person…', accelerator: 'CmdOrCtrl+N', click: () => send('new-person') },
        { label: 'Record Introduction…', accelerator: 'CmdOrCtrl+Shift+N', click: () => send('new-introduction') },
        { type: 'separator' },
        { label: 'Import / Export…', click: () => send('navigate:files') },
        { label: 'Join a Chapter…', click: () => send('join-chapter') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    editMenu(isMac, send),
    {
      label: '&View',
      submenu: [
        nav('Network', 'graph', '1'),
        nav('People', 'people', '2'),
        nav('Introductions', 'introductions', '3'),
        nav('Thank && Follow Up', 'followup', '4'),
        nav('Reports', 'reports', '5'),
        nav('Import / Export', 'files', '6'),
        nav('Settings', 'settings', '7'),
        { type: 'separator' },
        // Back and forward between screens and the records opened on them (the renderer keeps the history).
        { label: 'Back', accelerator: isMac ? 'Cmd+[' : 'Alt+Left', click: () => send('back') },
        { label: 'Forward', accelerator: isMac ? 'Cmd+]' : 'Alt+Right', click: () => send('forward') },
        { type: 'separator' },
        { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: () => send('find') },
        { type: 'separator' },
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: '&Window', role: 'windowMenu' },
    {
      label: '&Help',
      role: 'help',
      submenu: [{ label: 'About Referral Map', click: () => send('about') }],
    },
  ]
}
