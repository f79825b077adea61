import { sql, type Transaction } from 'kysely';
import type { DB } from './schema.js';

/**
 * Gives the transaction its key for `bulk_time_ordered_id()` (migration 0098): one draw from the server's
 * cryptographic generator, kept in a setting local to the transaction, from which every id the transaction then asks
 * for is derived. For statements that write many rows at once; a row written alone keeps its table's default.
 */
export async function startBulkIds(trx: Transaction<DB>): Promise<void> {
  await sql`select set_config('accord.bulk_id_key', encode(uuid_send(gen_random_uuid()), 'hex'), true)`.execute(trx);
}

/** A new time-ordered id, in a statement of a transaction that called startBulkIds. */
export const bulkId = sql<string>`bulk_time_ordered_id()`;
