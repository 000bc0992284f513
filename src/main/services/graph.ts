import type { SliceHandlers } from './types'
import type { graphChannels } from '../../shared/channels/graph'
import type { ServiceContext } from './context'

export function graphHandlers(_ctx: ServiceContext): SliceHandlers<typeof graphChannels> {
  return {}
}
