import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRecommendations, nps, npsClass, RECOMMENDATIONS } from './nps.js';

const counts = fc.array(fc.nat({ max: 300 }), { minLength: 11, maxLength: 11 });
const total = (c: readonly number[]) => c.reduce((sum, n) => sum + n, 0);

describe('NPS', () => {
  it('classes 9-10 as promoters, 7-8 as passives, 0-6 as detractors', () => {
    expect(RECOMMENDATIONS.map(npsClass)).toEqual([
      ...Array(7).fill('detractor'),
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });

  it('is promoters minus detractors in points, within -100..100, inside its interval, over exactly the answers', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 1, max: 30 }), (c, minimum) => {
        const figure = nps(c, minimum);
        expect(figure.answers).toBe(total(c));
        if (total(c) < minimum) {
          expect(figure.status).toBe('too_few');
          return;
        }
        if (figure.status !== 'score') throw new Error('a score was expected');
        expect(figure.promoters).toBe(c[9]! + c[10]!);
        expect(figure.detractors).toBe(total(c.slice(0, 7)));
        expect(figure.promoters + figure.passives + figure.detractors).toBe(figure.answers);
        expect(figure.score).toBeCloseTo(((figure.promoters - figure.detractors) / figure.answers) * 100, 1);
        expect(figure.score).toBeGreaterThanOrEqual(-100);
        expect(figure.score).toBeLessThanOrEqual(100);
        expect(figure.interval.lowPercent).toBeGreaterThanOrEqual(-100);
        expect(figure.interval.highPercent).toBeLessThanOrEqual(100);
        expect(figure.interval.lowPercent).toBeLessThanOrEqual(figure.score);
        expect(figure.interval.highPercent).toBeGreaterThanOrEqual(figure.score);
      }),
    );
  });

  it('changes sign, interval and all, when the promoters and the detractors swap labels', () => {
    fc.assert(
      fc.property(counts, (c) => {
        // Mirror only the classes: 10 and 9 become 0 and 1 and back; 2-6 stay detractors, 7-8 passives swap.
        const swapped = emptyRecommendations();
        swapped[0] = c[10]!;
        swapped[1] = c[9]!;
        swapped[10] = c[0]!;
        swapped[9] = total(c.slice(1, 7));
        swapped[7] = c[7]!;
        swapped[8] = c[8]!;
        const a = nps(c, 1);
        const b = nps(swapped, 1);
        if (a.status !== 'score' || b.status !== 'score') return;
        expect(b.promoters).toBe(a.detractors);
        expect(b.detractors).toBe(a.promoters);
        expect(b.score).toBe(-a.score || 0);
        expect(b.interval.lowPercent).toBeCloseTo(-a.interval.highPercent, 6);
        expect(b.interval.highPercent).toBeCloseTo(-a.interval.lowPercent, 6);
      }),
    );
  });

  it('adding a passive never moves the score away from 0, adding a promoter never lowers it', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 0, max: 10 }), (c, value) => {
        const before = nps(c, 1);
        const more = [...c];
        more[value]! += 1;
        const after = nps(more, 1);
        if (after.status !== 'score') throw new Error('a score was expected');
        if (before.status !== 'score') return;
        if (npsClass(value as 0) === 'passive')
          expect(Math.abs(after.score)).toBeLessThanOrEqual(Math.abs(before.score));
        if (npsClass(value as 0) === 'promoter') expect(after.score).toBeGreaterThanOrEqual(before.score);
        if (npsClass(value as 0) === 'detractor') expect(after.score).toBeLessThanOrEqual(before.score);
      }),
    );
  });

  it('narrows as the same mix of answers grows', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 2, max: 20 }), (c, k) => {
        const small = nps(c, 1);
        const large = nps(
          c.map((n) => n * k),
          1,
        );
        if (small.status !== 'score' || large.status !== 'score') return;
        const width = (f: typeof small) => f.interval.highPercent - f.interval.lowPercent;
        expect(width(large)).toBeLessThanOrEqual(width(small) + 0.2);
      }),
    );
  });

  it('says too few under the minimum, never a score, and needs eleven counts', () => {
    expect(nps(emptyRecommendations(), 5)).toEqual({ status: 'too_few', answers: 0, minimum: 5 });
    expect(nps(emptyRecommendations(), 0)).toEqual({ status: 'too_few', answers: 0, minimum: 1 });
    expect(() => nps([1, 2], 1)).toThrow();
    const all = emptyRecommendations();
    all[10] = 12;
    expect(nps(all, 5)).toMatchObject({ status: 'score', score: 100, interval: { lowPercent: 100, highPercent: 100 } });
  });
});
