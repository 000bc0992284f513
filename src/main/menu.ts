import type { MenuItemConstructorOptions } from 'electron'

/** Sends a menu command to the renderer (`menu:<command>` is handled by the app shell). */
export type MenuSend = (command: string) => void

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
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { label: '&Edit', role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        nav('Network', 'network', '1'),
        nav('People', 'people', '2'),
        nav('Introductions', 'introductions', '3'),
        nav('Thank && Follow Up', 'followup', '4'),
        nav('Reports', 'reports', '5'),
        nav('Import / Export', 'files', '6'),
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
