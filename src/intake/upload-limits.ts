import { sql } from 'kysely';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { appendAudit, type AuditActor } from '../audit/append.js';
import { createPlacement } from './import-placement.js';
import { DAY_MS } from '../platform/calendar/index.js';

/**
 * Limits on what one creditor may put into Accord (issue 13): at most PLACEMENT_MAX_ACTIVE_IMPORTS placements waiting
 * or running at once, and PLACEMENT_DAILY_QUOTA_BYTES of files uploaded in any 24 hours. Both are decided under a lock
 * per creditor, so two uploads at the same moment cannot both take the last place or the last bytes.
 */

function lockCreditor(creditorId: string) {
  return sql`select pg_advisory_xact_lock(hashtextextended(${`placement-upload:${creditorId}`}::text, 0))`;
}

/** What the creditor uploaded in the 24 hours before `now`, and the moment the oldest of it leaves the window. */
async function usedBytes(db: Deps['db'], creditorId: string, now: Date, exceptPlacementId: string | null = null) {
  let query = db
    .selectFrom('placements')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<string>('source_bytes'), sql<string>`0`).as('bytes'),
      eb.fn.min('created_at').as('oldest'),
    ])
    .where('creditor_id', '=', creditorId)
    .where('source_bytes', 'is not', null)
    .where('created_at', '>', new Date(now.getTime() - DAY_MS));
  if (exceptPlacementId) query = query.where('id', '<>', exceptPlacementId);
  const row = await query.executeTakeFirstOrThrow();
  return { bytes: Number(row.bytes), freedAt: row.oldest ? new Date(new Date(row.oldest).getTime() + DAY_MS) : now };
}

function quotaExceeded(
  status: 413 | 429,
  quota: number,
  used: number,
  retryAt: Date,
  fileBytes: number | null,
  now: Date,
) {
  const what = fileBytes === null ? 'its quota is used up' : `this file would take it past its quota`;
  return new AppError(
    'placements.quota_exceeded',
    status,
    `This creditor uploaded ${used} bytes of placement files in the last 24 hours and ${what} of ${quota} bytes: try again after ${retryAt.toISOString()}, or ask the agency to raise PLACEMENT_DAILY_QUOTA_BYTES.`,
    // retryAfterSeconds becomes the Retry-After header (platform/http/problem.ts).
    {
      quotaBytes: quota,
      usedBytes: used,
      retryAt: retryAt.toISOString(),
      retryAfterSeconds: Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000)),
    },
  );
}

/**
 * Creates the pending placement of an upload if the creditor is within its limits; answers how many bytes the file
 * may still have. 409 placements.too_many_imports, 429 placements.quota_exceeded otherwise.
 */
export async function admitPlacement(
  deps: Deps,
  input: Parameters<typeof createPlacement>[1],
): Promise<{ placementId: string; remainingBytes: number }> {
  const now = deps.now();
  const max = deps.config.PLACEMENT_MAX_ACTIVE_IMPORTS;
  const quota = deps.config.PLACEMENT_DAILY_QUOTA_BYTES;
  return deps.db.transaction().execute(async (trx) => {
    await lockCreditor(input.creditorId).execute(trx);
    const active = await trx
      .selectFrom('placements')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('creditor_id', '=', input.creditorId)
      .where('status', 'in', ['pending', 'running'])
      .executeTakeFirstOrThrow();
    if (Number(active.count) >= max) {
      throw new AppError(
        'placements.too_many_imports',
        409,
        `This creditor already has ${active.count} placements waiting or being imported (at most ${max} at once): try again when one of them has finished (GET /api/v1/placements shows their status).`,
        { activeImports: Number(active.count), maxActiveImports: max },
      );
    }
    const used = await usedBytes(trx, input.creditorId, now);
    if (used.bytes >= quota) throw quotaExceeded(429, quota, used.bytes, used.freedAt, null, now);
    const { placementId } = await createPlacement({ ...deps, db: trx }, input);
    return { placementId, remainingBytes: quota - used.bytes };
  });
}

/**
 * Records the size and hash of a stored upload, audited, re-checking the quota under the creditor's lock (uploads that
 * ran at the same time all counted the same remaining bytes). Over it: the placement is marked failed (audited, and
 * committed) and 413 is thrown; the caller removes the file.
 */
export async function recordUploadSize(
  deps: Deps,
  p: {
    placementId: string;
    creditorId: string;
    bytes: number;
    sha256: string;
    actor: AuditActor;
    requestId: string | null;
  },
): Promise<void> {
  const quota = deps.config.PLACEMENT_DAILY_QUOTA_BYTES;
  const now = deps.now();
  const refusal = await deps.db.transaction().execute(async (trx) => {
    await lockCreditor(p.creditorId).execute(trx);
    const others = await usedBytes(trx, p.creditorId, now, p.placementId);
    const audit = {
      actor: p.actor,
      targetType: 'placement',
      targetId: p.placementId,
      creditorId: p.creditorId,
      requestId: p.requestId,
      at: now,
    };
    if (others.bytes + p.bytes > quota) {
      await trx
        .updateTable('placements')
        .set({ status: 'failed', report: JSON.stringify({ failure: 'upload quota exceeded' }), completed_at: now })
        .where('id', '=', p.placementId)
        .execute();
      await appendAudit(trx, {
        ...audit,
        action: 'placement.upload_failed',
        before: { status: 'pending' },
        after: { status: 'failed', failure: 'upload quota exceeded', bytes: p.bytes },
      });
      return quotaExceeded(413, quota, others.bytes, others.freedAt, p.bytes, now);
    }
    await trx
      .updateTable('placements')
      .set({ source_sha256: p.sha256, source_bytes: p.bytes })
      .where('id', '=', p.placementId)
      .execute();
    await appendAudit(trx, {
      ...audit,
      action: 'placement.uploaded',
      after: { status: 'pending', bytes: p.bytes, sha256: p.sha256 },
    });
    return null;
  });
  if (refusal) throw refusal;
}

/** The 413 of a file cut off while streaming because it went past the quota's remaining bytes. */
export async function quotaExceededWhileStreaming(
  deps: Deps,
  creditorId: string,
  remainingBytes: number,
): Promise<AppError> {
  const now = deps.now();
  const used = await usedBytes(deps.db, creditorId, now);
  return quotaExceeded(413, deps.config.PLACEMENT_DAILY_QUOTA_BYTES, used.bytes, used.freedAt, remainingBytes + 1, now);
}
