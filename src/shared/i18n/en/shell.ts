/** English messages of the "shell" namespace: the app frame, first run, About, toasts, undo/redo (the source language: every key starts here). */
export default {
  nav: {
    /** The Ctrl key as keyboards in this language label it (⌘ on macOS is not translated). */
    ctrl: 'Ctrl+',
    label: 'Main',
    graph: 'Network',
    people: 'People',
    introductions: 'Introductions',
    followup: 'Thank & follow up',
    reports: 'Reports',
    files: 'Import/Export',
    insights: 'Insights',
    settings: 'Settings',
    withKey: '{{label}} ({{key}})',
    about: 'About Referral Map',
  },
  brand: 'Referral Map',
  you: 'You: <b>{{name}}</b>',
  meNotSet: 'not set',
  opening: 'Opening your network…',
  openFailed: 'The network could not be opened',
  about: {
    title: 'About Referral Map',
    intro: 'Referral Map keeps track of who introduced whom in your referral network.',
    version: 'Version',
    network: 'Network',
    dataFile: 'Data file',
    schemaVersion: 'Schema version',
  },
  welcome: {
    title: 'Welcome to Referral Map',
    intro:
      'Keep track of who sends you business, which introductions turn into clients, and who you owe a thank-you or an introduction. Everything stays in one file on this computer.',
    emptyTitle: 'Start empty',
    emptyText: 'Begin with just you, then add your referral partners and the introductions they make.',
    emptyButton: 'Start empty',
    sampleTitle: 'Explore a sample network',
    sampleText:
      'A made-up network of about 300 people and two years of introductions, to see what the app shows. You can start your own network later in a new data folder.',
    sampleButton: 'Explore a sample network',
    sampleBuilding: 'Building the sample network…',
    sampleLoaded: 'Sample loaded: {{people}} people, {{introductions}} introductions.',
    nameTitle: 'What is your name?',
    name: 'Your name',
    nameHint: 'You are the owner of this network: introductions you receive are recorded with you as the receiver.',
    aboutYou: 'About you (optional)',
    aboutYouText:
      'Your messages asking for introductions and introducing people use these. Leave them empty to skip; you can fill them in later under Settings.',
    profession: 'What you do (your profession)',
    company: 'Your company',
    idealClient: 'Your ideal client',
    peopleLikeMe: 'People like you (who a good introduction for you is)',
    start: 'Start',
  },
  toast: {
    dismiss: 'Dismiss',
  },
  history: {
    undone: 'Undone: {{action}}',
    redone: 'Redone: {{action}}',
  },
} as const
