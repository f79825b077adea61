import { describe, expect, it } from 'vitest';
import { decideContact } from './decide.js';
import { at, compiledDefault, contact, facts, MOSELLE, PARIS, REUNION, ROME } from './fixtures.js';

const policy = compiledDefault();
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const rules = (decision: { reasons: { rule: string }[] }) => decision.reasons.map((reason) => reason.rule);

describe('contact hours and calendars', () => {
  it('Good Friday is a holiday in Moselle only', () => {
    const goodFriday = at('2026-04-03T08:00:00Z'); // 10:00 in Paris (summer time)
    const moselle = decideContact(policy, facts({ location: MOSELLE }), 'phone', goodFriday);
    expect(moselle.allowed).toBe(false);
    expect(rules(moselle)).toEqual(['window.holiday']);
    expect(iso(moselle.nextAllowedAt)).toBe('2026-04-04T07:00:00.000Z'); // Saturday 09:00
    expect(decideContact(policy, facts({ location: PARIS }), 'phone', goodFriday).allowed).toBe(true);
  });

  it('4 October is a national holiday in Italy from 2026, and Bologna kept it before', () => {
    const sunday2026 = decideContact(policy, facts({ location: ROME }), 'phone', at('2026-10-04T08:00:00Z'));
    expect(rules(sunday2026)).toEqual(['window.holiday']);
    const saturday2025 = at('2025-10-04T08:00:00Z'); // 10:00 in Rome, before the law
    const letterSent = at('2025-09-01T10:00:00Z');
    expect(
      decideContact(policy, facts({ location: ROME, firstLetterSentAt: letterSent }), 'phone', saturday2025).allowed,
    ).toBe(true);
    const bologna = { country: 'IT', region: 'BO', timeZone: 'Europe/Rome' };
    const inBologna = facts({ location: bologna, firstLetterSentAt: letterSent });
    expect(rules(decideContact(policy, inBologna, 'phone', saturday2025))).toEqual(['window.holiday']);
  });

  it('a Sunday is closed; contact resumes Monday 09:00 local time', () => {
    const decision = decideContact(policy, facts(), 'sms', at('2026-11-29T10:00:00Z'));
    expect(rules(decision)).toEqual(['window.day_closed']);
    expect(iso(decision.nextAllowedAt)).toBe('2026-11-30T08:00:00.000Z');
  });

  it('19:30 in Paris is allowed while it is 22:30 in Réunion', () => {
    const moment = at('2026-11-24T18:30:00Z');
    expect(decideContact(policy, facts({ location: PARIS }), 'phone', moment).allowed).toBe(true);
    const reunion = decideContact(policy, facts({ location: REUNION }), 'phone', moment);
    expect(rules(reunion)).toEqual(['window.hours']);
    expect(iso(reunion.nextAllowedAt)).toBe('2026-11-25T05:00:00.000Z'); // 09:00 in Réunion (UTC+4)
    // 20:00 sharp closes the Paris window.
    expect(rules(decideContact(policy, facts(), 'phone', at('2026-11-24T19:00:00Z')))).toEqual(['window.hours']);
  });

  it('Réunion keeps 20 December, abolition day', () => {
    const decision = decideContact(policy, facts({ location: REUNION }), 'phone', at('2027-12-20T06:00:00Z'));
    expect(rules(decision)).toEqual(['window.holiday']);
  });

  it('daylight saving: after the spring-forward weekend the window opens at 09:00 summer time', () => {
    const saturdayAfternoon = at('2026-03-28T12:30:00Z'); // 13:30 winter time, Saturday closes at 13:00
    const decision = decideContact(policy, facts(), 'phone', saturdayAfternoon);
    expect(iso(decision.nextAllowedAt)).toBe('2026-03-30T07:00:00.000Z');
    const afterFallBack = decideContact(policy, facts(), 'phone', at('2026-10-24T12:30:00Z'));
    expect(iso(afterFallBack.nextAllowedAt)).toBe('2026-10-26T08:00:00.000Z');
  });

  it('letters are not bound by contact hours', () => {
    expect(decideContact(policy, facts(), 'letter', at('2026-11-29T22:00:00Z')).allowed).toBe(true);
  });

  it('a country without contact hours refuses and says what to add', () => {
    const decision = decideContact(
      policy,
      facts({ location: { country: 'BE', region: null, timeZone: 'Europe/Brussels' } }),
      'phone',
      at('2026-11-24T10:00:00Z'),
    );
    expect(rules(decision)).toEqual(['window.no_hours']);
    expect(decision.reasons[0]!.en).toContain('BE');
    expect(decision.nextAllowedAt).toBeNull();
  });
});

