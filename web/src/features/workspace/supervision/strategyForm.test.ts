import { describe, expect, it } from 'vitest';
import { strategyDocumentSchema, type StrategyDocument } from '../../../../../src/workspace/contract.js';
import {
  addSegment,
  formShape,
  moveSegment,
  removeSegment,
  toggled,
  withChallenger,
  withCondition,
} from './strategyForm.js';

const DEFAULT_STRATEGY: StrategyDocument = {
  title: 'Stratégie',
  segments: [
    {
      id: 'fragile',
      name: 'Fragilité',
      when: { vulnerable: true },
      treatment: { team: 'care', channels: ['phone'], priority: 600 },
    },
    {
      id: 'rest',
      name: 'Le reste',
      when: {},
      treatment: { team: 'amicable', channels: ['phone', 'sms'], priority: 300 },
    },
  ],
};

describe('the strategy form’s edits', () => {
  it('adds a segment before the catch-all, and the document stays valid', () => {
    const next = addSegment(DEFAULT_STRATEGY, 'Nouveau');
    expect(next.segments).toHaveLength(DEFAULT_STRATEGY.segments.length + 1);
    expect(next.segments.at(-1)).toEqual(DEFAULT_STRATEGY.segments.at(-1));
    expect(strategyDocumentSchema.safeParse(next).success).toBe(true);
    expect(DEFAULT_STRATEGY.segments).toHaveLength(next.segments.length - 1);
  });

  it('moves and removes segments without losing any', () => {
    const moved = moveSegment(DEFAULT_STRATEGY, 0, 1);
    expect(moved.segments[1]).toBe(DEFAULT_STRATEGY.segments[0]);
    expect(moveSegment(DEFAULT_STRATEGY, 0, -1)).toBe(DEFAULT_STRATEGY);
    expect(removeSegment(DEFAULT_STRATEGY, 0).segments).toEqual(DEFAULT_STRATEGY.segments.slice(1));
  });

  it('drops a condition left empty and keeps lists in their canonical order', () => {
    expect(withCondition({ stages: ['plan'] }, 'stages', [])).toEqual({});
    expect(withCondition({}, 'minAgeDays', 30)).toEqual({ minAgeDays: 30 });
    expect(toggled(['sms'], 'phone', ['phone', 'sms', 'email'])).toEqual(['phone', 'sms']);
    expect(toggled(['phone', 'sms'], 'phone', ['phone', 'sms'])).toEqual(['sms']);
  });

  it('starts a challenger from the champion’s treatment and removes it whole', () => {
    const segment = DEFAULT_STRATEGY.segments[0]!;
    const on = withChallenger(segment, true);
    expect(on.challenger).toEqual({ sharePercent: 10, treatment: segment.treatment });
    expect(withChallenger(on, false)).toEqual(segment);
  });

  it('shows in the form only a document shaped like a strategy', () => {
    expect(formShape(DEFAULT_STRATEGY)).toBe(DEFAULT_STRATEGY);
    expect(formShape({ title: 'x', segments: [{ when: {} }] })).toBeNull();
    expect(formShape([])).toBeNull();
  });
});
