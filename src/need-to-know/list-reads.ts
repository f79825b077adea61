import { sql } from 'kysely';
import type { Deps } from '../platform/deps.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import type { SensitiveReadList, SensitiveReadQuery } from './contract.js';

/** Reads of special-category data, newest first, of one debtor or by one user (compliance). */
export async function listSensitiveReads(deps: Deps, query: SensitiveReadQuery): Promise<SensitiveReadList> {
  let select = deps.db
    .selectFrom('sensitive_reads as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .innerJoin('debtors as d', 'd.id', 'r.debtor_id')
    .leftJoin('cases as c', 'c.id', 'r.case_id')
    .select([
      'r.seq',
      'r.read_at',
      'r.user_id',
      'r.role',
      'r.debtor_id',
      'r.case_id',
      'r.subject',
      'r.basis',
      'r.reason',
      'u.display_name',
      'd.kind',
      'd.first_name',
      'd.last_name',
      'd.company_name',
      'c.reference as case_reference',
    ]);
  if (query.debtorId) select = select.where('r.debtor_id', '=', query.debtorId);
  if (query.userId) select = select.where('r.user_id', '=', query.userId);
  if (query.beforeSeq !== undefined) select = select.where('r.seq', '<', query.beforeSeq);
  const [rows, seal] = await Promise.all([
    select
      .orderBy('r.seq', 'desc')
      .limit(query.limit + 1)
      .execute(),
    deps.db
      .selectFrom('sensitive_read_seals')
      .select(sql<number | null>`max(last_seq)`.as('last'))
      .executeTakeFirstOrThrow(),
  ]);
  const lastSealed = seal.last === null ? 0 : Number(seal.last);
  return {
    items: rows.slice(0, query.limit).map((row) => ({
      seq: Number(row.seq),
      readAt: row.read_at.toISOString(),
      user: { id: row.user_id, displayName: row.display_name },
      role: row.role,
      debtor: { id: row.debtor_id, displayName: debtorName(row) },
      caseId: row.case_id,
      caseReference: row.case_reference,
      subject: row.subject,
      basis: row.basis,
      reason: row.reason,
      sealed: Number(row.seq) <= lastSealed,
    })),
    hasMore: rows.length > query.limit,
  };
}
