import type { IpcMain, WebFrameMain } from 'electron'
import { channels } from '../../shared/contract'
import type { Handlers } from '../../backend/services/types'
import { dispatch, type DispatchOptions } from '../../backend/dispatch'
import { isAppPage } from '../security'

/**
 * Registers every contract channel in one loop. A call whose sender frame is
 * not the app's own top-level page is refused before its input is read.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  isTrustedFrame: (frame: WebFrameMain | null | undefined) => boolean,
  opts: DispatchOptions = {},
): string[] {
  for (const ch of channels) {
    ipcMain.handle(ch, async (event, input: unknown) => {
      if (!isTrustedFrame(event.senderFrame)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This page may not call the app.' } }
      }
      return dispatch(handlers, ch, input, opts)
    })
  }
  return [...channels]
}

/** The app's own page (app://renderer/index.html, or the dev server in development); top frame only. */
export function makeFrameCheck(devUrl: string | undefined) {
  return (frame: WebFrameMain | null | undefined): boolean => !!frame && !frame.parent && isAppPage(frame.url, devUrl)
}
