import type { Message } from '../../platform/message.js';

/** The words of "where this file stands" (standing.ts): fixed texts, in the three languages. */

export const NONE: Message = { fr: '—', en: '—', it: '—' };

export const NO_FEES: Message = {
  fr: 'Aucuns frais de recouvrement amiable ne peuvent vous être réclamés.',
  en: 'No amicable collection fee can be charged to you.',
  it: 'Nessuna spesa di recupero stragiudiziale può esserle addebitata.',
};

export const PAUSED: Message = {
  fr: 'Le recouvrement est suspendu.',
  en: 'Collection is paused.',
  it: 'Il recupero è sospeso.',
};

/** Why a case closed, in the words the debtor hears, and what that means for them now. */
export const CLOSED: Record<string, { why: Message; next: Message }> = {
  paid: {
    why: { fr: 'tout est payé', en: 'everything is paid', it: 'tutto è pagato' },
    next: {
      fr: 'Vous ne devez plus rien au titre de ce dossier ; chaque paiement a reçu sa quittance.',
      en: 'You owe nothing more on this file; every payment was given its receipt.',
      it: 'Non deve più nulla per questa pratica; ogni pagamento ha ricevuto la sua quietanza.',
    },
  },
  recalled: {
    why: {
      fr: 'le créancier a repris le dossier',
      en: 'the creditor took the file back',
      it: 'il creditore ha ritirato la pratica',
    },
    next: {
      fr: 'Nous ne faisons plus aucune démarche ; pour toute question sur la créance, adressez-vous au créancier.',
      en: 'We take no further step; for any question about the debt, ask the creditor.',
      it: 'Non facciamo più alcun passo; per ogni domanda sul credito, si rivolga al creditore.',
    },
  },
  settled: {
    why: {
      fr: 'un accord a réglé le dossier',
      en: 'an agreement settled the file',
      it: 'un accordo ha definito la pratica',
    },
    next: {
      fr: 'L’accord conclu met fin au recouvrement ; plus aucune démarche.',
      en: 'The agreement ends collection; no further steps.',
      it: 'L’accordo chiude il recupero; nessun’altra azione.',
    },
  },
  returned_unpaid: {
    why: {
      fr: 'rendu impayé au créancier',
      en: 'returned unpaid to the creditor',
      it: 'restituita non pagata al creditore',
    },
    next: {
      fr: 'Nous ne faisons plus aucune démarche ; le créancier peut décider d’autres suites et vous en informera.',
      en: 'We take no further step; the creditor may decide what follows and will tell you.',
      it: 'Non facciamo più alcun passo; il creditore può decidere il seguito e la informerà.',
    },
  },
  deceased: {
    why: {
      fr: 'personne décédée, sans succession à réclamer',
      en: 'the person died, with no estate to claim from',
      it: 'persona deceduta, senza eredità da cui recuperare',
    },
    next: {
      fr: 'Rien n’est demandé aux proches ; plus aucune démarche.',
      en: 'Nothing is asked of the relatives; no further steps.',
      it: 'Nulla è chiesto ai familiari; nessun’altra azione.',
    },
  },
  time_barred: {
    why: { fr: 'la créance est prescrite', en: 'the debt is time-barred', it: 'il credito è prescritto' },
    next: {
      fr: 'Personne ne peut plus vous contraindre à payer ni saisir un juge ; un paiement volontaire reste possible et ne vous serait pas rendu.',
      en: 'No one can force you to pay or go to court any more; a voluntary payment is still possible and would not be given back.',
      it: 'Nessuno può più obbligarla a pagare né adire un giudice; un pagamento volontario resta possibile e non le verrebbe restituito.',
    },
  },
  overindebtedness_erasure: {
    why: {
      fr: 'effacement par la procédure de surendettement',
      en: 'written off by the over-indebtedness procedure',
      it: 'esdebitazione nella procedura di sovraindebitamento',
    },
    next: {
      fr: 'La dette est effacée : plus rien ne peut vous être demandé.',
      en: 'The debt is written off: nothing more can be asked of you.',
      it: 'Il debito è cancellato: nulla può più esserle chiesto.',
    },
  },
  merged: {
    why: { fr: 'regroupé avec un autre dossier', en: 'merged into another file', it: 'unita a un’altra pratica' },
    next: {
      fr: 'Les créances sont suivies dans l’autre dossier, qui dit où il en est.',
      en: 'The claims are followed in the other file, which says where it stands.',
      it: 'I crediti sono seguiti nell’altra pratica, che indica a che punto è.',
    },
  },
};

export const CLOSED_OTHER: { why: Message; next: Message } = {
  why: { fr: 'clos', en: 'closed', it: 'chiusa' },
  next: {
    fr: 'Plus aucune démarche de recouvrement.',
    en: 'No further collection steps.',
    it: 'Nessun’altra azione di recupero.',
  },
};

/** The stages whose words depend on no fact of the case. */
export const FIXED_STAGES: Record<
  'overindebtedness' | 'judicial' | 'deceased',
  { procedure: Message; next: Message; ifNoSolution: Message }
