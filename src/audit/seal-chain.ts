import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { linkEntries, type AuditContent } from './core/chain.js';

/** The job that folds committed audit entries into the hash chain, every minute (and on demand, before a check). */
export const AUDIT_CHAIN_SEAL = 'audit-chain-seal';

/** Entries per sealing transaction: a bounded hash run and insert, so a backlog never holds the head for long. */
export const CHAIN_SEAL_BATCH = 5_000;

export interface ChainSealReport {
  batches: number;
  entries: number;
}

/**
 * Seals every committed entry not sealed yet, one transaction per batch, and answers what it sealed. Writers never
 * wait for this: they insert their entries without a lock; only sealers take the head (docs/audit.md).
 */
export async function sealAuditChain(db: Kysely<DB>): Promise<ChainSealReport> {
  const report: ChainSealReport = { batches: 0, entries: 0 };
  for (;;) {
    const sealed = await db.transaction().execute((trx) => sealBatch(trx, CHAIN_SEAL_BATCH));
    if (sealed === 0) return report;
    report.batches += 1;
    report.entries += sealed;
    if (sealed < CHAIN_SEAL_BATCH) return report;
  }
}

/**
 * One batch, in a READ COMMITTED transaction. Order matters:
 * 1. the head, locked: one sealer at a time, and (read committed) the head as the previous sealer left it;
 * 2. the horizon, the oldest transaction still running when this statement began: every transaction below it has
 *    committed or rolled back, so what it wrote is visible to the next statement or will never be;
 * 3. the unsealed entries of transactions from the head's mark upwards, by seq. An entry of a transaction still
 *    running is invisible here and sealed by a later batch, at a later position: the chain's order is the order of
 *    sealing, which never passes over an entry that may still commit before it.
 * When the batch took everything it saw, every entry below the horizon is sealed: the horizon becomes the mark.
 */
async function sealBatch(trx: Transaction<DB>, limit: number): Promise<number> {
  const head = await trx
    .selectFrom('audit_head')
    .select(['last_hash', 'last_position', 'entry_count', 'sealed_below'])
    .where('singleton', '=', true)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const horizon = await sql<{ xmin: string }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`
    .execute(trx)
    .then((result) => result.rows[0]!.xmin);
  const rows = await trx
    .selectFrom('audit_log')
    .selectAll()
    .where(sql<boolean>`txid >= ${head.sealed_below}::xid8`)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('audit_chain').select('position').whereRef('audit_chain.seq', '=', 'audit_log.seq'))),
    )
    .orderBy('seq')
    .limit(limit)
    .execute();
  const drained = rows.length < limit;
  if (rows.length === 0 && head.sealed_below === horizon) return 0;
  const { links, head: next } = linkEntries(
    { lastHash: head.last_hash, lastPosition: head.last_position ?? 0, entryCount: head.entry_count },
    rows.map((row) => ({ seq: Number(row.seq), ...storedContent(row) })),
  );
  if (links.length > 0) {
    await trx
      .insertInto('audit_chain')
      .values(
        links.map((link) => ({ position: link.position, seq: link.seq, prev_hash: link.prevHash, hash: link.hash })),
      )
      .execute();
  }
  await trx
    .updateTable('audit_head')
    .set({
      last_hash: next.lastHash,
      last_position: next.lastPosition,
      entry_count: next.entryCount,
      ...(drained ? { sealed_below: horizon } : {}),
    })
    .where('singleton', '=', true)
    .execute();
  return rows.length;
}

type LogRow = {
  occurred_at: Date;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  creditor_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
};

/** An entry's content as stored, the fields the chain hashes. */
export function storedContent(row: LogRow): AuditContent {
  return {
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorRole: row.actor_role,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    creditorId: row.creditor_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
  };
}
