import { useEffect, useState } from 'react'
import type { NavTarget } from '../../ui/nav'

/**
 * Navigates once the commit that closed a form's dialog is done: the dialog's
 * unsaved-changes registration is gone by then, so the shell does not ask
 * "Leave and lose them?" about a form that was just saved.
 */
export function useNavigateAfterClose(navigate: (t: NavTarget) => void): (t: NavTarget) => void {
  const [target, setTarget] = useState<NavTarget | null>(null)
  useEffect(() => {
    if (!target) return
    setTarget(null)
    navigate(target)
  }, [target, navigate])
  return setTarget
}
