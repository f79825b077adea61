import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../identity/core/roles.js';
import { mergeWaiting, NOTIFICATION_KINDS, NOTIFICATION_LIST_MAX, sourcesFor } from './sources.js';

describe('what may be waiting for a role', () => {
  it('gives a creditor user nothing to act on, and a team leader approvals, reviews, the team’s work and their certifications', () => {
    expect(sourcesFor('creditor_user')).toEqual([]);
    expect(sourcesFor('team_leader')).toEqual(['plan_approvals', 'case_reviews', 'team_work', 'certifications']);
    expect(sourcesFor('agent')).toEqual(['team_work', 'certifications']);
    for (const role of ROLES) expect(new Set(sourcesFor(role)).size).toBe(sourcesFor(role).length);
  });

  it('lists the oldest items first, never more than the list holds, and counts them all', () => {
    const item = fc.record({
      kind: fc.constantFrom(...NOTIFICATION_KINDS),
      id: fc.uuid(),
      at: fc.date({ min: new Date('2026-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }),
    });
    const group = fc.array(item, { maxLength: 40 }).map((items) => ({ total: items.length + 3, items }));
    fc.assert(
      fc.property(fc.array(group, { maxLength: 4 }), (groups) => {
        const merged = mergeWaiting(groups);
        expect(merged.total).toBe(groups.reduce((sum, g) => sum + g.total, 0));
        const all = groups.flatMap((g) => g.items);
        expect(merged.items.length).toBe(Math.min(all.length, NOTIFICATION_LIST_MAX));
        for (let i = 1; i < merged.items.length; i++) {
          expect(merged.items[i]!.at.getTime()).toBeGreaterThanOrEqual(merged.items[i - 1]!.at.getTime());
        }
      }),
    );
  });
});
