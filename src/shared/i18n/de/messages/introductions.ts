/** German for English messages (introductions): shape (numbers as #, quoted text as “…”) -> German. See ../../messages.ts. */
const messages: Record<string, string> = {
  // src/renderer/src/features/introductions/IntroForm.tsx (the form's schema)
  'Choose who made the introduction.': 'Wählen Sie, wer die Empfehlung gegeben hat.',
  'Choose who received it.': 'Wählen Sie, wer sie erhalten hat.',
  'Choose the person introduced, or type a new name.': 'Wählen Sie die vorgestellte Person oder geben Sie einen neuen Namen ein.',
  'Enter an amount, e.g. # or #.': 'Geben Sie einen Betrag ein, z. B. # oder #.',
  // src/shared/channels/foundation.ts
  'Warmth is # to #.': 'Die Wärme ist # bis #.',
  // src/backend/services/introductions.ts
  'The referrer and the receiver must be different people.': 'Empfehlungsgeber und Empfänger müssen verschiedene Personen sein.',
  'The person introduced must differ from the referrer and the receiver.': 'Die vorgestellte Person muss sich vom Empfehlungsgeber und vom Empfänger unterscheiden.',
  'The status date cannot be before the introduction date.': 'Das Statusdatum darf nicht vor dem Datum der Empfehlung liegen.',
  'The introduction date cannot be after its current status date.': 'Das Datum der Empfehlung darf nicht nach ihrem aktuellen Statusdatum liegen.',
  "The first entry is the introduction's own date: change it with Edit.": 'Der erste Eintrag ist das Datum der Empfehlung selbst: Ändern Sie es mit „Bearbeiten“.',
  'The "won" date cannot be after today (###): record it once it has happened.': 'Das Datum für „gewonnen“ darf nicht nach heute (###) liegen: Erfassen Sie es, wenn es passiert ist.',
  'The "lost" date cannot be after today (###): record it once it has happened.': 'Das Datum für „verloren“ darf nicht nach heute (###) liegen: Erfassen Sie es, wenn es passiert ist.',
  'The "not a fit" date cannot be after today (###): record it once it has happened.': 'Das Datum für „passt nicht“ darf nicht nach heute (###) liegen: Erfassen Sie es, wenn es passiert ist.',
}
export default messages
