/** Italian texts of the actions on a live plan and of the review items (merged into it.ts as `planActions` and `caseReviews`). */
export const planActionsIt = {
  heading: 'Azioni su questo piano',
  open: { cancel: 'Annulla il piano', renegotiate: 'Rinegozia (nuova versione)', pay: 'Segna una rata pagata' },
  reasonHint: 'Almeno 3 caratteri; il motivo resta nello storico del piano.',
  reasonTooShort: 'Scrivi il motivo (almeno 3 caratteri).',
  cancel: {
    heading: 'Annulla il piano',
    reason: 'Motivo dell’annullamento',
    submit: 'Annulla il piano…',
    confirmText:
      'Annullare questo piano? Le rate rimanenti non saranno più attese e la pratica torna alla fase stragiudiziale. L’annullamento resta nello storico e non può essere revocato.',
    confirm: 'Conferma l’annullamento',
    keep: 'Non annullare',
    done: 'Piano annullato.',
  },
  renegotiate: {
    heading: 'Rinegozia: versione {{version}}',
    intro:
      'La nuova versione riguarda ciò che resta da pagare ({{amount}}), con gli stessi controlli (capacità, mandato, il tuo limite). La versione attuale resta nello storico così com’è.',
    reason: 'Motivo della rinegoziazione',
    submit: 'Registra la nuova versione',
    done: {
      agreed: 'Versione {{version}} registrata e accettata.',
      pending: 'Versione {{version}} registrata: attende la convalida di un capo squadra.',
    },
  },
  pay: {
    heading: 'Segna una rata pagata',
    automatic:
      'Un pagamento registrato sulla pratica segna da solo le rate che copre: segna qui solo un pagamento non registrato in Accord.',
    instalment: 'Rata',
    option: 'N. {{number}} — {{date}} — {{amount}}',
    paidOn: 'Data di ricezione del pagamento',
    reference: 'Riferimento del pagamento',
    referenceHint:
      'Per esempio il riferimento del bonifico; lo stesso riferimento registrato due volte conta una volta sola.',
    submit: 'Segna pagata',
    done: 'Rata {{number}} segnata pagata.',
  },
  reasons: {
    adjustment_causes: {
      payment: 'dopo un pagamento',
      reversal: 'dopo l’annullamento di un pagamento',
      credit: 'dopo l’imputazione di un credito',
      claim_correction: 'dopo una rettifica del credito',
      approval: 'all’approvazione',
    },
  },
};

export const caseReviewsIt = {
  title: 'Pratiche da riesaminare',
  intro:
    'Le pratiche per cui Accord non propone un piano o il cui piano è decaduto. Nulla è deciso automaticamente: esamini ogni pratica, decidi il seguito con il debitore e lo scrivi alla chiusura.',
  none: 'Nessuna pratica attende un esame.',
  caseLine: 'Pratica {{reference}} — {{name}}',
  kinds: {
    orientation: 'Orientamento verso la Banque de France e una consulenza sul debito',
    broken_plan: 'Piano di pagamento decaduto',
  },
  guidance: {
    orientation:
      'Presenta al nucleo familiare la procedura di sovraindebitamento della Banque de France e la consulenza gratuita sul bilancio (Points conseil budget); verifica il bilancio se la situazione è cambiata.',
    broken_plan:
      'Ricontatta il debitore: rinegozia il piano (nuova versione) se la sua situazione lo permette, oppure orientalo.',
  },
  why: 'Perché:',
  reasons: {
    capacity_zero: 'la capacità di rimborso è nulla',
    beyond_84_months: 'il debito non può essere rimborsato entro 84 mesi con questa capacità',
    instalment_unpaid: 'la rata {{number}} non è pagata oltre il periodo di tolleranza',
  },
  since: 'Dal {{at}}',
  openedBy: 'segnalata da {{name}}',
  openedBySystem: 'segnalata dal monitoraggio automatico dei piani',
  openPlans: 'Vedi i piani della pratica',
  outcome: 'Cosa è stato deciso',
  outcomeHint:
    'Scrivi la decisione e cosa è stato detto al debitore (almeno 3 caratteri): decide una persona, mai Accord da solo.',
  close: 'Chiudi con questa decisione',
  closed: 'Pratica {{reference}}: esame chiuso.',
};
