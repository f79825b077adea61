import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csat, emptyCounts, responseRate, SCORES, wilsonInterval, type ScoreCounts } from './csat.js';
import {
  holdInForce,
  inPlaceEligibility,
  INTERACTION_KINDS,
  SURVEY_BLOCKING_HOLDS,
  surveyEligibility,
  type HoldFact,
  type InteractionFacts,
} from './eligibility.js';
import { minimiseComment, REMOVED } from './minimise.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-01T10:00:00Z');

const counts = fc
  .tuple(...SCORES.map(() => fc.nat({ max: 400 })))
  .map(([a, b, c, d, e]): ScoreCounts => ({ byScore: { 1: a!, 2: b!, 3: c!, 4: d!, 5: e! } }));

describe('CSAT and its interval', () => {
  it('is the share of 4 and 5, inside a Wilson interval within 0-100, over exactly the answers counted', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 1, max: 30 }), (c, minimum) => {
        const total = SCORES.reduce((sum, s) => sum + c.byScore[s], 0);
        const figure = csat(c, minimum);
        expect(figure.answers).toBe(total);
        if (total < minimum) {
          expect(figure.status).toBe('too_few');
          return;
        }
        if (figure.status !== 'rate') throw new Error('a rate was expected');
        expect(figure.satisfied).toBe(c.byScore[4] + c.byScore[5]);
        expect(figure.interval.lowPercent).toBeGreaterThanOrEqual(0);
        expect(figure.interval.highPercent).toBeLessThanOrEqual(100);
        expect(figure.interval.lowPercent).toBeLessThanOrEqual(figure.percent);
        expect(figure.interval.highPercent).toBeGreaterThanOrEqual(figure.percent);
      }),
    );
  });

  it('never shows a rate under the minimum sample, nor without any answer', () => {
    expect(csat(emptyCounts(), 0)).toEqual({ status: 'too_few', answers: 0, minimum: 1 });
    expect(csat({ byScore: { 1: 0, 2: 0, 3: 0, 4: 2, 5: 2 } }, 5).status).toBe('too_few');
    expect(csat({ byScore: { 1: 0, 2: 0, 3: 1, 4: 2, 5: 2 } }, 5)).toMatchObject({ status: 'rate', percent: 80 });
  });

  it('narrows as the sample grows at the same proportion', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 2, max: 20 }),
        (n, k0, factor) => {
          const k = Math.min(k0, n);
          const small = wilsonInterval(k, n);
          const large = wilsonInterval(k * factor, n * factor);
          expect(large.highPercent - large.lowPercent).toBeLessThanOrEqual(small.highPercent - small.lowPercent);
        },
      ),
    );
  });

  it('matches the textbook Wilson interval (8 of 10: 49.0-94.4 %)', () => {
    expect(wilsonInterval(8, 10)).toEqual({ lowPercent: 49, highPercent: 94.4 });
    expect(wilsonInterval(0, 10).lowPercent).toBe(0);
    expect(wilsonInterval(10, 10).highPercent).toBe(100);
  });

  it('gives the response rate of the invitations sent, none when none was', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000 }), fc.nat({ max: 10_000 }), (a, b) => {
        const [answered, invited] = a <= b ? [a, b] : [b, a];
        const rate = responseRate(invited, answered);
        if (invited === 0) {
          expect(rate).toBeNull();
          return;
        }
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(100);
      }),
    );
    expect(() => responseRate(1, 2)).toThrow();
  });
});

const settings = { invitationGapDays: 30, interactionWindowDays: 3 };
const interaction = fc.record({
  kind: fc.constantFrom(...INTERACTION_KINDS),
  at: fc.integer({ min: NOW - 10 * DAY, max: NOW + DAY }),
  agentId: fc.option(fc.constant('agent-1'), { nil: null }),
  completed: fc.boolean(),
}) as fc.Arbitrary<InteractionFacts>;
const hold = fc.record({
  kind: fc.constantFrom(...SURVEY_BLOCKING_HOLDS, 'dispute', 'represented', 'time_barred'),
  startsAt: fc.integer({ min: NOW - 60 * DAY, max: NOW + 10 * DAY }),
  endsAt: fc.option(fc.integer({ min: NOW - 30 * DAY, max: NOW + 60 * DAY }), { nil: null }),
}) as fc.Arbitrary<HoldFact>;
const debtor = fc.record({
  holds: fc.array(hold, { maxLength: 4 }),
  lastInvitedAt: fc.option(fc.integer({ min: NOW - 90 * DAY, max: NOW }), { nil: null }),
  alreadyInvited: fc.boolean(),
});

