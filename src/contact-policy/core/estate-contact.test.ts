import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideContact } from './decide.js';
import { ESTATE_RECIPIENTS } from './facts.js';
import { at, compiledDefault, facts } from './fixtures.js';
import { CHANNELS } from './policy-document.js';

/** The contact decision for a deceased debtor's estate (REGULATION §12): relatives never, heirs after 4 months. */
const policy = compiledDefault();
const DEATH_HOLD = { kind: 'deceased' as const, startsAt: 0, endsAt: null, reviewAt: null };
const OPTION_ENDS = at('2026-06-10T00:00:00+02:00');

describe('contact with a deceased debtor’s estate', () => {
  it('refuses a relative always, an heir before the option period ends, anyone before the proof; allows the notary', () => {
    const moment = at('2026-04-14T09:30:00+02:00');
    const decide = (recipient: (typeof ESTATE_RECIPIENTS)[number], optionEndsAt: number | null, t = moment) =>
      decideContact(
        policy,
        facts({
          holds: [DEATH_HOLD],
          estate: { recipient, optionEndsAt, optionEndsOn: optionEndsAt === null ? null : '2026-06-10' },
        }),
        'letter',
        t,
      );
    const relative = decide('relative', OPTION_ENDS);
    expect(relative.allowed).toBe(false);
    expect(relative.reasons.map((reason) => reason.rule)).toEqual(['estate.relative']);
    expect(relative.nextAllowedAt).toBeNull();
    const heir = decide('heir', OPTION_ENDS);
    expect(heir.reasons.map((reason) => reason.rule)).toEqual(['estate.option_period']);
    expect(heir.reasons[0]!.en).toContain('2026-06-10');
    expect(heir.reasons[0]!.fr).toContain('C. civ. 771');
    expect(heir.nextAllowedAt).toBeGreaterThanOrEqual(OPTION_ENDS);
    expect(decide('heir', OPTION_ENDS, at('2026-06-10T09:30:00+02:00')).allowed).toBe(true);
    expect(decide('notary', OPTION_ENDS).allowed).toBe(true);
    expect(decide('notary', null).reasons.map((reason) => reason.rule)).toContain('estate.unproven');
    expect(decideContact(policy, facts({ holds: [DEATH_HOLD] }), 'letter', moment).allowed).toBe(false);
  });

  it('properties: a relative is never allowed; an heir never before the option period ends; the next moment is after it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ESTATE_RECIPIENTS),
        fc.constantFrom(...CHANNELS),
        fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2026-12-31T00:00:00Z') }),
        fc.option(fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2026-12-31T00:00:00Z') }), { nil: null }),
        (recipient, channel, t, optionEndsAt) => {
          const decision = decideContact(
            policy,
            facts({ holds: [DEATH_HOLD], estate: { recipient, optionEndsAt, optionEndsOn: null } }),
            channel,
            t,
          );
          if (recipient === 'relative' || optionEndsAt === null) {
            expect(decision.allowed).toBe(false);
            expect(decision.nextAllowedAt).toBeNull();
          }
          if (recipient === 'heir' && optionEndsAt !== null) {
            if (t < optionEndsAt) expect(decision.allowed).toBe(false);
            if (decision.nextAllowedAt !== null) expect(decision.nextAllowedAt).toBeGreaterThanOrEqual(optionEndsAt);
          }
          for (const reason of decision.reasons) expect(reason.fr && reason.en && reason.it).not.toBe(reason.rule);
        },
      ),
    );
  });
});
