import type { Actor } from '../identity/actor.js';
import { recordPayment, type PaymentInput, type PaymentOptions } from '../payments/record-payment.js';
import type { Deps } from '../platform/deps.js';

export interface LineFacts {
  identity: string;
  amount_cents: number;
  booking_date: string | null;
  value_date: string | null;
  end_to_end_id: string | null;
  account_servicer_reference: string | null;
  debtor_name: string | null;
  debtor_iban: string | null;
  remittance_text: string | null;
  bank_transaction_code: string | null;
}

/**
 * Records a statement credit as a payment on a case. The idempotency key is the line's identity (`camt:<identity>`)
 * and the request depends on the line only (and the case), so the import, a retry or a person's assignment can never
 * record the same bank transaction twice. A credit of the direct debit family (IDDT) is a direct debit.
 */
export function recordLinePayment(
  deps: Deps,
  actor: Actor,
  line: LineFacts,
  caseId: string,
  directDebit: boolean,
  requestId: string | null,
) {
  const { input, options } = linePaymentRequest(line, caseId, directDebit);
  return recordPayment(deps, actor, input, options, requestId);
}

/** The payment a statement credit stands for: the same for the import's batches and for a person's assignment. */
export function linePaymentRequest(
  line: LineFacts,
  caseId: string,
  directDebit: boolean,
): { input: PaymentInput; options: PaymentOptions } {
  return {
    input: {
      caseId,
      amountCents: Number(line.amount_cents),
      channel: directDebit || line.bank_transaction_code?.split('/')[1] === 'IDDT' ? 'direct_debit' : 'bank_transfer',
      receivedOn: (line.booking_date ?? line.value_date)!,
      reference: line.end_to_end_id ?? line.account_servicer_reference ?? undefined,
      payerName: line.debtor_name ?? undefined,
      payerIban: line.debtor_iban ?? undefined,
      note: line.remittance_text ?? undefined,
    },
    options: { idempotencyKey: `camt:${line.identity}`, source: 'bank_statement' },
  };
}
