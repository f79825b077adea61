import type { mediatorsFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const mediatorsEn: Widen<typeof mediatorsFr> = {
  title: 'Mediators',
  intro:
    'Every complaint refusal, whole or partial, names the mediator in force on the day of the answer: the creditor’s own, else its sector’s, else the country’s. A change applies from a day, today or later; what was named before stays as it was.',
  caption: 'Mediators by scope, newest first',
  column: {
    scope: 'Scope',
    name: 'Name',
    address: 'Address',
    website: 'Website',
    validFrom: 'From',
    state: 'State',
    actions: 'Actions',
  },
  countries: { FR: 'France', IT: 'Italy' },
  countryDefault: 'default',
  sectors: {
    bank: 'banking',
    consumer_credit: 'consumer credit',
    energy: 'energy',
    housing: 'housing',
    other: 'other sector',
    telecom: 'telecommunications',
  },
  scope: '{{country}}, {{what}}',
  states: { inForce: 'In force', upcoming: 'Upcoming', past: 'Replaced' },
  editShort: 'Change',
  edit: 'Change: {{scope}}',
  form: {
    heading: 'Change the mediator ({{scope}})',
    name: 'Name',
    address: 'Postal address',
    website: 'Website',
    websiteHint: 'The full address, https://…',
    email: 'E-mail',
    validFrom: 'In force from',
    validFromHint: 'Today or a later day. The same day corrects that day’s row.',
    submit: 'Save',
    sending: 'Saving…',
    cancel: 'Cancel',
    saved: 'Mediator “{{name}}” saved, in force from {{date}}.',
  },
};
