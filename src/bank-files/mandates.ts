import { isValidBIC, isValidIBAN } from 'ibantools';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { assertVisible } from '../cases/scope.js';
import type { Deps } from '../platform/deps.js';
import type { DB, SepaMandatesTable } from '../platform/db/schema.js';
import { conflict, invalid } from '../platform/errors.js';
import type { MandateView } from './contract.js';
import { agencyToday } from '../platform/calendar/index.js';
import { normaliseIban } from './core/match.js';

/** SEPA Core mandates signed by debtors: create, read, amend (name, IBAN, BIC) and revoke; never deleted. */

export interface MandateInput {
  reference: string;
  caseId: string;
  debtorName: string;
  debtorIban: string;
  debtorBic?: string | null | undefined;
  signedOn: string;
}

type Row = Selectable<SepaMandatesTable> & { case_reference: string };

const view = (row: Row): MandateView => ({
  id: row.id,
  reference: row.reference,
  caseId: row.case_id,
  caseReference: row.case_reference,
  debtorId: row.debtor_id,
  debtorName: row.debtor_name,
  debtorIban: row.debtor_iban,
  debtorBic: row.debtor_bic,
  signedOn: row.signed_on,
  sequence: row.sequence,
  status: row.status,
  revokedOn: row.revoked_on,
  revokeReason: row.revoke_reason,
  createdAt: row.created_at.toISOString(),
});

const select = (db: Kysely<DB>) =>
  db
    .selectFrom('sepa_mandates')
    .innerJoin('cases', 'cases.id', 'sepa_mandates.case_id')
    .selectAll('sepa_mandates')
    .select('cases.reference as case_reference');

/** The IBAN without spaces, in capitals, refused unless its check digits and national format are right (ISO 13616). */
export function checkedIban(value: string): string {
  const iban = normaliseIban(value);
  if (!isValidIBAN(iban))
    throw invalid(
      'sepa_mandates.iban_invalid',
      `The IBAN ${value} is not valid: check it against the debtor's bank details (RIB).`,
      { field: 'debtorIban' },
    );
  return iban;
}

function checkedBic(value: string | null | undefined): string | null {
  if (!value) return null;
  const bic = value.replace(/\s+/g, '').toUpperCase();
  if (!isValidBIC(bic))
    throw invalid(
      'sepa_mandates.bic_invalid',
      `The BIC ${value} is not valid: leave it empty or copy it from the debtor's bank details.`,
      { field: 'debtorBic' },
    );
  return bic;
}

export async function getMandate(deps: Deps, actor: Actor, id: string): Promise<MandateView> {
  const row = await select(deps.db).where('sepa_mandates.id', '=', id).executeTakeFirst();
  assertVisible(actor, row, 'The SEPA mandate');
  return view(row);
}

export async function listMandates(
  deps: Deps,
  actor: Actor,
  filter: { caseId?: string | undefined; status?: 'active' | 'revoked' | undefined; limit: number; offset: number },
) {
  let query = select(deps.db);
  if (filter.caseId) query = query.where('sepa_mandates.case_id', '=', filter.caseId);
  if (filter.status) query = query.where('sepa_mandates.status', '=', filter.status);
  if (actor.creditorId) query = query.where('sepa_mandates.creditor_id', '=', actor.creditorId);
  const rows = await query
    .orderBy('sepa_mandates.created_at', 'desc')
    .orderBy('sepa_mandates.id')
    .limit(filter.limit + 1)
    .offset(filter.offset)
    .execute();
  return { items: rows.slice(0, filter.limit).map(view), hasMore: rows.length > filter.limit };
}

