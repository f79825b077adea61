import type { Allocation, Component } from './allocate.js';
import { commissionCents } from './allocate.js';

/**
 * The entries of each kind of ledger transaction. Debits are positive, credits negative, and every transaction's
 * entries sum to zero (asserted here, and checked again over the whole ledger by `npm run ledger:verify`).
 */

export type Account = 'cash' | 'debtor_credit' | 'claim' | 'creditor_placed' | 'creditor_payable' | 'agency_income';

export interface Entry {
  account: Account;
  amountCents: number;
  debtorId?: string | undefined;
  claimId?: string | undefined;
  component?: Component | undefined;
  creditorId?: string | undefined;
}

export function assertBalanced(entries: readonly Entry[]): void {
  let sum = 0;
  for (const entry of entries) {
    if (!Number.isSafeInteger(entry.amountCents) || entry.amountCents === 0) {
      throw new Error(`a ledger entry is a non-zero whole number of cents, not ${entry.amountCents}`);
    }
    sum += entry.amountCents;
  }
  if (sum !== 0) throw new Error(`a ledger transaction must balance; these entries sum to ${sum} cents`);
}

/**
 * What a transaction takes from each debtor's credit (a debit of `debtor_credit` takes, a credit gives), by debtor:
 * positive when it takes. A posting that takes from a credit must find at least that much there.
 */
export function creditTakenCents(entries: readonly Entry[]): Map<string, number> {
  const taken = new Map<string, number>();
  for (const entry of entries) {
    if (entry.account !== 'debtor_credit' || entry.debtorId === undefined) continue;
    taken.set(entry.debtorId, (taken.get(entry.debtorId) ?? 0) + entry.amountCents);
  }
  return taken;
}

/**
 * A debtor's credit is money the agency holds for them: it is never below zero. Money paid out of credit it never had
 * (a refund, then the payment bounced) is a loss to recover, not a negative credit (docs/payments.md).
 */
export function assertCreditNotNegative(debtorId: string, creditCents: number): void {
  if (!Number.isSafeInteger(creditCents) || creditCents < 0) {
    throw new Error(
      `the credit of debtor ${debtorId} would be ${creditCents} cents: a debtor's credit is never below zero`,
    );
  }
}

/** Euros from cents for messages, without floats: 5000 → "50.00 €". */
export function eurosText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')} €`;
}

function balanced(entries: Entry[]): Entry[] {
  const kept = entries.filter((entry) => entry.amountCents !== 0);
  assertBalanced(kept);
  return kept;
}

/** Money in: the bank account gains it, and it is owed to the debtor until allocated. */
export function receiptEntries(debtorId: string, amountCents: number): Entry[] {
  return balanced([
    { account: 'cash', amountCents },
    { account: 'debtor_credit', amountCents: -amountCents, debtorId },
  ]);
}

export interface AllocationPosting {
  debtorId: string;
  creditorId: string;
  allocations: readonly Allocation[];
  /** The mandate's commission; a purchased debt's collections are all the agency's. */
  commissionRateBp: number;
  purchased: boolean;
}

/**
 * The debtor's credit pays off claim components; what was placed becomes collected money, owed to the creditor net of
 * the agency's commission.
 */
export function allocationEntries(posting: AllocationPosting): Entry[] {
  const allocated = posting.allocations.reduce((sum, allocation) => sum + allocation.amountCents, 0);
  const income = posting.purchased ? allocated : commissionCents(allocated, posting.commissionRateBp);
  return balanced([
    { account: 'debtor_credit', amountCents: allocated, debtorId: posting.debtorId },
    ...posting.allocations.map((allocation): Entry => ({
      account: 'claim',
      amountCents: -allocation.amountCents,
      claimId: allocation.claimId,
      component: allocation.component,
    })),
    { account: 'creditor_placed', amountCents: allocated, creditorId: posting.creditorId },
    { account: 'creditor_payable', amountCents: -(allocated - income), creditorId: posting.creditorId },
    { account: 'agency_income', amountCents: -income, creditorId: posting.creditorId },
  ]);
}

/** A reversal: the same entries with the opposite sign. */
export function reversalEntries(entries: readonly Entry[]): Entry[] {
  return balanced(entries.map((entry) => ({ ...entry, amountCents: -entry.amountCents })));
}

/** Money back to the debtor from their credit. */
export function refundEntries(debtorId: string, amountCents: number): Entry[] {
  return balanced([
    { account: 'debtor_credit', amountCents, debtorId },
    { account: 'cash', amountCents: -amountCents },
  ]);
}

/** Collected money paid over to the creditor. */
export function remittanceEntries(creditorId: string, amountCents: number): Entry[] {
  return balanced([
    { account: 'creditor_payable', amountCents, creditorId },
    { account: 'cash', amountCents: -amountCents },
  ]);
}

/** A claim component corrected up (positive) or down (negative), against what the creditor placed. */
export function adjustmentEntries(
  creditorId: string,
  claimId: string,
  component: Component,
  amountCents: number,
): Entry[] {
  return balanced([
    { account: 'claim', amountCents, claimId, component },
    { account: 'creditor_placed', amountCents: -amountCents, creditorId },
  ]);
}
