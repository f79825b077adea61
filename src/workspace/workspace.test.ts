import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { hashPassword } from '../identity/passwords.js';
import type { Actor } from '../identity/actor.js';
import { DEFAULT_STRATEGY } from './core/default-strategy.js';
import { nextCase } from './next-case.js';
import { rebuildQueue } from './rebuild-queue.js';
import { workspaceSweep } from './sweep.js';

/** Wednesday 25 November 2026, 10:00 in Paris: inside the French contact hours. */
const START = new Date('2026-11-25T09:00:00Z');
const HOUR = 3_600_000;

describe.each(ENGINES)('agent workspace on %s', (engine) => {
  let t: TestApp;
  let agent: Session;
  let leader: Session;
  let manager: Session;
  let amicableTeam: string;
  let extraAgents: Actor[];

  /** A case the agent has taken: its id, its debtor and the agent who holds it. */
  async function take(session: Session) {
    const response = await as(t.app, session)('POST', '/api/v1/workspace/next-case');
    expect(response.statusCode, response.body).toBe(200);
    const entry = response.json().entry;
    expect(entry, 'a callable case in the queue').not.toBeNull();
    // With a case leased, there is no later moment to give.
    expect(response.json().nextCallableAt).toBeNull();
    const row = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'debtor_id', 'balance_cents'])
      .where('id', '=', entry.caseId)
      .executeTakeFirstOrThrow();
    return { ...entry, debtorId: row.debtor_id, balanceCents: Number(row.balance_cents) };
  }

  /** Sessions expire 12 hours after their last use: after a jump of the clock, everyone signs in again. */
  async function signInAgain() {
    agent = await signIn(t.app, demoEmail('agent'));
    leader = await signIn(t.app, demoEmail('team_leader'));
    manager = await signIn(t.app, demoEmail('manager'));
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    agent = await signIn(t.app, demoEmail('agent'));
    leader = await signIn(t.app, demoEmail('team_leader'));
    manager = await signIn(t.app, demoEmail('manager'));
    amicableTeam = (
      await t.deps.db.selectFrom('teams').select('id').where('name', '=', 'Amiable Lyon').executeTakeFirstOrThrow()
    ).id;
    const passwordHash = await hashPassword('another-agent-2026');
    extraAgents = [];
    for (let i = 1; i <= 6; i += 1) {
      const row = await t.deps.db
        .insertInto('users')
        .values({
          email: `agent${i}@test.accord.test`,
          display_name: `Agent ${i}`,
          role: 'agent',
          team_id: amicableTeam,
          password_hash: passwordHash,
        })
        .returning(['id', 'email', 'display_name'])
        .executeTakeFirstOrThrow();
      extraAgents.push({
        userId: row.id,
        role: 'agent',
        creditorId: null,
        displayName: row.display_name,
        email: row.email,
        locale: 'fr',
      });
    }
  });
  afterAll(() => t.close());

  it('gives every open case one queue entry with its segment, arm, reasons and the policy’s next call', async () => {
    const open = await t.deps.db.selectFrom('cases').select('id').where('status', '<>', 'closed').execute();
    const entries = await t.deps.db
      .selectFrom('case_queue as q')
      .innerJoin('queue_explanations as e', 'e.key', 'q.explanation')
      .selectAll('q')
      .select('e.reasons')
      .execute();
    expect(entries).toHaveLength(open.length);
    const segmentIds = new Set(DEFAULT_STRATEGY.segments.map((segment) => segment.id));
    for (const entry of entries) {
      expect(segmentIds.has(entry.segment_id)).toBe(true);
      expect(entry.strategy_version).toBe(1);
      expect((entry.reasons as unknown[]).length).toBeGreaterThan(0);
    }
    // Entries share their explanations: each is stored once, however many entries name it.
    const explanations = await t.deps.db.selectFrom('queue_explanations').select('key').execute();
    expect(explanations.length).toBeLessThan(entries.length);
    // Cases at the over-indebtedness stage go to that team by letter: in no calling queue.
    const overindebted = entries.filter((entry) => entry.segment_id === 'overindebtedness');
    for (const entry of overindebted) expect(entry.callable_from).toBeNull();
    // Every assignment is on record for the champion/challenger comparisons.
    const assignments = await t.deps.db.selectFrom('strategy_assignments').select('case_id').execute();
    expect(new Set(assignments.map((row) => row.case_id)).size).toBe(open.length);
  });

  it('hands the next case to one agent only, even to many agents asking at once', async () => {
    const results = await Promise.all(extraAgents.map((actor) => nextCase(t.deps, actor)));
    const ids = results.map((result) => result.entry?.caseId).filter(Boolean);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [index, result] of results.entries()) {
      if (!result.entry) continue;
      const row = await t.deps.db
        .selectFrom('case_queue')
        .select(['leased_by', 'lease_until'])
        .where('case_id', '=', result.entry.caseId)
        .executeTakeFirstOrThrow();
      expect(row.leased_by).toBe(extraAgents[index]!.userId);
      // The contact policy allows a phone call to that case now.
      const permission = await as(t.app, manager)('GET', `/api/v1/cases/${result.entry.caseId}/contact`);
      expect(permission.json().permissions.phone.allowed).toBe(true);
    }
    // Taking another case gives the first one back.
    const first = results[0]!.entry!.caseId;
    const again = await nextCase(t.deps, extraAgents[0]!);
    expect(again.entry!.caseId).not.toBe(first);
    expect(
      (
        await t.deps.db
          .selectFrom('case_queue')
          .select('leased_by')
          .where('case_id', '=', first)
          .executeTakeFirstOrThrow()
      ).leased_by,
    ).toBeNull();
  });

  it('takes callable cases in queue order: tier, then priority', async () => {
    const taken = await take(agent);
    const better = await t.deps.db
      .selectFrom('case_queue')
      .select('case_id')
      .where('team_id', '=', amicableTeam)
      .where('callable_from', '<=', t.clock.now)
      .where('paused', '=', false)
      .where('leased_by', 'is', null)
      // A case of a person another agent holds waits for them (one person, one agent).
      .where(
        sql<boolean>`not exists (select 1 from case_queue other where other.debtor_id = case_queue.debtor_id
          and other.leased_by <> ${agent.userId} and other.lease_until >= ${t.clock.now})`,
      )
      .where((eb) =>
        eb.or([
          eb('tier', '>', taken.tier === 'standard' ? 0 : 3),
          eb.and([eb('tier', '=', 0), eb('priority', '>', taken.priority)]),
        ]),
      )
      .execute();
    // Whatever ranks higher and is still free was refused by the policy when it was tried (and moved to later).
    for (const row of better) {
      const permission = await as(t.app, manager)('GET', `/api/v1/cases/${row.case_id}/contact`);
      expect(permission.json().permissions.phone.allowed).toBe(false);
    }
    await as(t.app, agent)('POST', `/api/v1/workspace/cases/${taken.caseId}/release`);
  });

  it('refuses a call recorded by another agent while one holds the case, and checks the script', async () => {
    const taken = await take(agent);
    const byLeader = await as(t.app, leader)('POST', `/api/v1/cases/${taken.caseId}/calls`, {
      outcome: 'no_answer',
      checklist: {},
    });
    expect(byLeader.statusCode).toBe(409);
    expect(byLeader.json().code).toBe('queue.leased_by_other');
    const noIdentity = await as(t.app, agent)('POST', `/api/v1/cases/${taken.caseId}/calls`, {
      outcome: 'right_party',
      result: 'information',
      checklist: { listen: true },
    });
    expect(noIdentity.statusCode).toBe(422);
    expect(noIdentity.json().code).toBe('call.identity_not_confirmed');
    const disclosed = await as(t.app, agent)('POST', `/api/v1/cases/${taken.caseId}/calls`, {
      outcome: 'third_party',
      checklist: { identity: false, propose: true },
    });
    expect(disclosed.statusCode).toBe(422);
    expect(disclosed.json().code).toBe('call.disclosed_without_identity');
    const resultWithoutParty = await as(t.app, agent)('POST', `/api/v1/cases/${taken.caseId}/calls`, {
      outcome: 'voicemail',
      result: 'promise',
      checklist: {},
    });
    expect(resultWithoutParty.json().code).toBe('call.result_needs_right_party');

    // No answer: recorded, the lease is given back, and the next call waits for the policy's spacing (4 hours).
    const call = await as(t.app, agent)('POST', `/api/v1/cases/${taken.caseId}/calls`, {
      outcome: 'no_answer',
      checklist: { identity: false },
    });
    expect(call.statusCode, call.body).toBe(201);
    const body = call.json();
    expect(body.queue.lease).toBeNull();
    expect(Date.parse(body.queue.callableFrom)).toBeGreaterThanOrEqual(t.clock.now.getTime() + 4 * HOUR);
    const stored = await t.deps.db
      .selectFrom('call_records')
      .selectAll()
      .where('contact_id', '=', body.contactId)
      .executeTakeFirstOrThrow();
    expect(stored.checklist).toMatchObject({ identity: false, listen: false });
  });

  it('records a promise; a payment that covers it keeps it', async () => {
    const taken = await take(agent);
    const dueOn = '2026-12-04';
    const amountCents = Math.min(5_000, taken.balanceCents);
    const call = await as(t.app, agent)('POST', `/api/v1/cases/${taken.caseId}/calls`, {
      outcome: 'right_party',
      result: 'promise',
      checklist: {
        identity: true,
        listen: true,
        reformulate: true,
        situation: true,
        propose: true,
        explain: true,
        agree: true,
      },
      promise: { amountCents, dueOn },
      note: 'Paiera à réception de son salaire.',
    });
    expect(call.statusCode, call.body).toBe(201);
    expect(call.json().actions.map((action: { kind: string }) => action.kind)).toContain('promise_created');
    // The case waits for the promised date.
    expect(Date.parse(call.json().queue.callableFrom)).toBeGreaterThanOrEqual(Date.parse('2026-12-03T23:00:00Z'));
    const second = await as(t.app, agent)('POST', `/api/v1/cases/${taken.caseId}/calls`, {
      outcome: 'right_party',
      result: 'promise',
      checklist: { identity: true },
      promise: { amountCents: 100, dueOn },
    });
    expect(second.statusCode).toBe(409);
    expect(['promise.already_open', 'contact.refused']).toContain(second.json().code);

    const pay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments',
      headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'idempotency-key': `promise-${taken.caseId}` },
      payload: { caseId: taken.caseId, amountCents, channel: 'bank_transfer', receivedOn: '2026-11-25' },
    });
    expect(pay.statusCode, pay.body).toBe(201);
    const view = await as(t.app, agent)('GET', `/api/v1/cases/${taken.caseId}/workspace`);
    expect(view.json().promises[0]).toMatchObject({ status: 'kept', paidCents: amountCents });
  });

  it('turns an unpaid promise into a broken one after its date and grace, with a follow-up first in the queue', async () => {
    // The queue orders equal entries as it finds them, and the earlier tests leave some cases on their way elsewhere:
    // the agent is given a plain amicable case of their queue, callable now, as next case would give one.
    const plain = await t.deps.db
      .selectFrom('case_queue as q')
      .innerJoin('cases as c', 'c.id', 'q.case_id')
      .select(['q.case_id', 'c.balance_cents'])
      .where('q.team_id', '=', amicableTeam)
      .where('c.stage', '=', 'amicable')
      .where('q.paused', '=', false)
      .where('q.callable_from', '<=', t.clock.now)
      .where('q.leased_by', 'is', null)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('promises as p').select('p.id').whereRef('p.case_id', '=', 'q.case_id'))),
      )
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('holds as h').select('h.id').whereRef('h.debtor_id', '=', 'c.debtor_id'))),
      )
      // Nor care adaptations or chosen hours, which the contact policy may hold against a call at this moment.
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom('vulnerabilities as v').select('v.id').whereRef('v.debtor_id', '=', 'c.debtor_id')),
        ),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('contact_preferences as cp')
              .select('cp.debtor_id')
              .whereRef('cp.debtor_id', '=', 'c.debtor_id'),
          ),
        ),
      )

      .orderBy('q.case_id')
      .executeTakeFirstOrThrow();
    const agentUser = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoEmail('agent'))
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('case_queue')
      .set({ leased_by: null, lease_until: null, leased_at: null })
      .where('leased_by', '=', agentUser.id)
      .execute();
    await t.deps.db
      .updateTable('case_queue')
      .set({
        leased_by: agentUser.id,
        lease_until: new Date(t.clock.now.getTime() + 15 * 60_000),
        leased_at: t.clock.now,
      })
      .where('case_id', '=', plain.case_id)
      .execute();
    const taken = { caseId: plain.case_id, balanceCents: Number(plain.balance_cents) };
    const call = await as(t.app, agent)('POST', `/api/v1/cases/${taken.caseId}/calls`, {
      outcome: 'right_party',
      result: 'promise',
      checklist: { identity: true, listen: true, propose: true, agree: true },
      promise: { amountCents: Math.min(2_000, taken.balanceCents), dueOn: '2026-11-27' },
    });
    expect(call.statusCode, call.body).toBe(201);
    // The day after the date and within grace: still open.
    t.clock.now = new Date('2026-11-29T09:00:00Z');
    await signInAgain();
    await workspaceSweep(t.deps);
    let view = (await as(t.app, manager)('GET', `/api/v1/cases/${taken.caseId}/workspace`)).json();
    expect(view.promises[0].status).toBe('open');
    // Three days after: broken, a follow-up is open and the case is in the promise tier.
    t.clock.now = new Date('2026-12-01T09:00:00Z');
    await signInAgain();
    const report = await workspaceSweep(t.deps);
    expect(report.promisesBroken).toBeGreaterThanOrEqual(1);
    view = (await as(t.app, manager)('GET', `/api/v1/cases/${taken.caseId}/workspace`)).json();
    expect(view.promises[0].status).toBe('broken');
    expect(view.tasks).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'promise_broken', status: 'open' })]),
    );
    expect(view.queue.tier).toBe('promise');
    expect(view.queue.segment.id).toBe('broken-promises');
    await rebuildQueue(t.deps);
  });

  it('rebuilds every open case once, however many batches run at once', async () => {
    const before = await t.deps.db.selectFrom('case_queue').selectAll().orderBy('case_id').execute();
    const open = await t.deps.db.selectFrom('cases').select('id').where('status', '<>', 'closed').execute();
    const done: number[] = [];
    const rebuilt = await rebuildQueue(t.deps, { parallel: 3, batchSize: 7, onProgress: (n) => done.push(n) });
    expect(rebuilt.entries).toBe(open.length);
    expect(done.at(-1)).toBe(open.length);
    const after = await t.deps.db.selectFrom('case_queue').selectAll().orderBy('case_id').execute();
    expect(after.map((row) => row.case_id)).toEqual(open.map((row) => row.id).sort());
    // Nothing changed since the last rebuild: the same entries, whichever batch computed them.
    const entry = ({ refreshed_at: _at, ...rest }: (typeof after)[number]) => rest;
    expect(after.map(entry)).toEqual(before.map(entry));
  });

  it('opens a dispute hold, hands a hardship to the care team, and sets a wrong number aside', async () => {
    const dispute = await take(agent);
    const disputed = await as(t.app, agent)('POST', `/api/v1/cases/${dispute.caseId}/calls`, {
      outcome: 'right_party',
      result: 'dispute',
      checklist: { identity: true, listen: true, reformulate: true },
      reason: 'Conteste le montant des intérêts.',
    });
    expect(disputed.statusCode, disputed.body).toBe(201);
    expect(disputed.json().actions.map((action: { kind: string }) => action.kind)).toEqual(
      expect.arrayContaining(['hold_placed', 'task_created']),
    );
    expect(disputed.json().queue.callableFrom).toBeNull();

    const hardship = await take(agent);
    const declared = await as(t.app, agent)('POST', `/api/v1/cases/${hardship.caseId}/calls`, {
      outcome: 'right_party',
      result: 'hardship',
      checklist: { identity: true, listen: true },
      reason: 'Perte d’emploi récente.',
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const care = await t.deps.db
      .selectFrom('teams')
      .select(['id', 'name'])
      .where('kind', '=', 'care')
      .executeTakeFirstOrThrow();
    expect(declared.json().queue.team).toEqual({ id: care.id, name: care.name });
    const holds = await t.deps.db
      .selectFrom('holds')
      .select('kind')
      .where('debtor_id', '=', hardship.debtorId)
      .where('status', '=', 'active')
      .execute();
    expect(holds.map((hold) => hold.kind)).toContain('vulnerability');

    const wrong = await take(agent);
    const phones = await t.deps.db
      .selectFrom('debtor_contact_points')
      .select('id')
      .where('debtor_id', '=', wrong.debtorId)
      .where('channel', '=', 'phone')
      .execute();
    const missing = await as(t.app, agent)('POST', `/api/v1/cases/${wrong.caseId}/calls`, {
      outcome: 'wrong_number',
      checklist: {},
    });
    expect(missing.json().code).toBe('call.contact_point_invalid');
    const flagged = await as(t.app, agent)('POST', `/api/v1/cases/${wrong.caseId}/calls`, {
      outcome: 'wrong_number',
      checklist: {},
      contactPointId: phones[0]!.id,
    });
    expect(flagged.statusCode, flagged.body).toBe(201);
    const point = await t.deps.db
      .selectFrom('debtor_contact_points')
      .select('wrong_number_at')
      .where('id', '=', phones[0]!.id)
      .executeTakeFirstOrThrow();
    expect(point.wrong_number_at).not.toBeNull();
    expect(await verifyAuditTrail(t.deps.db)).toMatchObject({ ok: true });
  });

  it('puts a callback first in the queue at the time the debtor chose', async () => {
    const taken = await take(agent);
    const at = new Date(t.clock.now.getTime() + 26 * HOUR).toISOString();
    const call = await as(t.app, agent)('POST', `/api/v1/cases/${taken.caseId}/calls`, {
      outcome: 'right_party',
      result: 'callback',
      checklist: { identity: true, listen: true },
      callbackAt: at,
    });
    expect(call.statusCode, call.body).toBe(201);
    expect(call.json().queue.tier).toBe('callback');
    t.clock.now = new Date(Date.parse(at) - 5 * 60_000);
    await signInAgain();
    const next = await as(t.app, agent)('POST', '/api/v1/workspace/next-case');
    expect(next.json().entry.caseId).toBe(taken.caseId);
    expect(next.json().entry.tier).toBe('callback');
  });

  it('lets a team leader pause a segment and give a case to one agent; a manager publishes a strategy', async () => {
    const queues = await as(t.app, leader)('GET', '/api/v1/team-queues');
    expect(queues.statusCode).toBe(200);
    expect(queues.json().items.map((item: { team: { name: string } }) => item.team.name)).toEqual(['Amiable Lyon']);
    const unknown = await as(t.app, leader)('PUT', '/api/v1/segment-controls/nope', {
      paused: true,
      priorityBoost: 0,
      note: 'test',
    });
    expect(unknown.json().code).toBe('segment.unknown');
    const paused = await as(t.app, leader)('PUT', '/api/v1/segment-controls/standard', {
      paused: true,
      priorityBoost: 0,
      note: 'Campagne de courriers cette semaine',
    });
    expect(paused.statusCode, paused.body).toBe(200);
    const stillFree = await t.deps.db
      .selectFrom('case_queue')
      .select('case_id')
      .where('segment_id', '=', 'standard')
      .where('paused', '=', false)
      .execute();
    expect(stillFree).toHaveLength(0);
    await as(t.app, leader)('PUT', '/api/v1/segment-controls/standard', {
      paused: false,
      priorityBoost: 0,
      note: 'Fin de la campagne',
    });

    // A case given to one agent is taken by that agent only.
    const target = await t.deps.db
      .selectFrom('case_queue')
      .select('case_id')
      .where('team_id', '=', amicableTeam)
      .where('leased_by', 'is', null)
      .where('callable_from', '<=', t.clock.now)
      .orderBy('priority')
      .limit(1)
      .executeTakeFirstOrThrow();
    const chosen = extraAgents[5]!;
    const assigned = await as(t.app, leader)('POST', `/api/v1/cases/${target.case_id}/assignment`, {
      teamId: amicableTeam,
      userId: chosen.userId,
      note: 'Suivi personnalisé',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().assignedUser.id).toBe(chosen.userId);

    const invalid = await as(t.app, manager)('POST', '/api/v1/strategies/versions', {
      document: {
        title: 'x',
        segments: [
          {
            id: 'a',
            name: 'A',
            when: { stages: ['amicable'] },
            treatment: { team: 'amicable', channels: ['phone'], priority: 5 },
          },
        ],
      },
      note: 'essai',
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().code).toBe('strategy.invalid');
    expect(invalid.json().issues[0].path).toBe('segments.0.when');
    const document = structuredClone(DEFAULT_STRATEGY);
    document.segments.find((segment) => segment.id === 'standard')!.treatment.priority = 420;
    const published = await as(t.app, manager)('POST', '/api/v1/strategies/versions', {
      document,
      note: 'Priorité des autres dossiers relevée',
    });
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json().version).toBe(2);
    expect(
      (await as(t.app, leader)('POST', '/api/v1/strategies/versions', { document, note: 'x y z' })).statusCode,
    ).toBe(403);
    await workspaceSweep(t.deps);
    const moved = await t.deps.db
      .selectFrom('case_queue')
      .select(['strategy_version', 'priority'])
      .where('segment_id', '=', 'standard')
      .execute();
    expect(moved.length).toBeGreaterThan(0);
    for (const row of moved) expect(row).toMatchObject({ strategy_version: 2 });
  });

  it('gives the agent a summary of the day', async () => {
    const before = (await as(t.app, agent)('GET', '/api/v1/workspace')).json();
    const taken = await take(agent);
    const held = (await as(t.app, agent)('GET', '/api/v1/workspace')).json();
    expect(held.current.caseId).toBe(taken.caseId);
    expect(held.teams[0].name).toBe('Amiable Lyon');
    await as(t.app, agent)('POST', `/api/v1/cases/${taken.caseId}/calls`, { outcome: 'voicemail', checklist: {} });
    const after = (await as(t.app, agent)('GET', '/api/v1/workspace')).json();
    expect(after.current).toBeNull();
    expect(after.today.calls).toBe(before.today.calls + 1);
    expect(after.waiting.callableNow).toBeGreaterThan(0);
  });

  it('says, when nothing may be called now, from when the first case of the queue may be', async () => {
    // Every callable entry of the team waits: the earliest until two hours from now (the contact hours of a morning).
    const now = t.deps.now().getTime();
    await t.deps.db
      .updateTable('case_queue')
      .set({ callable_from: new Date(now + 3 * HOUR) })
      .where('team_id', '=', amicableTeam)
      .where('callable_from', 'is not', null)
      .execute();
    const first = await t.deps.db
      .selectFrom('case_queue')
      .select('case_id')
      .where('team_id', '=', amicableTeam)
      .where('callable_from', 'is not', null)
      .where('paused', '=', false)
      .where('leased_by', 'is', null)
      .limit(1)
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('case_queue')
      .set({ callable_from: new Date(now + 2 * HOUR) })
      .where('case_id', '=', first.case_id)
      .execute();
    const none = await as(t.app, agent)('POST', '/api/v1/workspace/next-case');
    expect(none.statusCode, none.body).toBe(200);
    expect(none.json()).toMatchObject({
      entry: null,
      waiting: { callableNow: 0 },
      nextCallableAt: new Date(now + 2 * HOUR).toISOString(),
    });
  });
});
