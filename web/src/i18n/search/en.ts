import type { searchFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English texts of the search box and the search page (merged into en.ts as `search`). */
export const searchEn: Widen<typeof searchFr> = {
  label: 'Search for a case',
  open: 'Search',
  placeholder: 'Reference, name, phone, e-mail, IBAN, postal code',
  shortcut: 'Shortcut: / or Ctrl+K',
  searching: 'Searching…',
  tooShort: 'Type at least 2 characters.',
  none: 'No case matches “{{q}}”.',
  found_one: '{{count}} case found.',
  found_other: '{{count}} cases found.',
  more: 'More cases match: type more to narrow the search.',
  seeAll: 'See all results for “{{q}}”',
  kinds: {
    reference: 'References',
    name: 'Names',
    phone: 'Phones',
    email: 'E-mails',
    iban: 'IBANs',
    postalCode: 'Postal codes',
  },
  fields: {
    caseReference: 'Case reference',
    claimReference: 'Claim reference',
    creditorReference: 'Creditor’s reference',
    name: 'Name',
    phone: 'Phone',
    email: 'E-mail',
    iban: 'IBAN',
    postalCode: 'Postal code',
  },
  page: {
    title: 'Search',
    heading: 'Search',
    intro: 'Find a case by the start of a reference, a name, a phone number, an e-mail, an IBAN or a postal code.',
    inboundTitle: 'Inbound call',
    inboundHeading: 'Inbound call from {{phone}}',
    inboundIntro: 'The cases of the debtors reachable at this number. Check who you are speaking to first.',
    inboundNone: 'No debtor has this number: look the person up by name or by a reference.',
    submit: 'Search',
    open: 'Open case {{reference}}',
  },
};
