import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNEL_BIT } from './compile.js';
import { decideContact, isContactAllowed, rollingCapUntil } from './decide.js';
import type { ContactAdaptations } from './adaptations.js';
import type { CareFact, ContactFacts, FactHold, PastContact } from './facts.js';
import { compiledDefault, facts, MOSELLE, PARIS, REUNION, ROME } from './fixtures.js';
import { CHANNELS, DAY_KEYS, HOLD_KINDS, type Channel } from './policy-document.js';

/**
 * Properties over random debtors, histories and moments, many of them on the weekends clocks change:
 * an allowed contact never breaks a cap in any window, never falls outside the hours or on a holiday in the
 * debtor's own local time, an active hold always refuses, and the next allowed moment is allowed while no
 * earlier one is.
 */

const policy = compiledDefault();
const MINUTE = 60_000;
const DAY = 86_400_000;

// Moments around both 2026 clock changes, and anywhere in 2025–2027.
const moment = fc.oneof(
  fc.integer({ min: Date.parse('2026-03-26T00:00:00Z'), max: Date.parse('2026-04-02T00:00:00Z') }),
  fc.integer({ min: Date.parse('2026-10-22T00:00:00Z'), max: Date.parse('2026-10-29T00:00:00Z') }),
  fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }),
);

const channel = fc.constantFrom(...CHANNELS);

function historyAround(base: number) {
  return fc
    .array(
      fc.record({
        offsetMinutes: fc.integer({ min: -40 * 24 * 60, max: 3 * 24 * 60 }),
        channel,
        direction: fc.constantFrom<'outbound' | 'inbound'>('outbound', 'outbound', 'outbound', 'inbound'),
        conversation: fc.boolean(),
      }),
      { maxLength: 35 },
    )
    .map((contacts): PastContact[] =>
      contacts
        .map((entry) => ({
          at: base + entry.offsetMinutes * MINUTE,
          channel: entry.channel,
          direction: entry.direction,
          conversation: entry.channel === 'phone' && entry.conversation,
        }))
        .sort((a, b) => a.at - b.at),
    );
}

function holdsAround(base: number) {
  return fc
    .array(
      fc.record({
        kind: fc.constantFrom(...HOLD_KINDS),
        startOffset: fc.integer({ min: -30 * 24 * 60, max: 10 * 24 * 60 }),
        lengthMinutes: fc.option(fc.integer({ min: 60, max: 30 * 24 * 60 }), { nil: null }),
      }),
      { maxLength: 2 },
    )
    .map((holds): FactHold[] =>
      holds.map((hold) => {
        const startsAt = base + hold.startOffset * MINUTE;
        return {
          kind: hold.kind,
          startsAt,
          endsAt: hold.lengthMinutes === null ? null : startsAt + hold.lengthMinutes * MINUTE,
          reviewAt: hold.lengthMinutes === null ? startsAt + 30 * DAY : null,
        };
      }),
    );
}

const window = fc
  .record({
    days: fc.subarray([...DAY_KEYS], { minLength: 1 }),
    from: fc.constantFrom('08:00', '09:30', '12:00', '17:00'),
    to: fc.constantFrom('11:00', '13:00', '18:30', '21:00', '24:00'),
  })
  .filter((range) => range.from < range.to);

/** A vulnerability record's adaptations, each one narrowing or not. */
const adaptations: fc.Arbitrary<ContactAdaptations> = fc.record({
  channels: fc.option(fc.subarray([...CHANNELS], { minLength: 1 }), { nil: null }),
  windows: fc.option(fc.array(window, { minLength: 1, maxLength: 3 }), { nil: null }),
  minDaysBetweenContacts: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
  thirdPartyPresent: fc.boolean(),
});

function careAround(base: number): fc.Arbitrary<CareFact> {
  return fc.record({
    since: fc.integer({ min: base - 60 * DAY, max: base }),
    adaptations,
    firstWrittenAt: fc.option(fc.integer({ min: base - 60 * DAY, max: base + 2 * DAY }), { nil: null }),
  });
}

