import type { administrationFr, adminProblemsFr, releaseProblemsFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Testi italiani dell’amministrazione (utenti, team, poli) e del doppio controllo dei riversamenti. */
export const administrationIt: Widen<typeof administrationFr> = {
  user: {
    back: 'Utenti',
    edit: 'Gestisci',
    editLabel: 'Gestisci l’account di {{name}}',
    facts: 'Account',
    email: 'Indirizzo e-mail',
    team: 'Team',
    noTeam: 'Nessun team',
    status: 'Stato',
    active: 'Attivo',
    inactive: 'Disattivato',
    teamHeading: 'Team',
    teamSave: 'Cambia team',
    teamSaved: '{{name}} entra nel team.',
    roleHeading: 'Ruolo',
    roleHint:
      'Un ruolo che dà più diritti, o un altro creditore, attende l’approvazione di un responsabile o di un addetto alla conformità (mai la vostra); nel frattempo l’account mantiene il suo ruolo. Un ruolo minore si applica subito e chiude le sessioni.',
    roleSave: 'Cambia il ruolo',
    roleWaiting: 'Cambio richiesto: attende l’approvazione di una seconda persona.',
    roleSaved: 'Il ruolo di {{name}} è cambiato; le sue sessioni sono chiuse.',
    creditor: 'Creditore',
    passwordHeading: 'Password',
    passwordHint:
      'Non scegliete né conoscete la password: reimpostarla chiude le sessioni della persona; dopo l’approvazione di un responsabile o di un addetto alla conformità, ne sceglie una nuova al prossimo accesso.',
    passwordReset: 'Reimposta la password',
    passwordResetLabel: 'Reimposta la password di {{name}}',
    passwordResetDone:
      'Reimpostazione richiesta: le sessioni di {{name}} sono chiuse, una seconda persona deve approvarla.',
    passwordResetPending: 'Reimpostazione in attesa di approvazione: l’account non può accedere nel frattempo.',
    passwordChangeRequired: 'Approvata: la persona sceglierà una nuova password al prossimo accesso.',
    accessHeading: 'Accesso',
    deactivateHint: 'Disattivare chiude subito tutte le sessioni dell’account; riattivarlo gli restituisce l’accesso.',
  },
  teams: {
    title: 'Team e poli',
    link: 'Team e poli',
    intro:
      'Un polo raggruppa i team di uno stesso responsabile (il polo giudiziario, il polo stragiudiziale); ogni team appartiene al massimo a un polo. Ogni modifica è scritta nel registro di audit.',
    caption: 'I team, il loro polo e i loro membri',
    name: 'Team',
    kind: 'Attività',
    pole: 'Polo',
    noPole: 'Nessun polo',
    members: 'Membri',
    rename: 'Nuovo nome di {{name}}',
    poleOf: 'Polo di {{name}}',
    save: 'Salva',
    saveLabel: 'Salva {{name}}',
    saved: 'Il team {{name}} è salvato.',
    create: 'Crea un team',
    newName: 'Nome del team',
    createSubmit: 'Crea il team',
    created: 'Il team {{name}} è creato.',
    poles: 'Poli',
    polesCaption: 'I poli e il loro numero di team',
    poleTeams: 'Team: {{count}}',
    renamePole: 'Nuovo nome del polo {{name}}',
    createPole: 'Crea un polo',
    newPole: 'Nome del polo',
    createPoleSubmit: 'Crea il polo',
    poleSaved: 'Il polo {{name}} è salvato.',
    kinds: {
      amicable: 'Stragiudiziale',
      care: 'Accompagnamento',
      overindebtedness: 'Sovraindebitamento',
      judicial: 'Giudiziale',
      management: 'Direzione',
      compliance: 'Conformità',
      administration: 'Amministrazione',
    },
  },
  forgotten: {
    link: 'Password dimenticata?',
    title: 'Password dimenticata',
    intro:
      'Indica l’indirizzo e-mail del tuo account e scegli una nuova password. Un responsabile o un addetto alla conformità ti contatterà per verificare che la richiesta venga da te, poi la approverà.',
    choose: 'Scegli la nuova password: nessun altro la conoscerà.',
    submit: 'Invia la richiesta',
    sending: 'Invio…',
    failed: 'Non è stato possibile inviare la richiesta',
    sent: 'Richiesta ricevuta.',
    next: 'Se un account attivo corrisponde a questo indirizzo, un responsabile o un addetto alla conformità ti contatterà per verificare la richiesta. Una volta approvata, accedi con la nuova password. Fino ad allora, la password attuale resta valida.',
    back: 'Torna all’accesso',
  },
  login: {
    mustChange:
      'La vostra password è stata reimpostata: sceglietene una nuova per accedere. Nessun altro la conoscerà.',
    newPassword: 'Nuova password',
    newPasswordHint: 'Almeno 12 caratteri, diversa da quella attuale; una frase di poche parole va bene.',
    confirm: 'Confermate la nuova password',
    mismatch: 'Le due password sono diverse.',
    submitNew: 'Salva e accedi',
  },
  fourEyes: {
    status: 'Stato',
    statuses: { prepared: 'Da rilasciare', released: 'Rilasciato', cancelled: 'Annullato' },
    releasedBy: 'Rilasciato da',
    releasedAt: 'Rilasciato il',
    cancelledBy: 'Annullato da',
    heading: 'Doppio controllo',
    waitingOther:
      'Avete preparato questo riversamento: un’altra persona autorizzata deve rilasciarlo prima che il bonifico possa essere prodotto.',
    waitingRelease:
      'Questo riversamento attende di essere rilasciato. Verificate gli importi e il creditore: rilasciarlo registra il pagamento e permette di produrre il bonifico.',
    release: 'Rilascia il riversamento',
    releasing: 'Rilascio…',
    released: 'Riversamento rilasciato: il file del bonifico può essere scaricato.',
    cancel: 'Annulla la preparazione',
    cancelling: 'Annullamento…',
    cancelled: 'Preparazione annullata: i suoi incassi saranno nel prossimo riversamento.',
    transferAfterRelease: 'Il file del bonifico sarà disponibile una volta rilasciato il riversamento.',
  },
};

export const releaseProblemsIt: Widen<typeof releaseProblemsFr> = {
  own_preparation:
    'Avete preparato questo riversamento: un’altra persona autorizzata deve rilasciarlo (regola del doppio controllo).',
  not_prepared: 'Questo riversamento non attende più il rilascio (già rilasciato o annullato): ricaricate la pagina.',
  not_released:
    'Questo riversamento non è rilasciato: un’altra persona deve rilasciarlo prima di produrre il bonifico.',
};

/** Problemi dell’amministrazione, sotto lo spazio del loro codice (auth, users, password, teams, poles). */
export const adminProblemsIt: Widen<typeof adminProblemsFr> = {
  auth: {
    too_many_reset_requests:
      'Troppe richieste di password per questo indirizzo o da questa rete: attendi prima di riprovare.',
    password_change_required: 'La vostra password è stata reimpostata: sceglietene una nuova per accedere.',
  },
  users: {
    password_chosen_by_user:
      'Non potete scegliere la password di un’altra persona: reimpostatela, ne sceglierà una al prossimo accesso.',
    own_password_reset: 'Non potete reimpostare la vostra password: chiedete a un altro amministratore.',
  },
  password: { same_as_before: 'Scegliete una password diversa da quella attuale.' },
  teams: {
    name_taken: 'Un team ha già questo nome: sceglietene un altro.',
    unknown_pole: 'Questo polo non esiste più: ricaricate la pagina.',
  },
  poles: { name_taken: 'Un polo ha già questo nome: sceglietene un altro.' },
};
