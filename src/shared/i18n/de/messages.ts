/**
 * German for the English sentences of field errors and backend messages, keyed by
 * their shape (numbers as #, quoted user text as “…”; see ../messages.ts).
 * test/core/i18n.test.ts checks that every key here is the shape of a message the code writes.
 */
const messages: Record<string, string> = {
  'Enter text.': 'Text eingeben.',
  'At most # characters.': 'Höchstens # Zeichen.',
}
export default messages
