import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { localDateOf } from '../platform/calendar/dates.js';
import { agencyToday } from '../platform/calendar/today.js';
import {
  keptByBlockFilter,
  LIVE_PLAN_STATUSES,
  reviewDueOn,
  type BlockFilter,
  type EscalationBlock,
} from './core/review.js';
import { blocksOfCases } from './review-blocks.js';
import { escalationFactsOf } from './review-facts.js';
import { reviewDueDates } from './review-queue.js';

type Counted = Record<EscalationBlock, number>;

const PLACED = new Date('2026-08-03T08:00:00Z');
const REVIEWED = new Date('2026-12-03T09:00:00Z');
/** Capacity 200 € a month (REGULATION.md's worked example): a plan can be offered. */
const BUDGET = {
  date: '2026-08-01',
  household: { adults: 2, children: 2, dependants: 3 },
  resources: [{ type: 'salary', amountCents: 220000 }],
  expenses: [{ category: 'housing', amountCents: 200000 }],
};

describe.each(ENGINES)('the review before the judicial stage on %s', (engine) => {
  let t: TestApp;
  let specialist: Session;
  let horizon: Session;
  let energie: Session;
  let agent: Session;
  let clear: string;
  let disputed: string;
  let barred: string;

  /** Offers forbearance on a case the way an agent does: a budget, a plan proposed, then cancelled. */
  async function offerPlan(session: Session, caseId: string) {
    const kase = await t.deps.db
      .selectFrom('cases')
      .select('debtor_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const budget = await as(t.app, session)('POST', `/api/v1/debtors/${kase.debtor_id}/assessments`, BUDGET);
    expect(budget.statusCode, budget.body).toBeLessThan(300);
    const plan = await as(t.app, session)('POST', `/api/v1/cases/${caseId}/plans`, {
      kind: 'instalments',
      firstDueOn: '2026-09-05',
      months: 12,
      knowinglyAboveCapacity: true,
      note: 'proposé au téléphone',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const cancelled = await as(t.app, session)('POST', `/api/v1/plans/${plan.json().id}/cancellation`, {
      reason: 'Le débiteur ne donne plus suite',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: PLACED });
    const earlyAgent = await signIn(t.app, demoEmail('agent'));
    const horizonId = (await signIn(t.app, demoEmail('creditor_user'))).creditorId!;
    // Three of Banque Horizon's open amicable cases with no hold, no plan, no payment, owing more than the threshold.
    const picked = await t.deps.db
      .selectFrom('cases as c')
      .select(['c.id'])
      .where('c.creditor_id', '=', horizonId)
      .where('c.stage', '=', 'amicable')
      .where('c.status', '=', 'open')
      .where('c.balance_cents', '>', 60_000)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('holds as h')
              .select('h.id')
              .whereRef('h.debtor_id', '=', 'c.debtor_id')
              .where('h.status', '=', 'active'),
          ),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('plans as p').select('p.id').whereRef('p.case_id', '=', 'c.id'))),
      )
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('payments as p').select('p.id').whereRef('p.case_id', '=', 'c.id'))),
      )
      .orderBy('c.reference')
      .limit(3)
      .execute();
    expect(picked).toHaveLength(3);
    [clear, disputed, barred] = picked.map((row) => row.id) as [string, string, string];
    await t.deps.db
      .updateTable('cases')
      .set({ opened_on: '2026-07-20' })
      .where('id', 'in', [clear, disputed, barred])
      .execute();
    // Recent claims, never time-barred, except the third case's: consumer credit unpaid since May 2024 (2 years).
    await t.deps.db
      .updateTable('claims')
      .set({ contract_type: 'other', default_on: '2026-06-01', last_payment_on: null })
      .where('case_id', 'in', [clear, disputed])
      .execute();
    await t.deps.db
      .updateTable('claims')
      .set({ contract_type: 'consumer_credit', default_on: '2024-05-01', last_payment_on: null })
      .where('case_id', '=', barred)
      .execute();
    for (const caseId of [clear, disputed, barred]) await offerPlan(earlyAgent, caseId);
    await t.deps.db
      .updateTable('creditors')
      .set({ webhook_url: 'https://hooks.creditor.example/accord' })
      .where('id', '=', horizonId)
      .execute();
    // Four months without an amicable solution.
    t.clock.now = REVIEWED;
    specialist = await signIn(t.app, demoEmail('judicial_specialist'));
    horizon = await signIn(t.app, demoEmail('creditor_user'));
    energie = await signIn(t.app, 'creditor.energie@demo.accord.test');
    agent = await signIn(t.app, demoEmail('agent'));
    const claim = await t.deps.db
      .selectFrom('claims')
      .select('id')
      .where('case_id', '=', disputed)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    const dispute = await as(t.app, agent)('POST', `/api/v1/cases/${disputed}/disputes`, {
      claimId: claim.id,
      grounds: 'amount_wrong',
      note: 'Le débiteur conteste le montant.',
    });
    expect(dispute.statusCode, dispute.body).toBe(201);
  });
  afterAll(() => t.close());

  const reviewOf = async (caseId: string) => {
    const row = await t.deps.db
      .selectFrom('judicial_reviews')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return row;
  };

  it('puts the cases without an amicable solution for the mandate delay in the queue, with what blocks them', async () => {
    const refreshed = await as(t.app, specialist)('POST', '/api/v1/judicial-reviews/refresh');
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect(refreshed.json().waiting).toBeGreaterThanOrEqual(3);
    const queue = await as(t.app, specialist)('GET', '/api/v1/judicial-reviews?limit=200');
    expect(queue.statusCode).toBe(200);
    const items = queue.json().items as { caseId: string; blocks: string[]; dueOn: string; proposedRoute: string }[];
    const mine = (caseId: string) => items.find((item) => item.caseId === caseId);
    // Placed 20 July, plan cancelled 3 August: due 120 days later, 1 December.
    expect(mine(clear)).toMatchObject({ blocks: [], dueOn: '2026-12-01' });
    expect(mine(disputed)?.blocks).toEqual(['dispute_open']);
    expect(mine(barred)?.blocks).toEqual(['time_barred']);
    // Only reviewers see the queue.
    expect((await as(t.app, agent)('GET', '/api/v1/judicial-reviews')).statusCode).toBe(403);
    expect((await as(t.app, horizon)('GET', '/api/v1/judicial-reviews')).statusCode).toBe(403);
  });

  it('narrows the queue to the escalable cases, the blocked ones or one block, and counts each state', async () => {
    const counted = await as(t.app, specialist)('GET', '/api/v1/judicial-reviews/counts');
    expect(counted.statusCode, counted.body).toBe(200);
    const counts = counted.json() as { all: number; escalable: number; blocked: number; byBlock: Counted };
    const all = await as(t.app, specialist)('GET', '/api/v1/judicial-reviews?limit=200');
    expect(all.json().total).toBe(counts.all);
    expect(counts.escalable + counts.blocked).toBe(counts.all);
    expect(counts.escalable).toBeGreaterThanOrEqual(1);
    expect(counts.byBlock.dispute_open).toBeGreaterThanOrEqual(1);
    expect(counts.byBlock.time_barred).toBeGreaterThanOrEqual(1);
    const expected: Record<string, number> = { none: counts.escalable, any: counts.blocked, ...counts.byBlock };
    const filters = ['none', 'any', 'time_barred', 'dispute_open', 'no_forbearance_offered', 'vulnerability_review'];
    for (const filter of filters) {
      const page = await as(t.app, specialist)('GET', `/api/v1/judicial-reviews?blocked=${filter}&limit=200`);
      expect(page.statusCode, page.body).toBe(200);
      const items = page.json().items as { caseId: string; blocks: EscalationBlock[]; dueOn: string }[];
      expect(page.json().total, filter).toBe(expected[filter]);
      expect(items.length, filter).toBe(Math.min(200, expected[filter]!));
      for (const item of items) expect(keptByBlockFilter(item.blocks, filter as BlockFilter), filter).toBe(true);
      const dues = items.map((item) => item.dueOn);
      expect(dues, filter).toEqual([...dues].sort());
    }
    const ids = async (filter: string) =>
      (await as(t.app, specialist)('GET', `/api/v1/judicial-reviews?blocked=${filter}&limit=200`))
        .json()
        .items.map((item: { caseId: string }) => item.caseId);
    expect(await ids('none')).toContain(clear);
    expect(await ids('time_barred')).toContain(barred);
    expect(await ids('dispute_open')).toContain(disputed);
    expect(await ids('none')).not.toContain(disputed);
    // Pages follow one another without overlap.
    const first = await as(t.app, specialist)('GET', '/api/v1/judicial-reviews?blocked=any&limit=2');
    const second = await as(t.app, specialist)('GET', '/api/v1/judicial-reviews?blocked=any&limit=2&offset=2');
    const paged = [...first.json().items, ...second.json().items].map((item: { id: string }) => item.id);
    expect(new Set(paged).size).toBe(Math.min(4, counts.blocked));
    // One creditor's queue is counted apart.
    const own = await as(t.app, specialist)('GET', `/api/v1/judicial-reviews/counts?creditorId=${horizon.creditorId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().all).toBeLessThan(counts.all);
    for (const bad of ['sometimes', 'TIME_BARRED', '']) {
      const refused = await as(t.app, specialist)('GET', `/api/v1/judicial-reviews?blocked=${bad}`);
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.json().code, bad).toBe('request.validation_failed');
    }
    expect((await as(t.app, specialist)('GET', '/api/v1/judicial-reviews/counts?blocked=none')).statusCode).toBe(400);
    expect((await as(t.app, agent)('GET', '/api/v1/judicial-reviews/counts')).statusCode).toBe(403);
  });

  it('computes the same blocks in SQL as the core, on every case', async () => {
    const today = agencyToday(t.deps.now(), t.deps.config);
    const sqlBlocks = await blocksOfCases(t.deps.db, today);
    const ids = [...sqlBlocks.keys()];
    let compared = 0;
    const seen = new Set<string>();
    for (let start = 0; start < ids.length; start += 1000) {
      const facts = await escalationFactsOf(t.deps.db, ids.slice(start, start + 1000), today);
      for (const [caseId, view] of facts) {
        expect(sqlBlocks.get(caseId), caseId).toEqual(view.blocks);
        for (const block of view.blocks) seen.add(block);
        compared += 1;
      }
    }
    expect(compared).toBe(ids.length);
    expect(compared).toBeGreaterThan(30);
    // The demo holds most kinds of block, so the comparison covers their SQL.
    expect(seen.size).toBeGreaterThanOrEqual(9);
  });

  it('computes the same due dates in SQL as the core', async () => {
    const sqlDue = await reviewDueDates(t.deps.db, t.deps.config.AGENCY_TZ);
    const cases = await t.deps.db
      .selectFrom('cases as c')
      .innerJoin('mandates as m', 'm.id', 'c.mandate_id')
      .select(['c.id', 'c.stage', 'c.status', 'c.opened_on', 'm.judicial_review_days'])
      .execute();
    const [payments, plans, history, kept] = await Promise.all([
      t.deps.db.selectFrom('payments').select(['case_id', 'received_on']).where('reversed_at', 'is', null).execute(),
      t.deps.db.selectFrom('plans').select(['case_id', 'status', 'updated_at']).execute(),
      t.deps.db
        .selectFrom('case_stage_history')
        .select(['case_id', 'changed_at'])
        .where('from_stage', '=', 'judicial')
        .where('to_stage', '=', 'amicable')
        .execute(),
      t.deps.db
        .selectFrom('judicial_reviews')
        .select(['case_id', 'next_review_on'])
        .where('decision', '=', 'keep_amicable')
        .execute(),
    ]);
    const zone = t.deps.config.AGENCY_TZ;
    const latest = (days: (string | null)[]) =>
      days.reduce<string | null>((a, b) => (b && (!a || b > a) ? b : a), null);
    let compared = 0;
    for (const c of cases) {
      const ofCase = plans.filter((p) => p.case_id === c.id);
      const core = reviewDueOn({
        stage: c.stage,
        status: c.status,
        openedOn: c.opened_on,
        reviewDays: c.judicial_review_days,
        livePlan: ofCase.some((p) => (LIVE_PLAN_STATUSES as readonly string[]).includes(p.status)),
        lastPaymentOn: latest(payments.filter((p) => p.case_id === c.id).map((p) => p.received_on)),
        lastPlanEndedOn: latest(ofCase.map((p) => localDateOf(p.updated_at, zone))),
        returnedOn: latest(history.filter((h) => h.case_id === c.id).map((h) => localDateOf(h.changed_at, zone))),
        keptUntil: latest(kept.filter((k) => k.case_id === c.id).map((k) => k.next_review_on)),
      });
      expect(sqlDue.get(c.id) ?? null).toBe(core);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(30);
  });

  it('shows the facts that matter and escalates a case reviewed after four months, the debtor told first', async () => {
    const review = (await reviewOf(clear))!;
    const screen = await as(t.app, specialist)('GET', `/api/v1/judicial-reviews/${review.id}`);
    expect(screen.statusCode, screen.body).toBe(200);
    const facts = screen.json();
    expect(facts).toMatchObject({
      caseId: clear,
      status: 'waiting',
      blocks: [],
      proposedDecision: 'escalate',
      vulnerability: { flagged: false },
      timeBar: { status: 'running' },
      budget: { capacityCents: 20000 },
      disputes: [],
    });
    expect(facts.offers).toHaveLength(1);
    expect(facts.offers[0]).toMatchObject({ planStatus: 'cancelled' });
    const route = facts.route.proposed as string;
    expect(facts.amounts.amountCents <= 500_000 ? 'psrpc' : 'injonction_de_payer').toBe(route);

    const wrong = route === 'psrpc' ? 'injonction_de_payer' : 'psrpc';
    const refused = await as(t.app, specialist)('POST', `/api/v1/judicial-reviews/${review.id}/decision`, {
      decision: 'escalate',
      route: wrong,
      reason: 'Aucune réponse depuis quatre mois malgré le plan proposé.',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('judicial.route_not_allowed');

    const decided = await as(t.app, specialist)('POST', `/api/v1/judicial-reviews/${review.id}/decision`, {
      decision: 'escalate',
      route,
      reason: 'Aucune réponse depuis quatre mois malgré le plan proposé.',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().decision).toMatchObject({
      decision: 'escalate',
      chosenRoute: route,
      fileNotBefore: '2026-12-11',
    });
    const kase = await t.deps.db.selectFrom('cases').select('stage').where('id', '=', clear).executeTakeFirstOrThrow();
    expect(kase.stage).toBe('judicial');
    const events = await t.deps.db
      .selectFrom('case_events')
      .select(['kind', 'summary_key', 'direction'])
      .where('case_id', '=', clear)
      .where('occurred_at', '=', REVIEWED)
      .execute();
    // One moment for the three: ids made in the same millisecond are in no set order, so they are compared as a set.
    expect(events.map((e) => e.summary_key).sort()).toEqual([
      'judicial_escalated',
      'judicial_notice_sent',
      'judicial_review_decided',
    ]);
    expect(events.find((e) => e.summary_key === 'judicial_notice_sent')).toMatchObject({
      kind: 'letter',
      direction: 'outbound',
    });
    const notices = await t.deps.db
      .selectFrom('creditor_notifications')
      .select('event')
      .where('case_id', '=', clear)
      .execute();
    expect(notices.map((n) => n.event)).toContain('judicial.escalated');
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('target_id', '=', review.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['judicial_review.decided']);
    const twice = await as(t.app, specialist)('POST', `/api/v1/judicial-reviews/${review.id}/decision`, {
      decision: 'keep_amicable',
      nextReviewOn: '2027-02-01',
      reason: 'Une seconde décision ne passe pas.',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('judicial.review_decided');
  });

  it('refuses to escalate a disputed claim and a time-barred claim, with the reason, and changes nothing', async () => {
    for (const [caseId, code] of [
      [disputed, 'judicial.dispute_open'],
      [barred, 'judicial.time_barred'],
    ] as const) {
      const review = (await reviewOf(caseId))!;
      const refused = await as(t.app, specialist)('POST', `/api/v1/judicial-reviews/${review.id}/decision`, {
        decision: 'escalate',
        route: 'psrpc',
        reason: 'Tentative de passage en phase judiciaire.',
      });
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json().code).toBe(code);
      expect((await reviewOf(caseId))!.status).toBe('waiting');
      const kase = await t.deps.db
        .selectFrom('cases')
        .select('stage')
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      expect(kase.stage).not.toBe('judicial');
    }
    // The disputed case is kept amicable until the dispute is decided; it leaves the queue until then.
    const review = (await reviewOf(disputed))!;
    const kept = await as(t.app, specialist)('POST', `/api/v1/judicial-reviews/${review.id}/decision`, {
      decision: 'keep_amicable',
      nextReviewOn: '2027-02-01',
      reason: 'Attendre la réponse du créancier à la contestation.',
    });
    expect(kept.statusCode, kept.body).toBe(200);
    const refreshed = await as(t.app, specialist)('POST', '/api/v1/judicial-reviews/refresh');
    expect(refreshed.statusCode).toBe(200);
    const waiting = await t.deps.db
      .selectFrom('judicial_reviews')
      .select('id')
      .where('case_id', '=', disputed)
      .where('status', '=', 'waiting')
      .execute();
    expect(waiting).toHaveLength(0);
    // The time-barred case goes back to the creditor.
    const barredReview = (await reviewOf(barred))!;
    const returned = await as(t.app, specialist)('POST', `/api/v1/judicial-reviews/${barredReview.id}/decision`, {
      decision: 'return_to_creditor',
      reason: 'Créance prescrite : rendue au créancier.',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const kase = await t.deps.db
      .selectFrom('cases')
      .select(['status', 'close_reason'])
      .where('id', '=', barred)
      .executeTakeFirstOrThrow();
    expect(kase).toEqual({ status: 'closed', close_reason: 'returned_unpaid' });
  });

  it("lets a creditor read its own cases' outcomes only, and keeps the trail whole", async () => {
    const own = await as(t.app, horizon)('GET', `/api/v1/cases/${clear}/judicial-reviews`);
    expect(own.statusCode).toBe(200);
    expect(own.json().items[0]).toMatchObject({ decision: 'escalate', fileNotBefore: '2026-12-11' });
    expect(own.json().items[0]).not.toHaveProperty('reason');
    expect((await as(t.app, energie)('GET', `/api/v1/cases/${clear}/judicial-reviews`)).statusCode).toBe(404);
    const review = (await reviewOf(clear))!;
    expect((await as(t.app, energie)('GET', `/api/v1/judicial-reviews/${review.id}`)).statusCode).toBe(403);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
