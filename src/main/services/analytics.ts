import type { SliceHandlers } from './types'
import type { analyticsChannels } from '../../shared/channels/analytics'
import type { ServiceContext } from './context'

export function analyticsHandlers(_ctx: ServiceContext): SliceHandlers<typeof analyticsChannels> {
  return {}
}
