import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { conflict, notFound } from '../platform/errors.js';
import type { QueueItem } from './contract.js';
import { recordLinePayment } from './line-payment.js';

/**
 * The matching queue: credits of bank statements no rule matched with certainty. A person assigns one to a case (the
 * payment is recorded through the payment service with the line's idempotency key, `camt:<identity>`, so a retry or a
 * double click never records it twice) or dismisses it (money that is not for a case: to return to the payer).
 */

function selectItems(deps: Deps) {
  return deps.db
    .selectFrom('bank_match_queue as q')
    .innerJoin('bank_statement_lines as l', 'l.id', 'q.line_id')
    .leftJoin('cases as c', 'c.id', 'q.suggested_case_id')
    .select([
      'q.id',
      'q.line_id',
      'l.import_id',
      'l.amount_cents',
      'l.booking_date',
      'l.debtor_name',
      'l.debtor_iban',
      'l.remittance_text',
      'l.creditor_reference',
      'l.end_to_end_id',
      'l.payment_id',
      'q.confidence',
      'q.reason',
      'q.suggested_case_id',
      'c.reference as suggested_reference',
      'q.candidate_case_ids',
      'q.status',
      'q.assigned_case_id',
      'q.created_at',
    ]);
}

type ItemRow = Awaited<ReturnType<ReturnType<typeof selectItems>['executeTakeFirstOrThrow']>>;

const itemView = (row: ItemRow): QueueItem => ({
  id: row.id,
  lineId: row.line_id,
  importId: row.import_id,
  amountCents: Number(row.amount_cents),
  bookingDate: row.booking_date,
  debtorName: row.debtor_name,
  debtorIban: row.debtor_iban,
  remittanceText: row.remittance_text,
  creditorReference: row.creditor_reference,
  endToEndId: row.end_to_end_id,
  confidence: row.confidence,
  reason: row.reason,
  suggestedCase:
    row.suggested_case_id && row.suggested_reference
      ? { id: row.suggested_case_id, reference: row.suggested_reference }
      : null,
  candidateCaseIds: row.candidate_case_ids,
  status: row.status,
  assignedCaseId: row.assigned_case_id,
  paymentId: row.payment_id,
  createdAt: row.created_at.toISOString(),
});

export async function listQueue(
  deps: Deps,
  _actor: Actor,
  filter: { status: 'open' | 'assigned' | 'dismissed'; limit: number; offset: number },
) {
  const rows = await selectItems(deps)
    .where('q.status', '=', filter.status)
    .orderBy('q.created_at')
    .orderBy('l.import_id')
    .orderBy('l.line_number')
    .limit(filter.limit + 1)
    .offset(filter.offset)
    .execute();
  return { items: rows.slice(0, filter.limit).map(itemView), hasMore: rows.length > filter.limit };
}

async function getItem(deps: Deps, id: string): Promise<QueueItem> {
  const row = await selectItems(deps).where('q.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('The queued bank line');
  return itemView(row);
}

/** Assigns a queued credit to a case: records the payment, then closes the item (both idempotent on the line). */
export async function assignQueued(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { caseId: string; note?: string | undefined },
  requestId: string | null,
): Promise<QueueItem> {
  const line = await deps.db
    .selectFrom('bank_match_queue as q')
    .innerJoin('bank_statement_lines as l', 'l.id', 'q.line_id')
    .select([
      'q.status',
      'q.assigned_case_id',
      'l.id as line_id',
      'l.identity',
      'l.amount_cents',
      'l.booking_date',
      'l.value_date',
      'l.end_to_end_id',
      'l.account_servicer_reference',
      'l.debtor_name',
      'l.debtor_iban',
      'l.remittance_text',
      'l.bank_transaction_code',
    ])
    .where('q.id', '=', id)
    .executeTakeFirst();
  if (!line) throw notFound('The queued bank line');
  if (line.status === 'dismissed')
    throw conflict('bank_files.queue_item_closed', 'This bank line was dismissed: it cannot be assigned any more.');
  if (line.status === 'assigned' && line.assigned_case_id !== input.caseId) {
    throw conflict(
      'bank_files.queue_item_closed',
      'This bank line was already assigned to another case: reverse that payment first if it was a mistake.',
      { caseId: line.assigned_case_id },
    );
  }
  // Recorded with the line's own key: the same line is never recorded twice, whoever assigns it and however often.
  const { payment } = await recordLinePayment(deps, actor, line, input.caseId, false, requestId);
  const at = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom('bank_match_queue')
      .select('status')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (item.status !== 'open') return; // a concurrent assignment to the same case finished it
    await trx
      .updateTable('bank_match_queue')
      .set({
        status: 'assigned',
        assigned_case_id: input.caseId,
        decided_by: actor.userId,
        decided_at: at,
        decision_note: input.note?.trim() || null,
      })
      .where('id', '=', id)
      .execute();
    await trx
      .updateTable('bank_statement_lines')
      .set({ status: 'recorded', case_id: input.caseId, payment_id: payment.id, updated_at: at })
      .where('id', '=', line.line_id)
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'bank_line.assigned',
      targetType: 'bank_statement_line',
      targetId: line.line_id,
      creditorId: payment.creditorId,
      before: { status: 'queued' },
      after: { status: 'recorded', caseId: input.caseId, paymentId: payment.id, note: input.note?.trim() || null },
      requestId,
      at,
    });
  });
  return getItem(deps, id);
}

/** Dismisses a queued credit that is not for any case (to return to the payer, outside Accord), with the reason. */
export async function dismissQueued(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { note: string },
  requestId: string | null,
): Promise<QueueItem> {
  const at = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom('bank_match_queue')
      .select(['status', 'line_id'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!item) throw notFound('The queued bank line');
    if (item.status !== 'open')
      throw conflict('bank_files.queue_item_closed', `This bank line is already ${item.status}.`);
    await trx
      .updateTable('bank_match_queue')
      .set({ status: 'dismissed', decided_by: actor.userId, decided_at: at, decision_note: input.note.trim() })
      .where('id', '=', id)
      .execute();
    await trx
      .updateTable('bank_statement_lines')
      .set({ status: 'ignored', reason: 'dismissed', updated_at: at })
      .where('id', '=', item.line_id)
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'bank_line.dismissed',
      targetType: 'bank_statement_line',
      targetId: item.line_id,
      before: { status: 'queued' },
      after: { status: 'ignored', note: input.note.trim() },
      requestId,
      at,
    });
  });
  return getItem(deps, id);
}
