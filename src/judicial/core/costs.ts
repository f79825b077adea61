import { compareDates, type IsoDate } from '../../platform/calendar/dates.js';

/**
 * The costs of a judicial procedure (REGULATION §11 point 6), pure. Enforcement costs are the debtor's unless plainly
 * unnecessary; amicable collection costs are the creditor's, always (CPCE L111-8): a line putting one on the debtor
 * cannot be made. The commissaire's proportional fee A444-32 is the creditor's (R444-55), A444-31 the debtor's.
 */
export const COST_KINDS = [
  'court_fee',
  'service_act',
  'enforcement_act',
  'commissaire_a444_31',
  'commissaire_a444_32',
  'lawyer_fee',
  'amicable_collection_fee',
  'other',
] as const;
export type CostKind = (typeof COST_KINDS)[number];
export const CHARGEABLE_TO = ['debtor', 'creditor'] as const;
export type ChargeableTo = (typeof CHARGEABLE_TO)[number];

interface CostRule {
  /** Who may bear it; the first is the default. */
  chargeable: readonly ChargeableTo[];
  basis: string;
}

export const COST_RULES: Readonly<Record<CostKind, CostRule>> = {
  court_fee: { chargeable: ['debtor', 'creditor'], basis: 'CPC 695 (dépens)' },
  service_act: { chargeable: ['debtor', 'creditor'], basis: 'CPC 695; CPCE L111-8' },
  enforcement_act: { chargeable: ['debtor', 'creditor'], basis: 'CPCE L111-8 al. 1' },
  commissaire_a444_31: { chargeable: ['debtor'], basis: 'C. com. A444-31 (n° 128)' },
  commissaire_a444_32: { chargeable: ['creditor'], basis: 'C. com. A444-32 (n° 129), R444-55' },
  lawyer_fee: { chargeable: ['creditor', 'debtor'], basis: 'CPC 700 (when the judge awards it)' },
  amicable_collection_fee: { chargeable: ['creditor'], basis: 'CPCE L111-8 al. 2' },
  other: { chargeable: ['creditor', 'debtor'], basis: '' },
};

export interface CostInput {
  kind: CostKind;
  amountCents: number;
  chargeableTo?: ChargeableTo | undefined;
  legalBasis?: string | undefined;
  incurredOn: IsoDate;
}

export interface CostLine {
  kind: CostKind;
  amountCents: number;
  chargeableTo: ChargeableTo;
  legalBasis: string;
  incurredOn: IsoDate;
}

export type CostRefusal =
  | 'judicial_procedure.cost_amicable_fee_on_debtor'
  | 'judicial_procedure.cost_not_chargeable'
  | 'judicial_procedure.cost_invalid_amount'
  | 'judicial_procedure.cost_basis_required'
  | 'judicial_procedure.cost_in_future';

export const MAX_COST_CENTS = 100_000_000;

/** A cost line, or why it cannot be: an amicable fee never lands on the debtor (L111-8), whatever the input says. */
export function costLine(input: CostInput, today: IsoDate): CostLine | CostRefusal {
  const rule = COST_RULES[input.kind];
  const chargeableTo = input.chargeableTo ?? rule.chargeable[0]!;
  if (input.kind === 'amicable_collection_fee' && chargeableTo === 'debtor')
    return 'judicial_procedure.cost_amicable_fee_on_debtor';
  if (!rule.chargeable.includes(chargeableTo)) return 'judicial_procedure.cost_not_chargeable';
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0 || input.amountCents > MAX_COST_CENTS)
    return 'judicial_procedure.cost_invalid_amount';
  if (compareDates(input.incurredOn, today) > 0) return 'judicial_procedure.cost_in_future';
  const legalBasis = (input.legalBasis ?? '').trim() || rule.basis;
  if (legalBasis.length < 2) return 'judicial_procedure.cost_basis_required';
  return { kind: input.kind, amountCents: input.amountCents, chargeableTo, legalBasis, incurredOn: input.incurredOn };
}

