/**
 * The window's background before the page paints: the page's own --bg
 * (styles.css) for the OS's light or dark mode, so a dark desktop never
 * flashes white while the app loads.
 */
export const WINDOW_BACKGROUND = { light: '#f6f7f9', dark: '#15181d' } as const

export function windowBackground(dark: boolean): string {
  return dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light
}
