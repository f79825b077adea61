import type { Kysely, Transaction } from 'kysely';
import { chooseLetterAddress, type AddressSource } from '../debtors/core/letter-address.js';
import type { DB } from '../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The phones and e-mail addresses a one-time code may go to: the person's own, verified, never marked wrong or
 * undeliverable; a phone only when it is a mobile (a code by SMS).
 */
export async function usableContactPoints(db: Db, debtorId: string) {
  return db
    .selectFrom('debtor_contact_points')
    .select(['id', 'channel', 'value'])
    .where('debtor_id', '=', debtorId)
    .where('verified_at', 'is not', null)
    .where('wrong_number_at', 'is', null)
    .where('undeliverable_at', 'is', null)
    .where((eb) => eb.or([eb('channel', '=', 'email'), eb('usage', '=', 'mobile')]))
    .orderBy('channel', 'desc')
    .orderBy('verified_at', 'desc')
    .orderBy('id')
    .limit(4)
    .execute();
}

/** The postcode of the address the person's letters go to (the debtors' rule), or null. */
export async function letterPostcode(db: Db, debtorId: string): Promise<string | null> {
  const addresses = await db
    .selectFrom('debtor_addresses')
    .select(['id', 'source', 'is_primary', 'created_at', 'verified_at', 'undeliverable_at', 'postal_code'])
    .where('debtor_id', '=', debtorId)
    .execute();
  const chosen = chooseLetterAddress(
    addresses.map((a) => ({
      id: a.id,
      source: a.source as AddressSource,
      isPrimary: a.is_primary,
      createdAtMs: a.created_at.getTime(),
      verifiedAtMs: a.verified_at?.getTime() ?? null,
      undeliverableAtMs: a.undeliverable_at?.getTime() ?? null,
    })),
  );
  return chosen ? addresses.find((a) => a.id === chosen.id)!.postal_code : null;
}

/** The kinds of the holds in force now on the case or on the person (a hold on the person covers every case). */
export async function activeHoldKinds(db: Db, found: { id: string; debtor_id: string }, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('holds')
    .select('kind')
    .where('debtor_id', '=', found.debtor_id)
    .where((eb) => eb.or([eb('case_id', 'is', null), eb('case_id', '=', found.id)]))
    .where('status', '=', 'active')
    .where('starts_at', '<=', now)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
    .execute();
  return rows.map((row) => row.kind);
}
