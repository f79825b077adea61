import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseCreditorReference,
  creditorReference,
  creditorReferenceBody,
  isCreditorReference,
  printedReference,
} from './creditor-reference.js';

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const body = fc.array(fc.constantFrom(...ALPHANUMERIC), { minLength: 1, maxLength: 21 }).map((chars) => chars.join(''));

describe('the RF creditor reference (ISO 11649)', () => {
  it('gives the check digits of the standard’s own example and of known references', () => {
    expect(creditorReference('539007547034')).toBe('RF18539007547034');
    expect(isCreditorReference('RF18 5390 0754 7034')).toBe(true);
    expect(isCreditorReference('RF19 5390 0754 7034')).toBe(false);
  });

  it('names a case by its reference, printed in groups of four', () => {
    const reference = caseCreditorReference('ACC-2026-000123');
    expect(reference).toMatch(/^RF\d{2}ACC2026000123$/);
    expect(isCreditorReference(reference)).toBe(true);
    expect(creditorReferenceBody(printedReference(reference).toLowerCase())).toBe('ACC2026000123');
    expect(printedReference(reference)).toMatch(/^RF\d{2} ACC2 0260 0012 3$/);
  });

  it('refuses a body that is empty, too long or not letters and digits', () => {
    expect(() => creditorReference('')).toThrow(RangeError);
    expect(() => creditorReference('A'.repeat(22))).toThrow(RangeError);
    expect(() => creditorReference('ACC-2026')).toThrow(RangeError);
    expect(isCreditorReference('RF18')).toBe(false);
    expect(isCreditorReference('XX18539007547034')).toBe(false);
  });

  it('validates every reference it generates, whatever the spaces and the case', () => {
    fc.assert(
      fc.property(body, fc.boolean(), (text, lower) => {
        const reference = creditorReference(text);
        const shown = printedReference(reference);
        expect(isCreditorReference(lower ? shown.toLowerCase() : shown)).toBe(true);
        expect(creditorReferenceBody(reference)).toBe(text);
      }),
    );
  });

  // A letter reads as two digits, a digit as one: a letter swapped for a digit shifts what follows, and about one such
  // change in 97 keeps the remainder. A character replaced by another of its kind changes one place by less than 97.
  it('fails a reference with one character changed for another of its kind (a digit for a digit, a letter for a letter)', () => {
    fc.assert(
      fc.property(body, fc.nat(), fc.nat(), (text, at, by) => {
        const reference = creditorReference(text);
        // Any position after "RF": a check digit or a character of the body, replaced by another allowed there.
        const position = 2 + (at % (reference.length - 2));
        const digit = /\d/.test(reference[position]!);
        const allowed = digit ? ALPHANUMERIC.slice(0, 10) : ALPHANUMERIC.slice(10);
        const others = allowed.filter((char) => char !== reference[position]);
        const changed = reference.slice(0, position) + others[by % others.length]! + reference.slice(position + 1);
        expect(isCreditorReference(changed)).toBe(false);
      }),
    );
  });
});
