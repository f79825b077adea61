import { addMonths } from '../../plans/core/schedule.js';
import { addDays, compareDates } from '../../platform/calendar/dates.js';
import { amountParam, type Message } from '../../platform/message.js';
import {
  CLOSED,
  CLOSED_OTHER,
  DISPUTE_IF_NO_SOLUTION,
  DISPUTE_PROCEDURE,
  FIXED_STAGES,
  HOLD_PROCEDURE,
  NO_FEES,
  NONE,
  PAUSED,
} from './standing-texts.js';
import { dateWords as dw } from './texts.js';

/** After this many months at the amicable stage without a solution, a person may review a move to the judicial team. */
export const AMICABLE_REVIEW_MONTHS = 4;

export interface StandingFacts {
  stage: 'amicable' | 'plan' | 'dispute' | 'overindebtedness' | 'judicial' | 'deceased' | 'closed';
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
  /** The agency's today (whether a dispute's deadline has passed). */
  today: string;
  /** The oldest dispute still waiting: for the creditor's evidence (by its deadline), or for a person's decision. */
  dispute: { status: 'evidence_requested' | 'answered'; evidenceDueOn: string } | null;
  /** The oldest complaint not answered yet, with its deadlines. */
  complaint: { reference: string; status: 'received' | 'acknowledged'; acknowledgeBy: string; answerBy: string } | null;
  /** The nearest bar of the open claims, when it is near or has passed (time-bars/core/time-bar.ts). */
  timeBar: { status: 'approaching' | 'time_barred'; lastDay: string } | null;
}

export interface Standing {
  procedure: Message;
  next: Message;
  ifNoSolution: Message;
  facts: { label: Message; value: Message }[];
}

/** What every part of the text shares: the facts, on whose behalf, the balance, the facts every file shows. */
interface Context {
  facts: StandingFacts;
  on: Message;
  balance: Message;
  shown: Standing['facts'];
}

/**
 * "Where this file stands", in plain words the agent can say to the debtor (and the portal will show): the procedure
 * engaged, what happens next and when, and what happens if no solution is found. Pure, from the case's facts: the
 * state of the file (closed, a dispute waiting, a hold, its stage), then what a near or passed time bar and a
 * complaint being handled add to it.
 */
export function standing(facts: StandingFacts): Standing {
  const context = contextOf(facts);
  const hold = facts.holds[0];
  const main =
    facts.stage === 'closed'
      ? closedStanding(context)
      : facts.dispute
        ? disputeStanding(context, facts.dispute)
        : hold
          ? heldStanding(context, hold)
          : stageStanding(context);
  return withComplaint(withTimeBar(main, facts), facts);
}

function contextOf(facts: StandingFacts): Context {
  const amount = amountParam(facts.balanceCents);
  const balance: Message = { fr: amount, en: amount, it: amount };
  const on: Message =
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
  const shown: Standing['facts'] = [
    { label: { fr: 'Dossier ouvert le', en: 'Case opened on', it: 'Pratica aperta il' }, value: dw(facts.openedOn) },
    {
      label: { fr: 'Premier courrier', en: 'First letter', it: 'Prima lettera' },
      value: facts.firstLetterSentOn ? dw(facts.firstLetterSentOn) : NONE,
    },
    { label: { fr: 'Reste dû', en: 'Outstanding', it: 'Residuo' }, value: balance },
  ];
  return { facts, on, balance, shown };
}

function heldStanding({ shown }: Context, hold: { kind: string; until: string | null }): Standing {
  const untilWords = hold.until ? dw(hold.until) : NONE;
  return {
    procedure: HOLD_PROCEDURE[hold.kind] ?? PAUSED,
    next: {
      fr: `Rien ne se passe pendant la suspension, jusqu’au ${untilWords.fr} ; une personne revoit alors le dossier.`,
      en: `Nothing happens while the pause lasts, until ${untilWords.en}; a person then reviews the file.`,
      it: `Non succede nulla durante la sospensione, fino al ${untilWords.it}; poi una persona riesamina la pratica.`,
    },
    ifNoSolution: {
      fr: `À la fin de la suspension, le dossier reprend là où il était, après revue. ${NO_FEES.fr}`,
      en: `When the pause ends, the file resumes where it was, after a review. ${NO_FEES.en}`,
      it: `Alla fine della sospensione, la pratica riprende da dove era, dopo un riesame. ${NO_FEES.it}`,
    },
    facts: [
      ...shown,
      { label: { fr: 'Suspension jusqu’au', en: 'Paused until', it: 'Sospesa fino al' }, value: untilWords },
    ],
  };
}

