import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { IsoDate } from '../platform/calendar/dates.js';
import type { DB } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';
import { claimBarsOfCases, type ClaimBar } from '../time-bars/time-bar-facts.js';
import { escalationBlocks, type EscalationBlock, type EscalationFacts } from './core/review.js';
import { proposeRoute, type RouteProposal } from './core/route.js';

type Db = Kysely<DB> | Transaction<DB>;

/** What the escalation checks and the route of one case depend on. */
export interface EscalationView {
  principalCents: number;
  interestCents: number;
  feesCents: number;
  thresholdCents: number;
  hasTitle: boolean;
  bars: ClaimBar[];
  escalation: EscalationFacts;
  blocks: EscalationBlock[];
  route: RouteProposal;
}

/**
 * The escalation facts of many cases at once (the queue's page, the decision's one case): one query per kind of fact
 * over all of them, grouped by case in SQL, then the pure checks (core/review.ts) and route (core/route.ts) in memory.
 * Time bars come from the time-bars capability (its facts and core).
 */
export async function escalationFactsOf(
  db: Db,
  caseIds: readonly string[],
  today: IsoDate,
): Promise<Map<string, EscalationView>> {
  if (caseIds.length === 0) return new Map();
  const [cases, amounts, bars, disputes, holds, offers] = await Promise.all([
    db
      .selectFrom('cases as c')
      .innerJoin('mandates as m', 'm.id', 'c.mandate_id')
      .innerJoin('debtors as d', 'd.id', 'c.debtor_id')
      .select(['c.id', 'c.debtor_id', 'c.stage', 'c.status', 'm.judicial_threshold_cents', 'd.deceased_on'])
      .where('c.id', 'in', caseIds)
      .execute(),
    db
      .selectFrom('claims as cl')
      .select('cl.case_id')
      .select((eb) => [
        eb.fn.countAll<number>().as('open'),
        sql<string>`sum(cl.principal_cents - cl.settled_principal_cents)`.as('principal'),
        sql<string>`sum(cl.interest_cents - cl.settled_interest_cents)`.as('interest'),
        sql<string>`sum(cl.fees_cents - cl.settled_fees_cents)`.as('fees'),
        sql<boolean>`bool_or(exists (select 1 from claim_interruptions i where i.claim_id = cl.id and i.kind = 'judgment'))`.as(
          'titled',
        ),
      ])
      .where('cl.case_id', 'in', caseIds)
      .where('cl.status', '=', 'open')
      .groupBy('cl.case_id')
      .execute(),
    claimBarsOfCases(db, caseIds, today, 0),
    db
      .selectFrom('disputes')
      .select(['case_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('case_id', 'in', caseIds)
      .where('status', 'in', ['evidence_requested', 'answered'])
      .groupBy('case_id')
      .execute(),
    db
      .selectFrom('holds as h')
      .innerJoin('cases as c', (join) =>
        join
          .onRef('c.debtor_id', '=', 'h.debtor_id')
          .on((eb) => eb.or([eb('h.case_id', 'is', null), eb('h.case_id', '=', eb.ref('c.id'))])),
      )
      .select(['c.id as case_id', 'h.kind'])
      .where('c.id', 'in', caseIds)
      .where('h.status', '=', 'active')
      .execute(),
    db
      .selectFrom('plan_versions as v')
      .innerJoin('plans as p', 'p.id', 'v.plan_id')
      .select(['p.case_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('p.case_id', 'in', caseIds)
      .groupBy('p.case_id')
      .execute(),
  ]);
  const amountOf = new Map(amounts.map((row) => [row.case_id, row]));
  const disputesOf = new Map(disputes.map((row) => [row.case_id, Number(row.n)]));
  const offersOf = new Map(offers.map((row) => [row.case_id, Number(row.n)]));
  const views = new Map<string, EscalationView>();
  for (const row of cases) {
    const amount = amountOf.get(row.id);
    const principalCents = Number(amount?.principal ?? 0);
    const interestCents = Number(amount?.interest ?? 0);
    const caseBars = bars.filter((bar) => bar.caseId === row.id);
    const escalation: EscalationFacts = {
      stage: row.stage,
      status: row.status,
      openClaims: Number(amount?.open ?? 0),
      amountCents: principalCents + interestCents,
      thresholdCents: row.judicial_threshold_cents,
      timeBarredClaims: caseBars.filter((bar) => bar.bar.status === 'time_barred').length,
      openDisputes: disputesOf.get(row.id) ?? 0,
      activeHoldKinds: holds.filter((hold) => hold.case_id === row.id).map((hold) => hold.kind),
      forbearanceOffers: offersOf.get(row.id) ?? 0,
      debtorDeceased: row.deceased_on !== null,
    };
    const hasTitle = amount?.titled === true;
    views.set(row.id, {
      principalCents,
      interestCents,
      feesCents: Number(amount?.fees ?? 0),
      thresholdCents: row.judicial_threshold_cents,
      hasTitle,
      bars: caseBars,
      escalation,
      blocks: escalationBlocks(escalation),
      route: proposeRoute({ amountCents: escalation.amountCents, hasTitle, today }),
    });
  }
  return views;
}

export type LockedCase = Pick<
  Selectable<DB['cases']>,
  'id' | 'reference' | 'debtor_id' | 'creditor_id' | 'mandate_id' | 'stage' | 'status' | 'balance_cents'
>;

/** The case row, locked FOR UPDATE when asked (the decision's checks and writes then see the same case), and its facts. */
export async function loadCaseReviewFacts(
  db: Db,
  caseId: string,
  today: IsoDate,
  options: { lock: boolean },
): Promise<{ kase: LockedCase; facts: EscalationView }> {
  let query = db
    .selectFrom('cases')
    .select(['id', 'reference', 'debtor_id', 'creditor_id', 'mandate_id', 'stage', 'status', 'balance_cents'])
    .where('id', '=', caseId);
  if (options.lock) query = query.forUpdate();
  const kase = await query.executeTakeFirst();
  if (!kase) throw notFound('The case');
  const facts = (await escalationFactsOf(db, [caseId], today)).get(caseId);
  if (!facts) throw notFound('The case');
  return { kase, facts };
}
