import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import type { ConductReport } from './contract.js';
import { refreshPerformance } from './refresh-performance.js';

const NOW = new Date('2026-11-20T10:00:00Z');
const PERIOD = '?from=2025-12&to=2026-11';

describe.each(ENGINES)('responsible-collection report (%s)', (engine) => {
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
    await refreshPerformance(t.deps);
  });
  afterAll(() => t.close());

  const report = async (session: Session, query = PERIOD) => {
    const response = await as(t.app, session)('GET', `/api/v1/reports/conduct${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ConductReport;
  };
  const counted = async (query: ReturnType<typeof sql<{ n: string }>>) =>
    Number((await query.execute(t.deps.db)).rows[0]!.n);
  const zone = () => t.deps.config.AGENCY_TZ;

  it("counts the demo's year as the facts hold it: attempts, complaints, disputes, answers and money, month by month", async () => {
    const figures = await report(manager);
    expect(figures).toMatchObject({ from: '2025-12', to: '2026-11', asOf: '2026-11', policyVersion: 1 });
    expect(figures.months).toHaveLength(12);
    const total = (key: 'attempts' | 'complaints' | 'disputes' | 'answers' | 'collectedCents' | 'refused') =>
      figures.months.reduce((sum, month) => sum + month[key], 0);
    // Each figure counted apart from the refresh, straight from the records.
    const attempts = await counted(sql`
      select count(*) as n from contacts where direction = 'outbound'
        and date_trunc('week', occurred_at at time zone ${zone()}) >= '2025-12-01'
        and date_trunc('week', occurred_at at time zone ${zone()}) < '2026-12-01'`);
    expect(attempts).toBeGreaterThan(0);
    expect(total('attempts')).toBe(attempts);
    expect(figures.contacts.find((c) => c.channel === 'all')!.attempts).toBe(attempts);
    const complaints = await counted(
      sql`select count(*) as n from complaints where received_on >= '2025-12-01' and received_on < '2026-12-01'`,
    );
    expect(complaints).toBeGreaterThan(0);
    expect(total('complaints')).toBe(complaints);
    expect(figures.complaints.total).toBe(complaints);
    const disputes = await counted(sql`
      select count(*) as n from disputes where (opened_at at time zone ${zone()})::date >= '2025-12-01'
        and (opened_at at time zone ${zone()})::date < '2026-12-01'`);
    expect(total('disputes')).toBe(disputes);
    expect(figures.disputes.byOutcome.reduce((sum, row) => sum + row.disputes, 0)).toBe(disputes);
    const answers = await counted(sql`
      select count(*) as n from satisfaction_answers a join satisfaction_invitations i on i.id = a.invitation_id
      where (i.sent_at at time zone ${zone()})::date >= '2025-12-01' and (i.sent_at at time zone ${zone()})::date < '2026-12-01'`);
    expect(answers).toBeGreaterThan(0);
    expect(figures.satisfaction.answers).toBe(answers);
    const collected = await counted(sql`
      select coalesce(sum(amount_cents), 0) as n from payments
      where status = 'recorded' and received_on >= '2025-12-01' and received_on < '2026-12-01'`);
    expect(total('collectedCents')).toBe(collected);
    // The demo kept to the policy: no case-week above a cap, on any channel.
    for (const channel of figures.contacts) {
      expect(channel.overCap, channel.channel).toEqual([]);
      const inBuckets = channel.buckets.reduce((sum, bucket) => sum + bucket.caseWeeks, 0);
      expect(inBuckets).toBe(channel.caseWeeks);
    }
    expect(figures.contacts.find((c) => c.channel === 'phone')!.capPerWeek).toBe(7);
    for (const subject of figures.complaints.bySubject)
      expect(subject.answered_in_time + subject.answered_late + subject.open_in_time + subject.open_overdue).toBe(
        subject.total,
      );
    expect(figures.care.debtors).toBeGreaterThan(0);
    if (figures.care.shareBasisPoints !== null) expect(figures.care.shareBasisPoints).toBeLessThanOrEqual(10_000);
  });

  it("keeps an agent's refused attempt by rule, and counts it in the month it was tried", async () => {
    const target = await t.deps.db
      .selectFrom('cases as c')
      .select(['c.id', 'c.debtor_id'])
      .where('c.creditor_id', '=', horizon.id)
      .where('c.status', '=', 'open')
      .where('c.first_letter_sent_on', 'is not', null)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('vulnerabilities as v').select('v.id').whereRef('v.debtor_id', '=', 'c.debtor_id'))),
      )
      .orderBy('c.reference')
      .executeTakeFirstOrThrow();
    const before = await report(manager);
    // Five in the morning in Paris: before the contact hours (and whatever else the policy says of this debtor then).
    const refused = await as(t.app, manager)('POST', '/api/v1/contact-attempts', {
      debtorId: target.debtor_id,
      caseId: target.id,
      channel: 'sms',
      direction: 'outbound',
      outcome: 'sent',
      at: '2026-11-20T04:00:00.000Z',
    });
    expect(refused.statusCode, refused.body).toBe(409);
    const rules = (refused.json().reasons as { rule: string }[]).map((reason) => reason.rule);
    expect(rules.some((rule) => rule.startsWith('window.'))).toBe(true);
    // The demo's history may hold refusals of this case already: the one kept is the attempt's, at its moment.
    const kept = await t.deps.db
      .selectFrom('contact_refusals')
      .selectAll()
      .where('case_id', '=', target.id)
      .where('refused_at', '=', new Date('2026-11-20T04:00:00.000Z'))
      .execute();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ channel: 'sms', source: 'agent', creditor_id: horizon.id, policy_version: 1 });
    expect([...kept[0]!.rules].sort()).toEqual([...new Set(rules)].sort());

    await refreshPerformance(t.deps);
    const after = await report(manager);
    expect(after.refusals.attempts).toBe(before.refusals.attempts + 1);
    expect(after.months.at(-1)!.refused).toBe(before.months.at(-1)!.refused + 1);
    const ruleCount = (figures: ConductReport, rule: string) =>
      figures.refusals.byRule.find((row) => row.rule === rule)?.refusals ?? 0;
    for (const rule of new Set(rules)) expect(ruleCount(after, rule)).toBe(ruleCount(before, rule) + 1);
  });

  it("shows a creditor user its own creditor's figures only, whatever it asks for, and audits its export", async () => {
    const own = await report(manager, `${PERIOD}&creditorId=${horizon.id}`);
    const asked = await report(creditorUser, `${PERIOD}&creditorId=${energie.id}`);
    expect(asked).toEqual({ ...own, teamChoices: [], byTeam: [] });
    const everyone = await report(manager);
    expect(own.complaints.total).toBeLessThanOrEqual(everyone.complaints.total);

    const file = await as(t.app, creditorUser)('GET', '/api/v1/reports/conduct/export?format=csv');
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    expect(file.body).toMatch(/;window\./);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'creditor_id'])
      .where('action', '=', 'export.responsible_collection')
      .execute();
    expect(audit).toEqual([{ action: 'export.responsible_collection', creditor_id: horizon.id }]);
  });

  it('refuses an agent, and a period it cannot answer', async () => {
    const agent = await signIn(t.app, demoEmail('agent'));
    expect((await as(t.app, agent)('GET', '/api/v1/reports/conduct')).statusCode).toBe(403);
    const long = await as(t.app, manager)('GET', '/api/v1/reports/conduct?from=2020-01&to=2026-11');
    expect(long.statusCode).toBe(422);
    expect((await as(t.app, manager)('GET', '/api/v1/reports/conduct?from=2026-05&to=2026-01')).statusCode).toBe(400);
  });

  it('rewrites the same facts when run twice', async () => {
    const rows = () =>
      t.deps.db
        .selectFrom('conduct_facts')
        .select(['creditor_id', 'mandate_id', 'team_id', 'month', 'figure', 'dimension', 'bucket', 'count'])
        .orderBy('creditor_id')
        .orderBy('mandate_id')
        .orderBy('team_id')
        .orderBy('month')
        .orderBy('figure')
        .orderBy('dimension')
        .orderBy('bucket')
        .execute();
    await refreshPerformance(t.deps);
    const first = await rows();
    await refreshPerformance(t.deps);
    expect(await rows()).toEqual(first);
    expect(first.length).toBeGreaterThan(0);
  });
});
