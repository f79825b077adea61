import { sql, type SelectQueryBuilder } from 'kysely';
import { addDays, startOfLocalDay } from '../platform/calendar/dates.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import type { AuditEntry, AuditFilter, AuditList, AuditQuery } from './contract.js';
import { AUDIT_ACTIONS, actionsOf, familyOf, sentenceFacts } from './core/actions.js';
import { appliedAuditFilter } from './applied-filter.js';
import { aboutCase, aboutDebtor, caseIdOfReference, subjectsOf } from './entry-subjects.js';

type Scan = SelectQueryBuilder<DB, 'audit_log', object>;
interface Position {
  at: Date;
  seq: number;
}

/**
 * One page of the trail, newest first, in words: the filter's entries before `cursor`, and where the next page
 * starts. Keyset paging on (occurred_at, seq), which the indexes of migration 0025 serve in order: a page costs the
 * same on the first day of the trail as after millions of entries.
 */
export async function listAuditEntries(deps: Deps, query: AuditQuery): Promise<AuditList> {
  const after = query.cursor === undefined ? null : parseCursor(query.cursor);
  const positions = await findPage(deps, query, after, query.limit + 1);
  const [items, applied] = await Promise.all([
    entriesAt(deps, positions.slice(0, query.limit)),
    appliedAuditFilter(deps, query),
  ]);
  const last = items[items.length - 1];
  return { applied, items, nextCursor: positions.length > query.limit && last ? cursorOf(last) : null };
}

/**
 * Every entry of the filter, newest first, page by page: what an export streams. Each page is its own short query,
 * so a long export holds no transaction and no cursor open on the server.
 */
export async function* auditEntries(deps: Deps, filter: AuditFilter, pageSize = 500): AsyncGenerator<AuditEntry> {
  let after: Position | null = null;
  for (;;) {
    const positions = await findPage(deps, filter, after, pageSize);
    if (positions.length === 0) return;
    yield* await entriesAt(deps, positions);
    const last = positions[positions.length - 1]!;
    if (positions.length < pageSize) return;
    after = last;
  }
}

export const cursorOf = (entry: { occurredAt: string; seq: number }) => `${entry.occurredAt}_${entry.seq}`;

function parseCursor(cursor: string): Position {
  const [at, seq] = cursor.split('_') as [string, string];
  return { at: new Date(at), seq: Number(seq) };
}

/** The filter as conditions on audit_log; the calendar days are the agency's. */
export function filteredEntries(deps: Deps, filter: AuditFilter): Scan {
  const zone = deps.config.AGENCY_TZ;
  let scan: Scan = deps.db.selectFrom('audit_log');
  if (filter.from) scan = scan.where('audit_log.occurred_at', '>=', startOfLocalDay(filter.from, zone));
  if (filter.to) scan = scan.where('audit_log.occurred_at', '<', startOfLocalDay(addDays(filter.to, 1), zone));
  if (filter.actorUserId) scan = scan.where('audit_log.actor_user_id', '=', filter.actorUserId);
  if (filter.action) scan = scan.where('audit_log.action', '=', filter.action);
  if (filter.caseId) scan = scan.where(aboutCase(sql.val(filter.caseId)));
  if (filter.caseReference) scan = scan.where(aboutCase(caseIdOfReference(filter.caseReference)));
  if (filter.debtorId) scan = scan.where(aboutDebtor(filter.debtorId));
  if (filter.family === 'other') scan = scan.where('audit_log.action', 'not in', [...AUDIT_ACTIONS]);
  return scan;
}

export const beforePosition = (after: Position) =>
  sql<boolean>`(audit_log.occurred_at, audit_log.seq) < (${after.at}, ${after.seq})`;

/**
 * The positions of the page's entries. A family is several actions: each is read in order from its own index
 * range (action, occurred_at, seq) and the ranges are merged, so a rare family does not scan the whole trail. A case
 * or a debtor has few entries, found through their targets, and needs no such merge.
 */
async function findPage(deps: Deps, filter: AuditFilter, after: Position | null, limit: number) {
  let scan = filteredEntries(deps, filter);
  if (after) scan = scan.where(beforePosition(after));
  const actions = filter.family && filter.family !== 'other' ? actionsOf(filter.family) : null;
  const newestFirst = <Q extends Scan>(q: Q) =>
    q
      .select(['audit_log.seq', 'audit_log.occurred_at'])
      .orderBy('audit_log.occurred_at', 'desc')
      .orderBy('audit_log.seq', 'desc')
      .limit(limit);
  let rows: { seq: number; occurred_at: Date }[];
  if (actions && !filter.caseId && !filter.caseReference && !filter.debtorId && !filter.action) {
    const [firstBranch, ...others] = actions.map((action, i) =>
      deps.db.selectFrom(newestFirst(scan.where('audit_log.action', '=', action)).as(`b${i}`)).selectAll(),
    );
    const merged = others.reduce((union, branch) => union.unionAll(branch), firstBranch!);
    rows = await deps.db
      .selectFrom(merged.as('page'))
      .selectAll()
      .orderBy('occurred_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
  } else {
    if (actions) scan = scan.where('audit_log.action', 'in', actions);
    rows = await newestFirst(scan).execute();
  }
  return rows.map((row) => ({ seq: Number(row.seq), at: row.occurred_at }));
}

/** The entries at these positions, in words, in the positions' order. */
async function entriesAt(deps: Deps, positions: readonly Position[]): Promise<AuditEntry[]> {
  if (positions.length === 0) return [];
  const rows = await deps.db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .leftJoin('audit_chain', 'audit_chain.seq', 'audit_log.seq')
    .selectAll('audit_log')
    .select(['users.display_name as actor_name', 'audit_chain.hash'])
    .where(
      'audit_log.seq',
      'in',
      positions.map((p) => p.seq),
    )
    .orderBy('audit_log.occurred_at', 'desc')
    .orderBy('audit_log.seq', 'desc')
    .execute();
  const subjects = await subjectsOf(
    deps.db,
    rows.map((row) => ({ ...row, seq: Number(row.seq) })),
  );
  return rows.map((row) => {
    const seq = Number(row.seq);
    return {
      seq,
      occurredAt: row.occurred_at.toISOString(),
      action: row.action,
      family: familyOf(row.action),
      actor: { id: row.actor_user_id, name: row.actor_name, role: row.actor_role },
      targetType: row.target_type,
      targetId: row.target_id,
      ...(subjects.get(seq) ?? { case: null, debtor: null, user: null }),
      facts: sentenceFacts(row.action, row.before, row.after),
      before: row.before,
      after: row.after,
      requestId: row.request_id,
      hash: row.hash,
    };
  });
}

export { entriesAt };
