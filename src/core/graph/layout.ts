/**
 * Layouts of the map, as pure functions over plain arrays so they run in a web
 * worker (off the UI thread) and in unit tests alike. Positions are returned
 * as a Float64Array [x0, y0, x1, y1, ...] in node order.
 */
export type LayoutKind = 'radial' | 'force' | 'concentric' | 'circle' | 'grid'

export const LAYOUTS: { kind: LayoutKind; label: string }[] = [
  { kind: 'radial', label: 'You in the centre' },
  { kind: 'force', label: 'Force-directed' },
  { kind: 'concentric', label: 'Concentric by value' },
  { kind: 'circle', label: 'Circle' },
  { kind: 'grid', label: 'Grid' },
]

export interface LayoutInput {
  ids: string[]
  /** Index of "you" in ids, or -1. */
  me: number
  /** Strength of each node's tie with you (0 when none): strong partners go near the centre. */
  strength: number[]
  /** Won value (or any "importance") per node, for concentric/circle/grid ordering. */
  value: number[]
  /** Edges as index pairs with a weight (introduction count). */
  edges: [number, number, number][]
}

export interface LayoutOptions {
  /** Ideal distance between neighbours, px. */
  spacing?: number
  iterations?: number
  onProgress?: (done: number) => void
}

const GOLDEN = Math.PI * (3 - Math.sqrt(5))

/** A stable pseudo-random number in [0, 1) from a string (for deterministic jitter). */
export function hash01(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return ((h >>> 0) % 1_000_003) / 1_000_003
}

/** Order of nodes by descending weight, ties by id (stable and deterministic). */
function rankBy(input: LayoutInput, w: number[]): number[] {
  return input.ids
    .map((_, i) => i)
    .filter((i) => i !== input.me)
    .sort((a, b) => w[b]! - w[a]! || (input.ids[a]! < input.ids[b]! ? -1 : 1))
}

/**
 * Radial seed: you at (0,0); people tied to you on a sunflower spiral, the
 * strongest innermost; the rest next to an already placed neighbour (or outside).
 * Returns positions and each node's target radius (NaN: free).
 */
export function radialSeed(input: LayoutInput, spacing = 70): { pos: Float64Array; target: Float64Array } {
  const n = input.ids.length
  const pos = new Float64Array(n * 2)
  const target = new Float64Array(n).fill(NaN)
  const placed = new Uint8Array(n)
  if (input.me >= 0) {
    placed[input.me] = 1
    target[input.me] = 0
  }
  const order = rankBy(input, input.strength)
  let rank = 0
  const r0 = spacing * 1.6
  for (const i of order) {
    if (input.strength[i]! <= 0) continue
    const r = r0 + spacing * 0.95 * Math.sqrt(rank)
    const a = rank * GOLDEN
    pos[2 * i] = r * Math.cos(a)
    pos[2 * i + 1] = r * Math.sin(a)
    target[i] = r
    placed[i] = 1
    rank++
  }
  placeNear(input, pos, placed, spacing)
  return { pos, target }
}

/**
 * Places every node whose `placed` flag is 0 next to its placed neighbours
 * (their centroid plus a small deterministic offset), repeating so chains of
 * new people are placed too; people with no placed neighbour go just outside
 * the current picture. Nodes already placed never move.
 */
export function placeNear(input: LayoutInput, pos: Float64Array, placed: Uint8Array, spacing = 70): number {
  const n = input.ids.length
  const adj: number[][] = Array.from({ length: n }, () => [])
  for (const [a, b] of input.edges) {
    adj[a]!.push(b)
    adj[b]!.push(a)
  }
  let count = 0
  let progress = true
  while (progress) {
    progress = false
    for (let i = 0; i < n; i++) {
      if (placed[i]) continue
      let sx = 0
      let sy = 0
      let k = 0
      for (const j of adj[i]!)
        if (placed[j]) {
          sx += pos[2 * j]!
          sy += pos[2 * j + 1]!
          k++
        }
      if (k === 0) continue
      const a = hash01(input.ids[i]!) * 2 * Math.PI
      const d = spacing * (0.7 + 0.5 * hash01(`${input.ids[i]}:d`))
      pos[2 * i] = sx / k + d * Math.cos(a)
      pos[2 * i + 1] = sy / k + d * Math.sin(a)
      placed[i] = 1
      count++
      progress = true
    }
  }
  // Unconnected to anything placed: a ring just outside the current picture.
  let maxR = 0
  let cx = 0
  let cy = 0
  let m = 0
  for (let i = 0; i < n; i++)
    if (placed[i]) {
      cx += pos[2 * i]!
      cy += pos[2 * i + 1]!
      m++
    }
  if (m > 0) {
    cx /= m
    cy /= m
  }
  for (let i = 0; i < n; i++) if (placed[i]) maxR = Math.max(maxR, Math.hypot(pos[2 * i]! - cx, pos[2 * i + 1]! - cy))
  let extra = 0
  for (let i = 0; i < n; i++) {
    if (placed[i]) continue
    const r = maxR + spacing * (1 + 0.5 * Math.floor(extra / 60))
    const a = extra * GOLDEN + hash01(input.ids[i]!)
    pos[2 * i] = cx + r * Math.cos(a)
    pos[2 * i + 1] = cy + r * Math.sin(a)
    placed[i] = 1
    extra++
    count++
  }
  return count
}

