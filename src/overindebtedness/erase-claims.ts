import { appendAudit } from '../audit/append.js';
import { changeCase } from '../cases/change-case.js';
import { queueCreditorCaseNotice } from '../cases/creditor-case-notice.js';
import { auditActor } from '../identity/actor.js';
import { refreshCaseBalance } from '../ledger/post.js';
import { adjustClaimIn } from '../payments/credit.js';
import { openClaims } from '../payments/record-payment.js';
import { cancelLivePlansIn } from '../plans/commission-plan.js';
import type { LoadedProcedure, StateContext } from './procedure-facts.js';

const COMPONENTS = ['principal', 'interest', 'fees'] as const;

/**
 * A personal recovery (rétablissement personnel) erases the debts (L741-2): every outstanding component of every
 * claim of the case is written off through the ledger's claim correction (a balanced adjustment against what the
 * creditor placed), the claims close as written off (not paid), a live plan is cancelled, the case closes as
 * `overindebtedness_erasure` and the creditor is told (its webhook's `case.closed`). In the step's transaction.
 */
export async function eraseCaseIn(c: StateContext, loaded: LoadedProcedure, caseId: string): Promise<number> {
  const reason = `Effacement, rétablissement personnel ${loaded.row.file_reference} (C. conso L741-2)`;
  let erased = 0;
  for (const claim of await openClaims(c.trx, caseId)) {
    for (const component of COMPONENTS) {
      const owed = claim.outstanding[component];
      if (owed <= 0) continue;
      await adjustClaimIn(c.trx, c.deps, c.actor, claim.id, { component, amountCents: -owed, reason }, c.requestId, {
        settle: false,
      });
      erased += owed;
    }
  }
  await c.trx
    .updateTable('claims')
    .set({ status: 'closed', updated_at: c.now })
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .execute();
  await refreshCaseBalance(c.trx, caseId, c.now);
  await cancelLivePlansIn(c.trx, c.actor, [caseId], reason, c.now, c.requestId);
  await changeCase(c.trx, {
    caseId,
    change: { reason: 'overindebtedness_erased', procedureId: loaded.row.id },
    actorUserId: c.actor.userId,
    now: c.now,
    today: c.today,
  });
  const kase = await c.trx
    .selectFrom('cases')
    .select(['reference', 'creditor_id'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  await queueCreditorCaseNotice(c.trx, {
    creditorId: kase.creditor_id,
    caseId,
    event: 'case.closed',
    payload: {
      caseReference: kase.reference,
      closeReason: 'overindebtedness_erasure',
      closedOn: c.today,
      erasedCents: erased,
      fileReference: loaded.row.file_reference,
    },
    at: c.now,
  });
  await appendAudit(c.trx, {
    actor: auditActor(c.actor),
    action: 'overindebtedness.claim_erased',
    targetType: 'case',
    targetId: caseId,
    creditorId: kase.creditor_id,
    after: { procedureId: loaded.row.id, erasedCents: erased, closeReason: 'overindebtedness_erasure' },
    requestId: c.requestId,
    at: c.now,
  });
  return erased;
}