/** A dispute waits: for the creditor's evidence until its deadline, then for a person's decision. */
function disputeStanding({ facts, shown }: Context, dispute: NonNullable<StandingFacts['dispute']>): Standing {
  const due = dw(dispute.evidenceDueOn);
  const creditor = facts.creditorName;
  const late = compareDates(facts.today, dispute.evidenceDueOn) > 0;
  const next: Message =
    dispute.status === 'answered'
      ? {
          fr: `${creditor} a répondu : une personne examine sa réponse et décide ; nous vous écrirons la décision.`,
          en: `${creditor} has answered: a person is reviewing its answer and will decide; we will write to you with the decision.`,
          it: `${creditor} ha risposto: una persona esamina la sua risposta e decide; le scriveremo la decisione.`,
        }
      : late
        ? {
            fr: `${creditor} devait justifier la créance au plus tard le ${due.fr} et ne l’a pas fait : une personne décide maintenant ; le recouvrement reste arrêté.`,
            en: `${creditor} had until ${due.en} to substantiate the debt and has not: a person now decides; collection stays stopped.`,
            it: `${creditor} doveva giustificare il credito entro il ${due.it} e non l’ha fatto: ora decide una persona; il recupero resta fermo.`,
          }
        : {
            fr: `Nous avons demandé à ${creditor} de justifier le fondement et le montant de la créance au plus tard le ${due.fr} ; une personne décidera ensuite et nous vous écrirons.`,
            en: `We asked ${creditor} to substantiate the basis and the amount of the debt by ${due.en}; a person will then decide and we will write to you.`,
            it: `Abbiamo chiesto a ${creditor} di giustificare il fondamento e l’importo del credito entro il ${due.it}; poi deciderà una persona e le scriveremo.`,
          };
  return {
    procedure: DISPUTE_PROCEDURE,
    next,
    ifNoSolution: DISPUTE_IF_NO_SOLUTION,
    facts: [
      ...shown,
      {
        label: { fr: 'Preuves attendues au plus tard le', en: 'Evidence due by', it: 'Prove attese entro il' },
        value: due,
      },
    ],
  };
}

function closedStanding({ facts, shown }: Context): Standing {
  const reason = CLOSED[facts.closeReason ?? ''] ?? CLOSED_OTHER;
  return {
    procedure: {
      fr: `Le dossier est clos : ${reason.why.fr}.`,
      en: `The file is closed: ${reason.why.en}.`,
      it: `La pratica è chiusa: ${reason.why.it}.`,
    },
    next: reason.next,
    ifNoSolution: { fr: 'Sans objet.', en: 'Not applicable.', it: 'Non applicabile.' },
    facts: shown,
  };
}

function stageStanding(context: Context): Standing {
  const { facts, on, shown } = context;
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
              fr: `Prochaine échéance : ${amountParam(next.amountCents)} le ${dw(next.dueOn).fr}.`,
              en: `Next instalment: ${amountParam(next.amountCents)} on ${dw(next.dueOn).en}.`,
              it: `Prossima rata: ${amountParam(next.amountCents)} il ${dw(next.dueOn).it}.`,
            }
          : {
              fr: 'Le plan suit son cours ; vous recevrez un récapitulatif à la fin.',
              en: 'The plan runs its course; you will get a statement at the end.',
              it: 'Il piano procede; riceverà un riepilogo alla fine.',
            },
        ifNoSolution: {
          fr: `Si une échéance ne peut pas être payée, appelez-nous : le plan peut être revu selon votre budget. Sans nouvelles après le délai de grâce, le plan est rompu et le dossier revient à l’amiable. ${NO_FEES.fr}`,
          en: `If an instalment cannot be paid, call us: the plan can be revised to fit your budget. Without news after the grace period, the plan breaks and the file goes back to the amicable stage. ${NO_FEES.en}`,
          it: `Se una rata non può essere pagata, ci chiami: il piano può essere rivisto secondo il suo bilancio. Senza notizie dopo il periodo di tolleranza, il piano decade e la pratica torna alla fase stragiudiziale. ${NO_FEES.it}`,
        },
        facts: shown,
      };
    }
    case 'dispute':
      // The dispute stage without a waiting dispute on record (set by a person).
      return {
        procedure: DISPUTE_PROCEDURE,
        next: {
          fr: `Nous avons demandé à ${facts.creditorName} de confirmer le fondement et le montant de la créance ; nous vous écrirons sa réponse.`,
          en: `We asked ${facts.creditorName} to confirm the basis and the amount of the debt; we will write to you with its answer.`,
          it: `Abbiamo chiesto a ${facts.creditorName} di confermare il fondamento e l’importo del credito; le scriveremo la sua risposta.`,
        },
        ifNoSolution: DISPUTE_IF_NO_SOLUTION,
        facts: shown,
      };
    case 'overindebtedness':
    case 'judicial':
    case 'deceased':
      return { ...FIXED_STAGES[facts.stage], facts: shown };
    default:
      return amicableStanding(context);
  }
}

