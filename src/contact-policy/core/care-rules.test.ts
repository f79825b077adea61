import { describe, expect, it } from 'vitest';
import { contactAdaptationsSchema, type ContactAdaptations } from './adaptations.js';
import { decideContact } from './decide.js';
import { DEFAULT_CARE_PROFILE, DEFAULT_POLICY, withCareProfile } from './default-policy.js';
import type { CareFact } from './facts.js';
import { at, compiledDefault, contact, facts } from './fixtures.js';
import { policyDocumentSchema } from './policy-document.js';

const policy = compiledDefault();
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const rules = (decision: { reasons: { rule: string }[] }) => decision.reasons.map((reason) => reason.rule);

// Tuesday 24 November 2026, 10:00 in Paris.
const TUESDAY = at('2026-11-24T09:00:00Z');
const RECORDED = at('2026-11-02T09:00:00Z');

function inCare(adaptations: Partial<ContactAdaptations> = {}, care: Partial<CareFact> = {}) {
  return {
    since: RECORDED,
    adaptations: contactAdaptationsSchema.parse(adaptations),
    firstWrittenAt: at('2026-11-03T09:00:00Z'),
    ...care,
  };
}

describe('a vulnerability record’s adaptations', () => {
  it('written contact only: a call is refused for good, a letter and an e-mail stay allowed', () => {
    const debtor = facts({ care: inCare({ channels: ['letter', 'email'] }) });
    const phone = decideContact(policy, debtor, 'phone', TUESDAY);
    expect(rules(phone)).toEqual(['care.channel']);
    expect(phone.nextAllowedAt).toBeNull();
    expect(phone.reasons[0]!.en).toBe(
      'Agreed adaptation (vulnerability): this debtor is contacted only by: letter, email.',
    );
    expect(decideContact(policy, debtor, 'email', TUESDAY).allowed).toBe(true);
    expect(decideContact(policy, debtor, 'letter', TUESDAY).allowed).toBe(true);
  });

  it('never closes the legally required letters, as a preference does not', () => {
    const debtor = facts({ care: inCare({ channels: ['email'] }) });
    expect(decideContact(policy, debtor, 'letter', TUESDAY).allowed).toBe(true);
    expect(rules(decideContact(policy, debtor, 'sms', TUESDAY))).toContain('care.channel');
  });

  it('calls after 17:00 only: refused in the morning, allowed from 17:00 local time', () => {
    const debtor = facts({
      care: inCare({ windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '17:00', to: '20:00' }] }),
    });
    const morning = decideContact(policy, debtor, 'email', TUESDAY);
    expect(rules(morning)).toEqual(['care.hours']);
    expect(iso(morning.nextAllowedAt)).toBe('2026-11-24T16:00:00.000Z');
    // A letter keeps no hours.
    expect(decideContact(policy, debtor, 'letter', TUESDAY).allowed).toBe(true);
  });

  it('a pace of 14 days: nothing goes out, on any channel, within 14 days of the last contact', () => {
    const debtor = facts({
      care: inCare({ minDaysBetweenContacts: 14 }),
      history: [contact('2026-11-20T09:00:00Z', 'letter')],
    });
    const email = decideContact(policy, debtor, 'email', at('2026-11-25T09:00:00Z'));
    expect(rules(email)).toEqual(['care.pace']);
    expect(iso(email.nextAllowedAt)).toBe('2026-12-04T09:00:00.000Z');
    expect(email.reasons[0]!.fr).toContain('14 jours');
  });

  it('a third party present: a notice on every channel, no refusal', () => {
    const debtor = facts({ care: inCare({ thirdPartyPresent: true }) });
    for (const channel of ['phone', 'sms', 'email', 'letter'] as const) {
      const decision = decideContact(policy, debtor, channel, TUESDAY);
      expect(decision.notices.map((notice) => notice.rule)).toContain('care.third_party');
    }
    expect(decideContact(policy, debtor, 'email', TUESDAY).allowed).toBe(true);
  });
});

