import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions, type SaveDialogOptions } from 'electron'
import { writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { ServiceContext } from '../../backend/services/context'
import { buildReport } from '../../backend/services/files'
import { networkInfo, newNetwork, openNetwork, saveCopy } from '../../backend/services/files/store'
import { buildMenuTemplate, getMenuLanguage, menuText, type MenuSend } from '../menu'
import { translateLabel } from '../../shared/historyLabels'
import { NETWORK_EXT } from '../../backend/paths'
import type { Handlers } from '../../backend/services/types'

/**
 * Desktop-only parts of the files feature, kept thin: the system's file
 * dialogs, the File menu items (New network, Open network…, Open recent, Save a
 * copy as…, Export report as PDF…) and print-to-PDF. The work itself is in the
 * files service, the same one the web bridge uses.
 */

/** Puts a network file in the OS's recent documents (Windows jump list, macOS Open Recent, Linux recent files). */
export function addRecentNetwork(file: string, add: (path: string) => void = (p) => app.addRecentDocument(p)): void {
  try {
    add(file)
  } catch {
    // The OS list is a convenience; the network is open either way.
  }
}

/**
 * After every call, a network the app switched to (a channel such as the
 * Import/Export screen's open or new network) joins the OS's recent documents.
 */
export function followOpenedNetworks(handlers: Handlers, currentFile: () => string, add?: (path: string) => void): Handlers {
  let last = currentFile()
  const out: Record<string, (input: unknown) => unknown> = {}
  for (const [ch, h] of Object.entries(handlers) as [string, (input: unknown) => unknown][]) {
    out[ch] = async (input) => {
      try {
        return await h(input)
      } finally {
        const now = currentFile()
        if (now !== last) {
          last = now
          addRecentNetwork(now, add)
        }
      }
    }
  }
  return out as Handlers
}

/** The file-type filter of the network dialogs, named in the menus' language. */
const filters = () => [{ name: menuText('dialogs.networkFiles'), extensions: [NETWORK_EXT] }]

async function guard(win: BrowserWindow | null, fn: () => Promise<void> | void): Promise<void> {
  try {
    await fn()
  } catch (e) {
    // The backend's messages are English; shown in the menus' language when the catalogue knows them.
    const message = translateLabel(e instanceof Error ? e.message : String(e), getMenuLanguage())
    if (win) await dialog.showMessageBox(win, { type: 'error', message: 'Referral Map', detail: message })
    else dialog.showErrorBox('Referral Map', message)
  }
}

/** Renders the printable report in a hidden, script-less window and prints it to a PDF file. */
export async function printReportToPdf(ctx: ServiceContext, file: string, graphPng?: string): Promise<void> {
  const html = buildReport(ctx, graphPng)
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  })
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
    const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', margins: { marginType: 'default' } })
    writeFileSync(file, pdf)
  } finally {
    win.destroy()
  }
}

/** The system's save dialog, attached to the window when there is one; the chosen path, or null if cancelled. */
export async function askSavePath(win: BrowserWindow | null, opts: SaveDialogOptions): Promise<string | null> {
  // The dialog itself asks before a file is replaced (Linux needs to be told to).
  const withConfirm: SaveDialogOptions = { ...opts, properties: [...(opts.properties ?? []), 'showOverwriteConfirmation', 'createDirectory'] }
  const r = win ? await dialog.showSaveDialog(win, withConfirm) : await dialog.showSaveDialog(withConfirm)
  return r.canceled || !r.filePath ? null : r.filePath
}

const TITLE_KEYS = { open: 'dialogs.open', new: 'dialogs.new', saveCopy: 'dialogs.saveCopy' } as const

/**
 * The dialog behind ctx.chooseNetworkFile: full paths of network files reach
 * the files service only from here (the File menu and the renderer's "…"
 * buttons both come through it), never as text from the renderer.
 */
export async function askNetworkFile(win: BrowserWindow | null, purpose: 'open' | 'new' | 'saveCopy', suggestedName: string, defaultDir: string): Promise<string | null> {
  if (purpose === 'open') {
    const opts = { title: menuText(TITLE_KEYS.open), defaultPath: defaultDir, properties: ['openFile' as const], filters: filters() }
    const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts)
    return r.canceled || !r.filePaths[0] ? null : r.filePaths[0]
  }
  return askSavePath(win, { title: menuText(TITLE_KEYS[purpose]), defaultPath: join(defaultDir, suggestedName), filters: filters() })
}

