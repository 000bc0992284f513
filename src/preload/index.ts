import { contextBridge, ipcRenderer } from 'electron'
import { channels, type Api } from '../shared/contract'

/**
 * `window.api`: one invoke-only function per contract channel. ipcRenderer
 * itself is never exposed.
 */
const api = Object.fromEntries(
  channels.map((ch) => [ch, (input?: unknown) => ipcRenderer.invoke(ch, input ?? null)]),
) as unknown as Api

contextBridge.exposeInMainWorld('api', api satisfies Api)
contextBridge.exposeInMainWorld('platform', {
  transport: 'ipc',
  os: process.platform,
  /** Application-menu commands (navigate:people, new-person, find...). Returns an unsubscribe. */
  onMenu: (cb: (command: string) => void) => {
    const listener = (_e: unknown, command: string) => cb(command)
    ipcRenderer.on('menu', listener)
    return () => ipcRenderer.removeListener('menu', listener)
  },
  /** Taskbar progress during imports and layouts: 0..1, 'busy', or null to clear. */
  setProgress: (value: number | 'busy' | null) => ipcRenderer.send('progress', value),
})