describe('caps, spacing and pauses', () => {
  const tuesday = (clock: string) => at(`2026-11-24T${clock}:00+01:00`);

  it('two call attempts a day, then the next day at opening', () => {
    const history = [contact(tuesday('09:05')), contact(tuesday('13:10'))];
    const decision = decideContact(policy, facts({ history }), 'phone', tuesday('17:30'));
    expect(rules(decision)).toEqual(['cap.phone.attempts.day']);
    expect(iso(decision.nextAllowedAt)).toBe('2026-11-25T08:00:00.000Z');
  });

  it('four hours between call attempts', () => {
    const decision = decideContact(policy, facts({ history: [contact(tuesday('10:00'))] }), 'phone', tuesday('12:00'));
    expect(rules(decision)).toEqual(['spacing.phone']);
    expect(iso(decision.nextAllowedAt)).toBe(iso(tuesday('14:00')));
  });

  it('seven attempts in any rolling seven days', () => {
    const history = [17, 18, 19, 20, 21, 23]
      .map((day) => contact(`2026-11-${day}T09:00:00Z`))
      .concat(contact('2026-11-23T15:00:00Z'));
    const decision = decideContact(policy, facts({ history }), 'phone', tuesday('09:30'));
    expect(rules(decision)).toEqual(['cap.phone.attempts.7d']);
    // The oldest attempt leaves the window on 24 November at 09:00 UTC.
    expect(iso(decision.nextAllowedAt)).toBe('2026-11-24T09:00:00.000Z');
  });

  it('no outbound call for seven days after a conversation; written channels stay open', () => {
    const history = [contact(tuesday('10:00'), 'phone', { direction: 'inbound', conversation: true })];
    const call = decideContact(policy, facts({ history }), 'phone', at('2026-11-27T10:00:00Z'));
    expect(rules(call)).toEqual(['pause_after_conversation']);
    expect(iso(call.nextAllowedAt)).toBe(iso(at('2026-12-01T10:00:00+01:00')));
    expect(decideContact(policy, facts({ history }), 'email', at('2026-11-27T10:00:00Z')).allowed).toBe(true);
  });

  it('a callback the debtor asked for is allowed at the time chosen, even after a conversation', () => {
    const callbackAt = at('2026-11-25T19:30:00+01:00');
    const history = [contact(tuesday('10:00'), 'phone', { direction: 'inbound', conversation: true })];
    const withCallback = facts({
      history,
      preferences: { channels: null, windows: null, callbacks: [{ at: callbackAt, channel: 'phone' }] },
    });
    const onTime = decideContact(policy, withCallback, 'phone', callbackAt);
    expect(onTime.allowed).toBe(true);
    expect(onTime.callback).toBe(true);
    expect(decideContact(policy, withCallback, 'phone', callbackAt + 20 * 60_000).allowed).toBe(false);
    expect(decideContact(policy, withCallback, 'phone', tuesday('15:00')).nextAllowedAt).toBe(callbackAt - 15 * 60_000);
    // Once called, the callback is used: the usual rules apply again.
    const called = facts({ ...withCallback, history: [...history, contact(callbackAt)] });
    expect(decideContact(policy, called, 'phone', callbackAt + 5 * 60_000).allowed).toBe(false);
  });

  it('even a requested callback stays within 08:00–21:00', () => {
    const late = at('2026-11-25T21:30:00+01:00');
    const decision = decideContact(
      policy,
      facts({ preferences: { channels: null, windows: null, callbacks: [{ at: late, channel: 'phone' }] } }),
      'phone',
      late,
    );
    expect(rules(decision)).toEqual(['callback.hours']);
  });

  it('SMS and email share two messages a week', () => {
    const history = [contact('2026-11-20T10:00:00Z', 'email'), contact(tuesday('09:00'), 'sms')];
    expect(rules(decideContact(policy, facts({ history }), 'email', tuesday('16:00')))).toEqual(['cap.messages.7d']);
  });

  it('one reminder letter in fourteen days', () => {
    const history = [contact('2026-11-15T10:00:00Z', 'letter')];
    const decision = decideContact(policy, facts({ history }), 'letter', tuesday('16:00'));
    expect(rules(decision)).toEqual(['cap.letters.14d']);
    expect(iso(decision.nextAllowedAt)).toBe('2026-11-29T10:00:00.000Z');
  });

  it('Italy: one conversation a day even when the pause after a conversation is switched off', () => {
    const noPause = compiledDefault({ pauseAfterConversation: { channels: ['phone'], days: 0, basis: 'SOFT' } });
    const history = [contact('2026-11-24T08:00:00Z', 'phone', { conversation: true })];
    const rome = decideContact(noPause, facts({ location: ROME, history }), 'phone', at('2026-11-24T14:00:00Z'));
    expect(rules(rome)).toEqual(['cap.phone.conversations.day.it']);
    expect(
      decideContact(noPause, facts({ location: PARIS, history }), 'phone', at('2026-11-24T14:00:00Z')).allowed,
    ).toBe(true);
  });

  it('ten outbound touches in thirty days across every channel', () => {
    const history = Array.from({ length: 10 }, (_, index) =>
      contact(at('2026-11-01T10:00:00Z') + index * 2 * 86_400_000 + index * 3_600_000, index % 2 ? 'letter' : 'phone'),
    );
    const decision = decideContact(policy, facts({ history }), 'email', tuesday('16:00'));
    expect(rules(decision)).toContain('cap.all.30d');
  });
});

