import { join } from 'node:path'

/** File extension of a Referral Map network. */
export const NETWORK_EXT = 'referralmap'

/** The network a data folder opens by default (first run creates it). */
export function defaultNetworkFile(dataDir: string): string {
  return join(dataDir, `network.${NETWORK_EXT}`)
}
