import { sql, type Kysely, type Transaction } from 'kysely';
import { caseInScope, creditorFilter, withinScope } from '../cases/scope.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import type { Actor } from '../identity/actor.js';
import { holdsAsReadBy } from '../need-to-know/holds.js';
import { agencyToday } from '../platform/calendar/today.js';
import { localDateOf, compareDates, type IsoDate } from '../platform/calendar/dates.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { notFound } from '../platform/errors.js';
import type {
  ReviewOutcomeList,
  ReviewQueue,
  ReviewQueueCountsQuery,
  ReviewQueueQuery,
  ReviewView,
} from './contract.js';
import { proposedDecision } from './core/review.js';
import { countBlocks, pageKeptByFilter, type BlockCounts } from './review-blocks.js';
import { escalationFactsOf, type EscalationView } from './review-facts.js';

type Db = Kysely<DB> | Transaction<DB>;

/** A row of the queue's page as the statement returns it (as JSON: the due date a string). */
interface QueueRow {
  id: string;
  case_id: string;
  due_on: IsoDate;
  reference: string;
  stage: string;
  creditor_name: string;
  kind: 'person' | 'company';
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
}

/** The waiting reviews the reader may see (their creditor's, or the one asked for). */
function waitingReviews(deps: Deps, actor: Actor, asked: string | undefined) {
  const creditorId = creditorFilter(actor, asked);
  let base = deps.db
    .selectFrom('judicial_reviews as r')
    .where('r.status', '=', 'waiting')
    .where(withinScope(actor, 'r.creditor_id'));
  if (creditorId) base = base.where('r.creditor_id', '=', creditorId);
  return base;
}

/**
 * The waiting reviews by due date (oldest first), each with its blocks and proposed route, counted once. Narrowed by
 * block when asked: the blocks of the whole queue are then computed in SQL (review-blocks.ts), once for the page and
 * its total.
 */
export async function listReviewQueue(deps: Deps, actor: Actor, query: ReviewQueueQuery): Promise<ReviewQueue> {
  const today = agencyToday(deps.now(), deps.config);
  const base = waitingReviews(deps, actor, query.creditorId);
  const page = base
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .innerJoin('debtors as d', 'd.id', 'r.debtor_id')
    .innerJoin('creditors as cr', 'cr.id', 'r.creditor_id')
    .select(['r.id', 'r.case_id', 'r.due_on', 'c.reference', 'c.stage', 'cr.name as creditor_name'])
    .select(['d.kind', 'd.first_name', 'd.last_name', 'd.company_name'])
    .orderBy('r.due_on')
    .orderBy('r.id')
    .limit(query.limit)
    .offset(query.offset);
  const { rows, total } = query.blocked
    ? await pageKeptByFilter<QueueRow>(
        deps.db,
        base.select('r.case_id'),
        query.blocked,
        { query: page.where(sql<boolean>`r.case_id in (select case_id from kept)`), order: sql`page.due_on, page.id` },
        today,
      )
    : await Promise.all([
        page.execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]).then(([found, counted]) => ({ rows: found, total: Number(counted.n) }));
  const facts = await escalationFactsOf(
    deps.db,
    rows.map((row) => row.case_id),
    today,
  );
  return {
    total,
    items: rows.map((row) => {
      const view = facts.get(row.case_id);
      return {
        id: row.id,
        caseId: row.case_id,
        caseReference: row.reference,
        debtorName: debtorName(row),
        creditorName: row.creditor_name,
        stage: row.stage,
        dueOn: row.due_on,
        amountCents: view?.escalation.amountCents ?? 0,
        proposedRoute: view?.route.proposed ?? 'injonction_de_payer',
        blocks: view?.blocks ?? [],
      };
    }),
  };
}

/** How many waiting reviews the reader may see are escalable now, blocked, and blocked by each reason. */
export async function countReviewQueue(deps: Deps, actor: Actor, query: ReviewQueueCountsQuery): Promise<BlockCounts> {
  const today = agencyToday(deps.now(), deps.config);
  return countBlocks(deps.db, waitingReviews(deps, actor, query.creditorId).select('r.case_id'), today);
}

