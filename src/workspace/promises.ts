import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { sql, type Transaction } from 'kysely';
import { appendAudit, SYSTEM_ACTOR } from '../audit/append.js';
import { addDays, debtorToday, localDateOf } from '../platform/calendar/index.js';
import { DEFAULT_LOCATION } from '../contact-policy/load-facts.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import { promiseBroken, promiseProgress } from './core/call-plan.js';
import { loadQueueFacts } from './queue-facts.js';
import { caseInScope } from '../cases/scope.js';
import { openTask } from './tasks.js';

/** Records a promise to pay inside the call's transaction, with its line on the timeline. */
export async function createPromiseIn(
  trx: Transaction<DB>,
  input: { caseId: string; debtorId: string; amountCents: number; dueOn: string; contactId: string; currency: string },
  actorUserId: string,
  now: Date,
): Promise<string> {
  const row = await trx
    .insertInto('promises')
    .values({
      case_id: input.caseId,
      debtor_id: input.debtorId,
      amount_cents: input.amountCents,
      currency: input.currency,
      due_on: input.dueOn,
      contact_id: input.contactId,
      created_by: actorUserId,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendCaseEvent(trx, {
    caseId: input.caseId,
    debtorId: input.debtorId,
    at: now,
    kind: 'promise',
    summary: recordText('promise_made', { amountCents: input.amountCents, dueOn: input.dueOn }),
    actorUserId,
    data: { promiseId: row.id, amountCents: input.amountCents, dueOn: input.dueOn },
  });
  return row.id;
}

/**
 * Brings the case's open promise up to date with the payments recorded since it was made, in the payment's own
 * transaction: paid in full, it is kept.
 */
export async function matchPromise(
  trx: Transaction<DB>,
  caseId: string,
  actorUserId: string | null,
  now: Date,
): Promise<'kept' | 'open' | null> {
  const promise = await trx
    .selectFrom('promises')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .forUpdate()
    .executeTakeFirst();
  if (!promise) return null;
  const paid = await trx
    .selectFrom('payments')
    .select(sql<string>`coalesce(sum(amount_cents), 0)`.as('cents'))
    .where('case_id', '=', caseId)
    .where('status', '=', 'recorded')
    .where('received_on', '>=', sql<string>`${promise.created_at}::date`)
    .executeTakeFirstOrThrow();
  const progress = promiseProgress(promise.amount_cents, Number(paid.cents));
  if (!progress.kept) {
    if (progress.paidCents !== promise.paid_cents)
      await trx.updateTable('promises').set({ paid_cents: progress.paidCents }).where('id', '=', promise.id).execute();
    return 'open';
  }
  await trx
    .updateTable('promises')
    .set({ status: 'kept', paid_cents: progress.paidCents, resolved_at: now })
    .where('id', '=', promise.id)
    .execute();
  await appendCaseEvent(trx, {
    caseId,
    debtorId: promise.debtor_id,
    at: now,
    kind: 'promise',
    summary: recordText('promise_kept', { amountCents: promise.amount_cents }),
    actorUserId,
    data: { promiseId: promise.id, status: 'kept' },
  });
  await appendAudit(trx, {
    actor: actorUserId ? { userId: actorUserId, role: 'system' } : SYSTEM_ACTOR,
    action: 'promise.kept',
    targetType: 'promise',
    targetId: promise.id,
    before: { status: 'open' },
    after: { status: 'kept', paidCents: progress.paidCents },
    at: now,
  });
  return 'kept';
}

export async function cancelPromise(
  deps: Deps,
  actor: Actor,
  promiseId: string,
  reason: string,
  requestId: string | null = null,
) {
  const now = deps.now();
  const text = reason.trim();
  if (text.length < 3)
    throw invalid('promise.reason_missing', 'Write why the promise is cancelled (at least 3 characters).');
  return deps.db.transaction().execute(async (trx) => {
    const promise = await trx
      .selectFrom('promises')
      .selectAll()
      .where('id', '=', promiseId)
      .forUpdate()
      .executeTakeFirst();
    if (!promise) throw notFound('The promise');
    const caseRow = await caseInScope(trx, actor, promise.case_id);
    if (promise.status !== 'open')
      throw conflict(
        'promise.not_open',
        `This promise is already ${promise.status}: only an open promise can be cancelled.`,
      );
    await trx
      .updateTable('promises')
      .set({ status: 'cancelled', resolved_at: now, cancel_reason: text })
      .where('id', '=', promiseId)
      .execute();
    await appendCaseEvent(trx, {
      caseId: promise.case_id,
      debtorId: promise.debtor_id,
      at: now,
      kind: 'promise',
      summary: recordText('promise_cancelled', { reason: text }),
      actorUserId: actor.userId,
      data: { promiseId, status: 'cancelled' },
    });
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'promise.cancelled',
      targetType: 'promise',
      targetId: promiseId,
      creditorId: caseRow.creditor_id,
      before: { status: 'open' },
      after: { status: 'cancelled', reason: text },
      requestId,
      at: now,
    });
    return promise.case_id;
  });
}

