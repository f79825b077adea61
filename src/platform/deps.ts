import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { DB } from './db/schema.js';

/** What services need from the outside world, passed explicitly (no container, no base class). */
export interface Deps {
  database: Database;
  db: Kysely<DB>;
  config: Config;
  /** The clock. Services read time here only, so tests can set it. */
  now: () => Date;
  /** Background jobs (pg-boss); null where none run (some tests). */
  jobs?: JobQueue | null;
}

export interface JobQueue {
  send(name: string, data: object): Promise<string | null>;
}
