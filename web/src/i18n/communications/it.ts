import type { communicationsProblemsFr, firstLetterFr, printRunsFr, returnedMailFr } from './fr.js';

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
    nothing_to_print: 'La prima lettera di ogni pratica aperta è già partita: oggi non c’è nulla da stampare.',
    print_run_not_ready:
      'Questo invio non ha lettere da spedire (ancora in preparazione, o tutte le pratiche sono state escluse).',
    print_run_posted: 'La consegna di questo invio è già confermata: si conferma una sola volta.',
    posting_day_invalid: 'Il giorno della consegna deve cadere tra il giorno dell’invio e oggi.',
    returned_letter_unknown:
      'Nessuna lettera di un invio porta questo riferimento su questa pratica: indicate invece l’indirizzo a cui è partita.',
    returned_address_unknown: 'Questo indirizzo non è del debitore, o non è quello a cui è partita la lettera.',
    returned_day_invalid: 'Una lettera torna dopo la spedizione, e al più tardi oggi: controllate la data di ritorno.',
  },
};

export const printRunsIt: Widen<typeof printRunsFr> = {
  title: 'Invii postali',
  intro:
    'Ogni giorno, le prime lettere (R124-4) delle pratiche aperte che non ne hanno ancora ricevuta una partono in un solo invio verso lo stampatore: un PDF (ogni lettera inizia su una pagina dispari, per la stampa fronte retro) e un manifesto CSV. Una pratica esclusa dalla politica di contatto o dalle regole della lettera è elencata con il motivo. Una lettera conta come spedita il giorno della preparazione.',
  prepare: 'Preparare l’invio di oggi',
  preparing: 'Preparazione in corso…',
  prepared: 'Invio preparato: {{letters}} lettera/e, {{pages}} pagina/e, {{refused}} pratica/he esclusa/e.',
  refusedHeading: 'Pratiche escluse ({{count}})',
  none: 'Ancora nessun invio.',
  caption: 'Invii postali, i più recenti per primi',
  column: {
    date: 'Giorno',
    status: 'Stato',
    letters: 'Lettere',
    pages: 'Pagine',
    refused: 'Escluse',
    returned: 'Tornate (NPAI)',
    preparedBy: 'Preparato da',
    files: 'File',
    posting: 'Consegna',
  },
  status: {
    preparing: 'In preparazione',
    ready: 'Pronto',
    posted: 'Consegnato',
  },
  pagesSheets: '{{pages}} pagine, {{sheets}} fogli',
  noFiles: 'Nessun file (nessuna lettera)',
  downloadPdf: 'PDF delle lettere del {{date}}',
  downloadManifest: 'Manifesto CSV del {{date}}',
  postingDay: 'Giorno di consegna dell’invio del {{date}}',
  confirmPosting: 'Confermare la consegna',
  posted: 'Consegna confermata.',
  postedOn: 'Consegnato il {{date}} ({{by}})',
};

export const returnedMailIt: Widen<typeof returnedMailFr> = {
  open: 'Posta tornata (NPAI)',
  heading: 'Posta tornata (NPAI)',
  intro:
    'La lettera è tornata con la dicitura «sconosciuto all’indirizzo indicato»: l’indirizzo sarà segnato errato e sarà aperta una ricerca d’indirizzo.',
  reference: 'Riferimento della lettera',
  returnedOn: 'Giorno del ritorno',
  reason: 'Motivo indicato sulla busta',
  submit: 'Registrare il ritorno',
  cancel: 'Annullare',
  marked: 'Indirizzo segnato errato; c’è una ricerca d’indirizzo da fare.',
  alreadyMarked: 'Questo indirizzo era già segnato errato: nulla è cambiato.',
};
