import { z } from 'zod'
import { channel } from '../channel'

/** One entry of the undo history, newest first. */
export interface HistoryItem {
  id: number
  /** do: a user action; undo/redo: the replay of one; barrier: a bulk change undo cannot reach past (import, restore). */
  kind: 'do' | 'undo' | 'redo' | 'barrier'
  label: string
  at: string
  undone: boolean
}

export interface HistoryState {
  /** What Undo would revert ("Archive Ben Brooks"), or null. */
  undo: { id: number; label: string } | null
  redo: { id: number; label: string } | null
  items: HistoryItem[]
}

const Empty = z.object({}).strict().optional().default({})

export const historyChannels = {
  /** Reverts the newest action (one transaction, recorded as an action of its own); the state after it. */
  'history:undo': channel<HistoryState & { done: string }>()(Empty),
  /** Replays the newest undone action. */
  'history:redo': channel<HistoryState & { done: string }>()(Empty),
  'history:list': channel<HistoryState>()(
    z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict().optional().default({ limit: 50 }),
  ),
}
