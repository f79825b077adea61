import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { signInCaseReaders } from '../../test/support/need-to-know.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { sealSensitiveReads } from '../audit/seal-reads.js';

const START = new Date('2026-11-25T09:00:00Z');
const MARKER = 'MARQUEUR-SANTE-7Q';
const HEALTH_CENTS = 12345;
const BUDGET = {
  date: '2026-11-01',
  household: { adults: 1, children: 0, dependants: 0 },
  resources: [{ type: 'salary', amountCents: 180000 }],
  expenses: [
    { category: 'housing', amountCents: 60000 },
    { category: 'health', amountCents: HEALTH_CENTS },
  ],
};

describe.each(ENGINES)('need-to-know on special-category data on %s', (engine) => {
  let t: TestApp;
  let holder: Session;
  let otherAgent: Session;
  let leader: Session;
  let manager: Session;
  let care: Session;
  let compliance: Session;
  let admin: Session;
  let caseId: string;
  let debtorId: string;

  const reads = () => t.deps.db.selectFrom('sensitive_reads').selectAll().orderBy('seq').execute();

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    ({ holder, otherAgent, leader, manager, care, compliance, admin } = await signInCaseReaders(t));

    // The agent takes a case from the queue, flags a vulnerability with its reason and records a budget with a health line.
    const next = await as(t.app, holder)('POST', '/api/v1/workspace/next-case');
    expect(next.statusCode, next.body).toBe(200);
    caseId = next.json().entry.caseId;
    debtorId = (
      await t.deps.db.selectFrom('cases').select('debtor_id').where('id', '=', caseId).executeTakeFirstOrThrow()
    ).debtor_id;
    const hold = await as(t.app, holder)('POST', `/api/v1/debtors/${debtorId}/holds`, {
      kind: 'vulnerability',
      reason: `${MARKER} hospitalisation`,
      caseId,
    });
    expect(hold.statusCode, hold.body).toBe(201);
    const budget = await as(t.app, holder)('POST', `/api/v1/debtors/${debtorId}/assessments`, BUDGET);
    expect(budget.statusCode, budget.body).toBe(201);
    expect(budget.json().input.expenses[1]).toMatchObject({ category: 'health', amountCents: HEALTH_CENTS });
  });
  afterAll(() => t.close());

  it('an agent who does not hold the case sees that a care rule applies, not why, and the budget without its health line', async () => {
    const before = (await reads()).length;
    const view = await as(t.app, otherAgent)('GET', `/api/v1/cases/${caseId}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.body).not.toContain(MARKER);
    expect(view.body).not.toContain('fragilité');
    const care = view.json().holds.find((h: { restricted: boolean }) => h.restricted);
    expect(care).toMatchObject({ kind: 'care_rule', reason: null, status: 'active' });
    expect(care.endsAt).not.toBeNull();

    const contact = await as(t.app, otherAgent)('GET', `/api/v1/cases/${caseId}/contact`);
    expect(contact.statusCode, contact.body).toBe(200);
    expect(contact.json().holds.find((h: { restricted?: boolean }) => h.restricted)).toMatchObject({
      kind: 'care_rule',
      reason: null,
    });
    expect(JSON.stringify(contact.json().holds)).not.toContain(MARKER);

    const budgets = await as(t.app, otherAgent)('GET', `/api/v1/debtors/${debtorId}/assessments`);
    expect(budgets.statusCode, budgets.body).toBe(200);
    expect(budgets.json().access).toEqual({
      level: 'restricted',
      basis: null,
      reasonAccepted: false,
      restrictedLines: 1,
    });
    expect(budgets.json().items[0].input.expenses[1]).toEqual({ category: 'special_category', basis: 'actual' });
    expect(budgets.body).not.toContain(String(HEALTH_CENTS));
    // Nor the computed lines: the health line is not listed among what each expense counted.
    const resultLines: { category: string }[] = budgets.json().items[0].result.expenseLines ?? [];
    expect(resultLines.map((line) => line.category)).not.toContain('health');
    // Totals and the capacity stay: what the agent's work needs.
    expect(budgets.json().items[0].result.capacityCents).toBeGreaterThan(0);

    // Withheld details are no read of them; the budget read (masked) is on record.
    const after = await reads();
    expect(after.slice(before).map((r) => [r.subject, r.basis, r.user_id])).toEqual([
      ['budget', 'restricted', otherAgent.userId],
    ]);

    const withReason = await as(t.app, otherAgent)(
      'GET',
      `/api/v1/debtors/${debtorId}/assessments?reason=${encodeURIComponent('Je remplace ma collègue')}`,
    );
    expect(withReason.statusCode).toBe(403);
    expect(withReason.json().code).toBe('need_to_know.reason_not_accepted');
  });

  it('the agent who holds the case reads the details, and each read is on record with its basis', async () => {
    const before = (await reads()).length;
    const view = await as(t.app, holder)('GET', `/api/v1/cases/${caseId}`);
    expect(view.json().holds.find((h: { kind: string }) => h.kind === 'vulnerability')).toMatchObject({
      reason: `${MARKER} hospitalisation`,
      restricted: false,
    });
    const budgets = await as(t.app, holder)('GET', `/api/v1/debtors/${debtorId}/assessments`);
    expect(budgets.json().access).toMatchObject({ level: 'full', basis: 'case_holder' });
    expect(budgets.json().items[0].input.expenses[1]).toMatchObject({ category: 'health', amountCents: HEALTH_CENTS });
    const added = (await reads()).slice(before);
    expect(added.map((r) => [r.subject, r.basis, r.user_id, r.debtor_id])).toEqual([
      ['vulnerability', 'case_holder', holder.userId, debtorId],
      ['budget', 'case_holder', holder.userId, debtorId],
    ]);
    expect(added[0]!.case_id).toBe(caseId);
    expect(added[0]!.read_at.toISOString()).toBe(START.toISOString());
  });

  it('the care team and compliance read the details; a team leader must state why, and the reason is kept', async () => {
    for (const [session, basis] of [
      [care, 'care_team'],
      [compliance, 'compliance'],
    ] as const) {
      const budgets = await as(t.app, session)('GET', `/api/v1/debtors/${debtorId}/assessments`);
      expect(budgets.json().access).toMatchObject({ level: 'full', basis });
      const view = await as(t.app, session)('GET', `/api/v1/cases/${caseId}`);
      expect(view.body).toContain(MARKER);
    }
    const plain = await as(t.app, leader)('GET', `/api/v1/debtors/${debtorId}/assessments`);
    expect(plain.json().access).toEqual({ level: 'restricted', basis: null, reasonAccepted: true, restrictedLines: 1 });
    const short = await as(t.app, leader)('GET', `/api/v1/debtors/${debtorId}/assessments?reason=vu`);
    expect(short.statusCode).toBe(422);
    expect(short.json().code).toBe('need_to_know.reason_too_short');
    const reason = 'Réclamation 2026-114 du débiteur';
    const stated = await as(t.app, leader)(
      'GET',
      `/api/v1/debtors/${debtorId}/assessments?reason=${encodeURIComponent(reason)}`,
    );
    expect(stated.json().access).toMatchObject({ level: 'full', basis: 'stated_reason' });
    const contact = await as(t.app, manager)(
      'GET',
      `/api/v1/cases/${caseId}/contact?reason=${encodeURIComponent(reason)}`,
    );
    expect(JSON.stringify(contact.json().holds)).toContain(MARKER);
    const last = (await reads()).slice(-2);
    expect(last.map((r) => [r.subject, r.basis, r.reason])).toEqual([
      ['budget', 'stated_reason', reason],
      ['vulnerability', 'stated_reason', reason],
    ]);
  });

  it('an agent given the case by a team leader reads its budget in full', async () => {
    const team = await t.deps.db
      .selectFrom('teams')
      .select('id')
      .where('name', '=', 'Amiable Lyon')
      .executeTakeFirstOrThrow();
    expect((await as(t.app, holder)('POST', `/api/v1/workspace/cases/${caseId}/release`)).statusCode).toBeLessThan(300);
    const assigned = await as(t.app, leader)('POST', `/api/v1/cases/${caseId}/assignment`, {
      teamId: team.id,
      userId: otherAgent.userId,
      note: 'Suivi personnalisé',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const budgets = await as(t.app, otherAgent)('GET', `/api/v1/debtors/${debtorId}/assessments`);
    expect(budgets.json().access).toMatchObject({ level: 'full', basis: 'case_holder' });
    // The first agent gave the case back: the details are closed to them again.
    const view = await as(t.app, holder)('GET', `/api/v1/cases/${caseId}`);
    expect(view.body).not.toContain(MARKER);
  });

  it('compliance lists the reads per debtor and per user; no other role may', async () => {
    const byDebtor = await as(t.app, compliance)('GET', `/api/v1/sensitive-reads?debtorId=${debtorId}`);
    expect(byDebtor.statusCode, byDebtor.body).toBe(200);
    const items = byDebtor.json().items as {
      seq: number;
      user: { id: string };
      subject: string;
      basis: string;
      sealed: boolean;
      debtor: { id: string };
    }[];
    expect(items.length).toBe((await reads()).length);
    expect(items.every((item) => item.debtor.id === debtorId)).toBe(true);
    expect(items.map((item) => item.seq)).toEqual([...items.map((item) => item.seq)].sort((a, b) => b - a));
    const byUser = await as(t.app, compliance)('GET', `/api/v1/sensitive-reads?userId=${leader.userId}`);
    expect(byUser.json().items.map((item: { basis: string }) => item.basis)).toEqual(['stated_reason', 'restricted']);
    const paged = await as(t.app, compliance)('GET', `/api/v1/sensitive-reads?debtorId=${debtorId}&limit=2`);
    expect(paged.json()).toMatchObject({ hasMore: true });
    const neither = await as(t.app, compliance)('GET', '/api/v1/sensitive-reads');
    expect(neither.statusCode).toBe(422);
    expect(neither.json().code).toBe('sensitive_reads.one_filter');
    for (const session of [holder, leader, manager, care, admin]) {
      const refused = await as(t.app, session)('GET', `/api/v1/sensitive-reads?debtorId=${debtorId}`);
      expect(refused.statusCode).toBe(403);
    }
  });

  it('seals the reads into the audit chain in batches, and audit:verify checks them', async () => {
    const count = (await reads()).length;
    expect(await sealSensitiveReads(t.deps)).toEqual({ batches: 1, reads: count });
    expect(await sealSensitiveReads(t.deps)).toEqual({ batches: 0, reads: 0 });
    const entry = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'sensitive_reads.sealed')
      .executeTakeFirstOrThrow();
    expect(entry.after).toMatchObject({
      count,
      firstSeq: expect.any(Number),
      lastSeq: expect.any(Number),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(JSON.stringify(entry.after)).not.toContain(MARKER);
    const listed = await as(t.app, compliance)('GET', `/api/v1/sensitive-reads?debtorId=${debtorId}`);
    expect(listed.json().items.every((item: { sealed: boolean }) => item.sealed)).toBe(true);

    // A later read starts the next batch.
    await as(t.app, care)('GET', `/api/v1/debtors/${debtorId}/assessments`);
    expect(await sealSensitiveReads(t.deps)).toEqual({ batches: 1, reads: 1 });
    const verified = await verifyAuditTrail(t.deps.db);
    expect(verified.ok, verified.message).toBe(true);
    expect(verified.message).toContain('2 sealed batches');
  });

  it('keeps reads append-only, and audit:verify finds a sealed read removed behind the triggers', async () => {
    await expect(sql`update sensitive_reads set reason = null`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from sensitive_reads`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from sensitive_read_seals`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await sql`alter table sensitive_reads disable trigger sensitive_reads_no_update_or_delete`.execute(t.deps.db);
    await sql`delete from sensitive_reads where seq = (select min(seq) from sensitive_reads)`.execute(t.deps.db);
    await sql`alter table sensitive_reads enable trigger sensitive_reads_no_update_or_delete`.execute(t.deps.db);
    const verified = await verifyAuditTrail(t.deps.db);
    expect(verified.ok).toBe(false);
    expect(verified.problem).toMatchObject({ kind: 'sealed_reads_altered' });
  });
});
