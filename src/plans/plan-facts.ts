import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, Role } from '../platform/db/schema.js';
import { conflict, notFound } from '../platform/errors.js';
import type { Authority, MandateLimits } from './core/index.js';
import { BUSINESS_COUNTRIES, type BusinessPlace } from '../platform/calendar/index.js';
import { debtorLocation } from '../contact-policy/load-facts.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface CaseFacts {
  caseId: string;
  reference: string;
  debtorId: string;
  creditorId: string;
  status: string;
  stage: string;
  balanceCents: number;
  mandate: MandateLimits & { graceDays: number };
  /** Where the debtor lives, for the business days its instalments fall on. */
  place: BusinessPlace;
}

/** A case with its mandate's limits; locked for the rest of the transaction when `lock`. Plans are staff-only. */
export async function loadCase(db: Db, caseId: string, lock = false): Promise<CaseFacts> {
  let query = db
    .selectFrom('cases')
    .innerJoin('mandates', 'mandates.id', 'cases.mandate_id')
    .select([
      'cases.id',
      'cases.reference',
      'cases.debtor_id',
      'cases.creditor_id',
      'cases.status',
      'cases.stage',
      'cases.balance_cents',
    ])
    .select([
      'mandates.max_plan_months',
      'mandates.max_discount_bp',
      'mandates.settlements_allowed',
      'mandates.payment_grace_days',
    ])
    .where('cases.id', '=', caseId);
  if (lock) query = query.forUpdate(['cases']);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('The case');
  return {
    caseId: row.id,
    reference: row.reference,
    debtorId: row.debtor_id,
    creditorId: row.creditor_id,
    status: row.status,
    stage: row.stage,
    balanceCents: Number(row.balance_cents),
    mandate: {
      maxPlanMonths: row.max_plan_months,
      maxDiscountBp: row.max_discount_bp,
      settlementsAllowed: row.settlements_allowed,
      graceDays: row.payment_grace_days,
    },
    place: await schedulePlace(db, row.debtor_id),
  };
}

export interface CapacityFacts {
  assessmentId: string;
  version: number;
  date: string;
  /** The household's capacity, for all its debts. */
  householdCapacityCents: number;
  /** This case's share: pro rata of the open balances (REGULATION.md §7.6), rounded down to the cent. */
  capacityCents: number;
  debtorOpenBalanceCents: number;
}

/** The debtor's latest recorded budget and this case's share of its capacity, or null when none is recorded. */
export async function loadCapacity(db: Db, debtorId: string, caseBalanceCents: number): Promise<CapacityFacts | null> {
  const latest = await db
    .selectFrom('debtor_assessments')
    .select(['id', 'version', 'assessed_on', 'capacity_cents'])
    .where('debtor_id', '=', debtorId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return null;
  const owed = await db
    .selectFrom('cases')
    .select(sql<string>`coalesce(sum(balance_cents), 0)`.as('total'))
    .where('debtor_id', '=', debtorId)
    .where('status', '<>', 'closed')
    .executeTakeFirstOrThrow();
  const total = Math.max(Number(owed.total), caseBalanceCents);
  const household = Number(latest.capacity_cents);
  const share = total === 0 ? household : Number((BigInt(household) * BigInt(caseBalanceCents)) / BigInt(total));
  return {
    assessmentId: latest.id,
    version: latest.version,
    date: latest.assessed_on,
    householdCapacityCents: household,
    capacityCents: share,
    debtorOpenBalanceCents: total,
  };
}

/** What a role may agree alone. A role without a row has no authority: everything it records needs approval. */
export async function loadAuthority(db: Db, role: Role): Promise<Authority> {
  const row = await db
    .selectFrom('plan_authority')
    .select(['max_plan_months', 'max_discount_bp'])
    .where('role', '=', role)
    .executeTakeFirst();
  return row
    ? { maxPlanMonths: row.max_plan_months, maxDiscountBp: row.max_discount_bp }
    : { maxPlanMonths: 0, maxDiscountBp: 0 };
}

export function assertCaseOpen(facts: CaseFacts): void {
  if (facts.status === 'closed')
    throw conflict('plans.case_closed', 'This case is closed: a plan can only be made on an open case.');
}

/**
 * A case in the over-indebtedness procedure pays only the commission's schedule (C. conso L722-5, L733-16): no plan
 * is agreed with the debtor there; the commission's is imported by src/overindebtedness (commission-plan.ts).
 */
export function assertNotInProcedure(facts: CaseFacts): void {
  if (facts.stage === 'overindebtedness')
    throw conflict(
      'plans.overindebtedness',
      'This case is in an over-indebtedness procedure: only the commission’s schedule is collected, no other plan.',
    );
}

/**
 * The business calendar of the debtor's main address (its country and département or region); a debtor living in a
 * country Accord has no calendar for gets the agency's, France's.
 */
async function schedulePlace(db: Db, debtorId: string): Promise<BusinessPlace> {
  const { country, region } = await debtorLocation(db, debtorId);
  return (BUSINESS_COUNTRIES as readonly string[]).includes(country) ? { country, region } : { country: 'FR' };
}
