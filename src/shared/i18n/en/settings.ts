/** English messages of the "settings" namespace (the source language: every key starts here). */
export default {
} as const
