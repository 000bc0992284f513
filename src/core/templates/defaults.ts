import type { Templates } from './render'

/** The templates a new network starts with; editable in Settings. Written for this app. */
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
