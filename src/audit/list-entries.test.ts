import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import type { AuditEntry, AuditList, DebtorTrail } from './contract.js';
import { actionsOf } from './core/actions.js';
import { auditEntries } from './list-entries.js';

// 09:00 in Paris on 25 November; the late entry below is 00:30 on the 26th in Paris, still the 25th in UTC.
const START = new Date('2026-11-25T08:00:00Z');
const LATE = new Date('2026-11-25T23:30:00Z');

describe.each(ENGINES)('the audit trail in words on %s', (engine) => {
  let t: TestApp;
  let compliance: Session;
  let managerId: string;

  const page = async (query: string): Promise<AuditList> => {
    const response = await as(t.app, compliance)('GET', `/api/v1/audit?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const all = async (query: string, limit: number): Promise<AuditEntry[]> => {
    const seen: AuditEntry[] = [];
    let cursor: string | null = null;
    do {
      const next: AuditList = await page(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...next.items);
      cursor = next.nextCursor;
    } while (cursor);
    return seen;
  };
  const stored = () =>
    t.deps.db
      .selectFrom('audit_log')
      .select(['seq', 'action', 'actor_user_id', 'occurred_at'])
      .orderBy('occurred_at', 'desc')
      .orderBy('seq', 'desc')
      .execute();

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    compliance = await signIn(t.app, demoEmail('compliance_officer'));
    managerId = (await signIn(t.app, demoEmail('manager'))).userId;
  });
  afterAll(() => t.close());

  it('pages newest first with a keyset cursor: every entry once, in order, even entries of the same instant', async () => {
    const rows = await stored();
    expect(rows.length).toBeGreaterThan(10);
    const seen = await all('', 7);
    expect(seen.map((entry) => entry.seq)).toEqual(rows.map((row) => Number(row.seq)));
  });

  it('filters by family through each action of it, and by author', async () => {
    const rows = await stored();
    const payments = await all('family=payments', 3);
    const expected = rows.filter((row) => actionsOf('payments').includes(row.action)).map((row) => Number(row.seq));
    expect(expected.length).toBeGreaterThan(0);
    expect(payments.map((entry) => entry.seq)).toEqual(expected);
    expect(new Set(payments.map((entry) => entry.family))).toEqual(new Set(['payments']));

    // The manager's own entries of the family: the demo's other people have theirs (a dispute's correction).
    const expectedOfManager = rows
      .filter((row) => actionsOf('payments').includes(row.action) && row.actor_user_id === managerId)
      .map((row) => Number(row.seq));
    expect(expectedOfManager.length).toBeGreaterThan(0);
    const byManager = await all(`actorUserId=${managerId}&family=payments`, 50);
    expect(byManager.map((entry) => entry.seq)).toEqual(expectedOfManager);
    expect(byManager.every((entry) => entry.actor.id === managerId && entry.actor.name !== null)).toBe(true);
    expect(await all(`actorUserId=${compliance.userId}&family=payments`, 50)).toEqual([]);
  });

  it('says which case and debtor a payment concerns, with its amount, and filters by that case and debtor', async () => {
    const [payment] = await all('action=payment.recorded', 1);
    const row = await t.deps.db
      .selectFrom('payments')
      .innerJoin('cases', 'cases.id', 'payments.case_id')
      .select(['payments.amount_cents', 'cases.id as case_id', 'cases.reference', 'cases.debtor_id'])
      .where('payments.id', '=', payment!.targetId!)
      .executeTakeFirstOrThrow();
    expect(payment).toMatchObject({
      family: 'payments',
      case: { id: row.case_id, name: row.reference },
      debtor: { id: row.debtor_id },
      facts: { amountCents: row.amount_cents },
    });
    expect(payment!.debtor!.name).toMatch(/\S/);

    const ofCase = await all(`caseId=${row.case_id}`, 50);
    expect(ofCase.map((entry) => entry.seq)).toContain(payment!.seq);
    expect(ofCase.every((entry) => entry.case?.id === row.case_id)).toBe(true);
    const ofDebtor = await all(`debtorId=${row.debtor_id}`, 50);
    expect(ofDebtor.map((entry) => entry.seq)).toContain(payment!.seq);
    expect(ofDebtor.every((entry) => entry.debtor?.id === row.debtor_id)).toBe(true);
  });

  it("takes the days of the agency's zone: 00:30 in Paris is the next day", async () => {
    t.clock.now = LATE;
    const late = await signIn(t.app, demoEmail('agent'));
    t.clock.now = START;
    const onThe26th = await all('from=2026-11-26&to=2026-11-26', 50);
    expect(onThe26th.map((entry) => entry.action)).toEqual(['auth.login']);
    expect(onThe26th[0]!.actor.id).toBe(late.userId);
    const onThe25th = await all('from=2026-11-25&to=2026-11-25', 50);
    expect(onThe25th.length).toBeGreaterThan(0);
    expect(onThe25th.some((entry) => entry.occurredAt === LATE.toISOString())).toBe(false);
  });

  it('streams every entry of a filter for an export, page by page', async () => {
    const streamed: number[] = [];
    for await (const entry of auditEntries(t.deps, { family: 'access' }, 4)) streamed.push(entry.seq);
    const rows = await stored();
    expect(streamed).toEqual(
      rows.filter((row) => actionsOf('access').includes(row.action)).map((row) => Number(row.seq)),
    );
  });

  it("shows a debtor's trail to compliance only, and records each reading of it as a read of their data", async () => {
    const [payment] = await all('action=payment.recorded', 1);
    const debtorId = payment!.debtor!.id;
    const url = `/api/v1/debtors/${debtorId}/audit-trail`;
    for (const role of ['agent', 'manager', 'administrator', 'creditor_user'] as const) {
      const refused = await as(t.app, await signIn(t.app, demoEmail(role)))('GET', url);
      expect(refused.statusCode, role).toBe(403);
    }
    const first = await as(t.app, compliance)('GET', url);
    expect(first.statusCode, first.body).toBe(200);
    const trail: DebtorTrail = first.json();
    expect(trail.debtor.id).toBe(debtorId);
    expect(trail.items.some((item) => item.kind === 'entry' && item.entry.seq === payment!.seq)).toBe(true);

    const again: DebtorTrail = (await as(t.app, compliance)('GET', `${url}?limit=1`)).json();
    expect(again.items).toEqual([
      expect.objectContaining({
        kind: 'read',
        read: expect.objectContaining({ subject: 'audit_trail', basis: 'compliance', user: expect.anything() }),
      }),
    ]);
    expect(again.nextCursor).not.toBeNull();
    const rest: DebtorTrail = (
      await as(t.app, compliance)('GET', `${url}?limit=200&cursor=${encodeURIComponent(again.nextCursor!)}`)
    ).json();
    // The first reading is in the trail; the second, recorded after its own page was read, is newer than the cursor.
    expect([...again.items, ...rest.items].length).toBe(trail.items.length + 1);
  });

  it('lets managers read the trail, and never creditor users', async () => {
    const manager = await signIn(t.app, demoEmail('manager'));
    expect((await as(t.app, manager)('GET', '/api/v1/audit')).statusCode).toBe(200);
    const creditor = await signIn(t.app, demoEmail('creditor_user'));
    expect((await as(t.app, creditor)('GET', '/api/v1/audit')).statusCode).toBe(403);
  });
});
