import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { staffActor } from '../identity/actor.js';
import { recordPayment } from '../payments/record-payment.js';
import { reversePayment } from '../payments/reverse-payment.js';
import { COUNT_FIELDS, sumCounts } from './core/agents-teams.js';
import { refreshPerformance } from './refresh-performance.js';
import type { TeamsReport } from './teams/contract.js';

const NOW = new Date('2026-11-20T10:00:00Z');
const TODAY = '2026-11-20';

describe.each(ENGINES)('agents and teams report (%s)', (engine) => {
  let t: TestApp;
  let manager: Session;
  let leader: Session;
  let leaderTeam: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: NOW });
    manager = await signIn(t.app, demoEmail('manager'));
    leader = await signIn(t.app, demoEmail('team_leader'));
    const row = await t.deps.db
      .selectFrom('users')
      .select('team_id')
      .where('email', '=', demoEmail('team_leader'))
      .executeTakeFirstOrThrow();
    leaderTeam = row.team_id!;
    await refreshPerformance(t.deps);
  });
  afterAll(() => t.close());

  const report = async (session: Session, query = '') => {
    const response = await as(t.app, session)('GET', `/api/v1/reports/teams${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as TeamsReport;
  };

  it('shows the demo’s people with quality and satisfaction beside the work, weeks summing to the period', async () => {
    const figures = await report(manager, '?from=2026-09-01&to=2026-11-20&granularity=week');
    // Widened to whole ISO weeks: Monday 31 August to Sunday 22 November.
    expect(figures).toMatchObject({ from: '2026-08-31', to: '2026-11-22', granularity: 'week' });
    expect(figures.periods[0]).toEqual({ key: '2026-W36', first: '2026-08-31' });
    expect(figures.periods).toHaveLength(12);
    expect(figures.refreshedAt).toBe(NOW.toISOString());
    expect(figures.agents.length).toBeGreaterThan(0);
    const busy = figures.agents.filter((a) => a.total.calls > 0);
    expect(busy.length).toBeGreaterThan(0);
    expect(figures.agents.some((a) => a.total.reviews > 0 && a.total.meanScoreBp !== null)).toBe(true);
    expect(figures.agents.some((a) => a.total.promises > 0)).toBe(true);
    expect(figures.agents.some((a) => a.total.collectedCents > 0)).toBe(true);
    for (const line of [...figures.agents, ...figures.teams]) {
      expect(line.periods).toHaveLength(figures.periods.length);
      for (const field of COUNT_FIELDS) expect(sumCounts(line.periods)[field]).toBe(line.total[field]);
    }
    // A team is the sum of its people.
    for (const team of figures.teams) {
      const members = figures.agents.filter((a) => (a.teamId ?? 'none') === team.id);
      for (const field of COUNT_FIELDS) expect(sumCounts(members.map((m) => m.total))[field]).toBe(team.total[field]);
    }
  });

  it('counts each person’s phone calls and conversations on the day they happened, as the contacts say', async () => {
    const figures = await report(manager, '?from=2026-10-01&to=2026-10-31&granularity=day');
    expect(figures.periods).toHaveLength(31);
    const counted = await sql<{ agent: string; calls: string; conversations: string }>`
      select recorded_by as agent, count(*) as calls, count(*) filter (where conversation) as conversations
      from contacts
      where channel = 'phone' and recorded_by is not null
        and (occurred_at at time zone ${t.deps.config.AGENCY_TZ})::date between '2026-10-01' and '2026-10-31'
      group by recorded_by`.execute(t.deps.db);
    expect(counted.rows.length).toBeGreaterThan(0);
    for (const row of counted.rows) {
      const line = figures.agents.find((a) => a.id === row.agent)!;
      expect(line.total).toMatchObject({ calls: Number(row.calls), conversations: Number(row.conversations) });
    }
  });

  it('credits a payment to the person whose promise it follows, on the day received, and drops it once reversed', async () => {
    const promise = await t.deps.db
      .selectFrom('promises as p')
      .innerJoin('cases as c', 'c.id', 'p.case_id')
      .select(['p.case_id', 'p.created_by', 'c.reference'])
      .where('p.created_by', 'is not', null)
      .where('c.status', '=', 'open')
      .where('c.balance_cents', '>', 5_000)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('plans as pl').select('pl.id').whereRef('pl.case_id', '=', 'p.case_id'))),
      )
      .orderBy('c.reference')
      .executeTakeFirstOrThrow();
    const agentOf = (figures: TeamsReport) => figures.agents.find((a) => a.id === promise.created_by)!;
    const query = `?from=${TODAY}&to=${TODAY}&granularity=day`;
    const before = agentOf(await report(manager, query));
    const managerRow = await t.deps.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', demoEmail('manager'))
      .executeTakeFirstOrThrow();
    const { payment } = await recordPayment(
      t.deps,
      staffActor(managerRow),
      { caseId: promise.case_id, amountCents: 4_321, channel: 'bank_transfer', receivedOn: TODAY },
      { idempotencyKey: 'teams-report-test-1', source: 'api' },
    );
    // Read from the facts: nothing moves until the job runs.
    expect(agentOf(await report(manager, query))?.total.collectedCents ?? 0).toBe(before?.total.collectedCents ?? 0);
    await refreshPerformance(t.deps);
    const after = agentOf(await report(manager, query));
    expect(after.total.collectedCents).toBe((before?.total.collectedCents ?? 0) + 4_321);
    expect(after.total.payments).toBe((before?.total.payments ?? 0) + 1);

    await reversePayment(t.deps, staffActor(managerRow), payment.id, { kind: 'error', reason: 'recorded twice' });
    await refreshPerformance(t.deps);
    expect(agentOf(await report(manager, query))?.total.collectedCents ?? 0).toBe(before?.total.collectedCents ?? 0);
  });

  it('holds a team leader to their own team, whatever team is asked for; managers and compliance read every team', async () => {
    const other = await t.deps.db
      .selectFrom('teams')
      .select('id')
      .where('id', '<>', leaderTeam)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    for (const query of ['', `?teamId=${other.id}`]) {
      const figures = await report(leader, query);
      expect(figures.teamId).toBe(leaderTeam);
      expect(figures.teamChoices.map((c) => c.id)).toEqual([leaderTeam]);
      expect(figures.agents.length).toBeGreaterThan(0);
      expect(figures.agents.every((a) => a.teamId === leaderTeam)).toBe(true);
      expect(figures.teams.map((team) => team.id)).toEqual([leaderTeam]);
    }
    const all = await report(manager);
    expect(all.teamChoices.length).toBeGreaterThan(1);
    expect(new Set(all.agents.map((a) => a.teamId)).size).toBeGreaterThan(1);
    const compliance = await signIn(t.app, demoEmail('compliance_officer'));
    expect((await report(compliance)).agents.map((a) => a.id)).toEqual(all.agents.map((a) => a.id));
    const oneTeam = await report(manager, `?teamId=${leaderTeam}`);
    expect(oneTeam.agents.every((a) => a.teamId === leaderTeam)).toBe(true);
  });

  it('exports the same lines as CSV, audited, and refuses agents and what it cannot answer', async () => {
    const figures = await report(leader, '?granularity=week');
    const file = await as(t.app, leader)('GET', '/api/v1/reports/teams/export?format=csv&granularity=week');
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    const lines = file.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const lineCount = (figures.teams.length + figures.agents.length) * (figures.periods.length + 1);
    expect(lines).toHaveLength(lineCount + 1);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'export.agents_teams')
      .execute();
    expect(audit).toHaveLength(1);

    const long = await as(t.app, manager)('GET', '/api/v1/reports/teams?from=2025-01-01&to=2026-11-20');
    expect(long.statusCode).toBe(422);
    expect(long.json().code).toBe('teams_report.period_too_long');
    const reversed = await as(t.app, manager)('GET', '/api/v1/reports/teams?from=2026-11-21');
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().code).toBe('teams_report.period_reversed');
    expect((await as(t.app, manager)('GET', '/api/v1/reports/teams?granularity=month')).statusCode).toBe(400);
    const agent = await signIn(t.app, demoEmail('agent'));
    expect((await as(t.app, agent)('GET', '/api/v1/reports/teams')).statusCode).toBe(403);
    const creditor = await signIn(t.app, 'creditor@demo.accord.test');
    expect((await as(t.app, creditor)('GET', '/api/v1/reports/teams')).statusCode).toBe(403);
  });

  it('rewrites the same facts when run twice', async () => {
    const rows = () => t.deps.db.selectFrom('agent_day_facts').selectAll().orderBy('agent_id').orderBy('day').execute();
    await refreshPerformance(t.deps);
    const first = await rows();
    await refreshPerformance(t.deps);
    expect(await rows()).toEqual(first);
    expect(first.length).toBeGreaterThan(0);
  });
});
