import type {
  campaignsFr,
  communicationsProblemsFr,
  firstLetterFr,
  messagesFr,
  printRunsFr,
  returnedMailFr,
} from './fr.js';

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
    first_letter_incomplete:
      'La prima lettera italiana di questa pratica non può partire così come sarebbe scritta: manca una menzione obbligatoria (ad esempio il termine di risposta ai reclami o l’arbitro italiano, da indicare nei dati di riferimento) oppure un nome vi imita un atto giudiziario.',
    no_letter_address:
      'Il debitore non ha un indirizzo a cui scrivere: registrarne o cercarne uno prima della prima lettera.',
    nothing_due: 'Nulla è dovuto su questa pratica: non c’è alcun importo da richiedere.',
    agency_address_missing:
      'L’indirizzo postale dell’agenzia non è configurato (AGENCY_ADDRESS): la prima lettera deve indicarlo. Lo imposta un amministratore.',
    nothing_to_print: 'La prima lettera di ogni pratica aperta è già partita: oggi non c’è nulla da stampare.',
    print_run_not_ready:
      'Questo invio non ha lettere da spedire (ancora in preparazione, o tutte le pratiche sono state escluse).',
    print_run_posted: 'La consegna di questo invio è già confermata: si conferma una sola volta.',
    print_run_closed:
      'Questo invio è stato completato o abbandonato nel frattempo: le sue lettere partono con esso o con il successivo.',
    print_run_not_stuck:
      'Si riprende o si abbandona solo un invio rimasto in preparazione senza segni di vita da 15 minuti: questo è ancora in corso, o già completato.',
    print_run_not_resumable:
      'Questo invio risale a prima che Accord conservasse le lettere come composte: non può essere ridisegnato. Abbandonatelo; le lettere restano sulle loro pratiche.',
    posting_day_invalid: 'Il giorno della consegna deve cadere tra il giorno dell’invio e oggi.',
    returned_letter_unknown:
      'Nessuna lettera di un invio porta questo riferimento su questa pratica: indicate invece l’indirizzo a cui è partita.',
    returned_address_unknown: 'Questo indirizzo non è del debitore, o non è quello a cui è partita la lettera.',
    returned_day_invalid: 'Una lettera torna dopo la spedizione, e al più tardi oggi: controllate la data di ritorno.',
    template_channel: 'Questo modello non si invia su questo canale: ne scelga un altro.',
    first_letter_missing:
      'La prima lettera di questa pratica non è partita: nulla può precederla. Invii prima la prima lettera.',
    no_recipient:
      'Il debitore non ha un indirizzo o un cellulare che possa ricevere questo messaggio (nessuno, oppure ognuno è errato, respinto, revocato o rifiutato).',
    message_discloses:
      'Questo messaggio mostrerebbe a un terzo di che cosa si tratta (un importo, il creditore, un debito): non viene inviato.',
    subject_discloses_debt:
      'L’oggetto di questa e-mail mostrerebbe il debito (un importo, una parola che lo dice o il creditore) su uno schermo bloccato: indica solo il riferimento dell’agenzia.',
  },
  campaigns: {
    paused: 'Questa campagna è in pausa: la attivi prima di avviarla, oppure ne veda l’anteprima.',
    owner_inactive:
      'La persona sotto la cui autorità gira questa campagna non è più un responsabile o un addetto alla conformità attivo: chi lo è deve riattivarla.',
  },
  inbound_mail: {
    unauthorized: 'Il relay di posta deve presentare il token INBOUND_MAIL_TOKEN (Authorization: Bearer).',
    not_a_message:
      'Non è un’e-mail: il relay inoltra il messaggio grezzo (RFC 5322) così come ricevuto, come message/rfc822.',
    not_sent_yet:
      'Questo rapporto riguarda un’e-mail non ancora registrata come inviata: il relay lo inoltrerà di nuovo tra qualche minuto.',
  },
};

