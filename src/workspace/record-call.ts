import type { Transaction } from 'kysely';
import type { Message } from '../platform/message.js';
import { deferredAudit, type AuditWriter } from '../audit/append.js';
import { debtorLocation } from '../contact-policy/load-facts.js';
import { recordContactIn } from '../contact-policy/record-contact.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict, invalid } from '../platform/errors.js';
import { planCall, type CallPlan } from './core/call-plan.js';
import { momentWords } from './core/texts.js';
import { assertNotLeasedByOther } from './next-case.js';
import { queueEntryViews } from './queue-view.js';
import { refreshDebtors } from './refresh-queue.js';
import type { CallBody, CallResult } from './contract.js';
import { caseInScope } from '../cases/scope.js';
import { carryOut, type CallCase, type CarriedOut } from './call-actions.js';

/** Problems that are a clash with the case's state rather than a mistake in the request. */
const CONFLICTS = new Set(['promise.already_open']);

/**
 * Records a call of the guided conversation: the contact (through the contact policy, which may refuse it), the
 * checklist, and everything the outcome leads to — a promise, a callback, a hold, a follow-up, a move to the care
 * team, a wrong number set aside — in one transaction. The agent's lease is given back and the case's queue entry
 * is refreshed before the answer.
 */
export async function recordCall(
  deps: Deps,
  actor: Actor,
  caseId: string,
  body: CallBody,
  requestId: string | null = null,
): Promise<CallResult> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    // The transaction's audit entries are appended in one statement at its end.
    const audit = deferredAudit();
    const caseRow = await caseInScope(trx, actor, caseId);
    if (caseRow.status === 'closed')
      throw conflict('call.case_closed', `Case ${caseRow.reference} is closed: there is nothing left to call about.`);
    // The person first, then the case's queue entry, in the order the contact decision and the queue refresh take
    // them: holding the entry while waiting for the person deadlocked with another agent's call on another case of
    // the same person, whose refresh waited for this entry.
    await trx.selectFrom('debtors').select('id').where('id', '=', caseRow.debtor_id).forUpdate().execute();
    await assertNotLeasedByOther(trx, actor, caseId, now);
    const { plan, timeZone } = await planOrRefuse(trx, caseRow, body, now);
    const contactId = await recordCallContact(trx, actor, caseRow, body, plan, {
      now,
      requestId,
      audit: audit.write,
    });
    const call = {
      caseId,
      debtorId: caseRow.debtor_id,
      currency: caseRow.currency,
      contactId,
      timeZone,
      agencyZone: deps.config.AGENCY_TZ,
    };
    const actions: CarriedOut[] = [];
    for (const action of plan.actions)
      actions.push(await carryOut(trx, actor, action, call, now, requestId, audit.write));
    const queue = await refreshAfterCall(trx, actor, call, now);
    actions.push({
      kind: 'queue_refreshed',
      id: null,
      message: queue?.callableFrom
        ? nextCallMessage(momentWords(timeZone, Date.parse(queue.callableFrom)))
        : {
            fr: 'Plus d’appel prévu tant que rien ne change sur le dossier.',
            en: 'No call planned until something changes on the case.',
            it: 'Nessuna chiamata prevista finché nulla cambia nella pratica.',
          },
    });
    await audit.write({
      actor: auditActor(actor),
      action: 'call.recorded',
      targetType: 'contact',
      targetId: contactId,
      creditorId: caseRow.creditor_id,
      after: {
        caseId,
        outcome: body.outcome,
        result: plan.result,
        checklist: plan.checklist,
        actions: actions.map((action) => ({ kind: action.kind, id: action.id })),
      },
      requestId,
      at: now,
    });
    await audit.flush(trx);
    return {
      contactId,
      outcome: body.outcome,
      result: plan.result,
      checklist: plan.checklist,
      actions: actions.map((action) => ({ kind: action.kind, id: action.id, message: action.message[actor.locale] })),
      queue: queue ?? null,
    };
  });
}

type CallCaseRow = Awaited<ReturnType<typeof caseInScope>>;
type AcceptedPlan = Extract<CallPlan, { ok: true }>;

