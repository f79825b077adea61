import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { hashEntry, toJsonValue, type AuditContent } from './core/chain.js';

export interface AuditActor {
  userId: string | null;
  role: string | null;
}

/** The actor of scheduled jobs and command-line tools. */
export const SYSTEM_ACTOR: AuditActor = { userId: null, role: 'system' };

export interface AuditRecord {
  actor: AuditActor;
  action: string;
  targetType: string;
  targetId?: string | null;
  creditorId?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  at: Date;
}

/**
 * Appends one entry to the hash chain. Must run inside the transaction of the change it records, so that the
 * change and its audit entry commit or vanish together. Locking the head row orders concurrent writers;
 * that serialises audited transactions at their commit (see ARCHITECTURE.md, "Audit trail").
 */
export async function appendAudit(trx: Transaction<DB> | Kysely<DB>, record: AuditRecord): Promise<string> {
  if (!trx.isTransaction) throw new Error('appendAudit must run inside the transaction of the change it records');
  const head = await trx
    .selectFrom('audit_head')
    .select(['last_hash', 'entry_count'])
    .where('singleton', '=', true)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const content: AuditContent = {
    occurredAt: record.at.toISOString(),
    actorUserId: record.actor.userId,
    actorRole: record.actor.role,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId ?? null,
    creditorId: record.creditorId ?? null,
    before: toJsonValue(record.before),
    after: toJsonValue(record.after),
    requestId: record.requestId ?? null,
  };
  const hash = hashEntry(head.last_hash, content);
  const inserted = await trx
    .insertInto('audit_log')
    .values({
      occurred_at: record.at,
      actor_user_id: content.actorUserId,
      actor_role: content.actorRole,
      action: content.action,
      target_type: content.targetType,
      target_id: content.targetId,
      creditor_id: content.creditorId,
      before: JSON.stringify(content.before),
      after: JSON.stringify(content.after),
      request_id: content.requestId,
      prev_hash: head.last_hash,
      hash,
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('audit_head')
    .set({ last_hash: hash, last_seq: inserted.seq, entry_count: head.entry_count + 1 })
    .where('singleton', '=', true)
    .execute();
  return hash;
}
