import { useApi } from './api'

/**
 * Today (YYYY-MM-DD) in the user's time zone, as the backend computes it
 * (`todayIso(ctx)`, returned by `app:info`): the renderer never reads its own
 * clock for "today". Undefined only until `app:info` has answered (the shell waits
 * for it, so screens get it at once). Re-read every minute so a form opened after
 * midnight defaults to the new day.
 */
export function useToday(): string | undefined {
  return useApi('app:info', {}, { refetchInterval: 60_000 }).data?.today
}
