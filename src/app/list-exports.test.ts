import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { readSheet } from '../../test/support/xlsx.js';
import { SYSTEM_ACTOR } from '../audit/append.js';
import { createPlacement } from '../intake/import-placement.js';

/** The CSV's rows as fields (no field of these lists holds a quote or a line break but the ones tested apart). */
function csvRows(body: string, separator = ';'): string[][] {
  expect(body.startsWith('\uFEFF')).toBe(true);
  return body
    .slice(1)
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(separator));
}

/** Every list's export answers with the list's rows, in the reader's scope and language. */
describe.each(ENGINES)('list exports on %s', (engine) => {
  let t: TestApp;
  let manager: Session;
  let horizon: Session;
  let energie: Session;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    manager = await signIn(t.app, demoEmail('manager'));
    horizon = await signIn(t.app, 'creditor@demo.accord.test');
    energie = await signIn(t.app, 'creditor.energie@demo.accord.test');
  });
  afterAll(() => t.close());

  it('exports the case list with its filters, every page, headed in French, as a file named by the day', async () => {
    const list = (await as(t.app, manager)('GET', '/api/v1/cases?stage=amicable&limit=200')).json() as {
      items: { reference: string }[];
      hasMore: boolean;
    };
    const response = await as(t.app, manager)('GET', '/api/v1/cases/export?stage=amicable&format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="cases-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...rows] = csvRows(response.body);
    expect(header).toEqual(['Référence', 'Débiteur', 'Créancier', 'Étape', 'Statut', 'Encours', 'Devise', 'Ouvert le']);
    expect(rows.every((row) => row[3] === 'Amiable')).toBe(true);
    if (!list.hasMore) expect(rows.map((row) => row[0]).sort()).toEqual(list.items.map((c) => c.reference).sort());
    expect(rows.length).toBeGreaterThanOrEqual(list.items.length);
    expect(rows[0]![5]).toMatch(/^-?\d+,\d{2}$/);
  });

  it('gives a creditor user its own cases only, even when it asks for another creditor', async () => {
    const creditors = (await as(t.app, manager)('GET', '/api/v1/creditors')).json() as {
      items: { id: string; name: string }[];
    };
    const own = creditors.items.find((c) => c.id === horizon.creditorId)!.name;
    const other = creditors.items.find((c) => c.id === energie.creditorId)!;
    const csv = await as(t.app, horizon)('GET', '/api/v1/cases/export?format=csv');
    const rows = csvRows(csv.body).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row[2]))).toEqual(new Set([own]));
    const asked = await as(t.app, horizon)('GET', `/api/v1/cases/export?format=xlsx&creditorId=${other.id}`);
    expect(asked.statusCode).toBe(200);
    expect(readSheet(asked.rawPayload)).toHaveLength(1);
    const xlsx = readSheet((await as(t.app, horizon)('GET', '/api/v1/cases/export?format=xlsx')).rawPayload);
    expect(xlsx.length - 1).toBe(rows.length);
    expect(new Set(xlsx.slice(1).map((row) => row[2]!.value))).toEqual(new Set([own]));
    expect(JSON.stringify(xlsx)).not.toContain(other.name);
  });

  it('exports the payments of a period with amounts as numbers and heads them in the reader’s language', async () => {
    await as(t.app, manager)('PATCH', '/api/v1/me', { locale: 'en' });
    const query = 'from=2000-01-01&to=2199-12-31';
    const list = (await as(t.app, manager)('GET', `/api/v1/creditor-payments?${query}`)).json() as {
      items: { amountCents: number; receiptNumber: string }[];
    };
    expect(list.items.length).toBeGreaterThan(0);
    const response = await as(t.app, manager)('GET', `/api/v1/creditor-payments/export?${query}&format=xlsx`);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const [header, ...rows] = readSheet(response.rawPayload);
    expect(header!.slice(0, 5).map((cell) => cell.value)).toEqual([
      'Received on',
      'Case',
      'Receipt',
      'Channel',
      'Amount',
    ]);
    expect(rows).toHaveLength(list.items.length);
    const byReceipt = new Map(rows.map((row) => [row[2]!.value, row[4]!.value]));
    for (const payment of list.items) expect(byReceipt.get(payment.receiptNumber)).toBe(payment.amountCents / 100);
    await as(t.app, manager)('PATCH', '/api/v1/me', { locale: 'fr' });
  });

  it('exports the team queues for a team leader, one line per segment and arm', async () => {
    const leader = await signIn(t.app, demoEmail('team_leader'));
    const queues = (await as(t.app, leader)('GET', '/api/v1/team-queues')).json() as {
      items: { segments: unknown[] }[];
    };
    const response = await as(t.app, leader)('GET', '/api/v1/team-queues/export?format=csv');
    const rows = csvRows(response.body);
    expect(rows[0]![0]).toBe('Équipe');
    expect(rows.length - 1).toBe(queues.items.flatMap((queue) => queue.segments).length);
    expect((await as(t.app, horizon)('GET', '/api/v1/team-queues/export?format=csv')).statusCode).toBe(403);
  });

  it('exports every rejected line of a placement, a value that looks like a formula written as text', async () => {
    const placement = {
      id: (
        await createPlacement(t.deps, {
          creditorId: horizon.creditorId!,
          mandateCode: 'BH-2026',
          source: { fileName: 'rejected.csv', sha256: 'f'.repeat(64), format: 'csv' },
          actor: SYSTEM_ACTOR,
        })
      ).placementId,
    };
    await t.deps.db
      .insertInto('placement_errors')
      .values(
        Array.from({ length: 1205 }, (_, i) => ({
          placement_id: placement.id,
          line: i + 2,
          column_name: 'email',
          value: i === 0 ? '=cmd|calc' : `bad-${i}`,
          code: 'email.invalid',
          message: 'use an address such as marie.dupont@example.fr',
        })),
      )
      .execute();
    const response = await as(t.app, horizon)('GET', `/api/v1/placements/${placement.id}/errors/export?format=csv`);
    const rows = csvRows(response.body);
    expect(rows).toHaveLength(1206);
    expect(rows[1]).toEqual([
      '2',
      'email',
      "'=cmd|calc",
      'email.invalid',
      'use an address such as marie.dupont@example.fr',
    ]);
    const outside = await as(t.app, energie)('GET', `/api/v1/placements/${placement.id}/errors/export?format=csv`);
    expect(outside.statusCode).toBe(404);
  });

  it('exports the audit trail with its filter, every entry, newest first', async () => {
    const compliance = await signIn(t.app, demoEmail('compliance_officer'));
    const list = (await as(t.app, compliance)('GET', '/api/v1/audit?family=access&limit=200')).json() as {
      items: { seq: number }[];
      nextCursor: string | null;
    };
    const response = await as(t.app, compliance)('GET', '/api/v1/audit/export?family=access&format=csv');
    expect(response.statusCode).toBe(200);
    const [caption, header, ...rows] = csvRows(response.body);
    expect(caption).toEqual(['Filtres : Domaine : accès et utilisateurs']);
    expect(header!.slice(0, 4)).toEqual(['N°', 'Date', 'Famille', 'Action']);
    expect(new Set(rows.map((row) => row[2]))).toEqual(new Set(['access']));
    if (list.nextCursor === null) expect(rows.map((row) => Number(row[0]))).toEqual(list.items.map((e) => e.seq));
    expect((await as(t.app, horizon)('GET', '/api/v1/audit/export?format=csv')).statusCode).toBe(403);
  });

  it('heads the audit trail’s file with its filters in words, as a person reads them, in the reader’s language', async () => {
    const compliance = await signIn(t.app, demoEmail('compliance_officer'));
    const query = `from=2026-12-01&to=2026-12-03&actorUserId=${manager.userId}&family=payments`;
    const csv = await as(t.app, compliance)('GET', `/api/v1/audit/export?${query}&format=csv`);
    expect(csv.statusCode).toBe(200);
    const name = (
      await t.deps.db
        .selectFrom('users')
        .select('display_name')
        .where('id', '=', manager.userId)
        .executeTakeFirstOrThrow()
    ).display_name;
    const words = `Du 1 déc. 2026 au 3 déc. 2026 · Auteur : ${name} · Domaine : paiements`;
    expect(csvRows(csv.body)[0]).toEqual([`Filtres : ${words}`]);
    expect(csvRows(csv.body)[1]!.slice(0, 2)).toEqual(['N°', 'Date']);
    const xlsx = readSheet(
      (await as(t.app, compliance)('GET', `/api/v1/audit/export?${query}&format=xlsx`)).rawPayload,
    );
    expect(xlsx[0]![0]!.value).toBe(`Filtres : ${words}`);
    expect(xlsx.find((row) => row[0]?.value === 'N°')).toBeDefined();
    // The list states the same filter with each id named, for the page to say it in words.
    const list = (await as(t.app, compliance)('GET', `/api/v1/audit?${query}&limit=1`)).json() as {
      applied: unknown;
    };
    expect(list.applied).toEqual({
      from: '2026-12-01',
      to: '2026-12-03',
      author: { id: manager.userId, name },
      case: null,
      debtor: null,
      family: 'payments',
      action: null,
    });
  });

  it('audits every export: who, which list, its filters, the format and how many rows went', async () => {
    const exported = async (session: Session, url: string) => {
      const response = await as(t.app, session)('GET', url);
      expect(response.statusCode).toBe(200);
      const entries = await t.deps.db
        .selectFrom('audit_log')
        .selectAll()
        .where('request_id', '=', String(response.headers['x-request-id']))
        .execute();
      return { response, entries };
    };
    const csv = await exported(manager, '/api/v1/cases/export?stage=amicable&format=csv');
    expect(csv.entries).toHaveLength(1);
    expect(csv.entries[0]).toMatchObject({
      action: 'export.cases',
      actor_user_id: manager.userId,
      target_type: 'list',
      creditor_id: null,
      after: {
        list: 'cases',
        format: 'csv',
        filters: expect.objectContaining({ stage: 'amicable' }) as unknown,
        rows: csvRows(csv.response.body).length - 1,
        completed: true,
      },
    });

    const own = await exported(horizon, '/api/v1/cases/export?format=xlsx');
    expect(own.entries[0]).toMatchObject({
      action: 'export.cases',
      creditor_id: horizon.creditorId,
      after: { format: 'xlsx' },
    });

    const compliance = await signIn(t.app, demoEmail('compliance_officer'));
    const trail = (await as(t.app, compliance)('GET', '/api/v1/audit?family=exports&limit=200')).json() as {
      items: { action: string; facts: { count: number | null; reference: string | null } }[];
    };
    expect(trail.items.length).toBeGreaterThanOrEqual(2);
    expect(trail.items.every((item) => item.action.startsWith('export.'))).toBe(true);
    expect(trail.items.map((item) => item.facts.reference)).toContain('XLSX');

    // A refused export gives out nothing and records nothing.
    const refused = await as(t.app, manager)('GET', '/api/v1/cases/export?format=pdf');
    const none = await t.deps.db
      .selectFrom('audit_log')
      .select('seq')
      .where('request_id', '=', String(refused.headers['x-request-id']))
      .execute();
    expect(none).toEqual([]);
  });

  it('refuses an unknown format with a problem that names the field', async () => {
    const response = await as(t.app, manager)('GET', '/api/v1/cases/export?format=pdf');
    expect(response.statusCode).toBe(400);
  });
});
