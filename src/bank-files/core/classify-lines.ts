import type { NewBankStatementLine } from '../../platform/db/schema.js';
import type { StatementLine } from './camt.js';
import { matchCredit, type MatchFacts } from './match.js';

/** A credit the matching rules could not place for certain: it waits in the matching queue. */
export interface QueueItem {
  lineNumber: number;
  confidence: 'probable' | 'none';
  reason: string;
  suggested: string | null;
  candidates: string[];
}

/**
 * What becomes of each line of a file: a repeated bank transaction (known before, or earlier in the file), an
 * unbooked entry or a debit is ignored; a return is pending; a credit is matched, pending when certain, else queued.
 */
export function classifyLines(
  importId: string,
  lines: readonly StatementLine[],
  { known, facts, at, newId }: { known: ReadonlyMap<string, string>; facts: MatchFacts; at: Date; newId: () => string },
): { rows: NewBankStatementLine[]; queue: QueueItem[] } {
  const firstByIdentity = new Map<string, string>();
  const rows: NewBankStatementLine[] = [];
  const queue: QueueItem[] = [];
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const id = newId();
    const base = lineRow(importId, lineNumber, line, at);
    // An entry not yet booked is ignored and claims no identity: the bank books it in a later file.
    if (line.status !== 'BOOK') return void rows.push({ ...base, id, status: 'ignored', reason: 'not_booked' });
    const duplicateOf = known.get(line.identity) ?? firstByIdentity.get(line.identity);
    if (duplicateOf) {
      rows.push({ ...base, id, status: 'ignored', reason: 'duplicate', duplicate_of: duplicateOf });
      return;
    }
    firstByIdentity.set(line.identity, id);
    if (line.kind === 'debit') return void rows.push({ ...base, id, status: 'ignored', reason: 'not_a_credit' });
    if (line.kind === 'return') return void rows.push({ ...base, id, status: 'pending', reason: 'return' });
    const match = matchCredit(line, facts);
    if (match.confidence === 'certain') {
      rows.push({
        ...base,
        id,
        status: 'pending',
        reason: match.reason,
        confidence: 'certain',
        case_id: match.caseId,
      });
    } else {
      rows.push({
        ...base,
        id,
        status: 'queued',
        reason: match.reason,
        confidence: match.confidence,
        case_id: match.caseId,
      });
      queue.push({
        lineNumber,
        confidence: match.confidence,
        reason: match.reason,
        suggested: match.caseId,
        candidates: match.candidateCaseIds,
      });
    }
  });
  return { rows, queue };
}

function lineRow(
  importId: string,
  lineNumber: number,
  line: StatementLine,
  at: Date,
): Omit<NewBankStatementLine, 'status' | 'reason'> {
  return {
    import_id: importId,
    line_number: lineNumber,
    identity: line.identity,
    entry_number: line.entryNumber,
    transaction_number: line.transactionNumber,
    kind: line.kind,
    booking_status: line.status,
    amount_cents: line.amountCents,
    booking_date: line.bookingDate,
    value_date: line.valueDate,
    end_to_end_id: line.endToEndId,
    account_servicer_reference: line.accountServicerReference,
    mandate_reference: line.mandateId,
    remittance_text: line.remittanceText?.slice(0, 1000) ?? null,
    creditor_reference: line.creditorReference,
    debtor_name: line.debtorName?.slice(0, 200) ?? null,
    debtor_iban: line.debtorIban,
    return_reason: line.returnReason,
    bank_transaction_code: line.bankTransactionCode,
    updated_at: at,
  };
}
