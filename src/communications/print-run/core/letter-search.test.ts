import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCENTED, containsPattern, FOLDED, foldForSearch } from './letter-search.js';

/** What LIKE with `\` as its escape does, in memory: the reference the pattern is checked against. */
function like(text: string, pattern: string): boolean {
  let regex = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i]!;
    if (c === '\\') regex += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '%') regex += '[\\s\\S]*';
    else if (c === '_') regex += '[\\s\\S]';
    else regex += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${regex}$`).test(text);
}

describe('searching returned letters by what the envelope shows', () => {
  it('folds case, accents and spaces the way the database folds them', () => {
    expect(foldForSearch('  Rue de l’Église   SAINT-ÉTIENNE ')).toBe('rue de l’eglise saint-etienne');
    expect(foldForSearch('Via Nazionale, Città')).toBe('via nazionale, citta');
    expect(ACCENTED).toHaveLength(FOLDED.length);
  });

  it('a query found in a text is found by its pattern, whatever characters it holds', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.string(), (before, query, after) => {
        const text = foldForSearch(before) + foldForSearch(query) + foldForSearch(after);
        expect(like(text, containsPattern(query))).toBe(true);
      }),
    );
  });

  it('the query’s own % and _ are no wildcards', () => {
    expect(like('75001 paris', containsPattern('75%'))).toBe(false);
    expect(like('75%', containsPattern('75%'))).toBe(true);
    expect(like('lr-c1', containsPattern('lr_c1'))).toBe(false);
  });
});
