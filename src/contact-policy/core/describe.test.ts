import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './default-policy.js';
import { describePolicy, diffPolicies, groupBySection, isEmptyDiff, RULE_SECTIONS } from './describe.js';
import { HOLD_KINDS, policyDocumentSchema, type PolicyDocument } from './policy-document.js';

const copy = (): PolicyDocument => structuredClone(DEFAULT_POLICY);
const byKey = (document: PolicyDocument, key: string) => describePolicy(document).find((line) => line.key === key);

describe('the policy as readable lines', () => {
  const lines = describePolicy(DEFAULT_POLICY);

  it('gives every line a unique key, and every section of the default a line', () => {
    expect(new Set(lines.map((line) => line.key)).size).toBe(lines.length);
    expect(groupBySection(lines).map((group) => group.section)).toEqual([...RULE_SECTIONS]);
  });

  it('words the hours of each country and day type, closed days included', () => {
    expect(byKey(DEFAULT_POLICY, 'hours.FR.mon')).toMatchObject({
      message: 'hoursOpen',
      params: { country: 'FR', day: 'mon', ranges: ['09:00–20:00'] },
      basis: 'CHOICE',
      source: 'C. conso D223-9 (benchmark)',
    });
    expect(byKey(DEFAULT_POLICY, 'hours.IT.sat')?.params.ranges).toEqual(['08:30–15:00']);
    expect(byKey(DEFAULT_POLICY, 'hours.FR.sun')).toMatchObject({ message: 'hoursClosed' });
    expect(byKey(DEFAULT_POLICY, 'hours.IT.holiday')).toMatchObject({ message: 'hoursClosed', basis: 'SOFT' });
    expect(byKey(DEFAULT_POLICY, 'hours.applies')?.params.channels).toEqual(['phone', 'sms', 'email']);
    expect(lines.filter((line) => line.section === 'hours')).toHaveLength(1 + 2 * 8);
  });

  it('keys caps, spacing and the pause by the rule a refusal names', () => {
    expect(byKey(DEFAULT_POLICY, 'cap.phone.attempts.day')).toMatchObject({
      section: 'caps',
      params: { max: 2, counts: 'attempts', per: 'day', length: 1, channels: ['phone'] },
      basis: 'CHOICE',
      source: null,
    });
    expect(byKey(DEFAULT_POLICY, 'cap.phone.conversations.7d.it')?.params).toMatchObject({
      per: 'days',
      length: 7,
      countries: ['IT'],
    });
    expect(byKey(DEFAULT_POLICY, 'cap.all.30d')?.params.channels).toEqual(['phone', 'sms', 'email', 'letter']);
    expect(byKey(DEFAULT_POLICY, 'spacing.phone')?.params).toEqual({ hours: 4, channels: ['phone'] });
    expect(byKey(DEFAULT_POLICY, 'pause_after_conversation')).toMatchObject({
      params: { days: 7, channels: ['phone'] },
      basis: 'SOFT',
    });
  });

  it('says what each hold stops, its default and longest length, and its notice', () => {
    for (const kind of HOLD_KINDS) expect(byKey(DEFAULT_POLICY, `hold.${kind}`)?.params.kind).toBe(kind);
    expect(byKey(DEFAULT_POLICY, 'hold.overindebtedness_admissible')).toMatchObject({
      params: { stops: ['phone', 'sms', 'email', 'letter'], maxDays: 730 },
      basis: 'LAW',
      source: 'C. conso L722-2, R722-5',
    });
    expect(byKey(DEFAULT_POLICY, 'hold.vulnerability')?.params.defaultDays).toBe(30);
    expect(byKey(DEFAULT_POLICY, 'hold.time_barred')?.params.stops).toEqual([]);
    expect(byKey(DEFAULT_POLICY, 'hold.dispute.notice')?.text?.en).toContain('Dispute open');
    expect(byKey(DEFAULT_POLICY, 'hold.debt_advice.notice')).toBeUndefined();
  });

  it('covers holidays, the first letter, opt-outs, preferences, callbacks and notices', () => {
    expect(byKey(DEFAULT_POLICY, 'holidays.FR')).toMatchObject({
      message: 'holidayCalendar',
      basis: 'LAW',
      source: 'Code du travail L3133-1',
    });
    expect(byKey(DEFAULT_POLICY, 'holidays.FR.region.974')?.params).toMatchObject({
      region: '974',
      calendarRegion: 'RE',
    });
    expect(byKey(DEFAULT_POLICY, 'holidays.IT.extra.06-29.RM')?.params).toMatchObject({
      name: 'Santi Pietro e Paolo (Roma)',
      regions: ['RM'],
    });
    expect(byKey(DEFAULT_POLICY, 'first_letter')).toMatchObject({
      message: 'firstLetter',
      params: { days: 0 },
      source: 'CPCE R124-4',
    });
    expect(byKey(DEFAULT_POLICY, 'opt_out')?.params).toEqual({ hours: 24 });
    expect(byKey(DEFAULT_POLICY, 'preferences')?.params).toEqual({ alwaysOpen: ['letter'] });
    expect(byKey(DEFAULT_POLICY, 'callback')?.params).toEqual({ minutes: 15, from: '08:00', to: '21:00' });
    expect(byKey(DEFAULT_POLICY, 'notice.letters.neutral_envelope')).toMatchObject({
      text: { en: 'Neutral envelope: no mention of debt collection visible.' },
    });
  });
});

