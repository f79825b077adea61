import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import type { CoachingView, GridView, MyQuality, QualityTrends, ReviewView, TeamSample } from './contract.js';

const START = new Date('2026-12-04T09:00:00Z');
const DAY_MS = 86_400_000;

/** Full marks on every criterion, "not applicable" where the grid allows it and `na` asks. */
const scoresFor = (grid: GridView, na = false) =>
  grid.criteria.map((c) => ({ criterion: c.id, score: na && c.allowNotApplicable ? null : c.scaleMax }));

describe.each(ENGINES)('call quality and coaching on %s', (engine) => {
  let t: TestApp;
  let leader: Session;
  let agent: Session;
  let month: string;

  const sample = async (session: Session, chosen = month) => {
    const response = await as(t.app, session)('GET', `/api/v1/quality/sample?month=${chosen}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as TeamSample;
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    leader = await signIn(t.app, demoEmail('team_leader'));
    agent = await signIn(t.app, demoEmail('agent'));
    // The month in which the agent spoke with the most debtors on the phone, whatever the demo holds.
    const busiest = await t.deps.db
      .selectFrom('contacts')
      .select(sql<string>`to_char(occurred_at at time zone 'Europe/Paris', 'YYYY-MM')`.as('month'))
      .select(sql<number>`count(*)::int`.as('calls'))
      .where('recorded_by', '=', agent.userId)
      .where('channel', '=', 'phone')
      .where('conversation', '=', true)
      .groupBy(sql`1`)
      .orderBy(sql`2`, 'desc')
      .orderBy(sql`1`, 'desc')
      .executeTakeFirstOrThrow();
    month = busiest.month;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the demo’s months of reviews and coaching notes, acknowledged but for the latest month', async () => {
    const trends = (await as(t.app, leader)('GET', '/api/v1/quality/trends?months=6')).json() as QualityTrends;
    const series = trends.series.find((s) => s.kind === 'agent' && s.key === agent.userId)!;
    const reviewed = series.points.filter((point) => point.reviews > 0);
    expect(reviewed.length).toBeGreaterThanOrEqual(3);
    for (const point of reviewed) expect(point.meanScoreBp).toBeGreaterThan(0);
    const team = trends.series.find((s) => s.kind === 'team')!;
    expect(team.points.reduce((sum, p) => sum + p.reviews, 0)).toBe(
      series.points.reduce((sum, p) => sum + p.reviews, 0),
    );
    const own = (await as(t.app, agent)('GET', '/api/v1/quality/mine')).json() as MyQuality;
    expect(own.coaching.length).toBeGreaterThanOrEqual(3);
    expect(own.coaching.filter((note) => note.acknowledgedAt === null).length).toBeLessThanOrEqual(1);
  });

  it('samples the month, flags a call a debtor rated low, reviews it, coaches, and the agent acknowledges both', async () => {
    // A debtor rated one of the agent's calls 1 out of 5: the call joins the sample, flagged.
    const calls = await t.deps.db
      .selectFrom('contacts as c')
      .innerJoin('cases as k', 'k.id', 'c.case_id')
      .select(['c.id', 'c.case_id', 'c.debtor_id', 'k.creditor_id', 'c.occurred_at'])
      .where('c.recorded_by', '=', agent.userId)
      .where('c.channel', '=', 'phone')
      .where('c.conversation', '=', true)
      .where(sql<string>`to_char(c.occurred_at at time zone 'Europe/Paris', 'YYYY-MM')`, '=', month)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('quality_reviews as r').select('r.id').whereRef('r.contact_id', '=', 'c.id'))),
      )
      .orderBy('c.occurred_at')
      .orderBy('k.reference')
      .execute();
    expect(calls.length).toBeGreaterThan(0);
    const rated = calls[calls.length - 1]!;
    const invitationId = randomUUID();
    await t.deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('satisfaction_invitations')
        .values({
          id: invitationId,
          debtor_id: rated.debtor_id,
          case_id: rated.case_id,
          creditor_id: rated.creditor_id,
          interaction_kind: 'call',
          interaction_id: rated.id,
          interaction_at: rated.occurred_at,
          agent_id: agent.userId,
          channel: 'email',
          token_sha256: createHash('sha256').update(invitationId).digest('hex'),
          language: 'fr',
          sent_at: new Date(rated.occurred_at.getTime() + 3_600_000),
          expires_at: new Date(rated.occurred_at.getTime() + 14 * DAY_MS),
          answered_at: new Date(rated.occurred_at.getTime() + 7_200_000),
        })
        .onConflict((oc) => oc.columns(['interaction_kind', 'interaction_id']).doNothing())
        .execute();
      await trx
        .insertInto('satisfaction_answers')
        .values({
          invitation_id: invitationId,
          score: 1,
          answered_at: new Date(rated.occurred_at.getTime() + 7_200_000),
        })
        .execute();
    });

    const month1 = await sample(leader);
    expect(month1.grid?.version).toBe(1);
    const mine = month1.agents.find((entry) => entry.agentId === agent.userId)!;
    expect(mine).toBeDefined();
    expect(month1.agents.map((entry) => entry.agentId)).not.toContain(leader.userId);
    const flagged = mine.sample.find((entry) => entry.callId === rated.id);
    expect(flagged?.reason).toBe('low_csat');
    const flaggedCount = mine.sample.filter((entry) => entry.reason !== 'random').length;
    expect(mine.sample.filter((entry) => entry.reason === 'random').length).toBe(
      Math.min(4, mine.callsInMonth - flaggedCount),
    );
    // The same facts, the same sample.
    expect((await sample(leader)).agents.find((entry) => entry.agentId === agent.userId)!.sample).toEqual(mine.sample);

    const grid = month1.grid!;
    const review = await as(t.app, leader)('POST', '/api/v1/quality/reviews', {
      callId: rated.id,
      scores: scoresFor(grid, true).map((s, i) => (i === 0 ? { ...s, score: 0 } : s)),
      notes: 'Identité non vérifiée avant d’évoquer la dette ; très bonne écoute ensuite.',
    });
    expect(review.statusCode, review.body).toBe(201);
    const reviewed = review.json() as ReviewView;
    const possible = grid.criteria.filter((c) => !c.allowNotApplicable).reduce((sum, c) => sum + c.scaleMax, 0);
    const earned = possible - grid.criteria[0]!.scaleMax;
    expect(reviewed).toMatchObject({ sampleReason: 'low_csat', month, agentId: agent.userId, acknowledgedAt: null });
    expect(reviewed.scoreBp).toBe(Math.floor((earned * 20_000 + possible) / (possible * 2)));
    expect(reviewed.grid.version).toBe(1);
    const twice = await as(t.app, leader)('POST', '/api/v1/quality/reviews', {
      callId: rated.id,
      scores: scoresFor(grid),
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('quality.already_reviewed');

    const followUpOn = '2026-12-14';
    const coaching = await as(t.app, leader)('POST', '/api/v1/quality/coaching', {
      agentId: agent.userId,
      reviewId: reviewed.id,
      actions: ['Vérifier l’identité avant toute information', 'Reformuler la situation avant de proposer'],
      notes: 'Réécoute de l’appel ensemble.',
      followUpOn,
    });
    expect(coaching.statusCode, coaching.body).toBe(201);
    const note = coaching.json() as CoachingView;
    expect(note).toMatchObject({ agentId: agent.userId, reviewId: reviewed.id, followUpOn, acknowledgedAt: null });

    // The agent reads them, and acknowledges each once; the team leader cannot acknowledge for them.
    const own = (await as(t.app, agent)('GET', '/api/v1/quality/mine')).json() as MyQuality;
    expect(own.reviews.map((r) => r.id)).toContain(reviewed.id);
    expect(own.coaching.map((c) => c.id)).toContain(note.id);
    const byLeader = await as(t.app, leader)('POST', `/api/v1/quality/reviews/${reviewed.id}/acknowledge`);
    expect(byLeader.statusCode).toBe(403);
    expect(byLeader.json().code).toBe('quality.only_the_agent');
    const ack = await as(t.app, agent)('POST', `/api/v1/quality/reviews/${reviewed.id}/acknowledge`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect((ack.json() as ReviewView).acknowledgedAt).toBe(START.toISOString());
    expect((await as(t.app, agent)('POST', `/api/v1/quality/reviews/${reviewed.id}/acknowledge`)).json().code).toBe(
      'quality.already_acknowledged',
    );
    const ackNote = await as(t.app, agent)('POST', `/api/v1/quality/coaching/${note.id}/acknowledge`);
    expect(ackNote.statusCode, ackNote.body).toBe(200);
    expect((ackNote.json() as CoachingView).acknowledgedAt).toBe(START.toISOString());

    // The team leader's month shows the review acknowledged; the trends count it beside the CSAT.
    const after = (await sample(leader)).agents.find((entry) => entry.agentId === agent.userId)!;
    expect(after.sample.find((entry) => entry.callId === rated.id)?.review).toMatchObject({
      id: reviewed.id,
      acknowledgedAt: START.toISOString(),
    });
    const trends = (await as(t.app, leader)('GET', '/api/v1/quality/trends?months=12')).json() as QualityTrends;
    const point = trends.series
      .find((s) => s.kind === 'agent' && s.key === agent.userId)!
      .points.find((p) => p.month === month)!;
    expect(point.reviews).toBeGreaterThanOrEqual(1);
    expect(point.meanScoreBp).not.toBeNull();

    const entries = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'quality.%')
      .where('occurred_at', '=', START)
      .execute();
    expect(entries.map((e) => e.action).sort()).toEqual([
      'quality.coaching_acknowledged',
      'quality.coaching_recorded',
      'quality.review_acknowledged',
      'quality.review_recorded',
    ]);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it('keeps a team leader to their own team, an agent to themselves, and creditor users out', async () => {
    // A call of the care specialist (another team), this month.
    const care = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoEmail('care_specialist'))
      .executeTakeFirstOrThrow();
    const anyContact = await t.deps.db
      .selectFrom('contacts')
      .selectAll()
      .where('channel', '=', 'phone')
      .where('conversation', '=', true)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const { id: _id, ...copy } = anyContact;
    const inserted = await t.deps.db
      .insertInto('contacts')
      .values({
        ...copy,
        decision: JSON.stringify(copy.decision),
        recorded_by: care.id,
        occurred_at: new Date(START.getTime() - DAY_MS),
        recorded_at: new Date(START.getTime() - DAY_MS),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const grid = (await sample(leader)).grid!;
    const other = await as(t.app, leader)('POST', '/api/v1/quality/reviews', {
      callId: inserted.id,
      scores: scoresFor(grid),
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('quality.not_your_team');
    const coachOther = await as(t.app, leader)('POST', '/api/v1/quality/coaching', {
      agentId: care.id,
      actions: ['x'],
      followUpOn: '2026-12-14',
    });
    expect(coachOther.json().code).toBe('quality.not_your_team');
    expect((await as(t.app, leader)('GET', `/api/v1/quality/agents/${care.id}`)).statusCode).toBe(403);
    // A manager reviews it.
    const manager = await signIn(t.app, demoEmail('manager'));
    const byManager = await as(t.app, manager)('POST', '/api/v1/quality/reviews', {
      callId: inserted.id,
      scores: scoresFor(grid),
    });
    expect(byManager.statusCode, byManager.body).toBe(201);
    const careReview = byManager.json() as ReviewView;
    expect(careReview.sampleReason).toBe('random');

    // The agent cannot read another agent's review, nor anyone's team.
    expect((await as(t.app, agent)('GET', `/api/v1/quality/reviews/${careReview.id}`)).statusCode).toBe(404);
    expect((await as(t.app, agent)('GET', '/api/v1/quality/sample')).statusCode).toBe(403);
    expect((await as(t.app, agent)('GET', `/api/v1/quality/agents/${care.id}`)).statusCode).toBe(403);
    // Nor does the team leader read another team's review; the care specialist reads their own.
    expect((await as(t.app, leader)('GET', `/api/v1/quality/reviews/${careReview.id}`)).statusCode).toBe(404);
    const careSession = await signIn(t.app, demoEmail('care_specialist'));
    expect((await as(t.app, careSession)('GET', `/api/v1/quality/reviews/${careReview.id}`)).statusCode).toBe(200);

    const creditor = await signIn(t.app, demoEmail('creditor_user'));
    for (const url of [
      '/api/v1/quality/sample',
      '/api/v1/quality/mine',
      '/api/v1/quality/trends',
      `/api/v1/quality/reviews/${careReview.id}`,
    ])
      expect((await as(t.app, creditor)('GET', url)).statusCode).toBe(403);
  });

  it('answers bad input with a 4xx problem, never a 500', async () => {
    const grid = (await sample(leader)).grid!;
    const call = (await sample(leader)).agents.flatMap((a) => a.sample).find((entry) => entry.review === null);
    const cases: [string, string, unknown, number, string?][] = [
      ['GET', '/api/v1/quality/sample?month=2026-13', undefined, 400],
      ['GET', '/api/v1/quality/trends?months=0', undefined, 400],
      ['POST', '/api/v1/quality/reviews', { callId: 'nope', scores: [] }, 400],
      ['POST', '/api/v1/quality/reviews', { callId: randomUUID(), scores: scoresFor(grid) }, 422, 'quality.not_a_call'],
      [
        'POST',
        '/api/v1/quality/coaching',
        { agentId: agent.userId, actions: ['x'], followUpOn: '2026-12-12' },
        422,
        'quality.follow_up_invalid',
      ],
      ['POST', '/api/v1/quality/coaching', { agentId: agent.userId, actions: [], followUpOn: '2026-12-14' }, 400],
      [
        'POST',
        '/api/v1/quality/coaching',
        { agentId: agent.userId, actions: ['x'], followUpOn: '2026-12-03' },
        422,
        'quality.follow_up_invalid',
      ],
      ['POST', `/api/v1/quality/reviews/${randomUUID()}/acknowledge`, undefined, 404],
    ];
    if (call) {
      cases.push([
        'POST',
        '/api/v1/quality/reviews',
        { callId: call.callId, scores: scoresFor(grid).slice(1) },
        422,
        'quality.scores_invalid',
      ]);
      cases.push([
        'POST',
        '/api/v1/quality/reviews',
        { callId: call.callId, scores: scoresFor(grid).map((s) => ({ ...s, score: null })) },
        422,
        'quality.scores_invalid',
      ]);
    }
    for (const [method, url, body, status, code] of cases) {
      const response = await as(t.app, leader)(method as 'GET' | 'POST', url, body);
      expect(response.statusCode, `${method} ${url} ${response.body}`).toBe(status);
      if (code) expect(response.json().code).toBe(code);
    }
    // An unsampled call of the agent's month is refused.
    const sampled = new Set((await sample(leader)).agents.flatMap((a) => a.sample.map((s) => s.callId)));
    const unsampled = await t.deps.db
      .selectFrom('contacts')
      .select('id')
      .where('recorded_by', '=', agent.userId)
      .where('channel', '=', 'phone')
      .where('conversation', '=', true)
      .where(sql<string>`to_char(occurred_at at time zone 'Europe/Paris', 'YYYY-MM')`, '=', month)
      .execute();
    const left = unsampled.find((row) => !sampled.has(row.id));
    if (left) {
      const response = await as(t.app, leader)('POST', '/api/v1/quality/reviews', {
        callId: left.id,
        scores: scoresFor(grid),
      });
      expect(response.json().code).toBe('quality.not_sampled');
    }
  });

  it('lets the compliance officer publish a new version of the grid from a later day, the old reviews keeping theirs', async () => {
    const compliance = await signIn(t.app, demoEmail('compliance_officer'));
    const grids = await as(t.app, compliance)('GET', '/api/v1/quality/grids');
    expect(grids.statusCode).toBe(200);
    const current = (grids.json() as { items: GridView[] }).items[0]!;
    const past = await as(t.app, compliance)('POST', '/api/v1/quality/grids', {
      validFrom: '2026-12-01',
      criteria: current.criteria,
    });
    expect(past.json().code).toBe('quality.grid_invalid');
    const next = await as(t.app, compliance)('POST', '/api/v1/quality/grids', {
      validFrom: '2026-12-10',
      criteria: current.criteria.slice(0, 3),
    });
    expect(next.statusCode, next.body).toBe(201);
    expect((next.json() as GridView).version).toBe(current.version + 1);
    expect(
      (
        await as(t.app, leader)('POST', '/api/v1/quality/grids', {
          validFrom: '2026-12-11',
          criteria: current.criteria,
        })
      ).statusCode,
    ).toBe(403);
    // Until its day, reviews are scored on the version in force; the leader's reviews keep version 1.
    expect((await sample(leader)).grid?.version).toBe(current.version);
    t.clock.advance(7 * DAY_MS);
    leader = await signIn(t.app, demoEmail('team_leader'));
    agent = await signIn(t.app, demoEmail('agent'));
    expect((await sample(leader)).grid?.version).toBe(current.version + 1);
    const own = (await as(t.app, agent)('GET', '/api/v1/quality/mine')).json() as MyQuality;
    expect(own.reviews.length).toBeGreaterThan(0);
    for (const review of own.reviews) expect(review.grid.criteria.length).toBeGreaterThan(3);
  });
});
