import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { FeeBand, ProportionalFeeTable } from './core/costs.js';

/** The commissaire's proportional fee tables (A444-32, `judicial_fee_tables`), oldest first. */
export async function feeTablesOf(db: Kysely<DB> | Transaction<DB>): Promise<ProportionalFeeTable[]> {
  const rows = await db
    .selectFrom('judicial_fee_tables')
    .select(['floor_cents', 'floor_upto_cents', 'cap_cents', 'bands', 'tag', 'source', 'valid_from'])
    .where('tariff', '=', 'a444_32')
    .orderBy('valid_from')
    .execute();
  return rows.map((row) => ({
    validFrom: row.valid_from,
    source: row.source,
    tag: row.tag as 'law' | 'check',
    floorCents: row.floor_cents,
    floorUptoCents: Number(row.floor_upto_cents),
    capCents: Number(row.cap_cents),
    bands: row.bands as unknown as FeeBand[],
  }));
}
