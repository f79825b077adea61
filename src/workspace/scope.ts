import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../identity/actor.js';
import { creditorScope } from '../identity/scope.js';
import type { DB } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The case, if the actor may see it (a creditor user: its own creditor's only); otherwise 404, whether it exists or not. */
export async function assertCaseInScope(db: Db, actor: Actor, caseId: string) {
  let query = db.selectFrom('cases').select(['id', 'reference', 'creditor_id', 'debtor_id', 'status', 'stage', 'balance_cents', 'currency']).where('id', '=', caseId);
  const scope = creditorScope(actor);
  if (scope) query = query.where('creditor_id', '=', scope);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('The case');
  return row;
}
