import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_ADAPTATIONS } from '../../contact-policy/core/adaptations.js';
import { addDays, addMonths } from '../../platform/calendar/dates.js';
import {
  checkRecord,
  decideReview,
  latestReviewOn,
  normaliseDrivers,
  REVIEW_MAX_MONTHS,
  reviewStateOn,
  type RecordDraft,
} from './record.js';
import { CONSENTS, DRIVERS, LEGAL_BASES, VULNERABILITY_STATUSES } from './vocabulary.js';

const TODAY = '2026-12-04';
const NOW = new Date('2026-12-04T10:00:00Z');
const day = fc.integer({ min: -400, max: 800 }).map((offset) => addDays(TODAY, offset));

const draft = (change: Partial<RecordDraft> = {}): RecordDraft => ({
  drivers: ['life_event'],
  note: 'Written contact only',
  adaptations: NO_ADAPTATIONS,
  legalBasis: 'explicit_consent',
  consent: 'given',
  consentAt: new Date('2026-12-04T09:00:00Z'),
  reviewOn: addMonths(TODAY, 3),
  ...change,
});

describe('vulnerability records', () => {
  it('accepts a record with a driver, a note, consent given and a review date in three months', () => {
    expect(checkRecord(draft(), NOW, TODAY)).toBeNull();
  });

  it('refuses what FG21/1 and GDPR art. 9 rule out, each with its code', () => {
    expect(checkRecord(draft({ drivers: [] }), NOW, TODAY)).toBe('care.no_driver');
    expect(checkRecord(draft({ note: '   ' }), NOW, TODAY)).toBe('care.note_length');
    expect(checkRecord(draft({ note: 'x'.repeat(501) }), NOW, TODAY)).toBe('care.note_length');
    expect(checkRecord(draft({ consent: 'refused' }), NOW, TODAY)).toBe('care.consent_required');
    expect(checkRecord(draft({ consentAt: null }), NOW, TODAY)).toBe('care.consent_date_missing');
    expect(checkRecord(draft({ legalBasis: 'legal_claims', consent: 'not_asked' }), NOW, TODAY)).toBe(
      'care.consent_date_unexpected',
    );
    expect(checkRecord(draft({ consentAt: new Date('2026-12-05T00:00:00Z') }), NOW, TODAY)).toBe(
      'care.consent_in_future',
    );
    expect(checkRecord(draft({ reviewOn: TODAY }), NOW, TODAY)).toBe('care.review_not_after_today');
    expect(checkRecord(draft({ reviewOn: addDays(addMonths(TODAY, 12), 1) }), NOW, TODAY)).toBe('care.review_too_far');
    expect(checkRecord(draft({ reviewOn: addMonths(TODAY, 12) }), NOW, TODAY)).toBeNull();
  });

  it('a valid record always has a review date after today and at most twelve months ahead', () => {
    fc.assert(
      fc.property(
        fc.subarray([...DRIVERS]),
        fc.constantFrom(...LEGAL_BASES),
        fc.constantFrom(...CONSENTS),
        fc.option(fc.integer({ min: -10_000_000, max: 10_000_000 }), { nil: null }),
        day,
        (drivers, legalBasis, consent, offsetMs, reviewOn) => {
          const consentAt = offsetMs === null ? null : new Date(NOW.getTime() + offsetMs);
          const record = draft({ drivers, legalBasis, consent, consentAt, reviewOn });
          if (checkRecord(record, NOW, TODAY) !== null) return;
          expect(reviewOn > TODAY && reviewOn <= latestReviewOn(TODAY, REVIEW_MAX_MONTHS)).toBe(true);
          expect(drivers.length).toBeGreaterThan(0);
          expect(legalBasis !== 'explicit_consent' || consent === 'given').toBe(true);
          expect((consent === 'not_asked') === (consentAt === null)).toBe(true);
        },
      ),
    );
  });

  it('keeps the drivers once each in the vocabulary order', () => {
    expect(normaliseDrivers(['capability', 'health', 'capability'], DRIVERS)).toEqual(['health', 'capability']);
  });

  it('is active until its review date passes, then due for review; never active past it without a person', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VULNERABILITY_STATUSES), day, day, (status, reviewOn, today) => {
        const state = reviewStateOn({ status, reviewOn }, today);
        if (status === 'ended') expect(state).toBe('ended');
        else expect(state).toBe(today > reviewOn ? 'review_due' : 'active');
        if (state === 'active') expect(today <= reviewOn).toBe(true);
      }),
    );
  });
});

describe('reviews', () => {
  const record = {
    status: 'review_due' as const,
    reviewOn: addDays(TODAY, -1),
    drivers: ['life_event' as const],
    note: 'Written contact only',
    adaptations: NO_ADAPTATIONS,
  };

  it('keeps a record with a new review date, active again', () => {
    const kept = decideReview(record, { outcome: 'kept', reviewOn: addMonths(TODAY, 6), note: null }, TODAY);
    expect(kept).toMatchObject({ outcome: 'kept', status: 'active', reviewOn: addMonths(TODAY, 6) });
  });

  it('changes what changed, and refuses a change that changes nothing', () => {
    const changed = decideReview(
      record,
      { outcome: 'changed', reviewOn: addMonths(TODAY, 2), note: null, change: { drivers: ['health', 'life_event'] } },
      TODAY,
    );
    expect(changed).toMatchObject({ outcome: 'changed', content: { drivers: ['health', 'life_event'] } });
    expect(
      decideReview(record, { outcome: 'changed', reviewOn: addMonths(TODAY, 2), note: null, change: {} }, TODAY),
    ).toBe('care.nothing_changed');
  });

  it('ends with a reason, and an ended record is not reviewed again', () => {
    expect(decideReview(record, { outcome: 'ended', reason: 'Situation resolved' }, TODAY)).toMatchObject({
      status: 'ended',
      reviewOn: null,
    });
    expect(decideReview(record, { outcome: 'ended', reason: ' ' }, TODAY)).toBe('care.reason_length');
    expect(
      decideReview(
        { ...record, status: 'ended' },
        { outcome: 'kept', reviewOn: addMonths(TODAY, 1), note: null },
        TODAY,
      ),
    ).toBe('care.record_ended');
  });

  it('a record a review leaves open always has a review date after today and within the limit', () => {
    fc.assert(
      fc.property(day, fc.constantFrom('kept' as const, 'changed' as const), (reviewOn, outcome) => {
        const input =
          outcome === 'kept'
            ? { outcome, reviewOn, note: null }
            : { outcome, reviewOn, note: null, change: { note: 'Calls after 17:00' } };
        const result = decideReview(record, input, TODAY);
        if (typeof result === 'string') return;
        expect(result.status).toBe('active');
        expect(result.reviewOn! > TODAY && result.reviewOn! <= latestReviewOn(TODAY)).toBe(true);
      }),
    );
  });
});
