/**
 * German for English messages (files): shape (numbers as #, quoted text as “…”) -> German. See ../../messages.ts.
 * Import problems (src/core/formats) and file errors (src/backend/services/files) that contain no file name.
 */
const messages: Record<string, string> = {
  // Recognised layouts (core/formats/mapping.ts); the product names stay.
  'Outlook (classic desktop export)': 'Outlook (Export der klassischen Desktop-App)',
  'Outlook (Outlook.com and the new Outlook)': 'Outlook (Outlook.com und das neue Outlook)',
  'Google Contacts (older "Google CSV")': 'Google Kontakte (älteres „Google CSV“)',
  'Google Contacts': 'Google Kontakte',
  'LinkedIn Connections': 'LinkedIn-Kontakte',
  'Referral Map people export': 'Referral-Map-Export der Personen',
  'Referral Map introductions export': 'Referral-Map-Export der Empfehlungen',
  // Import problems, per cell
  'No name.': 'Kein Name.',
  'No prospect.': 'Kein Interessent.',
  'No receiver.': 'Kein Empfänger.',
  'No referrer.': 'Kein Empfehlungsgeber.',
  'Longer than # characters.': 'Länger als # Zeichen.',
  'Card has no name, company or email.': 'Die Karte hat weder Namen noch Unternehmen noch E-Mail.',
  'Referrer and receiver are the same person.': 'Empfehlungsgeber und Empfänger sind dieselbe Person.',
  'Use a three-letter currency code.': 'Verwenden Sie einen dreistelligen Währungscode.',
  'Warmth is # to #.': 'Die Wärme ist # bis #.',
  'Choose the column that holds the name.': 'Wählen Sie die Spalte, die den Namen enthält.',
  // Whole-file problems
  'No vCard (BEGIN:VCARD … END:VCARD) found in the file.': 'Keine vCard (BEGIN:VCARD … END:VCARD) in der Datei gefunden.',
  'No contact cards found: a vCard file has BEGIN:VCARD … END:VCARD blocks.':
    'Keine Kontaktkarten gefunden: eine vCard-Datei besteht aus Blöcken BEGIN:VCARD … END:VCARD.',
  'No header row found: the first line of the table should name its columns.':
    'Keine Kopfzeile gefunden: die erste Zeile der Tabelle sollte ihre Spalten benennen.',
  'The file is empty.': 'Die Datei ist leer.',
  'This JSON file is not a Referral Map network export.': 'Diese JSON-Datei ist kein Netzwerkexport von Referral Map.',
  'This file holds binary data, not text: choose a CSV or vCard file.': 'Diese Datei enthält Binärdaten, keinen Text: wählen Sie eine CSV- oder vCard-Datei.',
  'This is a PDF, not a CSV file.': 'Das ist ein PDF, keine CSV-Datei.',
  'This is a database file: open it with Open network, or merge it from the network page.':
    'Das ist eine Datenbankdatei: öffnen Sie sie mit Netzwerk öffnen oder führen Sie sie unter Netzwerkdateien zusammen.',
  'This is a zip archive or an Excel/Numbers workbook, not a CSV file: save it as CSV (UTF#) first.':
    'Das ist ein ZIP-Archiv oder eine Excel-/Numbers-Arbeitsmappe, keine CSV-Datei: speichern Sie sie zuerst als CSV (UTF#).',
  'This is an old Excel workbook (.xls), not a CSV file: save it as CSV (UTF#) first.':
    'Das ist eine alte Excel-Arbeitsmappe (.xls), keine CSV-Datei: speichern Sie sie zuerst als CSV (UTF#).',
  'This export is format version #; this app reads up to version #. Update the app.':
    'Dieser Export hat die Formatversion #; diese App liest bis Version #. Aktualisieren Sie die App.',
  'The import was cancelled; nothing was written.': 'Der Import wurde abgebrochen; nichts wurde geschrieben.',
  'Cancelled; no file was opened or written.': 'Abgebrochen; keine Datei wurde geöffnet oder geschrieben.',
  // Network files and backups
  'Give a file name (a network in the data folder).': 'Geben Sie einen Dateinamen an (ein Netzwerk im Datenordner).',
  'Not a backup name.': 'Kein Name einer Sicherung.',
  'That is the open network itself; pick another name.': 'Das ist das geöffnete Netzwerk selbst; wählen Sie einen anderen Namen.',
  'Keep at least # backup.': 'Behalten Sie mindestens # Sicherung.',
}
export default messages
