import type { Handlers } from './types'
import type { ServiceContext } from './context'
import { appHandlers } from './app'
import { groupsHandlers } from './groups'
import { introductionsHandlers } from './introductions'
import { peopleHandlers } from './people'

/**
 * Every channel's handler, built over one service context. The Electron main
 * process and the web bridge both host exactly this object; the type makes a
 * missing channel a compile error.
 */
export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...peopleHandlers(ctx),
    ...groupsHandlers(ctx),
    ...introductionsHandlers(ctx),
  }
}

export type { ServiceContext } from './context'
export { NetworkStore } from './context'
