import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COVERAGES, HELPS_WITH } from '../../core/vocabulary.js';
import { departmentsOf, isKnownArea, regionOf, regionsOf } from './areas.js';
import { serves, suggest, type DirectoryEntry } from './suggest.js';

const entry = (over: Partial<DirectoryEntry>): DirectoryEntry => ({
  id: over.name ?? 'x',
  name: 'x',
  country: 'FR',
  helpsWith: ['budget_advice'],
  coverage: 'national',
  area: null,
  active: true,
  ...over,
});

describe('the directory’s suggestions for a debtor', () => {
  it('knows every French département once (96 metropolitan, 5 overseas) and the Italian provinces', () => {
    const fr = departmentsOf('FR');
    expect(new Set(fr).size).toBe(fr.length);
    expect(fr).toHaveLength(101);
    expect(regionOf('FR', '67')).toBe('44');
    expect(regionOf('FR', '75')).toBe('11');
    expect(regionOf('FR', '2a')).toBe('94');
    expect(regionOf('IT', 'MI')).toBe('Lombardia');
    expect(new Set(departmentsOf('IT')).size).toBe(departmentsOf('IT').length);
    expect(regionsOf('IT')).toHaveLength(20);
    expect(isKnownArea('IT', 'region', 'Lombardia')).toBe(true);
    expect(isKnownArea('FR', 'department', '99')).toBe(false);
  });

  it('suggests the same country’s national ones and those of the debtor’s département or region, nearest first', () => {
    const all = [
      entry({ name: 'National' }),
      entry({ name: 'Paris', coverage: 'department', area: '75' }),
      entry({ name: 'Île-de-France', coverage: 'region', area: '11' }),
      entry({ name: 'Grand Est', coverage: 'region', area: '44' }),
      entry({ name: 'Italia', country: 'IT' }),
      entry({ name: 'Closed', active: false }),
      entry({ name: 'Housing', helpsWith: ['housing'] }),
    ];
    const names = (list: DirectoryEntry[]) => list.map((e) => e.name);
    expect(names(suggest(all, { country: 'FR', department: '75' }, 'budget_advice'))).toEqual([
      'Paris',
      'Île-de-France',
      'National',
    ]);
    expect(names(suggest(all, { country: 'FR', department: '67' }))).toEqual(['Grand Est', 'Housing', 'National']);
    expect(names(suggest(all, { country: 'FR', department: null }))).toEqual(['Housing', 'National']);
  });

  it('never suggests an inactive one, one of another country, or one not helping with what is needed', () => {
    const arbitraryEntry = fc.record({
      id: fc.uuid(),
      name: fc.string({ maxLength: 8 }),
      country: fc.constantFrom('FR', 'IT'),
      helpsWith: fc.uniqueArray(fc.constantFrom(...HELPS_WITH), { minLength: 1 }),
      coverage: fc.constantFrom(...COVERAGES),
      area: fc.constantFrom(null, '75', '11', 'MI', 'Lombardia', '67'),
      active: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryEntry, { maxLength: 20 }),
        fc.constantFrom('FR', 'IT'),
        fc.constantFrom(null, '75', '67', 'MI', 'RM'),
        fc.option(fc.constantFrom(...HELPS_WITH), { nil: undefined }),
        (entries, country, department, need) => {
          const place = { country, department };
          const found = suggest(entries, place, need);
          for (const e of found) {
            expect(e.active && e.country === country).toBe(true);
            if (need) expect(e.helpsWith).toContain(need);
            if (e.coverage !== 'national') expect(department).not.toBeNull();
          }
          expect(found.length).toBe(
            entries.filter((e) => serves(e, place) && (need === undefined || e.helpsWith.includes(need))).length,
          );
        },
      ),
    );
  });
});
