import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { ChainVerifier, describeProblem, type ChainProblem } from './core/chain.js';
import { verifySealedReads, type SealProblem } from './seal-reads.js';

export interface VerificationResult {
  ok: boolean;
  entriesChecked: number;
  sealedBatches: number;
  problem: ChainProblem | SealProblem | null;
  message: string;
}

const PAGE = 5_000;

/** Re-computes the whole chain in pages of a few thousand entries, in one read-only snapshot. */
export async function verifyAuditTrail(db: Kysely<DB>): Promise<VerificationResult> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const verifier = new ChainVerifier();
      let after = 0;
      for (;;) {
        const rows = await trx
          .selectFrom('audit_log')
          .selectAll()
          .where('seq', '>', after)
          .orderBy('seq')
          .limit(PAGE)
          .execute();
        for (const row of rows) {
          const problem = verifier.check({
            seq: row.seq,
            prevHash: row.prev_hash,
            hash: row.hash,
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
          });
          if (problem) return failed(verifier.count, problem);
        }
        if (rows.length < PAGE) break;
        after = rows[rows.length - 1]!.seq;
      }
      const head = await trx.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
      const problem = verifier.finish({ lastHash: head.last_hash, entryCount: head.entry_count });
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
    });
}

function failed(entriesChecked: number, problem: ChainProblem): VerificationResult {
  return { ok: false, entriesChecked, sealedBatches: 0, problem, message: describeProblem(problem) };
}
