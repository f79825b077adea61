import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../test/support/database.js';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { appendCaseEvent, recordText } from './append-case-event.js';
import { changeCase } from './change-case.js';
import { closeEmptiedCases } from './close-emptied-cases.js';
import { decideCaseChange } from './core/lifecycle.js';

const NOW = new Date('2026-05-04T09:30:00Z');

describe.each(ENGINES)('the case lifecycle in the database on %s', (engine) => {
  let test: TestDatabase;
  let db: Kysely<DB>;
  let creditorId = '';
  let mandateId = '';
  let serial = 0;

  /** An open case with one claim of the given status (amount 1,000 €, nothing settled). */
  async function caseWith(
    claimStatus: 'open' | 'recalled' | 'closed' | 'paid',
    stage: 'amicable' | 'plan' = 'amicable',
  ) {
    serial += 1;
    const debtor = await db
      .insertInto('debtors')
      .values({ kind: 'person', first_name: 'Léa', last_name: `Cycle-${serial}`, language: 'fr' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await db
      .insertInto('cases')
      .values({
        reference: `LIFE-${serial}`,
        creditor_id: creditorId,
        mandate_id: mandateId,
        debtor_id: debtor.id,
        stage,
        opened_on: '2026-01-05',
        balance_cents: claimStatus === 'open' ? 100_000 : 0,
      })
      .returning(['id', 'debtor_id'])
      .executeTakeFirstOrThrow();
    await db
      .insertInto('claims')
      .values({
        case_id: row.id,
        creditor_id: creditorId,
        reference: `LIFE-${serial}-1`,
        contract_type: 'consumer_credit',
        principal_cents: 100_000,
        default_on: '2025-09-01',
        status: claimStatus,
      })
      .execute();
    return row;
  }

  const written = async (caseId: string) => ({
    row: await db
      .selectFrom('cases')
      .select(['stage', 'status', 'close_reason', 'closed_on', 'balance_cents', 'stage_changed_at'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow(),
    history: await db
      .selectFrom('case_stage_history')
      .select(['from_stage', 'to_stage', 'reason', 'reason_key', 'reason_params', 'changed_at'])
      .where('case_id', '=', caseId)
      .execute(),
    events: await db
      .selectFrom('case_events')
      .select(['kind', 'summary', 'summary_key', 'summary_params', 'data', 'occurred_at'])
      .where('case_id', '=', caseId)
      .execute(),
  });

  beforeAll(async () => {
    test = await createTestDatabase(engine);
    db = test.database.db;
    ({ id: creditorId } = await db
      .insertInto('creditors')
      .values({
        code: 'LIFE',
        name: 'Cycle SA',
        legal_name: 'Cycle SA',
        sector: 'bank',
        country: 'FR',
        address_line1: '1 rue du Test',
        postal_code: '75001',
        city: 'Paris',
      })
      .returning('id')
      .executeTakeFirstOrThrow());
    ({ id: mandateId } = await db
      .insertInto('mandates')
      .values({
        creditor_id: creditorId,
        code: 'LIFE-M',
        kind: 'collection',
        commission_rate_bp: 1500,
        allocation_order: JSON.stringify([]),
        starts_on: '2026-01-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow());
  });
  afterAll(async () => test?.drop());

  it('writes the change, its stage history line and its one timeline event, as the lifecycle decided', async () => {
    const created = await caseWith('open');
    const outcome = await db.transaction().execute((trx) =>
      changeCase(trx, {
        caseId: created.id,
        change: { reason: 'plan_agreed', planId: 'plan-x', planVersion: 1 },
        actorUserId: null,
        now: NOW,
      }),
    );
    expect(outcome.outcome).toBe('changed');
    const after = await written(created.id);
    expect(after.row).toMatchObject({
      stage: 'plan',
      status: 'open',
      close_reason: null,
      closed_on: null,
      balance_cents: 100_000,
    });
    expect(after.row.stage_changed_at.toISOString()).toBe(NOW.toISOString());
    expect(after.history).toEqual([
      {
        from_stage: 'amicable',
        to_stage: 'plan',
        reason: null,
        reason_key: 'plan_agreed',
        reason_params: { planVersion: 1 },
        changed_at: NOW,
      },
    ]);
    expect(after.events).toEqual([
      {
        kind: 'stage_change',
        summary: null,
        summary_key: 'plan_agreed',
        summary_params: { planVersion: 1 },
        occurred_at: NOW,
        data: {
          reason: 'plan_agreed',
          planId: 'plan-x',
          fromStage: 'amicable',
          toStage: 'plan',
          fromStatus: 'open',
          toStatus: 'open',
        },
      },
    ]);
  });

  it('refuses what the lifecycle refuses with its code, and writes nothing for a change that leaves the case where it is', async () => {
    const owing = await caseWith('open');
    await expect(
      db
        .transaction()
        .execute((trx) =>
          changeCase(trx, { caseId: owing.id, change: { reason: 'paid_in_full' }, actorUserId: null, now: NOW }),
        ),
    ).rejects.toMatchObject({ code: 'cases.claims_open', status: 409 });
    const inPlan = await caseWith('open', 'plan');
    const outcome = await db.transaction().execute((trx) =>
      changeCase(trx, {
        caseId: inPlan.id,
        change: { reason: 'plan_agreed', planId: 'p', planVersion: 2 },
        actorUserId: null,
        now: NOW,
      }),
    );
    expect(outcome.outcome).toBe('unchanged');
    expect(await written(inPlan.id)).toMatchObject({ history: [], events: [] });
  });

  it('closes emptied cases in bulk exactly as the lifecycle closes one', async () => {
    const recalled = await caseWith('recalled', 'plan');
    const closedByCreditor = await caseWith('closed');
    const stillOpen = await caseWith('open');
    const twin = await caseWith('recalled', 'plan');
    const count = await db.transaction().execute((trx) =>
      closeEmptiedCases(trx, {
        caseIds: sql`select unnest(${[recalled.id, closedByCreditor.id, stillOpen.id]}::uuid[])`,
        actorUserId: null,
        now: NOW,
        today: '2026-05-04',
      }),
    );
    expect(count).toBe(2);
    await db.transaction().execute((trx) =>
      changeCase(trx, {
        caseId: twin.id,
        change: { reason: 'recalled' },
        actorUserId: null,
        now: NOW,
        today: '2026-05-04',
      }),
    );
    const bulk = await written(recalled.id);
    const one = await written(twin.id);
    expect(bulk).toEqual(one);
    expect(bulk.row).toMatchObject({
      stage: 'closed',
      status: 'closed',
      close_reason: 'recalled',
      closed_on: '2026-05-04',
      balance_cents: 0,
    });
    const expected = decideCaseChange(
      {
        stage: 'plan',
        status: 'open',
        closeReason: null,
        closedOn: null,
        balanceCents: 0,
        openClaims: 0,
        paidClaims: 0,
        stageBeforeClosing: null,
      },
      { reason: 'recalled' },
      NOW,
      '2026-05-04',
    );
    expect(expected.outcome === 'changed' && bulk.events[0]).toEqual({
      kind: 'stage_change',
      summary: null,
      summary_key: expected.outcome === 'changed' ? expected.event.summary.key : '',
      summary_params: expected.outcome === 'changed' ? expected.event.summary.params : {},
      data: expected.outcome === 'changed' ? expected.event.data : {},
      occurred_at: NOW,
    });
    expect((await written(closedByCreditor.id)).row).toMatchObject({ status: 'closed', close_reason: 'settled' });
    expect((await written(stillOpen.id)).row).toMatchObject({ status: 'open' });
    // A closed case is left out, so running it again changes nothing.
    const again = await db.transaction().execute((trx) =>
      closeEmptiedCases(trx, {
        caseIds: sql`select ${recalled.id}::uuid`,
        actorUserId: null,
        now: NOW,
        today: '2026-05-04',
      }),
    );
    expect(again).toBe(0);
  });

  it('appends a timeline line only inside a transaction', async () => {
    const created = await caseWith('open');
    await expect(
      appendCaseEvent(db, {
        caseId: created.id,
        debtorId: created.debtor_id,
        at: NOW,
        kind: 'note',
        summary: recordText('note', { text: 'hors transaction' }),
      }),
    ).rejects.toThrow(/inside the transaction/);
  });
});
