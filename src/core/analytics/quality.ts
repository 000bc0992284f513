/**
 * Conversion quality that does not let one lucky referral beat a steady record.
 *
 * - `shrunkRate`: the partner's won/decided rate pulled toward the network's
 *   average by a Beta(prior.mean * prior.weight, (1 - prior.mean) * prior.weight) prior,
 *   i.e. (won + m*w) / (decided + w).
 * - `wilsonInterval`: the 95% Wilson score interval for won/decided.
 */
export interface BetaPrior {
  /** The network's average conversion (won ÷ decided), 0..1. */
  mean: number
  /** How many decided introductions the prior is "worth". */
  weight: number
}

export function shrunkRate(won: number, decided: number, prior: BetaPrior): number | null {
  if (decided <= 0 && prior.weight <= 0) return null
  return (won + prior.mean * prior.weight) / (decided + prior.weight)
}

export function wilsonInterval(won: number, decided: number, z = 1.96): { low: number; high: number } | null {
  if (decided <= 0) return null
  const p = won / decided
  const z2 = z * z
  const denom = 1 + z2 / decided
  const centre = (p + z2 / (2 * decided)) / denom
  const half = (z * Math.sqrt((p * (1 - p)) / decided + z2 / (4 * decided * decided))) / denom
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) }
}

/**
 * The quality score shown for a partner: the shrunk rate, clamped into the
 * Wilson band so it never sits outside the confidence interval it is shown with.
 * Null when nothing has been decided yet.
 */
export function qualityScore(
  won: number,
  decided: number,
  prior: BetaPrior,
): { score: number; low: number; high: number; decided: number } | null {
  const band = wilsonInterval(won, decided)
  const s = shrunkRate(won, decided, prior)
  if (!band || s === null) return null
  return { score: Math.min(band.high, Math.max(band.low, s)), low: band.low, high: band.high, decided }
}
