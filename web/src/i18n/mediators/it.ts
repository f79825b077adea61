import type { mediatorsFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const mediatorsIt: Widen<typeof mediatorsFr> = {
  title: 'Mediatori',
  intro:
    'Ogni rigetto di un reclamo, totale o parziale, indica il mediatore in vigore il giorno della risposta: quello del creditore, altrimenti quello del suo settore, altrimenti quello del paese. Una modifica vale da un giorno, oggi o successivo; quanto indicato prima resta com’era.',
  caption: 'Mediatori per ambito, dal più recente',
  column: {
    scope: 'Ambito',
    name: 'Nome',
    address: 'Indirizzo',
    website: 'Sito',
    validFrom: 'Dal',
    state: 'Stato',
    actions: 'Azioni',
  },
  countries: { FR: 'Francia', IT: 'Italia' },
  countryDefault: 'predefinito',
  sectors: {
    bank: 'banca',
    consumer_credit: 'credito al consumo',
    energy: 'energia',
    housing: 'abitazione',
    other: 'altro settore',
    telecom: 'telecomunicazioni',
  },
  scope: '{{country}}, {{what}}',
  states: { inForce: 'In vigore', upcoming: 'Futuro', past: 'Sostituito' },
  editShort: 'Modifica',
  edit: 'Modifica: {{scope}}',
  form: {
    heading: 'Modifica il mediatore ({{scope}})',
    name: 'Nome',
    address: 'Indirizzo postale',
    website: 'Sito internet',
    websiteHint: 'L’indirizzo completo, https://…',
    email: 'E-mail',
    validFrom: 'In vigore dal',
    validFromHint: 'Oggi o un giorno successivo. Lo stesso giorno corregge la riga di quel giorno.',
    submit: 'Salva',
    sending: 'Salvataggio…',
    cancel: 'Annulla',
    saved: 'Mediatore «{{name}}» salvato, in vigore dal {{date}}.',
  },
};
