import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { waitUntil } from '../../test/support/wait.js';
import { startJobs, type Jobs } from '../app/job-schedule.js';

const withErrors = readFileSync('examples/intake/placement-with-errors.csv');

describe.each(ENGINES)('placements API on %s', (engine) => {
  let t: TestApp;
  let jobs: Jobs;
  let manager: Session;
  let horizonUser: Session;
  let energieUser: Session;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    jobs = await startJobs(t.deps);
    t.deps.jobs = jobs;
    manager = await signIn(t.app, demoEmail('manager'));
    horizonUser = await signIn(t.app, 'creditor@demo.accord.test');
    energieUser = await signIn(t.app, 'creditor.energie@demo.accord.test');
  });
  afterAll(async () => {
    await jobs.stop();
    await t.close();
  });

  const upload = (
    session: Session,
    creditorId: string,
    mandateCode: string,
    body: Buffer | string,
    contentType = 'text/csv',
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/placements?creditorId=${creditorId}&mandateCode=${mandateCode}&fileName=remise.csv`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': contentType },
      payload: body,
    });

  const waitForEnd = (session: Session, id: string) =>
    waitUntil(async () => {
      const placement = (await as(t.app, session)('GET', `/api/v1/placements/${id}`)).json() as { status: string };
      return !['pending', 'running'].includes(placement.status) && placement;
    }, 250);

  it('imports an uploaded file as a job and reports the rejected rows by line and column', async () => {
    const response = await upload(manager, horizonUser.creditorId!, 'BH-2026', withErrors);
    expect(response.statusCode).toBe(202);
    const { id } = response.json() as { id: string };
    const done = (await waitForEnd(manager, id)) as Record<string, unknown>;
    expect(done).toMatchObject({
      status: 'completed',
      fileName: 'remise.csv',
      format: 'csv',
      counts: expect.objectContaining({ claimsCreated: expect.any(Number) }),
    });
    expect(done.rowsRejected).toBeGreaterThan(0);
    const errors = (await as(t.app, manager)('GET', `/api/v1/placements/${id}/errors?limit=200`)).json() as {
      items: { line: number; column: string; code: string; message: string }[];
      total: number;
    };
    expect(errors.total).toBe(errors.items.length);
    expect(errors.items).toContainEqual(
      expect.objectContaining({ line: 3, column: 'principal', code: 'amount.too_many_decimals' }),
    );
    const stored = await t.deps.db
      .selectFrom('placements')
      .select('source_sha256')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.source_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets a creditor user place for its own creditor only, and see only its own placements', async () => {
    const own = await upload(horizonUser, horizonUser.creditorId!, 'BH-2026', withErrors);
    expect(own.statusCode).toBe(202);
    const foreign = await upload(horizonUser, energieUser.creditorId!, 'ER-2026', withErrors);
    expect(foreign.statusCode).toBe(404);
    await waitForEnd(horizonUser, (own.json() as { id: string }).id);

    const theirs = (await as(t.app, energieUser)('GET', '/api/v1/placements')).json() as { items: unknown[] };
    expect(theirs.items).toEqual([]);
    const ownList = (await as(t.app, horizonUser)('GET', '/api/v1/placements')).json() as {
      items: { creditor: { id: string } }[];
    };
    expect(ownList.items.length).toBeGreaterThan(0);
    expect(ownList.items.every((p) => p.creditor.id === horizonUser.creditorId)).toBe(true);
    const id = ownList.items[0] as unknown as { id: string };
    expect((await as(t.app, energieUser)('GET', `/api/v1/placements/${id.id}`)).statusCode).toBe(404);
    expect((await as(t.app, energieUser)('GET', `/api/v1/placements/${id.id}/errors`)).statusCode).toBe(404);
  });

  it('refuses a file whose header is wrong, whole, naming the columns', async () => {
    const response = await upload(
      manager,
      horizonUser.creditorId!,
      'BH-2026',
      'debtor_reference;claim_refrence;principal\nC1;K1;10,00\n',
    );
    const done = (await waitForEnd(manager, (response.json() as { id: string }).id)) as {
      status: string;
      rowsRejected: number;
    };
    expect(done.status).toBe('rejected');
    const errors = (
      await as(t.app, manager)('GET', `/api/v1/placements/${(response.json() as { id: string }).id}/errors`)
    ).json() as { items: { code: string; message: string }[] };
    const messages = errors.items.map((e) => e.message).join('\n');
    expect(messages).toMatch(/claim_refrence/);
    expect(messages).toMatch(/claim_reference/);
  });

  it('accepts JSON lines, refuses other media types and unknown mandates', async () => {
    const jsonl = readFileSync('examples/intake/placement-example.jsonl');
    const ok = await upload(manager, energieUser.creditorId!, 'ER-2026', jsonl, 'application/x-ndjson');
    expect(ok.statusCode).toBe(202);
    expect((await waitForEnd(manager, (ok.json() as { id: string }).id)).status).toBe('completed');
    expect((await upload(manager, horizonUser.creditorId!, 'BH-2026', 'x', 'application/pdf')).statusCode).toBe(415);
    const unknown = await upload(manager, horizonUser.creditorId!, 'NOPE', withErrors);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'intake.unknown_mandate', mandateCode: 'NOPE' });
  });

  it('refuses a file over the upload limit, says the limit, closes the connection and keeps nothing', async () => {
    const limit = t.deps.config.UPLOAD_LIMIT_BYTES;
    t.deps.config.UPLOAD_LIMIT_BYTES = 1024;
    try {
      const response = await upload(
        manager,
        horizonUser.creditorId!,
        'BH-2026',
        Buffer.concat([withErrors, withErrors, withErrors]),
      );
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ code: 'request.too_large', limitBytes: 1024 });
      expect(response.headers.connection).toBe('close');
      const failed = await t.deps.db
        .selectFrom('placements')
        .select('status')
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      expect(failed.status).toBe('failed');
    } finally {
      t.deps.config.UPLOAD_LIMIT_BYTES = limit;
    }
  });

  it('is refused to roles without the permission', async () => {
    const agent = await signIn(t.app, demoEmail('agent'));
    expect((await upload(agent, horizonUser.creditorId!, 'BH-2026', withErrors)).statusCode).toBe(403);
    expect((await as(t.app, agent)('GET', '/api/v1/placements')).statusCode).toBe(403);
  });
});
