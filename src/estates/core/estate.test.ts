import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isIsoDate } from '../../platform/calendar/dates.js';
import {
  checkDeclaration,
  checkProof,
  claimDeadlineOn,
  ESTATE_NEXT_ACTIONS,
  ESTATE_STEPS,
  estateNextStep,
  estateOption,
  HEIR_OPTIONS,
  mayDemand,
  optionEndsOn,
  PARTY_ROLES,
  ruleOn,
  stepAfterParty,
  type EstateDeadlineRule,
  type EstateFacts,
} from './estate.js';

const RULES: EstateDeadlineRule[] = [
  { deadline: 'option_period', months: 4, source: 'C. civ. 771', tag: 'law', validFrom: '2007-01-01' },
  { deadline: 'summons_to_opt', months: 2, source: 'C. civ. 772', tag: 'law', validFrom: '2007-01-01' },
  { deadline: 'claim_declaration', months: 15, source: 'C. civ. 792', tag: 'law', validFrom: '2007-01-01' },
  { deadline: 'option_lapse', months: 120, source: 'C. civ. 780', tag: 'check', validFrom: '2007-01-01' },
];

const day = fc.integer({ min: 0, max: 365 * 30 }).map((offset) => addDays('2005-01-01', offset));

const estateFacts: fc.Arbitrary<EstateFacts> = fc
  .record({
    step: fc.constantFrom(...ESTATE_STEPS),
    diedOn: day,
    published: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    declared: fc.boolean(),
    heirOptions: fc.array(fc.constantFrom(...HEIR_OPTIONS), { maxLength: 4 }),
  })
  .map(({ step, diedOn, published, declared, heirOptions }) => {
    const proven = step !== 'reported';
    const publishedOn = proven && published !== null ? addDays(diedOn, published) : null;
    return {
      step,
      diedOn: proven ? diedOn : null,
      optionEndsOn: proven ? optionEndsOn(diedOn, RULES) : null,
      netAssetsPublishedOn: publishedOn,
      claimDeclaredOn: step === 'claim_lodged' && declared ? diedOn : null,
      claimDeadlineOn: publishedOn ? claimDeadlineOn(publishedOn, RULES) : null,
      heirOptions: proven ? heirOptions : [],
    };
  });

describe('a deceased debtor’s estate (REGULATION §12)', () => {
  it('counts the heirs’ option period from the death (4 months, C. civ. 771) and the declaration from the publication (15 months, 792)', () => {
    expect(optionEndsOn('2026-01-31', RULES)).toBe('2026-05-31');
    expect(optionEndsOn('2026-10-31', RULES)).toBe('2027-02-28');
    expect(claimDeadlineOn('2026-03-10', RULES)).toBe('2027-06-10');
    const later = [...RULES, { ...RULES[0]!, months: 6, validFrom: '2030-01-01' }];
    expect(optionEndsOn('2029-12-31', later)).toBe('2030-04-30');
    expect(optionEndsOn('2030-01-01', later)).toBe('2030-07-01');
    expect(ruleOn(later, 'option_period', '1990-01-01').months).toBe(4);
  });

  it('makes the estate’s option from the heirs’ choices: vacant only when every heir known renounced', () => {
    expect(estateOption([])).toBe('pending');
    expect(estateOption(['renounce', 'renounce'])).toBe('vacant');
    expect(estateOption(['renounce', 'undecided'])).toBe('pending');
    expect(estateOption(['renounce', 'accept'])).toBe('accepted');
    expect(estateOption(['accept', 'net_assets'])).toBe('net_assets');
  });

  it('properties: no demand ever to a relative; to an heir never before the option period ends, always after', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -200, max: 200 }), fc.constantFrom(...PARTY_ROLES), (diedOn, offset, role) => {
        const ends = optionEndsOn(diedOn, RULES);
        const today = addDays(diedOn, 120 + offset);
        const may = mayDemand(role, ends, today);
        if (role === 'relative') expect(may).toBe(false);
        if (role === 'heir') expect(may).toBe(today >= ends);
        if (role === 'notary') expect(may).toBe(true);
        expect(mayDemand(role, null, today)).toBe(false);
        expect(today >= addMonths(diedOn, 4) || !may || role === 'notary').toBe(true);
      }),
    );
  });

  it('properties: every estate has a next step with a date never before today; a vacant one leads to the closure', () => {
    fc.assert(
      fc.property(estateFacts, day, (facts, today) => {
        const next = estateNextStep(facts, today);
        expect(ESTATE_NEXT_ACTIONS).toContain(next.action);
        expect(isIsoDate(next.dueOn) && next.dueOn >= today).toBe(true);
        if (facts.step === 'reported') expect(next.action).toBe('obtain_certificate');
        else if (estateOption(facts.heirOptions) === 'vacant') expect(next.action).toBe('close_without_estate');
        if (next.action === 'pursue_heirs') expect(mayDemand('heir', facts.optionEndsOn, next.dueOn)).toBe(true);
        if (next.action === 'await_option') expect(next.dueOn).toBe(facts.optionEndsOn);
      }),
    );
  });

  it('properties: the claim is declared once, to a notary known, and never after the 15 months of a published net-assets acceptance', () => {
    fc.assert(
      fc.property(estateFacts, fc.option(fc.integer({ min: 0, max: 800 }), { nil: null }), day, (facts, p, today) => {
        const publishedOn = p === null || facts.diedOn === null ? null : addDays(facts.diedOn, p);
        const refusal = checkDeclaration(facts, publishedOn, today, RULES);
        if (facts.step !== 'notary') expect(refusal).not.toBeNull();
        else if (publishedOn !== null && today > claimDeadlineOn(publishedOn, RULES))
          expect(refusal).toBe('estates.claim_deadline_passed');
        else expect(refusal).toBeNull();
      }),
    );
  });

  it('proves the death once, on a day not after the report, and moves on when the first notary is known', () => {
    const reported: EstateFacts = {
      step: 'reported',
      diedOn: null,
      optionEndsOn: null,
      netAssetsPublishedOn: null,
      claimDeclaredOn: null,
      claimDeadlineOn: null,
      heirOptions: [],
    };
    expect(checkProof(reported, '2026-02-01', '2026-02-10')).toBeNull();
    expect(checkProof(reported, '2026-02-11', '2026-02-10')).toBe('estates.death_after_report');
    expect(checkProof({ ...reported, step: 'proven' }, '2026-02-01', '2026-02-10')).toBe('estates.already_proven');
    expect(stepAfterParty('proven', 'notary')).toBe('notary');
    expect(stepAfterParty('proven', 'heir')).toBe('proven');
    expect(stepAfterParty('claim_lodged', 'notary')).toBe('claim_lodged');
  });
});
