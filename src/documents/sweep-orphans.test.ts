import { randomUUID } from 'node:crypto';
import { mkdirSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { documentsDir } from '../platform/config.js';
import { ORPHAN_GRACE_HOURS, sweepOrphanFiles } from './sweep-orphans.js';

const START = new Date('2026-11-25T09:00:00Z');
const HOUR = 3_600_000;

describe.each(ENGINES)('the sweep of orphaned document files on %s', (engine) => {
  let t: TestApp;
  let root: string;

  /** Where the storage keeps a document's file. */
  const pathOf = (id: string, partial = false) => join(root, id.slice(0, 2), partial ? `${id}.part` : id);
  /** A file in storage as a crash would leave it, last written `hoursAgo` before the clock. */
  const leave = (path: string, hoursAgo: number) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'left behind');
    const at = new Date(t.deps.now().getTime() - hoursAgo * HOUR);
    utimesSync(path, at, at);
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    root = documentsDir(t.deps.config);
  });
  afterAll(() => t.close());

  it('deletes old files no record names, keeps recorded, recent and foreign files, and audits the count', async () => {
    const agent = await signIn(t.app, demoEmail('agent'));
    const caseId = (await t.deps.db.selectFrom('cases').select('id').orderBy('reference').executeTakeFirstOrThrow()).id;
    const upload = async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/documents?type=correspondence&source=agent&fileName=lettre.txt`,
        headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'content-type': 'text/plain' },
        payload: 'Courrier du débiteur',
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>().id;
    };
    // A document whose record and file are both there, written long ago: kept.
    const recorded = await upload();
    utimesSync(
      pathOf(recorded),
      new Date(START.getTime() - 90 * 24 * HOUR),
      new Date(START.getTime() - 90 * 24 * HOUR),
    );
    // A record deleted whose file stayed: the process died between the two.
    const recordGone = await upload();
    await t.deps.db.deleteFrom('case_documents').where('id', '=', recordGone).execute();
    leave(pathOf(recordGone), ORPHAN_GRACE_HOURS + 1);
    // A file written whose record never committed, and a partial upload cut short: both old.
    const neverRecorded = randomUUID();
    leave(pathOf(neverRecorded), 48);
    const cutShort = randomUUID();
    leave(pathOf(cutShort, true), 72);
    // A file without a record written within the grace period: perhaps an upload about to commit.
    const recent = randomUUID();
    leave(pathOf(recent), ORPHAN_GRACE_HOURS - 1);
    // A file the storage did not name is never its to delete.
    leave(join(root, 'README'), 1000);
    leave(join(root, 'ab', 'notes.txt'), 1000);

    expect(await sweepOrphanFiles(t.deps)).toEqual({ orphanFilesDeleted: 3 });
    expect(existsSync(pathOf(recorded))).toBe(true);
    expect(existsSync(pathOf(recent))).toBe(true);
    expect(existsSync(join(root, 'README'))).toBe(true);
    expect(existsSync(join(root, 'ab', 'notes.txt'))).toBe(true);
    for (const path of [pathOf(recordGone), pathOf(neverRecorded), pathOf(cutShort, true)])
      expect(existsSync(path), path).toBe(false);

    const entries = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role', 'after'])
      .where('action', '=', 'document.orphan_files_deleted')
      .execute();
    expect(entries).toEqual([
      {
        action: 'document.orphan_files_deleted',
        actor_role: 'system',
        after: {
          count: 3,
          graceHours: ORPHAN_GRACE_HOURS,
          olderThan: new Date(START.getTime() - 24 * HOUR).toISOString(),
        },
      },
    ]);
    // The document still recorded still downloads.
    expect((await as(t.app, agent)('GET', `/api/v1/documents/${recorded}/file`)).statusCode).toBe(200);

    // Nothing left to sweep: nothing deleted, nothing audited.
    expect(await sweepOrphanFiles(t.deps)).toEqual({ orphanFilesDeleted: 0 });
    const count = await t.deps.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'document.orphan_files_deleted')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
