import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { toJsonValue, type AuditContent } from './core/chain.js';

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
 * Appends one entry to the audit trail. Must run inside the transaction of the change it records, so that the
 * change and its audit entry commit or vanish together. The insert takes no lock beyond its own row: the sealer
 * (`seal-chain.ts`) folds the entry into the hash chain once its transaction has committed (docs/audit.md).
 * Answers the entry's seq.
 */
export async function appendAudit(trx: Transaction<DB> | Kysely<DB>, record: AuditRecord): Promise<number> {
  if (!trx.isTransaction) throw new Error('appendAudit must run inside the transaction of the change it records');
  return appendAuditMany(trx as Transaction<DB>, [record]);
}

/**
 * Appends several entries in order with one insert, and answers the seq of the last (0 when there are none): a long
 * transaction collects its records (`deferredAudit`) and appends them as one statement at its end.
 */
export async function appendAuditMany(trx: Transaction<DB>, records: readonly AuditRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  const inserted = await auditInsert(trx, records).execute();
  return Math.max(...inserted.map((row) => Number(row.seq)));
}

/** The one statement that appends records (exported for `bench:audit`'s profile, which explains it). */
export function auditInsert(db: Kysely<DB>, records: readonly AuditRecord[]) {
  // Identity values follow the order of the VALUES list, so the sealer keeps the records' order within a batch.
  return db.insertInto('audit_log').values(auditRows(records)).returning('seq');
}

/** The rows of `audit_log` these records are, in order (for a statement that writes them beside other rows). */
export function auditRows(records: readonly AuditRecord[]) {
  return records.map((record) => {
    const content = auditContent(record);
    return {
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
    };
  });
}

/** What the chain hashes of a record: the values as jsonb will give them back. */
function auditContent(record: AuditRecord): AuditContent {
  return {
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
