import type { InstalmentState } from './lifecycle.js';

/**
 * A plan never asks for more than the case owes (pure, integer cents). When what its unpaid instalments add up to
 * exceeds the balance (a part payment, a credit, a claim corrected down, a balance that moved while the plan waited
 * for approval), the excess comes off the last instalments: the debtor keeps paying the monthly amount they agreed
 * on the dates they agreed, and the plan ends sooner. An instalment brought to zero is dropped; paid instalments and
 * the due dates never change, and no instalment ever goes up. What remains unpaid then equals the balance exactly.
 */
export interface PlanFit {
  /** What the unpaid instalments added up to, and add up to now (= min(before, balance)). */
  fromCents: number;
  toCents: number;
  /** The unpaid instalments whose amount goes down (and stays above zero). */
  lowered: { number: number; fromCents: number; toCents: number }[];
  /** The unpaid instalments dropped (the plan's tail), by number. */
  dropped: number[];
}

/** Null when the plan already asks for no more than the balance. */
export function fitToBalance(instalments: readonly InstalmentState[], balanceCents: number): PlanFit | null {
  const unpaid = instalments.filter((i) => i.status !== 'paid');
  const fromCents = unpaid.reduce((a, i) => a + i.amountCents, 0);
  const toCents = Math.min(fromCents, Math.max(0, balanceCents));
  if (toCents === fromCents) return null;
  let excess = fromCents - toCents;
  const lowered: PlanFit['lowered'] = [];
  const dropped: number[] = [];
  for (const instalment of [...unpaid].sort((a, b) => b.number - a.number)) {
    if (excess === 0) break;
    const cut = Math.min(excess, instalment.amountCents);
    excess -= cut;
    if (cut === instalment.amountCents) dropped.push(instalment.number);
    else
      lowered.push({
        number: instalment.number,
        fromCents: instalment.amountCents,
        toCents: instalment.amountCents - cut,
      });
  }
  return { fromCents, toCents, lowered, dropped: dropped.sort((a, b) => a - b) };
}

/** The schedule once a fit is applied (what the service writes, and what the property tests check). */
export function applyFit(instalments: readonly InstalmentState[], fit: PlanFit): InstalmentState[] {
  const lowered = new Map(fit.lowered.map((l) => [l.number, l.toCents]));
  return instalments
    .filter((i) => !fit.dropped.includes(i.number))
    .map((i) => (lowered.has(i.number) ? { ...i, amountCents: lowered.get(i.number)! } : i));
}
