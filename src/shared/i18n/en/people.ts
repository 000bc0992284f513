/** English messages of the "people" namespace (the source language: every key starts here). */
export default {
} as const
