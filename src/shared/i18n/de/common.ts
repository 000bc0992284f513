import type { Catalog } from '../types'
import type en from '../en/common'

/** German messages of the "common" namespace: the same keys as English (the type checks it). */
const de: Catalog<typeof en> = {
  close: 'Schließen',
  cancel: 'Abbrechen',
  save: 'Speichern',
  saving: 'Wird gespeichert…',
  edit: 'Bearbeiten',
  delete: 'Löschen',
  archive: 'Archivieren',
  open: 'Öffnen',
  undo: 'Rückgängig',
  loading: 'Wird geladen…',
  none: 'Keine',
  back: 'Zurück',
  redo: 'Wiederholen',
  dismiss: 'Ausblenden',
  status: {
    new: 'Neu',
    contacted: 'Kontaktiert',
    meeting: 'Termin',
    proposal: 'Angebot',
    won: 'Gewonnen',
    lost: 'Verloren',
    not_a_fit: 'Passt nicht',
  },
  statusWord: {
    new: 'neu',
    contacted: 'kontaktiert',
    meeting: 'Termin',
    proposal: 'Angebot',
    won: 'gewonnen',
    lost: 'verloren',
    not_a_fit: 'passt nicht',
  },
  kind: { referral: 'Empfehlung', introduction: 'Vorstellung', lead: 'Lead' },
  origin: { inbound: 'Eingehend', outbound: 'Ausgehend' },
  unsaved: {
    title: 'Ungespeicherte Änderungen',
    dialog: 'Ihre Änderungen in diesem Formular sind nicht gespeichert. Schließen und die Änderungen verwerfen?',
    leave: 'Ihre Änderungen auf dieser Seite sind nicht gespeichert. Verlassen und die Änderungen verwerfen?',
    discard: 'Änderungen verwerfen',
    keepEditing: 'Weiter bearbeiten',
  },
  table: {
    empty: 'Hier ist noch nichts.',
    pages: 'Seiten von {{table}}',
    range: '{{from}}–{{to}} von {{total}}',
    previous: 'Zurück',
    next: 'Weiter',
    rowMenu: 'Aktionen für die Zeile',
  },
}
export default de
