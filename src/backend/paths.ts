import { join } from 'node:path'

/** File extension of a Referral Map network. */
export const NETWORK_EXT = 'referralmap'

/** The network a data folder opens by default (first run creates it). */
export function defaultNetworkFile(dataDir: string): string {
  return join(dataDir, `network.${NETWORK_EXT}`)
}

/**
 * The network file the OS asked us to open: the last command-line argument
 * that names a `.referralmap` file (double-click on Windows and Linux, or a
 * second launch with a file). Flags (`--…`) and other files are ignored.
 */
export function networkFileFromArgv(argv: readonly string[]): string | undefined {
  const suffix = `.${NETWORK_EXT}`
  for (let i = argv.length - 1; i >= 1; i--) {
    const a = argv[i]!
    if (!a.startsWith('-') && a.toLowerCase().endsWith(suffix)) return a
  }
  return undefined
}
