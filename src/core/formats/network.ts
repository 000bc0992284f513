import { z } from 'zod'
import { AppError } from '../../shared/errors'
import { filterSettings } from '../../shared/settings'

/**
 * The JSON network format, version 1. Every table is a list of rows with
 * camelCase keys mirroring the stored columns (derived search keys left out);
 * introductions carry their status history. Ids are kept, so importing into an
 * empty network gives back the identical network.
 */
export const NETWORK_FORMAT = 'referral-map'
export const NETWORK_FORMAT_VERSION = 1

const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()])
const Row = z.record(z.string(), Cell)
const rowWith = <T extends z.ZodRawShape>(shape: T) => z.object(shape).catchall(Cell)
const Id = z.string().min(1)

export const NetworkJsonSchema = z.object({
  format: z.literal(NETWORK_FORMAT),
  version: z.number().int(),
  exportedAt: z.string(),
  people: z.array(rowWith({ id: Id, name: z.string().min(1) })),
  groups: z.array(rowWith({ id: Id, name: z.string().min(1) })).default([]),
  memberships: z.array(rowWith({ groupId: Id, personId: Id })).default([]),
  tags: z.array(z.object({ personId: Id, tag: z.string().min(1) })).default([]),
  introductions: z
    .array(
      z.object({ id: Id, referrerId: Id, receiverId: Id, prospectId: Id, history: z.array(Row).default([]) }).catchall(z.union([Cell, z.array(Row)])),
    )
    .default([]),
  interactions: z.array(rowWith({ id: Id, personId: Id })).default([]),
  tasks: z.array(rowWith({ id: Id })).default([]),
  /** Only settings the registry knows, each valid by its schema; anything else in the file is left out. */
  settings: z
    .record(z.string(), z.unknown())
    .default({})
    .transform((raw) => filterSettings(raw).values),
})

export type NetworkRow = Record<string, string | number | boolean | null>
/** An introduction row plus its status history. */
export type NetworkIntro = { [k: string]: string | number | boolean | null | NetworkRow[]; history: NetworkRow[] }
export interface NetworkJson {
  format: typeof NETWORK_FORMAT
  version: number
  exportedAt: string
  people: NetworkRow[]
  groups: NetworkRow[]
  memberships: NetworkRow[]
  tags: { personId: string; tag: string }[]
  introductions: NetworkIntro[]
  interactions: NetworkRow[]
  tasks: NetworkRow[]
  settings: Record<string, unknown>
}

export const snakeToCamel = (s: string): string => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
export const camelToSnake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

export function rowToCamel(row: Record<string, unknown>, drop: readonly string[] = []): NetworkRow {
  const out: NetworkRow = {}
  for (const [k, v] of Object.entries(row)) {
    if (drop.includes(k)) continue
    out[snakeToCamel(k)] = v === undefined ? null : (v as string | number | null)
  }
  return out
}

export function stringifyNetwork(n: NetworkJson): string {
  return JSON.stringify(n, null, 2) + '\n'
}

/** Parses and checks a JSON network; anything else is an INVALID_FILE AppError, never a raw exception. */
export function parseNetworkJson(text: string): NetworkJson {
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new AppError('INVALID_FILE', `Not a JSON file (${(e as Error).message}).`)
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== NETWORK_FORMAT)
    throw new AppError('INVALID_FILE', 'This JSON file is not a Referral Map network export.')
  const v = (raw as { version?: unknown }).version
  if (typeof v === 'number' && v > NETWORK_FORMAT_VERSION)
    throw new AppError('INVALID_FILE', `This export is format version ${v}; this app reads up to version ${NETWORK_FORMAT_VERSION}. Update the app.`)
  const parsed = NetworkJsonSchema.safeParse(raw)
  if (!parsed.success) {
    const i = parsed.error.issues[0]
    throw new AppError('INVALID_FILE', `The network export is damaged at ${i?.path.join('.') ?? '?'}: ${i?.message ?? 'invalid'}.`)
  }
  return parsed.data as NetworkJson
}
