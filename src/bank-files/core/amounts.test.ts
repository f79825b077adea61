import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, MAX_AMOUNT_CENTS, parseAmountCents } from './amounts.js';

describe('exact amounts', () => {
  it('reads decimal amounts to cents without floats', () => {
    expect(parseAmountCents('0.10')).toEqual({ cents: 10 });
    expect(parseAmountCents('1234.5')).toEqual({ cents: 123450 });
    expect(parseAmountCents('007')).toEqual({ cents: 700 });
    expect(parseAmountCents('0.29')).toEqual({ cents: 29 });
    expect(parseAmountCents('99999999999.99')).toEqual({ cents: MAX_AMOUNT_CENTS });
  });

  it('refuses what is not an amount of at most two decimals', () => {
    expect(parseAmountCents('1.005')).toEqual({ problem: 'amount.too_many_decimals' });
    expect(parseAmountCents('1,50')).toEqual({ problem: 'amount.syntax' });
    expect(parseAmountCents('-3.00')).toEqual({ problem: 'amount.syntax' });
    expect(parseAmountCents('1e3')).toEqual({ problem: 'amount.syntax' });
    expect(parseAmountCents('')).toEqual({ problem: 'amount.syntax' });
    expect(parseAmountCents('0.00')).toEqual({ problem: 'amount.zero' });
    expect(parseAmountCents('100000000000.00')).toEqual({ problem: 'amount.too_large' });
  });

  it('writes back what it reads, for every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_AMOUNT_CENTS }), (cents) => {
        const text = formatAmount(cents);
        expect(text).toMatch(/^\d+\.\d{2}$/);
        expect(parseAmountCents(text)).toEqual({ cents });
      }),
    );
  });
});