/**
 * Force-directed refinement with grid-based repulsion (only nodes in the 3x3
 * neighbouring cells repel, so each iteration is about O(n + edges)), spring
 * attraction along edges, gentle gravity, and optionally a pull towards each
 * node's target radius around (0,0). "You" stays pinned when `pinMe`.
 */
export function forceRefine(
  input: LayoutInput,
  pos: Float64Array,
  opts: LayoutOptions & { target?: Float64Array; pinMe?: boolean } = {},
): Float64Array {
  const n = input.ids.length
  if (n <= 1) return pos
  const k = opts.spacing ?? 70
  const iters = opts.iterations ?? (n > 5000 ? 120 : n > 1500 ? 180 : 300)
  const cell = 2 * k
  const fx = new Float64Array(n)
  const fy = new Float64Array(n)
  const next = new Int32Array(n)
  const maxW = Math.max(1, ...input.edges.map((e) => e[2]))
  let temp = k * 2
  const cool = Math.pow(0.02, 1 / iters)
  const heads = new Map<number, number>()
  for (let it = 0; it < iters; it++) {
    fx.fill(0)
    fy.fill(0)
    // Grid of linked lists.
    heads.clear()
    for (let i = 0; i < n; i++) {
      const key = Math.floor(pos[2 * i]! / cell) * 73856093 + Math.floor(pos[2 * i + 1]! / cell)
      next[i] = heads.get(key) ?? -1
      heads.set(key, i)
    }
    for (let i = 0; i < n; i++) {
      const xi = pos[2 * i]!
      const yi = pos[2 * i + 1]!
      const gx = Math.floor(xi / cell)
      const gy = Math.floor(yi / cell)
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++) {
          let j = heads.get((gx + dx) * 73856093 + gy + dy) ?? -1
          while (j >= 0) {
            if (j > i) {
              let ddx = xi - pos[2 * j]!
              let ddy = yi - pos[2 * j + 1]!
              let d2 = ddx * ddx + ddy * ddy
              if (d2 < 0.01) {
                ddx = (hash01(`${i}:${j}`) - 0.5) * 0.2
                ddy = (hash01(`${j}:${i}`) - 0.5) * 0.2
                d2 = ddx * ddx + ddy * ddy + 0.0001
              }
              if (d2 < cell * cell) {
                const f = (k * k) / d2
                fx[i] = fx[i]! + (ddx * f)
                fy[i] = fy[i]! + (ddy * f)
                fx[j] = fx[j]! - (ddx * f)
                fy[j] = fy[j]! - (ddy * f)
              }
            }
            j = next[j]!
          }
        }
    }
    for (const [a, b, w] of input.edges) {
      const ddx = pos[2 * a]! - pos[2 * b]!
      const ddy = pos[2 * a + 1]! - pos[2 * b + 1]!
      const d = Math.sqrt(ddx * ddx + ddy * ddy) + 0.01
      const f = (d / k) * (0.3 + 0.7 * Math.log1p(w) / Math.log1p(maxW))
      fx[a] = fx[a]! - (ddx * f * 0.5)
      fy[a] = fy[a]! - (ddy * f * 0.5)
      fx[b] = fx[b]! + (ddx * f * 0.5)
      fy[b] = fy[b]! + (ddy * f * 0.5)
    }
    for (let i = 0; i < n; i++) {
      const x = pos[2 * i]!
      const y = pos[2 * i + 1]!
      const r = Math.sqrt(x * x + y * y) + 0.01
      const t = opts.target?.[i]
      if (t !== undefined && !Number.isNaN(t)) {
        const f = (t - r) * 0.6
        fx[i] = fx[i]! + ((x / r) * f * k * 0.05)
        fy[i] = fy[i]! + ((y / r) * f * k * 0.05)
      } else {
        fx[i] = fx[i]! - (x * 0.01)
        fy[i] = fy[i]! - (y * 0.01)
      }
    }
    for (let i = 0; i < n; i++) {
      if (opts.pinMe && i === input.me) continue
      const f = Math.sqrt(fx[i]! * fx[i]! + fy[i]! * fy[i]!)
      if (f === 0) continue
      const s = Math.min(f, temp) / f
      pos[2 * i] = pos[2 * i]! + (fx[i]! * s)
      pos[2 * i + 1] = pos[2 * i + 1]! + (fy[i]! * s)
    }
    temp *= cool
    if (opts.onProgress && (it % 10 === 0 || it === iters - 1)) opts.onProgress((it + 1) / iters)
  }
  if (opts.pinMe && input.me >= 0) {
    pos[2 * input.me] = 0
    pos[2 * input.me + 1] = 0
  }
  return pos
}

