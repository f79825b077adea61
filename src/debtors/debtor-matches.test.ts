import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { SYSTEM_ACTOR } from '../audit/append.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { RowResult } from '../intake/core/types.js';
import { createPlacement, runPlacement } from '../intake/import-placement.js';

const FIRST = 'Anatole';
const LAST = 'Quintavalle';

/** A valid intake row for Anatole Quintavalle (a name the demo does not use); tests choose what differs. */
function row(
  line: number,
  o: { ref: string; claim: string; birth: string | null; phones: string[]; principal?: number },
): RowResult {
  const nameKey = `${LAST}|${FIRST}`.toLowerCase();
  return {
    ok: true,
    row: {
      line,
      operation: 'place',
      debtorReference: o.ref,
      debtor: {
        kind: 'person',
        title: null,
        firstName: FIRST,
        lastName: LAST,
        birthName: null,
        birthDate: o.birth,
        birthPlace: null,
        companyName: null,
        registrationNumber: null,
        language: 'fr',
        matchKey: o.birth ? `${nameKey}|${o.birth}` : null,
        nameKey,
      },
      address: {
        line1: `${line} rue des Lilas`,
        line2: null,
        postalCode: '57000',
        city: 'Metz',
        country: 'FR',
        subdivision: '57',
        timeZone: 'Europe/Paris',
      },
      phones: o.phones,
      email: 'anatole.quintavalle@mail.example',
      claim: {
        reference: o.claim,
        contractType: 'consumer_credit',
        originalCreditor: null,
        currency: 'EUR',
        principalCents: o.principal ?? 100_000,
        interestCents: 1_000,
        feesCents: 0,
        defaultOn: '2026-03-01',
        lastPaymentOn: null,
      },
    },
  };
}

async function* from(results: RowResult[]) {
  yield* results;
}

