import type { estatesFr, estatesProblemsFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Testi italiani della successione di un debitore deceduto: completi. */
export const estatesIt: Widen<typeof estatesFr> = {
  heading: 'Successione',
  none: 'Nessun decesso è segnalato su questa pratica.',
  creditorIntro: 'Il debitore è deceduto: l’agenzia segue la successione. I dati degli eredi restano all’agenzia.',
  steps: {
    reported: 'Decesso segnalato (prova attesa)',
    proven: 'Decesso provato',
    notary: 'Notaio identificato',
    claim_lodged: 'Credito dichiarato',
  },
  options: {
    pending: 'Scelta in attesa',
    accepted: 'Eredità accettata',
    net_assets: 'Accettata con beneficio d’inventario',
    vacant: 'Eredità giacente (tutti hanno rinunciato)',
  },
  heirOptions: {
    undecided: 'Non ancora scelto',
    accept: 'Accetta',
    net_assets: 'Accetta con beneficio d’inventario',
    renounce: 'Rinuncia',
  },
  roles: { notary: 'Notaio', heir: 'Erede', relative: 'Familiare (non erede)' },
  next: {
    obtain_certificate: 'Ottenere il certificato di morte',
    identify_notary: 'Identificare il notaio incaricato della successione',
    declare_claim: 'Dichiarare il credito al notaio',
    await_option: 'Attendere la fine del termine di scelta degli eredi',
    summon_heirs: 'Intimare agli eredi di scegliere (2 mesi)',
    pursue_heirs: 'Rivolgersi agli eredi che accettano',
    close_without_estate: 'Chiudere la pratica: deceduto senza successione',
  },
  facts: {
    step: 'Fase',
    option: 'Scelta',
    reportedOn: 'Decesso segnalato il',
    diedOn: 'Data del decesso',
    optionEndsOn: 'Fine del termine di scelta (C. civ. 771)',
    claimDeclaredOn: 'Credito dichiarato il',
    claimDeadlineOn: 'Termine per la dichiarazione (C. civ. 792)',
    next: 'Prossimo passo',
    heirs: 'Eredi noti',
    heirsCount: '{{known}} ({{undecided}} senza scelta, {{renounced}} rinunciatari)',
  },
  report: {
    heading: 'Segnalare un decesso',
    intro: 'Ogni contatto si ferma subito, fino alla prova del decesso.',
    note: 'Come si è saputo del decesso',
    submit: 'Segnalare il decesso',
    done: 'Decesso segnalato: ogni contatto è sospeso.',
  },
  proof: {
    heading: 'Certificato di morte',
    diedOn: 'Data del decesso',
    document: 'Certificato di morte (documento della pratica)',
    noDocument: 'Aggiunga prima il certificato di morte ai documenti della pratica (tipo «Certificato di morte»).',
    submit: 'Registrare la prova',
    done: 'Decesso provato: decorre il termine di scelta degli eredi.',
  },
  party: {
    heading: 'Notaio, eredi e familiari',
    role: 'Ruolo',
    name: 'Nome',
    contact: 'Recapiti',
    option: 'Scelta dell’erede',
    submit: 'Aggiungere',
    done: 'Aggiunto alla successione.',
    mayDemand: 'Richiesta possibile',
    noDemand: 'Nessuna richiesta',
    change: 'Cambiare la scelta di {{name}}',
    save: 'Registrare la scelta',
    saved: 'Scelta registrata.',
  },
  claim: {
    heading: 'Dichiarare il credito',
    publishedOn: 'Pubblicazione di un’accettazione con beneficio d’inventario (BODACC), se c’è',
    submit: 'Dichiarare il credito',
    done: 'Credito dichiarato alla successione.',
  },
  closeHint: 'Tutti gli eredi hanno rinunciato: chiuda la pratica con il motivo «deceduto senza successione».',
};

export const estatesProblemsIt: Widen<typeof estatesProblemsFr> = {
  estates: {
    none: 'Nessun decesso è segnalato su questa pratica.',
    no_estate: 'Nessun decesso è segnalato per questo debitore: il contatto è con il debitore.',
    already_reported: 'Un decesso è già segnalato su questa pratica.',
    case_closed: 'Questa pratica è chiusa: non vi si segnala un decesso.',
    already_proven: 'Il decesso è già provato.',
    death_after_report: 'La data del decesso è successiva alla sua segnalazione.',
    not_proven: 'Il decesso non è ancora provato: registri prima il certificato di morte.',
    no_notary: 'Nessun notaio è noto: il credito si dichiara al notaio incaricato della successione.',
    claim_already_declared: 'Il credito è già dichiarato.',
    claim_deadline_passed: 'I 15 mesi dalla pubblicazione sono passati (C. civ. 792): il credito è estinto.',
    publication_before_death: 'La pubblicazione è datata prima del decesso.',
    not_an_heir: 'Solo un erede ha una scelta.',
    not_a_death_certificate: 'Questo documento non è un certificato di morte di questa pratica.',
  },
};
