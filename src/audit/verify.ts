import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { ChainVerifier, describeProblem, type ChainProblem } from './core/chain.js';
import { sealAuditChain, storedContent } from './seal-chain.js';
import { verifySealedReads, type SealProblem } from './seal-reads.js';

export interface VerificationResult {
  ok: boolean;
  entriesChecked: number;
  sealedBatches: number;
  problem: ChainProblem | SealProblem | null;
  message: string;
}

const PAGE = 5_000;

/**
 * `audit:verify`: seals what has committed (on demand, as the job does every minute), then re-computes the whole chain
 * in pages of a few thousand entries, in one read-only snapshot.
 */
export async function verifyAuditTrail(db: Kysely<DB>): Promise<VerificationResult> {
  await sealAuditChain(db);
  return checkAuditTrail(db);
}

/** The check alone, in one read-only snapshot. */
export async function checkAuditTrail(db: Kysely<DB>): Promise<VerificationResult> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => checkWithin(trx));
}

/** The chain in its positions' order against the log, the head, the entries outside it, then the sealed reads. */
export async function checkWithin(trx: Transaction<DB>): Promise<VerificationResult> {
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const rows = await trx
      .selectFrom('audit_chain')
      .leftJoin('audit_log', 'audit_log.seq', 'audit_chain.seq')
      .select(['audit_chain.position', 'audit_chain.seq as link_seq', 'audit_chain.prev_hash', 'audit_chain.hash'])
      .select([
        'audit_log.seq',
        'audit_log.occurred_at',
        'audit_log.actor_user_id',
        'audit_log.actor_role',
        'audit_log.action',
        'audit_log.target_type',
        'audit_log.target_id',
        'audit_log.creditor_id',
        'audit_log.before',
        'audit_log.after',
        'audit_log.request_id',
      ])
      .where('audit_chain.position', '>', after)
      .orderBy('audit_chain.position')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const seq = Number(row.link_seq);
      const problem =
        row.seq === null
          ? ({ kind: 'entry_removed', seq } as const)
          : verifier.check({
              seq,
              prevHash: row.prev_hash,
              hash: row.hash,
              ...storedContent({
                ...row,
                occurred_at: row.occurred_at!,
                action: row.action!,
                target_type: row.target_type!,
              }),
            });
      if (problem) return failed(verifier.count, problem);
    }
    if (rows.length < PAGE) break;
    after = Number(rows[rows.length - 1]!.position);
  }
  const head = await trx.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
  const problem =
    verifier.finish({ lastHash: head.last_hash, entryCount: head.entry_count }) ??
    (await entryOutsideChain(trx, head.sealed_below));
  if (problem) return failed(verifier.count, problem);
  // Reads of special-category data are sealed into the chain in batches: each batch must still match its seal.
  const sealed = await verifySealedReads(trx);
  if (sealed.problem) {
    const { auditSeq, firstSeq, lastSeq } = sealed.problem;
    return {
      ok: false,
      entriesChecked: verifier.count,
      sealedBatches: sealed.batches,
      problem: sealed.problem,
      message: `Sensitive reads ${firstSeq} to ${lastSeq} no longer match the seal of audit entry ${auditSeq}: a read was changed, removed or added.`,
    };
  }
  return {
    ok: true,
    entriesChecked: verifier.count,
    sealedBatches: sealed.batches,
    problem: null,
    message: `The audit trail verifies: ${verifier.count} entries, unbroken chain, ${sealed.batches} sealed batches of sensitive reads intact.`,
  };
}

/**
 * Every transaction below the head's mark had ended when a sealer emptied the queue, so each of its entries is in the
 * chain: one that is not was written into the log afterwards (or its link was deleted).
 */
async function entryOutsideChain(trx: Transaction<DB>, sealedBelow: string): Promise<ChainProblem | null> {
  const row = await trx
    .selectFrom('audit_log')
    .select('seq')
    .where(sql<boolean>`(txid is null or txid < ${sealedBelow}::xid8)`)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('audit_chain').select('position').whereRef('audit_chain.seq', '=', 'audit_log.seq'))),
    )
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  return row ? { kind: 'entry_outside_chain', seq: Number(row.seq) } : null;
}

function failed(entriesChecked: number, problem: ChainProblem): VerificationResult {
  return { ok: false, entriesChecked, sealedBatches: 0, problem, message: describeProblem(problem) };
}
