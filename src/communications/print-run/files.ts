import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../platform/config.js';
import { notFound } from '../../platform/errors.js';

/**
 * A print run's files, kept under DATA_DIR/print-runs/<run id>/ (shared by every process, like the documents): the
 * PDF of all its letters and the mail house's manifest. Written once, when the run is prepared.
 */
export type RunFile = 'pdf' | 'manifest';

const NAMES: Record<RunFile, string> = { pdf: 'letters.pdf', manifest: 'manifest.csv' };

export const printRunsDir = (config: Config) => join(config.DATA_DIR, 'print-runs');

const pathOf = (config: Config, runId: string, file: RunFile) => join(printRunsDir(config), runId, NAMES[file]);

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Writes both files (each through a temporary name, so a reader never sees half of one); gives their SHA-256. */
export async function writeRunFiles(
  config: Config,
  runId: string,
  files: Record<RunFile, Buffer | string>,
): Promise<Record<RunFile, string>> {
  await mkdir(join(printRunsDir(config), runId), { recursive: true });
  for (const file of ['pdf', 'manifest'] as const) {
    const path = pathOf(config, runId, file);
    await writeFile(`${path}.partial`, files[file]);
    await rename(`${path}.partial`, path);
  }
  return { pdf: sha256(files.pdf), manifest: sha256(files.manifest) };
}

/** One of a run's files; 404 when it is not there (a run without letters has none). */
export async function readRunFile(config: Config, runId: string, file: RunFile): Promise<Buffer> {
  try {
    return await readFile(pathOf(config, runId, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound(`The print run's ${file}`);
    throw error;
  }
}
