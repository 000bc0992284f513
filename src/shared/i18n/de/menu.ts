import type { Catalog } from '../types'
import type en from '../en/menu'

/** German messages of the "menu" namespace: the same keys as English (the type checks it). */
const de: Catalog<typeof en> = {
  file: {
    title: '&Datei',
    newPerson: 'Neue Person…',
    recordIntroduction: 'Empfehlung erfassen…',
    importExport: 'Import / Export…',
    joinChapter: 'Einem Chapter beitreten…',
    newNetwork: 'Neues Netzwerk…',
    openNetwork: 'Netzwerk öffnen…',
    openRecent: 'Zuletzt geöffnet',
    noRecent: 'Keine zuletzt geöffneten Netzwerke',
    saveCopy: 'Kopie speichern unter…',
    exportPdf: 'Bericht als PDF exportieren…',
    close: 'Fenster schließen',
    quit: 'Beenden',
  },
  edit: {
    title: '&Bearbeiten',
    undo: 'Rückgängig',
    redo: 'Wiederholen',
    undoAction: 'Rückgängig: {{action}}',
    redoAction: 'Wiederholen: {{action}}',
    cut: 'Ausschneiden',
    copy: 'Kopieren',
    paste: 'Einfügen',
    pasteAndMatchStyle: 'Einfügen und Stil anpassen',
    delete: 'Löschen',
    selectAll: 'Alles auswählen',
  },
  view: {
    title: '&Ansicht',
    graph: 'Netzwerk',
    people: 'Personen',
    introductions: 'Empfehlungen',
    followup: 'Danken && nachfassen',
    reports: 'Berichte',
    files: 'Import / Export',
    settings: 'Einstellungen',
    back: 'Zurück',
    forward: 'Vorwärts',
    find: 'Suchen…',
    reload: 'Neu laden',
    devTools: 'Entwicklerwerkzeuge ein/aus',
    resetZoom: 'Originalgröße',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    fullScreen: 'Vollbild ein/aus',
  },
  window: {
    title: '&Fenster',
  },
  help: {
    title: '&Hilfe',
    about: 'Über Referral Map',
  },
  dialogs: {
    networkFiles: 'Referral-Map-Netzwerk',
    open: 'Netzwerk öffnen',
    new: 'Neues Netzwerk',
    saveCopy: 'Eine Kopie des Netzwerks speichern',
    exportPdf: 'Bericht als PDF exportieren',
    pdf: 'PDF',
  },
}
export default de
