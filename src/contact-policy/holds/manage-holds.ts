import { appendCaseEvent, recordText } from '../../cases/append-case-event.js';
import type { RecordText } from '../../cases/core/record-texts.js';
import { appendAudit, type AuditWriter } from '../../audit/append.js';
import {
  actingUserId,
  auditActor,
  isDebtorOnPortal,
  partyAuditActor,
  type ActingParty,
  type Actor,
} from '../../identity/actor.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { assertDebtorInScope } from '../../cases/scope.js';
import type { HoldKind } from '../core/policy-document.js';
import { policyInForce } from '../policy-store.js';
import type { HoldView } from '../contract.js';
import { DAY_MS } from '../../platform/calendar/index.js';

export interface HoldInput {
  kind: HoldKind;
  reason: string;
  caseId?: string | undefined;
  startsAt?: Date | undefined;
  endsAt?: Date | undefined;
  reviewAt?: Date | undefined;
}

/**
 * Places a hold. Every hold is dated: an end or a review date is required, the policy's default pause fills the
 * end for kinds that have one (a vulnerability: 30 days), and a kind's longest duration is enforced
 * (admissibility suspends collection two years at most).
 */
export async function placeHold(
  deps: Deps,
  actor: Actor,
  debtorId: string,
  input: HoldInput,
  requestId: string | null = null,
): Promise<HoldView> {
  return deps.db.transaction().execute((trx) => placeHoldIn(trx, deps.now(), actor, debtorId, input, requestId));
}

/**
 * Places a hold inside the caller's transaction (the guided conversation opens a dispute hold with its call; a dispute
 * the debtor records on the portal places the same hold, with the debtor as the acting party and no user).
 */
