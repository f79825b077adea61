import pg from 'pg';

export interface ScratchDatabase {
  name: string;
  /** Its connection URL: the server's, with the database's name. */
  url: string;
  /** Drops it (connections still open are ended) and closes the admin connection. */
  drop(): Promise<void>;
  /** Closes the admin connection and leaves the database for a person to look at. */
  keep(): Promise<void>;
}

/** The scratch databases of this process not yet dropped or kept. */
const live = new Set<ScratchDatabase>();

/** A database of its own for one benchmark run, on the server `serverUrl` points to. */
export async function createScratchDatabase(serverUrl: string, name: string): Promise<ScratchDatabase> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // Once only, whoever asks first (the run's end or an interruption).
  let ended: Promise<void> | null = null;
  const scratch: ScratchDatabase = {
    name,
    url: url.toString(),
    drop: () =>
      (ended ??= (async () => {
        live.delete(scratch);
        try {
          await admin.query(`drop database if exists ${name} with (force)`);
        } finally {
          await admin.end();
        }
      })()),
    keep: () =>
      (ended ??= (async () => {
        live.delete(scratch);
        await admin.end();
      })()),
  };
  live.add(scratch);
  return scratch;
}

/** Drops every scratch database of this process still there: what an interrupted benchmark leaves. */
export async function dropScratchDatabases(): Promise<void> {
  await Promise.allSettled([...live].map((scratch) => scratch.drop()));
}

/** A database that exists already (a kept run's), handled like a scratch one but never dropped. */
export function existingDatabase(serverUrl: string, name: string): ScratchDatabase {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a benchmark database name: ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: async () => {}, keep: async () => {} };
}
