import { useEffect, useId } from 'react'

/**
 * Unsaved changes: a form that has edits registers itself (`useUnsavedChanges(isDirty)`);
 * the shell asks before navigating away while any is registered (App.tsx), a dialog
 * holding one asks before closing (Dialog's `dirty`), and closing or reloading the
 * window asks through the browser's own prompt.
 */
const dirty = new Set<string>()
const listeners = new Set<() => void>()

export function hasUnsavedChanges(): boolean {
  return dirty.size > 0
}

/** Forget every registered form (after the user chose to leave without saving). */
export function discardUnsavedChanges(): void {
  dirty.clear()
  for (const l of listeners) l()
}

function onBeforeUnload(e: BeforeUnloadEvent) {
  if (dirty.size === 0) return
  e.preventDefault()
  e.returnValue = ''
}

export function useUnsavedChanges(isDirty: boolean): void {
  const id = useId()
  useEffect(() => {
    if (!isDirty) return
    dirty.add(id)
    if (dirty.size === 1) window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      dirty.delete(id)
      if (dirty.size === 0) window.removeEventListener('beforeunload', onBeforeUnload)
    }
  }, [id, isDirty])
}
