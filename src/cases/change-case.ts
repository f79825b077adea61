import type { Transaction } from 'kysely';
import type { IsoDate } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import { conflict, notFound } from '../platform/errors.js';
import { appendCaseEvent } from './append-case-event.js';
import {
  decideCaseChange,
  type CaseChange,
  type CaseFacts,
  type CaseStage,
  type CaseTransition,
  type CloseReason,
} from './core/lifecycle.js';

export interface CaseChangeRequest {
  caseId: string;
  change: CaseChange;
  actorUserId: string | null;
  now: Date;
  /** The agency's date of the change (`agencyToday`), the closing date: a change that may close the case gives it. */
  today?: IsoDate | undefined;
}

export type CaseChangeOutcome = Exclude<CaseTransition, { outcome: 'refused' }>;

/**
 * Changes a case's stage or status, in the caller's transaction: locks the case row, reads the facts the change may
 * depend on, asks the lifecycle (core/lifecycle.ts) and writes what it decided: the case's columns, its stage
 * history line and its one timeline event. A refused change throws a 409 with the lifecycle's stable code; a change
 * that leaves this stage where it is writes nothing. Every stage or status change of a case goes through here.
 */
export async function changeCase(trx: Transaction<DB>, request: CaseChangeRequest): Promise<CaseChangeOutcome> {
  const facts = await lockCaseFacts(trx, request.caseId);
  const transition = decideCaseChange(facts, request.change, request.now, request.today ?? '');
  if (transition.outcome === 'changed' && transition.to.closedOn === '') {
    throw new Error(`changeCase: the change ${request.change.reason} closes the case: give the agency's today`);
  }
  if (transition.outcome === 'refused') {
    throw conflict(transition.refusal.code, transition.refusal.message, {
      caseId: request.caseId,
      change: request.change.reason,
      stage: facts.stage,
      caseStatus: facts.status,
    });
  }
  if (transition.outcome === 'unchanged') return transition;
  const { to, at, history, event } = transition;
  await trx
    .updateTable('cases')
    .set({
      stage: to.stage,
      status: to.status,
      close_reason: to.closeReason,
      closed_on: to.closedOn,
      balance_cents: to.balanceCents,
      stage_changed_at: at,
      updated_at: at,
    })
    .where('id', '=', request.caseId)
    .execute();
  await trx
    .insertInto('case_stage_history')
    .values({
      case_id: request.caseId,
      from_stage: history.fromStage,
      to_stage: history.toStage,
      changed_at: at,
      changed_by: request.actorUserId,
      reason_key: history.reason.key,
      reason_params: JSON.stringify(history.reason.params),
    })
    .execute();
  await appendCaseEvent(trx, {
    caseId: request.caseId,
    debtorId: facts.debtorId,
    at,
    kind: event.kind,
    summary: event.summary,
    actorUserId: request.actorUserId,
    data: event.data,
  });
  return transition;
}

/** The case row locked for the transaction, with the counts of its claims and, when closed, the stage it closed from. */
async function lockCaseFacts(trx: Transaction<DB>, caseId: string): Promise<CaseFacts & { debtorId: string }> {
  const row = await trx
    .selectFrom('cases')
    .select(['debtor_id', 'stage', 'status', 'close_reason', 'closed_on', 'balance_cents'])
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('The case');
  const counts = await trx
    .selectFrom('claims')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('status', '=', 'open').as('open'),
      eb.fn.countAll<number>().filterWhere('status', '=', 'paid').as('paid'),
    ])
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  const before =
    row.status === 'closed'
      ? await trx
          .selectFrom('case_stage_history')
          .select('from_stage')
          .where('case_id', '=', caseId)
          .where('to_stage', '=', 'closed')
          .orderBy('changed_at', 'desc')
          .limit(1)
          .executeTakeFirst()
      : undefined;
  const disputes = await trx
    .selectFrom('disputes')
    .select((eb) => eb.fn.countAll<number>().as('open'))
    .where('case_id', '=', caseId)
    .where('status', 'in', ['evidence_requested', 'answered'])
    .executeTakeFirstOrThrow();
  const beforeDispute =
    row.stage === 'dispute'
      ? await trx
          .selectFrom('case_stage_history')
          .select('from_stage')
          .where('case_id', '=', caseId)
          .where('to_stage', '=', 'dispute')
          .orderBy('changed_at', 'desc')
          .limit(1)
          .executeTakeFirst()
      : undefined;
  const beforeOverindebtedness =
    row.stage === 'overindebtedness'
      ? await trx
          .selectFrom('case_stage_history')
          .select('from_stage')
          .where('case_id', '=', caseId)
          .where('to_stage', '=', 'overindebtedness')
          .where('from_stage', '<>', 'overindebtedness')
          .orderBy('changed_at', 'desc')
          .limit(1)
          .executeTakeFirst()
      : undefined;
  return {
    debtorId: row.debtor_id,
    stage: row.stage,
    status: row.status,
    closeReason: row.close_reason as CloseReason | null,
    closedOn: row.closed_on,
    balanceCents: row.balance_cents,
    openClaims: Number(counts.open),
    paidClaims: Number(counts.paid),
    stageBeforeClosing: (before?.from_stage ?? null) as CaseStage | null,
    openDisputes: Number(disputes.open),
    stageBeforeDispute: (beforeDispute?.from_stage ?? null) as CaseStage | null,
    stageBeforeOverindebtedness: (beforeOverindebtedness?.from_stage ?? null) as CaseStage | null,
  };
}
