import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { REGULATION_REFERENCE } from './core/fixtures.test-data.js';
import { loadReferenceData } from './reference-data.js';

/** The body of the issue, as a client sends it (expenses without a basis are actual amounts). */
const ISSUE_BODY = {
  date: '2026-05-01',
  household: { adults: 2, children: 2, dependants: 3 },
  resources: [{ type: 'salary', amountCents: 220000 }],
  expenses: [{ category: 'housing', amountCents: 70000 }],
};
const withExpenses = (amountCents: number) => ({ ...ISSUE_BODY, expenses: [{ category: 'housing', amountCents }] });

describe.each(ENGINES)('affordability on %s', (engine) => {
  let t: TestApp;
  let agent: Session;
  let admin: Session;
  let debtorId: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    agent = await signIn(t.app, demoEmail('agent'));
    admin = await signIn(t.app, demoEmail('administrator'));
    debtorId = (
      await t.deps.db.selectFrom('cases').select('debtor_id').where('status', '<>', 'closed').executeTakeFirstOrThrow()
    ).debtor_id;
  });
  afterAll(() => t.close());

  it('loads the figures of REGULATION.md with the migration', async () => {
    const data = await loadReferenceData(t.deps.db);
    const figures = (d: typeof data) => ({
      scales: d.scales.map(({ source: _s, ...rest }) => rest),
      rsa: d.rsa.map(({ source: _s, ...rest }) => rest),
    });
    expect(figures(data)).toEqual(figures(REGULATION_REFERENCE));
    expect(data.allowances.length).toBeGreaterThan(0);
    expect(data.allowances.every((a) => a.status === 'placeholder')).toBe(true);
  });

  it.each([
    [withExpenses(200000), 20000, 'expenses'],
    [withExpenses(150000), 34400, 'seizable_share'],
    [
      {
        ...withExpenses(130000),
        household: { adults: 1, children: 0, dependants: 0 },
        resources: [{ type: 'salary', amountCents: 150000 }],
      },
      20000,
      'expenses',
    ],
  ])('computes the public vectors without saving anything (%#)', async (body, capacityCents, bindingConstraint) => {
    const before = await t.deps.db
      .selectFrom('debtor_assessments')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    const response = await as(t.app, agent)('POST', '/api/v1/affordability/assessments', body);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ capacityCents, bindingConstraint });
    const after = await t.deps.db
      .selectFrom('debtor_assessments')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('answers the shape of the issue, with a trace in French and English', async () => {
    const response = await as(t.app, agent)('POST', '/api/v1/affordability/assessments', ISSUE_BODY);
    const body = response.json();
    expect(body).toMatchObject({
      seizableShareCents: 34485,
      householdRsaCents: 136990,
      expensesCents: 136990,
      leftToLiveOnCents: 220000 - 34400,
      flags: ['figures_to_check'],
    });
    expect(body.trace[1]).toMatchObject({
      step: 'seizable_share',
      source: { kind: 'law', citation: expect.stringContaining('R3252-2') },
      valueCents: 34485,
    });
    // The amounts are parameters in cents, which the reader's page formats in its locale.
    expect(body.trace[1].message.fr).toContain('soit {{eur:34485}} par mois');
    expect(body.trace[1].message.en).toContain('that is {{eur:34485}} a month');
  });

  it('refuses bad input with a 400 or a problem code a person can act on, never a 500', async () => {
    const post = (body: unknown) => as(t.app, agent)('POST', '/api/v1/affordability/assessments', body);
    expect((await post({ ...ISSUE_BODY, extra: 1 })).statusCode).toBe(400);
    expect((await post({ ...ISSUE_BODY, date: '2026-02-30' })).statusCode).toBe(400);
    expect((await post({ ...ISSUE_BODY, resources: [{ type: 'salary', amountCents: 12.5 }] })).statusCode).toBe(400);
    expect((await post({ ...ISSUE_BODY, household: { adults: 0, children: 0, dependants: 0 } })).statusCode).toBe(400);
    const noScale = await post({ ...ISSUE_BODY, date: '2031-05-01' });
    expect(noScale.statusCode).toBe(422);
    expect(noScale.json().code).toBe('affordability.no_seizure_scale');
    const noRsa = await post({ ...ISSUE_BODY, date: '2025-02-01' });
    expect(noRsa.json().code).toBe('affordability.no_rsa_amounts');
    const noAmount = await post({ ...ISSUE_BODY, expenses: [{ category: 'housing', basis: 'actual' }] });
    expect(noAmount.json().code).toBe('affordability.expense_amount_missing');
    const standard = await post({ ...ISSUE_BODY, expenses: [{ category: 'food_household', basis: 'standard' }] });
    expect(standard.statusCode).toBe(200);
    expect(standard.json().flags).toContain('placeholder_allowance');
  });

  it('records budgets as versions of the debtor, never overwritten, audited', async () => {
    const record = (body: unknown) => as(t.app, agent)('POST', `/api/v1/debtors/${debtorId}/assessments`, body);
    const first = await record(withExpenses(200000));
    expect(first.statusCode, first.body).toBe(201);
    t.clock.advance(60_000);
    const second = await record(withExpenses(150000));
    expect(second.json()).toMatchObject({
      version: 2,
      debtorId,
      result: { capacityCents: 34400 },
      recordedBy: { displayName: expect.any(String) },
    });
    const list = await as(t.app, agent)('GET', `/api/v1/debtors/${debtorId}/assessments`);
    expect(
      list
        .json()
        .items.map((a: { version: number; result: { capacityCents: number } }) => [a.version, a.result.capacityCents]),
    ).toEqual([
      [2, 34400],
      [1, 20000],
    ]);
    expect(list.json().items[0].input).toMatchObject({ debtCents: expect.any(Number) });
    await expect(sql`update debtor_assessments set capacity_cents = 0`.execute(t.deps.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from debtor_assessments`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('target_id', '=', debtorId)
      .where('action', '=', 'debtor_assessment.recorded')
      .execute();
    expect(audit).toHaveLength(2);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it('answers 404 for an unknown debtor and refuses creditor users a household budget', async () => {
    const missing = await as(t.app, agent)('GET', '/api/v1/debtors/00000000-0000-4000-8000-000000000000/assessments');
    expect(missing.statusCode).toBe(404);
    const creditorUser = await signIn(t.app, demoEmail('creditor_user'));
    expect((await as(t.app, creditorUser)('GET', `/api/v1/debtors/${debtorId}/assessments`)).statusCode).toBe(403);
  });

  it('lets an administrator correct a [CHECK] figure, audited, and the computation follows', async () => {
    const rsa2026 = REGULATION_REFERENCE.rsa[1]!;
    const corrected = {
      singleCents: rsa2026.singleCents,
      coupleCents: rsa2026.coupleCents,
      coupleOneChildCents: rsa2026.coupleOneChildCents,
      coupleTwoChildrenCents: 140000,
      furtherPersonCents: rsa2026.furtherPersonCents,
      status: 'law',
      source: 'décret (checked)',
    };
    const put = await as(t.app, admin)('PUT', '/api/v1/affordability/reference-data/rsa-amounts/2026-04-01', corrected);
    expect(put.statusCode, put.body).toBe(200);
    const computed = await as(t.app, agent)('POST', '/api/v1/affordability/assessments', ISSUE_BODY);
    expect(computed.json()).toMatchObject({ householdRsaCents: 140000 });
    const entry = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'reference_data.rsa_amounts.corrected')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      target_id: '2026-04-01',
      before: expect.objectContaining({ couple_two_children_cents: 136990 }),
      after: expect.objectContaining({ coupleTwoChildrenCents: 140000 }),
    });
    // The version recorded before the correction keeps the figure it was computed with.
    const list = await as(t.app, agent)('GET', `/api/v1/debtors/${debtorId}/assessments`);
    expect(list.json().items.at(-1).result.householdRsaCents).toBe(136990);

    const read = await as(t.app, agent)('GET', '/api/v1/affordability/reference-data');
    expect(read.json().rsa.find((r: { effectiveFrom: string }) => r.effectiveFrom === '2026-04-01')).toMatchObject({
      coupleTwoChildrenCents: 140000,
      status: 'law',
    });
  });

  it('refuses a scale whose thresholds do not rise, and adds a new year', async () => {
    const url = '/api/v1/affordability/reference-data/seizure-scales/2027';
    const brackets = REGULATION_REFERENCE.scales[2]!.brackets;
    const bad = await as(t.app, admin)('PUT', url, {
      brackets: [brackets[1], brackets[0], ...brackets.slice(2)],
      upliftPerDependantCents: 174000,
      status: 'check',
      source: 'x',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('affordability.invalid_seizure_scale');
    const good = await as(t.app, admin)('PUT', url, {
      brackets,
      upliftPerDependantCents: 174000,
      status: 'check',
      source: 'projection',
    });
    expect(good.statusCode).toBe(200);
    const computed = await as(t.app, agent)('POST', '/api/v1/affordability/assessments', {
      ...ISSUE_BODY,
      date: '2027-01-15',
    });
    expect(computed.json()).toMatchObject({
      seizableShareCents: 34485,
      reference: { scaleYear: 2027, rsaEffectiveFrom: '2026-04-01' },
    });
  });

  it('keeps the floor as dated reference data: an administrator adds and corrects a row, audited; each budget uses the row of its date', async () => {
    const single = {
      household: { adults: 1, children: 0, dependants: 0 },
      resources: [{ type: 'salary', amountCents: 200000 }],
      expenses: [{ category: 'housing', amountCents: 149000 }],
    };
    // The indicative floor shipped by the migration: 100 €, below which 39 € left is flagged.
    const data = await loadReferenceData(t.deps.db);
    expect(data.floors).toEqual([
      expect.objectContaining({ effectiveFrom: '2025-01-01', baseCents: 10000, perExtraPersonCents: 5000 }),
    ]);
    const may = await as(t.app, agent)('POST', '/api/v1/affordability/assessments', { ...single, date: '2026-05-01' });
    expect(may.json()).toMatchObject({ leftAfterRepaymentCents: 3900, floor: { amountCents: 10000 } });
    expect(may.json().flags).toContain('below_floor');

    const url = '/api/v1/affordability/reference-data/living-floors/2026-06-01';
    const body = { baseCents: 2000, perExtraPersonCents: 1000, status: 'law', source: 'Décision de l’agence' };
    expect((await as(t.app, agent)('PUT', url, body)).statusCode).toBe(403);
    const bad = await as(t.app, admin)('PUT', url, { ...body, baseCents: -1 });
    expect(bad.statusCode).toBe(400);
    const added = await as(t.app, admin)('PUT', url, body);
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toEqual({ effectiveFrom: '2026-06-01', ...body });

    // Before 1 June the old floor still applies; from it, the new one (20 €), so 39 € left is no longer flagged.
    const before = await as(t.app, agent)('POST', '/api/v1/affordability/assessments', {
      ...single,
      date: '2026-05-31',
    });
    expect(before.json()).toMatchObject({ floor: { effectiveFrom: '2025-01-01', amountCents: 10000 } });
    const after = await as(t.app, agent)('POST', '/api/v1/affordability/assessments', {
      ...single,
      date: '2026-06-15',
    });
    expect(after.json()).toMatchObject({ floor: { effectiveFrom: '2026-06-01', amountCents: 2000, status: 'law' } });
    expect(after.json().flags).not.toContain('below_floor');

    // A correction of the row: the audit trail keeps the value it replaced, so every value the row had is known.
    const corrected = await as(t.app, admin)('PUT', url, { ...body, baseCents: 5000 });
    expect(corrected.statusCode).toBe(200);
    const entries = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'target_id', 'before', 'after'])
      .where('action', 'like', 'reference_data.living_floor.%')
      .orderBy('seq')
      .execute();
    expect(entries).toEqual([
      {
        action: 'reference_data.living_floor.added',
        target_id: '2026-06-01',
        before: null,
        after: expect.objectContaining({ baseCents: 2000 }),
      },
      {
        action: 'reference_data.living_floor.corrected',
        target_id: '2026-06-01',
        before: expect.objectContaining({ base_cents: 2000 }),
        after: expect.objectContaining({ baseCents: 5000 }),
      },
    ]);
    const read = await as(t.app, agent)('GET', '/api/v1/affordability/reference-data');
    expect(
      read.json().floors.map((f: { effectiveFrom: string; baseCents: number }) => [f.effectiveFrom, f.baseCents]),
    ).toEqual([
      ['2025-01-01', 10000],
      ['2026-06-01', 5000],
    ]);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
