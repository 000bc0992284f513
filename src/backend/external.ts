/**
 * Links leave the app only as `mailto:` or `https:` URLs, and only through here.
 * Kept free of Electron so it can be tested under Node: the caller passes
 * `shell.openExternal`.
 */
export function isSafeExternalUrl(url: string): boolean {
  // The URL parser would trim and unescape: only an exact, clean string passes.
  if (url !== url.trim() || [...url].some((c) => c.charCodeAt(0) < 0x20)) return false
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (u.protocol === 'mailto:') return u.pathname.length > 0 || u.search.length > 0
  if (u.protocol === 'https:') return u.hostname.length > 0 && u.username === '' && u.password === ''
  return false
}

/** Opens a safe URL with `open` (shell.openExternal); returns whether it was opened. */
export async function openExternalSafe(url: string, open: (url: string) => Promise<void>): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false
  await open(url)
  return true
}
