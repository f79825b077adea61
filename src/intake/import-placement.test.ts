import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { insertCreditorWithMandate } from '../../test/support/creditors.js';
import { ENGINES } from '../../test/support/database.js';
import { SYSTEM_ACTOR } from '../audit/append.js';
import { verifyAuditTrail } from '../audit/verify.js';
import type { IntakeRow, RowResult } from './core/types.js';
import { createPlacement, runPlacement } from './import-placement.js';
import { workspaceSweep } from '../workspace/sweep.js';

/** A valid row as the validator produces it; tests change what they need. */
function row(
  line: number,
  overrides: {
    ref?: string;
    first?: string;
    last?: string;
    birth?: string | null;
    claim?: string;
    principal?: number;
    op?: IntakeRow['operation'];
  } = {},
): RowResult {
  const first = overrides.first ?? 'Marie';
  const last = overrides.last ?? 'Dupont';
  const birth = overrides.birth === undefined ? '1980-02-29' : overrides.birth;
  const nameKey = `${last}|${first}`.toLowerCase();
  return {
    ok: true,
    row: {
      line,
      operation: overrides.op ?? 'place',
      debtorReference: overrides.ref ?? `CUST-${line}`,
      debtor: {
        kind: 'person',
        title: null,
        firstName: first,
        lastName: last,
        birthName: null,
        birthDate: birth,
        birthPlace: null,
        companyName: null,
        registrationNumber: null,
        language: 'fr',
        matchKey: birth ? `${nameKey}|${birth}` : null,
        nameKey,
      },
      address: {
        line1: '3 rue des Lilas',
        line2: null,
        postalCode: '57000',
        city: 'Metz',
        country: 'FR',
        subdivision: '57',
        timeZone: 'Europe/Paris',
      },
      phones: ['+33612345678'],
      email: `${first}.${last}@mail.example`.toLowerCase(),
      claim: {
        reference: overrides.claim ?? `CLAIM-${line}`,
        contractType: 'consumer_credit',
        originalCreditor: null,
        currency: 'EUR',
        principalCents: overrides.principal ?? 100_000 + line,
        interestCents: 1_250,
        feesCents: 0,
        defaultOn: '2026-03-01',
        lastPaymentOn: null,
      },
    },
  };
}

async function* from(results: RowResult[]) {
  yield* results;
}

