import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit, type AuditActor } from '../audit/append.js';
import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { caseInScope } from '../cases/scope.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { addDays, compareDates, instantAt } from '../platform/calendar/dates.js';
import { agencyToday } from '../platform/calendar/today.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { invalid } from '../platform/errors.js';
import type { ComplaintView, RegisterComplaintBody } from './contract.js';
import { complaintDeadlines, type ComplaintDeadlineRule } from './core/complaint.js';
import { readComplaint } from './read-complaints.js';

/** A complaint about contact frequency is about the contacts of this many days before it. */
const CONTACT_LOOKBACK_DAYS = 30;

export async function loadDeadlineRules(trx: Kysely<DB> | Transaction<DB>): Promise<ComplaintDeadlineRule[]> {
  const rows = await trx.selectFrom('complaint_deadline_rules').selectAll().execute();
  return rows.map((row) => ({
    country: row.country,
    acknowledgeBusinessDays: row.acknowledge_business_days,
    answerMonths: row.answer_months,
    answerDays: row.answer_days,
    source: row.source,
    validFrom: row.valid_from,
  }));
}

/**
 * Whose calendar counts the deadlines: the debtor's main address when it is in France or Italy (its département or
 * region for local holidays), else the creditor's country.
 */
async function calendarPlace(trx: Transaction<DB>, debtorId: string, creditorId: string) {
  const address = await trx
    .selectFrom('debtor_addresses')
    .select(['country', 'subdivision'])
    .where('debtor_id', '=', debtorId)
    .orderBy('is_primary', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (address && (address.country === 'FR' || address.country === 'IT'))
    return { country: address.country, region: address.subdivision } as const;
  const creditor = await trx.selectFrom('creditors').select('country').where('id', '=', creditorId).executeTakeFirst();
  return { country: creditor?.country === 'IT' ? 'IT' : 'FR', region: null } as const;
}

/** The contacts the complaint names (the debtor's own only) and, for contact frequency, those of the month before. */
async function contactsInvolved(
  trx: Transaction<DB>,
  debtorId: string,
  body: RegisterComplaintBody,
  receivedOn: string,
  zone: string,
): Promise<string[]> {
  const named = body.contactIds ?? [];
  if (named.length > 0) {
    const found = await trx
      .selectFrom('contacts')
      .select('id')
      .where('id', 'in', named)
      .where('debtor_id', '=', debtorId)
      .execute();
    if (found.length !== new Set(named).size)
      throw invalid('complaints.unknown_contact', 'A contact named is not one of this debtor’s contacts.');
  }
  if (body.subject !== 'contact_frequency') return [...new Set(named)];
  const recent = await trx
    .selectFrom('contacts')
    .select('id')
    .where('debtor_id', '=', debtorId)
    .where('occurred_at', '>=', instantAt(addDays(receivedOn, -CONTACT_LOOKBACK_DAYS), zone))
    .where('occurred_at', '<', instantAt(addDays(receivedOn, 1), zone))
    .execute();
  return [...new Set([...named, ...recent.map((row) => row.id)])];
}

/** Registers a complaint on a case, with its deadlines on the debtor's calendar, in one audited transaction. */
export async function registerComplaint(
  deps: Deps,
  actor: Actor,
  caseId: string,
  body: RegisterComplaintBody,
  requestId: string,
): Promise<ComplaintView> {
  const today = agencyToday(deps.now(), deps.config);
  const receivedOn = body.receivedOn ?? today;
  if (compareDates(receivedOn, today) > 0)
    throw invalid('complaints.received_in_future', 'The day received cannot be after today.');
  if (compareDates(receivedOn, addDays(today, -366)) < 0)
    throw invalid('complaints.received_too_long_ago', 'The day received is more than a year ago: check the date.');
  const id = await deps.db.transaction().execute(async (trx) => {
    const kase = await caseInScope(trx, actor, caseId);
    return registerComplaintIn(
      trx,
      deps,
      kase,
      { audit: auditActor(actor), userId: actor.userId },
      body,
      receivedOn,
      requestId,
    );
  });
  return readComplaint(deps.db, id, today);
}

/** Who registers a complaint: a person of the agency, or the debtor on the portal (no user). */
export interface Registrar {
  audit: AuditActor;
  userId: string | null;
}

/**
 * Registers a complaint on a case the caller has found in its scope, inside the caller's transaction: its deadlines
 * on the debtor's calendar, the contacts involved, the audit entry and the timeline line. Answers its id.
 */
export async function registerComplaintIn(
  trx: Transaction<DB>,
  deps: Deps,
  kase: { id: string; debtor_id: string; creditor_id: string },
  by: Registrar,
  body: RegisterComplaintBody,
  receivedOn: string,
  requestId: string,
): Promise<string> {
  const caseId = kase.id;
  const place = await calendarPlace(trx, kase.debtor_id, kase.creditor_id);
  const deadlines = complaintDeadlines(receivedOn, place, await loadDeadlineRules(trx));
  const contactIds = await contactsInvolved(trx, kase.debtor_id, body, receivedOn, deps.config.AGENCY_TZ);
  const now = deps.now();
  const row = await trx
    .insertInto('complaints')
    .values({
      reference: sql<string>`'RCL-' || ${receivedOn.slice(0, 4)} || '-' || lpad(nextval('complaint_numbers')::text, 6, '0')`,
      case_id: caseId,
      debtor_id: kase.debtor_id,
      creditor_id: kase.creditor_id,
      channel: body.channel,
      subject: body.subject,
      summary: body.summary,
      received_on: receivedOn,
      country: place.country,
      region: place.region,
      acknowledge_by: deadlines.acknowledgeBy,
      answer_by: deadlines.answerBy,
      registered_by: by.userId,
      registered_at: now,
      updated_at: now,
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
  if (contactIds.length > 0)
    await trx
      .insertInto('complaint_contacts')
      .values(contactIds.map((contactId) => ({ complaint_id: row.id, contact_id: contactId })))
      .execute();
  await appendAudit(trx, {
    actor: by.audit,
    action: 'complaint.registered',
    targetType: 'complaint',
    targetId: row.id,
    creditorId: kase.creditor_id,
    before: null,
    after: {
      caseId,
      debtorId: kase.debtor_id,
      reference: row.reference,
      channel: body.channel,
      subject: body.subject,
      receivedOn,
      acknowledgeBy: deadlines.acknowledgeBy,
      answerBy: deadlines.answerBy,
      contacts: contactIds.length,
    },
    requestId,
    at: now,
  });
  await appendCaseEvent(trx, {
    caseId,
    debtorId: kase.debtor_id,
    at: now,
    kind: 'complaint',
    summary: recordText('complaint_registered', {
      reference: row.reference,
      subject: body.subject,
      receivedOn,
      acknowledgeBy: deadlines.acknowledgeBy,
      answerBy: deadlines.answerBy,
    }),
    actorUserId: by.userId,
    data: { complaintId: row.id, status: 'received' },
  });
  return row.id;
}
