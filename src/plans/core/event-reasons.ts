import { CLOSE_REASONS, type CloseReason } from '../../cases/core/lifecycle.js';
import { recordText, type RecordText } from '../../cases/core/record-texts.js';

/**
 * The reasons the system writes on a plan's history, as texts of the case file (a key and its parameters,
 * cases/core/record-texts.ts), which the API gives and the web app says in the reader's language, amounts and dates in
 * its format; the French text older rows stored (plan_events.reason) is read back into the same texts. A reason a
 * person wrote (a cancellation, a decision, a renegotiation) is kept and given as written.
 */
export type EventReason =
  | { code: 'within_authority' }
  | { code: 'needs_approval'; reasons: string[] }
  | { code: 'chosen_with_debtor' }
  | { code: 'instalment_paid'; number: number; reference: string; byPayment: boolean }
  | { code: 'first_due'; date: string }
  | { code: 'unpaid_beyond_grace'; number: number; days: number }
  | { code: 'adjusted_to_balance'; cause: AdjustmentCause; fromCents: number; toCents: number }
  | { code: 'due_again'; numbers: number[]; receiptNumber: string }
  | { code: 'case_closed'; closeReason: CloseReason }
  | { code: 'commission_schedule'; decisionRef: string }
  | { code: 'written'; text: string };

/** What brought a plan down to the balance (plans/fit-plan.ts). */
export const ADJUSTMENT_CAUSES = ['payment', 'reversal', 'credit', 'claim_correction', 'approval'] as const;
export type AdjustmentCause = (typeof ADJUSTMENT_CAUSES)[number];

/** A payment recorded on the case pays instalments with the reference `<payment id>:<instalment number>`. */
const PAYMENT_REFERENCE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\d+$/i;

/**
 * The system's reasons as stored on a new row of a plan's history: a text of the case file, its key and parameters
 * (plan_events.reason_key, reason_params; migration 0041).
 */
export const writeReason = {
  withinAuthority: () => recordText('plan_within_authority', {}),
  needsApproval: (reasons: readonly string[]) => recordText('plan_needs_approval', { reasons: reasons.join(', ') }),
  chosenWithDebtor: () => recordText('plan_chosen_with_debtor', {}),
  instalmentPaid: (number: number, reference: string) =>
    PAYMENT_REFERENCE.test(reference)
      ? recordText('plan_instalment_paid_by_payment', { instalment: number })
      : recordText('plan_instalment_paid', { instalment: number, reference }),
  firstDue: (date: string) => recordText('plan_first_due', { dueOn: date }),
  unpaidBeyondGrace: (number: number, days: number) =>
    recordText('plan_unpaid_beyond_grace', { instalment: number, graceDays: days }),
  adjustedToBalance: (cause: AdjustmentCause, fromCents: number, toCents: number) =>
    recordText('plan_adjusted_to_balance', { cause, fromCents, toCents }),
  dueAgain: (numbers: readonly number[], receiptNumber: string) =>
    recordText('plan_due_again', { instalments: numbers.join(', '), receiptNumber }),
  caseClosed: (closeReason: CloseReason) => recordText('plan_case_closed', { closeReason }),
  commissionSchedule: (decisionRef: string) => recordText('plan_commission_schedule', { decisionRef }),
};

/** A reason on a plan's history: the system's, by key (`writeReason`), or a person's, as written. */
export type PlanEventReason = RecordText | string;

/** The columns of plan_events a reason is stored in. */
export function reasonColumns(reason: PlanEventReason): {
  reason: string | null;
  reason_key: string | null;
  reason_params: string;
} {
  return typeof reason === 'string'
    ? { reason, reason_key: null, reason_params: '{}' }
    : { reason: null, reason_key: reason.key, reason_params: JSON.stringify(reason.params) };
}

/**
 * How rows written before migration 0041 worded the system's reasons, in French; `readReason` reads them back. Old
 * plan_events rows use it, and plan_versions.reason, which has no key columns: a version keeps its reason in these
 * words, and `versionReasonView` gives it in the reader's language.
 */
export const frenchReason = {
  withinAuthority: () => 'within authority and capacity',
  needsApproval: (reasons: readonly string[]) => `approval: ${reasons.join(', ')}`,
  chosenWithDebtor: () => 'plan choisi avec le débiteur',
  instalmentPaid: (number: number, reference: string) => `échéance ${number} payée (${reference})`,
  firstDue: (date: string) => `première échéance au ${date}`,
  unpaidBeyondGrace: (number: number, days: number) =>
    `échéance ${number} impayée au-delà du délai de grâce de ${days} jours`,
  adjustedToBalance: (cause: AdjustmentCause, fromCents: number, toCents: number) =>
    `ajusté au solde (${cause}) : ${fromCents} → ${toCents} centimes`,
  dueAgain: (numbers: readonly number[], receiptNumber: string) =>
    `échéance(s) ${numbers.join(', ')} de nouveau due(s) : paiement ${receiptNumber} annulé`,
  caseClosed: (closeReason: CloseReason) => `dossier clos (${closeReason})`,
  commissionSchedule: (decisionRef: string) => `Échéancier de la commission ${decisionRef}`,
};

