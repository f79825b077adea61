import type { Kysely, Selectable, Transaction } from 'kysely';
import { appendAudit, type AuditActor } from '../audit/append.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict, notFound } from '../platform/errors.js';
import type { PartnerProcedureList, PartnerReportBody, PartnerReportView } from './contract.js';
import { PARTNER_STEP_KINDS, type PartnerStepKind } from './core/partner-api.js';
import { allowedSteps, stateDeadlines } from './core/procedure.js';
import type { PartnerCaller } from './partner-keys.js';
import { factsOf, judicialCalendar } from './procedure-facts.js';

/**
 * The partner's side of the partner API (docs/partner-api.md): the open procedures it handles, and its reports posted
 * into the agency's inbox. A report changes nothing by itself: a person of the agency applies it (the step or the
 * payment recorded as by hand, `partner-report-decide.ts`) or rejects it with a reason the partner reads back.
 */

type Db = Kysely<DB> | Transaction<DB>;
export type ReportRow = Selectable<DB['judicial_partner_reports']>;

/** The audit trail's actor of what a partner posts: no person of the agency, the partner through its key. */
const PARTNER_ACTOR: AuditActor = { userId: null, role: 'judicial_partner' };

export function reportView(row: ReportRow): PartnerReportView {
  return {
    id: row.id,
    procedureId: row.procedure_id,
    caseId: row.case_id,
    externalId: row.external_id,
    kind: row.kind as PartnerReportView['kind'],
    stepKind: row.step_kind as PartnerStepKind | null,
    occurredOn: row.occurred_on,
    inPerson: row.in_person,
    amountCents: row.amount_cents === null ? null : Number(row.amount_cents),
    receivedOn: row.received_on,
    reference: row.reference,
    note: row.note,
    status: row.status as PartnerReportView['status'],
    receivedAt: row.received_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    rejectionReason: row.rejection_reason,
  };
}

/** A case's reports waiting for a person, oldest first (the procedure view's inbox). */
export async function pendingReports(db: Db, procedureId: string): Promise<PartnerReportView[]> {
  const rows = await db
    .selectFrom('judicial_partner_reports')
    .selectAll()
    .where('procedure_id', '=', procedureId)
    .where('status', '=', 'pending')
    .orderBy('received_at')
    .orderBy('id')
    .execute();
  return rows.map(reportView);
}

/** The open procedures whose partner is the caller, with what it may report on each today. */
export async function partnerProcedures(deps: Deps, caller: PartnerCaller): Promise<PartnerProcedureList> {
  const today = agencyToday(deps.now(), deps.config);
  const calendar = await judicialCalendar(deps.db);
  const rows = await deps.db
    .selectFrom('judicial_procedures as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .innerJoin('debtors as d', 'd.id', 'p.debtor_id')
    .selectAll('p')
    .select(['c.reference', 'd.kind as debtor_kind', 'd.first_name', 'd.last_name', 'd.company_name'])
    .where('p.partner_id', '=', caller.partnerId)
    .where('p.state', '<>', 'ended')
    .orderBy('c.reference')
    .limit(1000)
    .execute();
  const reportable = new Set<string>(PARTNER_STEP_KINDS);
  return {
    items: rows.map((row) => {
      const facts = factsOf(row);
      const deadlines = stateDeadlines(facts.state, facts.stateSince, calendar);
      return {
        id: row.id,
        caseReference: row.reference,
        debtorName: debtorName(row),
        route: facts.route,
        state: facts.state,
        stateSince: facts.stateSince,
        deadlines: facts.titleExpiresOn ? [...deadlines, { kind: 'title_life', on: facts.titleExpiresOn }] : deadlines,
        reportableSteps: allowedSteps(facts, today, calendar).filter((kind): kind is PartnerStepKind =>
          reportable.has(kind),
        ),
      };
    }),
  };
}

const notTheirs = () => notFound('The procedure');

/**
 * Stores the partner's report on one of its procedures, `pending`; a retry with the same `externalId` answers the
 * report already stored (`created: false`) and stores nothing. Audited as received, by the partner.
 */
export async function receivePartnerReport(
  deps: Deps,
  caller: PartnerCaller,
  procedureId: string,
  body: PartnerReportBody,
  requestId: string | null = null,
): Promise<{ report: PartnerReportView; created: boolean }> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const procedure = await trx
      .selectFrom('judicial_procedures')
      .select(['id', 'case_id', 'creditor_id', 'state'])
      .where('id', '=', procedureId)
      .where('partner_id', '=', caller.partnerId)
      .executeTakeFirst();
    if (!procedure) throw notTheirs();
    const inserted = await trx
      .insertInto('judicial_partner_reports')
      .values({
        partner_id: caller.partnerId,
        key_id: caller.keyId,
        procedure_id: procedure.id,
        case_id: procedure.case_id,
        external_id: body.externalId,
        kind: body.kind,
        ...(body.kind === 'step'
          ? {
              step_kind: body.stepKind,
              occurred_on: body.occurredOn,
              in_person: body.stepKind === 'served' ? (body.inPerson ?? true) : null,
            }
          : { amount_cents: body.amountCents, received_on: body.receivedOn, reference: body.reference }),
        note: body.note,
        status: 'pending',
        received_at: now,
      })
      .onConflict((oc) => oc.columns(['partner_id', 'external_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!inserted) {
      const stored = await trx
        .selectFrom('judicial_partner_reports')
        .selectAll()
        .where('partner_id', '=', caller.partnerId)
        .where('external_id', '=', body.externalId)
        .executeTakeFirstOrThrow();
      if (stored.procedure_id !== procedure.id || stored.kind !== body.kind)
        throw conflict(
          'partner_api.external_id_reused',
          'This externalId already names another report of yours: give each report its own id.',
        );
      return { report: reportView(stored), created: false };
    }
    if (procedure.state === 'ended')
      throw conflict('partner_api.procedure_ended', 'This procedure has ended: it takes no more reports.');
    await appendAudit(trx, {
      actor: PARTNER_ACTOR,
      action: 'judicial_partner_report.received',
      targetType: 'case',
      targetId: procedure.case_id,
      creditorId: procedure.creditor_id,
      after: { reportId: inserted.id, partnerId: caller.partnerId, keyId: caller.keyId, kind: body.kind },
      requestId,
      at: now,
    });
    return { report: reportView(inserted), created: true };
  });
}

/** One of the partner's reports: its status and, when rejected, why. Another partner's is a 404. */
export async function partnerReport(deps: Deps, caller: PartnerCaller, reportId: string): Promise<PartnerReportView> {
  const row = await deps.db
    .selectFrom('judicial_partner_reports')
    .selectAll()
    .where('id', '=', reportId)
    .where('partner_id', '=', caller.partnerId)
    .executeTakeFirst();
  if (!row) throw notFound('The report');
  return reportView(row);
}
