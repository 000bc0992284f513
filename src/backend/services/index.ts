import type { Handlers } from './types'
import type { ServiceContext } from './context'
import { appHandlers } from './app'
import { groupsHandlers } from './groups'
import { introductionsHandlers } from './introductions'
import { peopleHandlers } from './people'
import { analyticsHandlers } from './analytics'
import { graphHandlers } from './graph'
import { followupHandlers } from './followup'
import { filesHandlers } from './files'
import { settingsHandlers } from './settings'
import { historyHandlers, withHistory } from './history'
import { insightsHandlers } from './insights'
import { syncHandlers } from './sync'

/**
 * Every channel's handler, built over one service context. The Electron main
 * process and the web bridge both host exactly this object; the type makes a
 * missing channel a compile error. Every handler runs inside the change log's
 * capture (withHistory): what a call changes is recorded as one action.
 */
export function createHandlers(ctx: ServiceContext): Handlers {
  return withHistory(ctx, {
    ...appHandlers(ctx),
    ...peopleHandlers(ctx),
    ...groupsHandlers(ctx),
    ...introductionsHandlers(ctx),
    ...analyticsHandlers(ctx),
    ...graphHandlers(ctx),
    ...followupHandlers(ctx),
    ...filesHandlers(ctx),
    ...settingsHandlers(ctx),
    ...historyHandlers(ctx),
    ...insightsHandlers(ctx),
    ...syncHandlers(ctx),
  })
}

export type { ServiceContext } from './context'
export { NetworkStore } from './context'
