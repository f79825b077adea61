import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { signInCaseReaders } from '../../test/support/need-to-know.js';

/** Wednesday 25 November 2026, 10:00 in Paris: inside the French contact hours. */
const START = new Date('2026-11-25T09:00:00Z');

/**
 * A person owed to two creditors has a case for each. Next case hands out cases, but never two cases of one person to
 * two agents at once: the second agent would call someone another agent is on the phone with, or about to call.
 */
describe.each(ENGINES)('next case and a person with two cases, on %s', (engine) => {
  let t: TestApp;
  let first: Session;
  let second: Session;
  let leader: Session;
  let person: { debtorId: string; caseIds: string[] };

  const nextCase = async (session: Session) => {
    const response = await as(t.app, session)('POST', '/api/v1/workspace/next-case');
    expect(response.statusCode, response.body).toBe(200);
    return response.json().entry as { caseId: string } | null;
  };
  const ofPerson = (entry: { caseId: string } | null) => entry !== null && person.caseIds.includes(entry.caseId);

  /** The person's cases come first in the team's queue: callable since an hour, the highest priority, no one's. */
  const atTheTop = async () => {
    const team = await t.deps.db
      .selectFrom('teams')
      .select('id')
      .where('name', '=', 'Amiable Lyon')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('case_queue')
      .set({
        team_id: team.id,
        tier: 3,
        priority: 1_000_000,
        callable_from: new Date(START.getTime() - 3_600_000),
        paused: false,
        assigned_user_id: null,
        leased_by: null,
        lease_until: null,
        leased_at: null,
      })
      .where('case_id', 'in', person.caseIds)
      .execute();
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    ({ holder: first, otherAgent: second, leader } = await signInCaseReaders(t));
    // A person with two open cases, each with its queue entry, whom the contact policy lets anyone call now.
    const pairs = (
      await sql<{ debtor_id: string; case_ids: string[] }>`
        select c.debtor_id, array_agg(c.id::text order by c.id) as case_ids from cases c
        join case_queue q on q.case_id = c.id
        where c.status <> 'closed' group by c.debtor_id having count(*) = 2 order by c.debtor_id`.execute(t.deps.db)
    ).rows;
    for (const pair of pairs) {
      const allowed = await Promise.all(
        pair.case_ids.map(async (caseId) => {
          const response = await as(t.app, leader)(
            'GET',
            `/api/v1/debtors/${pair.debtor_id}/contact-permission?channel=phone&caseId=${caseId}`,
          );
          return response.statusCode === 200 && response.json().allowed === true;
        }),
      );
      if (allowed.every(Boolean)) {
        person = { debtorId: pair.debtor_id, caseIds: pair.case_ids };
        break;
      }
    }
    expect(person, 'the demo has a person with two open cases, callable now').toBeDefined();
  });
  afterAll(() => t.close());

  it('gives the second agent another person while the first holds one of the two cases, and the case once given back', async () => {
    await atTheTop();
    const taken = await nextCase(first);
    expect(ofPerson(taken), 'the first agent gets one of the person’s cases').toBe(true);
    const other = await nextCase(second);
    expect(other, 'the second agent still has work').not.toBeNull();
    expect(ofPerson(other), 'but not the person’s other case').toBe(false);
    const otherCase = person.caseIds.find((caseId) => caseId !== taken!.caseId)!;
    const entry = await t.deps.db
      .selectFrom('case_queue')
      .select(['leased_by', 'callable_from'])
      .where('case_id', '=', otherCase)
      .executeTakeFirstOrThrow();
    // Left where it stands: not leased, still callable, first in the queue once the person is free.
    expect(entry.leased_by).toBeNull();
    expect(entry.callable_from).not.toBeNull();

    // The first agent gives the case back: the second agent's next case is then one of the person's.
    const given = await as(t.app, first)('POST', `/api/v1/workspace/cases/${taken!.caseId}/release`);
    expect(given.statusCode, given.body).toBe(204);
    expect(ofPerson(await nextCase(second))).toBe(true);
  });

  // Only a server runs two transactions at once.
  it.skipIf(engine !== 'postgres')(
    'leaves the person’s other case while the first agent’s lease of one is still being written',
    async () => {
      for (const session of [first, second]) {
        const held = await t.deps.db
          .selectFrom('case_queue')
          .select('case_id')
          .where('leased_by', '=', session.userId)
          .execute();
        for (const { case_id } of held) await as(t.app, session)('POST', `/api/v1/workspace/cases/${case_id}/release`);
      }
      await atTheTop();
      await t.deps.db.transaction().execute(async (trx) => {
        // The first agent's next case, between its lock of the person and its commit: the lease is not yet seen.
        await trx.selectFrom('debtors').select('id').where('id', '=', person.debtorId).forNoKeyUpdate().execute();
        await trx
          .updateTable('case_queue')
          .set({
            leased_by: first.userId,
            lease_until: new Date(t.deps.now().getTime() + 900_000),
            leased_at: t.deps.now(),
          })
          .where('case_id', '=', person.caseIds[0]!)
          .execute();
        const other = await nextCase(second);
        expect(other, 'the second agent still has work').not.toBeNull();
        expect(ofPerson(other), 'not the person’s other case').toBe(false);
      });
      // Committed, the lease is seen: the person stays the first agent's.
      expect(ofPerson(await nextCase(second))).toBe(false);
    },
  );
});
