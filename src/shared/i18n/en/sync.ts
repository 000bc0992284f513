/** English messages of the "sync" namespace (the source language: every key starts here). */
export default {
} as const
