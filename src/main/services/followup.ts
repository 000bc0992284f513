import type { SliceHandlers } from './types'
import type { followupChannels } from '../../shared/channels/followup'
import type { ServiceContext } from './context'

export function followupHandlers(_ctx: ServiceContext): SliceHandlers<typeof followupChannels> {
  return {}
}
