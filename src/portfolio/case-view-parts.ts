import type { Selectable } from 'kysely';
import type { CaseStatus, DB } from '../platform/db/schema.js';

// The parts of the case page that staff and the creditor read alike, built once for both projections.

/** A case with its creditor and mandate, as the case page loads it. */
export interface CaseRow {
  id: string;
  reference: string;
  stage: DB['cases']['stage'];
  status: CaseStatus;
  close_reason: string | null;
  balance_cents: number;
  currency: string;
  opened_on: string;
  closed_on: string | null;
  first_letter_reference: string | null;
  first_letter_sent_on: string | null;
  creditor_id: string;
  debtor_id: string;
  creditor_name: string;
  creditor_code: string;
  mandate_code: string;
}

/** The case's own figures as the case page shows them, to staff and creditor alike (they are the creditor's case). */
export function caseSummaryView(found: CaseRow) {
  return {
    id: found.id,
    reference: found.reference,
    stage: found.stage,
    status: found.status,
    closeReason: found.close_reason,
    balanceCents: found.balance_cents,
    currency: found.currency,
    openedOn: found.opened_on,
    closedOn: found.closed_on,
    firstLetter: found.first_letter_reference
      ? { reference: found.first_letter_reference, sentOn: found.first_letter_sent_on }
      : null,
    creditor: { id: found.creditor_id, name: found.creditor_name, code: found.creditor_code },
    mandateCode: found.mandate_code,
  };
}

/** Where an address is, as the case page shows it; who gave it and whether letters go there are the reader's. */
export function addressView(
  a: Pick<
    Selectable<DB['debtor_addresses']>,
    'line1' | 'line2' | 'postal_code' | 'city' | 'country' | 'subdivision' | 'time_zone'
  >,
) {
  return {
    line1: a.line1,
    line2: a.line2,
    postalCode: a.postal_code,
    city: a.city,
    country: a.country,
    subdivision: a.subdivision,
    timeZone: a.time_zone,
  };
}

/** A claim as the case page shows it, to staff and creditor alike (the creditor placed it). */
export function claimView(c: Selectable<DB['claims']>) {
  return {
    id: c.id,
    reference: c.reference,
    contractType: c.contract_type,
    originalCreditor: c.original_creditor,
    currency: c.currency,
    principalCents: c.principal_cents,
    interestCents: c.interest_cents,
    feesCents: c.fees_cents,
    defaultOn: c.default_on,
    lastPaymentOn: c.last_payment_on,
    status: c.status,
  };
}
