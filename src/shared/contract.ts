import type { z } from 'zod'
import type { ChannelDef } from './channel'
import type { Result } from './errors'
import { foundationChannels } from './channels/foundation'
import { analyticsChannels } from './channels/analytics'
import { graphChannels } from './channels/graph'
import { followupChannels } from './channels/followup'
import { filesChannels } from './channels/files'
import { historyChannels } from './channels/history'
import { settingsChannels } from './channels/settings'
import { insightsChannels } from './channels/insights'
import { syncChannels } from './channels/sync'

/**
 * The one contract: channel name (`noun:verb`) -> { input schema, output type }.
 * Feature files under `channels/` each contribute a slice; this map is the union
 * every transport (Electron IPC, the web bridge) is generated from.
 */
export const contract = {
  ...foundationChannels,
  ...analyticsChannels,
  ...graphChannels,
  ...followupChannels,
  ...filesChannels,
  ...historyChannels,
  ...settingsChannels,
  ...insightsChannels,
  ...syncChannels,
} satisfies Record<string, ChannelDef<z.ZodType, unknown>>

export type Contract = typeof contract
export type Channel = keyof Contract
export type Input<K extends Channel> = z.input<Contract[K]['input']>
export type ParsedInput<K extends Channel> = z.output<Contract[K]['input']>
export type Output<K extends Channel> = Contract[K]['output']

/** What `window.api` is, on every transport: invoke-only, one method per channel. */
export type Api = { [K in Channel]: (input?: Input<K>) => Promise<Result<Output<K>>> }

export const channels = Object.keys(contract) as Channel[]
