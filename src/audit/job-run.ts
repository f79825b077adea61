import type { Deps } from '../platform/deps.js';
import { appendAudit, type AuditActor } from './append.js';

/**
 * Runs a scheduled job now for a person, and records that they did with the job's report. The job keeps its own
 * transactions (one per unit of work, as on its schedule); the audit entry is its own act, written once the job ends.
 * The actor is the signed-in person (an identity `Actor` fits), recorded by id and role.
 */
export async function runJobNow<R extends object>(
  deps: Deps,
  actor: AuditActor,
  jobId: string,
  run: () => Promise<R>,
  requestId: string,
): Promise<R> {
  const report = await run();
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, {
      actor: { userId: actor.userId, role: actor.role },
      action: 'job.run',
      targetType: 'job',
      targetId: jobId,
      after: report,
      requestId,
      at: deps.now(),
    }),
  );
  return report;
}
