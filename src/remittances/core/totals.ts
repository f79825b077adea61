/**
 * What a remittance pays over, pure: the sums of its lines, refused when the reversals in it exceed the collections,
 * and its number. The service loads the lines and writes what comes back.
 */

export interface RemittanceLineAmounts {
  collected: number;
  commission: number;
  net: number;
}

/**
 * The totals of the lines, or `negative` when reversals exceed collections: nothing is paid over then, and the
 * lines carry to the next remittance.
 */
export function remittanceTotals(
  lines: readonly RemittanceLineAmounts[],
): RemittanceLineAmounts & { negative: boolean } {
  const collected = lines.reduce((sum, line) => sum + line.collected, 0);
  const commission = lines.reduce((sum, line) => sum + line.commission, 0);
  const net = lines.reduce((sum, line) => sum + line.net, 0);
  return { collected, commission, net, negative: net < 0 };
}

/** `R-<creditor code>-<period end, yyyymmdd>-<sequence on 4 digits>`. */
export function remittanceNumber(creditorCode: string, periodTo: string, sequence: number): string {
  return `R-${creditorCode}-${periodTo.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
}
