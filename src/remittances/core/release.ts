/**
 * Four-eyes on money out (issue 21): a remittance and its transfer are prepared by one person and released by
 * another. Prepared → released (the transfer may then be produced) or prepared → cancelled (its lines go back to the
 * next remittance). Pure: the service loads the remittance under a row lock and asks here.
 */
export type RemittanceStatus = 'prepared' | 'released' | 'cancelled';

export type ReleaseRefusal = 'not_prepared' | 'own_preparation';

/** Who may release: anyone holding the permission but the preparer, and only a prepared remittance. */
export function releaseRefusal(
  releaserId: string,
  remittance: { status: RemittanceStatus; preparedBy: string | null },
): ReleaseRefusal | null {
  if (remittance.status !== 'prepared') return 'not_prepared';
  // A remittance without a recorded preparer was made before the rule: it was released as it was made.
  if (remittance.preparedBy === null || remittance.preparedBy === releaserId) return 'own_preparation';
  return null;
}

/** Cancelling sends no money: the preparer may withdraw their own preparation, as may another person. */
export function cancelRefusal(remittance: { status: RemittanceStatus }): 'not_prepared' | null {
  return remittance.status === 'prepared' ? null : 'not_prepared';
}

/** The transfer file exists only for a released remittance. */
export function mayProduceTransfer(remittance: { status: RemittanceStatus }): boolean {
  return remittance.status === 'released';
}
