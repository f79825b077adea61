import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { AppError, invalid } from '../platform/errors.js';
import { isValidIBAN } from 'ibantools';
import { PLAN_STATES, STAYED_STATES } from '../overindebtedness/core/procedure.js';
import { debitNotified, type DebitNotice } from './core/debit-notices.js';
import {
  buildPain008,
  instalmentEndToEndId,
  isValidCreditorIdentifier,
  pain008Problems,
  readPain008,
  type DirectDebit,
  type SepaCreditor,
} from './core/pain008.js';

/**
 * The pain.008 file of the direct debits due on a date: every unpaid instalment of a live plan due that day on a case
 * with an active SEPA mandate signed by then. The first time an instalment goes into a file it becomes a collection
 * (its end-to-end id, FRST for a mandate's first collection and RCUR after, audited); asking again for the same date
 * gives the same collections, so the file can be downloaded again. The file is read back before it is returned: it
 * must carry every end-to-end id and control sums exact to the cent.
 */
export async function directDebitFile(
  deps: Deps,
  actor: Actor,
  date: string,
  requestId: string | null,
): Promise<{ xml: string; fileName: string; count: number; controlSumCents: number }> {
  const creditor = sepaCreditor(deps);
  const at = deps.now();
  const debits = await deps.db.transaction().execute(async (trx) => {
    // One generation at a time: a mandate's first collection is FRST exactly once.
    await sql`select pg_advisory_xact_lock(hashtext('sepa_direct_debits'))`.execute(trx);
    const issued = await issueCollections(trx, actor, date, at);
    const rows = await collectionsOn(trx, date);
    if (issued.length > 0) {
      await appendAudit(trx, {
        actor: auditActor(actor),
        action: 'direct_debits.issued',
        targetType: 'sepa_collection_date',
        targetId: date,
        after: { date, issued: issued.length, endToEndIds: issued, totalInFile: rows.length },
        requestId,
        at,
      });
    }
    return rows;
  });
  if (debits.length === 0)
    throw new AppError(
      'bank_files.nothing_to_collect',
      404,
      `No direct debit is due on ${date}: no unpaid instalment of a live plan with an active SEPA mandate.`,
      { date },
    );
  return pain008File(date, at, creditor, debits);
}

/** Unpaid instalments of live plans due on the date that are in no file yet. */
function dueInstalments(trx: Transaction<DB>, date: string) {
  return (
    trx
      .selectFrom('plan_instalments as i')
      .innerJoin('plan_versions as v', 'v.id', 'i.plan_version_id')
      .innerJoin('plans as p', (join) =>
        join.onRef('p.id', '=', 'v.plan_id').onRef('p.current_version', '=', 'v.version'),
      )
      .innerJoin('cases as c', 'c.id', 'p.case_id')
      .select(['i.id', 'i.number', 'i.amount_cents', 'c.id as case_id', 'c.reference as case_reference'])
      .where('i.due_on', '=', date)
      .where('i.status', '<>', 'paid')
      .where('p.status', 'in', ['agreed', 'active'])
      .where('c.status', '<>', 'closed')
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom('sepa_collections as s').select('s.id').whereRef('s.instalment_id', '=', 'i.id')),
        ),
      )
      // An over-indebtedness procedure forbids every direct debit in a stayed state, and in a plan state every one but
      // the commission's plan (overindebtedness/core/procedure.ts, `allowedActs`).
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('overindebtedness_cases as oc')
              .innerJoin('overindebtedness_procedures as op', 'op.id', 'oc.procedure_id')
              .select('oc.case_id')
              .whereRef('oc.case_id', '=', 'c.id')
              .where((w) =>
                w.or([
                  w('op.state', 'in', [...STAYED_STATES]),
                  w.and([w('op.state', 'in', [...PLAN_STATES]), w('oc.plan_id', 'is distinct from', w.ref('p.id'))]),
                ]),
              ),
          ),
        ),
      )
      .orderBy('c.reference')
      .orderBy('i.number')
      .execute()
  );
}

/** Each case's active mandate signed (and notified) by the date, the latest signed (locked: its sequence may change). */
async function mandatesOf(trx: Transaction<DB>, caseIds: string[], date: string) {
  const mandates =
    caseIds.length === 0
      ? []
      : await trx
          .selectFrom('sepa_mandates')
          .selectAll()
          .where('case_id', 'in', caseIds)
          .where('status', '=', 'active')
          .where('signed_on', '<=', date)
          // A mandate signed on the portal debits only what its schedule notified in time (docs/portal.md).
          .where((eb) => eb.or([eb('pre_notified_from', 'is', null), eb('pre_notified_from', '<=', date)]))
          .orderBy('signed_on', 'desc')
          .orderBy('created_at', 'desc')
          .forUpdate()
          .execute();
  const mandateOf = new Map<string, (typeof mandates)[number]>();
  for (const mandate of mandates) if (!mandateOf.has(mandate.case_id)) mandateOf.set(mandate.case_id, mandate);
  return mandateOf;
}

/** The notices given of these instalments' debits, by mandate (portal mandates: `sepa_debit_notices`). */
async function debitNoticesOf(trx: Transaction<DB>, instalmentIds: string[]) {
  const rows =
    instalmentIds.length === 0
      ? []
      : await trx.selectFrom('sepa_debit_notices').selectAll().where('instalment_id', 'in', instalmentIds).execute();
  return (mandateId: string): DebitNotice[] =>
    rows
      .filter((row) => row.mandate_id === mandateId)
      .map((row) => ({
        instalmentId: row.instalment_id,
        dueOn: row.due_on,
        amountCents: Number(row.amount_cents),
        notifiedOn: row.notified_on,
      }));
}