describe('holds, opt-outs, first letter and preferences', () => {
  const moment = at('2026-11-24T10:00:00Z');

  it('a dispute stops every channel; with only a review date, nothing but a person lifts it', () => {
    const dispute = {
      kind: 'dispute' as const,
      startsAt: at('2026-11-01T00:00:00Z'),
      endsAt: null,
      reviewAt: at('2026-12-01T00:00:00Z'),
    };
    for (const channel of ['phone', 'sms', 'email', 'letter'] as const) {
      const decision = decideContact(policy, facts({ holds: [dispute] }), channel, moment);
      expect(rules(decision)).toEqual(['hold.dispute']);
      expect(decision.nextAllowedAt).toBeNull();
    }
  });

  it('a dated pause ends, then contact resumes at the next opening', () => {
    const pause = {
      kind: 'vulnerability' as const,
      startsAt: at('2026-11-01T00:00:00Z'),
      endsAt: at('2026-11-28T23:00:00Z'),
      reviewAt: null,
    };
    const decision = decideContact(policy, facts({ holds: [pause] }), 'phone', moment);
    expect(rules(decision)).toEqual(['hold.vulnerability']);
    expect(iso(decision.nextAllowedAt)).toBe('2026-11-30T08:00:00.000Z'); // Monday 09:00 after the weekend
  });

  it('a filed over-indebtedness file stops calls and SMS but not letters', () => {
    const filed = { kind: 'overindebtedness_filed' as const, startsAt: moment - 1, endsAt: null, reviewAt: moment + 1 };
    expect(decideContact(policy, facts({ holds: [filed] }), 'sms', moment).allowed).toBe(false);
    expect(decideContact(policy, facts({ holds: [filed] }), 'letter', moment).allowed).toBe(true);
  });

  it('a time-barred debt does not stop contact but tells the agent what to disclose', () => {
    const barred = { kind: 'time_barred' as const, startsAt: moment - 1, endsAt: null, reviewAt: moment + 1 };
    const decision = decideContact(policy, facts({ holds: [barred] }), 'phone', moment);
    expect(decision.allowed).toBe(true);
    expect(decision.notices.map((notice) => notice.rule)).toContain('hold.time_barred');
  });

  it('"stop calling" closes the phone and keeps written channels open', () => {
    const optedOut = facts({ optOuts: { phone: moment - 3_600_000 } });
    expect(rules(decideContact(policy, optedOut, 'phone', moment))).toEqual(['opt_out']);
    expect(decideContact(policy, optedOut, 'letter', moment).allowed).toBe(true);
    expect(decideContact(policy, optedOut, 'sms', moment).allowed).toBe(true);
  });

  it('nothing before the R124-4 letter, except that letter', () => {
    const noLetter = facts({ firstLetterSentAt: null });
    expect(rules(decideContact(policy, noLetter, 'phone', moment))).toEqual(['first_letter.missing']);
    expect(decideContact(policy, noLetter, 'letter', moment).allowed).toBe(true);
  });

  it('preferences narrow: another channel is refused, the letter stays open, hours are intersected', () => {
    const emailOnly = facts({ preferences: { channels: ['email'], windows: null, callbacks: [] } });
    expect(rules(decideContact(policy, emailOnly, 'phone', moment))).toEqual(['preference.channel']);
    expect(decideContact(policy, emailOnly, 'letter', moment).allowed).toBe(true);
    const evenings = facts({
      preferences: { channels: null, windows: [{ days: ['tue', 'thu'], from: '18:00', to: '22:00' }], callbacks: [] },
    });
    const decision = decideContact(policy, evenings, 'phone', moment);
    expect(rules(decision)).toEqual(['preference.hours']);
    expect(iso(decision.nextAllowedAt)).toBe('2026-11-24T17:00:00.000Z'); // 18:00 Paris, before the 20:00 close
  });

  it('every reason is given, not just the first', () => {
    const sunday = at('2026-11-29T10:00:00Z');
    const decision = decideContact(
      policy,
      facts({
        optOuts: { phone: sunday - 1 },
        history: [contact(sunday - 2 * 3_600_000), contact(sunday - 3_600_000)],
      }),
      'phone',
      sunday,
    );
    expect(rules(decision)).toEqual(['opt_out', 'window.day_closed', 'cap.phone.attempts.day', 'spacing.phone']);
    for (const reason of decision.reasons) {
      expect(reason.fr.length).toBeGreaterThan(10);
      expect(reason.en.length).toBeGreaterThan(10);
    }
    expect(decision.nextAllowedAt).toBeNull();
  });

  it('a closed case refuses every channel', () => {
    expect(rules(decideContact(policy, facts({ caseOpen: false }), 'letter', moment))).toEqual(['case.closed']);
  });
});
