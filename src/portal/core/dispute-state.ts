import type { DISPUTE_DECISIONS, DISPUTE_STATUSES } from '../../disputes/core/dispute.js';

export type PortalDisputeState = 'being_checked' | 'confirmed' | 'corrected' | 'closed' | 'joined';

/**
 * Where a dispute stands, for the person who raised it: the agency's own stages (evidence asked of the creditor, its
 * answer read) are one thing to them, "being checked", while collection waits; a decision says what became of the
 * debt. A dispute joined to an earlier one on the same contract and grounds follows that one, and says so.
 */
export function portalDisputeState(
  status: (typeof DISPUTE_STATUSES)[number],
  decision: (typeof DISPUTE_DECISIONS)[number] | null,
): PortalDisputeState {
  if (status === 'linked') return 'joined';
  if (status !== 'decided' || decision === null) return 'being_checked';
  return decision === 'resume' ? 'confirmed' : decision === 'adjust' ? 'corrected' : 'closed';
}
