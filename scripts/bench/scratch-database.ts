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

/** A database of its own for one benchmark run, on the server `serverUrl` points to. */
export async function createScratchDatabase(serverUrl: string, name: string): Promise<ScratchDatabase> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      try {
        await admin.query(`drop database if exists ${name} with (force)`);
      } finally {
        await admin.end();
      }
    },
    keep: () => admin.end(),
  };
}

/** A database that exists already (a kept run's), handled like a scratch one but never dropped. */
export function existingDatabase(serverUrl: string, name: string): ScratchDatabase {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a benchmark database name: ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: async () => {}, keep: async () => {} };
}