function amicableStanding({ facts, on, balance, shown }: Context): Standing {
  const reviewOn = addMonths(facts.openedOn, AMICABLE_REVIEW_MONTHS);
  const promise = facts.openPromise;
  const next: Message = promise
    ? {
        fr: `Nous attendons le paiement promis de ${amountParam(promise.amountCents)} au plus tard le ${dw(promise.dueOn).fr}.`,
        en: `We expect the promised payment of ${amountParam(promise.amountCents)} by ${dw(promise.dueOn).en}.`,
        it: `Attendiamo il pagamento promesso di ${amountParam(promise.amountCents)} entro il ${dw(promise.dueOn).it}.`,
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
      fr: `Sans solution amiable, une personne pourra revoir le dossier à partir du ${dw(reviewOn).fr} pour un passage en phase judiciaire ; une solution reste possible jusque-là et après. ${NO_FEES.fr}`,
      en: `Without an amicable solution, a person may review the file from ${dw(reviewOn).en} for a move to the judicial stage; a solution remains possible until then and after. ${NO_FEES.en}`,
      it: `Senza soluzione stragiudiziale, una persona potrà riesaminare la pratica dal ${dw(reviewOn).it} per un passaggio alla fase giudiziale; una soluzione resta possibile fino ad allora e dopo. ${NO_FEES.it}`,
    },
    facts: [
      ...shown,
      {
        label: { fr: 'Revue possible à partir du', en: 'Review possible from', it: 'Riesame possibile dal' },
        value: dw(reviewOn),
      },
    ],
  };
}

/**
 * A bar near or passed changes what happens without a solution: a time-barred claim is never taken to court and
 * nobody may force its payment, but a voluntary payment is still accepted (C. civ. 2249, C. conso L121-2).
 */
function withTimeBar(main: Standing, facts: StandingFacts): Standing {
  const bar = facts.timeBar;
  if (!bar || facts.stage === 'closed') return main;
  if (bar.status === 'time_barred') {
    const since = dw(addDays(bar.lastDay, 1));
    return {
      ...main,
      ifNoSolution: {
        fr: `La créance est prescrite depuis le ${since.fr} : aucune action en justice ne sera engagée et personne ne peut vous contraindre à payer. Un paiement volontaire reste accepté ; il ne vous serait pas rendu. ${NO_FEES.fr}`,
        en: `The debt has been time-barred since ${since.en}: no court action will be taken and no one can force you to pay. A voluntary payment is still accepted; it would not be given back. ${NO_FEES.en}`,
        it: `Il credito è prescritto dal ${since.it}: nessuna azione giudiziaria sarà avviata e nessuno può obbligarla a pagare. Un pagamento volontario resta accettato; non le verrebbe restituito. ${NO_FEES.it}`,
      },
      facts: [
        ...main.facts,
        { label: { fr: 'Prescrite depuis le', en: 'Time-barred since', it: 'Prescritto dal' }, value: since },
      ],
    };
  }
  const last = dw(bar.lastDay);
  return {
    ...main,
    ifNoSolution: {
      fr: `${main.ifNoSolution.fr} La créance peut être réclamée jusqu’au ${last.fr} ; après, elle sera prescrite : plus d’action en justice possible, un paiement volontaire restera accepté.`,
      en: `${main.ifNoSolution.en} The debt may be claimed until ${last.en}; after that it is time-barred: no court action is possible any more, and a voluntary payment is still accepted.`,
      it: `${main.ifNoSolution.it} Il credito può essere richiesto fino al ${last.it}; dopo sarà prescritto: nessuna azione giudiziaria sarà più possibile, un pagamento volontario resterà accettato.`,
    },
    facts: [
      ...main.facts,
      { label: { fr: 'Réclamable jusqu’au', en: 'May be claimed until', it: 'Esigibile fino al' }, value: last },
    ],
  };
}

/** A complaint being handled: what comes next for it, and by when (ACPR 2022-R-01). */
function withComplaint(main: Standing, facts: StandingFacts): Standing {
  const complaint = facts.complaint;
  if (!complaint) return main;
  const answer = dw(complaint.answerBy);
  const acknowledge = dw(complaint.acknowledgeBy);
  const handling: Message =
    complaint.status === 'received'
      ? {
          fr: `Votre réclamation ${complaint.reference} est enregistrée : nous en accusons réception au plus tard le ${acknowledge.fr} et y répondons au plus tard le ${answer.fr}.`,
          en: `Your complaint ${complaint.reference} is registered: we acknowledge it by ${acknowledge.en} and answer it by ${answer.en}.`,
          it: `Il suo reclamo ${complaint.reference} è registrato: ne confermiamo la ricezione entro il ${acknowledge.it} e rispondiamo entro il ${answer.it}.`,
        }
      : {
          fr: `Votre réclamation ${complaint.reference} est en cours d’examen : nous y répondons au plus tard le ${answer.fr}.`,
          en: `Your complaint ${complaint.reference} is being examined: we answer it by ${answer.en}.`,
          it: `Il suo reclamo ${complaint.reference} è in esame: rispondiamo entro il ${answer.it}.`,
        };
  return {
    ...main,
    next: {
      fr: `${main.next.fr} ${handling.fr}`,
      en: `${main.next.en} ${handling.en}`,
      it: `${main.next.it} ${handling.it}`,
    },
    facts: [
      ...main.facts,
      {
        label: {
          fr: 'Réponse à la réclamation au plus tard le',
          en: 'Complaint answered by',
          it: 'Risposta al reclamo entro il',
        },
        value: answer,
      },
    ],
  };
}
