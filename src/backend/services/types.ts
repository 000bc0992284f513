import type { z } from 'zod'
import type { ChannelDef } from '../../shared/channel'
import type { Channel, Contract, Output, ParsedInput } from '../../shared/contract'

export type Handler<K extends Channel> = (input: ParsedInput<K>) => Output<K> | Promise<Output<K>>
export type Handlers = { [K in Channel]: Handler<K> }

/** Handlers for one feature's slice of the contract. */
export type SliceHandlers<S extends Record<string, ChannelDef<z.ZodType, unknown>>> = {
  [K in keyof S]: S[K] extends ChannelDef<infer I, infer O> ? (input: z.output<I>) => O | Promise<O> : never
}

export type { Contract }
