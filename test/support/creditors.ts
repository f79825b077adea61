import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';

/** A creditor (a French bank named by its code) with one collection mandate: the least an import needs. */
export async function insertCreditorWithMandate(
  db: Kysely<DB>,
  code: string,
  mandate: { code: string; rejectFileOnError?: boolean },
): Promise<string> {
  const { id } = await db
    .insertInto('creditors')
    .values({
      code,
      name: code,
      legal_name: code,
      sector: 'bank',
      country: 'FR',
      address_line1: '1 rue',
      postal_code: '75001',
      city: 'Paris',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('mandates')
    .values({
      creditor_id: id,
      code: mandate.code,
      kind: 'collection',
      commission_rate_bp: 1500,
      starts_on: '2026-01-01',
      allocation_order: '[]',
      reject_file_on_error: mandate.rejectFileOnError ?? false,
    })
    .execute();
  return id;
}
