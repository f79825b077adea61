import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { uploadDir } from '../platform/config.js';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { INTAKE_IMPORT, type ImportJobData } from './import-job.js';
import { admitPlacement, quotaExceededWhileStreaming, recordUploadSize } from './upload-limits.js';

export interface PlacementUpload {
  creditorId: string;
  mandateCode: string;
  fileName: string | null;
  format: 'csv' | 'jsonl';
  body: NodeJS.ReadableStream;
}

class TooLarge extends Error {}

/** Counts bytes and hashes the upload as it streams to disk, stopping past the limit. */
function measure(limit: number, hash: ReturnType<typeof createHash>, counted: { bytes: number }) {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      counted.bytes += chunk.length;
      if (counted.bytes > limit) return callback(new TooLarge());
      hash.update(chunk);
      callback(null, chunk);
    },
  });
}

/**
 * Receives a placement file: admits it within the creditor's limits (a pending placement), streams it to the upload
 * folder while counting and hashing it, records its size and hash (re-checking the day's quota), and queues its
 * import. A file cut off (too large, past the quota, or the connection lost) marks the placement failed, audited.
 * `cutOff` on the thrown error tells the route the rest of the body was not read.
 */
export async function receivePlacementUpload(
  deps: Deps,
  actor: Actor,
  upload: PlacementUpload,
  requestId: string,
): Promise<{ placementId: string }> {
  const jobs = deps.jobs;
  if (!jobs)
    throw new AppError('jobs.unavailable', 503, 'Background jobs are not running on this server: try again later.');
  // Per creditor: a limited number of imports at once and of bytes a day (upload-limits.ts).
  const { placementId, remainingBytes } = await admitPlacement(deps, {
    creditorId: upload.creditorId,
    mandateCode: upload.mandateCode,
    source: { fileName: upload.fileName, sha256: null, format: upload.format },
    actor: auditActor(actor),
  });
  const dir = uploadDir(deps.config);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${placementId}.${upload.format}`);
  const hash = createHash('sha256');
  const counted = { bytes: 0 };
  const limit = Math.min(deps.config.UPLOAD_LIMIT_BYTES, remainingBytes);
  const file = createWriteStream(path);
  try {
    await pipeline(upload.body, measure(limit, hash, counted), file);
  } catch (error) {
    // A file cut off before its stream had opened it is still created once the open completes: wait for the stream
    // to close, then remove it, or an empty file would stay behind.
    if (!file.closed) await once(file, 'close').catch(() => undefined);
    await rm(path, { force: true });
    const tooLarge = error instanceof TooLarge;
    await failUpload(deps, actor, {
      placementId,
      creditorId: upload.creditorId,
      failure: tooLarge ? 'file too large' : 'upload interrupted',
      requestId,
    });
    if (!tooLarge) throw error;
    const refusal =
      limit < deps.config.UPLOAD_LIMIT_BYTES
        ? await quotaExceededWhileStreaming(deps, upload.creditorId, remainingBytes)
        : new AppError(
            'request.too_large',
            413,
            `The file is larger than ${deps.config.UPLOAD_LIMIT_BYTES} bytes: split it into several placements.`,
            { limitBytes: deps.config.UPLOAD_LIMIT_BYTES },
          );
    throw Object.assign(refusal, { cutOff: true });
  }
  try {
    await recordUploadSize(deps, {
      placementId,
      creditorId: upload.creditorId,
      bytes: counted.bytes,
      sha256: hash.digest('hex'),
      actor: auditActor(actor),
      requestId,
    });
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  const data: ImportJobData = { placementId, path, actorUserId: actor.userId, actorRole: actor.role, requestId };
  await jobs.send(INTAKE_IMPORT, data);
  return { placementId };
}

/** A placement whose file never arrived whole: failed, with why, and audited in the same transaction. */
async function failUpload(
  deps: Deps,
  actor: Actor,
  p: { placementId: string; creditorId: string; failure: string; requestId: string },
) {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('placements')
      .set({ status: 'failed', report: JSON.stringify({ failure: p.failure }), completed_at: now })
      .where('id', '=', p.placementId)
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'placement.upload_failed',
      targetType: 'placement',
      targetId: p.placementId,
      creditorId: p.creditorId,
      before: { status: 'pending' },
      after: { status: 'failed', failure: p.failure },
      requestId: p.requestId,
      at: now,
    });
  });
}
