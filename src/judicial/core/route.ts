import { compareDates, type IsoDate } from '../../platform/calendar/dates.js';

/**
 * The judicial route a reviewed case may take (REGULATION.md §11; pure). The software proposes one from the facts
 * and the mandate, a person chooses among those the facts allow:
 *
 *   the creditor holds an enforceable title ─► enforcement_with_title (CPCE L111-4: a title is enforced, not sought)
 *   principal and interest owed ≤ the small-claims ceiling ─► psrpc (CPCE L125-1: the commissaire de justice's
 *     simplified procedure, up to 5,000 EUR interest included), or prior_mediation (CPC 750-1: a claim up to
 *     5,000 EUR needs a conciliation or mediation attempt before the court unless a PSRPC failed)
 *   above it ─► injonction_de_payer (CPC 1405 ff.)
 *
 * The ceiling is dated reference data: the row in force on the day of the review applies.
 */
export const JUDICIAL_ROUTES = ['psrpc', 'prior_mediation', 'injonction_de_payer', 'enforcement_with_title'] as const;
export type JudicialRoute = (typeof JUDICIAL_ROUTES)[number];

export interface SmallClaimCeiling {
  /** The most a claim may be, principal and interest included, in cents. */
  cents: number;
  validFrom: IsoDate;
  source: string;
}

/** CPCE L125-1 and R125-1 (PSRPC, loi 2019-222 art. 9 in force 2020) and CPC 750-1 (décret 2019-1333). */
export const SMALL_CLAIM_CEILINGS: readonly SmallClaimCeiling[] = [
  { cents: 500_000, validFrom: '2020-01-01', source: 'CPCE L125-1, R125-1; CPC 750-1' },
];

/** The ceiling in force on a day (the oldest row for a day before every row). */
export function ceilingOn(today: IsoDate, ceilings: readonly SmallClaimCeiling[] = SMALL_CLAIM_CEILINGS) {
  const sorted = [...ceilings].sort((a, b) => compareDates(a.validFrom, b.validFrom));
  const valid = sorted.filter((row) => compareDates(row.validFrom, today) <= 0);
  const row = valid[valid.length - 1] ?? sorted[0];
  if (!row) throw new Error('no small-claims ceiling');
  return row;
}

export interface RouteFacts {
  /** Principal and interest still owed on the case's open claims, in cents (fees are not part of it). */
  amountCents: number;
  /** The creditor holds an enforceable title for a claim of the case (a judgment recorded on it). */
  hasTitle: boolean;
  today: IsoDate;
}

export interface RouteProposal {
  proposed: JudicialRoute;
  /** The routes a person may choose from these facts, the proposed one first. */
  allowed: JudicialRoute[];
  ceilingCents: number;
  ceilingSource: string;
}

export function proposeRoute(facts: RouteFacts, ceilings?: readonly SmallClaimCeiling[]): RouteProposal {
  const ceiling = ceilingOn(facts.today, ceilings);
  const base = { ceilingCents: ceiling.cents, ceilingSource: ceiling.source };
  if (facts.hasTitle) return { ...base, proposed: 'enforcement_with_title', allowed: ['enforcement_with_title'] };
  if (facts.amountCents <= ceiling.cents) return { ...base, proposed: 'psrpc', allowed: ['psrpc', 'prior_mediation'] };
  return { ...base, proposed: 'injonction_de_payer', allowed: ['injonction_de_payer'] };
}
