import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { INTAKE_COLUMNS } from './generate-intake-file.js';

/** The floor to compare with: the file's rows COPY'd as text into an unindexed table, no validation at all. */
export async function rawCopyRowsPerSecond(url: string, path: string, rows: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `create table if not exists bench_raw_copy (${INTAKE_COLUMNS.map((c) => `${c} text`).join(', ')})`,
    );
    await client.query('truncate bench_raw_copy');
    const started = performance.now();
    await pipeline(
      createReadStream(path),
      client.query(copyFrom(`copy bench_raw_copy from stdin with (format csv, header true, delimiter ';')`)),
    );
    const seconds = (performance.now() - started) / 1000;
    await client.query('drop table bench_raw_copy');
    return rows / seconds;
  } finally {
    await client.end();
  }
}
