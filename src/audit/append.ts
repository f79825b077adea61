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
  return appendAuditMany(trx as Transaction<DB>, [record]);
}

/**
 * Appends several entries in order with one lock of the head, one insert and one update, and answers the newest hash:
 * a long transaction collects its records (`deferredAudit`) and appends them as its last act, so the head, which
 * every audited change in the agency waits for, is held for the commit only.
 */
export async function appendAuditMany(trx: Transaction<DB>, records: readonly AuditRecord[]): Promise<string> {
  const head = await trx
    .selectFrom('audit_head')
    .select(['last_hash', 'entry_count'])
    .where('singleton', '=', true)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (records.length === 0) return head.last_hash;
  let previous = head.last_hash;
  const rows = records.map((record) => {
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
    const hash = hashEntry(previous, content);
    const row = {
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
      prev_hash: previous,
      hash,
    };
    previous = hash;
    return row;
  });
  // Identity values follow the order of the VALUES list, so the chain's order is the insert's.
  const inserted = await trx.insertInto('audit_log').values(rows).returning('seq').execute();
  await trx
    .updateTable('audit_head')
    .set({
      last_hash: previous,
      last_seq: Math.max(...inserted.map((row) => Number(row.seq))),
      entry_count: head.entry_count + records.length,
    })
    .where('singleton', '=', true)
    .execute();
  return previous;
}

/** Where an operation that runs inside another's transaction writes its audit records. */
export type AuditWriter = (record: AuditRecord) => Promise<unknown>;

/** Collects audit records during a transaction, for `flush` to append them at its end. */
export function deferredAudit(): { write: AuditWriter; flush: (trx: Transaction<DB>) => Promise<void> } {
  const records: AuditRecord[] = [];
  return {
    write: async (record) => {
      records.push(record);
    },
    flush: async (trx) => {
      if (records.length > 0) await appendAuditMany(trx, records.splice(0));
    },
  };
}
