import type { MenuItem } from '../../ui/ContextMenu'

/** What the right-click menu of a person on the map can do. */
export type NodeAction = 'open' | 'edit' | 'record' | 'archive'

/** The actions for one person, in menu order: you can be opened and edited, but not archived or recorded "from". */
export function nodeActions(node: { isMe: boolean }): NodeAction[] {
  return node.isMe ? ['open', 'edit'] : ['open', 'edit', 'record', 'archive']
}

/** The menu items (labels from the catalogue through `label`), each running `run` with its action. */
export function nodeMenuItems(node: { isMe: boolean }, label: (key: `menu.${NodeAction}`) => string, run: (a: NodeAction) => void): MenuItem[] {
  return nodeActions(node).map((a) => ({ label: label(`menu.${a}`), onSelect: () => run(a), ...(a === 'archive' ? { danger: true } : {}) }))
}
