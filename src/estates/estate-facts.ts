import type { Kysely, Selectable, Transaction } from 'kysely';
import { caseInScope } from '../cases/scope.js';
import type { Actor } from '../identity/actor.js';
import type { DB } from '../platform/db/schema.js';
import { conflict } from '../platform/errors.js';
import type { EstateDeadlineRule, EstateFacts, HeirOption } from './core/estate.js';

type Db = Kysely<DB> | Transaction<DB>;
export type EstateRow = Selectable<DB['estates']>;
export type PartyRow = Selectable<DB['estate_parties']>;

/** The estate's deadlines as dated reference data (`estate_deadline_rules`). */
export async function estateRules(db: Db): Promise<EstateDeadlineRule[]> {
  const rows = await db
    .selectFrom('estate_deadline_rules')
    .select(['deadline', 'months', 'source', 'tag', 'valid_from'])
    .orderBy('valid_from')
    .execute();
  return rows.map((row) => ({
    deadline: row.deadline,
    months: row.months,
    source: row.source,
    tag: row.tag,
    validFrom: row.valid_from,
  }));
}

export async function partiesOf(db: Db, estateId: string): Promise<PartyRow[]> {
  return db
    .selectFrom('estate_parties')
    .selectAll()
    .where('estate_id', '=', estateId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

export function factsOf(estate: EstateRow, parties: readonly PartyRow[]): EstateFacts {
  return {
    step: estate.step,
    diedOn: estate.died_on,
    optionEndsOn: estate.option_ends_on,
    netAssetsPublishedOn: estate.net_assets_published_on,
    claimDeclaredOn: estate.claim_declared_on,
    claimDeadlineOn: estate.claim_deadline_on,
    heirOptions: parties.flatMap((party) => (party.heir_option ? [party.heir_option as HeirOption] : [])),
  };
}

/** The case (in the actor's scope) and its estate, both locked for the transaction; 409 when no death is reported. */
export async function lockEstate(trx: Transaction<DB>, actor: Actor, caseId: string) {
  const found = await caseInScope(trx, actor, caseId);
  await trx.selectFrom('cases').select('id').where('id', '=', caseId).forUpdate().execute();
  const estate = await trx
    .selectFrom('estates')
    .selectAll()
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!estate) throw conflict('estates.none', 'No death is reported on this case.');
  return { found, estate, parties: await partiesOf(trx, estate.id) };
}
