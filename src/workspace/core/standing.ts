import { euros } from '../../affordability/core/text.js';
import { addMonths } from '../../plans/core/schedule.js';
import type { Message } from '../../platform/message.js';
import { dateWords as dw } from './texts.js';

/** After this many months at the amicable stage without a solution, a person may review a move to the judicial team. */
export const AMICABLE_REVIEW_MONTHS = 4;

export interface StandingFacts {
  stage: 'amicable' | 'plan' | 'dispute' | 'overindebtedness' | 'judicial' | 'closed';
  closeReason: string | null;
  mandateKind: 'collection' | 'purchased';
  creditorName: string;
  openedOn: string;
  firstLetterSentOn: string | null;
  balanceCents: number;
  plan: { status: string; nextInstalment: { dueOn: string; amountCents: number } | null } | null;
  openPromise: { dueOn: string; amountCents: number } | null;
  /** Active holds with the kind and the date they end or are reviewed. */
  holds: { kind: string; until: string | null }[];
}

export interface Standing {
  procedure: Message;
  next: Message;
  ifNoSolution: Message;
  facts: { label: Message; value: Message }[];
}

/**
 * "Where this file stands", in plain words the agent can say to the debtor (and the portal will show): the procedure
 * engaged, what happens next and when, and what happens if no solution is found. Pure, from the case's facts.
 */
