import type { Kysely, Transaction } from 'kysely';
import type { LegalDeadlineRule } from '../calendar/legal-deadlines.js';
import type { DB } from './schema.js';

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The dated deadline rules of a procedure (`procedure_deadline_rules`, migration 0047), every row: the calendar's
 * `legalRuleOn` picks the one in force for each count. Here, below the capabilities, so that the procedures that
 * count with them and the page that adds to them both read the same rows. The table's check constraint holds each
 * procedure to its own deadline names, which the type parameter names.
 */
export async function loadDeadlineRules<K extends string>(
  db: Kysely<DB> | Transaction<DB>,
  procedure: 'overindebtedness' | 'judicial',
): Promise<LegalDeadlineRule<K>[]> {
  const rows = await db
    .selectFrom('procedure_deadline_rules')
    .select(['deadline', 'amount', 'unit', 'moves_to_working_day', 'tag', 'source', 'valid_from'])
    .where('procedure', '=', procedure)
    .execute();
  // Ordered here rather than by the server's collation, which may differ between engines on the underscores.
  rows.sort((a, b) => byCode(a.deadline, b.deadline) || byCode(a.valid_from, b.valid_from));
  return rows.map((row) => ({
    deadline: row.deadline as K,
    amount: row.amount,
    unit: row.unit as 'days' | 'months',
    movesToWorkingDay: row.moves_to_working_day,
    tag: row.tag as 'law' | 'check' | 'choice',
    source: row.source,
    validFrom: row.valid_from,
  }));
}
