import { z } from 'zod'
import { channel } from '../channel'
import { Id, IntroKind, IntroOrigin, IntroStatus, IsoDate, Tag } from '../schemas'
import type { Money } from './analytics'

/** One person on the map, with the aggregates the encodings are built from (all within the filters). */
export interface GraphNodeData {
  id: string
  name: string
  company: string | null
  profession: string | null
  isMe: boolean
  /** 'prospect': only appears as someone introduced (shown only when prospects are on). */
  role: 'me' | 'partner' | 'prospect'
  /** Introductions this person made (as referrer). */
  sent: number
  /** Introductions this person received. */
  received: number
  /** Won / decided among the introductions this person made to you: the quality score's counts. */
  wonToMe: number
  decidedToMe: number
  /**
   * Won value (minor units) of the introductions this person made, in the main
   * currency only (what node size by value uses; other currencies are not added in).
   */
  closedValueMinor: number
  /** Won value of the introductions this person made, per currency, the main currency first. */
  closedValue: Money[]
  /** A partner with no introductions at all: drawn faintly so they can still be found (absent: false). */
  isolated?: boolean
  /** Saved position, when the user (or an earlier layout) placed this person. */
  x: number | null
  y: number | null
}

/** Introductions aggregated per directed (referrer -> receiver) pair; prospect edges are referrer -> prospect. */
export interface GraphEdgeData {
  source: string
  target: string
  kind: 'partner' | 'prospect'
  count: number
  won: number
  decided: number
  /** Won value (minor units) in the main currency only. */
  valueMinor: number
}

export interface GraphData {
  meId: string | null
  nodes: GraphNodeData[]
  edges: GraphEdgeData[]
  /** The network's average conversion of introductions to you, and the prior weight the quality score uses. */
  prior: { mean: number; weight: number }
  /** The main currency (the default currency setting): node size by value counts it only. */
  currency: string
}

export const GraphStatusFilter = z.union([IntroStatus, z.enum(['open', 'decided'])])

export const GraphFilters = z
  .object({
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    /** The network as it was on this date: introductions up to it, each with the status it had then. */
    asOf: IsoDate.optional(),
    groupId: Id.optional(),
    tag: Tag.optional(),
    kind: IntroKind.optional(),
    origin: IntroOrigin.optional(),
    status: GraphStatusFilter.optional(),
    prospects: z.boolean().default(false),
  })
  .strict()
export type GraphFilters = z.infer<typeof GraphFilters>

export const GraphPosition = z.object({ id: Id, x: z.number().finite(), y: z.number().finite() }).strict()

export const graphChannels = {
  /** The map: nodes and aggregated edges within the filters, with saved positions. */
  'graph:get': channel<GraphData>()(GraphFilters.optional().default({ prospects: false })),
  /** Saves node positions (a drag, or a whole layout) in one transaction. */
  'graph:savePositions': channel<{ saved: number }>()(
    z.object({ positions: z.array(GraphPosition).max(50_000) }).strict(),
  ),
  /** Forgets every saved position (the next open lays the map out again). */
  'graph:clearPositions': channel<{ cleared: number }>()(z.object({}).strict().optional().default({})),
  /** Writes an exported picture to `<dataDir>/exports/<name>` and returns where it went. */
  'graph:exportFile': channel<{ path: string; bytes: number }>()(
    z
      .object({
        format: z.enum(['png', 'svg']),
        /** base64 for PNG, the SVG text for SVG. */
        data: z.string().min(1).max(80_000_000),
        suggestedName: z.string().trim().min(1).max(120),
      })
      .strict(),
  ),
}
