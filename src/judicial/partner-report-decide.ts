import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict, notFound } from '../platform/errors.js';
import type { PartnerReportRejectBody, ProcedureView } from './contract.js';
import type { PartnerStepKind } from './core/partner-api.js';
import type { ReportRow } from './partner-reports.js';
import { recordPartnerPaymentIn, recordProcedureStepIn } from './procedure-steps.js';
import { loadProcedureView } from './procedure-view.js';
import { caseInScope } from '../cases/scope.js';

/**
 * The agency's inbox of partner reports (the partner API): a person applies a report, which records the step or the
 * payment exactly as the procedure's own services do, in one transaction with the report marked applied; or rejects
 * it with a reason the partner reads back. A report the procedure refuses now stays pending (the 409 says why).
 */

async function lockPending(trx: Transaction<DB>, actor: Actor, reportId: string): Promise<ReportRow> {
  const report = await trx
    .selectFrom('judicial_partner_reports')
    .selectAll()
    .where('id', '=', reportId)
    .forUpdate()
    .executeTakeFirst();
  if (!report) throw notFound('The report');
  await caseInScope(trx, actor, report.case_id);
  if (report.status !== 'pending')
    throw conflict('judicial_partner_report.decided', `This report was already ${report.status}.`, {
      status: report.status,
    });
  return report;
}

async function recordReport(
  trx: Transaction<DB>,
  deps: Deps,
  actor: Actor,
  report: ReportRow,
  requestId: string | null,
) {
  if (report.kind === 'step') {
    const body = {
      kind: report.step_kind as PartnerStepKind,
      occurredOn: report.occurred_on!,
      ...(report.in_person === null ? {} : { inPerson: report.in_person }),
      reportedBy: 'partner' as const,
      note: report.note,
    };
    const { stepId } = await recordProcedureStepIn(trx, deps, actor, report.case_id, body, requestId);
    return { stepId, paymentId: null };
  }
  const body = {
    amountCents: Number(report.amount_cents),
    receivedOn: report.received_on!,
    reference: report.reference!,
    // The report's id: a payment is recorded once per report, whatever happens.
    paymentKey: report.id,
    note: report.note,
  };
  return recordPartnerPaymentIn(trx, deps, actor, report.case_id, body, requestId);
}

/** Applies a pending report: the step or payment recorded (the person applying as its recorder), the report applied. */
export async function applyPartnerReport(
  deps: Deps,
  actor: Actor,
  reportId: string,
  requestId: string | null = null,
): Promise<ProcedureView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const report = await lockPending(trx, actor, reportId);
    const { stepId, paymentId } = await recordReport(trx, deps, actor, report, requestId);
    await trx
      .updateTable('judicial_partner_reports')
      .set({ status: 'applied', decided_by: actor.userId, decided_at: now, step_id: stepId, payment_id: paymentId })
      .where('id', '=', report.id)
      .execute();
    await decisionAudit(trx, actor, report, 'judicial_partner_report.applied', { stepId, paymentId }, requestId, now);
    return (await loadProcedureView(trx, actor, report.case_id, agencyToday(now, deps.config)))!;
  });
}

/** Rejects a pending report with the reason the partner reads back; the procedure is not touched. */
export async function rejectPartnerReport(
  deps: Deps,
  actor: Actor,
  reportId: string,
  body: PartnerReportRejectBody,
  requestId: string | null = null,
): Promise<ProcedureView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const report = await lockPending(trx, actor, reportId);
    await trx
      .updateTable('judicial_partner_reports')
      .set({ status: 'rejected', decided_by: actor.userId, decided_at: now, rejection_reason: body.reason })
      .where('id', '=', report.id)
      .execute();
    await decisionAudit(
      trx,
      actor,
      report,
      'judicial_partner_report.rejected',
      { reason: body.reason },
      requestId,
      now,
    );
    return (await loadProcedureView(trx, actor, report.case_id, agencyToday(now, deps.config)))!;
  });
}

async function decisionAudit(
  trx: Transaction<DB>,
  actor: Actor,
  report: ReportRow,
  action: 'judicial_partner_report.applied' | 'judicial_partner_report.rejected',
  facts: Record<string, unknown>,
  requestId: string | null,
  at: Date,
) {
  const found = await trx
    .selectFrom('cases')
    .select('creditor_id')
    .where('id', '=', report.case_id)
    .executeTakeFirstOrThrow();
  await appendAudit(trx, {
    actor: auditActor(actor),
    action,
    targetType: 'case',
    targetId: report.case_id,
    creditorId: found.creditor_id,
    after: { reportId: report.id, partnerId: report.partner_id, kind: report.kind, ...facts },
    requestId,
    at,
  });
}
