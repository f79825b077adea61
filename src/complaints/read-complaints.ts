import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { caseInScope } from '../cases/scope.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import type { Actor } from '../identity/actor.js';
import { agencyToday } from '../platform/calendar/today.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { notFound } from '../platform/errors.js';
import {
  mediatorSchema,
  type ComplaintList,
  type ComplaintPage,
  type ComplaintRegisterFilter,
  type ComplaintRegisterQuery,
  type ComplaintView,
} from './contract.js';
import { deadlineStatus } from './core/complaint.js';
import { DEADLINE_STATUSES, type DeadlineStatus } from './core/lists.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Complaints with their case, creditor, debtor and author, in one query the filters narrow. */
function complaintRows(db: Db) {
  return db
    .selectFrom('complaints as k')
    .innerJoin('cases as c', 'c.id', 'k.case_id')
    .innerJoin('creditors as cr', 'cr.id', 'k.creditor_id')
    .innerJoin('debtors as d', 'd.id', 'k.debtor_id')
    .leftJoin('users as u', 'u.id', 'k.registered_by')
    .selectAll('k')
    .select([
      'c.reference as case_reference',
      'cr.name as creditor_name',
      'd.kind as debtor_kind',
      'd.first_name',
      'd.last_name',
      'd.company_name',
      'u.display_name as registered_by_name',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof complaintRows>['execute']>>[number];

async function linkedContacts(db: Db, complaintIds: string[]) {
  if (complaintIds.length === 0) return new Map<string, ComplaintView['contacts']>();
  const rows = await db
    .selectFrom('complaint_contacts as kc')
    .innerJoin('contacts as ct', 'ct.id', 'kc.contact_id')
    .select([
      'kc.complaint_id',
      'ct.id',
      'ct.occurred_at',
      'ct.channel',
      'ct.direction',
      'ct.outcome',
      'ct.policy_version',
      'ct.decision',
      'ct.override_id',
    ])
    .where('kc.complaint_id', 'in', complaintIds)
    .orderBy('ct.occurred_at')
    .execute();
  const byComplaint = new Map<string, ComplaintView['contacts']>();
  for (const row of rows) {
    // Only whether the policy allowed it: the reasons may name a care hold, which is need-to-know.
    const decision = z.object({ allowed: z.boolean() }).safeParse(row.decision);
    const list = byComplaint.get(row.complaint_id) ?? [];
    list.push({
      id: row.id,
      at: row.occurred_at.toISOString(),
      channel: row.channel,
      direction: row.direction,
      outcome: row.outcome,
      policyVersion: row.policy_version,
      allowed: decision.success ? decision.data.allowed : true,
      overridden: row.override_id !== null,
    });
    byComplaint.set(row.complaint_id, list);
  }
  return byComplaint;
}

function toView(row: Row, contacts: ComplaintView['contacts'], today: string): ComplaintView {
  const mediator = mediatorSchema.safeParse(row.mediator);
  return {
    id: row.id,
    reference: row.reference,
    caseId: row.case_id,
    caseReference: row.case_reference,
    creditorName: row.creditor_name,
    debtorName: debtorName(row),
    channel: row.channel,
    subject: row.subject,
    summary: row.summary,
    receivedOn: row.received_on,
    country: row.country,
    acknowledgeBy: row.acknowledge_by,
    answerBy: row.answer_by,
    status: row.status,
    acknowledgedOn: row.acknowledged_on,
    answeredOn: row.answered_on,
    outcome: row.outcome,
    answer: row.answer,
    rootCause: row.root_cause,
    measures: row.measures,
    mediator: mediator.success ? mediator.data : null,
    closedOn: row.closed_on,
    deadline: deadlineStatus(
      {
        status: row.status,
        acknowledgeBy: row.acknowledge_by,
        answerBy: row.answer_by,
        acknowledgedOn: row.acknowledged_on,
        answeredOn: row.answered_on,
        outcome: row.outcome,
      },
      today,
    ),
    registeredBy: row.registered_by_name ?? null,
    registeredAt: row.registered_at.toISOString(),
    contacts,
  };
}

async function views(db: Db, rows: Row[], today: string): Promise<ComplaintView[]> {
  const contacts = await linkedContacts(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toView(row, contacts.get(row.id) ?? [], today));
}

/** One complaint, as its handlers and the case's staff read it (never a creditor user: no route lets one). */
export async function readComplaint(db: Db, id: string, today: string): Promise<ComplaintView> {
  const row = await complaintRows(db).where('k.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('The complaint');
  return (await views(db, [row], today))[0]!;
}

export async function getComplaint(deps: Deps, _actor: Actor, id: string): Promise<ComplaintView> {
  return readComplaint(deps.db, id, agencyToday(deps.now(), deps.config));
}

/** The complaints of a case, newest first. */
export async function listCaseComplaints(deps: Deps, actor: Actor, caseId: string): Promise<ComplaintList> {
  await caseInScope(deps.db, actor, caseId);
  const rows = await complaintRows(deps.db)
    .where('k.case_id', '=', caseId)
    .orderBy('k.received_on', 'desc')
    .orderBy('k.id', 'desc')
    .execute();
  return { items: await views(deps.db, rows, agencyToday(deps.now(), deps.config)) };
}

/**
 * The register of complaints and measures (CMF L54-11-33), newest first, with the filters. The deadline's status
 * depends on today, so it is computed by the pure rule on the filtered rows (an agency's register is thousands of
 * lines, not millions) and the page is cut after it.
 */
export async function complaintRegister(deps: Deps, filter: ComplaintRegisterFilter): Promise<ComplaintView[]> {
  const today = agencyToday(deps.now(), deps.config);
  let q = complaintRows(deps.db);
  if (filter.status === 'open') q = q.where('k.status', 'in', ['received', 'acknowledged']);
  else if (filter.status) q = q.where('k.status', '=', filter.status);
  if (filter.subject) q = q.where('k.subject', '=', filter.subject);
  if (filter.rootCause) q = q.where('k.root_cause', '=', filter.rootCause);
  if (filter.creditorId) q = q.where('k.creditor_id', '=', filter.creditorId);
  if (filter.from) q = q.where('k.received_on', '>=', filter.from);
  if (filter.to) q = q.where('k.received_on', '<=', filter.to);
  const rows = await q.orderBy('k.received_on', 'desc').orderBy('k.id', 'desc').execute();
  const all = rows.map((row) => ({ row, deadline: deadlineOf(row, today) }));
  const kept = filter.deadline ? all.filter((entry) => entry.deadline === filter.deadline) : all;
  return views(
    deps.db,
    kept.map((entry) => entry.row),
    today,
  );
}

const deadlineOf = (row: Row, today: string): DeadlineStatus =>
  deadlineStatus(
    {
      status: row.status,
      acknowledgeBy: row.acknowledge_by,
      answerBy: row.answer_by,
      acknowledgedOn: row.acknowledged_on,
      answeredOn: row.answered_on,
      outcome: row.outcome,
    },
    today,
  ).current;

export async function complaintRegisterPage(
  deps: Deps,
  _actor: Actor,
  query: ComplaintRegisterQuery,
): Promise<ComplaintPage> {
  const { limit, offset, ...filter } = query;
  const items = await complaintRegister(deps, { ...filter, deadline: undefined });
  const byDeadline = Object.fromEntries(DEADLINE_STATUSES.map((status) => [status, 0])) as Record<
    DeadlineStatus,
    number
  >;
  for (const item of items) byDeadline[item.deadline.current] += 1;
  const kept = filter.deadline ? items.filter((item) => item.deadline.current === filter.deadline) : items;
  return { items: kept.slice(offset, offset + limit), total: kept.length, byDeadline };
}
