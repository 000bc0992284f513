/** English messages of the "followup" namespace (the source language: every key starts here). */
export default {
} as const
