import type { z } from 'zod'

/** One contract entry: the zod schema the main process validates input with, and the output type. */
export interface ChannelDef<I extends z.ZodType, O> {
  input: I
  /** Phantom: carries the output type only. */
  output: O
}

/** `channel<Output>()(inputSchema)`: curried so the input type is inferred and the output named. */
export const channel =
  <O>() =>
  <I extends z.ZodType>(input: I): ChannelDef<I, O> => ({ input, output: undefined as unknown as O })
