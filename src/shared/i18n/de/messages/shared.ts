/** German for English messages (shared schemas and errors): shape (numbers as #, quoted text as “…”) -> German. See ../../messages.ts. */
const messages: Record<string, string> = {
  'Enter text.': 'Text eingeben.',
  'At most # characters.': 'Höchstens # Zeichen.',
}
export default messages
