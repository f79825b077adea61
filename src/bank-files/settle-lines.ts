import { sql, type Transaction } from 'kysely';
import type { Actor } from '../identity/actor.js';
import { paymentRequest, recordPaymentsIn, type PaymentRequest } from '../payments/record-payments.js';
import { reversePayment } from '../payments/reverse-payment.js';
import type { Deps } from '../platform/deps.js';
import type { DB } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import { linePaymentRequest, recordLinePayment } from './line-payment.js';

const RETURN_REASONS: Record<string, string> = {
  AC01: 'IBAN incorrect',
  AC04: 'compte clôturé',
  AC06: 'compte bloqué',
  AG01: 'prélèvement interdit sur ce compte',
  AM04: 'provision insuffisante',
  MD01: 'pas de mandat',
  MD06: 'remboursement demandé par le débiteur',
  MD07: 'débiteur décédé',
  MS02: 'refus du débiteur',
  MS03: 'raison non communiquée',
  SL01: 'service spécifique de la banque du débiteur',
};

/**
 * Step 2: records the certain credits and reverses the returned direct debits still pending in an import. Credits go
 * in batches of lines in the statement's order (so those of one case keep it), each batch in one transaction with its
 * lines' new statuses: set-based, a few statements a batch whatever its size. A refusal the payment service gives for
 * one line (a case closed since, a date before the case) queues that line for a person within the batch; should a
 * later step refuse (a plan's or the case's rule), the batch is rolled back and its lines are taken one by one, each
 * in its own transaction, as a person's assignment would be.
 */
export async function settlePendingLines(
  deps: Deps,
  actor: Actor,
  importId: string,
  requestId: string | null,
  how: SettleHow = 'batches',
) {
  // Credits first: a file may carry a debit and its return.
  const pending = await pendingLines(deps, importId);
  const credits = pending.filter((line) => line.kind === 'credit');
  const returns = pending.filter((line) => line.kind === 'return');
  if (how === 'lines') {
    for (const line of [...credits, ...returns]) await settleLine(deps, actor, line, requestId);
    return;
  }
  // Cases are shared among workers by a hash of their id: each worker takes its cases' credits in the statement's
  // order, so no two transactions ever pay the same case. The embedded engine has one connection, so one worker there.
  const workers = deps.database.engine === 'pglite' ? 1 : PARALLEL_BATCHES;
  const shares = Array.from({ length: workers }, () => [] as PendingLine[]);
  for (const line of credits) shares[shareOf(line.case_id ?? line.id, workers)]!.push(line);
  await Promise.all(
    shares.map(async (share) => {
      for (let start = 0; start < share.length; start += CREDIT_BATCH) {
        const batch = share.slice(start, start + CREDIT_BATCH);
        if (!(await recordCreditBatch(deps, actor, batch, requestId)))
          for (const line of batch) await settleLine(deps, actor, line, requestId);
      }
    }),
  );
  for (const line of returns) await settleLine(deps, actor, line, requestId);
}

/**
 * Batches (the import's way), or each line in its own transaction through the payment service, as a person's
 * assignment records it: the yardstick the batches are tested against (the same outcome, line for line).
 */
export type SettleHow = 'batches' | 'lines';

/** How many batches are recorded at once on a PostgreSQL server (below the connection pool's size). */
const PARALLEL_BATCHES = 4;

function shareOf(caseId: string, workers: number): number {
  let hash = 0;
  for (let i = 0; i < caseId.length; i += 1) hash = (hash * 31 + caseId.charCodeAt(i)) | 0;
  return Math.abs(hash) % workers;
}

/**
 * Lines a batch records in one transaction. Larger batches save little (a batch is a dozen statements) and hold the
 * cases they pay for longer.
 */
const CREDIT_BATCH = 500;

