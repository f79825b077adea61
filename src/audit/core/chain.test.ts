import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChainVerifier, GENESIS_HASH, hashEntry, type AuditContent, type StoredEntry } from './chain.js';

const contentArb: fc.Arbitrary<AuditContent> = fc.record({
  occurredAt: fc
    .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  actorUserId: fc.option(fc.uuid(), { nil: null }),
  actorRole: fc.option(fc.constantFrom('agent', 'administrator', 'system'), { nil: null }),
  action: fc.constantFrom('user.created', 'auth.login', 'case.updated'),
  targetType: fc.constantFrom('user', 'case'),
  targetId: fc.option(fc.uuid(), { nil: null }),
  creditorId: fc.option(fc.uuid(), { nil: null }),
  before: fc.option(fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.integer(), fc.string(), fc.boolean())), {
    nil: null,
  }),
  after: fc.option(fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.integer(), fc.string(), fc.boolean())), {
    nil: null,
  }),
  requestId: fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: null }),
});

function chain(contents: AuditContent[]): StoredEntry[] {
  let prev = GENESIS_HASH;
  return contents.map((content, index) => {
    const hash = hashEntry(prev, content);
    const entry = { ...content, seq: index + 1, prevHash: prev, hash };
    prev = hash;
    return entry;
  });
}

function verify(entries: StoredEntry[], head: { lastHash: string; entryCount: number }) {
  const verifier = new ChainVerifier();
  for (const entry of entries) {
    const problem = verifier.check(entry);
    if (problem) return problem;
  }
  return verifier.finish(head);
}

const headOf = (entries: StoredEntry[]) => ({
  lastHash: entries.at(-1)?.hash ?? GENESIS_HASH,
  entryCount: entries.length,
});

describe('audit hash chain', () => {
  it('hashes key order independently (jsonb reorders keys)', () => {
    const base: AuditContent = {
      occurredAt: '2026-01-01T00:00:00.000Z',
      actorUserId: null,
      actorRole: 'system',
      action: 'a',
      targetType: 't',
      targetId: null,
      creditorId: null,
      before: { a: 1, b: 2 },
      after: null,
      requestId: null,
    };
    expect(hashEntry(GENESIS_HASH, base)).toBe(hashEntry(GENESIS_HASH, { ...base, before: { b: 2, a: 1 } }));
  });

  it('verifies an intact chain (property)', () => {
    fc.assert(
      fc.property(fc.array(contentArb, { maxLength: 20 }), (contents) => {
        const entries = chain(contents);
        expect(verify(entries, headOf(entries))).toBeNull();
      }),
    );
  });

  it('detects any altered field of any entry (property)', () => {
    fc.assert(
      fc.property(
        fc.array(contentArb, { minLength: 1, maxLength: 15 }),
        fc.nat(),
        fc.constantFrom<keyof AuditContent>('action', 'targetId', 'actorUserId', 'after', 'occurredAt'),
        (contents, pick, field) => {
          const entries = chain(contents);
          const index = pick % entries.length;
          const altered = [...entries];
          const original = altered[index]!;
          const value =
            field === 'after' ? { tampered: true } : field === 'occurredAt' ? '1999-01-01T00:00:00.000Z' : 'tampered';
          altered[index] = { ...original, [field]: value };
          const problem = verify(altered, headOf(entries));
          expect(problem).toEqual({ kind: 'content_altered', seq: original.seq });
        },
      ),
    );
  });

  it('detects a deleted entry anywhere, including the newest (property)', () => {
    fc.assert(
      fc.property(fc.array(contentArb, { minLength: 1, maxLength: 15 }), fc.nat(), (contents, pick) => {
        const entries = chain(contents);
        const index = pick % entries.length;
        const remaining = entries.filter((_, i) => i !== index);
        expect(verify(remaining, headOf(entries))).not.toBeNull();
      }),
    );
  });
});
