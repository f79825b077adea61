/**
 * Where a payment goes, by an ordered list of rules (the mandate's `allocation_order`). The default follows the law
 * (shared/domain/REGULATION.md §1): the debtor's own choice when stated (C. civ. 1342-10), debts already due before
 * the others, interest before principal on the same debt (C. civ. 1343-1), the oldest first; `pro_rata` shares a
 * payment between debts no earlier rule separates. Every cent lands somewhere visible: what no claim can take stays
 * as the debtor's credit, to refund or reallocate. Pure, integer cents.
 */

export const COMPONENTS = ['interest', 'fees', 'principal'] as const;
export type Component = (typeof COMPONENTS)[number];

export const ALLOCATION_RULES = [
  'debtor_choice',
  'due_first',
  'interest_before_principal',
  'oldest_first',
  'pro_rata',
] as const;
export type AllocationRule = (typeof ALLOCATION_RULES)[number];

export const DEFAULT_ALLOCATION_ORDER: readonly AllocationRule[] = [
  'debtor_choice',
  'due_first',
  'interest_before_principal',
  'oldest_first',
];

export interface OpenClaim {
  id: string;
  /** When the debt fell due (the claim's default date), YYYY-MM-DD. */
  dueOn: string;
  outstanding: Record<Component, number>;
}

export interface AllocationRequest {
  amountCents: number;
  /** The payment's date, YYYY-MM-DD: claims due by then are "already due". */
  paidOn: string;
  claims: readonly OpenClaim[];
  order: readonly AllocationRule[];
  /** Claims the debtor said the payment settles, in their order. */
  debtorChoice?: readonly string[] | undefined;
}

export interface Allocation {
  claimId: string;
  component: Component;
  amountCents: number;
}

export interface AllocationResult {
  allocations: Allocation[];
  /** What no open claim could take: the debtor's credit. */
  unallocatedCents: number;
}

export function allocatePayment(request: AllocationRequest): AllocationResult {
  const { amountCents, order } = request;
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0)
    throw new Error(`a payment is a positive whole number of cents, not ${amountCents}`);
  const components: readonly Component[] = order.includes('interest_before_principal')
    ? COMPONENTS
    : ['principal', 'interest', 'fees'];
  const chosen = new Map((request.debtorChoice ?? []).map((id, index) => [id, index] as const));

  // Sort keys in the order of the rules; claims equal on every key form a group.
  const keyOf = (claim: OpenClaim): (number | string)[] => {
    const key: (number | string)[] = [];
    for (const rule of order) {
      if (rule === 'debtor_choice') key.push(chosen.get(claim.id) ?? Number.MAX_SAFE_INTEGER);
      else if (rule === 'due_first') key.push(claim.dueOn <= request.paidOn ? 0 : 1);
      else if (rule === 'oldest_first') key.push(claim.dueOn);
    }
    return key;
  };
  const compare = (a: (number | string)[], b: (number | string)[]) => {
    for (let i = 0; i < a.length; i += 1) {
      if (a[i]! < b[i]!) return -1;
      if (a[i]! > b[i]!) return 1;
    }
    return 0;
  };
  const keyed = request.claims
    .filter((claim) => total(claim) > 0)
    .map((claim) => ({ claim, key: keyOf(claim) }))
    .sort((a, b) => compare(a.key, b.key) || (a.claim.id < b.claim.id ? -1 : a.claim.id > b.claim.id ? 1 : 0));

  const groups: OpenClaim[][] = [];
  for (const entry of keyed) {
    const last = groups.at(-1);
    const previous = last ? keyed.find((candidate) => candidate.claim === last[0])! : undefined;
    if (last && order.includes('pro_rata') && previous && compare(previous.key, entry.key) === 0)
      last.push(entry.claim);
    else groups.push([entry.claim]);
  }

  const allocations: Allocation[] = [];
  let remaining = amountCents;
  for (const group of groups) {
    if (remaining === 0) break;
    const shares = group.length === 1 ? [Math.min(remaining, total(group[0]!))] : proRata(remaining, group.map(total));
    group.forEach((claim, index) => {
      let share = shares[index]!;
      for (const component of components) {
        const take = Math.min(share, claim.outstanding[component]);
        if (take > 0) {
          allocations.push({ claimId: claim.id, component, amountCents: take });
          share -= take;
          remaining -= take;
        }
      }
    });
  }
  return { allocations, unallocatedCents: remaining };
}

function total(claim: OpenClaim): number {
  return claim.outstanding.interest + claim.outstanding.fees + claim.outstanding.principal;
}

/**
 * Splits `amount` (at most the sum of `weights`, capped there) in proportion to the weights, in whole cents, by the
 * largest remainder: the shares sum exactly to the amount and none exceeds its weight.
 */
export function proRata(amount: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const spread = Math.min(amount, sum);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (BigInt(spread) * BigInt(weight)) as bigint);
  const base = exact.map((value) => Number(value / BigInt(sum)));
  let left = spread - base.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value % BigInt(sum) }))
    .sort((a, b) => (a.remainder > b.remainder ? -1 : a.remainder < b.remainder ? 1 : a.index - b.index));
  for (const { index } of byRemainder) {
    if (left === 0) break;
    if (base[index]! < weights[index]!) {
      base[index] = base[index]! + 1;
      left -= 1;
    }
  }
  return base;
}

/** The agency's commission on an amount at a rate in basis points, rounded half up to the cent. */
export function commissionCents(amountCents: number, rateBp: number): number {
  return Number((BigInt(amountCents) * BigInt(rateBp) + 5_000n) / 10_000n);
}
