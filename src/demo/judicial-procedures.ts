import type { Actor } from '../identity/actor.js';
import type { StepKind } from '../judicial/core/procedure-lists.js';
import type { Route } from '../judicial/core/procedure.js';
import { openJudicialProcedure, recordPartnerPayment, recordProcedureStep } from '../judicial/procedure-steps.js';
import { recordProcedureCost } from '../judicial/procedure-costs.js';
import { addDays, agencyToday } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { actorOf } from './documents.js';

/** How far a demo procedure went: its route, the steps recorded today, a cost line, a payment through the partner. */
interface DemoProcedure {
  route: Route;
  steps: StepKind[];
  titleYearsAgo?: number;
  cost?: true;
  partnerPaymentCents?: number;
}

/**
 * Judicial procedures at several steps (REGULATION §11), through the procedure's services so their audit trail and
 * payments are real: an order served (the opposition's month running), a title being enforced with its costs and a
 * payment the commissaire collected, an order to serve within 6 months, a bank seizure to notify within 8 days, a
 * PSRPC invitation awaiting its answer, a mediation, a requête filed, a wage-seizure commandement, an opposition. The
 * first case at the judicial stage, and any beyond these, wait "to open" in the judicial queue.
 */
const DEMO_PROCEDURES: DemoProcedure[] = [
  { route: 'injonction_de_payer', steps: ['requete_filed', 'ordonnance_issued', 'served'] },
  { route: 'enforcement_with_title', steps: [], titleYearsAgo: 2, cost: true, partnerPaymentCents: 15_000 },
  { route: 'injonction_de_payer', steps: ['requete_filed', 'ordonnance_issued'] },
  { route: 'enforcement_with_title', steps: ['bank_seized'], titleYearsAgo: 1 },
  { route: 'psrpc', steps: ['psrpc_invitation_sent'] },
  { route: 'prior_mediation', steps: ['mediation_started'] },
  { route: 'injonction_de_payer', steps: ['requete_filed'] },
  { route: 'enforcement_with_title', steps: ['wage_commandement_served'], titleYearsAgo: 3 },
  { route: 'injonction_de_payer', steps: ['requete_filed', 'ordonnance_issued', 'served', 'opposition_filed'] },
];

export async function loadDemoJudicialProcedures(deps: Deps): Promise<number> {
  const specialist = await actorOf(deps, 'judicial@demo.accord.test');
  if (!specialist) return 0;
  const cases = await deps.db
    .selectFrom('cases')
    .select(['id', 'balance_cents'])
    .where('stage', '=', 'judicial')
    .where('status', '=', 'open')
    .orderBy('reference')
    .limit(DEMO_PROCEDURES.length + 1)
    .execute();
  const today = agencyToday(deps.now(), deps.config);
  // The commissaire de justice the demo's handoffs went to (judicial-handoffs.ts), when there is one.
  const commissaire = await deps.db
    .selectFrom('judicial_partners')
    .select(['id', 'firm_name'])
    .where('kind', '=', 'commissaire_de_justice')
    .where('active', '=', true)
    .orderBy('firm_name', 'desc')
    .executeTakeFirst();
  let opened = 0;
  for (const [index, target] of cases.slice(1).entries()) {
    await loadProcedure(deps, specialist, target.id, DEMO_PROCEDURES[index]!, today, commissaire ?? null);
    opened += 1;
  }
  return opened;
}

async function loadProcedure(
  deps: Deps,
  specialist: Actor,
  caseId: string,
  demo: DemoProcedure,
  today: string,
  commissaire: { id: string; firm_name: string } | null,
) {
  const titleObtainedOn = demo.titleYearsAgo ? addDays(today, -365 * demo.titleYearsAgo) : null;
  const note = commissaire ? `Dossier transmis à ${commissaire.firm_name}.` : '';
  const partnerId = commissaire?.id ?? null;
  await openJudicialProcedure(
    deps,
    specialist,
    caseId,
    { route: demo.route, partnerId, titleObtainedOn, note },
    'demo',
  );
  for (const kind of demo.steps) {
    const reportedBy = kind === 'requete_filed' ? 'agency' : 'partner';
    await recordProcedureStep(deps, specialist, caseId, { kind, occurredOn: today, reportedBy, note: '' }, 'demo');
  }
  if (demo.cost) {
    // The debtor's: it enters the balance. The creditor's A444-32 fee comes with the payment the commissaire collects.
    const cost = { kind: 'enforcement_act' as const, amountCents: 4_520, incurredOn: today, note: '' };
    await recordProcedureCost(deps, specialist, caseId, cost, 'demo');
  }
  if (demo.partnerPaymentCents) {
    const paymentKey = `00000000-0000-4000-8000-${caseId.replace(/-/g, '').slice(-12)}`;
    const payment = {
      amountCents: demo.partnerPaymentCents,
      receivedOn: today,
      reference: `${commissaire?.firm_name ?? 'Commissaire de justice'} — versement`.slice(0, 140),
      note: '',
    };
    await recordPartnerPayment(deps, specialist, caseId, { ...payment, paymentKey }, 'demo');
  }
}
