import { acknowledgeComplaint, answerComplaint } from '../complaints/handle-complaint.js';
import { registerComplaint } from '../complaints/register-complaint.js';
import type { RegisterComplaintBody } from '../complaints/contract.js';
import { answerDispute } from '../disputes/answer-dispute.js';
import type { DisputeRecordBody } from '../disputes/contract.js';
import { decideDispute } from '../disputes/decide-dispute.js';
import { recordDispute } from '../disputes/record-dispute.js';
import type { Actor } from '../identity/actor.js';
import { addDays, agencyToday, instantAt, isBusinessDay, type IsoDate } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { demoActors } from './actors.js';

/** What the demo leaves in the lifecycle's lists: disputes at each step, complaints at each deadline. */
export interface DemoLifecycle {
  disputes: number;
  complaints: number;
}

const AGENT = 'agent@demo.accord.test';
const LEADER = 'team.leader@demo.accord.test';
const COMPLIANCE = 'compliance@demo.accord.test';
const ENERGIE = 'creditor.energie@demo.accord.test';

interface Candidate {
  caseId: string;
  claimId: string;
  claimReference: string;
  creditorId: string;
}

/**
 * Open amicable cases of a creditor, never disputed, whose debtor has no other open case and no hold, one claim each
 * (the first by reference), from the end of the reference list: the team's morning work and the documents take theirs from the start.
 */
async function candidates(
  deps: Deps,
  creditorCode: string,
  count: number,
  quietSince: IsoDate | null = null,
): Promise<Candidate[]> {
  const rows = await deps.db
    .selectFrom('cases as c')
    .innerJoin('creditors as cr', 'cr.id', 'c.creditor_id')
    .innerJoin('claims as cl', 'cl.case_id', 'c.id')
    .select(['c.id as caseId', 'cl.id as claimId', 'cl.reference as claimReference', 'c.creditor_id as creditorId'])
    .where('cr.code', '=', creditorCode)
    .where('c.status', '=', 'open')
    .where('c.stage', '=', 'amicable')
    .where('cl.status', '=', 'open')
    .where('c.balance_cents', '>', 20_000)
    .where(({ exists, not, selectFrom }) =>
      not(
        exists(
          selectFrom('cases as other')
            .select('other.id')
            .whereRef('other.debtor_id', '=', 'c.debtor_id')
            .whereRef('other.id', '<>', 'c.id')
            .where('other.status', '<>', 'closed'),
        ),
      ),
    )
    .where(({ exists, not, selectFrom }) =>
      not(exists(selectFrom('holds as h').select('h.id').whereRef('h.debtor_id', '=', 'c.debtor_id'))),
    )
    .where(({ exists, not, selectFrom }) =>
      not(exists(selectFrom('disputes as dp').select('dp.id').whereRef('dp.case_id', '=', 'c.id'))),
    )
    .$if(quietSince !== null, (q) =>
      q
        .where('c.opened_on', '<=', quietSince!)
        .where(({ exists, not, selectFrom }) =>
          not(
            exists(
              selectFrom('contacts as k')
                .select('k.id')
                .whereRef('k.debtor_id', '=', 'c.debtor_id')
                .where('k.occurred_at', '>=', instantAt(quietSince!, deps.config.AGENCY_TZ)),
            ),
          ),
        ),
    )
    .orderBy('c.reference', 'desc')
    .orderBy('cl.reference')
    .limit(count * 4)
    .execute();
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.caseId) && seen.add(row.caseId)).slice(0, count);
}

/** The services as they ran on a past business day, at a time of the agency's working hours. */
function onDay(deps: Deps, today: IsoDate, daysAgo: number, time: string): { deps: Deps; day: IsoDate } {
  let day = addDays(today, -daysAgo);
  while (!isBusinessDay(day, { country: 'FR', region: null })) day = addDays(day, -1);
  const at = instantAt(day, deps.config.AGENCY_TZ, time);
  return { deps: { ...deps, now: () => at }, day };
}

const dispute = (c: Candidate, grounds: DisputeGrounds, note: string): DisputeRecordBody => ({
  claimId: c.claimId,
  grounds,
  note,
  documentIds: [],
});

/**
 * An open case of the creditor for a dispute recorded on `day`: its debtor had no contact since (the dispute's hold
 * stops contact from that day, and the demo's history stays within the contact policy).
 */
async function caseToDispute(deps: Deps, creditorCode: string, day: IsoDate): Promise<Candidate | undefined> {
  return (await candidates(deps, creditorCode, 1, day))[0];
}

