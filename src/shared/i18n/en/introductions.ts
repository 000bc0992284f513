/** English messages of the "introductions" namespace (the source language: every key starts here). */
export default {
} as const
