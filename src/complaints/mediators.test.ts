import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';

const START = new Date('2026-06-02T08:00:00Z');
const DAY = 86_400_000;

interface Row {
  id: string;
  creditorId: string | null;
  name: string;
  validFrom: string;
  inForce: boolean;
  upcoming: boolean;
}

describe.each(ENGINES)('the mediators a refusal names, edited on %s', (engine) => {
  let t: TestApp;
  let agent: Session;
  let compliance: Session;
  let admin: Session;
  let creditorId: string;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    const creditor = await signIn(t.app, demoEmail('creditor_user'));
    creditorId = creditor.creditorId!;
    const row = await t.deps.db
      .selectFrom('cases')
      .select('id')
      .where('creditor_id', '=', creditorId)
      .where('status', '!=', 'closed')
      .orderBy('reference')
      .offset(7)
      .executeTakeFirstOrThrow();
    caseId = row.id;
    await signInAll();
  });
  afterAll(() => t.close());

  async function signInAll() {
    agent = await signIn(t.app, demoEmail('agent'));
    compliance = await signIn(t.app, demoEmail('compliance_officer'));
    admin = await signIn(t.app, demoEmail('administrator'));
  }

  const own = async (session: Session) =>
    ((await as(t.app, session)('GET', '/api/v1/mediators')).json().items as Row[]).filter(
      (row) => row.creditorId === creditorId,
    );

  /** A complaint registered on the case and refused: the mediator its answer names. */
  async function refusedMediator(): Promise<string> {
    const registered = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/complaints`, {
      channel: 'letter',
      subject: 'amount',
      summary: 'Le montant réclamé ne correspond pas au contrat.',
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const answered = await as(t.app, compliance)('POST', `/api/v1/complaints/${registered.json().id}/answer`, {
      outcome: 'refused',
      answer: 'Le montant correspond au contrat et aux échéances impayées.',
      rootCause: 'no_fault',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    return answered.json().mediator.name as string;
  }

  it('lets a compliance officer give a creditor its own mediator from a day; the refusal names the one in force', async () => {
    const before = await refusedMediator();
    expect(before).toMatch(/Médiateur/);
    const added = await as(t.app, compliance)('POST', '/api/v1/mediators', {
      country: 'FR',
      creditorId,
      name: 'Médiateur de la Banque Horizon',
      address: '1 rue de la Paix, 75002 Paris',
      website: 'https://mediateur.banque-horizon.example',
      validFrom: '2026-06-02',
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({ name: 'Médiateur de la Banque Horizon', inForce: true, upcoming: false });
    expect(await refusedMediator()).toBe('Médiateur de la Banque Horizon');

    // A change from tomorrow waits for its day; today's refusal still names today's mediator.
    const next = await as(t.app, admin)('POST', '/api/v1/mediators', {
      country: 'FR',
      creditorId,
      name: 'Médiateur du groupe Horizon',
      address: '2 rue de la Paix, 75002 Paris',
      validFrom: '2026-06-03',
    });
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json()).toMatchObject({ inForce: false, upcoming: true, website: null });
    expect(await refusedMediator()).toBe('Médiateur de la Banque Horizon');
    t.clock.advance(DAY);
    await signInAll();
    expect(await refusedMediator()).toBe('Médiateur du groupe Horizon');
    expect((await own(compliance)).map((row) => [row.validFrom, row.inForce])).toEqual([
      ['2026-06-03', true],
      ['2026-06-02', false],
    ]);

    // Saving the same scope and day again corrects that row; a refusal already answered keeps what it named.
    const answeredBefore = await t.deps.db
      .selectFrom('complaints')
      .select('mediator')
      .where('case_id', '=', caseId)
      .where('outcome', '=', 'refused')
      .execute();
    const corrected = await as(t.app, compliance)('POST', '/api/v1/mediators', {
      country: 'FR',
      creditorId,
      name: 'Médiateur du groupe Horizon',
      address: '3 rue de la Paix, 75002 Paris',
      website: 'https://mediateur.horizon.example',
      validFrom: '2026-06-03',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().id).toBe(next.json().id);
    expect((await own(compliance)).length).toBe(2);
    const answeredAfter = await t.deps.db
      .selectFrom('complaints')
      .select('mediator')
      .where('case_id', '=', caseId)
      .where('outcome', '=', 'refused')
      .execute();
    expect(answeredAfter).toEqual(answeredBefore);

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'target_id', 'before'])
      .where('action', 'like', 'mediator.%')
      .orderBy('seq')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['mediator.added', 'mediator.added', 'mediator.corrected']);
    expect(audit[2]).toMatchObject({ target_id: next.json().id, before: { address: '2 rue de la Paix, 75002 Paris' } });
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it('refuses the past, a creditor with a sector, a bad address, an unknown creditor, and other roles', async () => {
    const body = { country: 'FR', sector: 'energy', name: 'Médiateur', address: 'Paris', validFrom: '2026-06-01' };
    const past = await as(t.app, compliance)('POST', '/api/v1/mediators', body);
    expect(past.statusCode).toBe(422);
    expect(past.json().code).toBe('mediators.past_date');
    const both = await as(t.app, compliance)('POST', '/api/v1/mediators', {
      ...body,
      creditorId,
      validFrom: '2026-07-01',
    });
    expect(both.statusCode).toBe(400);
    const website = await as(t.app, compliance)('POST', '/api/v1/mediators', {
      ...body,
      website: 'mediateur',
      validFrom: '2026-07-01',
    });
    expect(website.statusCode).toBe(400);
    const unknown = await as(t.app, compliance)('POST', '/api/v1/mediators', {
      ...body,
      sector: null,
      creditorId: '00000000-0000-4000-8000-000000000000',
      validFrom: '2026-07-01',
    });
    expect(unknown.statusCode).toBe(404);
    expect((await as(t.app, agent)('GET', '/api/v1/mediators')).statusCode).toBe(403);
    const manager = await signIn(t.app, demoEmail('manager'));
    expect(
      (await as(t.app, manager)('POST', '/api/v1/mediators', { ...body, validFrom: '2026-07-01' })).statusCode,
    ).toBe(403);
  });

  it('saves two first changes of one scope and day sent at once as one row, the later correcting it', async () => {
    const change = (name: string) =>
      as(t.app, compliance)('POST', '/api/v1/mediators', {
        country: 'FR',
        creditorId,
        name,
        address: '4 rue de la Paix, 75002 Paris',
        validFrom: '2026-09-01',
      });
    const [first, second] = await Promise.all([change('Médiateur A'), change('Médiateur B')]);
    expect([first.statusCode, second.statusCode], `${first.body} ${second.body}`).toEqual([200, 200]);
    expect(first.json().id).toBe(second.json().id);
    const rows = (await own(compliance)).filter((row) => row.validFrom === '2026-09-01');
    expect(rows).toHaveLength(1);
    expect(['Médiateur A', 'Médiateur B']).toContain(rows[0]!.name);
  });
});
