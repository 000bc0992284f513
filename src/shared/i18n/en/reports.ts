/** English messages of the "reports" namespace (the source language: every key starts here). */
export default {
} as const
