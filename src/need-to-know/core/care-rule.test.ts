import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOLD_KINDS } from '../../contact-policy/core/policy-document.js';
import { CARE_RULE_ID, careRuleReason, isCareRuleId, restrictDecision, restrictQueueReasons } from './care-rule.js';

const reason = (rule: string, until: string | null = null) => ({
  rule,
  message: `${rule} fr`,
  messages: { fr: `${rule} fr`, en: `${rule} en`, it: `${rule} it` },
  until,
});
const decision = (
  reasons: ReturnType<typeof reason>[],
  notices: { rule: string; message: string; messages: { fr: string; en: string } }[] = [],
) => ({
  allowed: false,
  channel: 'phone' as const,
  reasons,
  notices,
  nextAllowedAt: null,
  override: null,
});

describe('care rule projection of contact decisions', () => {
  it('names only care holds: a vulnerability hold is a care rule, other holds and rules are not', () => {
    expect(isCareRuleId('hold.vulnerability')).toBe(true);
    expect(HOLD_KINDS.filter((kind) => isCareRuleId(`hold.${kind}`))).toEqual(['vulnerability']);
    expect(isCareRuleId('window.hours')).toBe(false);
  });

  it('says a care rule stops the channel until its end, in place of the care hold, other reasons kept in order', () => {
    const view = decision(
      [
        reason('case.closed'),
        reason('hold.vulnerability', '2026-12-25T09:00:00.000Z'),
        reason('hold.dispute'),
        reason('window.hours', '2026-11-26T08:00:00.000Z'),
      ],
      [
        {
          rule: 'hold.vulnerability',
          message: 'Fragilité signalée',
          messages: { fr: 'Fragilité signalée', en: 'Vulnerability flagged' },
        },
      ],
    );
    const restricted = restrictDecision(view, 'fr');
    expect(restricted.reasons.map((r) => r.rule)).toEqual([
      'case.closed',
      CARE_RULE_ID,
      'hold.dispute',
      'window.hours',
    ]);
    expect(restricted.reasons[1]).toEqual({
      rule: CARE_RULE_ID,
      message: careRuleReason('x').fr,
      messages: { fr: careRuleReason('x').fr, en: careRuleReason('x').en, it: careRuleReason('x').it },
      until: '2026-12-25T09:00:00.000Z',
    });
    expect(restricted.notices.map((n) => n.rule)).toEqual([CARE_RULE_ID]);
    expect({ ...restricted, reasons: undefined, notices: undefined }).toEqual({
      ...view,
      reasons: undefined,
      notices: undefined,
    });
    expect(JSON.stringify(restricted)).not.toMatch(/vulnerab|fragilit/i);
  });

  it('treats the contact policy’s care rules as care rules: an adaptation, the care profile, the third party notice', () => {
    for (const rule of ['care.channel', 'care.hours', 'care.pace', 'care.written_first', 'care.cap.phone.day'])
      expect(isCareRuleId(rule)).toBe(true);
    const view = decision(
      [reason('care.channel'), reason('window.hours', '2026-11-26T08:00:00.000Z'), reason('care.written_first')],
      [
        {
          rule: 'care.third_party',
          message: 'Tiers présent',
          messages: { fr: 'Tiers présent', en: 'Third party present' },
        },
        { rule: 'phone.identity', message: 'Identité', messages: { fr: 'Identité', en: 'Identity' } },
      ],
    );
    const restricted = restrictDecision(view, 'en');
    expect(restricted.reasons.map((r) => r.rule)).toEqual([CARE_RULE_ID, 'window.hours']);
    expect(restricted.reasons[0]).toMatchObject({
      message: 'Care rule in place: this channel is not used for this debtor while the rule applies.',
      until: null,
    });
    expect(restricted.notices.map((n) => n.rule)).toEqual([CARE_RULE_ID, 'phone.identity']);
    expect(JSON.stringify(restricted)).not.toMatch(/care\.|tiers|third/i);
    // A dated adaptation (hours, a pace) says contact resumes, not that a hold ends.
    expect(careRuleReason('2026-11-26T08:00:00.000Z', 'care.hours').en).toBe(
      'Care rule in place: contact is adapted for this debtor; it resumes at the next moment shown.',
    );
    expect(careRuleReason(null, 'hold.vulnerability')).toEqual(careRuleReason(null));
  });

  it('leaves a decision without a care hold untouched', () => {
    const view = decision([reason('hold.dispute'), reason('opt_out')]);
    expect(restrictDecision(view, 'en')).toBe(view);
  });

  it('never lets a care hold rule id through, and keeps every other reason and the verdict', () => {
    const rules = fc.constantFrom(
      ...HOLD_KINDS.map((kind) => `hold.${kind}`),
      'opt_out',
      'window.hours',
      'cap.daily',
      'care.channel',
      'care.hours',
      'care.pace',
      'care.written_first',
      'care.cap.phone.day',
      'care.spacing.phone',
    );
    const until = fc.option(
      fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }).map((ms) => new Date(ms).toISOString()),
      { nil: null },
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(rules, until), { selector: ([rule]) => rule, maxLength: 8 }),
        fc.constantFrom('fr' as const, 'en' as const, 'it' as const),
        (list, language) => {
          const view = decision(list.map(([rule, at]) => reason(rule, at)));
          const restricted = restrictDecision(view, language);
          expect(restricted.reasons.some((r) => isCareRuleId(r.rule))).toBe(false);
          expect(restricted.reasons.filter((r) => r.rule !== CARE_RULE_ID)).toEqual(
            view.reasons.filter((r) => !isCareRuleId(r.rule)),
          );
          const care = view.reasons.filter((r) => isCareRuleId(r.rule));
          expect(restricted.reasons.filter((r) => r.rule === CARE_RULE_ID).length).toBe(care.length > 0 ? 1 : 0);
          expect(restricted.allowed).toBe(view.allowed);
        },
      ),
    );
  });

  it('reads a queue explanation in its neutral words when it has them', () => {
    const plain = { fr: 'Priorité 600.', en: 'Priority 600.', it: 'Priorità 600.' };
    const care = {
      fr: 'Segment « Fragilité »',
      en: 'Segment “Vulnerable”',
      it: 'Segmento «Fragilità»',
      restricted: { fr: 'Segment « Règle de soin »', en: 'Segment “Care rule”', it: 'Segmento «Regola di tutela»' },
    };
    expect(restrictQueueReasons([care, plain])).toEqual([care.restricted, plain]);
  });
});
