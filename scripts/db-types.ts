import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { GENERATED_SCHEMA_FILE, GENERATED_SCHEMA_PATH, generateSchemaTypes } from './schema-codegen.js';

/**
 * `npm run db:types`: migrates a scratch database and writes the Kysely types of its tables into
 * `src/platform/db/schema.generated.ts`. On the PostgreSQL server of TEST_DATABASE_URL or DATABASE_URL, a uniquely
 * named database, dropped afterwards; without either, an in-memory PGlite (the same types).
 */
const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

async function onServer(adminUrl: string, use: (database: Database) => Promise<void>): Promise<void> {
  const name = `accord_types_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString(), maxConnections: 2 });
    try {
      await use(database);
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function inMemory(use: (database: Database) => Promise<void>): Promise<void> {
  const database = await openDatabase({});
  try {
    await use(database);
  } finally {
    await database.close();
  }
}

const write = async (database: Database) => {
  await migrate(database);
  writeFileSync(GENERATED_SCHEMA_PATH, await generateSchemaTypes(database.db));
};
await (serverUrl ? onServer(serverUrl, write) : inMemory(write));
console.log(
  `Wrote ${GENERATED_SCHEMA_FILE} from ${serverUrl ? 'a scratch PostgreSQL database' : 'an in-memory PGlite'}.`,
);
