import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { remittanceNumber, remittanceTotals } from './totals.js';

const line = fc.record({
  collected: fc.integer({ min: -1_000_000, max: 1_000_000 }),
  commission: fc.integer({ min: -100_000, max: 100_000 }),
  net: fc.integer({ min: -1_000_000, max: 1_000_000 }),
});

describe('remittance totals', () => {
  it('sums each amount over the lines, and is negative exactly when the net is', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 50 }), (lines) => {
        const totals = remittanceTotals(lines);
        const left = remittanceTotals(lines.slice(0, 1));
        const right = remittanceTotals(lines.slice(1));
        expect(totals.collected).toBe(left.collected + right.collected);
        expect(totals.commission).toBe(left.commission + right.commission);
        expect(totals.net).toBe(left.net + right.net);
        expect(totals.negative).toBe(totals.net < 0);
      }),
    );
  });

  it('numbers a remittance by creditor, period end and sequence', () => {
    expect(remittanceNumber('ACME', '2026-03-31', 7)).toBe('R-ACME-20260331-0007');
    expect(remittanceNumber('ACME', '2026-03-31', 12345)).toBe('R-ACME-20260331-12345');
  });
});
