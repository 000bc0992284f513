/**
 * Colour encodings of the map. The node scale is ColorBrewer's RdYlBu
 * (diverging, safe for the common forms of colour blindness): red-orange below
 * the network's average conversion, pale yellow at the average, blue above.
 * Grey means nothing has been decided yet.
 */
export const DIVERGING = ['#d73027', '#fc8d59', '#fee090', '#ffffbf', '#e0f3f8', '#91bfdb', '#4575b4'] as const
export const UNDECIDED = '#a3a3a3'
export const ME_COLOUR = '#1f2937'
export const PROSPECT_COLOUR = '#d4d4d4'
/** Edge colour runs from grey (none converted) to teal (all converted). */
export const EDGE_NONE = '#b8b8b8'
export const EDGE_ALL = '#01665e'

function hexToRgb(h: string): [number, number, number] {
  const n = parseInt(h.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

function rgbToHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`
}

export function mix(a: string, b: string, t: number): string {
  const x = hexToRgb(a)
  const y = hexToRgb(b)
  const u = Math.min(1, Math.max(0, t))
  return rgbToHex([x[0] + (y[0] - x[0]) * u, x[1] + (y[1] - x[1]) * u, x[2] + (y[2] - x[2]) * u])
}

/** Interpolates along the diverging scale; t in [-1, 1], 0 is the middle. */
export function diverging(t: number): string {
  const u = (Math.min(1, Math.max(-1, t)) + 1) / 2 // 0..1
  const pos = u * (DIVERGING.length - 1)
  const i = Math.min(DIVERGING.length - 2, Math.floor(pos))
  return mix(DIVERGING[i]!, DIVERGING[i + 1]!, pos - i)
}

/** Scores this far (in rate points) from the network's average get the scale's end colours. */
export const SCORE_SPREAD = 0.2

/**
 * Node colour for a quality score: centred on the network's average, so "above
 * average" is blue whatever the average is; SCORE_SPREAD above or below it is
 * the darkest blue or red. Null (nothing decided) is grey.
 */
export function scoreColour(score: number | null, mean: number): string {
  if (score === null) return UNDECIDED
  return diverging((score - mean) / SCORE_SPREAD)
}

/** Edge colour for the share of its introductions that converted (0..1). */
export function shareColour(share: number): string {
  return mix(EDGE_NONE, EDGE_ALL, share)
}
