import type { searchFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Italian texts of the search box and the search page (merged into it.ts as `search`). */
export const searchIt: Widen<typeof searchFr> = {
  label: 'Cerca una pratica',
  open: 'Cerca',
  placeholder: 'Riferimento, nome, telefono, e-mail, IBAN, CAP',
  shortcut: 'Scorciatoia: / o Ctrl+K',
  searching: 'Ricerca in corso…',
  tooShort: 'Digitate almeno 2 caratteri.',
  none: 'Nessuna pratica corrisponde a «{{q}}».',
  found_one: '{{count}} pratica trovata.',
  found_other: '{{count}} pratiche trovate.',
  more: 'Altre pratiche corrispondono: precisate la ricerca.',
  seeAll: 'Vedi tutti i risultati per «{{q}}»',
  kinds: {
    reference: 'Riferimenti',
    name: 'Nomi',
    phone: 'Telefoni',
    email: 'E-mail',
    iban: 'IBAN',
    postalCode: 'CAP',
  },
  fields: {
    caseReference: 'Riferimento della pratica',
    claimReference: 'Riferimento del credito',
    creditorReference: 'Riferimento del creditore',
    name: 'Nome',
    phone: 'Telefono',
    email: 'E-mail',
    iban: 'IBAN',
    postalCode: 'CAP',
  },
  page: {
    title: 'Ricerca',
    heading: 'Ricerca',
    intro:
      'Trovate una pratica dall’inizio di un riferimento, di un nome, di un numero di telefono, di un’e-mail, di un IBAN o di un CAP.',
    inboundTitle: 'Chiamata in arrivo',
    inboundHeading: 'Chiamata in arrivo dal {{phone}}',
    inboundIntro: 'Le pratiche dei debitori raggiungibili a questo numero. Verificate prima l’identità della persona.',
    inboundNone: 'Nessun debitore ha questo numero: cercate la persona per nome o per riferimento.',
    submit: 'Cerca',
    open: 'Apri la pratica {{reference}}',
  },
};