export function readReason(text: string): EventReason {
  if (text === frenchReason.withinAuthority()) return { code: 'within_authority' };
  if (text === frenchReason.chosenWithDebtor()) return { code: 'chosen_with_debtor' };
  const approval = /^approval: ([a-z_]+(?:, [a-z_]+)*)$/.exec(text);
  if (approval) return { code: 'needs_approval', reasons: approval[1]!.split(', ') };
  const paid = /^échéance (\d+) payée \((.+)\)$/.exec(text);
  if (paid)
    return {
      code: 'instalment_paid',
      number: Number(paid[1]),
      reference: paid[2]!,
      byPayment: PAYMENT_REFERENCE.test(paid[2]!),
    };
  const first = /^première échéance au (\d{4}-\d{2}-\d{2})$/.exec(text);
  if (first) return { code: 'first_due', date: first[1]! };
  const grace = /^échéance (\d+) impayée au-delà du délai de grâce de (\d+) jours$/.exec(text);
  if (grace) return { code: 'unpaid_beyond_grace', number: Number(grace[1]), days: Number(grace[2]) };
  const adjusted = /^ajusté au solde \(([a-z_]+)\) : (\d+) → (\d+) centimes$/.exec(text);
  if (adjusted && (ADJUSTMENT_CAUSES as readonly string[]).includes(adjusted[1]!))
    return {
      code: 'adjusted_to_balance',
      cause: adjusted[1] as AdjustmentCause,
      fromCents: Number(adjusted[2]),
      toCents: Number(adjusted[3]),
    };
  const again = /^échéance\(s\) (\d+(?:, \d+)*) de nouveau due\(s\) : paiement (.+) annulé$/.exec(text);
  if (again) return { code: 'due_again', numbers: again[1]!.split(', ').map(Number), receiptNumber: again[2]! };
  const closed = /^dossier clos \(([a-z_]+)\)$/.exec(text);
  if (closed && (CLOSE_REASONS as readonly string[]).includes(closed[1]!))
    return { code: 'case_closed', closeReason: closed[1] as CloseReason };
  const commission = /^Échéancier de la commission (.+)$/.exec(text);
  if (commission) return { code: 'commission_schedule', decisionRef: commission[1]! };
  return { code: 'written', text };
}

/**
 * What the API gives of a stored reason: the system's as a text by key (stored so, or read back from an older row's
 * French), a person's as written.
 */
export function reasonView(stored: { reason: string | null; reason_key: string | null; reason_params: unknown }): {
  reasonText: RecordText | null;
  reason: string | null;
} {
  if (stored.reason_key !== null)
    return { reasonText: { key: stored.reason_key, params: stored.reason_params } as RecordText, reason: null };
  const written = stored.reason ?? '';
  const text = reasonRecord(readReason(written));
  return text === null ? { reasonText: null, reason: written } : { reasonText: text, reason: null };
}

/**
 * What the API gives of a plan version's reason (plan_versions.reason: words, no key): the system's default, read
 * back from its French, as a text by key, said in the reader's language; a person's (a renegotiation) as written.
 */
export function versionReasonView(reason: string): { reasonText: RecordText | null; reason: string | null } {
  return reasonView({ reason, reason_key: null, reason_params: {} });
}

function reasonRecord(reason: EventReason): RecordText | null {
  switch (reason.code) {
    case 'within_authority':
      return recordText('plan_within_authority', {});
    case 'needs_approval':
      return recordText('plan_needs_approval', { reasons: reason.reasons.join(', ') });
    case 'chosen_with_debtor':
      return recordText('plan_chosen_with_debtor', {});
    case 'instalment_paid':
      return reason.byPayment
        ? recordText('plan_instalment_paid_by_payment', { instalment: reason.number })
        : recordText('plan_instalment_paid', { instalment: reason.number, reference: reason.reference });
    case 'first_due':
      return recordText('plan_first_due', { dueOn: reason.date });
    case 'unpaid_beyond_grace':
      return recordText('plan_unpaid_beyond_grace', { instalment: reason.number, graceDays: reason.days });
    case 'adjusted_to_balance':
      return recordText('plan_adjusted_to_balance', {
        cause: reason.cause,
        fromCents: reason.fromCents,
        toCents: reason.toCents,
      });
    case 'due_again':
      return recordText('plan_due_again', {
        instalments: reason.numbers.join(', '),
        receiptNumber: reason.receiptNumber,
      });
    case 'case_closed':
      return recordText('plan_case_closed', { closeReason: reason.closeReason });
    case 'commission_schedule':
      return recordText('plan_commission_schedule', { decisionRef: reason.decisionRef });
    case 'written':
      return null;
  }
}
