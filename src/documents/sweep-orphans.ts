import { appendAudit, SYSTEM_ACTOR } from '../audit/append.js';
import type { Deps } from '../platform/deps.js';
import { documentStorage, type StoredEntry } from './storage.js';

/**
 * How old a file without a record must be before it is swept: an upload writes its file before its record commits,
 * so a younger one may be an upload still in progress.
 */
export const ORPHAN_GRACE_HOURS = 24;

/** Files looked up against the records per query. */
const BATCH = 500;

/**
 * Deletes the stored files that no document record names, older than the grace period: what a crash left between
 * writing a file and committing its record, or between deleting a record and its file. Files of existing records,
 * recent files and files the storage did not name are left alone. One audit entry gives the count (never the ids:
 * there is no record left to name).
 */
export async function sweepOrphanFiles(deps: Deps): Promise<{ orphanFilesDeleted: number }> {
  const storage = documentStorage(deps.config);
  const cutoff = new Date(deps.now().getTime() - ORPHAN_GRACE_HOURS * 3_600_000);
  let deleted = 0;
  let batch: StoredEntry[] = [];
  const sweep = async () => {
    const ids = [...new Set(batch.map((entry) => entry.id))];
    batch = [];
    const kept = new Set(
      (await deps.db.selectFrom('case_documents').select('id').where('id', 'in', ids).execute()).map((row) => row.id),
    );
    for (const id of ids.filter((id) => !kept.has(id))) {
      await storage.delete(id);
      deleted += 1;
    }
  };
  for await (const entry of storage.list()) {
    if (entry.modifiedAt >= cutoff) continue;
    batch.push(entry);
    if (batch.length >= BATCH) await sweep();
  }
  if (batch.length > 0) await sweep();
  if (deleted > 0)
    await deps.db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: SYSTEM_ACTOR,
        action: 'document.orphan_files_deleted',
        targetType: 'document_storage',
        after: { count: deleted, graceHours: ORPHAN_GRACE_HOURS, olderThan: cutoff.toISOString() },
        at: deps.now(),
      }),
    );
  return { orphanFilesDeleted: deleted };
}
