import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { recentWaitingIn, waitingIn } from './next-case.js';

const NOW = new Date('2026-11-25T09:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe.each(ENGINES)('the waiting counts of a team on %s', (engine) => {
  let t: TestApp;
  let teamId: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    const team = await t.deps.db
      .selectFrom('teams')
      .select('id')
      .where('name', '=', 'Amiable Lyon')
      .executeTakeFirstOrThrow();
    teamId = team.id;
    await t.deps.db
      .updateTable('case_queue')
      .set({ callable_from: later(-60_000), paused: false, lease_until: null, leased_by: null })
      .where('team_id', '=', teamId)
      .execute();
  });
  afterAll(() => t?.close());

  const pushAllLater = () =>
    t.deps.db
      .updateTable('case_queue')
      .set({ callable_from: later(86_400_000) })
      .where('team_id', '=', teamId)
      .execute();

  it('gives a leased case the last counts while they are recent, counts again behind, and afresh once they are old', async () => {
    const first = await waitingIn(t.deps.db, teamId, NOW);
    expect(first.callableNow).toBeGreaterThan(0);
    await pushAllLater();

    // Two seconds on: the last counts, at once; a count starts behind and is shared with the next caller.
    expect(await recentWaitingIn(t.deps.db, teamId, later(2_000))).toEqual(first);
    const counted = await waitingIn(t.deps.db, teamId, later(2_000));
    expect(counted).toEqual({ callableNow: 0, later: first.callableNow + first.later });
    expect(await recentWaitingIn(t.deps.db, teamId, later(2_500))).toEqual(counted);

    // Beyond ten seconds the last counts are not given: the caller waits for a new count.
    await t.deps.db
      .updateTable('case_queue')
      .set({ callable_from: later(-60_000) })
      .where('team_id', '=', teamId)
      .execute();
    expect(await recentWaitingIn(t.deps.db, teamId, later(20_000))).toEqual(first);
  });

  it('counts afresh for the workspace page, whatever was counted a moment ago', async () => {
    const before = await waitingIn(t.deps.db, teamId, later(40_000));
    await pushAllLater();
    const after = await waitingIn(t.deps.db, teamId, later(42_000));
    expect(after.callableNow).toBe(0);
    expect(after.later).toBe(before.callableNow + before.later);
  });
});