export function standing(facts: StandingFacts): Standing {
  const balance = euros(facts.balanceCents);
  const on =
    facts.mandateKind === 'purchased'
      ? {
          fr: `la créance, rachetée à ${facts.creditorName}, est désormais due à l’agence`,
          en: `the debt, bought from ${facts.creditorName}, is now owed to the agency`,
          it: `il credito, acquistato da ${facts.creditorName}, è ora dovuto all’agenzia`,
        }
      : {
          fr: `pour le compte de ${facts.creditorName}`,
          en: `on behalf of ${facts.creditorName}`,
          it: `per conto di ${facts.creditorName}`,
        };
  const reviewOn = addMonths(facts.openedOn, AMICABLE_REVIEW_MONTHS);
  const facts_: Standing['facts'] = [
    { label: { fr: 'Dossier ouvert le', en: 'Case opened on', it: 'Pratica aperta il' }, value: dw(facts.openedOn) },
    {
      label: { fr: 'Premier courrier', en: 'First letter', it: 'Prima lettera' },
      value: facts.firstLetterSentOn ? dw(facts.firstLetterSentOn) : NONE,
    },
    { label: { fr: 'Reste dû', en: 'Outstanding', it: 'Residuo' }, value: balance },
  ];
  const noFees: Message = {
    fr: 'Aucuns frais de recouvrement amiable ne peuvent vous être réclamés.',
    en: 'No amicable collection fee can be charged to you.',
    it: 'Nessuna spesa di recupero stragiudiziale può esserle addebitata.',
  };
  const hold = facts.holds[0];
  if (hold) {
    const untilWords = hold.until ? dw(hold.until) : NONE;
    return {
      procedure: HOLD_PROCEDURE[hold.kind] ?? {
        fr: 'Le recouvrement est suspendu.',
        en: 'Collection is paused.',
        it: 'Il recupero è sospeso.',
      },
      next: {
        fr: `Rien ne se passe pendant la suspension, jusqu’au ${untilWords.fr} ; une personne revoit alors le dossier.`,
        en: `Nothing happens while the pause lasts, until ${untilWords.en}; a person then reviews the file.`,
        it: `Non succede nulla durante la sospensione, fino al ${untilWords.it}; poi una persona riesamina la pratica.`,
      },
      ifNoSolution: {
        fr: `À la fin de la suspension, le dossier reprend là où il était, après revue. ${noFees.fr}`,
        en: `When the pause ends, the file resumes where it was, after a review. ${noFees.en}`,
        it: `Alla fine della sospensione, la pratica riprende da dove era, dopo un riesame. ${noFees.it}`,
      },
      facts: [
        ...facts_,
        { label: { fr: 'Suspension jusqu’au', en: 'Paused until', it: 'Sospesa fino al' }, value: untilWords },
      ],
    };
  }
  switch (facts.stage) {
    case 'plan': {
      const next = facts.plan?.nextInstalment;
      return {
        procedure: {
          fr: `Recouvrement amiable ${on.fr} : un plan de paiement est en cours.`,
          en: `Amicable collection ${on.en}: a payment plan is running.`,
          it: `Recupero stragiudiziale ${on.it}: è in corso un piano di pagamento.`,
        },
        next: next
          ? {
              fr: `Prochaine échéance : ${euros(next.amountCents).fr} le ${dw(next.dueOn).fr}.`,
              en: `Next instalment: ${euros(next.amountCents).en} on ${dw(next.dueOn).en}.`,
              it: `Prossima rata: ${euros(next.amountCents).it} il ${dw(next.dueOn).it}.`,
            }
          : {
              fr: 'Le plan suit son cours ; vous recevrez un récapitulatif à la fin.',
              en: 'The plan runs its course; you will get a statement at the end.',
              it: 'Il piano procede; riceverà un riepilogo alla fine.',
            },
        ifNoSolution: {
          fr: `Si une échéance ne peut pas être payée, appelez-nous : le plan peut être revu selon votre budget. Sans nouvelles après le délai de grâce, le plan est rompu et le dossier revient à l’amiable. ${noFees.fr}`,
          en: `If an instalment cannot be paid, call us: the plan can be revised to fit your budget. Without news after the grace period, the plan breaks and the file goes back to the amicable stage. ${noFees.en}`,
          it: `Se una rata non può essere pagata, ci chiami: il piano può essere rivisto secondo il suo bilancio. Senza notizie dopo il periodo di tolleranza, il piano decade e la pratica torna alla fase stragiudiziale. ${noFees.it}`,
        },
        facts: facts_,
      };
    }
    case 'dispute':
      return {
        procedure: {
          fr: `Votre contestation est enregistrée : le recouvrement est arrêté.`,
          en: `Your dispute is recorded: collection has stopped.`,
          it: `La sua contestazione è registrata: il recupero è fermo.`,
        },
        next: {
          fr: `Nous avons demandé à ${facts.creditorName} de confirmer le fondement et le montant de la créance ; nous vous écrirons sa réponse.`,
          en: `We asked ${facts.creditorName} to confirm the basis and the amount of the debt; we will write to you with its answer.`,
          it: `Abbiamo chiesto a ${facts.creditorName} di confermare il fondamento e l’importo del credito; le scriveremo la sua risposta.`,
        },
        ifNoSolution: {
          fr: 'Si la créance n’est pas justifiée, le dossier est rendu au créancier. Si elle l’est, nous reprendrons contact pour trouver une solution amiable.',
          en: 'If the debt is not substantiated, the file goes back to the creditor. If it is, we will contact you again to find an amicable solution.',
          it: 'Se il credito non è giustificato, la pratica torna al creditore. Se lo è, la ricontatteremo per trovare una soluzione stragiudiziale.',
        },
        facts: facts_,
      };
    case 'overindebtedness':
      return {
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
        facts: facts_,
      };
    case 'judicial':
      return {
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
        facts: facts_,
      };
    case 'closed':
      return {
        procedure: {
          fr: `Le dossier est clos (${facts.closeReason ?? '—'}).`,
          en: `The file is closed (${facts.closeReason ?? '—'}).`,
          it: `La pratica è chiusa (${facts.closeReason ?? '—'}).`,
        },
        next: {
          fr: 'Plus aucune démarche de recouvrement.',
          en: 'No further collection steps.',
          it: 'Nessun’altra azione di recupero.',
        },
        ifNoSolution: { fr: 'Sans objet.', en: 'Not applicable.', it: 'Non applicabile.' },
        facts: facts_,
      };
    default: {
      const promise = facts.openPromise;
      const next: Message = promise
        ? {
            fr: `Nous attendons le paiement promis de ${euros(promise.amountCents).fr} au plus tard le ${dw(promise.dueOn).fr}.`,
            en: `We expect the promised payment of ${euros(promise.amountCents).en} by ${dw(promise.dueOn).en}.`,
            it: `Attendiamo il pagamento promesso di ${euros(promise.amountCents).it} entro il ${dw(promise.dueOn).it}.`,
          }
        : facts.firstLetterSentOn === null
          ? {
              fr: 'Le premier courrier d’information part avant tout autre contact : il détaille la créance et vos droits.',
              en: 'The first information letter goes out before any other contact: it details the debt and your rights.',
              it: 'La prima lettera informativa parte prima di ogni altro contatto: descrive il credito e i suoi diritti.',
            }
          : {
              fr: `Nous cherchons avec vous une solution pour ${balance.fr} : un paiement, un plan adapté à votre budget, ou une orientation si vous ne pouvez pas payer.`,
              en: `We are looking with you for a solution for ${balance.en}: a payment, a plan that fits your budget, or orientation if you cannot pay.`,
              it: `Cerchiamo con lei una soluzione per ${balance.it}: un pagamento, un piano adatto al suo bilancio, o un orientamento se non può pagare.`,
            };
      return {
        procedure: {
          fr: `Recouvrement amiable ${on.fr}, depuis le ${dw(facts.openedOn).fr}.`,
          en: `Amicable collection ${on.en}, since ${dw(facts.openedOn).en}.`,
          it: `Recupero stragiudiziale ${on.it}, dal ${dw(facts.openedOn).it}.`,
        },
        next,
        ifNoSolution: {
          fr: `Sans solution amiable, une personne pourra revoir le dossier à partir du ${dw(reviewOn).fr} pour un passage en phase judiciaire ; une solution reste possible jusque-là et après. ${noFees.fr}`,
          en: `Without an amicable solution, a person may review the file from ${dw(reviewOn).en} for a move to the judicial stage; a solution remains possible until then and after. ${noFees.en}`,
          it: `Senza soluzione stragiudiziale, una persona potrà riesaminare la pratica dal ${dw(reviewOn).it} per un passaggio alla fase giudiziale; una soluzione resta possibile fino ad allora e dopo. ${noFees.it}`,
        },
        facts: [
          ...facts_,
          {
            label: { fr: 'Revue possible à partir du', en: 'Review possible from', it: 'Riesame possibile dal' },
            value: dw(reviewOn),
          },
        ],
      };
    }
  }
}

const NONE: Message = { fr: '—', en: '—', it: '—' };

const HOLD_PROCEDURE: Record<string, Message> = {
  dispute: {
    fr: 'Votre contestation est enregistrée : le recouvrement est arrêté.',
    en: 'Your dispute is recorded: collection has stopped.',
    it: 'La sua contestazione è registrata: il recupero è fermo.',
  },
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
