import type { SliceHandlers } from './types'
import type { filesChannels } from '../../shared/channels/files'
import type { ServiceContext } from './context'

export function filesHandlers(_ctx: ServiceContext): SliceHandlers<typeof filesChannels> {
  return {}
}
