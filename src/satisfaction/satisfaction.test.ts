import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { SURVEY_BLOCKING_HOLDS } from './core/eligibility.js';
import type { SatisfactionComments, SatisfactionFigures } from './contract.js';
import { inviteForSatisfaction, tokenHash } from './invite.js';

const START = new Date('2026-11-25T09:00:00Z');
const PUBLIC_URL = 'https://accord.example.test';

describe.each(ENGINES)('satisfaction surveys on %s', (engine) => {
  let t: TestApp;
  let agent: Session;
  let manager: Session;
  let agentId: string;

  /** Cases whose debtor the policy lets the agency e-mail now and who was not surveyed within the gap. */
  async function surveyableCases(count: number): Promise<{ id: string; debtor_id: string; creditor_id: string }[]> {
    const candidates = await t.deps.db
      .selectFrom('cases as c')
      .select(['c.id', 'c.debtor_id', 'c.creditor_id'])
      .where('c.status', '=', 'open')
      .where('c.first_letter_sent_on', 'is not', null)
      .where((eb) =>
        eb.and([
          eb.exists(
            eb
              .selectFrom('debtor_contact_points as p')
              .select('p.id')
              .whereRef('p.debtor_id', '=', 'c.debtor_id')
              .where('p.channel', '=', 'email')
              .where('p.opted_out_at', 'is', null),
          ),
          eb.not(
            eb.exists(
              eb
                .selectFrom('satisfaction_invitations as i')
                .select('i.id')
                .whereRef('i.debtor_id', '=', 'c.debtor_id')
                .where('i.sent_at', '>', new Date(START.getTime() - 30 * 86_400_000)),
            ),
          ),
          eb.not(
            eb.exists(
              eb
                .selectFrom('holds as h')
                .select('h.id')
                .whereRef('h.debtor_id', '=', 'c.debtor_id')
                .where('h.status', '=', 'active'),
            ),
          ),
        ]),
      )
      .orderBy('c.reference')
      .limit(60)
      .execute();
    const found: typeof candidates = [];
    for (const candidate of candidates) {
      if (found.some((other) => other.debtor_id === candidate.debtor_id)) continue;
      const decision = await as(t.app, agent)(
        'GET',
        `/api/v1/debtors/${candidate.debtor_id}/contact-permission?channel=email&caseId=${candidate.id}`,
      );
      if (decision.statusCode === 200 && (decision.json() as { allowed: boolean }).allowed) found.push(candidate);
      if (found.length === count) return found;
    }
    throw new Error('the demo has too few cases the policy lets the agency e-mail today');
  }

  const pay = async (caseId: string, key: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments',
      headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'idempotency-key': key },
      payload: { caseId, amountCents: 1_000, channel: 'bank_transfer', receivedOn: '2026-11-24' },
    });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { id: string }).id;
  };

  const figures = async (months = 3) => {
    const response = await as(t.app, manager)('GET', `/api/v1/satisfaction/figures?months=${months}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as SatisfactionFigures;
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START, config: { PUBLIC_URL } });
    agent = await signIn(t.app, demoEmail('agent'));
    manager = await signIn(t.app, demoEmail('manager'));
    agentId = (
      await t.deps.db.selectFrom('users').select('id').where('email', '=', demoEmail('agent')).executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  it('invites after a payment, takes one answer through the link, minimised, and counts it; a hold suppresses it', async () => {
    // The demo's own recent interactions invited first: a debtor chosen below then has nothing else to be invited for
    // (one survey per debtor per gap), whatever order the cases come in.
    await inviteForSatisfaction(t.deps);
    const [open, held] = await surveyableCases(2);
    await t.deps.db
      .insertInto('holds')
      .values({
        debtor_id: held!.debtor_id,
        case_id: held!.id,
        kind: 'vulnerability',
        reason: 'Breathing space (test)',
        starts_at: new Date(START.getTime() - 3_600_000),
        ends_at: new Date(START.getTime() + 30 * 86_400_000),
      })
      .execute();
    const before = await figures();
    const paid = await pay(open!.id, 'satisfaction-open-1');
    const paidHeld = await pay(held!.id, 'satisfaction-held-1');

    const run = await inviteForSatisfaction(t.deps);
    expect(run.invited).toBeGreaterThanOrEqual(1);
    expect(run.skipped.hold).toBeGreaterThanOrEqual(1);
    const invitations = await t.deps.db
      .selectFrom('satisfaction_invitations')
      .selectAll()
      .where('interaction_id', 'in', [paid, paidHeld])
      .execute();
    expect(invitations).toHaveLength(1);
    const invitation = invitations[0]!;
    expect(invitation).toMatchObject({
      interaction_kind: 'payment',
      interaction_id: paid,
      case_id: open!.id,
      creditor_id: open!.creditor_id,
      agent_id: agentId,
      channel: 'email',
    });
    const message = await t.deps.db
      .selectFrom('outbound_messages')
      .select(['template', 'body', 'status'])
      .where('id', '=', invitation.message_id!)
      .executeTakeFirstOrThrow();
    expect(message).toMatchObject({ template: 'satisfaction_survey', status: 'queued' });
    const token = new RegExp(`${PUBLIC_URL}/portal/survey/([A-Za-z0-9_-]{32})`).exec(message.body)![1]!;
    expect(tokenHash(token)).toBe(invitation.token_sha256);

    // A second run invites nobody again for the same interaction.
    const again = await inviteForSatisfaction(t.deps);
    const count = await t.deps.db
      .selectFrom('satisfaction_invitations')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('interaction_id', '=', paid)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    expect(again.skipped.already_invited).toBeGreaterThanOrEqual(1);

    const survey = await t.app.inject({ method: 'GET', url: `/api/v1/satisfaction/survey/${token}` });
    expect(survey.statusCode, survey.body).toBe(200);
    expect(survey.json()).toMatchObject({ status: 'open', interactionKind: 'payment', askRecommendation: true });
    // The case's strategy segment is recorded beside its arm, as the queue had it when the invitation went out.
    const queued = await t.deps.db
      .selectFrom('case_queue')
      .select(['segment_id', 'arm'])
      .where('case_id', '=', open!.id)
      .executeTakeFirst();
    expect(invitation.segment_id).toBe(queued?.segment_id ?? null);
    const answer = (payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/v1/satisfaction/survey/${token}`, payload });
    const first = await answer({
      score: 5,
      ease: 6,
      recommendation: 9,
      comment:
        'Très à l’écoute. Écrivez-moi à jean.dupont@mail.fr ou au 06 12 34 56 78, IBAN FR76 3000 6000 0112 3456 7890 189',
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await answer({ score: 1 });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('satisfaction.survey_answered');
    const stored = await t.deps.db
      .selectFrom('satisfaction_answers')
      .selectAll()
      .where('invitation_id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ score: 5, ease: 6, recommendation: 9 });
    expect(stored.comment).toBe('Très à l’écoute. Écrivez-moi à [e-mail] ou au [phone], IBAN [IBAN]');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/satisfaction/survey/${token}` })).json().status).toBe(
      'answered',
    );

    const after = await figures();
    // Every invitation of the run counts, this one among them (the demo has other interactions of the last days).
    expect(after.overall.invited).toBe(before.overall.invited + run.invited);
    expect(after.overall.answered).toBe(before.overall.answered + 1);
    // A promoter more: the NPS counts one answer more, overall and in the case's segment.
    expect(after.overall.nps.answers).toBe(before.overall.nps.answers + 1);
    const segmentOf = (f: SatisfactionFigures) => f.by.segment.find((g) => g.key === (invitation.segment_id ?? 'none'));
    expect(segmentOf(after)!.nps.answers).toBe((segmentOf(before)?.nps.answers ?? 0) + 1);
    expect(segmentOf(after)!.answered).toBe((segmentOf(before)?.answered ?? 0) + 1);
    const mine = after.by.agent.find((group) => group.key === agentId)!;
    expect(mine.answered).toBe((before.by.agent.find((group) => group.key === agentId)?.answered ?? 0) + 1);
    const comments = await as(t.app, manager)('GET', '/api/v1/satisfaction/comments');
    expect((comments.json() as SatisfactionComments).items.map((item) => item.comment)).toContain(stored.comment);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('target_id', '=', invitation.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['satisfaction.invited', 'satisfaction.answered']);
    expect(JSON.stringify(audit)).not.toContain('écoute');
  });

  it('reads the demo’s NPS and segments as the trade does, the segments by their names', async () => {
    // The tests' small demo holds its surveys in its oldest month.
    const shown = await figures(12);
    const { nps } = shown.overall;
    if (nps.status !== 'score') throw new Error('the demo should show an NPS');
    expect(nps.promoters + nps.passives + nps.detractors).toBe(nps.answers);
    expect(nps.answers).toBeLessThanOrEqual(shown.overall.answered);
    expect(nps.score).toBeCloseTo(((nps.promoters - nps.detractors) / nps.answers) * 100, 1);
    expect(nps.interval.lowPercent).toBeLessThanOrEqual(nps.score);
    expect(nps.interval.highPercent).toBeGreaterThanOrEqual(nps.score);
    const named = shown.by.segment.filter((group) => group.key !== 'none');
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((group) => group.label !== group.key)).toBe(true);
    expect(shown.by.segment.reduce((sum, group) => sum + group.answered, 0)).toBe(shown.overall.answered);
    for (const month of shown.by.month) expect(['score', 'too_few']).toContain(month.nps.status);
  });

  it('hides a group under the minimum sample, from the settings', async () => {
    await t.deps.db.updateTable('satisfaction_settings').set({ minimum_answers: 1000 }).execute();
    const hidden = await figures();
    expect(hidden.overall.csat.status).toBe('too_few');
    expect([...hidden.by.agent, ...hidden.by.month].every((group) => group.csat.status === 'too_few')).toBe(true);
    expect(hidden.overall.easeMean).toBeNull();
    expect([hidden.overall, ...hidden.by.segment].every((group) => group.nps.status === 'too_few')).toBe(true);
    await t.deps.db.updateTable('satisfaction_settings').set({ minimum_answers: 1 }).execute();
    const shown = await figures();
    expect(shown.overall.csat).toMatchObject({ status: 'rate' });
  });

  it('changes its settings with a reason, audited before and after; a team leader reads them and may not change them', async () => {
    const read = await as(t.app, manager)('GET', '/api/v1/satisfaction/settings');
    expect(read.statusCode).toBe(200);
    const before = read.json() as Record<string, unknown>;
    const body = {
      invitationGapDays: 45,
      interactionWindowDays: 2,
      tokenValidDays: 10,
      minimumAnswers: 8,
      askRecommendation: true,
      source: 'Comité qualité du 2 décembre : une enquête toutes les six semaines au plus',
    };
    const changed = await as(t.app, manager)('PUT', '/api/v1/satisfaction/settings', body);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ ...body, updatedAt: START.toISOString() });
    expect((await figures()).minimumAnswers).toBe(8);
    const entry = await t.deps.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'satisfaction.settings_changed')
      .executeTakeFirstOrThrow();
    expect(entry.after).toEqual(body);
    expect(entry.before).toMatchObject({ minimumAnswers: before.minimumAnswers, source: before.source });
    const leader = await signIn(t.app, demoEmail('team_leader'));
    expect((await as(t.app, leader)('GET', '/api/v1/satisfaction/settings')).statusCode).toBe(200);
    expect((await as(t.app, leader)('PUT', '/api/v1/satisfaction/settings', body)).statusCode).toBe(403);
    const bad = await as(t.app, manager)('PUT', '/api/v1/satisfaction/settings', {
      ...body,
      interactionWindowDays: 31,
    });
    expect(bad.statusCode).toBe(400);
    const unexplained = await as(t.app, manager)('PUT', '/api/v1/satisfaction/settings', { ...body, source: ' ' });
    expect(unexplained.statusCode).toBe(400);
    await as(t.app, manager)('PUT', '/api/v1/satisfaction/settings', {
      invitationGapDays: before.invitationGapDays,
      interactionWindowDays: before.interactionWindowDays,
      tokenValidDays: before.tokenValidDays,
      minimumAnswers: 1,
      askRecommendation: true,
      source: before.source,
    });
  });

  it('asks the recommendation only while the settings say so, and keeps none the page did not ask', async () => {
    const token = 'recommendrecommendrecommendrec01';
    const [kase] = await surveyableCases(1);
    await t.deps.db
      .insertInto('satisfaction_invitations')
      .values({
        debtor_id: kase!.debtor_id,
        case_id: kase!.id,
        creditor_id: kase!.creditor_id,
        interaction_kind: 'call',
        interaction_id: kase!.debtor_id,
        interaction_at: new Date(START.getTime() - 86_400_000),
        agent_id: agentId,
        channel: 'sms',
        token_sha256: tokenHash(token),
        language: 'fr',
        sent_at: new Date(START.getTime() - 3_600_000),
        expires_at: new Date(START.getTime() + 10 * 86_400_000),
      })
      .execute();
    await t.deps.db.updateTable('satisfaction_settings').set({ ask_recommendation: false }).execute();
    const survey = await t.app.inject({ method: 'GET', url: `/api/v1/satisfaction/survey/${token}` });
    expect(survey.json()).toMatchObject({ status: 'open', askRecommendation: false });
    const out = await t.app.inject({
      method: 'POST',
      url: `/api/v1/satisfaction/survey/${token}`,
      payload: { score: 2, recommendation: 11 },
    });
    expect(out.statusCode).toBe(400);
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/satisfaction/survey/${token}`,
      payload: { score: 2, recommendation: 3 },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const stored = await t.deps.db
      .selectFrom('satisfaction_answers as a')
      .innerJoin('satisfaction_invitations as i', 'i.id', 'a.invitation_id')
      .select(['a.score', 'a.recommendation'])
      .where('i.token_sha256', '=', tokenHash(token))
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ score: 2, recommendation: null });
    await t.deps.db.updateTable('satisfaction_settings').set({ ask_recommendation: true }).execute();
  });

  it('refuses an expired link, and an unknown one', async () => {
    const token = 'expiredexpiredexpiredexpiredexp1';
    // Any case will do: the invitation is written as sent weeks ago, whatever the policy says of today.
    const kase = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'debtor_id', 'creditor_id'])
      .where('status', '=', 'open')
      .orderBy('reference')
      .executeTakeFirst();
    await t.deps.db
      .insertInto('satisfaction_invitations')
      .values({
        debtor_id: kase!.debtor_id,
        case_id: kase!.id,
        creditor_id: kase!.creditor_id,
        interaction_kind: 'call',
        interaction_id: randomUUID(),
        interaction_at: new Date(START.getTime() - 40 * 86_400_000),
        agent_id: agentId,
        channel: 'sms',
        token_sha256: tokenHash(token),
        language: 'fr',
        sent_at: new Date(START.getTime() - 39 * 86_400_000),
        expires_at: new Date(START.getTime() - 25 * 86_400_000),
      })
      .execute();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/satisfaction/survey/${token}` })).json().status).toBe(
      'expired',
    );
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/v1/satisfaction/survey/${token}`,
      payload: { score: 4 },
    });
    expect(late.statusCode).toBe(410);
    expect(late.json().code).toBe('satisfaction.survey_expired');
    const unknown = await t.app.inject({ method: 'GET', url: `/api/v1/satisfaction/survey/${'x'.repeat(32)}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('satisfaction.survey_unknown');
  });

  it('names the blocking holds with the database’s hold kinds', async () => {
    const { rows } = await sql<{ def: string }>`
      select pg_get_constraintdef(oid) as def from pg_constraint
      where conrelid = 'holds'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%kind%'`.execute(
      t.deps.db,
    );
    for (const kind of SURVEY_BLOCKING_HOLDS) expect(rows.map((row) => row.def).join(' ')).toContain(`'${kind}'`);
  });
});
