import { sql } from 'kysely';
import type { Deps } from '../platform/deps.js';
import { notFound } from '../platform/errors.js';
import type { DebtorRead, DebtorTrail, DebtorTrailItem, DebtorTrailQuery } from './contract.js';
import { aboutDebtor, debtorNameSql } from './entry-subjects.js';
import { entriesAt } from './list-entries.js';

type Kind = 'a' | 'r';
interface Position {
  at: Date;
  kind: Kind;
  seq: number;
}

/**
 * Everything done about a debtor (audit entries of the debtor, their cases and all of theirs) and every read of
 * their special-category data (need-to-know reads, sealed into the chain in batches), newest first in one list.
 * Two keyset streams merged: each reads at most a page past the cursor, ordered by (time, kind, seq).
 */
export async function listDebtorTrail(deps: Deps, debtorId: string, query: DebtorTrailQuery): Promise<DebtorTrail> {
  const debtor = await deps.db
    .selectFrom('debtors')
    .select(['id', debtorNameSql.as('name')])
    .where('id', '=', debtorId)
    .executeTakeFirst();
  if (!debtor) throw notFound('Debtor');
  const after = query.cursor === undefined ? null : parseCursor(query.cursor);
  const limit = query.limit + 1;
  const [entries, reads] = await Promise.all([
    entryPositions(deps, debtorId, after, limit),
    readsOf(deps, debtorId, after, limit),
  ]);
  const merged = [
    ...entries.map((p) => ({ at: p.at, kind: 'a' as const, seq: p.seq })),
    ...reads.map((read) => ({ at: new Date(read.readAt), kind: 'r' as const, seq: read.seq, read })),
  ].sort((x, y) => compare(y, x));
  const page = merged.slice(0, query.limit);
  const entryViews = new Map(
    (
      await entriesAt(
        deps,
        page.filter((p) => p.kind === 'a'),
      )
    ).map((entry) => [entry.seq, entry]),
  );
  const items: DebtorTrailItem[] = page.map((p) =>
    'read' in p ? { kind: 'read', read: p.read } : { kind: 'entry', entry: entryViews.get(p.seq)! },
  );
  const last = page[page.length - 1];
  return {
    debtor: { id: debtor.id, name: debtor.name },
    items,
    nextCursor: merged.length > query.limit && last ? `${last.at.toISOString()}_${last.kind}_${last.seq}` : null,
  };
}

function parseCursor(cursor: string): Position {
  const [at, kind, seq] = cursor.split('_') as [string, Kind, string];
  return { at: new Date(at), kind, seq: Number(seq) };
}

/** Newest first is (time, kind, seq) descending: a read ('r') before an entry ('a') of the same millisecond. */
function compare(x: Position, y: Position): number {
  return x.at.getTime() - y.at.getTime() || x.kind.localeCompare(y.kind) || x.seq - y.seq;
}

/** Rows of a stream strictly after the cursor in newest-first order. */
function afterCursor(kind: Kind, after: Position, time: string, seq: string) {
  const at = sql.ref(time);
  const seqRef = sql.ref(seq);
  if (kind < after.kind) return sql<boolean>`${at} <= ${after.at}`;
  if (kind > after.kind) return sql<boolean>`${at} < ${after.at}`;
  return sql<boolean>`(${at}, ${seqRef}) < (${after.at}, ${after.seq})`;
}

async function entryPositions(deps: Deps, debtorId: string, after: Position | null, limit: number) {
  let scan = deps.db.selectFrom('audit_log').where(aboutDebtor(debtorId));
  if (after) scan = scan.where(afterCursor('a', after, 'audit_log.occurred_at', 'audit_log.seq'));
  const rows = await scan
    .select(['audit_log.seq', 'audit_log.occurred_at'])
    .orderBy('audit_log.occurred_at', 'desc')
    .orderBy('audit_log.seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ seq: Number(row.seq), at: row.occurred_at }));
}

async function readsOf(deps: Deps, debtorId: string, after: Position | null, limit: number): Promise<DebtorRead[]> {
  let scan = deps.db
    .selectFrom('sensitive_reads as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .leftJoin('cases as c', 'c.id', 'r.case_id')
    .where('r.debtor_id', '=', debtorId);
  if (after) scan = scan.where(afterCursor('r', after, 'r.read_at', 'r.seq'));
  const rows = await scan
    .select([
      'r.seq',
      'r.read_at',
      'r.user_id',
      'r.role',
      'r.case_id',
      'r.subject',
      'r.basis',
      'r.reason',
      'u.display_name',
      'c.reference as case_reference',
    ])
    .orderBy('r.read_at', 'desc')
    .orderBy('r.seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    seq: Number(row.seq),
    readAt: row.read_at.toISOString(),
    user: { id: row.user_id, name: row.display_name },
    role: row.role,
    case: row.case_id && row.case_reference ? { id: row.case_id, name: row.case_reference } : null,
    subject: row.subject,
    basis: row.basis,
    reason: row.reason,
  }));
}