/** Makes the due instalments collections; a mandate's first is FRST, then it is recurring. Their end-to-end ids. */
async function issueCollections(trx: Transaction<DB>, actor: Actor, date: string, at: Date): Promise<string[]> {
  const due = await dueInstalments(trx, date);
  const mandateOf = await mandatesOf(trx, [...new Set(due.map((row) => row.case_id))], date);
  const noticesOf = await debitNoticesOf(
    trx,
    due.map((row) => row.id),
  );
  const messageId = `ACCORD-DD-${date.replace(/-/g, '')}`;
  const issued: string[] = [];
  const firstUsed = new Set<string>();
  for (const row of due) {
    const mandate = mandateOf.get(row.case_id);
    if (!mandate) continue;
    // A mandate signed on the portal debits only what the person was told of, date and amount, in time.
    const debit = { instalmentId: row.id, dueOn: date, amountCents: Number(row.amount_cents) };
    if (mandate.signed_via === 'portal' && !debitNotified(debit, noticesOf(mandate.id))) continue;
    const sequence = mandate.sequence === 'first' && !firstUsed.has(mandate.id) ? 'FRST' : 'RCUR';
    if (sequence === 'FRST') firstUsed.add(mandate.id);
    const endToEndId = instalmentEndToEndId(row.case_reference, row.number, row.id);
    await trx
      .insertInto('sepa_collections')
      .values({
        end_to_end_id: endToEndId,
        mandate_id: mandate.id,
        case_id: row.case_id,
        instalment_id: row.id,
        amount_cents: Number(row.amount_cents),
        collection_date: date,
        sequence,
        message_id: messageId,
        issued_by: actor.userId,
        issued_at: at,
      })
      .execute();
    issued.push(endToEndId);
  }
  if (firstUsed.size > 0)
    await trx
      .updateTable('sepa_mandates')
      .set({ sequence: 'recurring', updated_at: at })
      .where('id', 'in', [...firstUsed])
      .execute();
  return issued;
}

/** Every collection of the date, as the file's debits. */
async function collectionsOn(trx: Transaction<DB>, date: string): Promise<DirectDebit[]> {
  const rows = await trx
    .selectFrom('sepa_collections as s')
    .innerJoin('sepa_mandates as m', 'm.id', 's.mandate_id')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .leftJoin('plan_instalments as i', 'i.id', 's.instalment_id')
    .select([
      's.end_to_end_id',
      's.amount_cents',
      's.sequence',
      'm.reference',
      'm.signed_on',
      'm.debtor_name',
      'm.debtor_iban',
      'm.debtor_bic',
      'c.reference as case_reference',
      'i.number',
    ])
    .where('s.collection_date', '=', date)
    .orderBy('s.end_to_end_id')
    .execute();
  return rows.map((row): DirectDebit => ({
    endToEndId: row.end_to_end_id,
    amountCents: Number(row.amount_cents),
    mandateReference: row.reference,
    mandateSignedOn: row.signed_on,
    sequence: row.sequence,
    debtorName: row.debtor_name,
    debtorIban: row.debtor_iban,
    debtorBic: row.debtor_bic,
    remittance: `Echeance ${row.number ?? ''} dossier ${row.case_reference}`,
  }));
}

/** The file of the debits, read back before it is handed out: every end-to-end id, the control sum to the cent. */
function pain008File(
  date: string,
  at: Date,
  creditor: SepaCreditor,
  debits: DirectDebit[],
): { xml: string; fileName: string; count: number; controlSumCents: number } {
  const messageId = `ACCORD-DD-${date.replace(/-/g, '')}-${createHash('sha256')
    .update(debits.map((d) => d.endToEndId).join(','))
    .digest('hex')
    .slice(0, 8)
    .toUpperCase()}`;
  const input = { messageId, createdAt: at.toISOString(), collectionDate: date, creditor, debits };
  const problems = pain008Problems(input);
  if (problems.length > 0)
    throw invalid(
      'bank_files.direct_debits_invalid',
      `The direct debit file cannot be produced: ${problems.join('; ')}.`,
      { problems },
    );
  const xml = buildPain008(input);
  const read = readPain008(xml);
  const ids = read.payments.flatMap((p) => p.endToEndIds);
  const controlSumCents = debits.reduce((sum, d) => sum + d.amountCents, 0);
  if (
    ids.length !== debits.length ||
    new Set(ids).size !== debits.length ||
    debits.some((d) => !ids.includes(d.endToEndId)) ||
    read.controlSumCents !== controlSumCents
  ) {
    throw new Error('the pain.008 file read back does not carry every collection: refusing to hand it out');
  }
  return { xml, fileName: `pain008-${date}.xml`, count: debits.length, controlSumCents };
}

function sepaCreditor(deps: Deps): SepaCreditor {
  const {
    SEPA_CREDITOR_NAME: name,
    SEPA_CREDITOR_ID: identifier,
    SEPA_CREDITOR_IBAN: iban,
    SEPA_CREDITOR_BIC: bic,
  } = deps.config;
  if (!name || !identifier || !iban) {
    throw new AppError(
      'bank_files.sepa_creditor_missing',
      409,
      'The agency is not configured as a SEPA creditor: an administrator sets SEPA_CREDITOR_NAME, SEPA_CREDITOR_ID and SEPA_CREDITOR_IBAN.',
    );
  }
  if (!isValidCreditorIdentifier(identifier) || !isValidIBAN(iban)) {
    throw new AppError(
      'bank_files.sepa_creditor_missing',
      409,
      "The agency's SEPA creditor identifier or IBAN is not valid (check digits): an administrator corrects SEPA_CREDITOR_ID and SEPA_CREDITOR_IBAN.",
    );
  }
  return { name, identifier, iban, bic: bic ?? null };
}