/** Testi italiani delle e-mail e degli SMS di una pratica (pagina della pratica). */
export const messagesIt: Widen<typeof messagesFr> = {
  heading: 'E-mail, SMS e solleciti per posta',
  none: 'Nessuna e-mail né SMS inviato da Accord su questa pratica.',
  lettersOnTimeline:
    'I solleciti per posta figurano nella cronologia della pratica e partono con il prossimo invio postale.',
  formLabel: 'Inviare un’e-mail, un SMS o un sollecito per posta',
  channel: 'Canale',
  template: 'Modello',
  preview: 'Anteprima',
  previewHeading: 'Il messaggio come partirebbe ora',
  recipient: 'A: {{recipient}}',
  noRecipient: 'Nessun indirizzo o cellulare utilizzabile: questo messaggio non può partire.',
  subject: 'Oggetto:',
  send: 'Inviare ({{channel}})',
  queued: '{{channel}} consentito dalla politica di contatto: parte tra un istante.',
  caption: 'E-mail e SMS della pratica, dal più recente',
  when: 'Deciso il',
  recipientColumn: 'Destinatario',
  status: 'Stato',
  text: 'Testo inviato',
  showText: 'Mostra il testo',
  refused: 'La politica di contatto rifiuta ora questo invio: nulla è stato inviato né registrato.',
  letter: {
    previewHeading: 'Il sollecito per posta come partirebbe ora',
    references:
      'Riferimento {{reference}}, datato {{sentOn}}; richiama la prima lettera {{firstLetter}} del {{firstLetterSentOn}}.',
    address: 'Indirizzo nella finestra della busta:',
    amount: 'Importo richiamato: {{amount}}',
    pdf: 'Vedere la lettera come sarà stampata (PDF, nuova scheda)',
    printRun: 'Partirà con il prossimo invio postale; la politica di contatto decide al momento dell’invio.',
    send: 'Inviare il sollecito per posta',
    issued: 'Sollecito {{reference}} consentito dalla politica di contatto: partirà con il prossimo invio postale.',
  },
  replies: {
    caption: 'Risposte del debitore via SMS (per ognuna è aperta un’attività)',
    receivedAt: 'Ricevuta il',
    from: 'Dal numero',
    body: 'Messaggio',
    unmatchedHeading: 'Risposte SMS senza pratica',
    unmatchedIntro:
      'Risposte (diverse da STOP) arrivate da un numero che non è il telefono verificato di alcun debitore a cui è partito un SMS: ritrovate il debitore e annotatela sulla sua pratica.',
    unmatchedNone: 'Nessuna risposta senza pratica.',
  },
};

