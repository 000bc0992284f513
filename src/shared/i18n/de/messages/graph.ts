/** German for English messages (graph): shape (numbers as #, quoted text as “…”) -> German. See ../../messages.ts. */
const messages: Record<string, string> = {
}
export default messages
