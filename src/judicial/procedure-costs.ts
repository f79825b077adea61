import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { adjustClaimIn } from '../payments/credit.js';
import { agencyToday, type IsoDate } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict, invalid } from '../platform/errors.js';
import type { ProcedureCostBody, ProcedureView } from './contract.js';
import { costLine, feeOnCollection, feeTableOn, type CostLine } from './core/costs.js';
import { feeTablesOf } from './fee-tables.js';
import { lockProcedure, type ProcedureRow } from './procedure-facts.js';
import { JUDICIAL_REFUSALS } from './procedure-refusals.js';
import { loadProcedureView } from './procedure-view.js';
import { appendProcedureLine, costText } from './procedure-timeline.js';

/**
 * A cost line with its legal basis and who bears it; an amicable collection fee is never the debtor's (L111-8). A
 * cost the debtor bears enters the ledger in the same transaction: a correction up of the fees of the case's oldest
 * open claim, against what the creditor placed (it advanced the cost), so the balance, the allocation by law and the
 * statements count it. The creditor's costs stay out of the debtor's balance.
 */
export async function recordProcedureCost(
  deps: Deps,
  actor: Actor,
  caseId: string,
  body: ProcedureCostBody,
  requestId: string | null = null,
): Promise<ProcedureView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  const line = costLine(body, today);
  if (typeof line === 'string') throw invalid(line, JUDICIAL_REFUSALS[line] ?? 'This cost line cannot be recorded.');
  return deps.db.transaction().execute(async (trx) => {
    const { found, procedure } = await lockProcedure(trx, actor, caseId);
    const posted =
      line.chargeableTo === 'debtor' ? await postDebtorCost(trx, deps, actor, caseId, line, requestId) : null;
    const cost = await trx
      .insertInto('judicial_costs')
      .values({
        procedure_id: procedure.id,
        case_id: caseId,
        kind: line.kind,
        amount_cents: line.amountCents,
        legal_basis: line.legalBasis,
        chargeable_to: line.chargeableTo,
        incurred_on: line.incurredOn,
        note: body.note,
        claim_id: posted?.claimId ?? null,
        ledger_transaction_id: posted?.transactionId ?? null,
        recorded_by: actor.userId,
        recorded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendProcedureLine(trx, {
      caseId,
      debtorId: found.debtor_id,
      actor,
      at: now,
      summary: costText(line, posted?.claimReference ?? null),
      data: { procedureId: procedure.id, costId: cost.id, claimId: posted?.claimId ?? null },
    });
    const after = { procedureId: procedure.id, costId: cost.id, ...line, claimId: posted?.claimId ?? null };
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'judicial_procedure.cost_recorded',
      targetType: 'case',
      targetId: caseId,
      creditorId: found.creditor_id,
      after,
      requestId,
      at: now,
    });
    return (await loadProcedureView(trx, actor, caseId, today))!;
  });
}

/** The debtor's cost on the fees of the case's oldest open claim (the one the law settles first among equals). */
async function postDebtorCost(
  trx: Transaction<DB>,
  deps: Deps,
  actor: Actor,
  caseId: string,
  line: CostLine,
  requestId: string | null,
) {
  const claim = await trx
    .selectFrom('claims')
    .select(['id', 'reference'])
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .orderBy('default_on')
    .orderBy('id')
    .executeTakeFirst();
  if (!claim) {
    const code = 'judicial_procedure.cost_no_open_claim';
    throw conflict(code, JUDICIAL_REFUSALS[code]!);
  }
  const reason = `Frais de procédure (${line.legalBasis}) du ${line.incurredOn}, créance ${claim.reference}`;
  const posted = await adjustClaimIn(
    trx,
    deps,
    actor,
    claim.id,
    { component: 'fees', amountCents: line.amountCents, reason },
    requestId,
  );
  return { claimId: claim.id, claimReference: claim.reference, transactionId: posted.transactionId };
}

/**
 * The commissaire's proportional fee (A444-32, the creditor's: R444-55) on a payment it collected, recorded as a
 * creditor's cost line naming the payment: the fee on all the commissaire collected on the procedure less what the
 * earlier payments were charged, with the table in force on the day the money came in. A lawyer charges none; a
 * payment charged already (a replay) is charged nothing more. Answers the fee's line, null when none.
 */
export async function chargeCollectionFee(
  trx: Transaction<DB>,
  actor: Actor,
  procedure: ProcedureRow,
  payment: { id: string; amountCents: number; receivedOn: IsoDate },
  at: Date,
): Promise<{ costId: string; amountCents: number } | null> {
  if (!procedure.partner_id) return null;
  const partner = await trx
    .selectFrom('judicial_partners')
    .select('kind')
    .where('id', '=', procedure.partner_id)
    .executeTakeFirst();
  if (partner?.kind !== 'commissaire_de_justice') return null;
  const earlier = await trx
    .selectFrom('judicial_costs as c')
    .innerJoin('payments as p', 'p.id', 'c.payment_id')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<string>('p.amount_cents'), eb.lit(0)).as('collected'),
      eb.fn.coalesce(eb.fn.sum<string>('c.amount_cents'), eb.lit(0)).as('charged'),
      eb.fn.count<string>('c.id').filterWhere('c.payment_id', '=', payment.id).as('this_one'),
    ])
    .where('c.procedure_id', '=', procedure.id)
    .executeTakeFirstOrThrow();
  if (Number(earlier.this_one) > 0) return null;
  const table = feeTableOn(payment.receivedOn, await feeTablesOf(trx));
  const fee = feeOnCollection(
    {
      beforeCents: Number(earlier.collected),
      paymentCents: payment.amountCents,
      chargedBeforeCents: Number(earlier.charged),
    },
    table,
  );
  if (fee === 0) return null;
  const row = await trx
    .insertInto('judicial_costs')
    .values({
      procedure_id: procedure.id,
      case_id: procedure.case_id,
      kind: 'commissaire_a444_32',
      amount_cents: fee,
      legal_basis: table.source.slice(0, 200),
      chargeable_to: 'creditor',
      incurred_on: payment.receivedOn,
      payment_id: payment.id,
      recorded_by: actor.userId,
      recorded_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { costId: row.id, amountCents: fee };
}
