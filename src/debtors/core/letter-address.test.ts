import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseLetterAddress, type AddressFacts } from './letter-address.js';

const address = fc.record<AddressFacts>({
  id: fc.uuid(),
  source: fc.constantFrom('creditor', 'debtor', 'agent', 'enrichment'),
  isPrimary: fc.boolean(),
  createdAtMs: fc.integer({ min: 0, max: 1_000 }),
  verifiedAtMs: fc.option(fc.integer({ min: 0, max: 1_000 })),
  undeliverableAtMs: fc.option(fc.integer({ min: 0, max: 1_000 }), { freq: 4 }),
});
const base = { isPrimary: false, createdAtMs: 0, verifiedAtMs: null, undeliverableAtMs: null };

describe('the address letters go to', () => {
  it('is never one whose mail came back, and is null only when every address did', () => {
    fc.assert(
      fc.property(fc.uniqueArray(address, { selector: (a) => a.id, maxLength: 8 }), (addresses) => {
        const chosen = chooseLetterAddress(addresses);
        const usable = addresses.filter((a) => a.undeliverableAtMs === null);
        if (usable.length === 0) expect(chosen).toBeNull();
        else expect(usable.map((a) => a.id)).toContain(chosen!.id);
      }),
    );
  });

  it('is a verified one whenever there is one, the most recently verified', () => {
    fc.assert(
      fc.property(fc.uniqueArray(address, { selector: (a) => a.id, maxLength: 8 }), (addresses) => {
        const verified = addresses.filter((a) => a.undeliverableAtMs === null && a.verifiedAtMs !== null);
        fc.pre(verified.length > 0);
        const chosen = chooseLetterAddress(addresses)!;
        expect(chosen.reason).toBe('verified');
        const latest = Math.max(...verified.map((a) => a.verifiedAtMs!));
        expect(addresses.find((a) => a.id === chosen.id)!.verifiedAtMs).toBe(latest);
      }),
    );
  });

  it('does not depend on the order the addresses are listed in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(address, { selector: (a) => a.id, maxLength: 8 }), (addresses) => {
        expect(chooseLetterAddress([...addresses].reverse())).toEqual(chooseLetterAddress(addresses));
      }),
    );
  });

  it('prefers what the debtor said over a creditor file, however recent the file', () => {
    const chosen = chooseLetterAddress([
      { ...base, id: 'a', source: 'creditor', isPrimary: true, createdAtMs: 900 },
      { ...base, id: 'b', source: 'debtor', createdAtMs: 100 },
      { ...base, id: 'c', source: 'creditor', createdAtMs: 950 },
    ]);
    expect(chosen).toEqual({ id: 'b', reason: 'debtor_given' });
  });

  it("keeps a creditor file's primary address over a later file's address", () => {
    const chosen = chooseLetterAddress([
      { ...base, id: 'a', source: 'creditor', isPrimary: true, createdAtMs: 100 },
      { ...base, id: 'b', source: 'creditor', createdAtMs: 900 },
    ]);
    expect(chosen).toEqual({ id: 'a', reason: 'creditor_primary' });
  });
});
