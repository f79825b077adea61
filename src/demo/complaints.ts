import { acknowledgeComplaint, answerComplaint } from '../complaints/handle-complaint.js';
import { registerComplaint } from '../complaints/register-complaint.js';
import type { RegisterComplaintBody } from '../complaints/contract.js';
import { addDays, agencyToday, instantAt, isBusinessDay, type IsoDate } from '../platform/calendar/index.js';
import type { Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { demoActors } from './actors.js';

const AGENT = 'agent@demo.accord.test';
const COMPLIANCE = 'compliance@demo.accord.test';

interface DemoComplaint {
  daysAgo: number;
  body: Omit<RegisterComplaintBody, 'receivedOn'>;
  acknowledgedDaysAgo?: number;
  answeredDaysAgo?: number;
}

/**
 * Complaints at each point of their deadlines (10 business days to acknowledge, 2 months to answer): one about the
 * contact frequency just received (linked to the debtor's contacts of the month before), one acknowledged and waiting
 * for its answer, one whose acknowledgement is late, and one answered with a refusal that names the mediator.
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

/** The services as they ran some days ago (the business day on or before), at a time of the working hours. */
function onDay(deps: Deps, today: IsoDate, daysAgo: number, time: string): { deps: Deps; day: IsoDate } {
  let day = addDays(today, -daysAgo);
  while (!isBusinessDay(day, { country: 'FR', region: null })) day = addDays(day, -1);
  const at = instantAt(day, deps.config.AGENCY_TZ, time);
  return { deps: { ...deps, now: () => at }, day };
}

/**
 * Open amicable cases of Énergie Rhône whose debtor has no other open case, no hold and no dispute, from the end of
 * the reference list (the team's morning work and the documents take theirs from the start).
 */
async function complaintCases(deps: Deps, count: number): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('cases as c')
    .innerJoin('creditors as cr', 'cr.id', 'c.creditor_id')
    .select('c.id')
    .where('cr.code', '=', 'ENERHONE')
    .where('c.status', '=', 'open')
    .where('c.stage', '=', 'amicable')
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
    .orderBy('c.reference', 'desc')
    .limit(count)
    .execute();
  return rows.map((row) => row.id);
}

/** One complaint registered by the agent on the day received, handled by the compliance officer on its days. */
async function handle(deps: Deps, people: { agent: Actor; compliance: Actor }, caseId: string, index: number) {
  const complaint = COMPLAINTS[index]!;
  const today = agencyToday(deps.now(), deps.config);
  const received = onDay(deps, today, complaint.daysAgo, '11:30');
  const body = { ...complaint.body, receivedOn: received.day };
  const registered = await registerComplaint(received.deps, people.agent, caseId, body, `demo-complaint-${index}`);
  if (complaint.acknowledgedDaysAgo !== undefined) {
    const acknowledged = onDay(deps, today, complaint.acknowledgedDaysAgo, '09:30');
    await acknowledgeComplaint(acknowledged.deps, people.compliance, registered.id, `demo-ack-${index}`);
  }
  if (complaint.answeredDaysAgo === undefined) return;
  const answered = onDay(deps, today, complaint.answeredDaysAgo, '15:45');
  const answer = {
    outcome: 'refused' as const,
    answer:
      'Les intérêts de retard sont ceux du contrat, au taux légal ; le détail du calcul est joint à notre réponse.',
    rootCause: 'no_fault' as const,
    measures: 'Le détail du calcul des intérêts est désormais joint au premier courrier.',
  };
  await answerComplaint(answered.deps, people.compliance, registered.id, answer, `demo-answer-${index}`);
}

/** The demo's complaints, each through the service on the day it was done, on cases of their own; how many. */
export async function loadDemoComplaints(deps: Deps): Promise<number> {
  const people = await demoActors(deps, [AGENT, COMPLIANCE]);
  const agent = people.get(AGENT);
  const compliance = people.get(COMPLIANCE);
  if (!agent || !compliance) return 0;
  const cases = await complaintCases(deps, COMPLAINTS.length);
  for (const [index, caseId] of cases.entries()) await handle(deps, { agent, compliance }, caseId, index);
  return cases.length;
}
