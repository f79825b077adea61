/**
 * Exact money for ISO 20022 files: amounts are decimal strings ("1234.50") turned into integer cents by reading
 * their digits, never through a float, and written back the same way.
 */

/** The largest amount a file may carry (10^11 euros less a cent): sums of many stay far below 2^53 cents. */
export const MAX_AMOUNT_CENTS = 99_999_999_999_99;

export type AmountProblem = 'amount.syntax' | 'amount.too_many_decimals' | 'amount.zero' | 'amount.too_large';

/** Parses a decimal amount of at most two decimals into cents; returns the problem instead when it is not one. */
export function parseAmountCents(text: string): { cents: number } | { problem: AmountProblem } {
  const match = /^(\d{1,18})(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return { problem: 'amount.syntax' };
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return { problem: 'amount.too_many_decimals' };
  const units = match[1]!.replace(/^0+(?=\d)/, '');
  if (units.length > 11) return { problem: 'amount.too_large' };
  const cents = Number(units) * 100 + Number(fraction.padEnd(2, '0'));
  if (cents > MAX_AMOUNT_CENTS) return { problem: 'amount.too_large' };
  if (cents === 0) return { problem: 'amount.zero' };
  return { cents };
}

/** Cents as an ISO 20022 decimal amount: 123456 → "1234.56" (always two decimals, no sign, no separators). */
export function formatAmount(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`not an amount in cents: ${cents}`);
  const text = String(cents).padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}
