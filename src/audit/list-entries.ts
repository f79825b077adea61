import type { Deps } from '../platform/deps.js';
import type { AuditList, AuditQuery } from './contract.js';

/** Audit entries matching the filter, newest first; `beforeSeq` pages back. */
export async function listAuditEntries(deps: Deps, q: AuditQuery): Promise<AuditList> {
  let query = deps.db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .selectAll('audit_log')
    .select('users.display_name as actor_name');
  if (q.action) query = query.where('audit_log.action', '=', q.action);
  if (q.targetType) query = query.where('audit_log.target_type', '=', q.targetType);
  if (q.targetId) query = query.where('audit_log.target_id', '=', q.targetId);
  if (q.actorUserId) query = query.where('audit_log.actor_user_id', '=', q.actorUserId);
  if (q.beforeSeq) query = query.where('audit_log.seq', '<', q.beforeSeq);
  const rows = await query.orderBy('audit_log.seq', 'desc').limit(q.limit).execute();
  return {
    items: rows.map((row) => ({
      seq: row.seq,
      occurredAt: row.occurred_at.toISOString(),
      actorUserId: row.actor_user_id,
      actorName: row.actor_name,
      actorRole: row.actor_role,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      before: row.before,
      after: row.after,
      requestId: row.request_id,
      hash: row.hash,
    })),
  };
}