/** One batch of credits in one transaction; false when a refusal beyond a single line's rolled it back. */
async function recordCreditBatch(
  deps: Deps,
  actor: Actor,
  lines: readonly PendingLine[],
  requestId: string | null,
): Promise<boolean> {
  try {
    await deps.db.transaction().execute(async (trx) => {
      const requests: PaymentRequest[] = [];
      const taken: PendingLine[] = [];
      const refused: { line: PendingLine; code: string }[] = [];
      for (const line of lines) {
        const { input, options } = linePaymentRequest(line, line.case_id!, line.reason === 'end_to_end_id');
        try {
          requests.push(paymentRequest(input, options));
          taken.push(line);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          refused.push({ line, code: error.code });
        }
      }
      const outcomes = await recordPaymentsIn(trx, deps, actor, requests, requestId);
      const recorded: { id: string; paymentId: string }[] = [];
      outcomes.forEach((outcome, index) => {
        if (outcome.kind === 'recorded') recorded.push({ id: taken[index]!.id, paymentId: outcome.paymentId });
        else refused.push({ line: taken[index]!, code: outcome.error.code });
      });
      await markRecorded(trx, recorded, deps.now());
      await queueRefused(trx, refused, deps.now());
    });
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

async function markRecorded(trx: Transaction<DB>, lines: readonly { id: string; paymentId: string }[], at: Date) {
  if (lines.length === 0) return;
  await sql`
    update bank_statement_lines l set status = 'recorded', payment_id = (v.doc->>'paymentId')::uuid, updated_at = ${at}
    from jsonb_array_elements(${JSON.stringify(lines)}::jsonb) as v(doc)
    where l.id = (v.doc->>'id')::uuid`.execute(trx);
}

/** The payment service refused (a case closed since, a claim recalled…): a person decides. */
async function queueRefused(trx: Transaction<DB>, refused: readonly { line: PendingLine; code: string }[], at: Date) {
  if (refused.length === 0) return;
  const rows = refused.map(({ line, code }) => ({
    id: line.id,
    reason: `refused:${code}`,
    caseId: line.case_id,
    candidates: line.case_id ? [line.case_id] : [],
  }));
  await sql`
    update bank_statement_lines l set status = 'queued', reason = v.doc->>'reason', updated_at = ${at}
    from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) as v(doc)
    where l.id = (v.doc->>'id')::uuid`.execute(trx);
  await trx
    .insertInto('bank_match_queue')
    .values(
      rows.map((row) => ({
        line_id: row.id,
        confidence: 'probable' as const,
        reason: row.reason,
        suggested_case_id: row.caseId,
        candidate_case_ids: JSON.stringify(row.candidates),
        created_at: at,
      })),
    )
    .onConflict((oc) => oc.column('line_id').doNothing())
    .execute();
}

type PendingLine = Awaited<ReturnType<typeof pendingLines>>[number];

function pendingLines(deps: Deps, importId: string) {
  return deps.db
    .selectFrom('bank_statement_lines')
    .selectAll()
    .where('import_id', '=', importId)
    .where('status', '=', 'pending')
    .orderBy('line_number')
    .execute();
}

async function settleLine(deps: Deps, actor: Actor, line: PendingLine, requestId: string | null) {
  const update = (values: {
    status: 'recorded' | 'queued' | 'ignored' | 'reversed';
    reason?: string;
    payment_id?: string | null;
  }) =>
    deps.db
      .updateTable('bank_statement_lines')
      .set({ ...values, updated_at: deps.now() })
      .where('id', '=', line.id)
      .execute();
  if (line.kind === 'credit') {
    try {
      const { payment } = await recordLinePayment(
        deps,
        actor,
        line,
        line.case_id!,
        line.reason === 'end_to_end_id',
        requestId,
      );
      await update({ status: 'recorded', payment_id: payment.id });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // The payment service refused (a case closed since, a claim recalled…): a person decides.
      await deps.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('bank_statement_lines')
          .set({ status: 'queued', reason: `refused:${error.code}`, updated_at: deps.now() })
          .where('id', '=', line.id)
          .execute();
        await trx
          .insertInto('bank_match_queue')
          .values({
            line_id: line.id,
            confidence: 'probable',
            reason: `refused:${error.code}`,
            suggested_case_id: line.case_id,
            candidate_case_ids: JSON.stringify(line.case_id ? [line.case_id] : []),
            created_at: deps.now(),
          })
          .onConflict((oc) => oc.column('line_id').doNothing())
          .execute();
      });
    }
    return;
  }
  // A returned direct debit: the payment its credit recorded.
  const original = line.end_to_end_id
    ? await deps.db
        .selectFrom('bank_statement_lines as l')
        .innerJoin('payments as p', 'p.id', 'l.payment_id')
        .select(['p.id', 'p.status', 'p.amount_cents'])
        .where('l.end_to_end_id', '=', line.end_to_end_id)
        .where('l.kind', '=', 'credit')
        .where('l.status', '=', 'recorded')
        .orderBy('l.updated_at', 'desc')
        .executeTakeFirst()
    : undefined;
  if (!original) {
    await update({ status: 'ignored', reason: 'return_not_matched' });
    return;
  }
  if (Number(original.amount_cents) !== Number(line.amount_cents)) {
    await update({ status: 'ignored', reason: 'return_amount_differs' });
    return;
  }
  if (original.status === 'reversed') {
    await update({ status: 'ignored', reason: 'already_reversed' });
    return;
  }
  const why = line.return_reason
    ? `${line.return_reason}${RETURN_REASONS[line.return_reason] ? ` (${RETURN_REASONS[line.return_reason]})` : ''}`
    : 'sans motif';
  try {
    await reversePayment(
      deps,
      actor,
      original.id,
      {
        kind: 'returned_direct_debit',
        reason: `Prélèvement retourné par la banque le ${line.booking_date ?? line.value_date ?? '?'} : ${why}`,
      },
      requestId,
    );
    await update({ status: 'reversed', payment_id: original.id });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await update({
      status: 'ignored',
      reason: error.code === 'payments.already_reversed' ? 'already_reversed' : `refused:${error.code}`,
    });
  }
}