/** The call checked against the case's facts and planned (core/call-plan.ts); a 400, or a 409 on a clash. */
async function planOrRefuse(
  trx: Transaction<DB>,
  caseRow: CallCaseRow,
  body: CallBody,
  now: Date,
): Promise<{ plan: AcceptedPlan; timeZone: string }> {
  const [location, openPromise, phones] = await Promise.all([
    debtorLocation(trx, caseRow.debtor_id),
    trx
      .selectFrom('promises')
      .select('id')
      .where('case_id', '=', caseRow.id)
      .where('status', '=', 'open')
      .executeTakeFirst(),
    trx
      .selectFrom('debtor_contact_points')
      .select('id')
      .where('debtor_id', '=', caseRow.debtor_id)
      .where('channel', '=', 'phone')
      .execute(),
  ]);
  const plan = planCall(
    {
      outcome: body.outcome,
      result: body.result,
      checklist: body.checklist,
      contactPointId: body.contactPointId,
      promise: body.promise,
      callbackAt: body.callbackAt ? Date.parse(body.callbackAt) : undefined,
      reason: body.reason,
    },
    {
      now: now.getTime(),
      timeZone: location.timeZone,
      balanceCents: Number(caseRow.balance_cents),
      hasOpenPromise: openPromise !== undefined,
      phonePoints: phones.map((row) => row.id),
    },
  );
  if (!plan.ok) {
    throw CONFLICTS.has(plan.problem.code)
      ? conflict(plan.problem.code, plan.problem.message)
      : invalid(plan.problem.code, plan.problem.message);
  }
  return { plan, timeZone: location.timeZone };
}

/** The contact, through the contact policy (which may refuse it), and the call's record with its checklist. */
async function recordCallContact(
  trx: Transaction<DB>,
  actor: Actor,
  caseRow: CallCaseRow,
  body: CallBody,
  plan: AcceptedPlan,
  context: { now: Date; requestId: string | null; audit: AuditWriter },
): Promise<string> {
  const { now } = context;
  const { contact } = await recordContactIn(
    trx,
    now,
    actor,
    {
      debtorId: caseRow.debtor_id,
      caseId: caseRow.id,
      channel: 'phone',
      direction: 'outbound',
      outcome: body.outcome,
      note: body.note,
      at: body.startedAt ? clampStart(new Date(body.startedAt), now) : now,
    },
    context.requestId,
    context.audit,
  );
  await trx
    .insertInto('call_records')
    .values({
      contact_id: contact.id,
      case_id: caseRow.id,
      checklist: JSON.stringify(plan.checklist),
      result: plan.result,
      contact_point_id: body.contactPointId ?? null,
      started_at: body.startedAt ? new Date(body.startedAt) : null,
      recorded_by: actor.userId,
      recorded_at: now,
    })
    .execute();
  return contact.id;
}

/** The agent's lease is given back and the debtor's queue entries refreshed; the case's entry as it now reads. */
async function refreshAfterCall(trx: Transaction<DB>, actor: Actor, call: CallCase, now: Date) {
  await trx
    .updateTable('case_queue')
    .set({ leased_by: null, lease_until: null, leased_at: null })
    .where('case_id', '=', call.caseId)
    .where('leased_by', '=', actor.userId)
    .execute();
  await refreshDebtors(trx, [call.debtorId], now);
  // Refreshed just now: the marks the call's own writes left need no second pass.
  await trx.deleteFrom('queue_dirty').where('debtor_id', '=', call.debtorId).execute();
  const [queue] = await queueEntryViews(trx, [call.caseId], { actor, now });
  return queue;
}

function nextCallMessage(when: Message): Message {
  return {
    fr: `Prochain appel possible : ${when.fr}.`,
    en: `Next call possible: ${when.en}.`,
    it: `Prossima chiamata possibile: ${when.it}.`,
  };
}

/** A call is recorded when it ends; its start may be given, up to two hours before. */
function clampStart(start: Date, now: Date): Date {
  if (start.getTime() > now.getTime()) return now;
  return start.getTime() < now.getTime() - 2 * 3_600_000 ? new Date(now.getTime() - 2 * 3_600_000) : start;
}