/** A case's reviews as its creditor reads them: the outcome, the route, the dates; never the reviewer's words. */
export async function listCaseReviewOutcomes(deps: Deps, actor: Actor, caseId: string): Promise<ReviewOutcomeList> {
  await caseInScope(deps.db, actor, caseId);
  const rows = await deps.db
    .selectFrom('judicial_reviews')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .execute();
  return {
    items: rows.map((row) => ({
      id: row.id,
      caseId: row.case_id,
      dueOn: row.due_on,
      status: row.status,
      decision: row.decision,
      chosenRoute: row.chosen_route,
      nextReviewOn: row.next_review_on,
      decidedAt: row.decided_at?.toISOString() ?? null,
      debtorToldAt: row.debtor_told_at?.toISOString() ?? null,
      fileNotBefore: row.file_not_before,
    })),
  };
}

/** The time bar of the case's open claims: the worst status and the earliest last day. */
function timeBarOf(facts: EscalationView): ReviewView['timeBar'] {
  const order = { running: 0, approaching: 1, time_barred: 2 } as const;
  let status: ReviewView['timeBar']['status'] = null;
  let lastDay: IsoDate | null = null;
  for (const { bar } of facts.bars) {
    if (status === null || order[bar.status] > order[status]) status = bar.status;
    if (lastDay === null || compareDates(bar.lastDay, lastDay) < 0) lastDay = bar.lastDay;
  }
  const claims = facts.bars.map((c) => ({
    reference: c.reference,
    lastDay: c.bar.lastDay,
    status: c.bar.status,
    source: c.bar.rule.source,
  }));
  return { status, lastDay, claims };
}

/** The history facts the reviewer weighs: contacts, budget, offers made and their fate, payments. */
async function historyOf(db: Db, caseId: string, debtorId: string, zone: string) {
  const [contacts, budget, offers, payments] = await Promise.all([
    db
      .selectFrom('contacts')
      .select(['channel', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('occurred_at').as('last')])
      .select((eb) => eb.fn.countAll<number>().filterWhere('conversation', '=', true).as('talks'))
      .where('case_id', '=', caseId)
      .groupBy('channel')
      .execute(),
    db
      .selectFrom('debtor_assessments')
      .select(['capacity_cents', 'assessed_on', 'binding_constraint'])
      .where('debtor_id', '=', debtorId)
      .orderBy('recorded_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('plan_versions as v')
      .innerJoin('plans as p', 'p.id', 'v.plan_id')
      .select(['v.version', 'v.kind', 'v.agreed_cents', 'p.status', 'v.created_at'])
      .where('p.case_id', '=', caseId)
      .orderBy('v.created_at')
      .execute(),
    db
      .selectFrom('payments')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), eb.lit(0)).as('total'),
        eb.fn.max('received_on').as('last'),
      ])
      .where('case_id', '=', caseId)
      .where('reversed_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  const lastContact = contacts.reduce<Date | null>((last, row) => {
    const at = row.last as Date | null;
    return at && (!last || at > last) ? at : last;
  }, null);
  return {
    contacts: {
      total: contacts.reduce((sum, row) => sum + Number(row.n), 0),
      conversations: contacts.reduce((sum, row) => sum + Number(row.talks), 0),
      byChannel: Object.fromEntries(contacts.map((row) => [row.channel, Number(row.n)])),
      lastAt: lastContact?.toISOString() ?? null,
    },
    budget: budget
      ? {
          capacityCents: budget.capacity_cents,
          assessedOn: budget.assessed_on,
          bindingConstraint: budget.binding_constraint,
        }
      : null,
    offers: offers.map((o) => ({
      version: o.version,
      kind: o.kind,
      agreedCents: o.agreed_cents,
      planStatus: o.status,
      createdAt: localDateOf(o.created_at, zone),
    })),
    payments: {
      count: Number(payments.n),
      totalCents: Number(payments.total),
      lastOn: (payments.last as string | null) ?? null,
    },
  };
}

/**
 * The review screen: every fact the issue names, read now (a decided review also shows what was decided). The
 * vulnerability is a flag for every reviewer; its details only for those with a need to know, the read recorded.
 */
