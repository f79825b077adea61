import type { Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { notFound } from '../platform/errors.js';
import type { ImportView, StatementReport } from './contract.js';

/** The read side of statement imports: the list, and one import's report line by line. */

interface ImportRow {
  id: string;
  kind: 'camt.053' | 'camt.054';
  message_version: string | null;
  message_id: string;
  file_name: string | null;
  account_ibans: string[];
  status: 'processing' | 'completed';
  counts: Record<string, number> | null;
  imported_at: Date;
  completed_at: Date | null;
}

const importView = (row: ImportRow): ImportView => ({
  id: row.id,
  kind: row.kind,
  messageVersion: row.message_version,
  messageId: row.message_id,
  fileName: row.file_name,
  accountIbans: row.account_ibans,
  status: row.status,
  counts: row.counts,
  importedAt: row.imported_at.toISOString(),
  completedAt: row.completed_at?.toISOString() ?? null,
});

export async function listImports(deps: Deps, _actor: Actor, paging: { limit: number; offset: number }) {
  const rows = await deps.db
    .selectFrom('bank_statement_imports')
    .selectAll()
    .orderBy('imported_at', 'desc')
    .orderBy('id')
    .limit(paging.limit + 1)
    .offset(paging.offset)
    .execute();
  return { items: rows.slice(0, paging.limit).map(importView), hasMore: rows.length > paging.limit };
}

export async function loadStatementReport(deps: Deps, importId: string): Promise<StatementReport> {
  const row = await deps.db
    .selectFrom('bank_statement_imports')
    .selectAll()
    .where('id', '=', importId)
    .executeTakeFirst();
  if (!row) throw notFound('The bank statement import');
  const lines = await deps.db
    .selectFrom('bank_statement_lines as l')
    .leftJoin('cases as c', 'c.id', 'l.case_id')
    .selectAll('l')
    .select('c.reference as case_reference')
    .where('l.import_id', '=', importId)
    .orderBy('l.line_number')
    .execute();
  return {
    ...importView(row),
    lines: lines.map((line) => ({
      id: line.id,
      lineNumber: line.line_number,
      entryNumber: line.entry_number,
      transactionNumber: line.transaction_number,
      kind: line.kind,
      bookingStatus: line.booking_status,
      amountCents: Number(line.amount_cents),
      bookingDate: line.booking_date,
      valueDate: line.value_date,
      endToEndId: line.end_to_end_id,
      accountServicerReference: line.account_servicer_reference,
      remittanceText: line.remittance_text,
      creditorReference: line.creditor_reference,
      debtorName: line.debtor_name,
      debtorIban: line.debtor_iban,
      returnReason: line.return_reason,
      status: line.status,
      reason: line.reason,
      confidence: line.confidence,
      caseId: line.case_id,
      caseReference: line.case_reference,
      paymentId: line.payment_id,
      duplicateOf: line.duplicate_of,
    })),
  };
}
