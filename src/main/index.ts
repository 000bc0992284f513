import { app, BrowserWindow, ipcMain, Menu, nativeTheme, protocol, screen, session, shell } from 'electron'
import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import { createHandlers, NetworkStore, type ServiceContext } from '../backend/services'
import { startChapterLive } from '../backend/services/sync'
import { chapterAdminArgs, runChapterAdmin } from '../cli/chapter'
import { makeFrameCheck, registerIpc } from './ipc/register'
import { installTaskbarProgress } from './progress'
import { electronNativeBinding } from './native'
import { defaultNetworkFile, networkFileFromArgv } from '../backend/paths'
import { buildMenuTemplate } from './menu'
import { followHistoryInMenu, followLanguageInMenu } from './editMenu'
import { addRecentNetwork, askNetworkFile, askSavePath, followOpenedNetworks, installFilesMenu, openAndReload } from './files/electron'
import { windowBackground } from './theme'
import { fitToDisplays, loadWindowState, saveWindowState } from './windowState'
import { openExternalSafe } from '../backend/external'
import {
  APP_INDEX_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createGestureGate,
  isAppPage,
  permissionAllowed,
  serveAppFile,
  windowOpenDecision,
} from './security'

/**
 * The Electron main process: one instance, one window, one database connection.
 * Everything the renderer can do goes through the contract's channels.
 */
/** The built renderer, served as app://renderer/… (security.ts); never loaded from file://. */
const rendererDir = join(__dirname, '../renderer')
const devUrl = process.env.ELECTRON_RENDERER_URL
/** resources/ ships beside the app (unpacked from the asar in packaged builds). */
const windowIcon = join(__dirname, '../../resources/icon.png').replace(`app.asar${sep}`, `app.asar.unpacked${sep}`)

let mainWindow: BrowserWindow | null = null

export function createMainWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json')
  const state = fitToDisplays(loadWindowState(stateFile), screen.getAllDisplays().map((d) => d.workArea))
  const win = new BrowserWindow({
    ...state,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Referral Map',
    // The window and taskbar icon on Linux and Windows (macOS takes the bundle's icon).
    ...(process.platform === 'darwin' ? {} : { icon: windowIcon }),
    // Light or dark like the OS, before the page paints.
    backgroundColor: windowBackground(nativeTheme.shouldUseDarkColors),
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  })
  if (state.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  const remember = () => {
    if (win.isDestroyed()) return
    const b = win.getNormalBounds()
    saveWindowState(stateFile, { ...b, maximized: win.isMaximized() })
  }
  win.on('close', remember)

  // No navigation away from the app and no new windows. A link the user just clicked (an https: or
  // mailto: URL, checked in security.ts) opens in their browser or mail app; script alone opens nothing.
  const gesture = createGestureGate()
  win.webContents.on('input-event', (_e, input) => gesture.noteInput(input.type))
  const leave = (url: string) => {
    if (windowOpenDecision(url, gesture) === 'external') void openExternalSafe(url, (u) => shell.openExternal(u))
  }
  win.webContents.on('will-navigate', (e, url) => {
    if (isAppPage(url, devUrl)) return
    e.preventDefault()
    leave(url)
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    leave(url)
    return { action: 'deny' }
  })

  void win.loadURL(devUrl ?? APP_INDEX_URL)
  return win
}

export function startApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  // A .referralmap file the OS asks us to open: on the command line (Windows, Linux), through
  // open-file (macOS, possibly before ready), or from a second launch.
  let pendingFile = networkFileFromArgv(process.argv)
  let openFile: ((file: string) => void) | null = null
  app.on('open-file', (e, file) => {
    e.preventDefault()
    if (openFile) openFile(file)
    else pendingFile = file
  })
  app.on('second-instance', (_e, argv) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
    const file = networkFileFromArgv(argv)
    if (file && openFile) openFile(file)
  })
  // Before ready: the app's own scheme, standard and secure, so CSP 'self' means the app only.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }])
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (ev) => ev.preventDefault())
  })

  void app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, (request) => serveAppFile(rendererDir, request.url, (f) => readFile(f)))
    // Deny by default: every permission request and check, except what security.ts allows the app page.
    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) =>
      callback(permissionAllowed(permission, details.requestingUrl, devUrl)),
    )
    session.defaultSession.setPermissionCheckHandler((_wc, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin, devUrl))
    session.defaultSession.setDevicePermissionHandler(() => false)
    const dataDir = app.getPath('userData')
    mkdirSync(dataDir, { recursive: true })
    const nativeBinding = electronNativeBinding(app.getAppPath(), app.isPackaged)
    const ctx: ServiceContext = {
      store: new NetworkStore(defaultNetworkFile(dataDir), nativeBinding ? { nativeBinding } : {}),
      dataDir,
      now: () => new Date(),
      transport: 'ipc',
      version: app.getVersion(),
      openExternal: async (url) => void (await openExternalSafe(url, (u) => shell.openExternal(u))),
      chooseSavePath: (suggestedName, filter) =>
        askSavePath(mainWindow, { defaultPath: join(app.getPath('documents'), suggestedName), filters: [filter] }),
      chooseNetworkFile: (purpose, suggestedName) => askNetworkFile(mainWindow, purpose, suggestedName, dirname(ctx.store.file)),
    }
    let rebuildMenu = () => {}
    // A network opened or created from the Import/Export screen joins the OS's recent documents too.
    const handlers = followOpenedNetworks(createHandlers(ctx), () => ctx.store.file)
    // The menus follow the network's language setting (null: the computer's languages).
    const inLanguage = followLanguageInMenu(handlers, () => app.getPreferredSystemLanguages(), () => rebuildMenu())
    registerIpc(ipcMain, followHistoryInMenu(inLanguage, () => rebuildMenu()), makeFrameCheck(devUrl), {
      db: () => ctx.store.db,
    })
    installTaskbarProgress(ipcMain, makeFrameCheck(devUrl), () => mainWindow)
    const send = (command: string) => mainWindow?.webContents.send('menu', command)
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform === 'darwin', send)))
    // Files feature: New/Open/Recent/Save a copy/PDF report in the File menu (replaces the menu set above).
    const refreshMenu = installFilesMenu(ctx, () => mainWindow, send, process.platform === 'darwin')
    rebuildMenu = refreshMenu
    openFile = (file) => void openAndReload(ctx, resolve(file), () => mainWindow, refreshMenu)
    if (pendingFile) openFile(pendingFile)
    else addRecentNetwork(ctx.store.file)
    mainWindow = createMainWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow()
    })
    const stopChapterLive = startChapterLive(ctx)
    app.on('will-quit', () => {
      void stopChapterLive()
      ctx.store.close()
    })
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

// `<app> chapter-admin init|invite|remove …`: the chapter admin's tool (npm run chapter) from the packaged app.
const adminArgs = chapterAdminArgs(process.argv)
if (adminArgs) void runChapterAdmin(adminArgs).then((code) => app.exit(code))
else startApp()
