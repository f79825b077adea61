import { createHash } from 'node:crypto';
import { configure } from 'safe-stable-stringify';

const canonical = configure({ deterministic: true, bigint: false });

/** One read of special-category data, as it is sealed (every stored column, the instant in ISO form). */
export interface SealedRead {
  seq: number;
  readAt: string;
  userId: string;
  role: string;
  debtorId: string;
  caseId: string | null;
  subject: string;
  basis: string;
  reason: string | null;
  requestId: string | null;
}

export interface ReadBatch {
  firstSeq: number;
  lastSeq: number;
  count: number;
  sha256: string;
}

/**
 * The seal of a batch of reads, in seq order: its bounds, its count and the SHA-256 of one canonical JSON line per
 * read. The audit entry carries it; a read changed, removed or slipped in later changes the count or the hash.
 */
export function sealBatch(reads: readonly SealedRead[]): ReadBatch {
  if (reads.length === 0) throw new Error('a batch of reads to seal cannot be empty');
  const hash = createHash('sha256');
  let previous = -Infinity;
  for (const read of reads) {
    if (read.seq <= previous) throw new Error('reads are sealed in increasing seq order');
    previous = read.seq;
    hash.update(canonical(normalised(read)) ?? '').update('\n');
  }
  return {
    firstSeq: reads[0]!.seq,
    lastSeq: reads[reads.length - 1]!.seq,
    count: reads.length,
    sha256: hash.digest('hex'),
  };
}

function normalised(read: SealedRead): SealedRead {
  return {
    seq: read.seq,
    readAt: read.readAt,
    userId: read.userId,
    role: read.role,
    debtorId: read.debtorId,
    caseId: read.caseId,
    subject: read.subject,
    basis: read.basis,
    reason: read.reason,
    requestId: read.requestId,
  };
}
