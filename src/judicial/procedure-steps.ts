import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { caseInScope } from '../cases/scope.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { paymentRequest, recordPaymentsIn } from '../payments/record-payments.js';
import { agencyToday, type IsoDate } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import type { OpenProcedureBody, PartnerPaymentBody, ProcedureStepBody, ProcedureView } from './contract.js';
import { applyStep, openProcedure, refuseStep, stateDeadlines, type ProcedureFacts } from './core/procedure.js';
import type { JudicialCalendar } from './core/procedure-deadlines.js';
import {
  factsOf,
  judicialCalendar,
  lockProcedure,
  procedureOf,
  reviewChoice,
  type ProcedureRow,
} from './procedure-facts.js';
import { chargeCollectionFee } from './procedure-costs.js';
import { loadProcedureView } from './procedure-view.js';
import { appendProcedureLine, openedText, partnerPaymentText, stepText } from './procedure-timeline.js';
import { JUDICIAL_REFUSALS } from './procedure-refusals.js';

type AuditAction =
  'judicial_procedure.opened' | 'judicial_procedure.step_recorded' | 'judicial_procedure.partner_payment_recorded';

function refuse(code: string | null): void {
  if (code) throw conflict(code, JUDICIAL_REFUSALS[code] ?? 'The judicial procedure does not allow this now.');
}

/** The partner named on a procedure is one of the agency's partners, still active: answers its firm's name. */
async function activePartnerName(trx: Transaction<DB>, partnerId: string): Promise<string> {
  const partner = await trx
    .selectFrom('judicial_partners')
    .select(['active', 'firm_name'])
    .where('id', '=', partnerId)
    .executeTakeFirst();
  if (!partner) throw notFound('The partner');
  if (!partner.active) refuse('judicial_procedure.partner_inactive');
  return partner.firm_name;
}

/** The state's first deadline, kept on the procedure for the judicial queue's order. */
function firstDeadline(facts: ProcedureFacts, calendar: JudicialCalendar) {
  return stateDeadlines(facts.state, facts.stateSince, calendar)[0] ?? null;
}

interface AuditedChange {
  action: AuditAction;
  caseId: string;
  creditorId: string;
  after: Record<string, unknown>;
}

async function audit(trx: Transaction<DB>, actor: Actor, record: AuditedChange, at: Date, requestId: string | null) {
  await appendAudit(trx, {
    actor: auditActor(actor),
    action: record.action,
    targetType: 'case',
    targetId: record.caseId,
    creditorId: record.creditorId,
    after: record.after,
    requestId,
    at,
  });
}

/**
 * Opens the case's judicial procedure on the route chosen (the review's when none is given): the case is at the
 * judicial stage and open, no procedure runs yet; nothing is filed before the review's file-not-before day.
 */
