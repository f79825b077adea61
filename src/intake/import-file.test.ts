import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIntakeFile } from '../../scripts/bench/generate-intake-file.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { insertCreditorWithMandate } from '../../test/support/creditors.js';
import { ENGINES } from '../../test/support/database.js';
import { SYSTEM_ACTOR } from '../audit/append.js';
import { agencyToday } from '../platform/calendar/index.js';
import { importFile, validatedRows } from './import-file.js';
import { createPlacement, runPlacement } from './import-placement.js';
import { validatedChunksOfFile } from './read-chunks.js';

/**
 * A file imported by importFile (read on worker threads, in chunks) gives what the serial reading gives: rows,
 * rejections and errors, and progress as it goes; and a crash while chunks are staged leaves nothing behind.
 */
describe.each(ENGINES)('importing a file on worker threads on %s', (engine) => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'accord-import-file-'));
  const file = join(dir, 'placement.csv');

  const creditor = async (code: string) => {
    const id = await insertCreditorWithMandate(t.deps.db, code, { code: 'M-1' });
    const { placementId } = await createPlacement(t.deps, {
      creditorId: id,
      mandateCode: 'M-1',
      source: { fileName: 'placement.csv', sha256: null, format: 'csv' },
      actor: SYSTEM_ACTOR,
    });
    return { id, placementId };
  };
  const errorsOf = (placementId: string) =>
    t.deps.db
      .selectFrom('placement_errors')
      .select(['line', 'column_name', 'value', 'code', 'message'])
      .where('placement_id', '=', placementId)
      .orderBy('line')
      .orderBy('code')
      .orderBy('column_name')
      .execute();
  const claimsOf = async (creditorId: string) =>
    Number(
      (
        await t.deps.db
          .selectFrom('claims')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('creditor_id', '=', creditorId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(engine);
    // About 2 MB: several chunks, read by the workers.
    await generateIntakeFile(file, 12_000, 3);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the rows, rejections and errors of the serial reading, and its progress', async () => {
    const today = agencyToday(t.deps.now(), t.deps.config);
    const serial = await creditor('SERIAL');
    const serialProgress: number[] = [];
    const expected = await runPlacement(t.deps, serial.placementId, validatedRows(file, today), {
      actor: SYSTEM_ACTOR,
      onProgress: (rows) => serialProgress.push(rows),
    });
    const parallel = await creditor('PARALLEL');
    const progress: number[] = [];
    const report = await importFile(t.deps, parallel.placementId, file, {
      actor: SYSTEM_ACTOR,
      workers: 2,
      onProgress: (rows) => progress.push(rows),
    });
    const read = ({ status, rowsTotal, rowsRejected, errorsStored }: typeof report) => ({
      status,
      rowsTotal,
      rowsRejected,
      errorsStored,
    });
    expect(read(report)).toEqual(read(expected));
    expect(report.rowsTotal).toBe(12_000);
    expect(report.rowsRejected).toBeGreaterThan(0);
    expect(report.counts?.claimsCreated).toBe(expected.counts?.claimsCreated);
    expect(await errorsOf(parallel.placementId)).toEqual(await errorsOf(serial.placementId));
    // Told when a chunk takes the count past each 10,000 rows (the serial reading: at each 10,000th row), and at the end.
    expect(serialProgress).toEqual([10_000, 12_000]);
    expect(progress).toHaveLength(2);
    expect(progress[0]).toBeGreaterThanOrEqual(10_000);
    expect(progress[1]).toBe(12_000);
  });

  it('leaves nothing behind when it crashes while staging chunks', async () => {
    const today = agencyToday(t.deps.now(), t.deps.config);
    const crashed = await creditor('CRASH');
    const rows = validatedChunksOfFile(file, today, { workers: 2 });
    await expect(
      runPlacement(t.deps, crashed.placementId, rows, { actor: SYSTEM_ACTOR, crashAfterRows: 1_000 }),
    ).rejects.toThrow(/simulated crash/);
    expect(await claimsOf(crashed.id)).toBe(0);
    const placement = await t.deps.db
      .selectFrom('placements')
      .select('status')
      .where('id', '=', crashed.placementId)
      .executeTakeFirstOrThrow();
    expect(placement.status).toBe('failed');
  });
});