export function filesMenuItems(ctx: ServiceContext, getWindow: () => BrowserWindow | null, refresh: () => void): MenuItemConstructorOptions[] {
  const afterSwitch = () => {
    refresh()
    getWindow()?.webContents.reload()
  }
  const recent = networkInfo(ctx).recent.filter((f) => f !== ctx.store.file)
  return [
    {
      id: 'new-network',
      label: menuText('file.newNetwork'),
      click: () =>
        void guard(getWindow(), async () => {
          const file = await askNetworkFile(getWindow(), 'new', `network.${NETWORK_EXT}`, dirname(ctx.store.file))
          if (!file) return
          newNetwork(ctx, file)
          addRecentNetwork(ctx.store.file)
          afterSwitch()
        }),
    },
    {
      id: 'open-network',
      label: menuText('file.openNetwork'),
      accelerator: 'CmdOrCtrl+O',
      click: () =>
        void guard(getWindow(), async () => {
          const file = await askNetworkFile(getWindow(), 'open', '', dirname(ctx.store.file))
          if (!file) return
          openNetwork(ctx, file)
          addRecentNetwork(ctx.store.file)
          afterSwitch()
        }),
    },
    {
      id: 'open-recent',
      label: menuText('file.openRecent'),
      submenu: recent.length
        ? recent.map((f) => ({
            label: basename(f),
            sublabel: f,
            click: () => void openAndReload(ctx, f, getWindow, refresh),
          }))
        : [{ label: menuText('file.noRecent'), enabled: false }],
    },
    {
      id: 'save-copy',
      label: menuText('file.saveCopy'),
      click: () =>
        void guard(getWindow(), async () => {
          const file = await askNetworkFile(getWindow(), 'saveCopy', `${networkInfo(ctx).name}-copy.${NETWORK_EXT}`, dirname(ctx.store.file))
          if (!file) return
          // The save dialog asked before replacing an existing file.
          await saveCopy(ctx, file, { overwrite: true })
          refresh()
        }),
    },
    { type: 'separator' },
    {
      id: 'export-pdf',
      label: menuText('file.exportPdf'),
      click: () =>
        void guard(getWindow(), async () => {
          const opts = { title: menuText('dialogs.exportPdf'), defaultPath: `${networkInfo(ctx).name}-report.pdf`, filters: [{ name: menuText('dialogs.pdf'), extensions: ['pdf'] }] }
          const file = await askSavePath(getWindow(), opts)
          if (!file) return
          await printReportToPdf(ctx, file)
        }),
    },
  ]
}

/**
 * Sets the application menu: the shell's template with the network-file items
 * added to the File menu. Rebuilt after each switch so "Open Recent" stays current.
 */
export function installFilesMenu(ctx: ServiceContext, getWindow: () => BrowserWindow | null, send: MenuSend, isMac: boolean): () => void {
  const install = () => {
    const template = buildMenuTemplate(isMac, send)
    const file = template.find((m) => m.id === 'file')
    if (file && Array.isArray(file.submenu)) {
      const at = file.submenu.findIndex((i) => i.id === 'import-export')
      file.submenu.splice(at >= 0 ? at : 0, 0, ...filesMenuItems(ctx, getWindow, install), { type: 'separator' })
    }
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }
  install()
  return install
}

/**
 * Opens a network file in place and reloads the window: for Open Recent and for
 * a file the OS hands us (a double-clicked `.referralmap`, a second launch, or
 * macOS's open-file). The same checks as File > Open: a file that is not a
 * network, is newer or damaged is refused with a message and the open network
 * stays as it was.
 */
export function openAndReload(ctx: ServiceContext, file: string, getWindow: () => BrowserWindow | null, refreshMenu: () => void): Promise<void> {
  return guard(getWindow(), () => {
    openNetwork(ctx, file)
    addRecentNetwork(ctx.store.file)
    refreshMenu()
    getWindow()?.webContents.reload()
  })
}