function concentric(input: LayoutInput, spacing: number): Float64Array {
  const pos = new Float64Array(input.ids.length * 2)
  const order = rankBy(input, input.value)
  let ring = 1
  let idx = 0
  while (idx < order.length) {
    const r = ring * spacing * 1.3
    const cap = Math.max(6, Math.floor((2 * Math.PI * r) / (spacing * 0.85)))
    const take = order.slice(idx, idx + cap)
    take.forEach((i, k) => {
      const a = (k / take.length) * 2 * Math.PI + ring * 0.3
      pos[2 * i] = r * Math.cos(a)
      pos[2 * i + 1] = r * Math.sin(a)
    })
    idx += take.length
    ring++
  }
  return pos
}

function circle(input: LayoutInput, spacing: number): Float64Array {
  const pos = new Float64Array(input.ids.length * 2)
  const order = rankBy(input, input.value)
  const r = Math.max(spacing * 3, (order.length * spacing * 0.8) / (2 * Math.PI))
  order.forEach((i, k) => {
    const a = (k / order.length) * 2 * Math.PI - Math.PI / 2
    pos[2 * i] = r * Math.cos(a)
    pos[2 * i + 1] = r * Math.sin(a)
  })
  return pos
}

function grid(input: LayoutInput, spacing: number): Float64Array {
  const pos = new Float64Array(input.ids.length * 2)
  const order = [...(input.me >= 0 ? [input.me] : []), ...rankBy(input, input.value)]
  const cols = Math.max(1, Math.ceil(Math.sqrt(order.length)))
  order.forEach((i, k) => {
    pos[2 * i] = (k % cols) * spacing * 1.2
    pos[2 * i + 1] = Math.floor(k / cols) * spacing
  })
  return pos
}

/** Runs one layout over the whole graph. */
export function runLayout(kind: LayoutKind, input: LayoutInput, opts: LayoutOptions = {}): Float64Array {
  const spacing = opts.spacing ?? 70
  switch (kind) {
    case 'radial': {
      const { pos, target } = radialSeed(input, spacing)
      return forceRefine(input, pos, { ...opts, spacing, target, pinMe: true })
    }
    case 'force': {
      const { pos } = radialSeed(input, spacing)
      return forceRefine(input, pos, { ...opts, spacing, pinMe: false })
    }
    case 'concentric':
      opts.onProgress?.(1)
      return concentric(input, spacing)
    case 'circle':
      opts.onProgress?.(1)
      return circle(input, spacing)
    case 'grid':
      opts.onProgress?.(1)
      return grid(input, spacing)
  }
}

/** Builds the layout input from node/edge lists (strength with you = introductions both ways + 3 x won). */
export function layoutInput(
  nodes: { id: string; isMe: boolean; value: number }[],
  edges: { source: string; target: string; count: number; won: number }[],
): LayoutInput {
  const index = new Map(nodes.map((n, i) => [n.id, i]))
  const me = nodes.findIndex((n) => n.isMe)
  const strength = new Array<number>(nodes.length).fill(0)
  const out: [number, number, number][] = []
  for (const e of edges) {
    const a = index.get(e.source)
    const b = index.get(e.target)
    if (a === undefined || b === undefined) continue
    out.push([a, b, e.count])
    if (a === me) strength[b]! += e.count + 3 * e.won
    if (b === me) strength[a]! += e.count + 3 * e.won
  }
  return { ids: nodes.map((n) => n.id), me, strength, value: nodes.map((n) => n.value), edges: out }
}