/** What the debtor and the creditor bear, in cents. */
export function costTotals(lines: readonly Pick<CostLine, 'amountCents' | 'chargeableTo'>[]) {
  const totals = { debtorCents: 0, creditorCents: 0 };
  for (const line of lines) {
    if (line.chargeableTo === 'debtor') totals.debtorCents += line.amountCents;
    else totals.creditorCents += line.amountCents;
  }
  return totals;
}

/** A band of the proportional fee: the rate (in hundredths of a percent) on the part of the amount up to `uptoCents`. */
export interface FeeBand {
  uptoCents: number | null;
  rateBp: number;
}

export interface ProportionalFeeTable {
  validFrom: IsoDate;
  source: string;
  tag: 'law' | 'check';
  /** The fee for an amount up to `floorUptoCents`, and the least fee at any amount. */
  floorCents: number;
  floorUptoCents: number;
  capCents: number;
  bands: readonly FeeBand[];
}

/**
 * The A444-32 table migration 0047 seeds (REGULATION §11 point 6) [CHECK current arrêté]; a test checks the two
 * agree. The running system reads `judicial_fee_tables`, where a correction is a new dated row.
 */
export const INITIAL_FEE_TABLES: readonly ProportionalFeeTable[] = [
  {
    validFrom: '2021-01-01',
    source: 'C. com. A444-32 (n° 129), arrêté du 28 février 2020 modifié [CHECK current arrêté]',
    tag: 'check',
    floorCents: 2128,
    floorUptoCents: 18_800,
    capCents: 554_000,
    bands: [
      { uptoCents: 12_500, rateBp: 1161 },
      { uptoCents: 61_000, rateBp: 1064 },
      { uptoCents: 152_500, rateBp: 1016 },
      { uptoCents: 5_240_000, rateBp: 387 },
      { uptoCents: null, rateBp: 298 },
    ],
  },
];

/** The table in force on a day (the latest whose `validFrom` is on or before it). */
export function feeTableOn(on: IsoDate, tables: readonly ProportionalFeeTable[]) {
  const inForce = tables.filter((table) => compareDates(table.validFrom, on) <= 0);
  const table = inForce.sort((a, b) => compareDates(a.validFrom, b.validFrom)).at(-1);
  if (!table) throw new RangeError(`no A444-32 table in force on ${on}`);
  return table;
}

/**
 * The commissaire's proportional fee A444-32 on the amount collected, in cents: each band's rate on the part of the
 * amount within it, summed exactly (cents × hundredths of a percent), rounded once, half up, to the cent; never less
 * than the floor, never more than the cap. Monotone in the amount (the floor and the cap are bounds of a sum of
 * non-negative parts).
 */
export function proportionalFeeCents(amountCents: number, table: ProportionalFeeTable): number {
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) throw new RangeError('amount in whole cents, ≥ 0');
  if (amountCents === 0) return 0;
  if (amountCents <= table.floorUptoCents) return table.floorCents;
  let exact = 0; // cents × 1/10,000
  let lower = 0;
  for (const band of table.bands) {
    const upper = band.uptoCents ?? Number.MAX_SAFE_INTEGER;
    if (amountCents > lower) exact += (Math.min(amountCents, upper) - lower) * band.rateBp;
    lower = upper;
  }
  const rounded = Math.floor((exact + 5_000) / 10_000);
  return Math.min(table.capCents, Math.max(table.floorCents, rounded));
}

/**
 * The A444-32 fee on one payment a commissaire collected on a procedure: the fee on all it has collected so far, this
 * payment included, less what the earlier payments were already charged. So the floor is charged once, the cap is
 * never passed, and under one table the payments' fees sum to the fee on their total. Never negative: a newer, lower
 * table refunds nothing already charged.
 */
export function feeOnCollection(
  collected: { beforeCents: number; paymentCents: number; chargedBeforeCents: number },
  table: ProportionalFeeTable,
): number {
  const { beforeCents, paymentCents, chargedBeforeCents } = collected;
  if (!Number.isSafeInteger(paymentCents) || paymentCents <= 0) throw new RangeError('a payment in whole cents, > 0');
  if (!Number.isSafeInteger(chargedBeforeCents) || chargedBeforeCents < 0) throw new RangeError('charged ≥ 0');
  return Math.max(0, proportionalFeeCents(beforeCents + paymentCents, table) - chargedBeforeCents);
}
