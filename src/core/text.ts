/** Case- and accent-insensitive key used for search, sorting and duplicate matching. */
export function normalizeKey(s: string | null | undefined): string {
  if (!s) return ''
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

export function normalizeEmail(s: string | null | undefined): string {
  return (s ?? '').trim().toLowerCase()
}