/** Testi italiani delle campagne di e-mail e SMS. */
export const campaignsIt: Widen<typeof campaignsFr> = {
  title: 'Campagne di e-mail e SMS',
  intro:
    'Una campagna invia ogni giorno un modello su un canale alle pratiche della strategia il cui trattamento prevede quel canale. La politica di contatto decide per ogni pratica, come per un messaggio inviato a mano. Una campagna nasce in pausa: ne veda l’anteprima, poi la attivi.',
  none: 'Nessuna campagna per ora.',
  newHeading: 'Nuova campagna',
  name: 'Nome',
  nameRequired: 'Dia un nome alla campagna.',
  intervalDays: 'Intervallo (giorni)',
  intervalHint: 'Una pratica già raggiunta da questa campagna non lo è di nuovo prima di questo termine.',
  dailyLimit: 'Messaggi al giorno al massimo',
  segmentsHint:
    'Pratiche interessate: quelle dei segmenti il cui trattamento prevede questo canale, prima lettera inviata, per priorità della coda.',
  create: 'Creare la campagna (in pausa)',
  created: 'Campagna «{{name}}» creata, in pausa.',
  summary:
    '{{channel}}, modello «{{template}}», al massimo {{limit}} messaggi al giorno, una pratica al massimo ogni {{interval}} giorni.',
  status: { active: 'Attiva', paused: 'In pausa' },
  owner: 'Gira ogni giorno sotto l’autorità di {{name}}.',
  preview: 'Anteprima',
  previewed: 'Anteprima fatta: nulla è stato registrato né inviato.',
  activate: 'Attivare',
  activated: 'Campagna attivata: girerà ogni giorno sotto la sua autorità.',
  pause: 'Mettere in pausa',
  pausedDone: 'Campagna messa in pausa.',
  runNow: 'Avviare ora',
  ran: 'Campagna avviata: i messaggi consentiti partono.',
  noRuns: 'Nessun avvio né anteprima per ora.',
  runsCaption: 'Avvii e anteprime di «{{name}}», dal più recente',
  kindPreview: 'Anteprima',
  kindRun: 'Avvio',
  column: {
    when: 'Il',
    kind: 'Tipo',
    selected: 'Pratiche',
    queued: 'Consentiti',
    refused: 'Rifiutati',
    failed: 'Non riusciti',
    reasons: 'Rifiuti per regola',
  },
  reasonCount: '{{reason}}: {{n}}',
  reasons: {
    care: 'adattamento di accompagnamento',
    window: 'fuori dall’orario del debitore',
    cap: 'limite di contatti raggiunto',
    opt_out: 'opposizione al canale',
    unreachable: 'nessun recapito utilizzabile',
    hold: 'sospensione in corso',
    first_letter: 'prima lettera',
    pause_after_conversation: 'pausa dopo una conversazione',
    preference: 'preferenze del debitore',
    case: 'pratica chiusa',
    estate: 'successione',
    callback: 'richiamata concordata',
    communications: 'nessun destinatario utilizzabile',
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
    abandoned: 'Abbandonato',
  },
  pagesSheets: '{{pages}} pagine, {{sheets}} fogli',
  noFiles: 'Nessun file (nessuna lettera)',
  downloadPdf: 'PDF delle lettere del {{date}}',
  downloadManifest: 'Manifesto CSV del {{date}}',
  postingDay: 'Giorno di consegna dell’invio del {{date}}',
  confirmPosting: 'Confermare la consegna',
  posted: 'Consegna confermata.',
  postedOn: 'Consegnato il {{date}} ({{by}})',
  stuck: 'Rimasto in preparazione dal {{since}}: l’elaborazione si è interrotta.',
  preparingSince: 'In preparazione (considerato interrotto dalle {{at}})',
  resume: 'Completare con le sue lettere',
  abandon: 'Abbandonare (le sue lettere partono con il prossimo invio)',
  resumed: 'Invio completato: i suoi file sono pronti.',
  abandonedDone: 'Invio abbandonato: le sue lettere partiranno con il prossimo invio.',
  abandonedOn: 'Abbandonato il {{date}} ({{by}})',
  abandonedByJob: 'l’elaborazione notturna',
  returns: {
    heading: 'Posta respinta (NPAI)',
    intro:
      'Lo stampatore rimanda una pila di buste: cercate ogni lettera degli invii degli ultimi {{days}} giorni per riferimento, o per parte del nome o dell’indirizzo stampati (via, CAP, città), spuntate quelle tornate e segnatele in una volta. Ogni indirizzo è segnato errato e una ricerca di recapiti aperta sulla pratica; segnare di nuovo non cambia nulla.',
    search: 'Riferimento, nome, via, CAP o città',
    find: 'Cerca',
    caption: 'Lettere trovate',
    none: 'Nessuna lettera degli invii recenti corrisponde.',
    truncated: 'Altre lettere corrispondono: precisate la ricerca.',
    pick: 'Tornata: {{reference}}',
    column: {
      pick: 'Tornata',
      letter: 'Lettera',
      case: 'Pratica',
      address: 'Nome e indirizzo stampati',
      run: 'Invio',
      returned: 'Già tornata',
    },
    returnedOn: 'Giorno del ritorno',
    reason: 'Dicitura sulla busta (facoltativa)',
    mark: 'Segna come tornate ({{count}})',
    marked: '{{marked}} lettera/e segnata/e come tornata/e; {{already}} già segnata/e; {{other}} non registrata/e.',
    outcome: {
      marked: 'segnata',
      already_marked: 'già segnata',
      unknown_letter: 'lettera sconosciuta',
      refused: 'rifiutata',
    },
  },
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