export async function openJudicialProcedure(
  deps: Deps,
  actor: Actor,
  caseId: string,
  body: OpenProcedureBody,
  requestId: string | null = null,
): Promise<ProcedureView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  return deps.db.transaction().execute(async (trx) => {
    const found = await caseInScope(trx, actor, caseId);
    await trx.selectFrom('cases').select('id').where('id', '=', caseId).forUpdate().execute();
    const locked = await trx
      .selectFrom('cases')
      .select(['stage', 'status'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    if (locked.stage !== 'judicial' || locked.status !== 'open') refuse('judicial_procedure.not_judicial_stage');
    if (await procedureOf(trx, caseId)) refuse('judicial_procedure.already_open');
    const partnerName = body.partnerId ? await activePartnerName(trx, body.partnerId) : null;
    const review = await reviewChoice(trx, caseId);
    const route = body.route ?? review?.route;
    if (!route)
      throw invalid('judicial_procedure.route_required', JUDICIAL_REFUSALS['judicial_procedure.route_required']!);
    const calendar = await judicialCalendar(trx);
    const opened = openProcedure(route, today, calendar, {
      titleObtainedOn: body.titleObtainedOn,
      fileNotBefore: review?.fileNotBefore ?? null,
    });
    if (typeof opened === 'string') refuse(opened);
    const facts = opened as ProcedureFacts;
    const deadline = firstDeadline(facts, calendar);
    const row = await trx
      .insertInto('judicial_procedures')
      .values({
        case_id: caseId,
        debtor_id: found.debtor_id,
        creditor_id: found.creditor_id,
        route,
        state: facts.state,
        state_since: facts.stateSince,
        deadline_on: deadline?.on ?? null,
        partner_id: body.partnerId,
        review_id: review?.reviewId ?? null,
        file_not_before: facts.fileNotBefore,
        title_obtained_on: facts.titleObtainedOn,
        title_expires_on: facts.titleExpiresOn,
        opened_by: actor.userId,
        opened_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const stepId = await insertStep(trx, actor, now, {
      procedureId: row.id,
      kind: 'opened',
      occurredOn: today,
      fromState: null,
      toState: facts.state,
      deadline,
      reportedBy: 'agency',
      note: body.note,
    });
    await appendProcedureLine(trx, {
      caseId,
      debtorId: found.debtor_id,
      actor,
      at: now,
      summary: openedText(route, partnerName),
      data: { procedureId: row.id, stepId },
    });
    const after = { procedureId: row.id, route, reviewRoute: review?.route ?? null, state: facts.state };
    await audit(
      trx,
      actor,
      { action: 'judicial_procedure.opened', caseId, creditorId: found.creditor_id, after },
      now,
      requestId,
    );
    return (await loadProcedureView(trx, actor, caseId, today))!;
  });
}

interface StepRow {
  procedureId: string;
  kind: string;
  occurredOn: IsoDate;
  fromState: string | null;
  toState: string;
  deadline: { kind: string; on: IsoDate } | null;
  reportedBy: 'agency' | 'partner';
  note: string;
  paymentId?: string;
}

/** Inserts a step row: answers its id. */
async function insertStep(trx: Transaction<DB>, actor: Actor, now: Date, step: StepRow): Promise<string> {
  const row = await trx
    .insertInto('judicial_procedure_steps')
    .values({
      procedure_id: step.procedureId,
      kind: step.kind,
      occurred_on: step.occurredOn,
      from_state: step.fromState,
      to_state: step.toState,
      deadline_kind: step.deadline?.kind ?? null,
      deadline_on: step.deadline?.on ?? null,
      reported_by: step.reportedBy,
      note: step.note,
      payment_id: step.paymentId ?? null,
      recorded_by: actor.userId,
      recorded_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function saveFacts(
  trx: Transaction<DB>,
  procedure: ProcedureRow,
  facts: ProcedureFacts,
  now: Date,
  calendar: JudicialCalendar,
) {
  await trx
    .updateTable('judicial_procedures')
    .set({
      state: facts.state,
      state_since: facts.stateSince,
      deadline_on: firstDeadline(facts, calendar)?.on ?? null,
      title_obtained_on: facts.titleObtainedOn,
      title_expires_on: facts.titleExpiresOn,
      outcome: facts.outcome,
      served_in_person: facts.servedInPerson,
      late_opposition_from: facts.lateOppositionFrom,
      updated_at: now,
    })
    .where('id', '=', procedure.id)
    .execute();
}

/** A step of the procedure, the agency's act or the partner's update entered by a person, checked by the machine. */
export async function recordProcedureStep(
  deps: Deps,
  actor: Actor,
  caseId: string,
  body: ProcedureStepBody,
  requestId: string | null = null,
): Promise<ProcedureView> {
  return deps.db.transaction().execute(async (trx) => {
    await recordProcedureStepIn(trx, deps, actor, caseId, body, requestId);
    return (await loadProcedureView(trx, actor, caseId, agencyToday(deps.now(), deps.config)))!;
  });
}

/**
 * The step in the caller's transaction (the case and procedure locked, the refusal a 409 with the procedure's code, the
 * timeline's line and the audit entry written): answers the step's id.
 */
export async function recordProcedureStepIn(
  trx: Transaction<DB>,
  deps: Deps,
  actor: Actor,
  caseId: string,
  body: ProcedureStepBody,
  requestId: string | null,
): Promise<{ stepId: string }> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  const { found, procedure } = await lockProcedure(trx, actor, caseId);
  const facts = factsOf(procedure);
  const calendar = await judicialCalendar(trx);
  const step = { kind: body.kind, occurredOn: body.occurredOn, outcome: body.outcome, inPerson: body.inPerson };
  refuse(refuseStep(facts, step, today, calendar));
  const next = applyStep(facts, step, today, calendar);
  await saveFacts(trx, procedure, next, now, calendar);
  const deadline = next.state === facts.state ? null : firstDeadline(next, calendar);
  const stepId = await insertStep(trx, actor, now, {
    procedureId: procedure.id,
    kind: body.kind,
    occurredOn: body.occurredOn,
    fromState: facts.state,
    toState: next.state,
    deadline,
    reportedBy: body.reportedBy,
    note: body.note,
  });
  await appendProcedureLine(trx, {
    caseId,
    debtorId: found.debtor_id,
    actor,
    at: now,
    summary: stepText({ ...body, next, deadline }),
    data: { procedureId: procedure.id, stepId },
  });
  const after = { procedureId: procedure.id, kind: body.kind, from: facts.state, to: next.state, by: body.reportedBy };
  await audit(
    trx,
    actor,
    { action: 'judicial_procedure.step_recorded', caseId, creditorId: found.creditor_id, after },
    now,
    requestId,
  );
  return { stepId };
}

/**
 * A payment the partner collected and passed on: recorded by the payments service in this transaction (allocated by
 * law to the claims, its receipt, the balance), and a `partner_payment` step naming it. The same key never records
 * a second payment (a replay adds no second step).
 */
export async function recordPartnerPayment(
  deps: Deps,
  actor: Actor,
  caseId: string,
  body: PartnerPaymentBody,
  requestId: string | null = null,
): Promise<ProcedureView> {
  return deps.db.transaction().execute(async (trx) => {
    await recordPartnerPaymentIn(trx, deps, actor, caseId, body, requestId);
    return (await loadProcedureView(trx, actor, caseId, agencyToday(deps.now(), deps.config)))!;
  });
}

/**
 * The partner's payment in the caller's transaction: answers the payment's id and the step naming it (null on a
 * replay of the same key, which records nothing new).
 */
export async function recordPartnerPaymentIn(
  trx: Transaction<DB>,
  deps: Deps,
  actor: Actor,
  caseId: string,
  body: PartnerPaymentBody,
  requestId: string | null,
): Promise<{ paymentId: string; stepId: string | null }> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  const request = paymentRequest(
    {
      caseId,
      amountCents: body.amountCents,
      channel: 'bank_transfer',
      receivedOn: body.receivedOn,
      reference: body.reference,
      note: body.note || undefined,
    },
    { idempotencyKey: `judicial-partner:${body.paymentKey}`, source: 'web' },
  );
  const { found, procedure } = await lockProcedure(trx, actor, caseId);
  const facts = factsOf(procedure);
  const calendar = await judicialCalendar(trx);
  refuse(refuseStep(facts, { kind: 'partner_payment', occurredOn: body.receivedOn }, today, calendar));
  const [outcome] = await recordPaymentsIn(trx, deps, actor, [request], requestId);
  if (outcome!.kind === 'refused') throw outcome!.error;
  if (outcome!.replayed) return { paymentId: outcome!.paymentId, stepId: null };
  const stepId = await insertStep(trx, actor, now, {
    procedureId: procedure.id,
    kind: 'partner_payment',
    occurredOn: body.receivedOn,
    fromState: facts.state,
    toState: facts.state,
    deadline: null,
    reportedBy: 'partner',
    note: body.note,
    paymentId: outcome!.paymentId,
  });
  const payment = { id: outcome!.paymentId, amountCents: body.amountCents, receivedOn: body.receivedOn };
  const fee = await chargeCollectionFee(trx, actor, procedure, payment, now);
  const feeCents = fee?.amountCents ?? 0;
  await appendProcedureLine(trx, {
    caseId,
    debtorId: found.debtor_id,
    actor,
    at: now,
    summary: partnerPaymentText(body.amountCents, body.receivedOn, feeCents),
    data: { procedureId: procedure.id, stepId, paymentId: payment.id, costId: fee?.costId ?? null },
  });
  const after = { procedureId: procedure.id, paymentId: payment.id, amountCents: body.amountCents, feeCents };
  await audit(
    trx,
    actor,
    { action: 'judicial_procedure.partner_payment_recorded', caseId, creditorId: found.creditor_id, after },
    now,
    requestId,
  );
  return { paymentId: payment.id, stepId };
}