describe('the care profile in words', () => {
  it('says whom it binds, its caps and spacing keyed by the rules a refusal names, and that it writes first', () => {
    const care = describePolicy(DEFAULT_POLICY).filter((line) => line.section === 'care');
    expect(care.map((line) => line.key)).toEqual([
      'care',
      'care.cap.phone.day',
      'care.cap.phone.7d',
      'care.cap.all.30d',
      'care.spacing.phone',
      'care.written_first',
    ]);
    expect(care[0]).toMatchObject({ message: 'careApplies', basis: 'CHOICE', source: 'FCA FG21/1' });
    expect(byKey(DEFAULT_POLICY, 'care.cap.phone.7d')).toMatchObject({
      message: 'careCap',
      params: { max: 2, counts: 'attempts', per: 'days', length: 7, channels: ['phone'] },
    });
    expect(byKey(DEFAULT_POLICY, 'care.spacing.phone')?.params).toEqual({ hours: 72, channels: ['phone'] });
    expect(byKey(DEFAULT_POLICY, 'care.written_first')?.message).toBe('careWrittenFirst');
  });

  it('shows a change of the profile in the diff', () => {
    const changed = copy();
    changed.care.writtenFirst = false;
    changed.care.caps[0]!.max = 2;
    expect(diffPolicies(DEFAULT_POLICY, changed).changed.map((change) => change.key)).toEqual([
      'care.cap.phone.day',
      'care.written_first',
    ]);
  });
});

describe('the diff of two versions', () => {
  it('finds nothing between a document and its copy', () => {
    expect(isEmptyDiff(diffPolicies(DEFAULT_POLICY, copy()))).toBe(true);
  });

  it('lists what a changed copy of the default adds, removes and changes, by key', () => {
    const changed = copy();
    changed.caps[0]!.max = 3;
    changed.caps = changed.caps.filter((cap) => cap.id !== 'letters.14d');
    changed.caps.push({
      id: 'letters.30d',
      channels: ['letter'],
      counts: 'attempts',
      max: 2,
      per: { rollingDays: 30 },
      basis: 'CHOICE',
    });
    changed.windows.FR!.sat = [];
    changed.holds.dispute.stops = ['phone', 'sms'];
    changed.pauseAfterConversation.source = 'Regulation F §1006.14';
    const diff = diffPolicies(DEFAULT_POLICY, changed);
    expect(diff.added.map((line) => line.key)).toEqual(['cap.letters.30d']);
    expect(diff.removed.map((line) => line.key)).toEqual(['cap.letters.14d']);
    expect(diff.changed.map((change) => change.key)).toEqual([
      'hours.FR.sat',
      'cap.phone.attempts.day',
      'pause_after_conversation',
      'hold.dispute',
    ]);
    const cap = diff.changed.find((change) => change.key === 'cap.phone.attempts.day')!;
    expect([cap.before.params.max, cap.after.params.max]).toEqual([2, 3]);
    expect(diff.changed[0]!.after.message).toBe('hoursClosed');
  });

  it('is empty exactly when the two valid documents read the same (property)', () => {
    const maxima = fc.array(fc.integer({ min: 0, max: 20 }), {
      minLength: DEFAULT_POLICY.caps.length,
      maxLength: DEFAULT_POLICY.caps.length,
    });
    fc.assert(
      fc.property(maxima, (values) => {
        const changed = copy();
        changed.caps.forEach((cap, index) => (cap.max = values[index]!));
        policyDocumentSchema.parse(changed);
        const diff = diffPolicies(DEFAULT_POLICY, changed);
        const expected = DEFAULT_POLICY.caps
          .filter((cap, index) => cap.max !== values[index])
          .map((cap) => `cap.${cap.id}`);
        expect(diff.changed.map((change) => change.key)).toEqual(expected);
        expect(diff.added).toEqual([]);
        expect(diff.removed).toEqual([]);
      }),
    );
  });
});