describe('eligibility for a survey', () => {
  it('invites only after a recent completed interaction with a person, with no hold, none invited within the gap', () => {
    fc.assert(
      fc.property(interaction, debtor, (i, d) => {
        const verdict = surveyEligibility(i, d, settings, NOW);
        const expected =
          i.completed &&
          i.agentId !== null &&
          i.at <= NOW &&
          NOW - i.at <= 3 * DAY &&
          !d.alreadyInvited &&
          !holdInForce(d.holds, NOW) &&
          (d.lastInvitedAt === null || NOW - d.lastInvitedAt >= 30 * DAY);
        expect(verdict.eligible).toBe(expected);
      }),
    );
  });

  it('never invites during a bereavement, over-indebtedness or vulnerability hold in force', () => {
    fc.assert(
      fc.property(interaction, fc.constantFrom(...SURVEY_BLOCKING_HOLDS), (i, kind) => {
        const held = {
          holds: [{ kind, startsAt: NOW - DAY, endsAt: null }],
          lastInvitedAt: null,
          alreadyInvited: false,
        };
        expect(surveyEligibility(i, held, settings, NOW).eligible).toBe(false);
      }),
    );
    const ended = [{ kind: 'vulnerability', startsAt: NOW - 20 * DAY, endsAt: NOW - DAY }];
    const call = { kind: 'call', at: NOW - DAY, agentId: 'a', completed: true } as const;
    expect(
      surveyEligibility(call, { holds: ended, lastInvitedAt: null, alreadyInvited: false }, settings, NOW),
    ).toEqual({
      eligible: true,
    });
  });

  it('takes the gap from the settings, not from the code', () => {
    const call = { kind: 'call', at: NOW - DAY, agentId: 'a', completed: true } as const;
    const facts = { holds: [], lastInvitedAt: NOW - 10 * DAY, alreadyInvited: false };
    expect(surveyEligibility(call, facts, { ...settings, invitationGapDays: 7 }, NOW).eligible).toBe(true);
    expect(surveyEligibility(call, facts, { ...settings, invitationGapDays: 14 }, NOW)).toEqual({
      eligible: false,
      reason: 'recently_invited',
    });
  });
});

const email = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/),
    fc.stringMatching(/^[a-z]{2,10}$/),
    fc.constantFrom('fr', 'com', 'it'),
  )
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
const phone = fc.oneof(
  fc.stringMatching(/^0[1-9]( \d\d){4}$/),
  fc.stringMatching(/^\+33 ?[1-9]( ?\d\d){4}$/),
  fc.stringMatching(/^\+39 3\d{2} \d{6,7}$/),
);
const iban = fc.constantFrom(
  'FR76 3000 6000 0112 3456 7890 189',
  'FR7630006000011234567890189',
  'IT60 X054 2811 1010 0000 0123 456',
  'DE89370400440532013000',
);
const words = fc
  .array(fc.constantFrom('merci', 'très', 'bien', 'agent', 'patient', 'grazie', 'ok', '50 €', 'le 3 mars'), {
    maxLength: 8,
  })
  .map((list) => list.join(' '));

describe('the survey offered in place on the portal', () => {
  it('after a recent completed act of the person, with no agent and no gap, never under a blocking hold, once', () => {
    fc.assert(
      fc.property(interaction, debtor, (i, d) => {
        const verdict = inPlaceEligibility(i, d, settings, NOW);
        const expected =
          i.completed && i.at <= NOW && NOW - i.at <= 3 * DAY && !d.alreadyInvited && !holdInForce(d.holds, NOW);
        expect(verdict.eligible).toBe(expected);
        if (holdInForce(d.holds, NOW)) expect(verdict.eligible).toBe(false);
      }),
    );
  });
});

describe('a comment minimised', () => {
  it('keeps no e-mail, phone number or IBAN a debtor wrote, and the rest of the words', () => {
    fc.assert(
      fc.property(words, fc.oneof(email, phone, iban), words, (before, personal, after) => {
        const out = minimiseComment(`${before} ${personal} ${after}`);
        expect(out).not.toContain(personal);
        expect(out).not.toMatch(/@/);
        expect(out.replace(/\D/g, '').length).toBeLessThanOrEqual(`${before}${after}`.replace(/\D/g, '').length);
        expect(out.startsWith(before.trim().replace(/\s+/g, ' '))).toBe(true);
      }),
    );
  });

  it('leaves a comment without personal data as written, bar spaces, and bounds its length', () => {
    fc.assert(
      fc.property(words, (text) => {
        expect(minimiseComment(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
    );
    expect(minimiseComment('Écrivez-moi à jean.dupont@mail.fr ou au 06 12 34 56 78')).toBe(
      `Écrivez-moi à ${REMOVED.email} ou au ${REMOVED.phone}`,
    );
    expect([...minimiseComment('a'.repeat(5000))]).toHaveLength(1000);
  });
});
