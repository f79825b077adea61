import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { pdfText } from '../../test/support/pdf-text.js';
import { ENGINES } from '../../test/support/database.js';
import { waitUntil } from '../../test/support/wait.js';
import { can } from '../identity/core/permissions.js';
import { startJobs, type Jobs } from '../app/job-schedule.js';
import { localDateOf } from '../platform/calendar/index.js';
import type { PortfolioOutcomes } from '../reporting/contract.js';
import { refreshPerformance } from '../reporting/refresh-performance.js';

/**
 * Creditor projections over the whole API. Creditor B (Énergie Rhône) places a person with marker strings in
 * everything only B or the agency knows (address, e-mail, phone, references, file name); the agency then learns more
 * (a vulnerability hold with a health reason, an agent's note and address, a payment). Creditor A (Banque Horizon)
 * places the same person by name and birth date, with an address of its own: intake links the two records for the
 * agency's work. Then A's user calls every route its role may call, with every id of B's, the shared person's and its
 * own, and no byte of B's data may appear in any answer, JSON, PDF or CSV. A route added later is covered by
 * construction: the list of routes comes from the app.
 */
const MARK = 'ZQXB';
const PHONE_B = '+33611223344';
const PERSON = { first: 'Aurore', last: 'Delacroixpartage', birth: '1971-04-12' };
const HEADER =
  'debtor_reference;first_name;last_name;birth_date;address_line1;postal_code;city;phone;email;claim_reference;contract_type;principal;default_date';

/** Non-GET routes a creditor user may call, each with what this test sends (a new one must be added here). */
const WRITES: Record<string, ((ids: Ids) => { url: string; payload?: unknown }) | 'skip'> = {
  'PATCH /api/v1/me': () => ({ url: '/api/v1/me', payload: { locale: 'fr' } }),
  // Ends the session the test uses; reads nothing.
  'POST /api/v1/auth/logout': 'skip',
  // Uploading is the takeover scenario itself, tested below with B's person.
  'POST /api/v1/placements': 'skip',
  // Uploading a document on another creditor's case is 404 (documents/documents.test.ts); its own adds nothing of B's.
  'POST /api/v1/cases/:id/documents': 'skip',
  // Answering another creditor's dispute is 404, and an answer reads back only the dispute answered
  // (disputes/disputes.test.ts).
  'POST /api/v1/disputes/:id/answer': 'skip',
};

interface Ids {
  pool: string[];
}

