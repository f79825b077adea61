import { answerDispute } from '../disputes/answer-dispute.js';
import type { DisputeRecordBody } from '../disputes/contract.js';
import { decideDispute } from '../disputes/decide-dispute.js';
import { recordDispute } from '../disputes/record-dispute.js';
import type { Actor } from '../identity/actor.js';
import {
  addDays,
  agencyToday,
  compareDates,
  instantAt,
  isBusinessDay,
  type IsoDate,
} from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { demoActors } from './actors.js';
import type { DemoDispute } from './seed-history.js';

const AGENT = 'agent@demo.accord.test';
const LEADER = 'team.leader@demo.accord.test';
const MANAGER = 'manager@demo.accord.test';
/** Who answers for each creditor: its own user, or the manager who keys in the answer Telco Alpi sent by post. */
const ANSWERS_FOR: Record<string, string> = {
  BHORIZON: 'creditor@demo.accord.test',
  ENERHONE: 'creditor.energie@demo.accord.test',
  TELCOALPI: MANAGER,
};

/** The services as they ran on a day at a time of the agency's working hours (the business day on or before it). */
function onDay(deps: Deps, day: IsoDate, time: string): Deps {
  let business = day;
  while (!isBusinessDay(business, { country: 'FR', region: null })) business = addDays(business, -1);
  const at = instantAt(business, deps.config.AGENCY_TZ, time);
  return { ...deps, now: () => at };
}

type DisputeGrounds = DisputeRecordBody['grounds'];
const GROUNDS: DisputeGrounds[] = ['amount_wrong', 'already_paid', 'not_delivered', 'not_mine', 'identity_theft'];
const DISPUTE_NOTES: Record<DisputeGrounds, string> = {
  amount_wrong: 'Le montant réclamé inclut deux fois les frais de relance selon le débiteur.',
  already_paid: 'Le débiteur dit avoir réglé cette facture par virement en mars ; il envoie son relevé bancaire.',
  not_delivered: 'Le débiteur dit n’avoir jamais reçu le service facturé ; il demande le justificatif de livraison.',
  not_mine: 'La débitrice ne reconnaît pas ce contrat et n’a jamais eu de compte chez ce créancier.',
  identity_theft: 'La débitrice signale une usurpation d’identité ; un dépôt de plainte est annoncé.',
  other: 'Le débiteur conteste la créance sans en préciser le motif ; il attend les pièces.',
};

/** The case's first open claim, by reference: the one disputed. */
async function claimOf(deps: Deps, caseId: string): Promise<string> {
  const claim = await deps.db
    .selectFrom('claims')
    .select('id')
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .orderBy('reference')
    .executeTakeFirstOrThrow();
  return claim.id;
}

/**
 * The creditor's answer, five days after the request: the first one a correction of the claim that the team leader
 * accepts two days later (the case leaves the dispute stage), the others a confirmation waiting for the team's review.
 */
async function answer(deps: Deps, people: Map<string, Actor>, planned: DemoDispute, id: string, decide: boolean) {
  const creditor = people.get(ANSWERS_FOR[planned.creditorCode]!)!;
  const answered = onDay(deps, addDays(planned.on, 5), '11:00');
  if (!decide) {
    await answerDispute(answered, creditor, id, {
      answer: 'confirmed',
      note: 'Contrat signé et historique du compte joints : la créance est due telle que remise.',
      adjustment: null,
      documentIds: [],
    });
    return;
  }
  await answerDispute(answered, creditor, id, {
    answer: 'adjusted',
    note: 'Les frais de relance ont été comptés deux fois ; nous les retirons.',
    adjustment: { component: 'principal', amountCents: -2_500 },
    documentIds: [],
  });
  await decideDispute(onDay(deps, addDays(planned.on, 7), '16:30'), people.get(LEADER)!, id, {
    decision: 'adjust',
    note: 'Correction du créancier acceptée ; le débiteur est informé du nouveau solde.',
  });
}

/**
 * The disputes of the cases the portfolio disputes, each recorded by the agent through the service on its day: those
 * still within the creditor's deadline wait for its evidence; of those past it, one in two the creditor answered (the
 * first with a correction the team leader accepted, the others waiting for the team's decision), the other is overdue.
 * Every case at the dispute stage has its dispute, with its hold, its evidence request and the creditor's notice.
 */
export async function loadDemoDisputes(deps: Deps, disputes: readonly DemoDispute[]): Promise<number> {
  const today = agencyToday(deps.now(), deps.config);
  const people = await demoActors(deps, [AGENT, LEADER, ...Object.values(ANSWERS_FOR)]);
  const agent = people.get(AGENT)!;
  let pastDue = 0;
  for (const [index, planned] of disputes.entries()) {
    const grounds = GROUNDS[index % GROUNDS.length]!;
    const body = {
      claimId: await claimOf(deps, planned.caseId),
      grounds,
      note: DISPUTE_NOTES[grounds],
      documentIds: [],
    };
    const view = await recordDispute(onDay(deps, planned.on, '10:15'), agent, planned.caseId, body);
    if (compareDates(view.evidenceDueOn, today) >= 0) continue;
    pastDue += 1;
    if (pastDue % 2 === 1) await answer(deps, people, planned, view.id, pastDue === 1);
  }
  return disputes.length;
}
