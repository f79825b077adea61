import type { DebtorTrail, DebtorTrailQuery } from '../audit/contract.js';
import { listDebtorTrail } from '../audit/debtor-trail.js';
import type { Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { recordSensitiveRead } from './access.js';

/**
 * A debtor's audit trail for compliance. It shows who read their health and budget details and why, so reading it is
 * itself a read of special-category data, recorded like the others (and sealed into the chain with them).
 */
export async function readDebtorTrail(
  deps: Deps,
  actor: Actor,
  debtorId: string,
  query: DebtorTrailQuery,
  requestId: string,
): Promise<DebtorTrail> {
  const trail = await listDebtorTrail(deps, debtorId, query);
  await recordSensitiveRead(deps, {
    actor,
    debtorId,
    caseId: null,
    subject: 'audit_trail',
    basis: 'compliance',
    reason: null,
    requestId,
  });
  return trail;
}
