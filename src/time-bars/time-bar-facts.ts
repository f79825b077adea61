import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { IsoDate } from '../platform/calendar/dates.js';
import {
  claimKindOf,
  computeTimeBar,
  type Interruption,
  type TimeBar,
  type TimeBarCountry,
  type TimeBarRule,
} from './core/time-bar.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Everything the bar of a case's open claims depends on, in a few queries: the claims, the creditor's country (the
 * law of the contract: France unless the creditor is Italian), whether the debtor is a consumer, the payments on the
 * case (each acknowledges every claim of it), the creditor's own last payment date, the interruptions recorded, and
 * the dated rules.
 */
export async function loadTimeBarRules(db: Db): Promise<TimeBarRule[]> {
  const rows = await db
    .selectFrom('time_bar_rules')
    .select(['country', 'claim_kind', 'years', 'source', 'tag', 'valid_from'])
    .execute();
  return rows.map((row) => ({
    country: row.country,
    claimKind: row.claim_kind,
    years: row.years,
    source: row.source,
    tag: row.tag,
    validFrom: row.valid_from,
  }));
}

export interface ClaimBar {
  claimId: string;
  caseId: string;
  reference: string;
  bar: TimeBar;
}

/** The bars of the open claims of the given cases, as of `today`. */
export async function claimBarsOfCases(
  db: Db,
  caseIds: readonly string[],
  today: IsoDate,
  reviewLeadDays: number,
  rules?: TimeBarRule[],
): Promise<ClaimBar[]> {
  if (caseIds.length === 0) return [];
  const [claims, payments, interruptions, loadedRules] = await Promise.all([
    db
      .selectFrom('claims as cl')
      .innerJoin('cases as c', 'c.id', 'cl.case_id')
      .innerJoin('creditors as cr', 'cr.id', 'c.creditor_id')
      .innerJoin('debtors as d', 'd.id', 'c.debtor_id')
      .select([
        'cl.id',
        'cl.case_id',
        'cl.reference',
        'cl.contract_type',
        'cl.default_on',
        'cl.last_payment_on',
        'cr.country',
        'd.kind as debtor_kind',
      ])
      .where('cl.case_id', 'in', caseIds)
      .where('cl.status', '=', 'open')
      .orderBy('cl.reference')
      .execute(),
    db
      .selectFrom('payments')
      .select(['case_id', 'received_on'])
      .where('case_id', 'in', caseIds)
      .where('reversed_at', 'is', null)
      .execute(),
    db
      .selectFrom('claim_interruptions')
      .select(['claim_id', 'kind', 'occurred_on'])
      .where('case_id', 'in', caseIds)
      .execute(),
    rules ? Promise.resolve(rules) : loadTimeBarRules(db),
  ]);
  return claims.map((claim) => {
    const country: TimeBarCountry = claim.country === 'IT' ? 'IT' : 'FR';
    const events: Interruption[] = [
      ...payments
        .filter((p) => p.case_id === claim.case_id)
        .map((p) => ({ kind: 'payment' as const, on: p.received_on })),
      ...(claim.last_payment_on ? [{ kind: 'payment' as const, on: claim.last_payment_on }] : []),
      ...interruptions.filter((i) => i.claim_id === claim.id).map((i) => ({ kind: i.kind, on: i.occurred_on })),
    ];
    const bar = computeTimeBar({
      country,
      claimKind: claimKindOf(claim.contract_type, country, claim.debtor_kind === 'person'),
      startOn: claim.default_on,
      interruptions: events,
      rules: loadedRules,
      today,
      reviewLeadDays,
    });
    return { claimId: claim.id, caseId: claim.case_id, reference: claim.reference, bar };
  });
}
