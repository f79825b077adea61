import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { staffActor } from '../identity/actor.js';
import { recordPayment } from '../payments/record-payment.js';
import { reversePayment } from '../payments/reverse-payment.js';
import type { PortfolioOutcomes, PortfolioReport, ReportPlacements } from './contract.js';
import { refreshPerformance } from './refresh-performance.js';
import { loadDemoPlacement } from '../demo/placement.js';

const NOW = new Date('2026-11-20T10:00:00Z');

describe.each(ENGINES)('portfolio performance (%s)', (engine) => {
  let t: TestApp;
  let manager: Session;
  let creditorUser: Session;
  let horizon: { id: string; name: string };
  let energie: { id: string };

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: NOW });
    manager = await signIn(t.app, demoEmail('manager'));
    creditorUser = await signIn(t.app, 'creditor@demo.accord.test');
    horizon = await t.deps.db
      .selectFrom('creditors')
      .select(['id', 'name'])
      .where('code', '=', 'BHORIZON')
      .executeTakeFirstOrThrow();
    energie = await t.deps.db
      .selectFrom('creditors')
      .select('id')
      .where('code', '=', 'ENERHONE')
      .executeTakeFirstOrThrow();
  });
  afterAll(() => t.close());

  const report = async (session: Session, query = '') => {
    const response = await as(t.app, session)('GET', `/api/v1/reports/portfolio${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as PortfolioReport;
  };
  const vintageOf = (figures: PortfolioReport, creditorId: string, vintage: string) =>
    figures.creditors.find((c) => c.creditorId === creditorId)?.vintages.find((v) => v.vintage === vintage);

  it('places each case in the month it was opened, with its claims’ amounts, and curves that stop at this month', async () => {
    await refreshPerformance(t.deps);
    const figures = await report(manager, '?from=2025-12&to=2026-11');
    expect(figures).toMatchObject({ from: '2025-12', to: '2026-11', asOf: '2026-11' });
    expect(figures.refreshedAt).toBe(NOW.toISOString());
    // What was placed, counted apart from the refresh: the cases and their claims, month by month.
    const placed = await sql<{ creditor_id: string; month: string; cases: string; placed: string }>`
      select c.creditor_id, to_char(c.opened_on, 'YYYY-MM') as month, count(distinct c.id) as cases,
             coalesce(sum(cl.principal_cents + cl.interest_cents + cl.fees_cents), 0) as placed
      from cases c left join claims cl on cl.case_id = c.id
      where c.opened_on >= '2025-12-01' and c.opened_on < '2026-12-01'
      group by 1, 2`.execute(t.deps.db);
    expect(placed.rows.length).toBeGreaterThan(3);
    for (const row of placed.rows) {
      const vintage = vintageOf(figures, row.creditor_id, row.month)!;
      expect(vintage).toMatchObject({ cases: Number(row.cases), placedCents: Number(row.placed) });
      // A point for every month from placement to November, cumulative.
      const [year, month] = row.month.split('-').map(Number) as [number, number];
      expect(vintage.points).toHaveLength((2026 - year) * 12 + 11 - month + 1);
      for (let i = 1; i < vintage.points.length; i += 1)
        expect(vintage.points[i]!.collectedCents).toBeGreaterThanOrEqual(vintage.points[i - 1]!.collectedCents);
    }
    for (const creditor of figures.creditors) {
      expect(creditor.placedCents).toBe(creditor.vintages.reduce((sum, v) => sum + v.placedCents, 0));
      expect(creditor.collectedCents).toBe(creditor.vintages.reduce((sum, v) => sum + v.collectedCents, 0));
    }
  });

  it('counts a payment in the month it was received since placement, and drops it once reversed', async () => {
    const target = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'opened_on', 'creditor_id'])
      .where('creditor_id', '=', horizon.id)
      .where('status', '=', 'open')
      .where('stage', '=', 'amicable')
      .where('balance_cents', '>', 50_000)
      .where('opened_on', '>=', '2026-03-01')
      .where('opened_on', '<', '2026-08-01')
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    const vintage = String(target.opened_on).slice(0, 7);
    const before = vintageOf(await report(manager), horizon.id, vintage)!;

    // 120.00 € received three months after the month of placement.
    const [year, month] = vintage.split('-').map(Number) as [number, number];
    const receivedOn = `${year}-${String(month + 3).padStart(2, '0')}-10`;
    const managerRow = await t.deps.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', demoEmail('manager'))
      .executeTakeFirstOrThrow();
    const { payment } = await recordPayment(
      t.deps,
      staffActor(managerRow),
      { caseId: target.id, amountCents: 12_000, channel: 'bank_transfer', receivedOn },
      { idempotencyKey: 'report-test-1', source: 'api' },
    );
    // Not in the figures until the job runs: reports read its facts, not the payments.
    expect(vintageOf(await report(manager), horizon.id, vintage)).toEqual(before);
    await refreshPerformance(t.deps);
    const after = vintageOf(await report(manager), horizon.id, vintage)!;
    expect(after.collectedCents).toBe(before.collectedCents + 12_000);
    after.points.forEach((point, index) =>
      expect(point.collectedCents - before.points[index]!.collectedCents).toBe(index >= 3 ? 12_000 : 0),
    );

    await reversePayment(t.deps, staffActor(managerRow), payment.id, { kind: 'error', reason: 'recorded twice' });
    await refreshPerformance(t.deps);
    expect(vintageOf(await report(manager), horizon.id, vintage)).toEqual(before);
  });

  it('gives a creditor user its own portfolio only, whatever it asks, and exports the same curves, audited', async () => {
    const own = await report(creditorUser);
    expect(own.creditors.map((c) => c.creditorId)).toEqual([horizon.id]);
    const asked = await report(creditorUser, `?creditorId=${energie.id}`);
    expect(asked.creditors.map((c) => c.creditorId)).toEqual([horizon.id]);

    const file = await as(t.app, creditorUser)('GET', '/api/v1/reports/portfolio/export?format=csv');
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    const lines = file.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const points = own.creditors[0]!.vintages.reduce((sum, v) => sum + v.points.length, 0);
    expect(lines.filter((line) => line.includes(horizon.name))).toHaveLength(points);
    expect(file.body).not.toContain('Énergie Rhône');
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'creditor_id'])
      .where('action', '=', 'export.portfolio_performance')
      .execute();
    expect(audit).toEqual([{ action: 'export.portfolio_performance', creditor_id: horizon.id }]);
  });

  it('narrows the curves, the outcomes and the export to one placement: the cases whose first claim it placed', async () => {
    // The demo's example file, imported by Banque Horizon through the intake pipeline (as `npm run demo` does).
    await loadDemoPlacement(t.deps);
    await refreshPerformance(t.deps);
    const placement = await t.deps.db
      .selectFrom('placements')
      .select('id')
      .where('creditor_id', '=', horizon.id)
      .where('status', '=', 'completed')
      .executeTakeFirstOrThrow();
    // Counted apart from the facts: each case's first claim (the earliest created) names its placement.
    const expected = await sql<{ month: string; cases: string; placed: string }>`
      select to_char(c.opened_on, 'YYYY-MM') as month, count(*) as cases,
             coalesce(sum((select sum(principal_cents + interest_cents + fees_cents) from claims where case_id = c.id)),
                      0) as placed
      from cases c
      where (select placement_id from claims where case_id = c.id order by created_at, id limit 1) = ${placement.id}
      group by 1 order by 1`.execute(t.deps.db);
    expect(expected.rows.length).toBeGreaterThan(0);
    const cases = expected.rows.reduce((sum, row) => sum + Number(row.cases), 0);
    const span = `?from=2025-12&to=2026-11&placementId=${placement.id}`;
    const figures = await report(manager, span);
    expect(figures.creditors.map((c) => c.creditorId)).toEqual([horizon.id]);
    const vintages = figures.creditors[0]!.vintages;
    expect(vintages.map((v) => ({ vintage: v.vintage, cases: v.cases, placedCents: v.placedCents }))).toEqual(
      expected.rows.map((row) => ({ vintage: row.month, cases: Number(row.cases), placedCents: Number(row.placed) })),
    );
    const whole = await report(manager, `?from=2025-12&to=2026-11&creditorId=${horizon.id}`);
    expect(whole.creditors[0]!.cases).toBeGreaterThan(cases);

    const outcomes = await as(t.app, manager)('GET', `/api/v1/reports/portfolio/outcomes${span}`);
    expect(outcomes.statusCode, outcomes.body).toBe(200);
    const stages = (outcomes.json() as PortfolioOutcomes).stages;
    expect(stages.reduce((sum, stage) => sum + stage.cases, 0)).toBe(cases);

    const file = await as(t.app, manager)('GET', `/api/v1/reports/portfolio/export${span}&format=csv`);
    const points = vintages.reduce((sum, v) => sum + v.points.length, 0);
    expect(file.body.split(/\r?\n/).filter((line) => line.includes(horizon.name))).toHaveLength(points);

    // The placements to choose from, with the cases each placed first; none of another creditor's for its users.
    const listed = await as(t.app, manager)('GET', `/api/v1/reports/portfolio/placements?creditorId=${horizon.id}`);
    const items = (listed.json() as ReportPlacements).items;
    expect(items.find((item) => item.id === placement.id)).toMatchObject({ creditorId: horizon.id, cases });
    const asked = await as(t.app, creditorUser)('GET', `/api/v1/reports/portfolio/placements?creditorId=${energie.id}`);
    for (const item of (asked.json() as ReportPlacements).items) expect(item.creditorId).toBe(horizon.id);
    // Another creditor's placement, or none at all, reads empty.
    expect((await report(manager, `?creditorId=${energie.id}&placementId=${placement.id}`)).creditors).toEqual([]);
  });

  it('refuses what it cannot answer with a problem that says what to fix, and the agent altogether', async () => {
    const long = await as(t.app, manager)('GET', '/api/v1/reports/portfolio?from=2020-01&to=2026-11');
    expect(long.statusCode).toBe(422);
    expect(long.json().code).toBe('portfolio_report.span_too_long');
    const reversed = await as(t.app, manager)('GET', '/api/v1/reports/portfolio?from=2026-05&to=2026-01');
    expect(reversed.statusCode).toBe(400);
    const badMonth = await as(t.app, manager)('GET', '/api/v1/reports/portfolio?from=2026-13');
    expect(badMonth.statusCode).toBe(400);
    const agent = await signIn(t.app, demoEmail('agent'));
    expect((await as(t.app, agent)('GET', '/api/v1/reports/portfolio')).statusCode).toBe(403);
  });

  it('rewrites the same facts when run twice', async () => {
    const rows = async () => ({
      placed: await t.deps.db
        .selectFrom('vintage_placed')
        .selectAll()
        .orderBy('creditor_id')
        .orderBy('mandate_id')
        .orderBy('placement_id')
        .orderBy('vintage')
        .execute(),
      collected: await t.deps.db
        .selectFrom('vintage_collected')
        .selectAll()
        .orderBy('creditor_id')
        .orderBy('mandate_id')
        .orderBy('placement_id')
        .orderBy('vintage')
        .orderBy('months_since')
        .execute(),
    });
    await refreshPerformance(t.deps);
    const first = await rows();
    await refreshPerformance(t.deps);
    expect(await rows()).toEqual(first);
    expect(first.collected.length).toBeGreaterThan(0);
  });
});
