import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sealBatch, type SealedRead } from './read-batch.js';

describe('sealing a batch of reads', () => {
  const read = (seq: number, reasonText: string | null = null): SealedRead => ({
    seq,
    readAt: '2026-11-25T09:00:00.000Z',
    userId: 'u',
    role: 'agent',
    debtorId: 'd',
    caseId: null,
    subject: 'budget',
    basis: reasonText === null ? 'case_holder' : 'stated_reason',
    reason: reasonText,
    requestId: null,
  });

  it('covers every field of every read: changing, removing or adding one changes the seal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.nat(), fc.string({ minLength: 1 }), (count, pick, text) => {
        const reads = Array.from({ length: count }, (_, i) => read(i + 1));
        const seal = sealBatch(reads);
        expect(seal).toMatchObject({ firstSeq: 1, lastSeq: count, count });
        const index = pick % count;
        const changed = reads.map((r, i) => (i === index ? read(r.seq, text) : r));
        expect(sealBatch(changed).sha256).not.toBe(seal.sha256);
        if (count > 1) expect(sealBatch(reads.filter((_, i) => i !== index)).sha256).not.toBe(seal.sha256);
        expect(sealBatch([...reads, read(count + 1)]).sha256).not.toBe(seal.sha256);
      }),
    );
  });

  it('refuses an empty batch or reads out of order', () => {
    expect(() => sealBatch([])).toThrow();
    expect(() => sealBatch([read(2), read(1)])).toThrow();
  });
});
