/** English messages of the "shell" namespace (the source language: every key starts here). */
export default {
} as const
