import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from './fold.js';
import { phonePrefixes, planSearch, plannedKinds, prefixHighlight, prefixUpperBound, wordHighlights } from './plan.js';

describe('search plan', () => {
  it('reads a phone number typed any common way as the start of its E.164 form', () => {
    expect(phonePrefixes('06 12 34')).toEqual(['+3361234']);
    expect(phonePrefixes('+33 6 12 34 56 78')).toEqual(['+33612345678']);
    expect(phonePrefixes('0033 (0)6 12')).toEqual(['+33612']);
    expect(phonePrefixes('+33 06 12')).toEqual(['+33612']);
    expect(phonePrefixes('0692 12')).toEqual(['+26269212']);
    expect(phonePrefixes('06 90')).toEqual(['+590690']);
    expect(phonePrefixes('069')).toEqual([]);
    expect(phonePrefixes('0690')).toEqual(['+590690']);
    expect(phonePrefixes('347 123')).toEqual(['+39347123']);
    expect(phonePrefixes('dupont')).toEqual([]);
  });

  it('finds every E.164 number of mainland France from any of its written starts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-7]\d{8}$/), fc.integer({ min: 4, max: 10 }), (significant, typed) => {
        const national = `0${significant}`.slice(0, typed);
        const spaced = national.replace(/(\d{2})(?=\d)/g, '$1 ');
        const e164 = `+33${significant}`;
        const prefixes = phonePrefixes(spaced);
        const overseas = /^(26[239]|69[0-467]|639|59[046])/.test(significant);
        if (!overseas) expect(prefixes).toEqual([e164.slice(0, 3 + typed - 1)]);
      }),
    );
  });

  it('searches each kind only where the text could be one', () => {
    expect(plannedKinds(planSearch('d'))).toEqual([]);
    expect(plannedKinds(planSearch('Dupont Jean'))).toEqual(['name']);
    expect(plannedKinds(planSearch('75011'))).toEqual(['reference', 'postalCode']);
    expect(plannedKinds(planSearch('marie.dup'))).toEqual(['reference', 'name', 'email']);
    expect(plannedKinds(planSearch('FR76 3000 6000'))).toEqual(['name', 'iban']);
    expect(planSearch('ACC-2026-00').reference).toBe('ACC-2026-00');
    expect(planSearch('jean pierre dupont').names).toEqual(['jean pierre dupont', 'dupont jean pierre']);
  });

  it('bounds a prefix range so that exactly the strings starting with it fall inside', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ maxLength: 6 }), (prefix, rest) => {
        const upper = prefixUpperBound(prefix);
        const inside = prefix + rest;
        expect(inside >= prefix && inside < upper).toBe(true);
      }),
    );
  });

  it('highlights the typed words at the start of the name’s words, accents and case aside', () => {
    const value = 'Hélène DUPONT-LÉGER';
    const ranges = wordHighlights(value, ['dup', 'hel', 'leg']);
    expect(ranges.map((r) => value.slice(r.start, r.end))).toEqual(['Hél', 'DUP', 'LÉG']);
    expect(wordHighlights('Jean MARTIN', ['zz'])).toEqual([]);
    expect(prefixHighlight('ACC-2026-000123', 'ACC-2026', (c) => c.toUpperCase())).toEqual([{ start: 0, end: 8 }]);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), (name) => {
        const words = fold(name).split(' ').filter(Boolean);
        for (const range of wordHighlights(name, words)) expect(range.end).toBeGreaterThan(range.start);
      }),
    );
  });
});
