import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  combineAdaptations,
  contactAdaptationsSchema,
  NO_ADAPTATIONS,
  type ContactAdaptations,
} from './adaptations.js';
import { decideContact } from './decide.js';
import { compiledDefault, facts } from './fixtures.js';
import { CHANNELS, DAY_KEYS, type DayKey } from './policy-document.js';

const window = fc
  .record({
    days: fc.subarray([...DAY_KEYS], { minLength: 1 }),
    from: fc.constantFrom('00:00', '08:00', '09:30', '12:00', '17:00'),
    to: fc.constantFrom('11:00', '13:00', '18:30', '21:00', '24:00'),
  })
  .filter((range) => range.from < range.to);

const adaptations: fc.Arbitrary<ContactAdaptations> = fc.record({
  channels: fc.option(fc.subarray([...CHANNELS], { minLength: 1 }), { nil: null }),
  windows: fc.option(fc.array(window, { minLength: 1, maxLength: 3 }), { nil: null }),
  minDaysBetweenContacts: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }),
  thirdPartyPresent: fc.boolean(),
});

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));

/** Whether the windows allow this minute of this day (null: every minute). */
function allows(windows: ContactAdaptations['windows'], day: DayKey, minute: number): boolean {
  if (windows === null) return true;
  return windows.some(
    (range) => range.days.includes(day) && minute >= minutes(range.from) && minute < minutes(range.to),
  );
}

describe('combined adaptations', () => {
  it('are never wider than any one record: channels, every minute of every day, the pace, a third party', () => {
    fc.assert(
      fc.property(fc.array(adaptations, { minLength: 1, maxLength: 4 }), (records) => {
        const combined = combineAdaptations(records);
        for (const record of records) {
          if (record.channels !== null) {
            expect(combined.channels).not.toBeNull();
            for (const channel of combined.channels!) expect(record.channels).toContain(channel);
          }
          if (record.minDaysBetweenContacts !== null)
            expect(combined.minDaysBetweenContacts).toBeGreaterThanOrEqual(record.minDaysBetweenContacts);
          if (record.thirdPartyPresent) expect(combined.thirdPartyPresent).toBe(true);
          if (record.windows !== null) expect(combined.windows).not.toBeNull();
          for (const day of DAY_KEYS) {
            for (let minute = 0; minute < 24 * 60; minute += 15) {
              if (allows(combined.windows, day, minute)) expect(allows(record.windows, day, minute)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('are exactly what every record allows together, minute by minute', () => {
    fc.assert(
      fc.property(fc.array(adaptations, { minLength: 1, maxLength: 4 }), (records) => {
        const combined = combineAdaptations(records);
        for (const day of DAY_KEYS) {
          for (let minute = 0; minute < 24 * 60; minute += 15) {
            const everyRecord = records.every((record) => allows(record.windows, day, minute));
            expect(allows(combined.windows, day, minute)).toBe(everyRecord);
          }
        }
        for (const channel of CHANNELS) {
          const everyRecord = records.every((record) => record.channels === null || record.channels.includes(channel));
          expect(combined.channels === null || combined.channels.includes(channel)).toBe(everyRecord);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never let the policy allow a contact that one of the records alone would refuse', () => {
    const policy = compiledDefault();
    fc.assert(
      fc.property(
        fc.array(adaptations, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...CHANNELS),
        fc.integer({ min: Date.parse('2026-03-01T00:00:00Z'), max: Date.parse('2026-04-30T00:00:00Z') }),
        (records, channel, at) => {
          const care = (adapted: ContactAdaptations) =>
            facts({ care: { since: at - 86_400_000, adaptations: adapted, firstWrittenAt: at - 3_600_000 } });
          if (!decideContact(policy, care(combineAdaptations(records)), channel, at).allowed) return;
          for (const record of records) expect(decideContact(policy, care(record), channel, at).allowed).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('of no record, or of records that narrow nothing, narrow nothing', () => {
    expect(combineAdaptations([])).toEqual(NO_ADAPTATIONS);
    expect(combineAdaptations([NO_ADAPTATIONS, contactAdaptationsSchema.parse({})])).toEqual(NO_ADAPTATIONS);
  });

  it('close a day two records share no hour of, and keep the hours they share', () => {
    const evenings = contactAdaptationsSchema.parse({
      windows: [{ days: ['mon', 'tue'], from: '17:00', to: '21:00' }],
    });
    const mornings = contactAdaptationsSchema.parse({
      windows: [
        { days: ['mon'], from: '09:00', to: '12:00' },
        { days: ['tue'], from: '09:00', to: '18:00' },
      ],
    });
    expect(combineAdaptations([evenings, mornings]).windows).toEqual([{ days: ['tue'], from: '17:00', to: '18:00' }]);
  });
});
