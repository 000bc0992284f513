import type { Templates } from './render'

/** The templates a new network starts with, in English; editable in Settings. Written for this app. */
export const DEFAULT_TEMPLATES: Templates = {
  thank: {
    subject: 'Thank you for introducing {prospect.name}',
    body: [
      'Hi {partner.firstName},',
      '',
      'I wanted you to know that {prospect.name} ({prospect.company}) is now a client. That only happened because you put us in touch, and I am grateful for the trust you showed in me.',
      '',
      'If there is anyone I can connect you with in return, tell me and I will make it happen.',
      '',
      'With thanks,',
      '{me.name}',
    ].join('\n'),
  },
  ask: {
    subject: 'A quick question, {prospect.firstName}',
    body: [
      'Hi {prospect.firstName},',
      '',
      'Thank you again for choosing to work with me. I am glad we got started.',
      '',
      'Most of my work comes through people who were happy with it, so I have a small request. Do you know someone who might benefit in the same way? The people I help best are {me.peopleLikeMe}. In short, my ideal client is: {me.idealClient}',
      '',
      'If a name comes to mind, I would be glad of an introduction, and I promise to look after them as well as I look after you.',
      '',
      'Best regards,',
      '{me.name}',
    ].join('\n'),
  },
  introduction: {
    subject: 'Introduction: {prospect.name}, meet {partner.name}',
    body: [
      'Hi {prospect.firstName} and {partner.firstName},',
      '',
      'This email is an introduction: I think the two of you should talk.',
      '',
      '{prospect.firstName}, {partner.name} is a {partner.profession} at {partner.company}. I know {partner.firstName} through {partner.howMet}, and I have seen the results first-hand. {partner.firstName} works best with {partner.idealClient}',
      '',
      '{partner.firstName}, {prospect.name} is {prospect.profession} at {prospect.company}, and is looking for the kind of help you give.',
      '',
      'What you have in common: {introduction.common}',
      '',
      'I will let you take it from here. A short call or a coffee would be a good start.',
      '',
      'All the best,',
      '{me.name}',
    ].join('\n'),
  },
}

/** The same three templates in German (the same placeholders), for a network whose language is Deutsch. */
export const DEFAULT_TEMPLATES_DE: Templates = {
  thank: {
    subject: 'Danke für die Empfehlung von {prospect.name}',
    body: [
      'Hallo {partner.firstName},',
      '',
      'ich möchte Ihnen sagen, dass {prospect.name} ({prospect.company}) jetzt mein Kunde ist. Dazu kam es nur, weil Sie uns zusammengebracht haben, und ich danke Ihnen für das Vertrauen, das Sie mir damit geschenkt haben.',
      '',
      'Wenn ich Sie im Gegenzug mit jemandem bekannt machen kann, sagen Sie es mir, und ich kümmere mich darum.',
      '',
      'Herzlichen Dank und viele Grüße',
      '{me.name}',
    ].join('\n'),
  },
  ask: {
    subject: 'Eine kurze Frage, {prospect.firstName}',
    body: [
      'Hallo {prospect.firstName},',
      '',
      'nochmals danke, dass Sie sich für die Zusammenarbeit mit mir entschieden haben. Ich freue mich, dass wir angefangen haben.',
      '',
      'Die meisten meiner Aufträge kommen über Menschen, die mit meiner Arbeit zufrieden waren. Darum habe ich eine kleine Bitte: Kennen Sie jemanden, dem ich auf die gleiche Weise helfen könnte? Am besten helfen kann ich {me.peopleLikeMe}. Kurz gesagt, meine idealen Kunden sind: {me.idealClient}',
      '',
      'Wenn Ihnen jemand einfällt, freue ich mich über eine Vorstellung, und ich verspreche, mich um diese Person so gut zu kümmern wie um Sie.',
      '',
      'Beste Grüße',
      '{me.name}',
    ].join('\n'),
  },
  introduction: {
    subject: 'Vorstellung: {prospect.name} und {partner.name}',
    body: [
      'Hallo {prospect.firstName}, hallo {partner.firstName},',
      '',
      'mit dieser E-Mail möchte ich Sie beide bekannt machen: Ich glaube, Sie sollten miteinander sprechen.',
      '',
      '{prospect.firstName}, {partner.name} ist {partner.profession} bei {partner.company}. Ich kenne {partner.firstName} über {partner.howMet} und habe die Ergebnisse selbst gesehen. Am besten arbeitet {partner.firstName} mit {partner.idealClient}',
      '',
      '{partner.firstName}, {prospect.name} ist {prospect.profession} bei {prospect.company} und sucht genau die Unterstützung, die Sie anbieten.',
      '',
      'Was Sie verbindet: {introduction.common}',
      '',
      'Ab hier überlasse ich Ihnen das Gespräch. Ein kurzes Telefonat oder ein Kaffee wäre ein guter Anfang.',
      '',
      'Viele Grüße',
      '{me.name}',
    ].join('\n'),
  },
}

/** The built-in templates for the app's language ('de': German; any other: English). */
export function defaultTemplates(language: string): Templates {
  return language === 'de' ? DEFAULT_TEMPLATES_DE : DEFAULT_TEMPLATES
}
