import type { Transaction } from 'kysely';
import { appendAudit, type AuditActor } from '../../audit/append.js';
import type { DB } from '../../platform/db/schema.js';

/** What a print run's audit records say. */
export type PrintRunAction =
  'print_run.started' | 'print_run.prepared' | 'print_run.posted' | 'print_run.resumed' | 'print_run.abandoned';

export async function audit(
  trx: Transaction<DB>,
  actor: AuditActor,
  action: PrintRunAction,
  runId: string,
  after: Record<string, unknown>,
  requestId: string | null,
  at: Date,
): Promise<void> {
  await appendAudit(trx, { actor, action, targetType: 'print_run', targetId: runId, after, requestId, at });
}
