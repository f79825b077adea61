import { createHash, randomUUID } from 'node:crypto';
import { sql, type Insertable, type Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import type { BankStatementLinesTable, DB } from '../platform/db/schema.js';
import { parseStatementFile, type ParsedStatementFile, type StatementLine } from './core/camt.js';
import { classifyLines, type QueueItem } from './core/classify-lines.js';
import {
  AMOUNT_WINDOW_DAYS,
  lineCaseReferences,
  normaliseIban,
  type CaseFacts,
  type MatchFacts,
} from './core/match.js';
import { settlePendingLines, type SettleHow } from './settle-lines.js';
import type { StatementReport } from './contract.js';
import { loadStatementReport } from './statements.js';
import { addDays } from '../platform/calendar/index.js';

/**
 * Imports a camt.053 statement or camt.054 notification (docs/bank-files.md):
 *
 *  1. one transaction: the file (by SHA-256: the same file again changes nothing), each line with what becomes of it
 *     (a repeated bank transaction, an unbooked entry or a debit is ignored; a credit is matched: certain matches are
 *     `pending` until recorded, the others wait in the matching queue), and the audit entry;
 *  2. then the certain credits are recorded through the payment service with the idempotency key `camt:<identity>`,
 *     in batches of lines, one transaction each (settle-lines.ts), and each returned direct debit reverses the payment
 *     its credit had recorded;
 *  3. the import is completed with its counts.
 *
 * Should the process stop during step 2, importing the same file again finishes it: a batch and its lines' statuses
 * commit together, and the idempotency keys make a second recording of a line impossible.
 */
export async function importStatement(
  deps: Deps,
  actor: Actor,
  file: { body: Buffer; fileName: string | null },
  requestId: string | null,
  how: SettleHow = 'batches',
): Promise<{ report: StatementReport; replayed: boolean }> {
  const sha256 = createHash('sha256').update(file.body).digest('hex');
  const parsed = parseStatementFile(file.body.toString('utf8'));
  const at = deps.now();

  const { importId, replayed } = await deps.db
    .transaction()
    .execute((trx) => recordImport(trx, actor, { ...file, sha256, parsed }, at, requestId));

  if (!replayed) {
    await settlePendingLines(deps, actor, importId, requestId, how);
    await completeImport(deps, importId);
  }
  return { report: await loadStatementReport(deps, importId), replayed };
}

/**
 * Step 1 of the import: the file, its lines with what becomes of each, the matching queue and the audit entry, in the
 * caller's transaction; a file already imported is only looked up.
 */
async function recordImport(
  trx: Transaction<DB>,
  actor: Actor,
  file: { fileName: string | null; sha256: string; parsed: ParsedStatementFile },
  at: Date,
  requestId: string | null,
): Promise<{ importId: string; replayed: boolean }> {
  const { sha256, parsed } = file;
  // One import decides at a time: two files carrying the same bank transaction never both take it.
  await sql`select pg_advisory_xact_lock(hashtext('bank_statement_import'))`.execute(trx);
  const existing = await trx
    .selectFrom('bank_statement_imports')
    .select(['id', 'status'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (existing) return { importId: existing.id, replayed: existing.status === 'completed' };

  const facts = await loadMatchFacts(trx, parsed.lines);
  const known = await knownIdentities(
    trx,
    parsed.lines.map((line) => line.identity),
  );
  const created = await trx
    .insertInto('bank_statement_imports')
    .values({
      sha256,
      kind: parsed.kind,
      message_version: parsed.messageVersion,
      message_id: parsed.messageId,
      file_name: file.fileName,
      account_ibans: JSON.stringify([
        ...new Set(parsed.statements.map((s) => s.accountIban).filter((iban) => iban !== null)),
      ]),
      imported_by: actor.userId,
      imported_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { rows, queue } = classifyLines(created.id, parsed.lines, { known, facts, at, newId: randomUUID });
  await insertLines(trx, rows, queue, at);
  await appendAudit(trx, {
    actor: auditActor(actor),
    action: 'bank_statement.imported',
    targetType: 'bank_statement_import',
    targetId: created.id,
    after: { kind: parsed.kind, messageId: parsed.messageId, sha256, lines: rows.length, queued: queue.length },
    requestId,
    at,
  });
  return { importId: created.id, replayed: false };
}

async function insertLines(
  trx: Transaction<DB>,
  rows: Insertable<BankStatementLinesTable>[],
  queue: QueueItem[],
  at: Date,
): Promise<void> {
  for (let start = 0; start < rows.length; start += 1000)
    await trx
      .insertInto('bank_statement_lines')
      .values(rows.slice(start, start + 1000))
      .execute();
  const idByNumber = new Map(rows.map((row) => [row.line_number, row.id as string]));
  for (let start = 0; start < queue.length; start += 1000) {
    await trx
      .insertInto('bank_match_queue')
      .values(
        queue.slice(start, start + 1000).map((item) => ({
          line_id: idByNumber.get(item.lineNumber)!,
          confidence: item.confidence,
          reason: item.reason,
          suggested_case_id: item.suggested,
          candidate_case_ids: JSON.stringify(item.candidates),
          created_at: at,
        })),
      )
      .execute();
  }
}

async function knownIdentities(trx: Transaction<DB>, identities: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const unique = [...new Set(identities)];
  for (let start = 0; start < unique.length; start += 5000) {
    const rows = await trx
      .selectFrom('bank_statement_lines')
      .select(['id', 'identity'])
      .where('identity', 'in', unique.slice(start, start + 5000))
      .where('duplicate_of', 'is', null)
      .where('booking_status', '=', 'BOOK')
      .execute();
    for (const row of rows) found.set(row.identity, row.id);
  }
  return found;
}

/** Every fact the matching rules need for the credits of a file, in a few set queries. */
async function loadMatchFacts(trx: Transaction<DB>, lines: StatementLine[]): Promise<MatchFacts> {
  const credits = lines.filter((line) => line.kind === 'credit');
  const references = [...new Set(credits.flatMap(lineCaseReferences))];
  const ibans = [
    ...new Set(
      credits
        .map((line) => line.debtorIban)
        .filter((iban): iban is string => iban !== null)
        .map(normaliseIban),
    ),
  ];
  const endToEndIds = [...new Set(credits.map((line) => line.endToEndId).filter((id): id is string => id !== null))];
  const days = credits
    .map((line) => line.bookingDate ?? line.valueDate)
    .filter((day): day is string => day !== null)
    .sort();
  const amounts = [...new Set(credits.map((line) => line.amountCents))];

  const caseFacts = (row: { id: string; reference: string; status: string }): CaseFacts => ({
    caseId: row.id,
    reference: row.reference,
    open: row.status !== 'closed',
  });
  const casesByReference = new Map<string, CaseFacts>();
  const casesById = new Map<string, CaseFacts>();
  const addCases = async (column: 'reference' | 'id', values: string[]) => {
    for (let start = 0; start < values.length; start += 5000) {
      const rows = await trx
        .selectFrom('cases')
        .select(['id', 'reference', 'status'])
        .where(column, 'in', values.slice(start, start + 5000))
        .execute();
      for (const row of rows) {
        casesByReference.set(row.reference, caseFacts(row));
        casesById.set(row.id, caseFacts(row));
      }
    }
  };
  await addCases('reference', references);

  const caseIdsByIban = new Map<string, string[]>();
  if (ibans.length > 0) {
    const mandates = await trx
      .selectFrom('sepa_mandates')
      .select(['debtor_iban', 'case_id'])
      .where('status', '=', 'active')
      .where('debtor_iban', 'in', ibans)
      .execute();
    for (const mandate of mandates)
      caseIdsByIban.set(mandate.debtor_iban, [...(caseIdsByIban.get(mandate.debtor_iban) ?? []), mandate.case_id]);
  }
  const collectionsByEndToEndId = new Map<
    string,
    { endToEndId: string; caseId: string; mandateId: string; amountCents: number }
  >();
  if (endToEndIds.length > 0) {
    const collections = await trx
      .selectFrom('sepa_collections')
      .select(['end_to_end_id', 'case_id', 'mandate_id', 'amount_cents'])
      .where('end_to_end_id', 'in', endToEndIds)
      .execute();
    for (const c of collections)
      collectionsByEndToEndId.set(c.end_to_end_id, {
        endToEndId: c.end_to_end_id,
        caseId: c.case_id,
        mandateId: c.mandate_id,
        amountCents: Number(c.amount_cents),
      });
  }
  const openInstalments =
    days.length === 0 || amounts.length === 0
      ? []
      : (
          await trx
            .selectFrom('plan_instalments as i')
            .innerJoin('plan_versions as v', 'v.id', 'i.plan_version_id')
            .innerJoin('plans as p', (join) =>
              join.onRef('p.id', '=', 'v.plan_id').onRef('p.current_version', '=', 'v.version'),
            )
            .select(['p.case_id', 'i.amount_cents', 'i.due_on'])
            .where('i.status', '<>', 'paid')
            .where('p.status', 'in', ['agreed', 'active', 'broken'])
            .where('i.amount_cents', 'in', amounts)
            .where('i.due_on', '>=', addDays(days[0]!, -AMOUNT_WINDOW_DAYS))
            .where('i.due_on', '<=', addDays(days[days.length - 1]!, AMOUNT_WINDOW_DAYS))
            .execute()
        ).map((row) => ({ caseId: row.case_id, amountCents: Number(row.amount_cents), dueOn: row.due_on }));
  const otherCaseIds = [
    ...new Set([
      ...[...caseIdsByIban.values()].flat(),
      ...[...collectionsByEndToEndId.values()].map((c) => c.caseId),
      ...openInstalments.map((i) => i.caseId),
    ]),
  ].filter((id) => !casesById.has(id));
  await addCases('id', otherCaseIds);
  return { casesByReference, casesById, caseIdsByIban, collectionsByEndToEndId, openInstalments };
}

async function completeImport(deps: Deps, importId: string) {
  const counts = await deps.db
    .selectFrom('bank_statement_lines')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('import_id', '=', importId)
    .groupBy('status')
    .execute();
  await deps.db
    .updateTable('bank_statement_imports')
    .set({
      status: 'completed',
      completed_at: deps.now(),
      counts: JSON.stringify(Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]))),
    })
    .where('id', '=', importId)
    .where('status', '=', 'processing')
    .execute();
}
