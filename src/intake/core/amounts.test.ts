import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_CENTS as API_MAX_AMOUNT_CENTS } from '../../platform/money.js';
import { formatCents, MAX_AMOUNT_CENTS, parseAmountCents, type AmountStyle } from './amounts.js';

const cents = (input: string | number) => {
  const r = parseAmountCents(input);
  return r.ok ? r.cents : r.code;
};

describe('parseAmountCents', () => {
  it.each([
    ['1234,56', 123456],
    ['1 234,56', 123456],
    ['1\u00a0234,56', 123456],
    ['1\u202f234,56', 123456],
    ['1.234,56', 123456],
    ['1234.56', 123456],
    ['1,234.56', 123456],
    ['1234', 123400],
    ['0,5', 50],
    ['0,05', 5],
    ['0', 0],
    ['007,10', 710],
    ['  12,50  ', 1250],
    ['1 234 567,89', 123456789],
    ['1.234.567', 123456700],
    ['1,234,567', 123456700],
    ['1,234,567.89', 123456789],
    ['10000000', MAX_AMOUNT_CENTS],
    ['10 000 000,00', MAX_AMOUNT_CENTS],
    ['9.999.999,99', MAX_AMOUNT_CENTS - 1],
  ])('reads %j as %i cents', (input, expected) => {
    expect(cents(input)).toBe(expected);
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['-12,00', 'amount.negative'],
    ['\u221212,00', 'amount.negative'],
    ['12,345', 'amount.too_many_decimals'],
    ['1.234', 'amount.too_many_decimals'],
    ['1234.567', 'amount.too_many_decimals'],
    ['12,3456', 'amount.too_many_decimals'],
    ['12 EUR', 'amount.invalid'],
    ['12,50 €', 'amount.invalid'],
    ['abc', 'amount.invalid'],
    ['1e5', 'amount.invalid'],
    ['+12', 'amount.invalid'],
    ['12,', 'amount.invalid'],
    [',5', 'amount.invalid'],
    ['1,2,3', 'amount.invalid'],
    ['12 34,00', 'amount.invalid'],
    ['1 234.567,89', 'amount.invalid'],
    ['1.234.56', 'amount.invalid'],
    ['1,234,56', 'amount.invalid'],
    ['1  234', 'amount.invalid'],
    ['10000000,01', 'amount.too_large'],
    ['10 000 001', 'amount.too_large'],
    ['10000000000', 'amount.too_large'],
    ['99999999999999999999', 'amount.too_large'],
  ])('refuses %j with %s', (input, code) => {
    const r = parseAmountCents(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message.length).toBeGreaterThan(10);
    }
  });

  it('reads JSON numbers through their decimal text, never rounding', () => {
    expect(cents(12.5)).toBe(1250);
    expect(cents(1234)).toBe(123400);
    expect(cents(0.05)).toBe(5);
    expect(cents(0.1 + 0.2)).toBe('amount.too_many_decimals');
    expect(cents(-1)).toBe('amount.negative');
    expect(cents(Number.NaN)).toBe('amount.invalid');
    expect(cents(1e21)).toBe('amount.invalid');
    expect(cents(1e11)).toBe('amount.too_large');
    expect(cents(MAX_AMOUNT_CENTS / 100)).toBe(MAX_AMOUNT_CENTS);
    expect(cents(MAX_AMOUNT_CENTS / 100 + 0.01)).toBe('amount.too_large');
  });

  it('bounds amounts by the API’s one bound (platform/money.ts), and says the bound in the message', () => {
    expect(MAX_AMOUNT_CENTS).toBe(API_MAX_AMOUNT_CENTS);
    const r = parseAmountCents('12 000 000,00');
    expect(r).toEqual({ ok: false, code: 'amount.too_large', message: expect.stringContaining('10 000 000,00') });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 * MAX_AMOUNT_CENTS }), (value) => {
        const result = parseAmountCents(formatCents(value, 'fr'));
        expect(result.ok).toBe(value <= MAX_AMOUNT_CENTS);
      }),
    );
  });

  it('treats null and undefined as missing', () => {
    expect(cents(null as unknown as string)).toBe('required');
    expect(cents(undefined as unknown as string)).toBe('required');
  });
});

describe('formatCents', () => {
  it('writes each style', () => {
    expect(formatCents(123456789, 'fr')).toBe('1 234 567,89');
    expect(formatCents(123456789, 'fr-dot')).toBe('1.234.567,89');
    expect(formatCents(123456789, 'en')).toBe('1,234,567.89');
    expect(formatCents(123456789, 'plain')).toBe('1234567.89');
    expect(formatCents(123456789, 'plain-comma')).toBe('1234567,89');
    expect(formatCents(5, 'fr')).toBe('0,05');
  });

  it('refuses what is not a cent count', () => {
    expect(() => formatCents(-1, 'fr')).toThrow(RangeError);
    expect(() => formatCents(1.5, 'fr')).toThrow(RangeError);
  });
});

describe('round trip (property)', () => {
  const styles: Array<[AmountStyle, string]> = [
    ['fr', ' '],
    ['fr', '\u00a0'],
    ['fr', '\u202f'],
    ['fr-dot', ' '],
    ['en', ' '],
    ['plain', ' '],
    ['plain-comma', ' '],
  ];

  it('parseAmountCents(formatCents(n, style)) = n for every n in [0, MAX_AMOUNT_CENTS] and every style', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_CENTS }), fc.constantFrom(...styles), (n, [style, space]) => {
        expect(parseAmountCents(formatCents(n, style, space))).toEqual({ ok: true, cents: n });
      }),
      { numRuns: 2000 },
    );
  });

  it('never accepts a negative amount or more than two decimals (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 999 }), (units, thousandths) => {
        expect(parseAmountCents(`-${units},00`).ok).toBe(false);
        const r = parseAmountCents(`${units},${thousandths.toString().padStart(3, '0')}`);
        expect(r.ok).toBe(false);
      }),
    );
  });

  it('reads a plain amount as the general reading does, at every length, leading zeros included (property)', () => {
    // A space around the amount sends it through the general reading (it trims first); bare, it takes the short way.
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{1,14}$/),
        fc.option(fc.tuple(fc.constantFrom('.', ','), fc.stringMatching(/^[0-9]{1,2}$/))),
        (digits, decimal) => {
          const plain = decimal ? `${digits}${decimal[0]}${decimal[1]}` : digits;
          expect(parseAmountCents(plain)).toEqual(parseAmountCents(` ${plain} `));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
