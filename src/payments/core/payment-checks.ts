import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { latestToday } from '../../platform/calendar/index.js';

/** No payment the agency records is older than this: earlier dates are typing errors (0200-11-24, 1926-11-24). */
export const EARLIEST_RECEIVED_ON = '2000-01-01';

export interface Refusal {
  code: string;
  message: string;
}

/**
 * Whether a payment may be dated `receivedOn`: not before 2000, not before the agency's case was opened (money paid
 * before the placement is in the balance the creditor placed), and not after today where it is latest among the
 * given zones (the agency's and the debtor's: "today" for a debtor in Nouméa is tomorrow in Paris for part of the day).
 */
export function receivedOnRefusal(
  receivedOn: string,
  facts: { caseOpenedOn: string; caseReference: string; now: Date; zones: readonly string[] },
): Refusal | null {
  if (receivedOn < EARLIEST_RECEIVED_ON) {
    return {
      code: 'payments.received_too_early',
      message: `A payment cannot be dated before ${EARLIEST_RECEIVED_ON}: check the year of ${receivedOn}.`,
    };
  }
  if (receivedOn < facts.caseOpenedOn) {
    return {
      code: 'payments.received_before_case',
      message: `Case ${facts.caseReference} was opened on ${facts.caseOpenedOn}, after ${receivedOn}: money paid before the placement is already in the balance the creditor placed. Check the date, or the case.`,
    };
  }
  const today = latestToday(facts.now, facts.zones);
  if (receivedOn > today) {
    return {
      code: 'payments.received_in_future',
      message: `A payment cannot be received in the future (today is ${today}): give the day the money arrived.`,
    };
  }
  return null;
}

/** The payer's IBAN in electronic form (no spaces, capitals), or null when it is not a valid IBAN (country, length, check digits). */
export function normalisedIban(value: string): string | null {
  const iban = electronicFormatIBAN(value);
  return iban && isValidIBAN(iban) ? iban : null;
}
