import type { Kysely, Transaction } from 'kysely';
import { caseInScope } from '../cases/scope.js';
import type { Actor } from '../identity/actor.js';
import { creditorScope } from '../identity/scope.js';
import { agencyToday, type IsoDate } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import type { CaseProcedure, ProcedureView } from './contract.js';
import { costTotals, type ChargeableTo, type CostKind } from './core/costs.js';
import type { DeadlineKind, State, StepKind } from './core/procedure-lists.js';
import { nextAction } from './core/procedure-next.js';
import { allowedSteps, collectionActs, lateOppositionDeadline, stateDeadlines } from './core/procedure.js';
import { factsOf, judicialCalendar, reviewChoice } from './procedure-facts.js';
import { pendingReports } from './partner-reports.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The case's procedure as the reader may see it (null when none is open), and the route its review chose. */
export async function caseProcedure(deps: Deps, actor: Actor, caseId: string): Promise<CaseProcedure> {
  const today = agencyToday(deps.now(), deps.config);
  const procedure = await loadProcedureView(deps.db, actor, caseId, today);
  const staff = creditorScope(actor) === null;
  return {
    procedure,
    reviewRoute: staff && !procedure ? ((await reviewChoice(deps.db, caseId))?.route ?? null) : null,
  };
}

/**
 * The procedure's state, its deadlines, the next action and the collection acts it permits today. A creditor user
 * sees the state of its own cases' procedure only: the acts, the partner and the costs are the agency's.
 */
export async function loadProcedureView(
  db: Db,
  actor: Actor,
  caseId: string,
  today: IsoDate,
): Promise<ProcedureView | null> {
  await caseInScope(db, actor, caseId);
  const row = await db.selectFrom('judicial_procedures').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  if (!row) return null;
  const facts = factsOf(row);
  const calendar = await judicialCalendar(db);
  const deadlines: ProcedureView['deadlines'] = stateDeadlines(facts.state, facts.stateSince, calendar);
  const late = lateOppositionDeadline(facts, today, calendar);
  if (late) deadlines.push(late);
  if (facts.titleExpiresOn) deadlines.push({ kind: 'title_life', on: facts.titleExpiresOn });
  const view: ProcedureView = {
    id: row.id,
    caseId,
    route: facts.route,
    state: facts.state,
    stateSince: facts.stateSince,
    outcome: facts.outcome,
    deadlines,
    next: nextAction(facts, today, calendar),
    collection: collectionActs(facts, today, calendar),
    titleObtainedOn: facts.titleObtainedOn,
    titleExpiresOn: facts.titleExpiresOn,
    fileNotBefore: facts.fileNotBefore,
    servedInPerson: facts.servedInPerson,
    allowedSteps: null,
    partnerId: null,
    partnerName: null,
    steps: null,
    costs: null,
    costTotals: null,
    partnerReports: null,
  };
  if (creditorScope(actor) !== null) return view;
  const [steps, costs, partner, reports] = await Promise.all([
    db
      .selectFrom('judicial_procedure_steps')
      .selectAll()
      .where('procedure_id', '=', row.id)
      .orderBy('recorded_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('judicial_costs')
      .leftJoin('claims', 'claims.id', 'judicial_costs.claim_id')
      .selectAll('judicial_costs')
      .select('claims.reference as claim_reference')
      .where('procedure_id', '=', row.id)
      .orderBy('incurred_on')
      .orderBy('judicial_costs.id')
      .execute(),
    row.partner_id
      ? db.selectFrom('judicial_partners').select('firm_name').where('id', '=', row.partner_id).executeTakeFirst()
      : undefined,
    pendingReports(db, row.id),
  ]);
  const costLines = costs.map((cost) => ({
    id: cost.id,
    kind: cost.kind as CostKind,
    amountCents: Number(cost.amount_cents),
    chargeableTo: cost.chargeable_to as ChargeableTo,
    legalBasis: cost.legal_basis,
    incurredOn: cost.incurred_on,
    note: cost.note,
    claimReference: cost.claim_reference,
    paymentId: cost.payment_id,
  }));
  return {
    ...view,
    allowedSteps: allowedSteps(facts, today, calendar).filter((kind) => kind !== 'partner_payment'),
    partnerId: row.partner_id,
    partnerName: partner?.firm_name ?? null,
    steps: steps.map((step) => ({
      id: step.id,
      kind: step.kind as StepKind | 'opened',
      occurredOn: step.occurred_on,
      fromState: step.from_state as State | null,
      toState: step.to_state as State,
      deadline: step.deadline_kind ? { kind: step.deadline_kind as DeadlineKind, on: step.deadline_on! } : null,
      reportedBy: step.reported_by as 'agency' | 'partner',
      note: step.note,
      paymentId: step.payment_id,
      recordedAt: step.recorded_at.toISOString(),
    })),
    costs: costLines,
    costTotals: costTotals(costLines),
    partnerReports: reports,
  };
}
