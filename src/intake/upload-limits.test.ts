import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';

const QUOTA = 4096;

describe.each(ENGINES)('placement uploads: per-creditor limits on %s', (engine) => {
  let t: TestApp;
  let creditor: Session;
  const uploads = mkdtempSync(join(tmpdir(), 'accord-upload-limits-'));
  const queued: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(engine, {
      demo: true,
      config: { UPLOAD_DIR: uploads, PLACEMENT_MAX_ACTIVE_IMPORTS: 2, PLACEMENT_DAILY_QUOTA_BYTES: QUOTA },
    });
    // A queue that takes the jobs and runs none: the placements stay pending, as behind a busy worker.
    t.deps.jobs = { send: async (_name, data) => (queued.push((data as { placementId: string }).placementId), null) };
    creditor = await signIn(t.app, 'creditor@demo.accord.test');
  });
  afterAll(() => t.close());

  const upload = (bytes: number) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/placements?creditorId=${creditor.creditorId}&mandateCode=BH-2026&fileName=remise.csv`,
      headers: { cookie: creditor.cookie, 'x-csrf-token': creditor.csrf, 'content-type': 'text/csv' },
      payload: 'x'.repeat(bytes),
    });
  const finishAll = () =>
    t.deps.db
      .updateTable('placements')
      .set({ status: 'completed', completed_at: t.clock.now })
      .where('status', 'in', ['pending', 'running'])
      .execute();

  it('takes at most two imports waiting or running per creditor, and says to retry when one has finished', async () => {
    expect((await upload(100)).statusCode).toBe(202);
    expect((await upload(100)).statusCode).toBe(202);
    const third = await upload(100);
    expect(third.statusCode).toBe(409);
    expect(third.json()).toMatchObject({ code: 'placements.too_many_imports', activeImports: 2, maxActiveImports: 2 });
    expect(third.json().detail).toContain('try again when one of them has finished');
    expect(queued).toHaveLength(2);
    await finishAll();
    expect((await upload(100)).statusCode).toBe(202);
    await finishAll();
  });

  it('refuses a file past the day quota with 413, then any upload with 429 until the oldest leaves the 24 hours', async () => {
    // 300 bytes used so far; 3,796 left.
    const tooBig = await upload(3_800);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'placements.quota_exceeded', quotaBytes: QUOTA, usedBytes: 300 });
    const failed = await t.deps.db
      .selectFrom('placements')
      .select(['id', 'status', 'source_bytes'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(failed).toEqual({ id: expect.any(String), status: 'failed', source_bytes: null });
    // The failure is audited with the placement, as the stored size of an accepted file is.
    const trail = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('target_id', '=', failed.id)
      .execute();
    expect(trail).toEqual([
      { action: 'placement.upload_failed', after: { status: 'failed', failure: 'file too large' } },
    ]);

    const accepted = await upload(3_796);
    expect(accepted.statusCode).toBe(202);
    const stored = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('target_id', '=', accepted.json().id)
      .execute();
    expect(stored).toEqual([
      {
        action: 'placement.uploaded',
        after: { status: 'pending', bytes: 3_796, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      },
    ]);
    await finishAll();
    const full = await upload(1);
    expect(full.statusCode).toBe(429);
    const problem = full.json() as { code: string; usedBytes: number; retryAt: string; detail: string };
    expect(problem).toMatchObject({ code: 'placements.quota_exceeded', usedBytes: QUOTA });
    expect(problem.detail).toContain(`try again after ${problem.retryAt}`);
    // The stored files are those accepted: the refused ones were removed.
    expect(readdirSync(uploads)).toHaveLength(4);

    expect(new Date(problem.retryAt).getTime()).toBeGreaterThan(t.clock.now.getTime());
    // Retry-After in seconds, up to the moment the oldest upload leaves the 24 hours.
    const seconds = Number(full.headers['retry-after']);
    expect(seconds).toBe(Math.ceil((new Date(problem.retryAt).getTime() - t.clock.now.getTime()) / 1000));
    expect(seconds).toBeGreaterThan(0);
    // A day later (the uploads dated 25 hours back), the quota is free again.
    await sql`update placements set created_at = created_at - interval '25 hours'`.execute(t.deps.db);
    expect((await upload(100)).statusCode).toBe(202);
  });

  it('keeps creditors apart: one creditor at its limits does not stop another', async () => {
    const energie = await signIn(t.app, 'creditor.energie@demo.accord.test');
    const mandate = await t.deps.db
      .selectFrom('mandates')
      .select('code')
      .where('creditor_id', '=', energie.creditorId!)
      .executeTakeFirstOrThrow();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/placements?creditorId=${energie.creditorId}&mandateCode=${mandate.code}`,
      headers: { cookie: energie.cookie, 'x-csrf-token': energie.csrf, 'content-type': 'text/csv' },
      payload: 'x'.repeat(QUOTA),
    });
    expect(response.statusCode).toBe(202);
  });
});
