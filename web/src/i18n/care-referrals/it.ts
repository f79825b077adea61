import type { careReferralsFr, careReferralsProblemsFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Testi italiani della rubrica degli enti di aiuto e degli orientamenti: completi. */
export const careReferralsIt: Widen<typeof careReferralsFr> = {
  helpsWith: {
    over_indebtedness: 'Sovraindebitamento',
    budget_advice: 'Consulenza sul bilancio',
    social_support: 'Sostegno sociale',
    job_loss: 'Perdita del lavoro',
    family_benefits: 'Prestazioni familiari',
    housing: 'Abitazione',
    health: 'Salute',
    legal_advice: 'Consulenza legale',
    consumer_rights: 'Diritti dei consumatori',
  },
  coverages: { national: 'Nazionale', region: 'Regione', department: 'Dipartimento o provincia' },
  countries: { FR: 'Francia', IT: 'Italia' },
  statuses: { proposed: 'Proposto', sent: 'Trasmesso', closed: 'Chiuso' },
  sentHow: { letter: 'Lettera', email: 'E-mail', warm_handoff: 'Messa in contatto diretta' },
  outcomes: {
    helped: 'Aiutato dall’ente',
    file_lodged: 'Domanda di sovraindebitamento depositata',
    not_reached: 'Ente o debitore non raggiungibile',
    refused: 'Rifiutato dal debitore',
  },
  directory: {
    title: 'Rubrica degli enti di aiuto',
    intro:
      'Gli enti verso cui il team di accompagnamento orienta un debitore in difficoltà, con il suo consenso. Gli amministratori e la conformità tengono aggiornata la rubrica; un ente che non aiuta più viene disattivato, mai cancellato.',
    filters: 'Filtra la rubrica',
    country: 'Paese',
    helpsWith: 'Aiuta per',
    area: 'Zona (codice)',
    active: 'Stato',
    any: 'Tutti',
    activeOnly: 'Attivi',
    inactiveOnly: 'Inattivi',
    caption: 'Enti della rubrica',
    column: {
      name: 'Ente',
      helpsWith: 'Aiuta per',
      coverage: 'Zona d’azione',
      contact: 'Contatto',
      state: 'Stato',
      actions: 'Azioni',
    },
    active_true: 'Attivo',
    active_false: 'Inattivo',
    coverageArea: '{{coverage}} {{area}}',
    add: 'Aggiungi un ente',
    edit: 'Modifica {{name}}',
    editShort: 'Modifica',
    none: 'Nessun ente corrisponde a questi filtri.',
    saved: '{{name}} è registrato nella rubrica.',
  },
  form: {
    headingNew: 'Nuovo ente',
    headingEdit: 'Modifica {{name}}',
    name: 'Nome',
    country: 'Paese',
    helpsWith: 'Aiuta per (almeno uno)',
    coverage: 'Zona d’azione',
    area: 'Codice della zona',
    areaHint:
      'Dipartimento: codice INSEE in Francia (75), sigla della provincia in Italia (MI). Regione: codice INSEE in Francia (44), nome in Italia (Lombardia). Vuoto per un ente nazionale.',
    phone: 'Telefono',
    email: 'E-mail',
    website: 'Sito web',
    address: 'Indirizzo',
    description: 'Cosa fa',
    activeLabel: 'Attivo (proposto negli orientamenti)',
    contactHint: 'Almeno un modo per contattarlo: telefono, e-mail, sito web o indirizzo.',
    submit: 'Salva',
    cancel: 'Annulla',
  },
  section: {
    heading: 'Orientamenti verso un ente di aiuto',
    restricted_one: 'È registrato un orientamento; il dettaglio è riservato a chi ha necessità di conoscerlo.',
    restricted_other:
      'Sono registrati {{count}} orientamenti; il dettaglio è riservato a chi ha necessità di conoscerlo.',
    reasonHeading: 'Leggere gli orientamenti indicando il motivo',
    reason: 'Perché le servono',
    reasonHint: 'Almeno {{count}} caratteri; il motivo è conservato con la sua lettura.',
    reasonSubmit: 'Leggi il dettaglio',
    none: 'Nessun orientamento per questo debitore.',
    directoryLink: 'Vedi la rubrica degli enti',
    caption: 'Orientamenti del debitore',
    column: {
      organisation: 'Ente',
      need: 'Bisogno',
      status: 'Stato',
      followUpOn: 'Verifica il',
      outcome: 'Esito',
    },
    due: 'verifica da fare',
    proposedOn: 'proposto il {{date}}',
    sentOn: '{{how}} il {{date}}',
    letter: 'Leggere la lettera inviata (PDF)',
    email: 'E-mail {{status}}',
    emailStatuses: {
      queued: 'in attesa di invio',
      sent: 'inviata',
      delivered: 'consegnata',
      failed: 'non riuscita',
      bounced: 'respinta: indirizzo sconosciuto',
      complained: 'segnalata come indesiderata',
    },
  },
  propose: {
    heading: 'Proponi un orientamento',
    intro: 'Lo proponga al debitore e registri l’orientamento solo con il suo consenso.',
    helpsWith: 'Il debitore ha bisogno di aiuto per',
    organisation: 'Ente',
    organisationHint: 'Gli enti del paese del debitore, nazionali o della sua provincia o regione.',
    noOrganisation: 'Nessun ente della rubrica per questo bisogno qui.',
    need: 'Il bisogno, in poche parole',
    followUpOn: 'Data di verifica',
    followUpHint: 'Tra due settimane per impostazione predefinita; mai nel passato.',
    consent: 'Il debitore accetta questo orientamento',
    submit: 'Proponi',
    done: 'Orientamento verso {{name}} proposto.',
  },
  act: {
    legend: 'Seguito dell’orientamento verso {{name}}',
    send: 'Trasmesso per',
    sendSubmit: 'Registra la trasmissione',
    sendHint:
      'Per lettera o per e-mail, Accord scrive al debitore i recapiti dell’ente: la lettera all’indirizzo dove va la sua posta, l’e-mail al suo indirizzo verificato. Nessuna delle due parla del debito.',
    sent: 'Trasmissione registrata.',
    followUpOn: 'Nuova data di verifica',
    reschedule: 'Sposta la verifica',
    rescheduled: 'Verifica spostata al {{date}}.',
    outcome: 'Esito',
    note: 'Nota sull’esito (facoltativa)',
    close: 'Chiudi l’orientamento',
    closed: 'Orientamento chiuso.',
  },
};

export const careReferralsProblemsIt: Widen<typeof careReferralsProblemsFr> = {
  care: {
    referral_consent_required:
      'Chieda prima il consenso del debitore: un orientamento si propone solo con il suo consenso.',
    organisation_inactive: 'Questo ente non è più attivo nella rubrica: ne scelga un altro.',
    organisation_other_country:
      'Questo ente opera in un paese diverso da quello del debitore: ne scelga uno del suo paese.',
    follow_up_in_past: 'Scelga una data di verifica a partire da oggi.',
    referral_not_proposed: 'Questo orientamento è già stato trasmesso.',
    referral_closed: 'Questo orientamento è chiuso: se serve, ne proponga uno nuovo.',
    outcome_needs_sending:
      'Registri prima la trasmissione: solo un orientamento che ha raggiunto l’ente può aver aiutato.',
    referral_no_letter_address:
      'Il debitore non ha un indirizzo che riceve posta: invii i recapiti per e-mail, o li dia durante una chiamata a tre.',
    referral_no_case:
      'Il debitore non ha una pratica aperta in cui archiviare la lettera o l’e-mail: dia i recapiti durante una chiamata a tre.',
    referral_no_email_address:
      'Il debitore non ha un indirizzo e-mail verificato che possa riceverne: invii i recapiti per lettera, o li dia durante una chiamata a tre.',
    referral_email_opted_out:
      'Il debitore ha chiesto di non ricevere e-mail dall’agenzia: invii i recapiti per lettera, o li dia durante una chiamata a tre.',
    file_lodged_not_over_indebtedness:
      'Una domanda depositata è l’esito di un orientamento per sovraindebitamento: scelga «aiutato» per questo ente.',
  },
};
