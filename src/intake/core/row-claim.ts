/**
 * The claim's section of a placement row: what is owed, on what contract, since when. Pure.
 */
import type { Row } from './row.js';
import type { ContractType, IntakeClaim } from './types.js';

export const CONTRACT_TYPES: readonly ContractType[] = [
  'consumer_credit',
  'overdraft',
  'energy',
  'telecom',
  'rent',
  'other',
];
export const ACCEPTED_CURRENCIES: readonly string[] = ['EUR'];

/** The claim's reference, contract, currency, amounts (not all zero) and dates, or null. */
export function validateClaim(row: Row, reference: string | null, today: string): IntakeClaim | null {
  const contractType = row.choice('contract_type', CONTRACT_TYPES, null, 'a placement');
  const originalCreditor = row.optional('original_creditor');
  const currencyText = row.text('currency');
  let currency: string | null = null;
  if (currencyText !== null) {
    const code = currencyText === '' ? 'EUR' : currencyText.toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) {
      row.fail(
        'currency',
        row.raw('currency'),
        'currency.invalid',
        'write the currency as its ISO 4217 code, e.g. EUR',
      );
    } else if (!ACCEPTED_CURRENCIES.includes(code)) {
      row.fail('currency', row.raw('currency'), 'currency.unsupported', 'only EUR is accepted for now');
    } else {
      currency = code;
    }
  }
  const principalCents = row.amount('principal', true);
  const interestCents = row.amount('interest', false);
  const feesCents = row.amount('fees', false);
  if (
    principalCents !== null &&
    interestCents !== null &&
    feesCents !== null &&
    principalCents + interestCents + feesCents === 0
  ) {
    row.fail(
      'principal',
      row.raw('principal'),
      'amount.zero_total',
      'principal, interest and fees are all zero: a placement must be for an amount owed',
    );
  }
  const defaultOn = row.date('default_date', today, 'a placement');
  const lastPaymentOn = row.date('last_payment_date', today, null);
  if (
    reference === null ||
    contractType === null ||
    currency === null ||
    principalCents === null ||
    interestCents === null ||
    feesCents === null ||
    defaultOn === null
  ) {
    return null;
  }
  return {
    reference,
    contractType,
    originalCreditor,
    currency,
    principalCents,
    interestCents,
    feesCents,
    defaultOn,
    lastPaymentOn,
  };
}
