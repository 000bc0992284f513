/** English messages of the "insights" namespace (the source language: every key starts here). */
export default {
} as const
