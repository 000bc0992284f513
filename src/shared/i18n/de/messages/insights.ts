/** German for English messages (insights): shape (numbers as #, quoted text as “…”) -> German. See ../../messages.ts. */
const messages: Record<string, string> = {
}
export default messages
