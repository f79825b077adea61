import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { staffActor } from '../identity/actor.js';
import { DAY_MS, localDateOf } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { recordPayment } from '../payments/record-payment.js';
import { Random } from './random.js';

/** The default strategy's segment with a challenger (src/workspace/core/default-strategy.ts) and its conditions. */
const SEGMENT = 'new-large';
const SHARE_PERCENT = 20;
const MIN_PLACED_CENTS = 300_000;
/** The chance a case of each arm paid something in its first months: the challenger a little ahead. */
const PAYS: Record<'champion' | 'challenger', number> = { champion: 0.22, challenger: 0.34 };

/** The arm of a case, by a hash of its reference (stable on every machine, unlike its random id). */
export function demoArm(reference: string): 'champion' | 'challenger' {
  const bucket = createHash('sha256').update(`${SEGMENT}:${reference}`).digest().readUInt32BE(0) % 100;
  return bucket < SHARE_PERCENT ? 'challenger' : 'champion';
}

/**
 * A year of the champion/challenger test of the default strategy, as history: the demo's large cases placed between
 * a year and four months ago (out of the segment today, past its 90 days) were assigned to `new-large` on the day
 * they were placed, in the arm their reference's hash gives, and some paid in their first months, the challenger's a
 * little more often. Payments through the payment service; chosen by their facts and references, never by position
 * or random id, so the comparison is the same on every machine.
 */
export async function loadDemoChallenger(deps: Deps): Promise<{ enrolled: number; payments: number }> {
  const manager = await deps.db.selectFrom('users').selectAll().where('role', '=', 'manager').executeTakeFirst();
  if (!manager) return { enrolled: 0, payments: 0 };
  const zone = deps.config.AGENCY_TZ;
  const now = deps.now().getTime();
  const cases = await deps.db
    .selectFrom('cases as c')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('claims')
          .select(['case_id', sql<string>`sum(principal_cents + interest_cents + fees_cents)`.as('placed')])
          .groupBy('case_id')
          .as('cl'),
      (join) => join.onRef('cl.case_id', '=', 'c.id'),
    )
    .select(['c.id', 'c.reference', 'c.opened_on', 'c.balance_cents'])
    .where('c.status', '=', 'open')
    .where('c.stage', '=', 'amicable')
    .where('c.opened_on', '>=', localDateOf(now - 365 * DAY_MS, zone))
    .where('c.opened_on', '<=', localDateOf(now - 120 * DAY_MS, zone))
    .where(sql<boolean>`cl.placed >= ${MIN_PLACED_CENTS}`)
    .orderBy('c.reference')
    .execute();
  if (cases.length === 0) return { enrolled: 0, payments: 0 };
  const version = await deps.db
    .selectFrom('strategy_versions')
    .select('version')
    .orderBy('version')
    .limit(1)
    .executeTakeFirstOrThrow();
  const enrolled = cases.map((kase) => ({
    ...kase,
    arm: demoArm(kase.reference),
    day: typeof kase.opened_on === 'string' ? kase.opened_on : localDateOf(new Date(kase.opened_on).getTime(), zone),
  }));
  await deps.db
    .insertInto('strategy_assignments')
    .values(
      enrolled.map((kase) => ({
        case_id: kase.id,
        strategy_version: version.version,
        segment_id: SEGMENT,
        arm: kase.arm,
        assigned_at: new Date(`${kase.day}T09:00:00Z`),
      })),
    )
    .execute();

  const random = new Random(20261207);
  const actor = staffActor(manager);
  let payments = 0;
  for (const kase of enrolled) {
    const pays = random.chance(PAYS[kase.arm]);
    const days = random.int(5, 80);
    const share = random.int(8, 30);
    if (!pays) continue;
    const balance = Number(kase.balance_cents);
    const amountCents = Math.round((balance * share) / 100 / 1_000) * 1_000;
    if (amountCents < 2_000 || amountCents > balance) continue;
    const receivedOn = localDateOf(new Date(`${kase.day}T12:00:00Z`).getTime() + days * DAY_MS, zone);
    await recordPayment(
      deps,
      actor,
      { caseId: kase.id, amountCents, channel: 'bank_transfer', receivedOn },
      { idempotencyKey: `demo-challenger-${kase.reference}`, source: 'web' },
    );
    payments += 1;
  }
  return { enrolled: enrolled.length, payments };
}
