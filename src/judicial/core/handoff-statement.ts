/**
 * The dated statement of account of a handoff file (REGULATION.md §11 point 5): each claim as placed, its corrections,
 * each payment and its allocation by component, and what each component still owes. Pure: from the claims and the
 * ledger's claim movements as loaded, no clock, no I/O.
 */

export const COMPONENTS = ['principal', 'interest', 'fees'] as const;
export type Component = (typeof COMPONENTS)[number];
export type Amounts = Record<Component, number>;

export interface StatementClaim {
  id: string;
  reference: string;
  contractType: string;
  originalCreditor: string | null;
  defaultOn: string;
  lastPaymentOn: string | null;
  status: string;
  /** As the creditor placed it, in cents. */
  principalCents: number;
  interestCents: number;
  feesCents: number;
}

/**
 * A movement of the ledger's claim account on one claim component: positive raises what the claim owes (a correction
 * up), negative lowers it (an allocation of a payment, a correction down); a reversal undoes an allocation.
 */
export interface ClaimMovement {
  on: string;
  kind: 'correction' | 'allocation' | 'reversal';
  claimId: string;
  component: Component;
  amountCents: number;
  /** The payment's receipt number for an allocation or a reversal; null for a correction. */
  receiptNumber: string | null;
}

export interface StatementPayment {
  receivedOn: string;
  receiptNumber: string;
  channel: string;
  amountCents: number;
  status: 'recorded' | 'reversed';
}

export interface StatementLine {
  on: string;
  kind: 'correction' | 'payment' | 'payment_reversed';
  receiptNumber: string | null;
  /** The payment's amount, or the correction's (signed: negative lowers the claim). */
  amountCents: number;
  allocations: { claimReference: string; component: Component; amountCents: number }[];
}

export interface ClaimStatement {
  reference: string;
  contractType: string;
  originalCreditor: string | null;
  defaultOn: string;
  lastPaymentOn: string | null;
  status: string;
  placed: Amounts;
  corrected: Amounts;
  paid: Amounts;
  owed: Amounts;
}

export interface Statement {
  asOf: string;
  currency: string;
  claims: ClaimStatement[];
  lines: StatementLine[];
  totals: { placed: Amounts; corrected: Amounts; paid: Amounts; owed: Amounts; owedCents: number };
}

const zero = (): Amounts => ({ principal: 0, interest: 0, fees: 0 });
const add = (a: Amounts, b: Amounts): Amounts => ({
  principal: a.principal + b.principal,
  interest: a.interest + b.interest,
  fees: a.fees + b.fees,
});
export const sumOf = (a: Amounts) => a.principal + a.interest + a.fees;

/**
 * The statement as of `asOf`: per claim, placed + corrections − payments allocated (net of reversals) = owed; the
 * lines in date order (corrections, then each payment with its allocation; a reversed payment shows its reversal).
 * Only open claims count in the totals: a paid, closed or recalled claim is listed, owing nothing.
 */
export function buildStatement(input: {
  asOf: string;
  currency: string;
  claims: readonly StatementClaim[];
  movements: readonly ClaimMovement[];
  payments: readonly StatementPayment[];
}): Statement {
  const byId = new Map(input.claims.map((c) => [c.id, c]));
  const claims = input.claims.map((claim) => {
    const placed = { principal: claim.principalCents, interest: claim.interestCents, fees: claim.feesCents };
    const corrected = zero();
    const paid = zero();
    for (const m of input.movements) {
      if (m.claimId !== claim.id) continue;
      if (m.kind === 'correction') corrected[m.component] += m.amountCents;
      else paid[m.component] -= m.amountCents;
    }
    const open = claim.status === 'open';
    const owed = open
      ? {
          principal: Math.max(0, placed.principal + corrected.principal - paid.principal),
          interest: Math.max(0, placed.interest + corrected.interest - paid.interest),
          fees: Math.max(0, placed.fees + corrected.fees - paid.fees),
        }
      : zero();
    return {
      reference: claim.reference,
      contractType: claim.contractType,
      originalCreditor: claim.originalCreditor,
      defaultOn: claim.defaultOn,
      lastPaymentOn: claim.lastPaymentOn,
      status: claim.status,
      placed,
      corrected,
      paid,
      owed,
    };
  });
  const openClaims = claims.filter((c) => c.status === 'open');
  const totals = {
    placed: openClaims.reduce((a, c) => add(a, c.placed), zero()),
    corrected: openClaims.reduce((a, c) => add(a, c.corrected), zero()),
    paid: openClaims.reduce((a, c) => add(a, c.paid), zero()),
    owed: openClaims.reduce((a, c) => add(a, c.owed), zero()),
    owedCents: 0,
  };
  totals.owedCents = sumOf(totals.owed);
  return { asOf: input.asOf, currency: input.currency, claims, lines: statementLines(input, byId), totals };
}

function statementLines(
  input: { movements: readonly ClaimMovement[]; payments: readonly StatementPayment[] },
  byId: Map<string, StatementClaim>,
): StatementLine[] {
  const ref = (claimId: string) => byId.get(claimId)?.reference ?? '';
  const lines: StatementLine[] = input.movements
    .filter((m) => m.kind === 'correction')
    .map((m) => ({
      on: m.on,
      kind: 'correction' as const,
      receiptNumber: null,
      amountCents: m.amountCents,
      allocations: [{ claimReference: ref(m.claimId), component: m.component, amountCents: m.amountCents }],
    }));
  for (const payment of input.payments) {
    const mine = (kind: ClaimMovement['kind']) =>
      input.movements.filter((m) => m.kind === kind && m.receiptNumber === payment.receiptNumber);
    const allocations = (kind: ClaimMovement['kind'], sign: number) =>
      mine(kind)
        .map((m) => ({ claimReference: ref(m.claimId), component: m.component, amountCents: sign * m.amountCents }))
        .filter((a) => a.amountCents !== 0);
    lines.push({
      on: payment.receivedOn,
      kind: 'payment',
      receiptNumber: payment.receiptNumber,
      amountCents: payment.amountCents,
      allocations: allocations('allocation', -1),
    });
    const reversal = mine('reversal');
    if (payment.status === 'reversed')
      lines.push({
        on: reversal[0]?.on ?? payment.receivedOn,
        kind: 'payment_reversed',
        receiptNumber: payment.receiptNumber,
        amountCents: -payment.amountCents,
        allocations: allocations('reversal', -1),
      });
  }
  const order = { correction: 0, payment: 1, payment_reversed: 2 };
  return lines.sort(
    (a, b) =>
      a.on.localeCompare(b.on) ||
      order[a.kind] - order[b.kind] ||
      (a.receiptNumber ?? '').localeCompare(b.receiptNumber ?? ''),
  );
}
