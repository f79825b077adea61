import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { isDebtorOnPortal, type ActingParty, type Actor } from '../identity/actor.js';
import { creditorScope, mayAccessCreditor } from '../identity/scope.js';
import type { DB } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';

/**
 * Creditor scope for cases, debtors and payments: agency staff work across creditors; a creditor user is confined
 * to its own, and a record outside its scope answers 404, exactly like a missing one (it never learns that the
 * record exists). Every service checks scope through these helpers instead of by hand.
 */
type Db = Kysely<DB> | Transaction<DB>;

type OwnedRow = { creditor_id: string } | { creditorId: string };

/** Asserts the row exists and the actor may see it; otherwise 404 ("`what` was not found, or you may not see it"). */
export function assertVisible<T extends OwnedRow>(
  actor: Actor,
  row: T | null | undefined,
  what: string,
): asserts row is T {
  if (!row) throw notFound(what);
  const creditorId = 'creditor_id' in row ? row.creditor_id : row.creditorId;
  if (!mayAccessCreditor(actor, creditorId)) throw notFound(what);
}

/** A creditor id the actor names (a filter, an upload's target): 404 when it is another creditor's. */
export function assertCreditorInScope(actor: Actor, creditorId: string, what = 'The creditor'): void {
  if (!mayAccessCreditor(actor, creditorId)) throw notFound(what);
}

/**
 * A condition limiting a query to the actor's creditor, on the given creditor column: `.where(withinScope(actor,
 * 'cases.creditor_id'))`. For staff it is `true`: the query is not limited.
 */
export function withinScope(actor: Actor, creditorColumn: string): RawBuilder<boolean> {
  const scope = creditorScope(actor);
  return scope === null ? sql<boolean>`true` : sql<boolean>`${sql.ref(creditorColumn)} = ${scope}`;
}

/** The creditor a list is limited to: the creditor user's own, whatever it asked; for staff, the one it asked for. */
export function creditorFilter(actor: Actor, asked: string | null | undefined): string | null {
  return creditorScope(actor) ?? asked ?? null;
}

/** A condition limiting cases to the acting party's: a user's creditor scope, or the debtor's own on the portal. */
function partyScope(party: ActingParty, creditorColumn: string, debtorColumn: string): RawBuilder<boolean> {
  return isDebtorOnPortal(party)
    ? sql<boolean>`${sql.ref(debtorColumn)} = ${party.debtorId}`
    : withinScope(party, creditorColumn);
}

/**
 * The case, if the acting party may see it (the debtor on the portal: their own cases only); otherwise 404, whether
 * it exists or not.
 */
export async function caseInScope(db: Db, actor: ActingParty, caseId: string) {
  const row = await db
    .selectFrom('cases')
    .select(['id', 'reference', 'creditor_id', 'debtor_id', 'status', 'stage', 'balance_cents', 'currency'])
    .where('id', '=', caseId)
    .where(partyScope(actor, 'creditor_id', 'debtor_id'))
    .executeTakeFirst();
  if (!row) throw notFound('The case');
  return row;
}

/**
 * Staff see every debtor; a creditor user only debtors with a case of its creditor (and the case given, if any); the
 * debtor on the portal only themselves (and their own case given, if any).
 */
export async function assertDebtorInScope(
  db: Db,
  actor: ActingParty,
  debtorId: string,
  caseId: string | null,
): Promise<void> {
  if (isDebtorOnPortal(actor) && actor.debtorId !== debtorId) throw notFound('The debtor');
  if (!isDebtorOnPortal(actor) && creditorScope(actor) === null && caseId === null) return;
  let query = db
    .selectFrom('cases')
    .select('id')
    .where('debtor_id', '=', debtorId)
    .where(partyScope(actor, 'creditor_id', 'debtor_id'))
    .limit(1);
  if (caseId !== null) query = query.where('id', '=', caseId);
  if (!(await query.executeTakeFirst())) throw notFound(caseId === null ? 'The debtor' : 'The case');
}
