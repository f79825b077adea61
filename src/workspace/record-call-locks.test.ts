import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { waitUntil } from '../../test/support/wait.js';

const START = new Date('2026-11-25T09:00:00Z');

/**
 * The locks a recorded call takes, in the order every other writer about a person takes them: the person, then the
 * case's queue entry. Two agents on two cases of one person once deadlocked: one call held its case's entry while it
 * waited for the person, whom the other call held while its refresh of the person's entries waited for that entry.
 * Only a server runs two transactions at once.
 */
describe.skipIf(!ENGINES.includes('postgres'))('a recorded call and the person’s other cases on postgres', () => {
  let t: TestApp;
  let agent: Session;

  beforeAll(async () => {
    t = await createTestApp('postgres', { demo: true, now: START });
    agent = await signIn(t.app, demoEmail('agent'));
  });
  afterAll(() => t.close());

  it('waits for the person before it holds the case’s queue entry, so another call’s refresh never waits on it', async () => {
    // A person with two open cases, each with its queue entry.
    const [pair] = (
      await sql<{ debtor_id: string; case_id: string }>`
        select c.debtor_id, min(c.id::text) as case_id from cases c join case_queue q on q.case_id = c.id
        where c.status <> 'closed' group by c.debtor_id having count(*) >= 2 order by c.debtor_id limit 1`.execute(
        t.deps.db,
      )
    ).rows;
    expect(pair, 'the demo has a person with two open cases').toBeDefined();
    const { debtor_id: debtorId, case_id: caseId } = pair!;

    // Another agent's call on the person's other case, half-way: it holds the person.
    const { call } = await t.deps.db.transaction().execute(async (other) => {
      await sql`select id from debtors where id = ${debtorId} for update`.execute(other);
      const call = as(t.app, agent)('POST', `/api/v1/cases/${caseId}/calls`, {
        outcome: 'no_answer',
        checklist: { identity: false },
      });
      let settled = false;
      void call.finally(() => (settled = true));
      // This call now waits for the person… (seen from outside the transaction, whose view of the server's activity
      // is taken once)
      await waitUntil(async () => {
        if (settled) return true;
        const waiting = await sql<{ n: string }>`
          select count(*) as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`.execute(t.deps.db);
        return Number(waiting.rows[0]!.n) > 0;
      });
      expect(settled, 'the call waits for the person').toBe(false);
      // …holding nothing of this case's entry: the other call's refresh takes it at once.
      await sql`select case_id from case_queue where case_id = ${caseId} for update nowait`.execute(other);
      // Wrapped, not awaited here: the call goes on once this transaction ends.
      return { call };
    });
    const recorded = await call;
    // The call then went on, to its end: recorded, or refused by the contact policy (the demo's people were all
    // called lately), never a deadlock.
    if (recorded.statusCode === 201) expect(recorded.json().queue.lease).toBeNull();
    else expect(recorded.json().code, recorded.body).toBe('contact.refused');
  });
});
