import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { loadContactFactsMany } from '../contact-policy/load-facts.js';
import { queueEntry } from './core/queue-entry.js';
import { loadQueueBatch } from './queue-facts-batch.js';
import { loadQueueFacts } from './queue-facts.js';
import { rebuildQueue } from './rebuild-queue.js';
import { phoneVerdict, refreshContext } from './refresh-queue.js';

/** Wednesday 25 November 2026, 10:00 in Paris. */
const NOW = new Date('2026-11-25T09:00:00Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR).toISOString();

/**
 * Every kind of fact the queue and the contact policy read, on cases of the demo: holds of the debtor and of one case,
 * several at once, opt-outs, preferences, addresses (a newer secondary one, two primaries), callbacks, promises
 * broken and open, plans (the latest cancelled, an active one late), tasks, a death, a wrong number, a case with no
 * first letter, a closed case.
 */
async function varyFacts(t: TestApp, cases: { id: string; debtor_id: string }[]): Promise<void> {
  const run = (text: string, values: unknown[]) => t.deps.database.executeSql(text, values);
  const c = (i: number) => cases[i]!;
  const hold = (i: number, kind: string, caseLevel: boolean, starts: number, ends: number | null) =>
    run(
      `insert into holds (debtor_id, case_id, kind, reason, starts_at, ends_at, review_at) values ($1, $2, $3, 'test', $4, $5, $6)`,
      [c(i).debtor_id, caseLevel ? c(i).id : null, kind, at(starts), ends === null ? null : at(ends), at(24 * 30)],
    );
  await hold(0, 'vulnerability', false, -48, null);
  await hold(1, 'vulnerability', true, -48, null);
  await hold(2, 'debt_advice', false, -24, 24 * 10);
  await hold(2, 'dispute', true, -72, 24 * 5);
  await hold(2, 'represented', true, 2, 24 * 3);
  for (const channel of ['phone', 'sms'])
    await run(`insert into contact_opt_outs (debtor_id, channel, opted_out_at) values ($1, $2, $3)`, [
      c(3).debtor_id,
      channel,
      at(-5),
    ]);
  await run(`insert into contact_preferences (debtor_id, channels, windows, updated_at) values ($1, $2, $3, $4)`, [
    c(4).debtor_id,
    JSON.stringify(['email', 'phone']),
    JSON.stringify([{ days: ['wed', 'thu'], from: '11:00', to: '12:30' }]),
    at(-1),
  ]);
  const address = (i: number, primary: boolean, country: string, zone: string, hours: number) =>
    run(
      `insert into debtor_addresses (debtor_id, line1, postal_code, city, country, subdivision, time_zone, is_primary, created_at)
       values ($1, '1 rue du Test', '75001', 'Test', $2, $3, $4, $5, $6)`,
      [c(i).debtor_id, country, country === 'IT' ? 'MI' : null, zone, primary, at(hours)],
    );
  await address(5, false, 'IT', 'Europe/Rome', -1);
  await address(6, true, 'IT', 'Europe/Rome', -2);
  await address(7, true, 'FR', 'America/Martinique', -2);
  const callback = (i: number, hours: number) =>
    run(`insert into contact_callbacks (debtor_id, case_id, callback_at, requested_at) values ($1, $2, $3, $4)`, [
      c(i).debtor_id,
      c(i).id,
      at(hours),
      at(-30),
    ]);
  await callback(8, 3);
  await callback(8, 0);
  await callback(9, 26);
  const promise = (i: number, status: string, dueOn: string, hours: number) =>
    run(
      `insert into promises (case_id, debtor_id, amount_cents, due_on, status, created_at, resolved_at)
       values ($1, $2, 12345, $3, $4, $5, case when $4 = 'open' then null else $5::timestamptz end)`,
      [c(i).id, c(i).debtor_id, dueOn, status, at(hours)],
    );
  await promise(10, 'broken', '2026-11-01', -600);
  await promise(10, 'broken', '2026-11-10', -400);
  await promise(10, 'open', '2026-11-25', -100);
  await promise(11, 'open', '2026-12-02', -50);
  await plans(t, c(12), c(13));
  const task = (i: number, kind: string, hours: number) =>
    run(`insert into case_tasks (case_id, debtor_id, kind, due_at, created_at) values ($1, $2, $3, $4, $5)`, [
      c(i).id,
      c(i).debtor_id,
      kind,
      at(hours),
      at(-10),
    ]);
  await task(14, 'payment_check', 30);
  await task(14, 'callback_missed', -2);
  await task(14, 'promise_broken', -1);
  await run(`update debtors set deceased_on = '2026-11-20' where id = $1`, [c(15).debtor_id]);
  await run(`update debtor_contact_points set wrong_number_at = $2 where debtor_id = $1`, [c(16).debtor_id, at(-3)]);
  await run(`update cases set first_letter_sent_on = null where id = $1`, [c(17).id]);
  await run(
    `update cases set status = 'closed', stage = 'closed', closed_on = '2026-11-24', close_reason = 'paid' where id = $1`,
    [c(18).id],
  );
  await vulnerabilities(t, c(19).debtor_id);
}

/** Two records the policy reads (one due for review) and an ended one, with different adaptations. */
async function vulnerabilities(t: TestApp, debtorId: string) {
  const user = await t.deps.db.selectFrom('users').select('id').orderBy('email').limit(1).executeTakeFirstOrThrow();
  const record = (adaptations: object, status: string, hours: number) =>
    t.deps.database.executeSql(
      `insert into vulnerabilities (debtor_id, drivers, note, adaptations, legal_basis, consent, review_on, status,
         recorded_by, recorded_at, updated_at, ended_at, ended_by)
       values ($1, array['health'], 'Written contact only.', $2, 'legal_claims', 'not_asked', '2027-01-15', $3, $4, $5, $5,
         case when $3 = 'ended' then $5::timestamptz end, case when $3 = 'ended' then $4::uuid end)`,
      [debtorId, JSON.stringify(adaptations), status, user.id, at(hours)],
    );
  await record({ channels: ['letter', 'email', 'phone'], minDaysBetweenContacts: 3 }, 'active', -24 * 20);
  await record(
    { channels: ['letter', 'email'], windows: [{ days: ['mon'], from: '17:00', to: '20:00' }] },
    'review_due',
    -24 * 5,
  );
  await record({ channels: ['sms'] }, 'ended', -24 * 30);
}

/** Plans without the assessment and versions they come with (the foreign keys are set aside for the inserts). */
async function plans(
  t: TestApp,
  cancelled: { id: string; debtor_id: string },
  late: { id: string; debtor_id: string },
) {
  await t.deps.database.withConnection(async ({ run }) => {
    await run('set session_replication_role = replica');
    const plan = async (entry: { id: string; debtor_id: string }, status: string, hours: number) => {
      const { rows } = await run<{ id: string }>(
        `insert into plans (case_id, debtor_id, creditor_id, status, current_version, created_at, updated_at)
         select id, debtor_id, creditor_id, $2, 1, $3, $3 from cases where id = $1 returning id`,
        [entry.id, status, at(hours)],
      );
      return rows[0]!.id;
    };
    await plan(cancelled, 'completed', -300);
    await plan(cancelled, 'cancelled', -200);
    const active = await plan(late, 'active', -100);
    for (const [number, status] of [
      [1, 'paid'],
      [2, 'late'],
      [3, 'due'],
    ] as const)
      await run(
        `insert into plan_instalments (plan_id, plan_version_id, number, due_on, amount_cents, status, paid_on)
         values ($1, gen_random_uuid(), $2, '2026-11-01', 5000, $3, case when $3 = 'paid' then date '2026-11-01' end)`,
        [active, number, status],
      );
    await run('set session_replication_role = origin');
  });
}

describe.each(ENGINES)('the set-based facts of the queue rebuild on %s', (engine) => {
  let t: TestApp;
  let caseIds: string[];
  let sharing: string[];

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: NOW });
    const all = await t.deps.db.selectFrom('cases').select(['id', 'debtor_id']).orderBy('reference').execute();
    expect(all.length).toBeGreaterThanOrEqual(20);
    // Two cases of one debtor second and third: a case's own holds must not reach the debtor's other case.
    // Their debtor has no vulnerability record of the demo's, so that only the test's own case hold makes one fragile.
    const recorded = new Set(
      (await t.deps.db.selectFrom('vulnerabilities').select('debtor_id').execute()).map((row) => row.debtor_id),
    );
    const shared = all.filter(
      (row) => !recorded.has(row.debtor_id) && all.filter((other) => other.debtor_id === row.debtor_id).length > 1,
    );
    expect(shared.length).toBeGreaterThanOrEqual(2);
    const pair = shared.filter((row) => row.debtor_id === shared[0]!.debtor_id).slice(0, 2);
    const rest = all.filter((row) => !pair.includes(row));
    const cases = [rest[0]!, ...pair, ...rest.slice(1)];
    await varyFacts(t, cases);
    caseIds = cases.map((row) => row.id);
    sharing = pair.map((row) => row.id);
  });
  afterAll(() => t.close());

  it('gives exactly the facts the per-case queries give, for the strategy and for the contact policy', async () => {
    const context = await refreshContext(t.deps.db, NOW);
    const old = await loadQueueFacts(t.deps.db, caseIds, NOW);
    const oldContact = await loadContactFactsMany(
      t.deps.db,
      context.policy,
      old.filter((entry) => entry.status !== 'closed').map((e) => ({ debtorId: e.debtorId, caseId: e.facts.caseId })),
      NOW,
    );
    const batch = await loadQueueBatch(t.deps.db, caseIds, NOW, context.policy);
    const byCase = <T extends { facts: { caseId: string } }>(list: T[]) =>
      [...list].sort((a, b) => a.facts.caseId.localeCompare(b.facts.caseId));
    expect(byCase(batch.cases)).toEqual(byCase(old));
    expect(new Map([...batch.contactFacts].sort())).toEqual(new Map([...oldContact].sort()));
    // The varied facts did reach both: the data set is not a uniform one.
    const facts = old.map((entry) => entry.facts);
    const vulnerable = (caseId: string) => facts.find((f) => f.caseId === caseId)!.vulnerable;
    expect([vulnerable(sharing[0]!), vulnerable(sharing[1]!)]).toEqual([true, false]);
    // A vulnerability record in force counts without any hold (the 20th case's debtor has records, no care hold).
    const holdsOf19 = await t.deps.db
      .selectFrom('holds')
      .select('id')
      .where('debtor_id', '=', (await caseOf(t, caseIds[19]!)).debtor_id)
      .where('kind', '=', 'vulnerability')
      .where('status', '=', 'active')
      .execute();
    expect([holdsOf19.length, vulnerable(caseIds[19]!)]).toEqual([0, true]);
    expect(facts.some((f) => f.planState === 'late')).toBe(true);
    expect(facts.some((f) => f.brokenPromises === 2 && f.openPromise !== null)).toBe(true);
    expect(facts.some((f) => f.openTasks.length === 3)).toBe(true);
    expect(new Set(facts.map((f) => f.timeZone)).size).toBeGreaterThanOrEqual(3);
    expect([...oldContact.values()].some((f) => f.holds.length >= 3 && Object.keys(f.optOuts).length === 0)).toBe(true);
    // This test's own record (the demo's care records are there too): combined and dated as it was written.
    const own = [...batch.contactFacts.values()].filter(
      (f) => f.care !== null && f.care.adaptations.minDaysBetweenContacts === 3,
    );
    expect(own.map((f) => f.care!.adaptations)).toEqual([
      {
        channels: ['email', 'letter'],
        windows: [{ days: ['mon'], from: '17:00', to: '20:00' }],
        minDaysBetweenContacts: 3,
        thirdPartyPresent: false,
      },
    ]);
    expect(own[0]!.care!.since).toBe(Date.parse(at(-24 * 20)));
  });

  it('rebuilds, batch after batch, the entries the pure core gives from the per-case facts', async () => {
    await rebuildQueue(t.deps, { batchSize: 7 });
    const context = await refreshContext(t.deps.db, NOW);
    const old = (await loadQueueFacts(t.deps.db, caseIds, NOW)).filter((entry) => entry.status !== 'closed');
    const contact = await loadContactFactsMany(
      t.deps.db,
      context.policy,
      old.map((entry) => ({ debtorId: entry.debtorId, caseId: entry.facts.caseId })),
      NOW,
    );
    const rows = await t.deps.db
      .selectFrom('case_queue as q')
      .innerJoin('queue_explanations as e', 'e.key', 'q.explanation')
      .selectAll('q')
      .select('e.reasons')
      .where('q.case_id', 'in', caseIds)
      .execute();
    expect(rows.map((row) => row.case_id).sort()).toEqual(old.map((entry) => entry.facts.caseId).sort());
    const written = new Map(rows.map((row) => [row.case_id, row]));
    for (const entry of old) {
      const facts = contact.get(entry.facts.caseId)!;
      const verdict = phoneVerdict(context.policy, facts, NOW.getTime());
      const expected = queueEntry(context.strategy.document, context.controls, entry.facts, verdict, NOW.getTime(), {
        callbackToleranceMs: context.policy.callback.toleranceMs,
      });
      const row = written.get(entry.facts.caseId)!;
      expect({
        segmentId: row.segment_id,
        arm: row.arm,
        channels: row.channels,
        tier: row.tier,
        priority: row.priority,
        callableFrom: row.callable_from === null ? null : new Date(row.callable_from).getTime(),
        paused: row.paused,
        reasons: row.reasons,
        debtorId: row.debtor_id,
        creditorId: row.creditor_id,
      }).toEqual({
        segmentId: expected.segmentId,
        arm: expected.arm,
        channels: expected.channels,
        tier: expected.tier,
        priority: expected.priority,
        callableFrom: expected.callableFrom,
        paused: expected.paused,
        reasons: expected.reasons,
        debtorId: entry.debtorId,
        creditorId: entry.creditorId,
      });
    }
  });

  it('gives the connections back planning every statement, as the pool opens them', async () => {
    // A batch reuses its foreign-key checks' plans; what ran on its connection after it would otherwise keep plans.
    await rebuildQueue(t.deps, { parallel: 1, batchSize: 7 });
    // The pool hands out the connection released last: the one the last batch ran on.
    const mode = await t.deps.db.connection().execute(async (connection) => {
      const { rows } = await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(connection);
      return rows[0]!.plan_cache_mode;
    });
    expect(mode).toBe('force_custom_plan');
  });

  it('stores each explanation once, and the rebuild removes those no entry names and stores again a named one', async () => {
    await rebuildQueue(t.deps);
    const explanations = async () =>
      (
        await t.deps.database.executeSql<{ key: string; named: number }>(
          `select e.key, (select count(*)::int from case_queue q where q.explanation = e.key) as named
           from queue_explanations e order by e.key`,
        )
      ).rows;
    const first = await explanations();
    expect(first.every((explanation) => explanation.named > 0)).toBe(true);
    const entries = await t.deps.db.selectFrom('case_queue').select('explanation').execute();
    expect(first.map((explanation) => explanation.key)).toEqual(
      [...new Set(entries.map((entry) => entry.explanation))].sort(),
    );
    // One no entry names (its entries changed since), and one an entry names that was removed at the very moment
    // a refresh named it again.
    const stray = '00000000-0000-4000-8000-000000000001';
    await t.deps.database.executeSql(`insert into queue_explanations (key, reasons) values ($1, '[]')`, [stray]);
    const named = first[0]!;
    await t.deps.database.executeSql(`delete from queue_explanations where key = $1`, [named.key]);
    await rebuildQueue(t.deps, { batchSize: 7 });
    expect(await explanations()).toEqual(first);
  });

  it('writes again only the entries, assignments and cases whose facts changed', async () => {
    await rebuildQueue(t.deps);
    const state = async () => {
      const rows = async (text: string) => (await t.deps.database.executeSql<Record<string, unknown>>(text)).rows;
      return {
        // xmin: the transaction that wrote the row's version (an update, even to equal values, makes a new one).
        entries: await rows(`select case_id, xmin::text as xmin, tier, refreshed_at from case_queue order by case_id`),
        cases: await rows(`select id, xmin::text as xmin from cases order by id`),
        assignments: await rows(`select count(*)::int as count from strategy_assignments`),
      };
    };
    const before = await state();
    // The same facts at the same moment: nothing to write.
    await rebuildQueue(t.deps, { batchSize: 7 });
    expect(await state()).toEqual(before);
    // A follow-up falls due on a standard entry's case: that entry alone is written again, at its new tier.
    const target = before.entries.find((entry) => entry.tier === 0)!;
    const debtor = await caseOf(t, target.case_id as string);
    await t.deps.database.executeSql(
      `insert into case_tasks (case_id, debtor_id, kind, due_at, created_at) values ($1, $2, 'callback_missed', $3, $3)`,
      [target.case_id, debtor.debtor_id, at(-1)],
    );
    await rebuildQueue(t.deps, { batchSize: 7 });
    const after = await state();
    const rewritten = after.entries.find((entry) => entry.case_id === target.case_id)!;
    expect([rewritten.tier, rewritten.xmin === target.xmin]).toEqual([1, false]);
    expect(after.entries.filter((entry) => entry !== rewritten)).toEqual(
      before.entries.filter((entry) => entry !== target),
    );
    expect([after.cases, after.assignments]).toEqual([before.cases, before.assignments]);
  });
});

async function caseOf(t: TestApp, id: string) {
  return t.deps.db.selectFrom('cases').select('debtor_id').where('id', '=', id).executeTakeFirstOrThrow();
}