const scenario = moment.chain((base) =>
  fc.record({
    at: fc.constant(base),
    channel,
    facts: fc.record({
      location: fc.constantFrom(PARIS, MOSELLE, REUNION, ROME),
      holds: holdsAround(base),
      optOuts: fc.constant({}),
      reachable: fc.constant({ phone: true, sms: true, email: true, letter: true }),
      preferences: fc.record({
        channels: fc.option(fc.subarray([...CHANNELS], { minLength: 1 }), { nil: null, freq: 3 }),
        windows: fc.option(
          fc.array(
            fc
              .record({
                days: fc.subarray([...DAY_KEYS], { minLength: 1 }),
                from: fc.constantFrom('08:00', '12:00', '17:30'),
                to: fc.constantFrom('13:00', '19:00', '22:00'),
              })
              .filter((window) => window.from < window.to),
            { minLength: 1, maxLength: 2 },
          ),
          { nil: null, freq: 3 },
        ),
        callbacks: fc.array(
          fc.record({
            at: fc.integer({ min: base - DAY, max: base + 3 * DAY }),
            channel: fc.constant<Channel>('phone'),
          }),
          { maxLength: 1 },
        ),
      }),
      firstLetterSentAt: fc.option(fc.integer({ min: base - 60 * DAY, max: base + DAY }), { nil: null, freq: 8 }),
      caseOpen: fc.constant(true),
      history: historyAround(base),
      care: fc.option(careAround(base), { nil: null, freq: 2 }),
    }) as fc.Arbitrary<ContactFacts>,
  }),
);

/** An independent reading of local time, straight from Intl, to check the engine's own. */
function localOf(zone: string, at: number) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)!.value;
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday')),
    minutes: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

function counted(contact: PastContact, mask: number, conversations: boolean) {
  if ((CHANNEL_BIT[contact.channel] & mask) === 0) return false;
  return conversations ? contact.conversation : contact.direction === 'outbound';
}

/** Brute force: the largest number of counted contacts in any window [s, s + W) that contains t. */
function busiestWindowAround(
  history: readonly PastContact[],
  mask: number,
  conversations: boolean,
  windowMs: number,
  t: number,
) {
  const times = history.filter((contact) => counted(contact, mask, conversations)).map((contact) => contact.at);
  const starts = [t - windowMs + 1, t, ...times.flatMap((time) => [time - windowMs + 1, time + 1])].filter(
    (start) => start > t - windowMs && start <= t,
  );
  let busiest = 0;
  for (const start of starts) {
    busiest = Math.max(busiest, times.filter((time) => time >= start && time < start + windowMs).length);
  }
  return busiest;
}