describe('the care profile', () => {
  it('writes first: no call or SMS until a letter or an e-mail went out after the record', () => {
    const debtor = facts({ care: inCare({}, { firstWrittenAt: null }) });
    const phone = decideContact(policy, debtor, 'phone', TUESDAY);
    expect(rules(phone)).toEqual(['care.written_first']);
    expect(phone.nextAllowedAt).toBeNull();
    expect(rules(decideContact(policy, debtor, 'sms', TUESDAY))).toEqual(['care.written_first']);
    expect(decideContact(policy, debtor, 'email', TUESDAY).allowed).toBe(true);
    const written = facts({ care: inCare({}, { firstWrittenAt: at('2026-11-23T09:00:00Z') }) });
    expect(decideContact(policy, written, 'phone', TUESDAY).allowed).toBe(true);
  });

  it('one call attempt a day and 72 hours between calls, on top of the policy’s own two a day and four hours', () => {
    const debtor = facts({ care: inCare(), history: [contact('2026-11-24T08:00:00Z', 'phone')] });
    const later = decideContact(policy, debtor, 'phone', at('2026-11-24T13:00:00Z'));
    expect(rules(later)).toEqual(['care.cap.phone.day', 'care.spacing.phone']);
    expect(iso(later.nextAllowedAt)).toBe('2026-11-27T08:00:00.000Z');
    expect(later.reasons[0]!.en).toContain('Care contact profile (vulnerability): cap reached.');
    // Without the record, the same call is allowed.
    expect(decideContact(policy, { ...debtor, care: null }, 'phone', at('2026-11-24T13:00:00Z')).allowed).toBe(true);
  });

  it('four contacts in 30 days, every channel together', () => {
    const history = ['2026-11-03', '2026-11-10', '2026-11-17', '2026-11-21'].map((day) =>
      contact(`${day}T09:00:00Z`, 'letter'),
    );
    const debtor = facts({ care: inCare(), history });
    expect(rules(decideContact(policy, debtor, 'email', TUESDAY))).toEqual(['care.cap.all.30d']);
  });

  it('binds nobody without a record, and a compliance officer may soften it to nothing', () => {
    const none = compiledDefault({ care: { ...DEFAULT_CARE_PROFILE, caps: [], spacing: [], writtenFirst: false } });
    const debtor = facts({ care: inCare({}, { firstWrittenAt: null }), history: [contact('2026-11-24T08:00:00Z')] });
    expect(decideContact(none, debtor, 'phone', at('2026-11-24T13:00:00Z')).allowed).toBe(true);
  });

  it('a callback the debtor asked for keeps to the adaptations but not to the profile', () => {
    const callbackAt = at('2026-11-24T16:30:00Z');
    const preferences = { channels: null, windows: null, callbacks: [{ at: callbackAt, channel: 'phone' as const }] };
    const debtor = facts({ preferences, care: inCare({}, { firstWrittenAt: null }) });
    expect(decideContact(policy, debtor, 'phone', callbackAt).allowed).toBe(true);
    const writtenOnly = facts({ preferences, care: inCare({ channels: ['letter', 'email'] }) });
    expect(rules(decideContact(policy, writtenOnly, 'phone', callbackAt))).toEqual(['care.channel']);
  });
});

describe('a stored policy without the care profile', () => {
  it('reads with the shipped profile; a document that has one keeps its own', () => {
    const { care: _care, ...old } = DEFAULT_POLICY;
    expect(policyDocumentSchema.parse(withCareProfile(old)).care).toEqual(DEFAULT_CARE_PROFILE);
    const own = { ...DEFAULT_POLICY, care: { ...DEFAULT_CARE_PROFILE, writtenFirst: false } };
    expect(policyDocumentSchema.parse(withCareProfile(own)).care.writtenFirst).toBe(false);
    expect(DEFAULT_CARE_PROFILE).toMatchObject({ basis: 'CHOICE', source: 'FCA FG21/1', writtenFirst: true });
  });
});