/**
 * Open promises whose date and grace days have passed in the debtor's own calendar without being paid become broken,
 * each with a follow-up for the case's team. Anchored to the promise's date, so a missed night changes nothing.
 */
export async function breakDuePromises(deps: Deps, now: Date): Promise<number> {
  // Candidates by the UTC date, one day wide either way; the debtor's local date decides.
  const candidates = await deps.db
    .selectFrom('promises')
    .select(['id', 'case_id'])
    .where('status', '=', 'open')
    .where('due_on', '<', addDays(localDateOf(now, 'UTC'), -1))
    .limit(5_000)
    .execute();
  let broken = 0;
  for (const candidate of candidates) {
    const done = await deps.db.transaction().execute(async (trx) => {
      const promise = await trx
        .selectFrom('promises')
        .selectAll()
        .where('id', '=', candidate.id)
        .where('status', '=', 'open')
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!promise) return false;
      // A payment may have come in since: count it first.
      if ((await matchPromise(trx, promise.case_id, null, now)) === 'kept') return false;
      const [facts] = await loadQueueFacts(trx, [promise.case_id], now);
      const today = debtorToday(now, facts?.facts.timeZone ?? DEFAULT_LOCATION.timeZone);
      const fresh = await trx
        .selectFrom('promises')
        .select('paid_cents')
        .where('id', '=', promise.id)
        .executeTakeFirstOrThrow();
      if (
        !promiseBroken({ dueOn: promise.due_on, amountCents: promise.amount_cents, paidCents: fresh.paid_cents }, today)
      )
        return false;
      await trx
        .updateTable('promises')
        .set({ status: 'broken', resolved_at: now })
        .where('id', '=', promise.id)
        .execute();
      const team = await trx
        .selectFrom('case_queue')
        .select('team_id')
        .where('case_id', '=', promise.case_id)
        .executeTakeFirst();
      await openTask(
        trx,
        {
          caseId: promise.case_id,
          debtorId: promise.debtor_id,
          kind: 'promise_broken',
          dueAt: now,
          teamId: team?.team_id ?? facts?.assignedTeamId ?? null,
          source: { promiseId: promise.id },
        },
        null,
        now,
        deps.config,
      );
      await appendCaseEvent(trx, {
        caseId: promise.case_id,
        debtorId: promise.debtor_id,
        at: now,
        kind: 'promise',
        summary: recordText('promise_broken', { amountCents: promise.amount_cents, dueOn: promise.due_on }),
        data: { promiseId: promise.id, status: 'broken' },
      });
      await appendAudit(trx, {
        actor: SYSTEM_ACTOR,
        action: 'promise.broken',
        targetType: 'promise',
        targetId: promise.id,
        before: { status: 'open' },
        after: { status: 'broken', dueOn: promise.due_on, paidCents: fresh.paid_cents },
        at: now,
      });
      return true;
    });
    if (done) broken += 1;
  }
  return broken;
}
