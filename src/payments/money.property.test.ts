import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoEmail, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import type { Actor } from '../identity/actor.js';
import { verifyLedger } from '../ledger/verify.js';
import { adjustClaim, allocateCredit, refundCredit } from './credit.js';
import { recordPayment } from './record-payment.js';
import { reversePayment } from './reverse-payment.js';

/**
 * Random sequences of payments, reversals, corrections, refunds and credit allocations, through the real services
 * on a real database: money is conserved (what was received and not reversed is either on a claim, in the debtor's
 * credit or refunded), no balance goes below zero, the debtor's credit never goes below zero (a payment whose surplus
 * was refunded or moved to their other case is not reversed), and ledger:verify finds nothing.
 */

type Operation =
  | { op: 'pay'; amountCents: number; key: number }
  | { op: 'reverse'; pick: number }
  | { op: 'adjust'; claim: number; component: 'principal' | 'interest' | 'fees'; amountCents: number }
  | { op: 'refund'; share: number }
  | { op: 'allocate_credit'; other: boolean }
  /** Overpay, refund the surplus or move it to the debtor's other case, then try to reverse the payment. */
  | { op: 'surplus_then_reverse'; extraCents: number; move: boolean };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('pay' as const),
      amountCents: fc.integer({ min: 1, max: 200_000 }),
      key: fc.integer({ min: 0, max: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('adjust' as const),
      claim: fc.nat(),
      component: fc.constantFrom('principal' as const, 'interest' as const, 'fees' as const),
      amountCents: fc.integer({ min: -30_000, max: 30_000 }).filter((x) => x !== 0),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('refund' as const), share: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('allocate_credit' as const), other: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('surplus_then_reverse' as const),
      extraCents: fc.integer({ min: 1, max: 50_000 }),
      move: fc.boolean(),
    }),
  },
);

const claimsArbitrary = fc.array(
  fc.record({
    principal: fc.integer({ min: 0, max: 150_000 }),
    interest: fc.integer({ min: 0, max: 20_000 }),
    fees: fc.integer({ min: 0, max: 5_000 }),
    dueOn: fc.constantFrom('2025-01-15', '2025-09-01', '2026-06-30', '2027-03-01'),
  }),
  { minLength: 1, maxLength: 3 },
);