describe.each(ENGINES)('placement import on %s', (engine) => {
  let t: TestApp;
  let creditorId: string;
  let otherCreditorId: string;

  async function importRows(
    results: RowResult[],
    options: { creditor?: string; mandate?: string; crashAfterRows?: number } = {},
  ) {
    const { placementId } = await createPlacement(t.deps, {
      creditorId: options.creditor ?? creditorId,
      mandateCode: options.mandate ?? 'M-ACCEPT',
      source: { fileName: 'test.csv', sha256: null, format: 'csv' },
      actor: SYSTEM_ACTOR,
    });
    return runPlacement(t.deps, placementId, from(results), {
      actor: SYSTEM_ACTOR,
      crashAfterRows: options.crashAfterRows,
    });
  }
  const count = async (table: 'debtors' | 'cases' | 'claims' | 'debtor_possible_matches') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(engine);
    const make = async (code: string) => {
      const id = await insertCreditorWithMandate(t.deps.db, code, { code: 'M-ACCEPT' });
      await t.deps.db
        .insertInto('mandates')
        .values({
          creditor_id: id,
          code: 'M-STRICT',
          kind: 'collection',
          commission_rate_bp: 1500,
          starts_on: '2026-01-01',
          allocation_order: '[]',
          reject_file_on_error: true,
        })
        .execute();
      return id;
    };
    creditorId = await make('BANK-A');
    otherCreditorId = await make('BANK-B');
  });
  afterAll(() => t.close());

  it('creates debtors, cases and claims, and keeps case balances equal to the claims', async () => {
    const report = await importRows([
      row(1),
      row(2, { ref: 'CUST-1', claim: 'CLAIM-2' }),
      row(3, { first: 'Paul', last: 'Martin', birth: '1975-06-15' }),
    ]);
    expect(report).toMatchObject({ status: 'completed', rowsTotal: 3, rowsRejected: 0 });
    expect(report.counts).toMatchObject({
      debtorsCreated: 2,
      casesCreated: 2,
      claimsCreated: 3,
      claimsUpdated: 0,
      claimsUnchanged: 0,
    });
    const cases = await t.deps.db.selectFrom('cases').selectAll().where('creditor_id', '=', creditorId).execute();
    expect(cases).toHaveLength(2);
    for (const c of cases) {
      const claims = await t.deps.db.selectFrom('claims').selectAll().where('case_id', '=', c.id).execute();
      expect(c.balance_cents).toBe(
        claims.reduce((s, cl) => s + cl.principal_cents + cl.interest_cents + cl.fees_cents, 0),
      );
      expect(c.reference).toMatch(/^ACC-\d{4}-\d{6}$/);
    }
    const dupont = await t.deps.db
      .selectFrom('debtors')
      .innerJoin('debtor_addresses', 'debtor_addresses.debtor_id', 'debtors.id')
      .select(['debtor_addresses.time_zone', 'debtor_addresses.subdivision'])
      .where('last_name', '=', 'Dupont')
      .execute();
    expect(dupont).toEqual([{ time_zone: 'Europe/Paris', subdivision: '57' }]);
    // Each new case's timeline starts with its placement, as its stage history does.
    const placed = await t.deps.db
      .selectFrom('case_events')
      .select(['case_id', 'kind', 'data'])
      .where(
        'case_id',
        'in',
        cases.map((c) => c.id),
      )
      .execute();
    expect(placed.map((event) => event.case_id).sort()).toEqual(cases.map((c) => c.id).sort());
    for (const event of placed) {
      expect(event).toMatchObject({ kind: 'placement', data: { placementId: report.placementId } });
    }
    // The new cases join the work queues at the workspace's next sweep.
    const marked = await t.deps.db
      .selectFrom('queue_dirty')
      .select('debtor_id')
      .where(
        'debtor_id',
        'in',
        cases.map((c) => c.debtor_id),
      )
      .execute();
    expect(marked).toHaveLength(2);
    await workspaceSweep(t.deps);
    const entries = await t.deps.db
      .selectFrom('case_queue')
      .select(['case_id', 'segment_id'])
      .where(
        'case_id',
        'in',
        cases.map((c) => c.id),
      )
      .execute();
    expect(entries).toHaveLength(2);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = { debtors: await count('debtors'), cases: await count('cases'), claims: await count('claims') };
    const report = await importRows([
      row(1),
      row(2, { ref: 'CUST-1', claim: 'CLAIM-2' }),
      row(3, { first: 'Paul', last: 'Martin', birth: '1975-06-15' }),
    ]);
    expect(report.counts).toMatchObject({
      debtorsCreated: 0,
      casesCreated: 0,
      claimsCreated: 0,
      claimsUpdated: 0,
      claimsUnchanged: 3,
    });
    expect({ debtors: await count('debtors'), cases: await count('cases'), claims: await count('claims') }).toEqual(
      before,
    );
  });

  it('updates a changed claim, reports it as an update and moves the balance', async () => {
    await t.deps.db.deleteFrom('queue_dirty').execute();
    const report = await importRows([row(1, { principal: 50_000 })]);
    expect(report.counts).toMatchObject({ claimsCreated: 0, claimsUpdated: 1 });
    const claim = await t.deps.db
      .selectFrom('claims')
      .innerJoin('cases', 'cases.id', 'claims.case_id')
      .select(['claims.principal_cents', 'cases.balance_cents'])
      .where('claims.reference', '=', 'CLAIM-1')
      .executeTakeFirstOrThrow();
    expect(claim.principal_cents).toBe(50_000);
    expect(claim.balance_cents).toBe(50_000 + 1_250 + 100_002 + 1_250);
    // The case is an older one, and its debtor is marked for the queue's next sweep all the same.
    const marked = await t.deps.db
      .selectFrom('queue_dirty')
      .innerJoin('cases', 'cases.debtor_id', 'queue_dirty.debtor_id')
      .innerJoin('claims', 'claims.case_id', 'cases.id')
      .select('claims.reference')
      .execute();
    expect(marked.map((m) => m.reference).sort()).toEqual(['CLAIM-1', 'CLAIM-2']);
  });

  it('keeps one record for one person across creditors, matched on name and birth date', async () => {
    const before = await count('debtors');
    const report = await importRows([row(10, { ref: 'B-77', claim: 'B-CLAIM-1' })], { creditor: otherCreditorId });
    expect(report.counts).toMatchObject({ debtorsCreated: 0, debtorsMatchedByIdentity: 1, casesCreated: 1 });
    expect(await count('debtors')).toBe(before);
    const cases = await t.deps.db
      .selectFrom('cases')
      .innerJoin('debtors', 'debtors.id', 'cases.debtor_id')
      .select(['cases.creditor_id'])
      .where('debtors.last_name', '=', 'Dupont')
      .execute();
    expect(new Set(cases.map((c) => c.creditor_id))).toEqual(new Set([creditorId, otherCreditorId]));
  });

  it('never merges two different people with the same name', async () => {
    const before = await count('debtors');
    const report = await importRows([row(20, { ref: 'CUST-20', birth: '1991-09-09' })]);
    expect(report.counts).toMatchObject({ debtorsCreated: 1, debtorsMatchedByIdentity: 0, possibleMatches: 0 });
    expect(await count('debtors')).toBe(before + 1);
  });

  it('makes one debtor of a new person named by two files imported at the same time', async () => {
    const person = { first: 'Lucien', last: 'Marchal', birth: '1975-05-05' };
    const [a, b] = await Promise.all([
      importRows([row(40, { ...person, ref: 'A-LM', claim: 'A-LM-1' })]),
      importRows([row(41, { ...person, ref: 'B-LM', claim: 'B-LM-1' })], { creditor: otherCreditorId }),
    ]);
    const debtors = await t.deps.db.selectFrom('debtors').select('id').where('last_name', '=', 'Marchal').execute();
    expect(debtors).toHaveLength(1);
    expect([a.counts?.debtorsCreated, b.counts?.debtorsCreated].sort()).toEqual([0, 1]);
    expect((a.counts?.debtorsMatchedByIdentity ?? 0) + (b.counts?.debtorsMatchedByIdentity ?? 0)).toBe(1);
  });

  it('records a possible match for review when a birth date is missing, without merging', async () => {
    const before = await count('debtors');
    const report = await importRows([row(30, { ref: 'CUST-30', birth: null })]);
    expect(report.counts).toMatchObject({ debtorsCreated: 1, possibleMatches: 2 });
    expect(await count('debtors')).toBe(before + 1);
    const matches = await t.deps.db.selectFrom('debtor_possible_matches').select(['status', 'reason']).execute();
    expect(matches.every((m) => m.status === 'open' && /pas de date de naissance/.test(m.reason))).toBe(true);
  });

  it('imports the good rows and reports the bad ones when the mandate accepts partial files', async () => {
    const bad: RowResult = {
      ok: false,
      errors: [
        {
          line: 41,
          column: 'principal',
          value: '12,345',
          code: 'amount.too_many_decimals',
          message: 'Use at most two decimals.',
        },
      ],
    };
    const report = await importRows([row(40), bad, row(42, { claim: 'CLAIM-40' })]);
    expect(report).toMatchObject({ status: 'completed', rowsTotal: 3, rowsRejected: 2 });
    const errors = await t.deps.db
      .selectFrom('placement_errors')
      .select(['line', 'code'])
      .where('placement_id', '=', report.placementId)
      .orderBy('line')
      .execute();
    expect(errors).toEqual([
      { line: 41, code: 'amount.too_many_decimals' },
      { line: 42, code: 'claim_reference.duplicate' },
    ]);
    expect(
      await t.deps.db.selectFrom('claims').select('reference').where('reference', '=', 'CLAIM-40').execute(),
    ).toHaveLength(1);
  });

  it('imports nothing of a file with a bad row when the mandate rejects such files', async () => {
    const before = await count('claims');
    const bad: RowResult = {
      ok: false,
      errors: [
        { line: 2, column: 'default_date', value: '31/02/2026', code: 'date.invalid', message: 'Not a calendar date.' },
      ],
    };
    const report = await importRows([row(50), bad], { mandate: 'M-STRICT' });
    expect(report.status).toBe('rejected');
    expect(await count('claims')).toBe(before);
    const placement = await t.deps.db
      .selectFrom('placements')
      .select(['status', 'rows_rejected'])
      .where('id', '=', report.placementId)
      .executeTakeFirstOrThrow();
    expect(placement).toEqual({ status: 'rejected', rows_rejected: 1 });
  });

  it('leaves the database as it was when the import crashes midway', async () => {
    const before = { debtors: await count('debtors'), cases: await count('cases'), claims: await count('claims') };
    const many = Array.from({ length: 45_000 }, (_, i) => row(1_000 + i, { first: `P${i}`, claim: `CRASH-${i}` }));
    await expect(importRows(many, { crashAfterRows: 20_000 })).rejects.toThrow(/simulated crash/);
    expect({ debtors: await count('debtors'), cases: await count('cases'), claims: await count('claims') }).toEqual(
      before,
    );
    const failed = await t.deps.db.selectFrom('placements').select('status').where('status', '=', 'failed').execute();
    expect(failed).toHaveLength(1);
  });

  it('refuses to move a claim to another debtor, and follows its debtor under a new reference', async () => {
    const odile = { first: 'Odile', last: 'Ancel', birth: '1968-01-12' };
    await importRows([row(50, { ...odile, ref: 'OD-A', claim: 'OD-CLAIM' })]);
    const before = { debtors: await count('debtors'), cases: await count('cases') };
    const moved = await importRows([
      row(51, { first: 'Paul', last: 'Berger', birth: '1990-03-03', ref: 'PB-1', claim: 'OD-CLAIM' }),
    ]);
    expect(moved.rowsRejected).toBe(1);
    expect(moved.counts).toMatchObject({ debtorsCreated: 0, casesCreated: 0, claimsCreated: 0, claimsUpdated: 0 });
    const errors = await t.deps.db
      .selectFrom('placement_errors')
      .select(['line', 'code', 'column_name'])
      .where('placement_id', '=', moved.placementId)
      .execute();
    expect(errors).toEqual([{ line: 51, code: 'claim_reference.other_debtor', column_name: 'debtor_reference' }]);
    expect({ debtors: await count('debtors'), cases: await count('cases') }).toEqual(before);
    // The same person under a reference the creditor has just changed: matched by identity, the claim updated.
    const renamed = await importRows([row(52, { ...odile, ref: 'OD-A2', claim: 'OD-CLAIM', principal: 77_000 })]);
    expect(renamed.rowsRejected).toBe(0);
    expect(renamed.counts).toMatchObject({ debtorsMatchedByIdentity: 1, casesCreated: 0, claimsUpdated: 1 });
  });

  it('recalls claims, closes the case as returned, and reports unknown references', async () => {
    const report = await importRows([
      row(3, { op: 'recall', ref: 'CUST-3', claim: 'CLAIM-3' }),
      row(4, { op: 'recall', claim: 'NEVER-PLACED' }),
    ]);
    expect(report.counts).toMatchObject({ claimsRecalled: 1, casesClosed: 1 });
    expect(report.rowsRejected).toBe(1);
    const closed = await t.deps.db
      .selectFrom('claims')
      .innerJoin('cases', 'cases.id', 'claims.case_id')
      .select(['claims.status', 'cases.status as case_status', 'cases.close_reason', 'cases.balance_cents'])
      .where('claims.reference', '=', 'CLAIM-3')
      .executeTakeFirstOrThrow();
    expect(closed).toEqual({ status: 'recalled', case_status: 'closed', close_reason: 'recalled', balance_cents: 0 });
    const errors = await t.deps.db
      .selectFrom('placement_errors')
      .select('code')
      .where('placement_id', '=', report.placementId)
      .execute();
    expect(errors).toEqual([{ code: 'claim_reference.unknown' }]);
  });

  it('opens no case when a recalled claim comes back in the same file again', async () => {
    const before = await count('cases');
    const again = await importRows([row(3, { ref: 'CUST-3', claim: 'CLAIM-3' })]);
    expect(again.counts).toMatchObject({ casesCreated: 0, claimsCreated: 0, claimsUpdated: 0, claimsUnchanged: 1 });
    expect(await count('cases')).toBe(before);
    const claim = await t.deps.db
      .selectFrom('claims')
      .select('status')
      .where('reference', '=', 'CLAIM-3')
      .executeTakeFirstOrThrow();
    expect(claim.status).toBe('recalled');
  });

  it('audits each placement and keeps the chain valid', async () => {
    const entries = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'placement')
      .execute();
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['placement.imported', 'placement.rejected']));
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
