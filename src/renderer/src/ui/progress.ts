import { useEffect } from 'react'

/**
 * The taskbar (dock) progress of the desktop window during long work: imports and
 * map layouts. `fraction` 0..1 shows a bar, 'busy' an indeterminate one (Windows,
 * Linux launchers), null none. Several tasks at once: the desktop shows the least
 * advanced. In the browser there is no taskbar and this does nothing.
 */
const tasks = new Map<string, number | 'busy'>()

function publish() {
  const values = [...tasks.values()]
  const numbers = values.filter((v): v is number => typeof v === 'number')
  const value = values.length === 0 ? null : numbers.length ? Math.min(...numbers) : 'busy'
  window.platform?.setProgress?.(value)
}

export function reportProgress(task: string, value: number | 'busy' | null): void {
  if (value === null) tasks.delete(task)
  else tasks.set(task, typeof value === 'number' ? Math.max(0, Math.min(1, value)) : value)
  publish()
}

/** Shows `value` while `active`, and clears it when the work ends or the component goes. */
export function useTaskbarProgress(task: string, active: boolean, value: number | 'busy' = 'busy'): void {
  useEffect(() => {
    if (!active) return
    reportProgress(task, value)
    return () => reportProgress(task, null)
  }, [task, active, value])
}

/** What the taskbar currently shows (for tests). */
export function currentProgress(): ReadonlyMap<string, number | 'busy'> {
  return tasks
}
