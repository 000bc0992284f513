import type { Catalog } from '../types'
import type en from '../en/shell'

/** German messages of the "shell" namespace: the same keys as English (the type checks it). */
const de: Catalog<typeof en> = {
  nav: {
    /** The Ctrl key as keyboards in this language label it (⌘ on macOS is not translated). */
    ctrl: 'Strg+',
    label: 'Hauptmenü',
    graph: 'Netzwerk',
    people: 'Personen',
    introductions: 'Empfehlungen',
    followup: 'Danken & nachfassen',
    reports: 'Berichte',
    files: 'Import/Export',
    insights: 'Einblicke',
    settings: 'Einstellungen',
    withKey: '{{label}} ({{key}})',
    about: 'Über Referral Map',
  },
  brand: 'Referral Map',
  you: 'Sie: <b>{{name}}</b>',
  meNotSet: 'nicht festgelegt',
  opening: 'Ihr Netzwerk wird geöffnet…',
  openFailed: 'Das Netzwerk konnte nicht geöffnet werden',
  about: {
    title: 'Über Referral Map',
    intro: 'Referral Map hält fest, wer wen in Ihrem Empfehlungsnetzwerk vorgestellt hat.',
    version: 'Version',
    network: 'Netzwerk',
    dataFile: 'Datendatei',
    schemaVersion: 'Schemaversion',
  },
  welcome: {
    title: 'Willkommen bei Referral Map',
    intro:
      'Behalten Sie im Blick, wer Ihnen Geschäft bringt, welche Empfehlungen zu Kunden werden und wem Sie einen Dank oder eine Empfehlung schulden. Alles bleibt in einer Datei auf diesem Computer.',
    emptyTitle: 'Leer beginnen',
    emptyText: 'Beginnen Sie nur mit sich selbst und fügen Sie dann Ihre Empfehlungspartner und deren Empfehlungen hinzu.',
    emptyButton: 'Leer beginnen',
    sampleTitle: 'Ein Beispielnetzwerk erkunden',
    sampleText:
      'Ein erfundenes Netzwerk mit etwa 300 Personen und zwei Jahren Empfehlungen, um zu sehen, was die App zeigt. Ihr eigenes Netzwerk können Sie später in einem neuen Datenordner beginnen.',
    sampleButton: 'Ein Beispielnetzwerk erkunden',
    sampleBuilding: 'Das Beispielnetzwerk wird erstellt…',
    sampleLoaded: 'Beispiel geladen: {{people}} Personen, {{introductions}} Empfehlungen.',
    nameTitle: 'Wie heißen Sie?',
    name: 'Ihr Name',
    nameHint: 'Sie sind Inhaber dieses Netzwerks: Empfehlungen, die Sie erhalten, werden mit Ihnen als Empfänger erfasst.',
    aboutYou: 'Über Sie (optional)',
    aboutYouText:
      'Ihre Nachrichten, mit denen Sie um Empfehlungen bitten und Personen vorstellen, verwenden diese Angaben. Lassen Sie sie leer, um sie zu überspringen; Sie können sie später unter Einstellungen ausfüllen.',
    profession: 'Was Sie tun (Ihr Beruf)',
    company: 'Ihr Unternehmen',
    idealClient: 'Ihr idealer Kunde',
    peopleLikeMe: 'Menschen wie Sie (wer eine gute Empfehlung für Sie ist)',
    start: 'Beginnen',
  },
  toast: {
    dismiss: 'Ausblenden',
  },
  history: {
    undone: 'Rückgängig gemacht: {{action}}',
    redone: 'Wiederholt: {{action}}',
  },
}
export default de
