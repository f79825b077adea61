import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import type { ConductReport } from './contract.js';
import { refreshPerformance } from './refresh-performance.js';

const NOW = new Date('2026-11-20T10:00:00Z');
const PERIOD = '?from=2025-12&to=2026-11';

describe.each(ENGINES)('responsible-collection report by team (%s)', (engine) => {
  let t: TestApp;
  let manager: Session;
  let leader: Session;
  let creditorUser: Session;
  let leaderTeam: string;
  let otherTeam: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: NOW });
    manager = await signIn(t.app, demoEmail('manager'));
    leader = await signIn(t.app, demoEmail('team_leader'));
    creditorUser = await signIn(t.app, 'creditor@demo.accord.test');
    const me = await t.deps.db
      .selectFrom('users')
      .select('team_id')
      .where('email', '=', demoEmail('team_leader'))
      .executeTakeFirstOrThrow();
    leaderTeam = me.team_id!;
    const other = await t.deps.db
      .selectFrom('cases')
      .select('assigned_team_id')
      .where('assigned_team_id', '<>', leaderTeam)
      .executeTakeFirstOrThrow();
    otherTeam = other.assigned_team_id!;
    await refreshPerformance(t.deps);
  });
  afterAll(() => t.close());

  const report = async (session: Session, query = PERIOD) => {
    const response = await as(t.app, session)('GET', `/api/v1/reports/conduct${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ConductReport;
  };
  const zone = () => t.deps.config.AGENCY_TZ;
  /** Per team of the cases, straight from the records: outbound attempts in weeks starting in the period. */
  const attemptsByTeam = async () => {
    const { rows } = await sql<{ team_id: string | null; n: string }>`
      select c.assigned_team_id as team_id, count(*) as n from contacts k join cases c on c.id = k.case_id
      where k.direction = 'outbound'
        and date_trunc('week', k.occurred_at at time zone ${zone()}) >= '2025-12-01'
        and date_trunc('week', k.occurred_at at time zone ${zone()}) < '2026-12-01'
      group by 1`.execute(t.deps.db);
    return new Map(rows.map((row) => [row.team_id, Number(row.n)]));
  };
  const refusedByTeam = async () => {
    const { rows } = await sql<{ team_id: string | null; n: string }>`
      select c.assigned_team_id as team_id, count(*) as n from contact_refusals r join cases c on c.id = r.case_id
      where (r.refused_at at time zone ${zone()})::date >= '2025-12-01'
        and (r.refused_at at time zone ${zone()})::date < '2026-12-01'
      group by 1`.execute(t.deps.db);
    return new Map(rows.map((row) => [row.team_id, Number(row.n)]));
  };

  it("counts each team's contacts and refusals as the records hold them, adding up to the whole, none above a cap", async () => {
    const figures = await report(manager);
    expect(figures.teamId).toBeNull();
    const teams = await t.deps.db.selectFrom('teams').select('id').execute();
    expect(figures.teamChoices.map((team) => team.id).sort()).toEqual(teams.map((team) => team.id).sort());
    expect(figures.byTeam.length).toBeGreaterThan(1);
    const attempts = await attemptsByTeam();
    const refused = await refusedByTeam();
    for (const row of figures.byTeam) {
      expect(row.attempts, row.teamName ?? 'no team').toBe(attempts.get(row.teamId) ?? 0);
      expect(row.refused, row.teamName ?? 'no team').toBe(refused.get(row.teamId) ?? 0);
      expect(row.overCapCaseWeeks).toBe(0);
      expect(row.capPerWeek).toBe(figures.contacts.find((c) => c.channel === 'all')!.capPerWeek);
    }
    const all = figures.contacts.find((c) => c.channel === 'all')!;
    const total = (key: 'attempts' | 'caseWeeks' | 'refused') => figures.byTeam.reduce((s, row) => s + row[key], 0);
    expect(total('attempts')).toBe(all.attempts);
    expect(total('caseWeeks')).toBe(all.caseWeeks);
    expect(total('refused')).toBe(figures.refusals.attempts);
    expect(figures.byTeam.some((row) => row.attempts > 0 && row.perCaseWeekHundredths! > 0)).toBe(true);
  });

  it("reads one team's whole page when asked: its contacts, complaints and money", async () => {
    const figures = await report(manager, `${PERIOD}&teamId=${otherTeam}`);
    expect(figures.teamId).toBe(otherTeam);
    expect(figures.byTeam.map((row) => row.teamId)).toEqual([otherTeam]);
    expect(figures.contacts.find((c) => c.channel === 'all')!.attempts).toBe((await attemptsByTeam()).get(otherTeam));
    const { rows } = await sql<{ complaints: string; collected: string }>`
      select (select count(*) from complaints k join cases c on c.id = k.case_id
              where c.assigned_team_id = ${otherTeam} and k.received_on >= '2025-12-01'
                and k.received_on < '2026-12-01') as complaints,
             (select coalesce(sum(p.amount_cents), 0) from payments p join cases c on c.id = p.case_id
              where c.assigned_team_id = ${otherTeam} and p.status = 'recorded' and p.received_on >= '2025-12-01'
                and p.received_on < '2026-12-01') as collected`.execute(t.deps.db);
    expect(figures.complaints.total).toBe(Number(rows[0]!.complaints));
    expect(figures.months.reduce((s, month) => s + month.collectedCents, 0)).toBe(Number(rows[0]!.collected));
  });

  it('holds a team leader to their own team, whatever they ask', async () => {
    const own = await report(leader);
    expect(own.teamId).toBe(leaderTeam);
    expect(own.teamChoices.map((team) => team.id)).toEqual([leaderTeam]);
    expect(own.byTeam.map((row) => row.teamId)).toEqual([leaderTeam]);
    const asked = await report(leader, `${PERIOD}&teamId=${otherTeam}`);
    expect(asked).toEqual(own);
    const managers = await report(manager, `${PERIOD}&teamId=${leaderTeam}`);
    expect({ ...own, teamChoices: managers.teamChoices }).toEqual(managers);
  });

  it('gives a creditor user no team filter and no team table, and refuses a team', async () => {
    const own = await report(creditorUser);
    expect(own).toMatchObject({ teamId: null, teamChoices: [], byTeam: [] });
    for (const teamId of [leaderTeam, otherTeam]) {
      const response = await as(t.app, creditorUser)('GET', `/api/v1/reports/conduct${PERIOD}&teamId=${teamId}`);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'auth.forbidden', permission: 'reports.teams' });
      const file = await as(t.app, creditorUser)('GET', `/api/v1/reports/conduct/export?format=csv&teamId=${teamId}`);
      expect(file.statusCode).toBe(403);
    }
    expect((await as(t.app, manager)('GET', `/api/v1/reports/conduct?teamId=not-a-team`)).statusCode).toBe(400);
  });
});