/**
 * Disputes at every step, recorded, answered and decided through the services on past days: one whose evidence is
 * overdue (the creditor did not answer within the mandate's 30 days), one waiting for Banque Horizon's evidence, one
 * Énergie Rhône answered that waits for the team's decision, one settled by a correction, and a few more waiting for
 * each creditor. The agents see them on their cases and in the disputes list, the creditors what is asked of them,
 * the team leader what to decide.
 */
async function loadDisputes(deps: Deps, people: Map<string, Actor>, today: IsoDate): Promise<number> {
  const agent = people.get(AGENT);
  const leader = people.get(LEADER);
  const energie = people.get(ENERGIE);
  if (!agent || !leader || !energie) return 0;
  let count = 0;
  // On the first of the days that has a case to dispute (the nearest first); how many days ago it was recorded.
  const record = async (code: string, days: number[], time: string, grounds: DisputeGrounds, note: string) => {
    for (const daysAgo of days) {
      const opened = onDay(deps, today, daysAgo, time);
      const target = await caseToDispute(deps, code, opened.day);
      if (!target) continue;
      count += 1;
      const view = await recordDispute(opened.deps, agent, target.caseId, dispute(target, grounds, note));
      return { id: view.id, daysAgo };
    }
    return null;
  };
  // Banque Horizon's mandate gives it ten days to send its evidence: this one is overdue.
  await record('BHORIZON', daysFrom(13, 40), '10:15', 'already_paid', DISPUTE_NOTES.alreadyPaid);
  await record('BHORIZON', daysFrom(3, 10), '14:40', 'not_mine', DISPUTE_NOTES.notMine);
  const toDecide = await record('ENERHONE', daysFrom(6, 25), '09:50', 'not_delivered', DISPUTE_NOTES.notDelivered);
  if (toDecide) {
    const answered = onDay(deps, today, 2, '16:20');
    await answerDispute(answered.deps, energie, toDecide.id, {
      answer: 'confirmed',
      note: 'Relevés de compteur joints : la consommation facturée correspond aux index relevés sur place.',
      adjustment: null,
      documentIds: [],
    });
  }
  const corrected = await record('ENERHONE', daysFrom(10, 40), '11:05', 'amount_wrong', DISPUTE_NOTES.amountWrong);
  if (corrected) {
    // Answered four days after the request, decided three days later.
    const answered = onDay(deps, today, corrected.daysAgo - 4, '15:00');
    await answerDispute(answered.deps, energie, corrected.id, {
      answer: 'adjusted',
      note: 'Les frais de relance ont été comptés deux fois ; nous les retirons.',
      adjustment: { component: 'principal', amountCents: -2_500 },
      documentIds: [],
    });
    const decided = onDay(deps, today, corrected.daysAgo - 7, '10:30');
    await decideDispute(decided.deps, leader, corrected.id, {
      decision: 'adjust',
      note: 'Correction du créancier acceptée ; le débiteur est informé du nouveau solde.',
    });
  }
  // A few more per creditor, Italy's included, recorded in the last weeks and waiting for the evidence.
  const grounds: DisputeGrounds[] = ['amount_wrong', 'already_paid', 'not_delivered', 'identity_theft'];
  for (const [creditorIndex, code] of ['BHORIZON', 'ENERHONE', 'TELCOALPI'].entries())
    for (let index = 0; index < WAITING_PER_CREDITOR; index++) {
      const ground = grounds[(creditorIndex + index) % grounds.length]!;
      await record(code, daysFrom(5 + 6 * index + creditorIndex, 30), '10:45', ground, WAITING_NOTES[ground]!);
    }
  return count;
}

type DisputeGrounds = DisputeRecordBody['grounds'];
/** The days from `nearest` to `farthest` days ago, every other day. */
const daysFrom = (nearest: number, farthest: number) =>
  Array.from({ length: Math.floor((farthest - nearest) / 2) + 1 }, (_, i) => nearest + 2 * i);
const WAITING_PER_CREDITOR = 3;
const WAITING_NOTES: Partial<Record<DisputeGrounds, string>> = {
  amount_wrong: 'Le débiteur conteste le montant : il dit avoir déjà obtenu un avoir sur la dernière facture.',
  already_paid: 'La débitrice affirme avoir soldé la dette auprès du créancier avant la remise du dossier.',
  not_delivered: 'Le débiteur dit n’avoir jamais reçu le service facturé ; il demande le justificatif de livraison.',
  identity_theft: 'La débitrice signale une usurpation d’identité ; un dépôt de plainte est annoncé.',
};

