import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lockScreenFindings } from '../../../communications/sms/core/sms-text.js';
import { addDays } from '../../../platform/calendar/dates.js';
import { HELPS_WITH } from '../../core/vocabulary.js';
import { composeReferralEmail, type ReferralEmailFacts } from './referral-email.js';
import { longDate, referralLetterReference, type ReferralLetterLanguage } from './referral-letter.js';

const day = fc.integer({ min: 0, max: 3000 }).map((offset) => addDays('2024-01-01', offset));
// Printable ASCII: never a euro sign, so no amount can come from the directory's texts by chance.
const text = fc.string({ minLength: 3, maxLength: 40 }).filter((value) => value.trim().length >= 3);
const maybe = (value: fc.Arbitrary<string>) => fc.option(value, { nil: null });

const factsOf = (text: fc.Arbitrary<string>): fc.Arbitrary<ReferralEmailFacts> =>
  fc.record({
    language: fc.constantFrom<ReferralLetterLanguage>('fr', 'en', 'it'),
    agency: fc.record({ name: text, phone: text }),
    debtorName: text,
    reference: fc.uuid().map(referralLetterReference),
    proposedOn: day,
    followUpOn: day,
    organisation: fc.record({
      name: text,
      helpsWith: fc.uniqueArray(fc.constantFrom(...HELPS_WITH), { maxLength: 4 }),
      phone: maybe(text),
      email: maybe(text),
      website: maybe(text),
      address: maybe(text),
    }),
  });
const facts = factsOf(text);
/** Names and details in letters only: whatever the lock-screen check finds then comes from the e-mail's own words. */
const plainFacts = factsOf(fc.stringMatching(/^[A-Za-z][A-Za-z ]{2,30}$/));

/** What a case knows of the debt: none of it may reach the e-mail, even handed to the composer by mistake. */
const debtFacts = fc.record({
  need: fc.uuid().map((id) => `NEED-${id}`),
  creditorName: fc.uuid().map((id) => `CREDITOR-${id}`),
  caseReference: fc.integer({ min: 1, max: 999_999 }).map((n) => `ACC-2026-${String(n).padStart(6, '0')}`),
  claimReference: fc.uuid().map((id) => `CLAIM-${id}`),
  balanceCents: fc.integer({ min: 1, max: 100_000_000 }),
});

const amounts = (cents: number) =>
  ['fr-FR', 'en-GB', 'it-IT'].map((locale) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100),
  );

describe('the referral e-mail', () => {
  it('gives every contact detail the directory has, the organisation, the days, the agency’s phone and the reference', () => {
    fc.assert(
      fc.property(facts, (given) => {
        const email = composeReferralEmail(given);
        const { organisation } = given;
        for (const detail of [organisation.phone, organisation.email, organisation.website, organisation.address])
          if (detail) expect(email.body).toContain(detail);
        for (const part of [
          organisation.name,
          given.agency.phone,
          given.agency.name,
          given.debtorName,
          given.reference,
        ])
          expect(email.body).toContain(part);
        expect(email.body).toContain(longDate(given.language, given.proposedOn));
        expect(email.body).toContain(longDate(given.language, given.followUpOn));
        expect(email.language).toBe(given.language);
      }),
    );
  });

  it('never holds the need, an amount, a creditor or a reference of the debt, even when they are handed to it', () => {
    fc.assert(
      fc.property(facts, debtFacts, (given, debt) => {
        const email = composeReferralEmail(given);
        // Facts beyond its own change nothing: the composer reads only what its type names.
        expect(composeReferralEmail({ ...given, ...debt } as ReferralEmailFacts)).toEqual(email);
        const whole = `${email.subject}\n${email.body}`;
        for (const secret of [debt.need, debt.creditorName, debt.caseReference, debt.claimReference])
          expect(whole).not.toContain(secret);
        for (const amount of amounts(debt.balanceCents)) expect(whole).not.toContain(amount);
      }),
    );
  });

  it('writes no amount of its own, in any language, on any day', () => {
    fc.assert(
      fc.property(plainFacts, (given) => {
        const email = composeReferralEmail(given);
        const whole = `${email.subject}\n${email.body}`;
        expect(lockScreenFindings(whole).filter((finding) => finding.kind === 'amount')).toEqual([]);
      }),
    );
  });

  it('has a subject that says only that an organisation can help: nothing a lock screen should not show', () => {
    fc.assert(
      fc.property(facts, (given) => {
        const { subject } = composeReferralEmail(given);
        expect(lockScreenFindings(subject)).toEqual([]);
        // The language's fixed words: no name of the debtor, the organisation or the agency.
        expect(subject).toBe(EXACT_SUBJECTS[given.language]);
      }),
    );
  });

  it('is written in the debtor’s language', () => {
    const given: ReferralEmailFacts = {
      language: 'fr',
      agency: { name: 'Accord Recouvrement', phone: '01 84 88 00 00' },
      debtorName: 'Marie DUPONT',
      reference: referralLetterReference('0192f1e2-aaaa-7bbb-8ccc-ddddeeeeffff'),
      proposedOn: '2026-12-03',
      followUpOn: '2026-12-18',
      organisation: {
        name: 'Point Conseil Budget de Paris',
        helpsWith: ['budget_advice', 'over_indebtedness'],
        phone: '01 40 00 00 00',
        email: null,
        website: 'https://www.mesquestionsdargent.fr',
        address: null,
      },
    };
    const french = composeReferralEmail(given);
    expect(french.subject).toBe('Les coordonnées d’un organisme qui peut vous aider');
    expect(french.body).toContain('Bonjour Marie DUPONT,');
    expect(french.body).toContain('Comme convenu avec vous le 3 décembre 2026');
    expect(french.body).toContain('Il vous aide pour les conseils pour tenir un budget et le surendettement.');
    expect(french.body).toContain(
      'Pour le joindre :\n- Téléphone : 01 40 00 00 00\n- Site : https://www.mesquestionsdargent.fr',
    );
    expect(french.body).toContain('vers le 18 décembre 2026');
    expect(french.body).toContain('Référence : OR-0192F1E2');
    const italian = composeReferralEmail({ ...given, language: 'it' });
    expect(italian.subject).toBe('I recapiti di un ente che può aiutarla');
    expect(italian.body).toContain('La ricontatteremo verso il 18 dicembre 2026');
    expect(italian.body).toContain(
      'L’ente si occupa di consigli per gestire il bilancio familiare e sovraindebitamento.',
    );
    const english = composeReferralEmail({ ...given, language: 'en' });
    expect(english.body).toContain('As agreed with you on 3 December 2026');
    expect(english.body).toContain('How to reach it:\n- Phone: 01 40 00 00 00');
  });
});

const EXACT_SUBJECTS: Record<ReferralLetterLanguage, string> = {
  fr: 'Les coordonnées d’un organisme qui peut vous aider',
  en: 'The contact details of an organisation that can help you',
  it: 'I recapiti di un ente che può aiutarla',
};
