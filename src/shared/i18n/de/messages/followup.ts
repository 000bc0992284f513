/** German for English messages (followup): shape (numbers as #, quoted text as “…”) -> German. See ../../messages.ts. */
const messages: Record<string, string> = {
  'Enter a title.': 'Geben Sie einen Titel ein.',
  'The email is empty.': 'Die E-Mail ist leer.',
  'At least # day.': 'Mindestens # Tag.',
  'At most # days.': 'Höchstens # Tage.',
  'The interaction was not saved.': 'Der Kontakt wurde nicht gespeichert.',
  'Say who you are first (People: set yourself as "me").': 'Sagen Sie zuerst, wer Sie sind (Personen: sich selbst als „ich“ festlegen).',
  'Pick a partner other than yourself.': 'Wählen Sie einen Partner, der nicht Sie selbst ist.',
  'Pick someone other than yourself to introduce.': 'Wählen Sie zum Vorstellen jemand anderen als sich selbst.',
  'The partner and the person must be different people.': 'Partner und vorzustellende Person müssen verschiedene Personen sein.',
  'Only an ask can be marked answered.': 'Nur eine Bitte um Empfehlung kann als beantwortet markiert werden.',
  'Only an open task can be snoozed.': 'Nur eine offene Wiedervorlage kann verschoben werden.',
  'Follow up your ask to “…”': 'Bei “…” wegen der Empfehlung nachfassen',
  'Only mailto: links made by the app can be opened.': 'Nur mailto:-Links, die die App erstellt hat, können geöffnet werden.',
}
export default messages