describe('contact decisions, over random histories and moments', () => {
  it('an allowed contact keeps every cap in every window that contains it', () => {
    fc.assert(
      fc.property(scenario, ({ facts, channel, at }) => {
        const decision = decideContact(policy, facts, channel, at);
        if (!decision.allowed || decision.callback) return;
        const bit = CHANNEL_BIT[channel];
        const local = localOf(facts.location.timeZone, at);
        for (const cap of policy.caps) {
          if ((cap.mask & bit) === 0 || (cap.countries && !cap.countries.has(facts.location.country))) continue;
          const already =
            cap.rollingMs === null
              ? facts.history.filter(
                  (contact) =>
                    counted(contact, cap.mask, cap.conversations) &&
                    localOf(facts.location.timeZone, contact.at).date === local.date,
                ).length
              : busiestWindowAround(facts.history, cap.mask, cap.conversations, cap.rollingMs, at);
          // The new contact is the one more attempt (or, for a conversation cap, the call that may become one).
          expect(already + 1, `${cap.id} at ${new Date(at).toISOString()}`).toBeLessThanOrEqual(cap.max);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('an allowed call, SMS or email falls inside the hours and never on a holiday, in local time', () => {
    fc.assert(
      fc.property(scenario, ({ facts, channel, at }) => {
        const decision = decideContact(policy, facts, channel, at);
        if (!decision.allowed || decision.callback || channel === 'letter') return;
        const local = localOf(facts.location.timeZone, at);
        const { country, region } = facts.location;
        const holidays = policy.calendar.list(country, region, Number(local.date.slice(0, 4))).map((day) => day.date);
        expect(holidays).not.toContain(local.date);
        const windows = policy.document.windows[country]!;
        const ranges = windows[DAY_KEYS[local.weekday]!];
        const inside = ranges.some((range) => {
          const [fromHours, fromMinutes] = range.from.split(':').map(Number);
          const [toHours, toMinutes] = range.to.split(':').map(Number);
          return local.minutes >= fromHours! * 60 + fromMinutes! && local.minutes < toHours! * 60 + toMinutes!;
        });
        expect(inside, `${local.date} ${local.minutes} in ${facts.location.timeZone}`).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it('an active hold that stops the channel always refuses', () => {
    fc.assert(
      fc.property(scenario, ({ facts, channel, at }) => {
        const holding = facts.holds.filter(
          (hold) =>
            policy.document.holds[hold.kind].stops.includes(channel) &&
            hold.startsAt <= at &&
            (hold.endsAt === null || hold.endsAt > at),
        );
        const decision = decideContact(policy, facts, channel, at);
        if (holding.length > 0) {
          expect(decision.allowed).toBe(false);
          for (const hold of holding)
            expect(decision.reasons.map((reason) => reason.rule)).toContain(`hold.${hold.kind}`);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('the next allowed moment is allowed, and no earlier moment is', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 25 }),
        ({ facts, channel, at }, samples) => {
          const decision = decideContact(policy, facts, channel, at);
          if (decision.allowed) {
            expect(decision.nextAllowedAt).toBe(at);
            return;
          }
          const next = decision.nextAllowedAt;
          if (next === null) return;
          expect(next).toBeGreaterThan(at);
          expect(isContactAllowed(policy, facts, channel, next)).toBe(true);
          expect(isContactAllowed(policy, facts, channel, next - 1)).toBe(false);
          for (const sample of samples) {
            const earlier = at + Math.floor(sample * (next - at));
            if (earlier < next)
              expect(isContactAllowed(policy, facts, channel, earlier), new Date(earlier).toISOString()).toBe(false);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('covers allowed, refused and later-allowed decisions alike', () => {
    const outcomes = { allowed: 0, later: 0, never: 0, callback: 0 };
    fc.assert(
      fc.property(scenario, ({ facts, channel, at }) => {
        const decision = decideContact(policy, facts, channel, at);
        if (decision.callback) outcomes.callback += 1;
        if (decision.allowed) outcomes.allowed += 1;
        else if (decision.nextAllowedAt === null) outcomes.never += 1;
        else outcomes.later += 1;
      }),
      { numRuns: 1_000, seed: 20261124 },
    );
    // The generators must exercise every branch, or the properties above prove little.
    expect(outcomes.allowed).toBeGreaterThan(100);
    expect(outcomes.later).toBeGreaterThan(100);
    expect(outcomes.never).toBeGreaterThan(50);
    expect(outcomes.callback).toBeGreaterThan(0);
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(scenario, ({ facts, channel, at }) => {
        expect(decideContact(policy, facts, channel, at)).toEqual(decideContact(policy, facts, channel, at));
      }),
      { numRuns: 100 },
    );
  });
});

describe('rolling caps against brute force', () => {
  it('refuses exactly when some window around the moment is full, and reopens right after the refused stretch', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 1_000 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 300 }),
        (times, t, max, windowMs) => {
          const history = times
            .sort((a, b) => a - b)
            .map((time): PastContact => ({ at: time, channel: 'phone', direction: 'outbound', conversation: false }));
          const until = rollingCapUntil(history, CHANNEL_BIT.phone, false, max, windowMs, t);
          const full = busiestWindowAround(history, CHANNEL_BIT.phone, false, windowMs, t) >= max;
          expect(until !== undefined).toBe(full);
          if (until !== undefined) {
            expect(until).toBeGreaterThan(t);
            expect(rollingCapUntil(history, CHANNEL_BIT.phone, false, max, windowMs, until)).toBeUndefined();
            expect(busiestWindowAround(history, CHANNEL_BIT.phone, false, windowMs, until - 1)).toBeGreaterThanOrEqual(
              max,
            );
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('a dated hold of any length', () => {
  it('time alone lifts it: the next allowed moment is known, at or after its end, however far away', () => {
    fc.assert(
      fc.property(
        moment,
        channel,
        fc.constantFrom(...HOLD_KINDS),
        fc.integer({ min: -30 * DAY, max: 10 * DAY }),
        fc.integer({ min: 60 * MINUTE, max: 10 * 366 * DAY }),
        fc.constantFrom(PARIS, MOSELLE, REUNION, ROME),
        (base, chosen, kind, startOffset, length, location) => {
          const startsAt = base + startOffset;
          const endsAt = startsAt + length;
          const hold: FactHold = { kind, startsAt, endsAt, reviewAt: null };
          const debtor = facts({ location, holds: [hold] });
          const decision = decideContact(policy, debtor, chosen, base);
          expect(decision.nextAllowedAt).not.toBeNull();
          const next = decision.nextAllowedAt!;
          expect(isContactAllowed(policy, debtor, chosen, next)).toBe(true);
          const stops = (policy.holdStops[kind] & CHANNEL_BIT[chosen]) !== 0;
          if (stops && startsAt <= base) expect(next).toBeGreaterThanOrEqual(endsAt);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('care rules, over random debtors in care', () => {
  const inCare = scenario.filter(({ facts }) => facts.care !== null);

  it('never allow more than the policy does without them, now or at any later moment', () => {
    fc.assert(
      fc.property(
        inCare,
        fc.array(fc.integer({ min: 0, max: 10 * DAY }), { maxLength: 10 }),
        ({ facts, channel, at }, offsets) => {
          const without = { ...facts, care: null };
          const cared = decideContact(policy, facts, channel, at);
          const plain = decideContact(policy, without, channel, at);
          if (cared.allowed) expect(plain.allowed).toBe(true);
          expect(plain.reasons.every((reason) => cared.reasons.some((other) => other.rule === reason.rule))).toBe(true);
          if (cared.nextAllowedAt !== null) {
            expect(plain.nextAllowedAt).not.toBeNull();
            expect(plain.nextAllowedAt!).toBeLessThanOrEqual(cared.nextAllowedAt);
          }
          for (const offset of offsets) {
            if (isContactAllowed(policy, facts, channel, at + offset))
              expect(isContactAllowed(policy, without, channel, at + offset)).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuse a channel outside the adaptations, an hour outside them, and a call before anything written', () => {
    fc.assert(
      fc.property(inCare, ({ facts, channel, at }) => {
        const care = facts.care!;
        const rules = decideContact(policy, facts, channel, at).reasons.map((reason) => reason.rule);
        const channels = care.adaptations.channels;
        if (channels !== null && !channels.includes(channel) && channel !== 'letter')
          expect(rules).toContain('care.channel');
        if ((channel === 'phone' || channel === 'sms') && (care.firstWrittenAt === null || care.firstWrittenAt > at)) {
          const callback = decideContact(policy, facts, channel, at).callback;
          if (!callback) expect(rules).toContain('care.written_first');
        }
        if (care.adaptations.windows !== null && channel !== 'letter') {
          const local = localOf(facts.location.timeZone, at);
          const inside = care.adaptations.windows.some(
            (range) =>
              range.days.includes(DAY_KEYS[local.weekday]!) &&
              local.minutes >= Number(range.from.slice(0, 2)) * 60 + Number(range.from.slice(3)) &&
              local.minutes < Number(range.to.slice(0, 2)) * 60 + Number(range.to.slice(3)),
          );
          expect(rules.includes('care.hours')).toBe(!inside);
        }
      }),
      { numRuns: 600 },
    );
  });
});