const DISPUTE_NOTES = {
  alreadyPaid: 'Le débiteur dit avoir réglé cette facture par virement en mars ; il envoie son relevé bancaire.',
  notMine: 'La débitrice ne reconnaît pas ce contrat et n’a jamais eu de compte chez ce créancier.',
  notDelivered: 'Le débiteur conteste la consommation : logement vacant pendant la période facturée.',
  amountWrong: 'Le montant réclamé inclut deux fois les frais de relance selon le débiteur.',
} as const;

interface DemoComplaint {
  daysAgo: number;
  body: Omit<RegisterComplaintBody, 'receivedOn'>;
  acknowledgedDaysAgo?: number;
  answeredDaysAgo?: number;
}

/**
 * Complaints at each point of their deadlines (10 business days to acknowledge, 2 months to answer): one just
 * received, one acknowledged and waiting for its answer, one whose acknowledgement is late, and one answered with a
 * refusal that names the mediator. The compliance officer and the team leader handle them; the register lists them.
 */
const COMPLAINTS: DemoComplaint[] = [
  {
    daysAgo: 1,
    body: {
      channel: 'phone',
      subject: 'contact_frequency',
      summary:
        'Le débiteur se plaint d’avoir été appelé trois fois la même semaine, dont une fois pendant son travail.',
    },
  },
  {
    daysAgo: 20,
    acknowledgedDaysAgo: 18,
    body: {
      channel: 'letter',
      subject: 'hardship_not_heard',
      summary:
        'La débitrice écrit qu’elle a signalé sa perte d’emploi et qu’on lui a tout de même demandé le solde entier.',
    },
  },
  {
    daysAgo: 16,
    body: {
      channel: 'email',
      subject: 'agent_conduct',
      summary:
        'Le débiteur trouve le ton de l’agent au téléphone insistant et demande qu’un autre interlocuteur le suive.',
    },
  },
  {
    daysAgo: 45,
    acknowledgedDaysAgo: 43,
    answeredDaysAgo: 10,
    body: {
      channel: 'email',
      subject: 'amount',
      summary: 'Le débiteur conteste les intérêts de retard et demande le détail du calcul.',
    },
  },
];

async function loadComplaints(deps: Deps, people: Map<string, Actor>, today: IsoDate): Promise<number> {
  const agent = people.get(AGENT);
  const compliance = people.get(COMPLIANCE);
  if (!agent || !compliance) return 0;
  const cases = await candidates(deps, 'ENERHONE', COMPLAINTS.length);
  let count = 0;
  for (const [index, complaint] of COMPLAINTS.entries()) {
    const target = cases[index];
    if (!target) break;
    const received = onDay(deps, today, complaint.daysAgo, '11:30');
    const registered = await registerComplaint(
      received.deps,
      agent,
      target.caseId,
      { ...complaint.body, receivedOn: received.day },
      `demo-complaint-${index}`,
    );
    if (complaint.acknowledgedDaysAgo !== undefined) {
      const acknowledged = onDay(deps, today, complaint.acknowledgedDaysAgo, '09:30');
      await acknowledgeComplaint(acknowledged.deps, compliance, registered.id, `demo-ack-${index}`);
    }
    if (complaint.answeredDaysAgo !== undefined) {
      const answered = onDay(deps, today, complaint.answeredDaysAgo, '15:45');
      await answerComplaint(
        answered.deps,
        compliance,
        registered.id,
        {
          outcome: 'refused',
          answer:
            'Les intérêts de retard sont ceux du contrat, au taux légal ; le détail du calcul est joint à notre réponse.',
          rootCause: 'no_fault',
          measures: 'Le détail du calcul des intérêts est désormais joint au premier courrier.',
        },
        `demo-answer-${index}`,
      );
    }
    count += 1;
  }
  return count;
}

/**
 * The lifecycle's work in the demo, each through the service that does it on the day it was done: disputes and
 * complaints, on cases of their own.
 */
export async function loadDemoLifecycle(deps: Deps): Promise<DemoLifecycle> {
  const today = agencyToday(deps.now(), deps.config);
  const people = await demoActors(deps, [AGENT, LEADER, COMPLIANCE, ENERGIE]);
  const disputes = await loadDisputes(deps, people, today);
  const complaints = await loadComplaints(deps, people, today);
  return { disputes, complaints };
}