export async function readReview(
  deps: Deps,
  actor: Actor,
  reviewId: string,
  requestId: string | null = null,
): Promise<ReviewView> {
  const today = agencyToday(deps.now(), deps.config);
  const review = await deps.db
    .selectFrom('judicial_reviews as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .innerJoin('mandates as m', 'm.id', 'c.mandate_id')
    .innerJoin('debtors as d', 'd.id', 'r.debtor_id')
    .innerJoin('creditors as cr', 'cr.id', 'r.creditor_id')
    .leftJoin('users as u', 'u.id', 'r.decided_by')
    .selectAll('r')
    .select(['c.reference', 'c.stage', 'c.balance_cents', 'm.code as mandate_code', 'm.judicial_review_days'])
    .select(['d.kind', 'd.first_name', 'd.last_name', 'd.company_name', 'cr.name as creditor_name'])
    .select('u.display_name as decided_by_name')
    .where('r.id', '=', reviewId)
    .where(withinScope(actor, 'r.creditor_id'))
    .executeTakeFirst();
  if (!review) throw notFound('The review');
  const facts = (await escalationFactsOf(deps.db, [review.case_id], today)).get(review.case_id);
  if (!facts) throw notFound('The review');
  const history = await historyOf(deps.db, review.case_id, review.debtor_id, deps.config.AGENCY_TZ);
  const care = await deps.db
    .selectFrom('holds')
    .select(['id', 'kind', 'reason', 'review_at'])
    .where('debtor_id', '=', review.debtor_id)
    .where('kind', '=', 'vulnerability')
    .where('status', '=', 'active')
    .orderBy('starts_at', 'desc')
    .execute();
  const careRead = await holdsAsReadBy(deps, actor, { debtorId: review.debtor_id, caseId: review.case_id }, care, {
    requestId,
  });
  const shown = careRead.holds[0];
  return {
    id: review.id,
    caseId: review.case_id,
    caseReference: review.reference,
    debtorName: debtorName(review),
    creditorName: review.creditor_name,
    mandateCode: review.mandate_code,
    stage: review.stage,
    status: review.status,
    dueOn: review.due_on,
    reviewDays: review.judicial_review_days,
    amounts: {
      principalCents: facts.principalCents,
      interestCents: facts.interestCents,
      feesCents: facts.feesCents,
      amountCents: facts.escalation.amountCents,
      balanceCents: review.balance_cents,
      thresholdCents: facts.thresholdCents,
    },
    route: { ...facts.route, hasTitle: facts.hasTitle },
    blocks: facts.blocks,
    proposedDecision: proposedDecision(facts.blocks),
    timeBar: timeBarOf(facts),
    disputes: await openDisputesOf(deps.db, review.case_id),
    vulnerability: {
      flagged: care.length > 0,
      restricted: shown?.restricted ?? false,
      reason: shown && !shown.restricted ? shown.reason : null,
      reviewOn:
        shown && !shown.restricted && shown.review_at ? localDateOf(shown.review_at, deps.config.AGENCY_TZ) : null,
    },
    ...history,
    decision:
      review.decision && review.decided_at
        ? {
            decision: review.decision,
            reason: review.reason ?? '',
            chosenRoute: review.chosen_route,
            nextReviewOn: review.next_review_on,
            decidedAt: review.decided_at.toISOString(),
            decidedBy: review.decided_by_name ?? null,
            debtorToldAt: review.debtor_told_at?.toISOString() ?? null,
            fileNotBefore: review.file_not_before,
          }
        : null,
  };
}

async function openDisputesOf(db: Db, caseId: string) {
  const rows = await db
    .selectFrom('disputes as ds')
    .innerJoin('claims as cl', 'cl.id', 'ds.claim_id')
    .select(['cl.reference', 'ds.grounds', 'ds.status'])
    .where('ds.case_id', '=', caseId)
    .where('ds.status', 'in', ['evidence_requested', 'answered'])
    .orderBy('ds.opened_at')
    .execute();
  return rows.map((row) => ({ claimReference: row.reference, grounds: row.grounds, status: row.status }));
}
