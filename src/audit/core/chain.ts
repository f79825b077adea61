import { createHash } from 'node:crypto';
import { configure } from 'safe-stable-stringify';

/** Canonical JSON: sorted keys, so the same entry always hashes the same after a round trip through jsonb. */
const canonical = configure({ deterministic: true, bigint: false });

export const GENESIS_HASH = 'genesis';

export interface AuditContent {
  occurredAt: string;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  creditorId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** Hashes exactly the content fields (never the stored seq or hashes), chained to the previous hash. */
export function hashEntry(prevHash: string, content: AuditContent): string {
  const fields: AuditContent = {
    occurredAt: content.occurredAt,
    actorUserId: content.actorUserId,
    actorRole: content.actorRole,
    action: content.action,
    targetType: content.targetType,
    targetId: content.targetId,
    creditorId: content.creditorId,
    before: content.before,
    after: content.after,
    requestId: content.requestId,
  };
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonical(fields) ?? '')
    .digest('hex');
}

/** JSON has no Date, undefined or bigint: normalise values the way jsonb will give them back. */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null');
}

export interface StoredEntry extends AuditContent {
  seq: number;
  prevHash: string;
  hash: string;
}

/** One entry's place in the chain, as the sealer wrote it: its position, and the hashes linking it. */
export interface ChainLink {
  position: number;
  seq: number;
  prevHash: string;
  hash: string;
}

/** Where the chain ends: the newest sealed hash, its position and the count of sealed entries. */
export interface ChainHead {
  lastHash: string;
  lastPosition: number;
  entryCount: number;
}

/**
 * Folds a batch of committed entries into the chain after `head`, in the order given (the sealer gives them by seq):
 * each link hashes the entry's content with the hash before it. Pure: the sealer writes what this answers.
 */
export function linkEntries(
  head: ChainHead,
  entries: readonly (AuditContent & { seq: number })[],
): { links: ChainLink[]; head: ChainHead } {
  let previous = head.lastHash;
  const links = entries.map((entry, index) => {
    const hash = hashEntry(previous, entry);
    const link = { position: head.lastPosition + index + 1, seq: entry.seq, prevHash: previous, hash };
    previous = hash;
    return link;
  });
  return {
    links,
    head: {
      lastHash: previous,
      lastPosition: head.lastPosition + entries.length,
      entryCount: head.entryCount + entries.length,
    },
  };
}

export type ChainProblem =
  | { kind: 'content_altered'; seq: number }
  | { kind: 'link_broken'; seq: number; expectedPrevHash: string }
  | { kind: 'head_mismatch'; expectedHash: string; foundHash: string }
  | { kind: 'count_mismatch'; expected: number; found: number }
  | { kind: 'entry_removed'; seq: number }
  | { kind: 'entry_outside_chain'; seq: number };

/**
 * Walks entries in the chain's order and reports the first problem: an entry whose content no longer matches its hash
 * (edited, or swapped with another), an entry that does not link to the one before (one was deleted or inserted), an
 * entry the chain sealed that is gone from the log, or a chain whose end differs from the head (the newest entries
 * were removed).
 */
export class ChainVerifier {
  #previous = GENESIS_HASH;
  #count = 0;

  check(entry: StoredEntry): ChainProblem | null {
    if (entry.prevHash !== this.#previous) {
      return { kind: 'link_broken', seq: entry.seq, expectedPrevHash: this.#previous };
    }
    if (hashEntry(entry.prevHash, entry) !== entry.hash) return { kind: 'content_altered', seq: entry.seq };
    this.#previous = entry.hash;
    this.#count += 1;
    return null;
  }

  finish(head: { lastHash: string; entryCount: number }): ChainProblem | null {
    if (head.lastHash !== this.#previous) {
      return { kind: 'head_mismatch', expectedHash: head.lastHash, foundHash: this.#previous };
    }
    if (head.entryCount !== this.#count)
      return { kind: 'count_mismatch', expected: head.entryCount, found: this.#count };
    return null;
  }

  get count(): number {
    return this.#count;
  }
}

export function describeProblem(problem: ChainProblem): string {
  switch (problem.kind) {
    case 'content_altered':
      return `Audit entry #${problem.seq} was altered: its content no longer matches its hash.`;
    case 'link_broken':
      return `Audit entry #${problem.seq} does not follow the entry before it: an entry was deleted or inserted before it.`;
    case 'head_mismatch':
      return 'The newest audit entries are missing: the chain ends before the recorded head.';
    case 'count_mismatch':
      return `The audit trail holds ${problem.found} entries where ${problem.expected} were written.`;
    case 'entry_removed':
      return `Audit entry #${problem.seq} was removed: the chain sealed it and the log no longer holds it.`;
    case 'entry_outside_chain':
      return `Audit entry #${problem.seq} is outside the chain although everything written before the last seal was sealed: it was slipped in, or its link was removed.`;
  }
}
