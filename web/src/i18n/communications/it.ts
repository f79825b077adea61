import type { communicationsProblemsFr, firstLetterFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Testi italiani della prima lettera (CPCE R124-4) nella pagina della pratica: completi. */
export const firstLetterIt: Widen<typeof firstLetterFr> = {
  heading: 'Prima lettera (R124-4)',
  notSent: 'La prima lettera non è ancora partita: precede ogni altro passo di recupero.',
  preview: 'Anteprima (PDF, nuova scheda)',
  send: 'Invia la prima lettera',
  done: 'Prima lettera inviata, riferimento {{reference}}.',
  sent: 'Inviata il {{date}}, riferimento {{reference}}.',
  document: 'La lettera inviata (PDF, nuova scheda)',
  sentOutside: 'Nessuna lettera è conservata sulla pratica: inviata fuori da Accord, o cancellata da allora.',
  confirmText:
    'Inviare ora la prima lettera? Sarà registrata come inviata oggi, con il suo riferimento, e conservata sulla pratica.',
  confirm: 'Sì, inviarla',
  cancel: 'Annulla',
};

export const communicationsProblemsIt: Widen<typeof communicationsProblemsFr> = {
  communications: {
    first_letter_already_sent:
      'La prima lettera di questa pratica è già partita: una nuova lettera è un sollecito, che ne cita riferimento e data.',
    first_letter_italian:
      'Questa pratica è italiana: la prima lettera francese (R124-4) non si applica, e la prima lettera italiana segue altre regole, non ancora disponibili in Accord.',
    no_letter_address:
      'Il debitore non ha un indirizzo a cui scrivere: registrarne o cercarne uno prima della prima lettera.',
    nothing_due: 'Nulla è dovuto su questa pratica: non c’è alcun importo da richiedere.',
    agency_address_missing:
      'L’indirizzo postale dell’agenzia non è configurato (AGENCY_ADDRESS): la prima lettera deve indicarlo. Lo imposta un amministratore.',
    subject_discloses_debt:
      'L’oggetto di questa e-mail mostrerebbe il debito (un importo, una parola che lo dice o il creditore) su uno schermo bloccato: indica solo il riferimento dell’agenzia.',
  },
  inbound_mail: {
    unauthorized: 'Il relay di posta deve presentare il token INBOUND_MAIL_TOKEN (Authorization: Bearer).',
    not_a_message:
      'Non è un’e-mail: il relay inoltra il messaggio grezzo (RFC 5322) così come ricevuto, come message/rfc822.',
    not_sent_yet:
      'Questo rapporto riguarda un’e-mail non ancora registrata come inviata: il relay lo inoltrerà di nuovo tra qualche minuto.',
  },
};
