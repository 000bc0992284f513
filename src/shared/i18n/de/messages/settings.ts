/**
 * German for English messages (settings): shape (numbers as #, quoted text as “…”) -> German. See ../../messages.ts.
 * The schema messages themselves are in ./shared; the backend names the setting first ("Time zone: ...").
 */
const messages: Record<string, string> = {
  'Time zone: Not a time zone (for example Europe/Paris).': 'Zeitzone: Keine Zeitzone (zum Beispiel Europe/Berlin).',
  'Time zone: Enter a time zone such as Europe/Paris.': 'Zeitzone: Geben Sie eine Zeitzone wie Europe/Berlin ein.',
  'Default currency: Use a three-letter currency code such as EUR or USD.': 'Standardwährung: Verwenden Sie einen dreistelligen Währungscode wie EUR oder USD.',
  'Region: Not a region (for example de-DE or en-GB).': 'Region: Keine Region (zum Beispiel de-DE oder en-GB).',
  'Language: Choose English or Deutsch.': 'Sprache: Wählen Sie English oder Deutsch.',
  'Follow up an unanswered ask after (days): At most # days.': 'Bei unbeantworteter Bitte nachfassen nach (Tagen): Höchstens # Tage.',
  'Default keep-in-touch cadence (days): At most # days.': 'Standard-Kontaktrhythmus (Tage): Höchstens # Tage.',
  'Backups to keep: At most # backups.': 'Zu behaltende Sicherungen: Höchstens # Sicherungen.',
}
export default messages
