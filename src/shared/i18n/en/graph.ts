/** English messages of the "graph" namespace (the source language: every key starts here). */
export default {
} as const
