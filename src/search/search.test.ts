import { sql } from 'kysely';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { fold, FOLD_FROM, FOLD_LIGATURES } from './core/fold.js';
import type { SearchAnswer } from './contract.js';

/** Search on the demo agency, as an agent and as each creditor's user. */
describe.each(ENGINES)('search on %s', (engine) => {
  let t: TestApp;
  let agent: Session;
  let horizon: Session;
  let energie: Session;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    agent = await signIn(t.app, demoEmail('agent'));
    horizon = await signIn(t.app, 'creditor@demo.accord.test');
    energie = await signIn(t.app, 'creditor.energie@demo.accord.test');
  });
  afterAll(() => t.close());

  async function find(session: Session, q: string, extra = ''): Promise<SearchAnswer> {
    const response = await as(t.app, session)('GET', `/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as SearchAnswer;
  }
  const caseIds = (answer: SearchAnswer, kind?: string) =>
    answer.groups.filter((g) => !kind || g.kind === kind).flatMap((g) => g.results.map((r) => r.caseId));

  /** A case of the creditor with its debtor's first phone, e-mail and postal code that this creditor's file supplied. */
  async function caseOf(creditorId: string) {
    const row = await t.deps.db
      .selectFrom('cases')
      .innerJoin('debtor_references as r', (j) =>
        j.onRef('r.debtor_id', '=', 'cases.debtor_id').onRef('r.creditor_id', '=', 'cases.creditor_id'),
      )
      .innerJoin('claims', 'claims.case_id', 'cases.id')
      .innerJoin('debtor_contact_points as p', 'p.debtor_id', 'cases.debtor_id')
      .innerJoin('debtor_contact_point_sources as ps', (j) =>
        j.onRef('ps.contact_point_id', '=', 'p.id').onRef('ps.creditor_id', '=', 'cases.creditor_id'),
      )
      .select([
        'cases.id',
        'cases.reference',
        'cases.debtor_id',
        'r.reference as debtor_reference',
        'r.last_name',
        'claims.reference as claim_reference',
        'p.value as phone',
      ])
      .where('cases.creditor_id', '=', creditorId)
      .where('p.channel', '=', 'phone')
      .where('r.last_name', 'is not', null)
      .orderBy('cases.reference')
      .executeTakeFirstOrThrow();
    return row;
  }

  it('folds a name in the database exactly as the box folds what is typed', async () => {
    const alphabet = [...FOLD_FROM, ...FOLD_LIGATURES.map(([c]) => c), ..."aZé ’-'  xY09"];
    const samples = fc.sample(fc.array(fc.constantFrom(...alphabet), { maxLength: 20 }), { numRuns: 200, seed: 21 });
    const texts = ['Hélène  D’ARC-Œuvre', 'ÇA   VA', ...samples.map((chars) => chars.join(''))];
    const { rows } = await sql<{ folded: string }>`
      select public.search_fold(t) as folded from unnest(${texts}::text[]) with ordinality as u(t, n) order by n`.execute(
      t.deps.db,
    );
    expect(rows.map((r) => r.folded)).toEqual(texts.map(fold));
  });

  it('finds a case by its reference, its claim reference, the creditor’s reference, the name and the phone', async () => {
    const own = await caseOf(horizon.creditorId!);
    const local = own.phone.replace(/\s/g, '').replace('+33', '0');
    const asks: [string, string][] = [
      [own.reference.slice(0, -1).toLowerCase(), 'reference'],
      [own.claim_reference, 'reference'],
      [own.debtor_reference, 'reference'],
      [own.last_name!.slice(0, 4), 'name'],
      [`${local.slice(0, 2)} ${local.slice(2, 4)} ${local.slice(4, 6)} ${local.slice(6)}`, 'phone'],
    ];
    for (const [q, kind] of asks) {
      const answer = await find(agent, q, '&limit=50');
      expect(caseIds(answer, kind), `${q} as ${kind}`).toContain(own.id);
    }
  });

  it('marks what matched and starts an inbound call from the caller’s number', async () => {
    const own = await caseOf(horizon.creditorId!);
    const e164 = own.phone.replace(/\s/g, '');
    const answer = await find(agent, e164, '&kind=phone');
    expect(answer.groups.map((g) => g.kind)).toEqual(['phone']);
    const hit = answer.groups[0]!.results.find((r) => r.caseId === own.id)!;
    expect(hit).toMatchObject({ field: 'phone', value: e164, highlights: [{ start: 0, end: e164.length }] });

    const byName = await find(agent, own.last_name!.slice(0, 3).toLowerCase());
    const named = byName.groups.find((g) => g.kind === 'name')!.results[0]!;
    const [range] = named.highlights;
    expect(fold(named.value.slice(range!.start, range!.end))).toBe(fold(own.last_name!.slice(0, 3)));
  });

  it('lets a creditor user find its own cases only, and only by what its own files supplied', async () => {
    const ofHorizon = await caseOf(horizon.creditorId!);
    const ofEnergie = await caseOf(energie.creditorId!);
    expect(caseIds(await find(horizon, ofHorizon.reference))).toContain(ofHorizon.id);
    expect(caseIds(await find(horizon, ofHorizon.phone))).toContain(ofHorizon.id);
    for (const q of [ofEnergie.reference, ofEnergie.claim_reference, ofEnergie.debtor_reference, ofEnergie.phone]) {
      const answer = await find(horizon, q, '&limit=50');
      expect(caseIds(answer), q).not.toContain(ofEnergie.id);
      expect(JSON.stringify(answer)).not.toContain('Énergie Rhône');
    }
    // A phone only the agency knows (an agent took it down) is no key for the creditor.
    const agentPhone = '+33699887766';
    const point = await t.deps.db
      .insertInto('debtor_contact_points')
      .values({ debtor_id: ofHorizon.debtor_id, channel: 'phone', value: agentPhone, usage: 'mobile', source: 'agent' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(caseIds(await find(agent, agentPhone))).toContain(ofHorizon.id);
    expect(caseIds(await find(horizon, agentPhone))).toEqual([]);
    await t.deps.db.deleteFrom('debtor_contact_points').where('id', '=', point.id).execute();
  });

  it('names the debtor to a creditor user as its own file did, and to staff as the debtor record does', async () => {
    const own = await caseOf(horizon.creditorId!);
    const before = await t.deps.db
      .selectFrom('debtors')
      .select('last_name')
      .where('id', '=', own.debtor_id)
      .executeTakeFirstOrThrow();
    // The agency corrected the name on the record; the creditor's file still says what it said.
    await t.deps.db.updateTable('debtors').set({ last_name: 'Corrigé' }).where('id', '=', own.debtor_id).execute();
    try {
      const resultOf = async (session: typeof agent) =>
        (await find(session, own.reference)).groups.flatMap((g) => g.results).find((r) => r.caseId === own.id)!;
      expect((await resultOf(agent)).debtorName).toContain('CORRIGÉ');
      const seenByCreditor = await resultOf(horizon);
      expect(seenByCreditor.debtorName).toContain(own.last_name!.toUpperCase());
      expect(seenByCreditor.debtorName).not.toContain('CORRIGÉ');
    } finally {
      await t.deps.db
        .updateTable('debtors')
        .set({ last_name: before.last_name })
        .where('id', '=', own.debtor_id)
        .execute();
    }
  });

  it('never searches an IBAN for a creditor user, and answers nothing to one letter', async () => {
    expect((await find(horizon, 'FR7630006000011234567890189')).groups.map((g) => g.kind)).not.toContain('iban');
    expect((await find(agent, 'd')).groups).toEqual([]);
    const refused = await as(t.app, agent)('GET', '/api/v1/search?q=');
    expect(refused.statusCode).toBe(400);
  });
});