describe.each(ENGINES)('possible duplicate debtors on %s', (engine) => {
  let t: TestApp;
  let leader: Session;
  let creditorA: string;
  let creditorB: string;

  async function importRows(creditorId: string, rows: RowResult[]) {
    const { placementId } = await createPlacement(t.deps, {
      creditorId,
      mandateCode: 'M-TEST',
      source: { fileName: 'test.csv', sha256: null, format: 'csv' },
      actor: SYSTEM_ACTOR,
    });
    const report = await runPlacement(t.deps, placementId, from(rows), { actor: SYSTEM_ACTOR });
    expect(report.status).toBe('completed');
    return report;
  }
  const debtorByRef = async (creditorId: string, reference: string) =>
    (
      await t.deps.db
        .selectFrom('debtor_references')
        .select('debtor_id')
        .where('creditor_id', '=', creditorId)
        .where('reference', '=', reference)
        .executeTakeFirstOrThrow()
    ).debtor_id;
  const matchBetween = (a: string, b: string) =>
    t.deps.db
      .selectFrom('debtor_possible_matches')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('debtor_id', '=', a), eb('candidate_debtor_id', '=', b)]),
          eb.and([eb('debtor_id', '=', b), eb('candidate_debtor_id', '=', a)]),
        ]),
      )
      .execute();
  const casesOf = (debtorId: string) =>
    t.deps.db.selectFrom('cases').selectAll().where('debtor_id', '=', debtorId).orderBy('reference').execute();

  // The older record S has no birth date; M, placed later with one, becomes a possible match of S, and is found by
  // identity in creditor B's file; X, later still without a birth date, is a possible match of both.
  let s = '';
  let m = '';
  let x = '';

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    leader = await signIn(t.app, demoEmail('team_leader'));
    const make = async (code: string) => {
      const creditor = await t.deps.db
        .insertInto('creditors')
        .values({
          code,
          name: `Créancier ${code}`,
          legal_name: code,
          sector: 'bank',
          country: 'FR',
          address_line1: '1 rue',
          postal_code: '75001',
          city: 'Paris',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.deps.db
        .insertInto('mandates')
        .values({
          creditor_id: creditor.id,
          code: 'M-TEST',
          kind: 'collection',
          commission_rate_bp: 1500,
          starts_on: '2026-01-01',
          allocation_order: '[]',
        })
        .execute();
      return creditor.id;
    };
    creditorA = await make('DUP-A');
    // Creditor A gave a webhook address: a case of its closed by a merge is told to it.
    await t.deps.db
      .updateTable('creditors')
      .set({ webhook_url: 'https://hooks.dup-a.example/accord' })
      .where('id', '=', creditorA)
      .execute();
    creditorB = await make('DUP-B');
    await importRows(creditorA, [row(1, { ref: 'A-1', claim: 'A-C1', birth: null, phones: ['+33611111111'] })]);
    s = await debtorByRef(creditorA, 'A-1');
    const second = await importRows(creditorA, [
      row(2, {
        ref: 'A-2',
        claim: 'A-C2',
        birth: '1970-01-01',
        phones: ['+33611111111', '+33622222222'],
        principal: 50_000,
      }),
    ]);
    expect(second.counts).toMatchObject({ debtorsCreated: 1, possibleMatches: 1 });
    m = await debtorByRef(creditorA, 'A-2');
    const third = await importRows(creditorB, [row(3, { ref: 'B-1', claim: 'B-C1', birth: '1970-01-01', phones: [] })]);
    expect(third.counts).toMatchObject({ debtorsCreated: 0, debtorsMatchedByIdentity: 1 });
    expect(await debtorByRef(creditorB, 'B-1')).toBe(m);
    const fourth = await importRows(creditorA, [row(4, { ref: 'A-3', claim: 'A-C3', birth: null, phones: [] })]);
    expect(fourth.counts).toMatchObject({ debtorsCreated: 1, possibleMatches: 2 });
    x = await debtorByRef(creditorA, 'A-3');
  });
  afterAll(() => t.close());

  const ours = <T extends { debtor: { id: string }; candidate: { id: string } }>(items: T[]) =>
    items.filter((i) => [s, m, x].includes(i.debtor.id) || [s, m, x].includes(i.candidate.id));

  it('lists the open possible matches oldest first, each record with its references and cases', async () => {
    const response = await as(t.app, leader)('GET', '/api/v1/debtor-matches?status=open&limit=200');
    expect(response.statusCode).toBe(200);
    const items = ours(response.json().items);
    // The two matches of X come from one later file (same time): after the older one, in any order.
    expect(items.map((i) => `${i.debtor.id}/${i.candidate.id}`)).toEqual([
      `${m}/${s}`,
      ...[`${x}/${s}`, `${x}/${m}`].sort(
        (a, b) =>
          items.findIndex((i) => `${i.debtor.id}/${i.candidate.id}` === a) -
          items.findIndex((i) => `${i.debtor.id}/${i.candidate.id}` === b),
      ),
    ]);
    expect(items).toHaveLength(3);
    const first = response.json().items.find((i: { debtor: { id: string } }) => i.debtor.id === m);
    expect(first).toMatchObject({
      status: 'open',
      reviewedBy: null,
      reason: expect.stringContaining('date de naissance'),
      debtor: {
        displayName: 'Anatole QUINTAVALLE',
        birthDate: '1970-01-01',
        address: '2 rue des Lilas, 57000 Metz, FR',
        references: [
          { creditorName: 'Créancier DUP-A', reference: 'A-2' },
          { creditorName: 'Créancier DUP-B', reference: 'B-1' },
        ],
      },
      candidate: { id: s, birthDate: null, references: [{ creditorName: 'Créancier DUP-A', reference: 'A-1' }] },
    });
    expect(first.debtor.cases.map((c: { creditorName: string; status: string }) => [c.creditorName, c.status])).toEqual(
      [
        ['Créancier DUP-A', 'open'],
        ['Créancier DUP-B', 'open'],
      ],
    );
  });

  it('refuses creditor users: the review crosses creditors', async () => {
    const creditorUser = await signIn(t.app, demoEmail('creditor_user'));
    const match = (await matchBetween(m, s))[0]!;
    const list = await as(t.app, creditorUser)('GET', '/api/v1/debtor-matches');
    expect(list.statusCode).toBe(403);
    const decide = await as(t.app, creditorUser)('POST', `/api/v1/debtor-matches/${match.id}/decision`, {
      decision: 'same_person',
    });
    expect(decide.statusCode).toBe(403);
    expect((await matchBetween(m, s))[0]!.status).toBe('open');
  });

  it('refuses a note over 500 characters and an unknown decision', async () => {
    const match = (await matchBetween(m, s))[0]!;
    const post = as(t.app, leader);
    expect(
      (
        await post('POST', `/api/v1/debtor-matches/${match.id}/decision`, {
          decision: 'same_person',
          note: 'x'.repeat(501),
        })
      ).statusCode,
    ).toBe(400);
    expect((await post('POST', `/api/v1/debtor-matches/${match.id}/decision`, { decision: 'maybe' })).statusCode).toBe(
      400,
    );
    expect((await matchBetween(m, s))[0]!.status).toBe('open');
  });

  it('merges the newer record into the older one when they are the same person', async () => {
    // An opposition recorded on the merged record's copy of a shared phone number must survive the merge.
    await t.deps.db
      .updateTable('debtor_contact_points')
      .set({ opted_out_at: new Date('2026-04-01T10:00:00Z') })
      .where('debtor_id', '=', m)
      .where('value', '=', '+33611111111')
      .execute();
    await t.deps.db
      .insertInto('holds')
      .values({
        debtor_id: m,
        kind: 'dispute',
        reason: 'Contestation écrite',
        starts_at: new Date(),
        review_at: new Date(Date.now() + 86_400_000),
      })
      .execute();
    const [sCaseA] = await casesOf(s);
    const [mCaseA, mCaseB] = await casesOf(m);
    // A call made to the merged record and its "stop calling" must keep counting for the person.
    await t.deps.db
      .insertInto('contacts')
      .values({
        debtor_id: m,
        case_id: mCaseB!.id,
        channel: 'phone',
        direction: 'outbound',
        outcome: 'no_answer',
        conversation: false,
        occurred_at: t.clock.now,
        recorded_at: t.clock.now,
        policy_version: 1,
        decision: '{}',
      })
      .execute();
    await t.deps.db
      .insertInto('contact_opt_outs')
      .values({ debtor_id: m, channel: 'phone', opted_out_at: t.clock.now })
      .execute();
    expect(mCaseA!.creditor_id).toBe(creditorA);
    expect(mCaseB!.creditor_id).toBe(creditorB);
    const match = (await matchBetween(m, s))[0]!;

    const response = await as(t.app, leader)('POST', `/api/v1/debtor-matches/${match.id}/decision`, {
      decision: 'same_person',
      note: 'Même adresse e-mail et même téléphone',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      id: match.id,
      status: 'same_person',
      reviewedBy: 'Sophie Bernard',
      note: 'Même adresse e-mail et même téléphone',
      debtor: { id: m, mergedInto: s },
      candidate: { id: s, mergedInto: null },
    });

    // The merged record keeps nothing of its own, and points at the survivor, whose identity gained the birth date.
    const merged = await t.deps.db.selectFrom('debtors').selectAll().where('id', '=', m).executeTakeFirstOrThrow();
    expect(merged.merged_into).toBe(s);
    const survivor = await t.deps.db.selectFrom('debtors').selectAll().where('id', '=', s).executeTakeFirstOrThrow();
    expect(survivor).toMatchObject({ birth_date: '1970-01-01', match_key: merged.match_key, merged_into: null });
    for (const table of [
      'cases',
      'debtor_references',
      'debtor_addresses',
      'debtor_contact_points',
      'holds',
      'case_events',
      'contacts',
      'contact_opt_outs',
    ] as const) {
      expect(await t.deps.db.selectFrom(table).select('debtor_id').where('debtor_id', '=', m).execute(), table).toEqual(
        [],
      );
    }

    // Same creditor: the claims join the survivor's case, whose balance is rebuilt; the emptied case closes as merged.
    const claimsOfA = await t.deps.db
      .selectFrom('claims')
      .select(['reference', 'case_id'])
      .where('reference', 'in', ['A-C1', 'A-C2'])
      .orderBy('reference')
      .execute();
    expect(claimsOfA).toEqual([
      { reference: 'A-C1', case_id: sCaseA!.id },
      { reference: 'A-C2', case_id: sCaseA!.id },
    ]);
    const cases = await casesOf(s);
    const kept = cases.find((c) => c.id === sCaseA!.id)!;
    expect(kept).toMatchObject({ status: 'open', balance_cents: 101_000 + 51_000 });
    const emptied = cases.find((c) => c.id === mCaseA!.id)!;
    expect(emptied).toMatchObject({
      status: 'closed',
      stage: 'closed',
      close_reason: 'merged',
      balance_cents: 0,
      closed_on: agencyToday(t.clock.now, t.deps.config),
    });
    const history = await t.deps.db
      .selectFrom('case_stage_history')
      .select(['to_stage', 'reason_key', 'reason_params'])
      .where('case_id', '=', emptied.id)
      .orderBy('changed_at')
      .execute();
    expect(history.at(-1)).toEqual({
      to_stage: 'closed',
      reason_key: 'merged',
      reason_params: { intoCaseReference: kept.reference },
    });
    const notices = await t.deps.db
      .selectFrom('creditor_notifications')
      .select(['creditor_id', 'event', 'payload'])
      .where('case_id', '=', emptied.id)
      .execute();
    expect(notices).toEqual([
      {
        creditor_id: creditorA,
        event: 'case.closed',
        payload: expect.objectContaining({
          event: 'case.closed',
          caseReference: emptied.reference,
          closeReason: 'merged',
          mergedInto: kept.reference,
        }),
      },
    ]);
    // Another creditor: the case moves as it is.
    expect(cases.find((c) => c.id === mCaseB!.id)).toMatchObject({
      creditor_id: creditorB,
      status: 'open',
      balance_cents: 101_000,
    });
    expect(cases.map((c) => c.id).sort()).toEqual([sCaseA!.id, mCaseA!.id, mCaseB!.id].sort());

    // Shared contact points are kept once, with the opposition; the others move. Moved addresses are secondary.
    const points = await t.deps.db
      .selectFrom('debtor_contact_points')
      .select(['channel', 'value', 'opted_out_at'])
      .where('debtor_id', '=', s)
      .orderBy('value')
      .execute();
    expect(points.map((p) => [p.channel, p.value, p.opted_out_at !== null])).toEqual([
      ['phone', '+33611111111', true],
      ['phone', '+33622222222', false],
      ['email', 'anatole.quintavalle@mail.example', false],
    ]);
    const addresses = await t.deps.db
      .selectFrom('debtor_addresses')
      .select(['line1', 'is_primary'])
      .where('debtor_id', '=', s)
      .orderBy('line1')
      .execute();
    expect(addresses).toEqual([
      { line1: '1 rue des Lilas', is_primary: true },
      { line1: '2 rue des Lilas', is_primary: false },
      { line1: '3 rue des Lilas', is_primary: false },
    ]);
    expect(
      await t.deps.db.selectFrom('holds').select('debtor_id').where('reason', '=', 'Contestation écrite').execute(),
    ).toEqual([{ debtor_id: s }]);
    expect(await t.deps.db.selectFrom('contacts').select('channel').where('debtor_id', '=', s).execute()).toEqual([
      { channel: 'phone' },
    ]);
    expect(
      await t.deps.db.selectFrom('contact_opt_outs').select('channel').where('debtor_id', '=', s).execute(),
    ).toEqual([{ channel: 'phone' }]);

    // X was a possible match of both: the pair with the merged record would repeat the one with the survivor.
    expect(await matchBetween(x, m)).toEqual([]);
    expect((await matchBetween(x, s)).map((r) => r.status)).toEqual(['open']);

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('target_id', '=', match.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      action: 'debtor_match.same_person',
      before: { survivorId: s, mergedId: m },
      after: {
        mergedInto: s,
        casesCombined: [{ from: mCaseA!.id, into: sCaseA!.id, claimsMoved: 1 }],
        counts: { cases: 2, references: 2, contactPointsDropped: 2, contactPointsMoved: 1 },
        matchesDeleted: [expect.any(String)],
      },
    });
  });

  it('refuses to decide a match twice', async () => {
    const match = (await matchBetween(m, s))[0]!;
    const response = await as(t.app, leader)('POST', `/api/v1/debtor-matches/${match.id}/decision`, {
      decision: 'different_people',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'matches.already_decided', decision: 'same_person' });
    expect((await matchBetween(m, s))[0]!.status).toBe('same_person');
  });

  it('records "different people" without changing either record', async () => {
    const match = (await matchBetween(x, s))[0]!;
    const before = await casesOf(x);
    const response = await as(t.app, leader)('POST', `/api/v1/debtor-matches/${match.id}/decision`, {
      decision: 'different_people',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'different_people',
      reviewedBy: 'Sophie Bernard',
      note: null,
      debtor: { id: x, mergedInto: null },
    });
    expect(await casesOf(x)).toEqual(before);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', match.id).execute();
    expect(audit).toEqual([{ action: 'debtor_match.different_people' }]);

    const decided = await as(t.app, leader)('GET', '/api/v1/debtor-matches?status=different_people');
    expect(
      ours(decided.json().items as { id: string; debtor: { id: string }; candidate: { id: string } }[]).map(
        (i) => i.id,
      ),
    ).toEqual([match.id]);
    const open = await as(t.app, leader)('GET', '/api/v1/debtor-matches');
    expect(ours(open.json().items)).toEqual([]);
  });

  it('finds the survivor by identity in a later file, never the merged record', async () => {
    const report = await importRows(creditorB, [
      row(5, { ref: 'B-2', claim: 'B-C2', birth: '1970-01-01', phones: [] }),
    ]);
    expect(report.counts).toMatchObject({ debtorsCreated: 0, debtorsMatchedByIdentity: 1, possibleMatches: 0 });
    expect(await debtorByRef(creditorB, 'B-2')).toBe(s);
    // B's open case for this person is the one that moved from the merged record: the new claim joins it.
    const claim = await t.deps.db
      .selectFrom('claims')
      .innerJoin('cases', 'cases.id', 'claims.case_id')
      .select(['cases.debtor_id', 'cases.status'])
      .where('claims.reference', '=', 'B-C2')
      .executeTakeFirstOrThrow();
    expect(claim).toEqual({ debtor_id: s, status: 'open' });
    // A newcomer without a birth date is compared with the survivor only.
    const later = await importRows(creditorA, [row(6, { ref: 'A-9', claim: 'A-C9', birth: null, phones: [] })]);
    expect(later.counts).toMatchObject({ debtorsCreated: 1, possibleMatches: 2 });
    const newcomer = await debtorByRef(creditorA, 'A-9');
    const pairs = await t.deps.db
      .selectFrom('debtor_possible_matches')
      .select('candidate_debtor_id')
      .where('debtor_id', '=', newcomer)
      .execute();
    expect(pairs.map((p) => p.candidate_debtor_id).sort()).toEqual([s, x].sort());
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
