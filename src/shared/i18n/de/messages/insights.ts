/** German for English messages (insights): shape (numbers as #, quoted text as “…”) -> German. See ../../messages.ts. */
const messages: Record<string, string> = {
  'Type at least one letter.': 'Geben Sie mindestens einen Buchstaben ein.',
  'Pick a person, or type a company or a profession (one of them).': 'Wählen Sie eine Person oder geben Sie eine Firma oder einen Beruf ein (eines davon).',
  'Set yourself as "me" on the People screen first: paths start from you.':
    'Legen Sie zuerst auf der Seite Personen fest, wer „ich“ ist: Wege beginnen bei Ihnen.',
  'That is you: pick someone else.': 'Das sind Sie: Wählen Sie jemand anderen.',
  'No one in your network works at a company matching “…”.': 'In Ihrem Netzwerk arbeitet niemand bei einer Firma, die zu “…” passt.',
  'No one in your network has a profession matching “…”.': 'In Ihrem Netzwerk hat niemand einen Beruf, der zu “…” passt.',
}
export default messages