> = {
  overindebtedness: {
    procedure: {
      fr: 'Une procédure de surendettement est en cours auprès de la Banque de France.',
      en: 'An over-indebtedness procedure is under way with the Banque de France.',
      it: 'È in corso una procedura di sovraindebitamento.',
    },
    next: {
      fr: 'Nous suivons les décisions de la commission ; nous ne demandons que ce qu’elle prévoit.',
      en: 'We follow the commission’s decisions; we ask only for what it provides.',
      it: 'Seguiamo le decisioni dell’organismo competente; chiediamo solo ciò che prevede.',
    },
    ifNoSolution: {
      fr: 'La commission décide des mesures (plan, effacement) ; le dossier suit sa décision.',
      en: 'The commission decides the measures (plan, write-off); the file follows its decision.',
      it: 'L’organismo decide le misure (piano, esdebitazione); la pratica segue la sua decisione.',
    },
  },
  judicial: {
    procedure: {
      fr: `Le dossier est au pôle judiciaire, après revue par une personne de la phase amiable.`,
      en: `The file is with the judicial team, after a person reviewed the amicable stage.`,
      it: `La pratica è all’ufficio legale, dopo il riesame della fase stragiudiziale da parte di una persona.`,
    },
    next: {
      fr: 'Une solution amiable reste possible à tout moment : un paiement ou un plan arrête la procédure.',
      en: 'An amicable solution is still possible at any time: a payment or a plan stops the procedure.',
      it: 'Una soluzione stragiudiziale è ancora possibile in ogni momento: un pagamento o un piano ferma la procedura.',
    },
    ifNoSolution: {
      fr: 'Seul un juge peut accorder un titre exécutoire ; un commissaire de justice pourra ensuite l’exécuter, jamais le dimanche ni un jour férié, ni avant 6 h ou après 21 h.',
      en: 'Only a judge can grant an enforceable title; a judicial officer may then enforce it, never on Sundays or holidays, nor before 6 am or after 9 pm.',
      it: 'Solo un giudice può concedere un titolo esecutivo; un ufficiale giudiziario potrà poi eseguirlo, mai la domenica o nei giorni festivi.',
    },
  },
  deceased: {
    procedure: {
      fr: 'Le débiteur est décédé : le dossier suit la succession ; ses proches ne doivent rien.',
      en: 'The debtor died: the file follows the estate; their relatives owe nothing.',
      it: 'Il debitore è deceduto: la pratica segue la successione; i familiari non devono nulla.',
    },
    next: {
      fr: 'Aucune demande aux héritiers avant la fin de leur délai d’option de 4 mois.',
      en: 'No demand to the heirs before their 4-month option period ends.',
      it: 'Nessuna richiesta agli eredi prima della fine del termine di 4 mesi per la scelta.',
    },
    ifNoSolution: {
      fr: 'Si tous les héritiers renoncent, le dossier est clos sans succession.',
      en: 'If every heir renounces, the file closes without an estate.',
      it: 'Se tutti gli eredi rinunciano, la pratica è chiusa senza successione.',
    },
  },
};

export const DISPUTE_PROCEDURE: Message = {
  fr: 'Votre contestation est enregistrée : le recouvrement est arrêté.',
  en: 'Your dispute is recorded: collection has stopped.',
  it: 'La sua contestazione è registrata: il recupero è fermo.',
};

export const DISPUTE_IF_NO_SOLUTION: Message = {
  fr: 'Si la créance n’est pas justifiée, le dossier est rendu au créancier. Si elle l’est, nous reprendrons contact pour trouver une solution amiable.',
  en: 'If the debt is not substantiated, the file goes back to the creditor. If it is, we will contact you again to find an amicable solution.',
  it: 'Se il credito non è giustificato, la pratica torna al creditore. Se lo è, la ricontatteremo per trovare una soluzione stragiudiziale.',
};

export const HOLD_PROCEDURE: Record<string, Message> = {
  dispute: DISPUTE_PROCEDURE,
  vulnerability: {
    fr: 'Le dossier est en pause et suivi par notre équipe d’accompagnement.',
    en: 'The file is paused and followed by our care team.',
    it: 'La pratica è in pausa e seguita dal nostro team di accompagnamento.',
  },
  debt_advice: {
    fr: 'Le dossier est en pause pendant que vous êtes accompagné par un conseil budgétaire.',
    en: 'The file is paused while a debt adviser helps you.',
    it: 'La pratica è in pausa mentre un consulente la assiste.',
  },
  overindebtedness_filed: {
    fr: 'Votre dossier de surendettement est déposé : nous ne vous appelons plus.',
    en: 'Your over-indebtedness file is lodged: we no longer call you.',
    it: 'La sua domanda di sovraindebitamento è depositata: non la chiamiamo più.',
  },
  overindebtedness_admissible: {
    fr: 'Votre dossier de surendettement est recevable : tout recouvrement est suspendu.',
    en: 'Your over-indebtedness file is admissible: all collection is suspended.',
    it: 'La sua domanda di sovraindebitamento è ammissibile: ogni recupero è sospeso.',
  },
  represented: {
    fr: 'Vous êtes représenté : nous ne traitons qu’avec votre représentant.',
    en: 'You are represented: we deal only with your representative.',
    it: 'Lei è rappresentato: trattiamo solo con il suo rappresentante.',
  },
  deceased: {
    fr: 'Le dossier est suspendu le temps de sa revue.',
    en: 'The file is paused while it is reviewed.',
    it: 'La pratica è sospesa durante il riesame.',
  },
};
