import { z } from 'zod'
import { channel } from '../channel'
import { Id } from '../schemas'
import { PeriodInput, type ResolvedPeriod } from './analytics'

/** Contract slice for the insights feature: warm paths, brokers, communities, power teams, meetings, predictors. */

export interface IntroducerPath {
  /** Person ids from you to the target. */
  path: string[]
  names: string[]
  /** Product of the hops' strengths and the intermediaries' records, 0..1. */
  score: number
  /** The person you would ask (path[1]). */
  askId: string
  /** The explanation in English (files, logs); screens build it in the user's language from `explain`. */
  why: string
  explain: PathExplain
}

/** One hop of a path (names[i] -> names[i+1]): what ties them. */
export interface PathHop {
  introductions: number
  contacts: number
  /** Introductions went both ways. */
  bothWays: boolean
  /** The last introduction or contact (YYYY-MM-DD), or null when none is known. */
  last: string | null
}

/** The parts of a path's one-sentence explanation. */
export interface PathExplain {
  hops: PathHop[]
  /** The record of the person you would ask (share 0..1 after weighing toward the network), or null when none of theirs is decided. */
  record: { share: number; won: number; decided: number } | null
  /** The network's close rate every record is weighed toward, 0..1. */
  prior: number
}

export interface IntroducersResult {
  /** The people the query matched (at most 20 listed), and how many there are. */
  targets: { id: string; name: string; company: string | null; profession: string | null }[]
  targetCount: number
  paths: IntroducerPath[]
}

export interface BrokerItem {
  personId: string
  name: string
  profession: string | null
  company: string | null
  /** Share of shortest paths between two other people (you left out) that run through them, 0..1. */
  betweenness: number
}

export interface BrokersResult {
  items: BrokerItem[]
  /** False above the exact limit: the values are estimated from `sources` sampled people. */
  exact: boolean
  sources: number
  people: number
}

export interface Community {
  /** 1 = the largest. */
  rank: number
  name: string
  size: number
  colour: string
  memberIds: string[]
  core: { personId: string; name: string }[]
  professions: { profession: string; count: number }[]
}

export interface CommunitiesResult {
  communities: Community[]
  unclustered: number
  modularity: number
}

export interface Flow {
  from: string
  to: string
  count: number
  won: number
  decided: number
  conversion: number | null
}

export interface Sphere {
  professions: string[]
  partners: number
  introductions: number
}

export interface Gap {
  profession: string
  won: number
  decided: number
  conversion: number | null
  sentTo: string[]
  people: { personId: string; name: string }[]
}

export interface PowerTeams {
  flows: Flow[]
  spheres: Sphere[]
  gaps: Gap[]
}

export interface MeetingSuggestion {
  aId: string
  aName: string
  aProfession: string
  bId: string
  bName: string
  bProfession: string
  count: number
  won: number
  decided: number
  score: number
  reason: string
}

export type Factor = 'warmth' | 'needsService' | 'fitsProfile' | 'accepted' | 'kind' | 'origin'

export interface PredictorRow {
  factor: Factor
  value: string
  label: string
  won: number
  decided: number
  restWon: number
  restDecided: number
  enough: boolean
  conversion: number | null
  low: number | null
  high: number | null
  restConversion: number | null
  difference: number | null
  differenceLow: number | null
  differenceHigh: number | null
}

export interface PredictorsResult {
  period: ResolvedPeriod
  /** Below this many decided introductions (in the value, or in the rest) no rate is given. */
  minDecided: number
  won: number
  decided: number
  rows: PredictorRow[]
}

const Query = z.string().trim().min(1, 'Type at least one letter.').max(200)

export const IntroducersInput = z
  .object({
    targetId: Id.optional(),
    company: Query.optional(),
    profession: Query.optional(),
    limit: z.number().int().min(1).max(50).default(10),
  })
  .strict()
  .refine((v) => [v.targetId, v.company, v.profession].filter((x) => x !== undefined).length === 1, {
    message: 'Pick a person, or type a company or a profession (one of them).',
    path: ['targetId'],
  })

const Empty = z.object({}).strict().optional().default({})

export const insightsChannels = {
  /** Best warm paths from you to a person, or to anyone at a company or in a profession. */
  'insights:introducers': channel<IntroducersResult>()(IntroducersInput),
  /** People who connect otherwise separate parts of your network, highest betweenness first. */
  'insights:brokers': channel<BrokersResult>()(
    z.object({ limit: z.number().int().min(1).max(500).default(25) }).strict().optional().default({ limit: 25 }),
  ),
  'insights:communities': channel<CommunitiesResult>()(Empty),
  'insights:powerTeams': channel<PowerTeams>()(Empty),
  'insights:suggestMeetings': channel<{ items: MeetingSuggestion[] }>()(Empty),
  'insights:predictors': channel<PredictorsResult>()(
    z
      .object({ period: PeriodInput.optional().default({ preset: 'all' }) })
      .strict()
      .optional()
      .default({ period: { preset: 'all' } }),
  ),
}
