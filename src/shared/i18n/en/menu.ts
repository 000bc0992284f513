/** English messages of the "menu" namespace (the source language: every key starts here). */
export default {
} as const
