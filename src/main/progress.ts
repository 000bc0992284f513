/**
 * Taskbar (dock) progress: the renderer reports 0..1, 'busy' or null during
 * imports and map layouts (ui/progress.ts); this turns that into what
 * BrowserWindow.setProgressBar takes (a fraction, 2 for indeterminate, -1 for none).
 * Anything else that arrives over the channel clears the bar.
 */
export function progressBarValue(value: unknown): number {
  if (value === 'busy') return 2
  if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.min(1, value))
  return -1
}

type ProgressIpc = { on: (channel: 'progress', listener: (event: { senderFrame?: unknown }, value: unknown) => void) => void }

/** Listens for the renderer's progress reports; only the app's own page is heard. */
export function installTaskbarProgress(
  ipcMain: ProgressIpc,
  isTrustedFrame: (frame: never) => boolean,
  window: () => { isDestroyed(): boolean; setProgressBar(v: number): void } | null,
): void {
  ipcMain.on('progress', (event, value) => {
    if (!isTrustedFrame(event.senderFrame as never)) return
    const w = window()
    if (w && !w.isDestroyed()) w.setProgressBar(progressBarValue(value))
  })
}
