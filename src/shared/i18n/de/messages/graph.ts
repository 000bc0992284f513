/** German for English messages (graph): shape (numbers as #, quoted text as “…”) -> German. See ../../messages.ts. */
const messages: Record<string, string> = {
  'The picture is not base# data.': 'Das Bild ist keine Base#-Angabe.',
  'The picture is not a PNG image.': 'Das Bild ist kein PNG-Bild.',
  'The drawing is not an SVG document.': 'Die Zeichnung ist kein SVG-Dokument.',
  'The export was cancelled; no file was written.': 'Der Export wurde abgebrochen; es wurde keine Datei geschrieben.',
  'The layout failed.': 'Die Anordnung ist fehlgeschlagen.',
  'This browser cannot draw the picture (no #D canvas).': 'Dieser Browser kann das Bild nicht zeichnen (kein #D-Canvas).',
  'The picture could not be encoded as PNG.': 'Das Bild konnte nicht als PNG gespeichert werden.',
}
export default messages
