import { readFileSync } from 'node:fs';
import { DiffChecker } from 'kysely-codegen';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/support/database.js';
import { GENERATED_SCHEMA_FILE, GENERATED_SCHEMA_PATH, generateSchemaTypes } from '../../../scripts/schema-codegen.js';

/** The committed Kysely types are the ones the migrations give: a migration without `npm run db:types` fails here. */
describe.each(ENGINES)('generated schema types (%s)', (engine) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('match the migrated database, column by column', async () => {
    const generated = await generateSchemaTypes(test.database.db);
    const committed = readFileSync(GENERATED_SCHEMA_PATH, 'utf8');
    const diff = new DiffChecker().diff(committed, generated);
    expect(
      diff,
      `${GENERATED_SCHEMA_FILE} is out of step with the migrations (- committed, + from the database); run npm run db:types:\n${diff}`,
    ).toBeUndefined();
  });
});