export async function createMandate(
  deps: Deps,
  actor: Actor,
  input: MandateInput,
  requestId: string | null,
): Promise<MandateView> {
  const iban = checkedIban(input.debtorIban);
  const bic = checkedBic(input.debtorBic);
  const at = deps.now();
  if (input.signedOn > agencyToday(at, deps.config))
    throw invalid(
      'sepa_mandates.signed_in_future',
      'The signature date is in the future: give the day the debtor signed the mandate.',
      { field: 'signedOn' },
    );
  const id = await deps.db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('cases')
      .select(['id', 'debtor_id', 'creditor_id', 'status'])
      .where('id', '=', input.caseId)
      .forUpdate()
      .executeTakeFirst();
    assertVisible(actor, found, 'The case');
    if (found.status === 'closed')
      throw conflict(
        'sepa_mandates.case_closed',
        'The case is closed: a direct debit mandate is only taken on an open case.',
      );
    const taken = await trx
      .selectFrom('sepa_mandates')
      .select('id')
      .where('reference', '=', input.reference)
      .executeTakeFirst();
    if (taken)
      throw conflict(
        'sepa_mandates.reference_taken',
        `The mandate reference ${input.reference} is already used: each mandate has its own reference.`,
        { mandateId: taken.id },
      );
    const row = await trx
      .insertInto('sepa_mandates')
      .values({
        reference: input.reference,
        case_id: found.id,
        debtor_id: found.debtor_id,
        creditor_id: found.creditor_id,
        debtor_name: input.debtorName.trim(),
        debtor_iban: iban,
        debtor_bic: bic,
        signed_on: input.signedOn,
        created_by: actor.userId,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'sepa_mandate.created',
      targetType: 'sepa_mandate',
      targetId: row.id,
      creditorId: found.creditor_id,
      // The IBAN is bank data: the audit keeps its last four characters only.
      after: { reference: input.reference, caseId: found.id, ibanEnd: iban.slice(-4), signedOn: input.signedOn },
      requestId,
      at,
    });
    return row.id;
  });
  return getMandate(deps, actor, id);
}

/**
 * Amends an active mandate (EPC rulebook: the debtor's name, account or bank may change under the same mandate). A new
 * account starts the sequence again at FRST.
 */
export async function amendMandate(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { debtorName?: string | undefined; debtorIban?: string | undefined; debtorBic?: string | null | undefined },
  requestId: string | null,
): Promise<MandateView> {
  const at = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('sepa_mandates').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    assertVisible(actor, row, 'The SEPA mandate');
    if (row.status !== 'active')
      throw conflict('sepa_mandates.revoked', 'This mandate is revoked: take a new mandate instead of amending it.');
    const iban = input.debtorIban === undefined ? row.debtor_iban : checkedIban(input.debtorIban);
    const bic = input.debtorBic === undefined ? row.debtor_bic : checkedBic(input.debtorBic);
    const name = input.debtorName?.trim() ?? row.debtor_name;
    const sequence = iban !== row.debtor_iban ? 'first' : row.sequence;
    await trx
      .updateTable('sepa_mandates')
      .set({ debtor_name: name, debtor_iban: iban, debtor_bic: bic, sequence, updated_at: at })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'sepa_mandate.amended',
      targetType: 'sepa_mandate',
      targetId: id,
      creditorId: row.creditor_id,
      before: { ibanEnd: row.debtor_iban.slice(-4), bic: row.debtor_bic, nameChanged: false, sequence: row.sequence },
      after: { ibanEnd: iban.slice(-4), bic, nameChanged: name !== row.debtor_name, sequence },
      requestId,
      at,
    });
  });
  return getMandate(deps, actor, id);
}

export async function revokeMandate(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { reason: string; revokedOn?: string | undefined },
  requestId: string | null,
): Promise<MandateView> {
  const at = deps.now();
  const revokedOn = input.revokedOn ?? agencyToday(at, deps.config);
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('sepa_mandates').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    assertVisible(actor, row, 'The SEPA mandate');
    if (row.status === 'revoked')
      throw conflict('sepa_mandates.revoked', `This mandate was already revoked on ${row.revoked_on}.`);
    if (revokedOn < row.signed_on)
      throw invalid('sepa_mandates.revoked_before_signature', 'The revocation date is before the signature date.', {
        field: 'revokedOn',
      });
    await trx
      .updateTable('sepa_mandates')
      .set({ status: 'revoked', revoked_on: revokedOn, revoke_reason: input.reason.trim(), updated_at: at })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'sepa_mandate.revoked',
      targetType: 'sepa_mandate',
      targetId: id,
      creditorId: row.creditor_id,
      before: { status: 'active' },
      after: { status: 'revoked', revokedOn, reason: input.reason.trim() },
      requestId,
      at,
    });
  });
  return getMandate(deps, actor, id);
}
