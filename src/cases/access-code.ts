import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { accessCodeFrom } from './core/access-code.js';

/**
 * The access code of a case, made the first time a letter or a person asks for it and the same ever after (every
 * letter of the case prints it). A new code that happens to equal another case's is drawn again.
 */
export async function portalAccessCode(db: Kysely<DB> | Transaction<DB>, caseId: string, now: Date): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = await db
      .selectFrom('portal_access_codes')
      .select('code')
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (existing) return existing.code;
    await db
      .insertInto('portal_access_codes')
      .values({ case_id: caseId, code: accessCodeFrom(randomBytes(16)), created_at: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  throw new Error(`No access code could be made for case ${caseId}`);
}
