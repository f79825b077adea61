import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAuditMany, SYSTEM_ACTOR } from './append.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { sealBatch, type ReadBatch, type SealedRead } from './core/read-batch.js';

/** The job that seals reads of special-category data into the audit chain, every few minutes. */
export const SENSITIVE_READS_SEAL = 'sensitive-reads-seal';
export const SEAL_ACTION = 'sensitive_reads.sealed';

/** Reads per batch: one audit entry for each, and a bounded hash to recompute when verifying. */
export const SEAL_BATCH_SIZE = 10_000;

export interface SealReport {
  batches: number;
  reads: number;
}

/**
 * Seals the reads not sealed yet, one transaction per batch: one audit entry carrying the batch's bounds, count and
 * SHA-256, and a `sensitive_read_seals` row naming that entry (the chain's sealer links it like any other). The reads
 * table is locked in SHARE ROW EXCLUSIVE mode: that waits for reads still being written (so none commits later below
 * the batch's last seq and escapes every seal), keeps a second run of this job out, and holds new reads back for the
 * few milliseconds of the hash and two inserts. No lock of the audit chain is taken.
 */
export async function sealSensitiveReads(deps: Deps): Promise<SealReport> {
  const report: SealReport = { batches: 0, reads: 0 };
  for (;;) {
    const sealed = await deps.db.transaction().execute(async (trx) => {
      await sql`lock table sensitive_reads in share row exclusive mode`.execute(trx);
      const after = await lastSealedSeq(trx);
      const reads = await readsAfter(trx, after, SEAL_BATCH_SIZE);
      if (reads.length === 0) return 0;
      const batch = sealBatch(reads);
      const at = deps.now();
      const auditSeq = await appendAuditMany(trx, [
        {
          actor: SYSTEM_ACTOR,
          action: SEAL_ACTION,
          targetType: 'sensitive_reads',
          targetId: String(batch.lastSeq),
          after: batch,
          at,
        },
      ]);
      await trx
        .insertInto('sensitive_read_seals')
        .values({
          last_seq: batch.lastSeq,
          first_seq: batch.firstSeq,
          row_count: batch.count,
          sha256: batch.sha256,
          audit_seq: auditSeq,
          sealed_at: at,
        })
        .execute();
      return reads.length;
    });
    if (sealed === 0) return report;
    report.batches += 1;
    report.reads += sealed;
    if (sealed < SEAL_BATCH_SIZE) return report;
  }
}

async function lastSealedSeq(db: Kysely<DB> | Transaction<DB>): Promise<number> {
  const row = await db
    .selectFrom('sensitive_read_seals')
    .select(sql<number | null>`max(last_seq)`.as('last'))
    .executeTakeFirstOrThrow();
  return row.last === null ? 0 : Number(row.last);
}

async function readsAfter(
  db: Kysely<DB> | Transaction<DB>,
  after: number,
  limit: number,
  upTo?: number,
): Promise<SealedRead[]> {
  let query = db.selectFrom('sensitive_reads').selectAll().where('seq', '>', after);
  if (upTo !== undefined) query = query.where('seq', '<=', upTo);
  const rows = await query.orderBy('seq').limit(limit).execute();
  return rows.map((row) => ({
    seq: Number(row.seq),
    readAt: row.read_at.toISOString(),
    userId: row.user_id,
    role: row.role,
    debtorId: row.debtor_id,
    caseId: row.case_id,
    subject: row.subject,
    basis: row.basis,
    reason: row.reason,
    requestId: row.request_id,
  }));
}

export type SealProblem = { kind: 'sealed_reads_altered'; auditSeq: number; firstSeq: number; lastSeq: number };

/**
 * Re-computes every sealed batch from the reads table against the seal its audit entry carries (the chain protects the
 * entry): a read edited, deleted or slipped into a sealed range is found. Batches follow each other without gaps.
 */
export async function verifySealedReads(
  db: Kysely<DB> | Transaction<DB>,
): Promise<{ batches: number; problem: SealProblem | null }> {
  const seals = await db
    .selectFrom('audit_log')
    .select(['seq', 'after'])
    .where('action', '=', SEAL_ACTION)
    .orderBy('seq')
    .execute();
  let previousLast = 0;
  for (const seal of seals) {
    const expected = seal.after as unknown as ReadBatch;
    const reads = await readsAfter(db, previousLast, expected.count + 1, expected.lastSeq);
    const found = reads.length === 0 ? null : sealBatch(reads);
    if (
      !found ||
      found.firstSeq !== expected.firstSeq ||
      found.lastSeq !== expected.lastSeq ||
      found.count !== expected.count ||
      found.sha256 !== expected.sha256
    ) {
      return {
        batches: seals.length,
        problem: {
          kind: 'sealed_reads_altered',
          auditSeq: Number(seal.seq),
          firstSeq: expected.firstSeq,
          lastSeq: expected.lastSeq,
        },
      };
    }
    previousLast = expected.lastSeq;
  }
  return { batches: seals.length, problem: null };
}
