import type { Api } from '../../shared/contract'

declare global {
  interface Window {
    api: Api
    platform: {
      transport: 'ipc' | 'web'
      os: string
      onMenu?: (cb: (command: string) => void) => () => void
    }
  }
}
export {}