export async function placeHoldIn(
  trx: Transaction<DB>,
  now: Date,
  actor: ActingParty,
  debtorId: string,
  input: HoldInput,
  requestId: string | null = null,
  audit: AuditWriter = (record) => appendAudit(trx, record),
): Promise<HoldView> {
  const startsAt = input.startsAt ?? now;
  await assertDebtorInScope(trx, actor, debtorId, input.caseId ?? null);
  const policy = await policyInForce(trx, now);
  const rule = policy.document.holds[input.kind];
  const endsAt =
    input.endsAt ??
    (rule.defaultDays && !input.reviewAt ? new Date(startsAt.getTime() + rule.defaultDays * DAY_MS) : undefined);
  if (!endsAt && !input.reviewAt) {
    throw invalid(
      'holds.undated',
      'A hold needs an end date or a review date: a pause with neither would never be looked at again.',
    );
  }
  if (endsAt && endsAt.getTime() <= startsAt.getTime())
    throw invalid('holds.ends_before_start', 'The end of a hold must come after its start.');
  if (input.reviewAt && input.reviewAt.getTime() <= startsAt.getTime()) {
    throw invalid('holds.review_before_start', 'The review date of a hold must come after its start.');
  }
  const latest = (endsAt ?? input.reviewAt)!;
  if (rule.maxDays && latest.getTime() - startsAt.getTime() > rule.maxDays * DAY_MS) {
    throw invalid(
      'holds.too_long',
      `A hold of this kind lasts ${rule.maxDays} days at most: choose an earlier end or review date.`,
      {
        maxDays: rule.maxDays,
      },
    );
  }
  const debtor = await trx.selectFrom('debtors').select('id').where('id', '=', debtorId).forUpdate().executeTakeFirst();
  if (!debtor) throw notFound('The debtor');
  const row = await trx
    .insertInto('holds')
    .values({
      debtor_id: debtorId,
      case_id: input.caseId ?? null,
      kind: input.kind,
      reason: input.reason.trim(),
      starts_at: startsAt,
      ends_at: endsAt ?? null,
      review_at: input.reviewAt ?? null,
      created_by: actingUserId(actor),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await timeline(
    trx,
    row.debtor_id,
    row.case_id,
    now,
    actingUserId(actor),
    recordText('hold_placed', { holdKind: input.kind }),
    { holdId: row.id },
  );
  await audit({
    actor: partyAuditActor(actor),
    action: 'hold.placed',
    targetType: 'hold',
    targetId: row.id,
    after: {
      debtorId,
      caseId: row.case_id,
      kind: row.kind,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      reviewAt: row.review_at,
    },
    requestId,
    at: now,
  });
  return holdView({ ...row, created_by_name: isDebtorOnPortal(actor) ? null : actor.displayName });
}

export async function liftHold(
  deps: Deps,
  actor: Actor,
  holdId: string,
  reason: string,
  requestId: string | null = null,
): Promise<HoldView> {
  return deps.db.transaction().execute((trx) => liftHoldIn(trx, deps.now(), actor, holdId, reason, requestId));
}

/** Lifts a hold inside the caller's transaction (a dispute's decision lifts the hold its recording placed). */
export async function liftHoldIn(
  trx: Transaction<DB>,
  now: Date,
  actor: Actor,
  holdId: string,
  reason: string,
  requestId: string | null = null,
): Promise<HoldView> {
  const hold = await trx.selectFrom('holds').selectAll().where('id', '=', holdId).forUpdate().executeTakeFirst();
  if (!hold) throw notFound('The hold');
  await assertDebtorInScope(trx, actor, hold.debtor_id, hold.case_id);
  if (hold.status !== 'active') throw conflict('holds.not_active', `This hold is already ${hold.status}.`);
  const row = await trx
    .updateTable('holds')
    .set({ status: 'lifted', lifted_at: now, lifted_by: actor.userId })
    .where('id', '=', holdId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const kind = hold.kind as HoldKind;
  await timeline(
    trx,
    hold.debtor_id,
    hold.case_id,
    now,
    actor.userId,
    recordText('hold_lifted', { holdKind: kind, reason: reason.trim() }),
    { holdId },
  );
  await appendAudit(trx, {
    actor: auditActor(actor),
    action: 'hold.lifted',
    targetType: 'hold',
    targetId: holdId,
    before: { status: 'active' },
    after: { status: 'lifted', reason: reason.trim() },
    requestId,
    at: now,
  });
  return holdView({ ...row, created_by_name: null });
}

export async function listHolds(deps: Deps, debtorId: string): Promise<HoldView[]> {
  const rows = await deps.db
    .selectFrom('holds as h')
    .leftJoin('users as u', 'u.id', 'h.created_by')
    .selectAll('h')
    .select('u.display_name as created_by_name')
    .where('h.debtor_id', '=', debtorId)
    .orderBy('h.status')
    .orderBy('h.starts_at', 'desc')
    .limit(100)
    .execute();
  return rows.map(holdView);
}

async function timeline(
  trx: Parameters<typeof appendAudit>[0],
  debtorId: string,
  caseId: string | null,
  at: Date,
  userId: string | null,
  summary: RecordText,
  data: Record<string, unknown>,
) {
  // The timeline is per case: a debtor-wide hold shows on each of the debtor's open cases.
  const cases = caseId
    ? [{ id: caseId }]
    : await trx
        .selectFrom('cases')
        .select('id')
        .where('debtor_id', '=', debtorId)
        .where('status', '<>', 'closed')
        .execute();
  for (const row of cases) {
    await appendCaseEvent(trx, { caseId: row.id, debtorId, at, kind: 'hold', summary, actorUserId: userId, data });
  }
}

function holdView(row: {
  id: string;
  debtor_id: string;
  case_id: string | null;
  kind: string;
  reason: string;
  starts_at: Date;
  ends_at: Date | null;
  review_at: Date | null;
  status: 'active' | 'lifted' | 'lapsed';
  lifted_at: Date | null;
  created_by_name: string | null;
  created_at: Date;
}): HoldView {
  return {
    id: row.id,
    debtorId: row.debtor_id,
    caseId: row.case_id,
    kind: row.kind as HoldKind,
    reason: row.reason,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at?.toISOString() ?? null,
    reviewAt: row.review_at?.toISOString() ?? null,
    status: row.status,
    liftedAt: row.lifted_at?.toISOString() ?? null,
    createdBy: row.created_by_name,
    createdAt: row.created_at.toISOString(),
  };
}