describe.each(ENGINES)('creditor projections on %s', (engine) => {
  let t: TestApp;
  let jobs: Jobs;
  let horizon: Session;
  let energie: Session;
  let agent: Session;
  let manager: Session;
  let sharedDebtorId: string;
  let caseOfB: string;
  let caseOfA: string;
  let placementOfA: Record<string, unknown>;
  const secretsOfB: string[] = [MARK, PHONE_B, 'Énergie Rhône', 'ENERHONE', 'vulnerab'];

  async function upload(session: Session, mandateCode: string, fileName: string, csv: string) {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/placements?creditorId=${session.creditorId}&mandateCode=${mandateCode}&fileName=${fileName}`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(response.statusCode, response.body).toBe(202);
    const { id } = response.json() as { id: string };
    const placement = await waitUntil(async () => {
      const current = (await as(t.app, session)('GET', `/api/v1/placements/${id}`)).json() as Record<string, unknown>;
      return !['pending', 'running'].includes(current.status as string) && current;
    });
    expect(placement.status, JSON.stringify(placement)).toBe('completed');
    return placement;
  }

  const caseOf = async (creditorId: string) =>
    (
      await t.deps.db
        .selectFrom('cases')
        .select('id')
        .where('debtor_id', '=', sharedDebtorId)
        .where('creditor_id', '=', creditorId)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    jobs = await startJobs(t.deps);
    t.deps.jobs = jobs;
    horizon = await signIn(t.app, 'creditor@demo.accord.test');
    energie = await signIn(t.app, 'creditor.energie@demo.accord.test');
    agent = await signIn(t.app, demoEmail('agent'));
    manager = await signIn(t.app, demoEmail('manager'));

    // B places the person, and another person only B knows.
    await upload(
      energie,
      'ER-2026',
      `${MARK.toLowerCase()}-remise.csv`,
      [
        HEADER,
        `${MARK}-REF-1;${PERSON.first};${PERSON.last};${PERSON.birth};7 rue ${MARK} Adresse;69002;Lyon;${PHONE_B};${MARK.toLowerCase()}-mail@b.example;${MARK}-CLAIM-1;energy;1234,56;10/02/2025`,
        `${MARK}-REF-2;Seulement;${MARK}only;1980-01-01;9 rue ${MARK} Autre;69003;Lyon;;;${MARK}-CLAIM-2;energy;99,00;10/02/2025`,
      ].join('\n'),
    );
    sharedDebtorId = (
      await t.deps.db.selectFrom('debtors').select('id').where('last_name', '=', PERSON.last).executeTakeFirstOrThrow()
    ).id;
    caseOfB = await caseOf(energie.creditorId!);

    // The agency learns more about the person: a vulnerability with a health reason, a note, an address an agent took.
    const hold = await as(t.app, agent)('POST', `/api/v1/debtors/${sharedDebtorId}/holds`, {
      kind: 'vulnerability',
      caseId: caseOfB,
      reason: `${MARK} hospitalisation, contact écrit uniquement`,
      reviewAt: new Date(t.clock.now.getTime() + 20 * 86_400_000).toISOString(),
    });
    expect(hold.statusCode, hold.body).toBeLessThan(300);
    await t.deps.db.transaction().execute((trx) =>
      appendCaseEvent(trx, {
        caseId: caseOfB,
        debtorId: sharedDebtorId,
        at: t.clock.now,
        kind: 'note',
        summary: recordText('note', { text: `${MARK} note de l’agent` }),
      }),
    );
    await t.deps.db
      .insertInto('debtor_addresses')
      .values({
        debtor_id: sharedDebtorId,
        line1: `12 chemin ${MARK} Agent`,
        postal_code: '69004',
        city: 'Lyon',
        country: 'FR',
        time_zone: 'Europe/Paris',
        source: 'agent',
      })
      .execute();
    const paid = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments',
      headers: { cookie: manager.cookie, 'x-csrf-token': manager.csrf, 'idempotency-key': `${MARK}-pay-1` },
      payload: {
        caseId: caseOfB,
        amountCents: 1000,
        channel: 'card',
        receivedOn: localDateOf(t.clock.now, 'Europe/Paris'),
        reference: `${MARK}-PAY`,
        payerName: `${MARK} Payeur`,
      },
    });
    expect(paid.statusCode, paid.body).toBe(201);

    // A places the same person, by name and birth date, with an address of its own.
    placementOfA = await upload(
      horizon,
      'BH-2026',
      'remise-horizon.csv',
      [
        HEADER,
        `HZ-NEW-1;${PERSON.first};${PERSON.last};${PERSON.birth};1 avenue Horizon Seule;75009;Paris;;;HZ-CLAIM-NEW-1;consumer_credit;500,00;10/02/2025`,
      ].join('\n'),
    );
    caseOfA = await caseOf(horizon.creditorId!);
    for (const table of ['cases', 'claims', 'payments', 'placements'] as const) {
      const rows = await t.deps.db
        .selectFrom(table)
        .select('id')
        .where('creditor_id', '=', energie.creditorId!)
        .execute();
      secretsOfB.push(...rows.map((r) => r.id));
    }
    secretsOfB.push(energie.creditorId!);
  });
  afterAll(async () => {
    await jobs.stop();
    await t.close();
  });

  it('links the two records for the agency, and tells the uploading creditor only that the person is new to it', () => {
    expect(caseOfA).not.toBe(caseOfB);
    const counts = placementOfA.counts as Record<string, number>;
    expect(counts).toMatchObject({ debtorsNew: 1, debtorsKnown: 0, casesCreated: 1 });
    expect(Object.keys(counts)).not.toContain('debtorsMatchedByIdentity');
    expect(Object.keys(counts)).not.toContain('possibleMatches');
  });

  it('shows A its case with the facts its own file gave, and holds only as a neutral suspension', async () => {
    const response = await as(t.app, horizon)('GET', `/api/v1/cases/${caseOfA}`);
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      debtor: { lastName: string; addresses: { line1: string }[]; contactPoints: unknown[] };
      holds: { kind: string; reason: string | null }[];
      timeline: { summary: string }[];
    };
    expect(body.debtor.lastName).toBe(PERSON.last);
    expect(body.debtor.addresses.map((a) => a.line1)).toEqual(['1 avenue Horizon Seule']);
    expect(body.debtor.contactPoints).toEqual([]);
    expect(body.holds).toEqual([expect.objectContaining({ kind: 'collection_suspended', reason: null })]);
    for (const secret of secretsOfB) expect(response.body.toLowerCase()).not.toContain(secret.toLowerCase());
  });

  it('shows a vulnerability record in force only as a neutral "collection adapted until" its review day', async () => {
    const record = await t.deps.db
      .insertInto('vulnerabilities')
      .values({
        debtor_id: sharedDebtorId,
        drivers: ['health'],
        note: `${MARK} écrire seulement, jamais d’appel`,
        adaptations: JSON.stringify({ channels: ['letter'] }),
        legal_basis: 'explicit_consent',
        consent: 'given',
        consent_at: t.clock.now,
        review_on: '2027-03-15',
        recorded_by: agent.userId,
        recorded_at: t.clock.now,
        updated_at: t.clock.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      const response = await as(t.app, horizon)('GET', `/api/v1/cases/${caseOfA}`);
      const holds = (response.json() as { holds: { kind: string; reason: string | null; endsAt: string }[] }).holds;
      expect(holds.map((hold) => hold.kind).sort()).toEqual(['collection_adapted', 'collection_suspended']);
      // The review day as the agency's calendar says it: midnight in Paris.
      expect(holds.find((hold) => hold.kind === 'collection_adapted')).toMatchObject({
        reason: null,
        endsAt: '2027-03-14T23:00:00.000Z',
      });
      expect(response.body).not.toContain(MARK);
      expect(response.body).not.toContain('health');
      expect(response.body).not.toContain(record.id);
    } finally {
      await t.deps.db
        .updateTable('vulnerabilities')
        .set({ status: 'ended', ended_at: t.clock.now, ended_by: agent.userId })
        .where('id', '=', record.id)
        .execute();
    }
  });

  it("never writes A's facts into B's projection", async () => {
    const body = (await as(t.app, energie)('GET', `/api/v1/cases/${caseOfB}`)).body;
    expect(body).toContain(`7 rue ${MARK} Adresse`);
    expect(body).toContain(PHONE_B);
    expect(body).not.toContain('Horizon Seule');
    expect(body).not.toContain(`${MARK} hospitalisation`);
    expect(body).not.toContain(`${MARK} note`);
    expect(body).not.toContain(`chemin ${MARK} Agent`);
  });

  it('shows agents every fact, each with the creditor or person it came from', async () => {
    const body = (await as(t.app, agent)('GET', `/api/v1/cases/${caseOfA}`)).json() as {
      debtor: { addresses: { line1: string; source: string; suppliedBy: { name: string }[] }[] };
    };
    const byLine = new Map(body.debtor.addresses.map((a) => [a.line1, a]));
    expect(byLine.get('1 avenue Horizon Seule')).toMatchObject({
      source: 'creditor',
      suppliedBy: [{ name: 'Banque Horizon' }],
    });
    expect(byLine.get(`7 rue ${MARK} Adresse`)).toMatchObject({
      source: 'creditor',
      suppliedBy: [{ name: 'Énergie Rhône' }],
    });
    expect(byLine.get(`12 chemin ${MARK} Agent`)).toMatchObject({ source: 'agent', suppliedBy: [] });
  });

  it('gives A the portfolio outcomes of its own creditor only, whatever it asks for, in the page and the file', async () => {
    await refreshPerformance(t.deps);
    const read = async (session: Session, query: string) => {
      const response = await as(t.app, session)('GET', `/api/v1/reports/portfolio/outcomes${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as PortfolioOutcomes;
    };
    const ownAsManager = await read(manager, `?creditorId=${horizon.creditorId}`);
    const otherAsManager = await read(manager, `?creditorId=${energie.creditorId}`);
    // Not vacuous: the two creditors' figures differ, and B's are not empty.
    expect(otherAsManager.stages).not.toEqual(ownAsManager.stages);
    expect(otherAsManager.stages.some((stage) => stage.cases > 0)).toBe(true);
    for (const query of ['', `?creditorId=${energie.creditorId}`])
      expect(await read(horizon, query)).toEqual(ownAsManager);
    const mandateOfB = await t.deps.db
      .selectFrom('mandates')
      .select('id')
      .where('creditor_id', '=', energie.creditorId!)
      .executeTakeFirstOrThrow();
    const narrowed = await read(horizon, `?mandateId=${mandateOfB.id}`);
    expect(narrowed.stages.every((stage) => stage.cases === 0) && narrowed.flows.length === 0).toBe(true);
    const file = async (session: Session, query: string) =>
      (await as(t.app, session)('GET', `/api/v1/reports/portfolio/outcomes/export?format=csv${query}`)).body;
    expect(await file(horizon, `&creditorId=${energie.creditorId}`)).toBe(
      await file(manager, `&creditorId=${horizon.creditorId}`),
    );
  });

  it('lets A read nothing of B through any route it may call, with any id', async () => {
    const ownIds = [caseOfA, sharedDebtorId, horizon.creditorId!, horizon.userId];
    const ownRows = await Promise.all(
      (['claims', 'payments', 'placements', 'remittances'] as const).map((table) =>
        t.deps.db.selectFrom(table).select('id').where('creditor_id', '=', horizon.creditorId!).limit(3).execute(),
      ),
    );
    const ids: Ids = {
      pool: [
        ...new Set([
          ...secretsOfB.filter((s) => /^[0-9a-f-]{36}$/.test(s)),
          ...ownIds,
          ...ownRows.flat().map((r) => r.id),
        ]),
      ],
    };
    const queries = [
      '',
      '?limit=200',
      `?creditorId=${energie.creditorId}`,
      `?q=${MARK}`,
      `?q=${encodeURIComponent(PERSON.last)}&limit=200`,
      `?q=${encodeURIComponent(PHONE_B)}`,
      '?from=2000-01-01&to=2099-12-31',
    ];
    const routes = t.app.apiRoutes.filter((r) => r.access !== 'public' && can('creditor_user', r.access.permission));
    expect(routes.length).toBeGreaterThan(10);
    let answered = 0;
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const urls: { url: string; payload?: unknown }[] = [];
      if (route.method !== 'GET') {
        const write = WRITES[key];
        expect(write, `${key}: a creditor user may call it; add it to WRITES with what to send`).toBeDefined();
        if (write === 'skip') continue;
        urls.push(write!(ids));
      } else if (!route.url.includes(':')) {
        for (const query of queries) urls.push({ url: `${route.url}${query}` });
      } else {
        for (const id of ids.pool) urls.push({ url: route.url.replace(/:[A-Za-z]+/g, id) });
      }
      for (const { url, payload } of urls) {
        const response = await as(t.app, horizon)(route.method as 'GET', url, payload);
        const label = `${key} as ${url} → ${response.statusCode}`;
        expect(response.statusCode, label).toBeLessThan(500);
        if (response.statusCode < 300) answered += 1;
        const asked = secretsOfB.filter((secret) => url.includes(secret));
        // Anything of B's asked for by its id is as absent as a missing thing; a refusal may echo the address asked.
        if (asked.some((secret) => url.split('?')[0]!.includes(secret)))
          expect(response.statusCode, `${label}: B's record must be absent`).toBeGreaterThanOrEqual(400);
        const type = String(response.headers['content-type'] ?? '');
        let text = (type.includes('pdf') ? pdfText(response.rawPayload) : response.body).toLowerCase();
        for (const echoed of asked) text = text.replaceAll(echoed.toLowerCase(), '');
        for (const secret of secretsOfB)
          expect(text.includes(secret.toLowerCase()), `${label} reveals "${secret}"`).toBe(false);
      }
    }
    // Not vacuous: A's own case, claims, payments and placements were read.
    expect(answered).toBeGreaterThan(routes.length);
  });
  it("keeps B's responsible-collection figures out of A's report, whatever A asks for", async () => {
    const readAsA = async () => {
      const response = await as(t.app, horizon)('GET', `/api/v1/reports/conduct?creditorId=${energie.creditorId}`);
      expect(response.statusCode, response.body).toBe(200);
      const { refreshedAt: _refreshedAt, ...figures } = response.json();
      return figures;
    };
    const refusalsOfB = async () => {
      const response = await as(t.app, manager)('GET', `/api/v1/reports/conduct?creditorId=${energie.creditorId}`);
      return response.json().refusals.attempts as number;
    };
    await refreshPerformance(t.deps);
    const before = await readAsA();
    const bBefore = await refusalsOfB();
    // B's debtor is under a vulnerability pause: the policy refuses a call, and keeps the refusal on B's case.
    const refused = await as(t.app, manager)('POST', '/api/v1/contact-attempts', {
      debtorId: sharedDebtorId,
      caseId: caseOfB,
      channel: 'phone',
      direction: 'outbound',
      outcome: 'no_answer',
    });
    expect(refused.statusCode, refused.body).toBe(409);
    await refreshPerformance(t.deps);
    expect(await refusalsOfB()).toBe(bBefore + 1);
    expect(await readAsA()).toEqual(before);
    // No team table for a creditor user, and no team to ask for: the teams are the agency's.
    expect(before).toMatchObject({ teamId: null, teamChoices: [], byTeam: [] });
    const team = await t.deps.db.selectFrom('teams').select('id').executeTakeFirstOrThrow();
    for (const url of ['/api/v1/reports/conduct?', '/api/v1/reports/conduct/export?format=csv&'])
      expect((await as(t.app, horizon)('GET', `${url}teamId=${team.id}`)).statusCode).toBe(403);
  });
});
