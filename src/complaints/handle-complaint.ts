import type { Kysely, Selectable, Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import type { RecordText } from '../cases/core/record-texts.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { IsoDate } from '../platform/calendar/dates.js';
import { agencyToday } from '../platform/calendar/today.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict, notFound } from '../platform/errors.js';
import type { AnswerComplaintBody, CloseComplaintBody, ComplaintView, MediatorView } from './contract.js';
import { decideComplaintAct, type ComplaintAct } from './core/complaint.js';
import { readComplaint } from './read-complaints.js';

/**
 * The mediator a refusal names (REGULATION.md §9: debt disputes go to the creditor's mediator): the creditor's own,
 * else its sector's, else the country's, each the latest row in force on the day.
 */
export async function mediatorFor(
  trx: Kysely<DB> | Transaction<DB>,
  creditor: { id: string; sector: string },
  country: 'FR' | 'IT',
  on: IsoDate,
): Promise<MediatorView | null> {
  const rows = await trx
    .selectFrom('mediators')
    .select(['name', 'address', 'website', 'email', 'creditor_id', 'sector', 'valid_from'])
    .where('country', '=', country)
    .where('valid_from', '<=', on)
    .where((eb) =>
      eb.or([
        eb('creditor_id', '=', creditor.id),
        eb.and([eb('creditor_id', 'is', null), eb('sector', '=', creditor.sector as never)]),
        eb.and([eb('creditor_id', 'is', null), eb('sector', 'is', null)]),
      ]),
    )
    .orderBy('valid_from', 'desc')
    .execute();
  const best = rows.find((r) => r.creditor_id) ?? rows.find((r) => r.sector) ?? rows[0];
  return best ? { name: best.name, address: best.address, website: best.website, email: best.email } : null;
}

/** Loads the complaint under a row lock, decides the act with the pure rule, writes it and its audit entry. */
async function act(
  deps: Deps,
  actor: Actor,
  id: string,
  requestId: string,
  build: (trx: Transaction<DB>, row: LockedComplaint, today: IsoDate) => Promise<Built>,
): Promise<ComplaintView> {
  const today = agencyToday(deps.now(), deps.config);
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('complaints').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound('The complaint');
    const { act: next, extra, audit, event } = await build(trx, row, today);
    const decision = decideComplaintAct(
      {
        status: row.status,
        receivedOn: row.received_on,
        acknowledgeBy: row.acknowledge_by,
        answerBy: row.answer_by,
        acknowledgedOn: row.acknowledged_on,
        answeredOn: row.answered_on,
        outcome: row.outcome,
      },
      next,
    );
    if (decision.outcome === 'refused') throw conflict(decision.code, decision.message);
    const state = decision.state;
    const now = deps.now();
    await trx
      .updateTable('complaints')
      .set({
        status: state.status,
        acknowledged_on: state.acknowledgedOn,
        acknowledged_by: row.acknowledged_by ?? (state.acknowledgedOn ? actor.userId : null),
        answered_on: state.answeredOn,
        outcome: state.outcome,
        closed_on: state.status === 'closed' || state.status === 'mediator' ? today : null,
        updated_at: now,
        ...extra.columns,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: audit.action,
      targetType: 'complaint',
      targetId: id,
      creditorId: row.creditor_id,
      before: { status: row.status },
      after: {
        caseId: row.case_id,
        debtorId: row.debtor_id,
        reference: row.reference,
        status: state.status,
        ...audit.after,
      },
      requestId,
      at: now,
    });
    await appendCaseEvent(trx, {
      caseId: row.case_id,
      debtorId: row.debtor_id,
      at: now,
      kind: 'complaint',
      summary: event,
      actorUserId: actor.userId,
      data: { complaintId: id, status: state.status },
    });
  });
  return readComplaint(deps.db, id, today);
}

type LockedComplaint = Selectable<DB['complaints']>;

interface Built {
  act: ComplaintAct;
  extra: Extra;
  audit: { action: string; after: Record<string, unknown> };
  /** The line of the case's timeline (by key: said in the reader's language). */
  event: RecordText;
}

interface Extra {
  columns: Partial<{
    answered_by: string;
    answer: string;
    root_cause: AnswerComplaintBody['rootCause'];
    measures: string | null;
    mediator: string | null;
  }>;
}

export function acknowledgeComplaint(deps: Deps, actor: Actor, id: string, requestId: string) {
  return act(deps, actor, id, requestId, async (_trx, row, today) => ({
    act: { act: 'acknowledge', on: today },
    extra: { columns: {} },
    audit: { action: 'complaint.acknowledged', after: { acknowledgedOn: today } },
    event: recordText('complaint_acknowledged', { reference: row.reference, answerBy: row.answer_by }),
  }));
}

/** Answers: an answer that refuses, wholly or partly, carries the mediator's details (refused without them). */
export function answerComplaint(deps: Deps, actor: Actor, id: string, body: AnswerComplaintBody, requestId: string) {
  return act(deps, actor, id, requestId, async (trx, row, today) => {
    const creditor = await trx
      .selectFrom('creditors')
      .select(['id', 'sector'])
      .where('id', '=', row.creditor_id)
      .executeTakeFirstOrThrow();
    const mediator = body.outcome === 'upheld' ? null : await mediatorFor(trx, creditor, row.country, today);
    return {
      act: { act: 'answer', on: today, outcome: body.outcome, hasMediator: mediator !== null },
      extra: {
        columns: {
          answered_by: actor.userId,
          answer: body.answer,
          root_cause: body.rootCause,
          measures: body.measures?.trim() || null,
          mediator: mediator ? JSON.stringify(mediator) : null,
        },
      },
      audit: {
        action: 'complaint.answered',
        after: {
          outcome: body.outcome,
          rootCause: body.rootCause,
          answeredOn: today,
          mediator: mediator?.name ?? null,
        },
      },
      event: mediator
        ? recordText('complaint_answered_mediator', {
            reference: row.reference,
            outcome: body.outcome,
            mediator: mediator.name,
          })
        : recordText('complaint_answered', { reference: row.reference, outcome: body.outcome }),
    };
  });
}

export function closeComplaint(deps: Deps, actor: Actor, id: string, body: CloseComplaintBody, requestId: string) {
  return act(deps, actor, id, requestId, async (_trx, row, today) => ({
    act: { act: body.referredToMediator ? 'refer_to_mediator' : 'close', on: today },
    extra: { columns: {} },
    audit: {
      action: body.referredToMediator ? 'complaint.referred_to_mediator' : 'complaint.closed',
      after: { closedOn: today },
    },
    event: recordText(body.referredToMediator ? 'complaint_referred_to_mediator' : 'complaint_closed', {
      reference: row.reference,
    }),
  }));
}
