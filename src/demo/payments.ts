import type { Deps } from '../platform/deps.js';
import { staffActor } from '../identity/actor.js';
import { recordPayment } from '../payments/record-payment.js';
import type { Random } from './random.js';
import { DAY_MS, localDateOf } from '../platform/calendar/index.js';

/**
 * Some demo debtors have paid part of what they owe in the last two months, through the real payment service, so
 * cases show payments, receipts and allocations, and creditors have something to be remitted.
 */
export async function loadDemoPayments(deps: Deps, random: Random, count: number): Promise<number> {
  const manager = await deps.db.selectFrom('users').selectAll().where('role', '=', 'manager').executeTakeFirst();
  if (!manager) return 0;
  const actor = staffActor(manager);
  const cases = await deps.db
    .selectFrom('cases')
    .select(['id', 'balance_cents', 'opened_on'])
    .where('status', '=', 'open')
    .where('stage', '=', 'amicable')
    .where('balance_cents', '>', 10_000)
    .orderBy('reference')
    .execute();
  const now = deps.now().getTime();
  let recorded = 0;
  for (let index = 0; index < count && cases.length > 0; index += 1) {
    const target = cases[random.int(0, cases.length - 1)]!;
    // Round amounts, as people pay: 20 € to a fifth of what is owed.
    const amountCents = Math.max(2_000, Math.round((target.balance_cents * random.int(2, 20)) / 100 / 1_000) * 1_000);
    const drawn = localDateOf(now - random.int(1, 60) * DAY_MS, deps.config.AGENCY_TZ);
    // Never before the case was opened: a payment predating the placement is refused.
    const receivedOn = drawn < target.opened_on ? target.opened_on : drawn;
    await recordPayment(
      deps,
      actor,
      {
        caseId: target.id,
        amountCents,
        channel: random.pick(['bank_transfer', 'bank_transfer', 'card', 'cheque', 'direct_debit'] as const),
        receivedOn,
      },
      { idempotencyKey: `demo-payment-${index}`, source: 'web' },
    );
    recorded += 1;
  }
  return recorded;
}

/**
 * The year behind the portfolio's curves: on cases placed at least three months ago, payments spread from their
 * placement to two months ago (the recent ones are `loadDemoPayments`'), through the real payment service, so the
 * portfolio performance page draws liquidation curves that climb month after month. Its own random sequence, so the
 * rest of the demo draws what it drew before.
 */
export async function loadDemoPaymentHistory(deps: Deps, random: Random, count: number): Promise<number> {
  const manager = await deps.db.selectFrom('users').selectAll().where('role', '=', 'manager').executeTakeFirst();
  if (!manager) return 0;
  const actor = staffActor(manager);
  const zone = deps.config.AGENCY_TZ;
  const now = deps.now().getTime();
  const twoMonthsAgo = localDateOf(now - 61 * DAY_MS, zone);
  const cases = await deps.db
    .selectFrom('cases')
    .select(['id', 'balance_cents', 'opened_on'])
    .where('status', '=', 'open')
    .where('stage', '=', 'amicable')
    .where('balance_cents', '>', 20_000)
    .where('opened_on', '<=', localDateOf(now - 92 * DAY_MS, zone))
    .orderBy('reference')
    .execute();
  const balances = new Map(cases.map((c) => [c.id, Number(c.balance_cents)]));
  let recorded = 0;
  for (let index = 0; index < count && cases.length > 0; index += 1) {
    const target = cases[random.int(0, cases.length - 1)]!;
    const balance = balances.get(target.id)!;
    // A tenth to a quarter of what is left, in whole tens of euros: what a person pays when they can.
    const amountCents = Math.round((balance * random.int(10, 25)) / 100 / 1_000) * 1_000;
    if (amountCents < 2_000 || amountCents > balance) continue;
    const openedAt = new Date(`${target.opened_on}T12:00:00Z`).getTime();
    const lastDay = new Date(`${twoMonthsAgo}T12:00:00Z`).getTime();
    const days = Math.max(0, Math.floor((lastDay - openedAt) / DAY_MS));
    const receivedOn = localDateOf(openedAt + random.int(0, days) * DAY_MS, zone);
    await recordPayment(
      deps,
      actor,
      {
        caseId: target.id,
        amountCents,
        channel: random.pick(['bank_transfer', 'bank_transfer', 'direct_debit', 'card', 'cheque'] as const),
        receivedOn,
      },
      { idempotencyKey: `demo-history-${index}`, source: 'web' },
    );
    balances.set(target.id, balance - amountCents);
    recorded += 1;
  }
  return recorded;
}
