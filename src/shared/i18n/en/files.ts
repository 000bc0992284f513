/** English messages of the "files" namespace (the source language: every key starts here). */
export default {
} as const