describe.each(ENGINES)('money over random sequences on %s', (engine) => {
  let t: TestApp;
  let actor: Actor;
  let run = 0;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    t.clock.now = new Date('2026-11-24T10:00:00Z');
    const user = await t.deps.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', demoEmail('manager'))
      .executeTakeFirstOrThrow();
    actor = {
      userId: user.id,
      role: user.role,
      creditorId: null,
      displayName: user.display_name,
      email: user.email,
      locale: 'fr',
    };
  });
  afterAll(async () => t?.close());

  it('conserves money, keeps every balance at zero or more, and leaves ledger:verify clean', async () => {
    const creditor = await t.deps.db
      .selectFrom('creditors')
      .select('id')
      .where('code', '=', 'BHORIZON')
      .executeTakeFirstOrThrow();
    const mandate = await t.deps.db
      .selectFrom('mandates')
      .select('id')
      .where('creditor_id', '=', creditor.id)
      .executeTakeFirstOrThrow();
    const otherMandate = await t.deps.db
      .selectFrom('mandates')
      .select(['id', 'creditor_id'])
      .where('creditor_id', '<>', creditor.id)
      .limit(1)
      .executeTakeFirstOrThrow();
    await fc.assert(
      fc.asyncProperty(
        claimsArbitrary,
        fc.array(operation, { minLength: 1, maxLength: 10 }),
        async (claimSpecs, operations) => {
          run += 1;
          const reference = `PROP-${engine}-${run}`;
          const debtor = await t.deps.db
            .insertInto('debtors')
            .values({ kind: 'person', last_name: reference })
            .returning('id')
            .executeTakeFirstOrThrow();
          const created = await t.deps.db
            .insertInto('cases')
            .values({
              reference,
              creditor_id: creditor.id,
              mandate_id: mandate.id,
              debtor_id: debtor.id,
              stage: 'amicable',
              opened_on: '2026-01-01',
              balance_cents: claimSpecs.reduce((sum, spec) => sum + spec.principal + spec.interest + spec.fees, 0),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          const claims = await t.deps.db
            .insertInto('claims')
            .values(
              claimSpecs.map((spec, index) => ({
                case_id: created.id,
                creditor_id: creditor.id,
                reference: `${reference}-${index}`,
                contract_type: 'other' as const,
                principal_cents: spec.principal,
                interest_cents: spec.interest,
                fees_cents: spec.fees,
                default_on: spec.dueOn,
              })),
            )
            .returning('id')
            .execute();
          // The debtor's case with another creditor, where a surplus can be moved.
          const otherCase = await t.deps.db
            .insertInto('cases')
            .values({
              reference: `${reference}-B`,
              creditor_id: otherMandate.creditor_id,
              mandate_id: otherMandate.id,
              debtor_id: debtor.id,
              stage: 'amicable',
              opened_on: '2026-01-01',
              balance_cents: 40_000,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await t.deps.db
            .insertInto('claims')
            .values({
              case_id: otherCase.id,
              creditor_id: otherMandate.creditor_id,
              reference: `${reference}-B-0`,
              contract_type: 'other',
              principal_cents: 40_000,
              default_on: '2025-09-01',
            })
            .execute();
          const creditOf = async () =>
            Number(
              (
                await sql<{
                  credit: number;
                }>`select coalesce(-sum(amount_cents), 0)::bigint as credit from ledger_entries where account = 'debtor_credit' and debtor_id = ${debtor.id}`.execute(
                  t.deps.db,
                )
              ).rows[0]!.credit,
            );
          const payments: string[] = [];
          for (const step of operations) {
            // Refusals that protect an invariant (a correction below zero, nothing to refund) are expected answers.
            const tolerate = async (work: () => Promise<unknown>) => {
              try {
                await work();
              } catch (error) {
                if (!(
                  error instanceof Error &&
                  'status' in error &&
                  [404, 409, 422].includes((error as { status: number }).status)
                ))
                  throw error;
              }
            };
            if (step.op === 'pay') {
              const { payment } = await recordPayment(
                t.deps,
                actor,
                {
                  caseId: created.id,
                  amountCents: step.amountCents,
                  channel: 'bank_transfer',
                  receivedOn: '2026-11-24',
                },
                // A reused key with another amount must be refused, never recorded.
                { idempotencyKey: `${reference}-${step.key}-${step.amountCents}`, source: 'api' },
              );
              if (!payments.includes(payment.id)) payments.push(payment.id);
            } else if (step.op === 'reverse' && payments.length > 0) {
              await tolerate(() =>
                reversePayment(t.deps, actor, payments[step.pick % payments.length]!, {
                  kind: 'error',
                  reason: 'Propriété',
                }),
              );
            } else if (step.op === 'adjust') {
              await tolerate(() =>
                adjustClaim(t.deps, actor, claims[step.claim % claims.length]!.id, {
                  component: step.component,
                  amountCents: step.amountCents,
                  reason: 'Propriété',
                }),
              );
            } else if (step.op === 'refund') {
              const amount = Math.floor((await creditOf()) * step.share);
              if (amount > 0)
                await refundCredit(t.deps, actor, debtor.id, { amountCents: amount, reason: 'Propriété' });
            } else if (step.op === 'allocate_credit') {
              await tolerate(() => allocateCredit(t.deps, actor, step.other ? otherCase.id : created.id));
            } else if (step.op === 'surplus_then_reverse') {
              const owed = (
                await t.deps.db
                  .selectFrom('cases')
                  .select('balance_cents')
                  .where('id', '=', created.id)
                  .executeTakeFirstOrThrow()
              ).balance_cents;
              const { payment } = await recordPayment(
                t.deps,
                actor,
                {
                  caseId: created.id,
                  amountCents: owed + step.extraCents,
                  channel: 'cheque',
                  receivedOn: '2026-11-24',
                },
                { idempotencyKey: `${reference}-surplus-${payments.length}-${owed}-${step.extraCents}`, source: 'api' },
              );
              if (!payments.includes(payment.id)) payments.push(payment.id);
              if (step.move) await tolerate(() => allocateCredit(t.deps, actor, otherCase.id));
              else if ((await creditOf()) > 0)
                await refundCredit(t.deps, actor, debtor.id, { amountCents: await creditOf(), reason: 'Propriété' });
              await tolerate(() =>
                reversePayment(t.deps, actor, payment.id, { kind: 'bounced_cheque', reason: 'Propriété' }),
              );
            }
            // Whatever the step, the debtor's credit is never below zero.
            expect(await creditOf()).toBeGreaterThanOrEqual(0);
          }

          const money = await sql<{ received: number; onClaims: number; credit: number; refunded: number }>`
          select
            (select coalesce(sum(amount_cents), 0) from payments where debtor_id = ${debtor.id} and status = 'recorded')::bigint as received,
            (select coalesce(-sum(e.amount_cents), 0) from ledger_entries e join ledger_transactions tr on tr.id = e.transaction_id
              left join ledger_transactions o on o.id = tr.reverses_id
              where e.account = 'claim' and coalesce(o.kind, tr.kind) = 'allocation' and e.claim_id in (select id from claims where case_id in (${created.id}, ${otherCase.id})))::bigint as "onClaims",
            (select coalesce(-sum(amount_cents), 0) from ledger_entries where account = 'debtor_credit' and debtor_id = ${debtor.id})::bigint as credit,
            (select coalesce(-sum(e.amount_cents), 0) from ledger_entries e join ledger_transactions tr on tr.id = e.transaction_id
              where tr.kind = 'refund' and e.account = 'cash' and e.transaction_id in (
                select transaction_id from ledger_entries where account = 'debtor_credit' and debtor_id = ${debtor.id}))::bigint as refunded`.execute(
            t.deps.db,
          );
          const m = money.rows[0]!;
          expect(Number(m.received)).toBe(Number(m.onClaims) + Number(m.credit) + Number(m.refunded));

          const owed = await t.deps.db
            .selectFrom('claims')
            .select((eb) => [
              eb('principal_cents', '-', eb.ref('settled_principal_cents')).as('principal'),
              eb('interest_cents', '-', eb.ref('settled_interest_cents')).as('interest'),
              eb('fees_cents', '-', eb.ref('settled_fees_cents')).as('fees'),
            ])
            .where('case_id', 'in', [created.id, otherCase.id])
            .execute();
          for (const claim of owed) {
            expect(Number(claim.principal)).toBeGreaterThanOrEqual(0);
            expect(Number(claim.interest)).toBeGreaterThanOrEqual(0);
            expect(Number(claim.fees)).toBeGreaterThanOrEqual(0);
          }
          const verification = await verifyLedger(t.deps.db);
          expect(verification.violation).toBeNull();
        },
      ),
      { numRuns: 40 },
    );
  });
});
