import type { Api } from '../../shared/contract'

declare global {
  interface Window {
    api: Api
    platform: {
      transport: 'ipc' | 'web'
      os: string
      onMenu?: (cb: (command: string) => void) => () => void
      /** Taskbar progress (desktop only): 0..1, 'busy' for indeterminate, null for none. */
      setProgress?: (value: number | 'busy' | null) => void
    }
  }
}
export {}
