import type { workspaceFr, workspaceProblemsFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Italian texts of the agent's workspace (merged into it.ts as `workspace`) and of its problem codes: complete. */
export const workspaceIt: Widen<typeof workspaceFr> = {
  title: 'La mia postazione',
  heading: 'La mia postazione',
  intro:
    'La sua giornata: la prossima pratica da chiamare, quella in corso, i dati di oggi e le attività di seguito da svolgere.',
  teams_one: 'La sua coda: {{teams}}.',
  teams_other: 'Le sue code: {{teams}}.',
  noTeam:
    'Non appartiene a nessun team: nessuna pratica può esserle affidata. Chieda a un amministratore di aggiungerla a un team.',
  next: {
    heading: 'Prossima pratica',
    button: 'Prossima pratica',
    taking: 'Ricerca della prossima pratica…',
    none: 'Nessuna pratica può essere chiamata adesso.',
    later_one:
      '{{formatted}} pratica attende un momento in cui la chiamata sia consentita (orari di contatto, intervallo tra due chiamate, richiamata concordata). Riprovi un po’ più tardi.',
    later_other:
      '{{formatted}} pratiche attendono un momento in cui la chiamata sia consentita (orari di contatto, intervallo tra due chiamate, richiamate concordate). Riprovi un po’ più tardi.',
    nextAt: 'Prossima chiamata permessa: {{moment}}.',
    emptyQueue: 'Le sue code sono vuote per il momento.',
  },
  waiting: {
    atLeast: '{{number}} o più',
    callableNow: 'Da chiamare adesso',
    later: 'Più tardi',
    nothingNowLater_one:
      'Niente da chiamare per ora: {{formatted}} pratica potrà esserlo più tardi, quando la politica di contatto lo consentirà.',
    nothingNowLater_other:
      'Niente da chiamare per ora: {{formatted}} pratiche potranno esserlo più tardi, quando la politica di contatto lo consentirà.',
    nothingAtAll: 'Niente da chiamare per ora, e niente attende nelle sue code.',
  },
  today: {
    heading: 'Oggi',
    calls: 'Chiamate',
    conversations: 'Conversazioni con il debitore',
    promises: 'Promesse di pagamento',
  },
  current: {
    heading: 'Pratica in corso',
    link: 'Pratica {{reference}} — {{name}}',
    release: 'Restituire la pratica',
    releaseHint:
      'Restituire la pratica la rimette in coda, per lei o per un collega. Anche registrare la chiamata la restituisce.',
    released: 'Pratica {{reference}} restituita: torna in coda.',
    none: 'Nessuna pratica in corso. Prenda la prossima pratica per iniziare.',
  },
  tasks: {
    openHeading: 'Attività di seguito aperte',
    noneOpen: 'Nessuna attività di seguito aperta.',
    openCaption: 'Attività di seguito aperte dei suoi team',
    caseHeading: 'Attività di seguito della pratica',
    noneOnCase: 'Nessuna attività di seguito su questa pratica.',
    caseCaption: 'Attività di seguito della pratica',
    task: 'Attività',
    case: 'Pratica',
    due: 'Scadenza',
    team: 'Team',
    status: 'Stato',
    statuses: { open: 'Aperta', done: 'Svolta', cancelled: 'Annullata' },
    markDone: 'Segna come svolta',
    markDoneLabel: 'Segna come svolta: {{title}} (pratica {{reference}})',
    marking: 'Salvataggio…',
    doneMessage: 'Attività svolta: {{title}}.',
  },
  queue: {
    heading: 'Posto in coda',
    none: 'Questa pratica non è in nessuna coda di chiamata.',
    team: 'Team',
    segment: 'Segmento della strategia',
    arms: { champion: 'champion (trattamento di riferimento)', challenger: 'challenger (trattamento alternativo)' },
    tier: 'Fascia',
    tiers: {
      callback: 'Richiamata concordata',
      promise: 'Promessa in scadenza o non mantenuta',
      follow_up: 'Attività di seguito in scadenza',
      standard: 'Ordinaria',
    },
    priority: 'Priorità',
    channels: 'Canali previsti',
    callableFrom: 'Chiamata possibile da',
    callableByActOnly: 'Nessuna chiamata possibile finché un atto non toglie il rifiuto (sospensione, opposizione…)',
    noCallPlanned: 'La strategia non prevede chiamate',
    lease: 'Presa da',
    leaseValue: '{{name}}, fino a {{until}}',
    notLeased: 'Nessuno',
    assignedTo: 'Affidata a',
    paused: 'Segmento',
    pausedValue: 'In pausa: le sue pratiche non sono proposte',
    reasons: 'Perché questa pratica è in questo posto:',
  },
  shortcuts: {
    link: 'Scorciatoie da tastiera',
    heading: 'Scorciatoie da tastiera',
    next: 'Prendere la prossima pratica',
    outcome: 'Andare all’esito della chiamata',
    budget: 'Aprire il bilancio familiare',
    help: 'Mostrare questo elenco',
    typingHint: 'Le scorciatoie non funzionano mentre si scrive in un campo. Esc chiude questa finestra.',
    close: 'Chiudi',
  },
  case: {
    localTime: 'Ora del debitore:',
    localTimeZone: '{{zone}}, {{country}}',
  },
  standing: {
    heading: 'A che punto è questa pratica',
    procedure: 'La procedura in corso',
    next: 'Il seguito, e quando',
    ifNoSolution: 'Se non si trova una soluzione',
  },
  call: {
    abandon: 'Abbandona la chiamata',
    resumed:
      'Chiamata in corso ripresa come l’aveva lasciata (la nota e il motivo non sono conservati dopo il ricaricamento della pagina).',
    heading: 'Conversazione guidata',
    intro: 'Spunti ogni fase durante la chiamata; l’elenco è registrato con la chiamata per i controlli di qualità.',
    steps: 'Fasi della chiamata',
    identityReminderTitle: 'Identità non confermata:',
    identityReminder:
      'non dica nulla del debito, del creditore o dell’agenzia finché non parla con il debitore in persona.',
    lockedStep: '(dopo la conferma dell’identità)',
    outcome: 'Esito della chiamata',
    outcomes: {
      right_party: 'Ho parlato con il debitore (identità confermata)',
      no_answer: 'Nessuna risposta',
      busy: 'Occupato',
      voicemail: 'Segreteria: messaggio neutro lasciato',
      wrong_number: 'Numero errato',
      third_party: 'Ha risposto un terzo',
    },
    voicemailTitle: 'Messaggio da lasciare, parola per parola:',
    voicemailHint: 'Nient’altro: né il debito, né il creditore, né l’attività dell’agenzia.',
    thirdPartyHint:
      'Non dica nulla al terzo: né il debito, né il creditore, né l’attività dell’agenzia. Può chiedere quando richiamare.',
    noPhones: 'Il debitore non ha nessun numero di telefono registrato.',
    contactPoint: 'Numero composto',
    choosePhone: 'Scelga il numero',
    contactPointHint:
      'Questo numero sarà segnato come errato e non sarà più usato; sarà aperta una ricerca di recapiti.',
    result: 'Che cosa ha dato la conversazione',
    results: {
      promise: 'Promessa di pagamento',
      callback: 'Richiamata all’ora scelta dal debitore',
      refusal: 'Rifiuto',
      dispute: 'Contestazione del debito',
      hardship: 'Difficoltà (fragilità)',
      bereavement: 'Lutto (decesso di un familiare)',
      already_paid: 'Già pagato',
      information: 'Solo informazione',
    },
    amount: 'Importo promesso (€)',
    amountHint: 'In euro, per esempio 150 o 150,50. Saldo della pratica: {{balance}}.',
    dueOn: 'Data del pagamento',
    dueOnHint_one: 'Al massimo {{count}} giorno in anticipo: fino al {{to}}.',
    dueOnHint_other: 'Al massimo {{count}} giorni in anticipo: fino al {{to}}.',
    callbackAt: 'Momento della richiamata',
    callbackDate: 'Data della richiamata',
    callbackTime: 'Ora della richiamata',
    callbackHint: 'All’ora del debitore ({{zone}}). La pratica passerà in testa alla coda in quel momento.',
    disputeReason: 'Che cosa è contestato',
    hardshipReason: 'Che cosa ha detto il debitore della sua situazione',
    bereavementReason: 'Che cosa ha detto il debitore del lutto',
    disputeHint:
      'Che cosa contesta il debitore, in poche parole. Il recupero è sospeso fino alla risposta del creditore.',
    hardshipHint:
      'Con parole adatte alla pratica, senza dettagli sulla salute. La pratica passa al team di accompagnamento.',
    bereavementHint:
      'Poche parole neutre («è morto il coniuge»), senza altri dettagli. I contatti si fermano 30 giorni e la pratica passa al team di accompagnamento.',
    note: 'Nota (facoltativa)',
    healthReminder: 'Non scriva qui dettagli sulla salute: vanno nei campi protetti del team di accompagnamento.',
    noteCount: '{{used}} / {{max}} caratteri',
    submit: 'Registra la chiamata',
    submitting: 'Registrazione…',
    recorded: 'Chiamata registrata: {{outcome}}',
    actions: 'Che cosa è seguito:',
    refused: 'La politica di contatto rifiuta questa chiamata adesso: nulla è stato registrato.',
    errors: {
      outcome: 'Scelga l’esito della chiamata.',
      identity:
        'Confermi prima l’identità (spunti la prima fase): senza di essa la chiamata non è una conversazione con il debitore.',
      result: 'Scelga che cosa ha dato la conversazione.',
      contactPoint: 'Scelga il numero composto.',
      amount: 'Inserisca un importo in euro, maggiore di zero, con al massimo due decimali.',
      dueOn: 'Scelga una data tra il {{from}} e il {{to}}.',
      callback: 'Scelga una data e un’ora future.',
      reason: 'Scriva il motivo (almeno 3 caratteri).',
      disclosed:
        'Queste fasi si svolgono solo con il debitore, identità confermata: {{steps}}. Tolga la spunta, o scelga «Ho parlato con il debitore».',
    },
  },
  promises: {
    heading: 'Promesse di pagamento',
    none: 'Nessuna promessa di pagamento su questa pratica.',
    caption: 'Promesse di pagamento della pratica',
    dueOn: 'Scadenza',
    amount: 'Importo',
    paid: 'Pagato da allora',
    status: 'Stato',
    createdAt: 'Fatta il',
    statuses: { open: 'In corso', kept: 'Mantenuta', broken: 'Non mantenuta', cancelled: 'Annullata' },
    cancel: 'Annulla la promessa',
    cancelLabel: 'Annulla la promessa di {{amount}} con scadenza il {{date}}',
    cancelTitle: 'Annullare la promessa di {{amount}} con scadenza il {{date}}',
    reason: 'Motivo dell’annullamento',
    reasonHint: 'Almeno 3 caratteri; il motivo resta nella storia della pratica.',
    reasonTooShort: 'Scriva il motivo (almeno 3 caratteri).',
    confirmCancel: 'Conferma l’annullamento',
    keep: 'Non annullare',
    cancelled: 'Promessa di {{amount}} con scadenza il {{date}} annullata.',
  },
};

export const workspaceProblemsIt: Widen<typeof workspaceProblemsFr> = {
  workspace: {
    no_queue:
      'Non appartiene a nessun team che lavora code di chiamata: nessuna pratica può esserle affidata. Chieda a un amministratore di aggiungerla a un team.',
    no_care_team:
      'Non esiste nessun team di accompagnamento che possa prendere in carico questa pratica: un amministratore deve crearne uno. Nulla è stato registrato.',
  },
  queue: {
    leased_by_other: 'Un collega sta già lavorando questa pratica: prenda la prossima pratica.',
    not_leased:
      'Questa pratica non le è affidata in questo momento (il tempo potrebbe essere scaduto): è tornata in coda.',
  },
  call: {
    result_needs_right_party:
      'L’esito di una conversazione si registra solo dopo aver parlato con il debitore in persona.',
    promise_missing: 'Una promessa di pagamento richiede un importo e una data.',
    callback_missing: 'Una richiamata richiede una data e un’ora.',
    reason_missing: 'Una contestazione, delle difficoltà o un lutto richiedono un motivo scritto.',
    contact_point_invalid: 'Questo numero non è un numero di telefono del debitore: ne scelga uno dall’elenco.',
    case_closed: 'Questa pratica è chiusa: non si può registrare nessuna chiamata.',
    unknown_step:
      'Una fase spuntata non fa parte dello script della chiamata: ricarichi la pagina e spunti di nuovo le fasi.',
    disclosed_without_identity:
      'Alcune fasi spuntate si svolgono solo con il debitore, identità confermata: tolga la spunta, o scelga «Ho parlato con il debitore».',
    identity_not_confirmed:
      'Una conversazione con il debitore inizia confermando chi risponde: spunti quella fase, o registri la chiamata come «Ha risposto un terzo».',
  },
  promise: {
    amount_too_high: 'L’importo promesso supera il saldo della pratica: prometta al massimo il saldo.',
    due_out_of_range: 'La data del pagamento deve essere oggi o più tardi, entro il limite indicato sotto il campo.',
    already_open:
      'Su questa pratica c’è già una promessa di pagamento in corso: la annulli prima, o attenda la sua scadenza.',
    reason_missing: 'Scriva perché la promessa è annullata (almeno 3 caratteri).',
    not_open:
      'Questa promessa non è più in corso (mantenuta, non mantenuta o già annullata): è mostrato il suo stato attuale.',
  },
  task: {
    not_open: 'Questa attività non è più aperta, forse svolta da un collega: è mostrato il suo stato attuale.',
  },
};
