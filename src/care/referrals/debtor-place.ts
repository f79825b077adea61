import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import type { DebtorPlace } from './core/suggest.js';

/**
 * Where the debtor lives, for the directory: the country and département (or province) of the address the contact
 * policy reads (primary first, then the newest); France without a known département when there is no address. 404
 * when there is no such debtor.
 */
export async function debtorPlace(db: Kysely<DB> | Transaction<DB>, debtorId: string): Promise<DebtorPlace> {
  const debtor = await db.selectFrom('debtors').select('id').where('id', '=', debtorId).executeTakeFirst();
  if (!debtor) throw notFound('The debtor');
  const address = await db
    .selectFrom('debtor_addresses')
    .select(['country', 'subdivision'])
    .where('debtor_id', '=', debtorId)
    .orderBy('is_primary', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return address ? { country: address.country, department: address.subdivision } : { country: 'FR', department: null };
}
